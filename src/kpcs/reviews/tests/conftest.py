from __future__ import annotations

import datetime as dt

import pytest

from kpcs.accounts.actor import actor_for
from kpcs.reviews.services import roster, visits

D = dt.date


@pytest.fixture
def coordinator(make_user):
    return actor_for(make_user("review_coordinator"))


@pytest.fixture
def experts(registry):
    """A small roster: three government, two industry and two civil-society experts."""
    rows = [("Ana Gov", "CA", "government", ["en", "fr"], ["statistics"]),
            ("Ben Gov", "ZA", "government", ["en"], ["mining"]),
            ("Carla Gov", "EU", "government", ["en", "pt"], ["customs"]),
            ("Dan Industry", "WDC", "industry", ["en"], ["valuation"]),
            ("Eve Industry", "WDC", "industry", ["en", "pt"], ["trade"]),
            ("Fay Society", "CSC", "civil_society", ["en"], ["legal"]),
            ("Gil Society", "CSC", "civil_society", ["en", "fr"], ["mining"])]
    return {name.split()[0].lower(): roster.expert_create(actor=None, name=name, nominated_by=nominator, kind=kind,
                                                          languages=languages, expertise=expertise, max_visits=2)
            for name, nominator, kind, languages, expertise in rows}


@pytest.fixture
def invited(registry):
    for code in ("AO", "BW", "ZA"):
        roster.invitation_record(actor=None, participant=code, invited_on=D(2004, 1, 15))


@pytest.fixture
def two_visits(experts, invited):
    """Two visits of the 2005 period waiting to be scheduled."""
    return [visits.visit_request(actor=None, participant="AO", period="2005", earliest=D(2005, 3, 1),
                                 latest=D(2005, 4, 30), days=5, expertise=["mining", "customs"]),
            visits.visit_request(actor=None, participant="BW", period="2005", earliest=D(2005, 3, 1),
                                 latest=D(2005, 4, 30), days=5, expertise=["statistics"])]
