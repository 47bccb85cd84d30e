"""The Participation Committee's composition rules (warnings, never refusals), and the Chair and Vice-Chair
of each year from the registry."""

from __future__ import annotations

import pytest
from django.utils import translation

from kpcs.errors import Conflict, DomainError
from kpcs.governance.selectors.committee import chairs_for, committee_warnings
from kpcs.governance.services.committee import body_create, body_member_add, committee_seat_add
from kpcs.participants.models import ChairTerm

pytestmark = pytest.mark.django_db

IN_ORDER_2005 = [("CA", True), ("BW", False), ("RU", False), ("EU", False), ("ZA", False), ("US", False),
                 ("IN", False), ("WDC", False), ("CSC", False)]


def _seat(actor, year, seats):
    warnings = []
    for member, chair in seats:
        _seat_row, warnings = committee_seat_add(actor=actor, year=year, member=member, chair=chair)
    return warnings


def test_a_composition_in_order_has_no_warning(secretariat, registry):
    assert _seat(secretariat, 2005, IN_ORDER_2005) == []


def test_every_broken_rule_is_a_warning(secretariat, registry):
    # Chaired by Russia (not the outgoing Chair, Canada), no Vice-Chair (Botswana), 8 participants, 10 members,
    # an industry and an independent observer but no civil-society one.
    seats = [("RU", True), ("ZA", False), ("US", False), ("EU", False), ("IN", False), ("AO", False), ("NA", False),
             ("CN", False), ("WDC", False), ("ADPA", False)]
    warnings = _seat(secretariat, 2005, seats)
    codes = {w.code for w in warnings}
    assert {"too_many_members", "too_many_participants", "civil_society_seat", "vice_chair_missing",
            "chair_not_outgoing"} <= codes
    with translation.override("ru"):
        assert all(w.message for w in committee_warnings(2005))


def test_seats_refused_when_impossible(secretariat, registry):
    committee_seat_add(actor=secretariat, year=2005, member="CA", chair=True)
    with pytest.raises(Conflict):
        committee_seat_add(actor=secretariat, year=2005, member="CA")
    with pytest.raises(Conflict):
        committee_seat_add(actor=secretariat, year=2005, member="BW", chair=True)
    with pytest.raises(DomainError) as exc:
        committee_seat_add(actor=secretariat, year=2005, member="WDC", chair=True)
    assert exc.value.code == "chair_not_participant"
    with pytest.raises(DomainError) as exc:
        committee_seat_add(actor=secretariat, year=2005, member="QQ")
    assert exc.value.code == "unknown_nominator"


def test_chairs_come_from_the_registry_and_the_vice_chair_becomes_chair(registry):
    chairs = chairs_for(2005)
    assert (chairs.chair.code, chairs.vice_chair.code, chairs.derived) == ("RU", "BW", False)
    ChairTerm.objects.filter(year=2006).delete()
    derived = chairs_for(2006)
    assert derived.chair.code == "BW" and derived.derived


def test_bodies_have_one_chair(secretariat, registry):
    body = body_create(actor=secretariat, name="Working Group on Monitoring", kind="working_group",
                       mandate="Peer review")
    body_member_add(actor=secretariat, body_id=body.pk, member="EU", role="chair")
    body_member_add(actor=secretariat, body_id=body.pk, member="CSC")
    with pytest.raises(Conflict):
        body_member_add(actor=secretariat, body_id=body.pk, member="CA", role="chair")
    with pytest.raises(Conflict):
        body_member_add(actor=secretariat, body_id=body.pk, member="CSC")
    assert body.members.count() == 2
