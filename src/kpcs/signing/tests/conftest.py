from __future__ import annotations

import pytest

from kpcs.signing.keys import SigningKey
from kpcs.signing.tests.factories import fixed_key


@pytest.fixture
def key() -> SigningKey:
    return fixed_key()
