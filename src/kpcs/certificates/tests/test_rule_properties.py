"""Property-based tests of the certificate rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpcs.certificates.rules import LineInput, OriginInput, check_draft
from kpcs.participants.models import Participant

pytestmark = pytest.mark.django_db
FIXTURE_OK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TODAY = dt.date.today()


def _codes(world, **changes):
    problems, _ = check_draft(Participant.objects.get(code="BW"), world["input"](**changes), on=TODAY)
    return {p.code for p in problems}


@FIXTURE_OK
@given(days=st.integers(min_value=-5, max_value=400))
def test_validity_is_accepted_exactly_from_1_to_60_days(world, days):
    assert ("validity_too_long" in _codes(world, validity_days=days)) == (not 1 <= days <= 60)


@FIXTURE_OK
@given(carats=st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False),
       usd=st.decimals(min_value=-10**6, max_value=10**9, places=2, allow_nan=False))
def test_amounts(world, carats, usd):
    codes = _codes(world, lines=[LineInput("7102.31", carats, usd)])
    assert ("carats_not_positive" in codes) == (carats <= 0)
    assert ("usd_negative" in codes) == (usd < 0)


@FIXTURE_OK
@given(hs=st.sampled_from(["7102.10", "7102.21", "7102.31", "7102.29", "7102.39", "7105.10", "7105.90", "7101.10"]))
def test_only_rough_diamond_subheadings(world, hs):
    codes = _codes(world, lines=[LineInput(hs, Decimal(1), Decimal(1))])
    assert (codes & {"hs_not_rough_diamond", "unknown_hs_code"} == set()) == (hs in {"7102.10", "7102.21", "7102.31"})


@FIXTURE_OK
@given(shares=st.lists(st.integers(min_value=1, max_value=99), min_size=2, max_size=4))
def test_complete_shares_must_add_up_to_100(world, shares):
    countries = ["BW", "ZA", "RU", "AO"][: len(shares)]
    origins = [OriginInput(c, Decimal(s)) for c, s in zip(countries, shares, strict=True)]
    codes = _codes(world, mixed=True, origins=origins)
    assert ("origin_shares_not_100" in codes) == (sum(shares) != 100)
