from __future__ import annotations

import pytest

from kpcs.accounts.actor import actor_for


@pytest.fixture
def secretariat(make_user):
    return actor_for(make_user("secretariat_admin"))


@pytest.fixture
def committee_member(make_user):
    return actor_for(make_user("participation_committee"))
