"""The Participation Committee's seats, and the working groups and committees with their members."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record, snapshot
from kpcs.errors import Conflict, DomainError
from kpcs.governance.models import Body, BodyMember, CommitteeSeat, Decision
from kpcs.governance.selectors.committee import CompositionWarning, committee_warnings
from kpcs.governance.services.common import clean_and_save, get_or_404, nominator_by_code
from kpcs.governance.status import BodyKind, BodyRole


@transaction.atomic
def committee_seat_add(*, actor: Actor | None, year: int, member: str, chair: bool = False,
                       ) -> tuple[CommitteeSeat, list[CompositionWarning]]:
    """Seat a participant or an observer on the committee for a year. A composition that breaks the terms of
    reference is recorded, and every broken rule is returned as a warning."""
    if actor is not None:
        require(actor, "governance.manage")
    if not 2003 <= year <= 2100:
        raise DomainError(_("%(year)s is not a year of the scheme.") % {"year": year}, code="bad_year")
    participant, observer = nominator_by_code(member)
    if chair and participant is None:
        raise DomainError(_("The committee is chaired by a participant."), code="chair_not_participant")
    seats = CommitteeSeat.objects.filter(year=year)
    if seats.filter(participant=participant, observer=observer).exists():
        raise Conflict(_("%(code)s already has a seat in %(year)s.") % {"code": member.upper(), "year": year},
                       code="duplicate_seat")
    if chair and seats.filter(is_chair=True).exists():
        raise Conflict(_("The committee already has a chair in %(year)s.") % {"year": year}, code="duplicate_chair")
    seat = CommitteeSeat(year=year, participant=participant, observer=observer, is_chair=chair)
    clean_and_save(seat, "invalid_seat")
    audit_record(actor=actor, action="create", instance=seat, changes=snapshot(seat))
    return seat, committee_warnings(year)


@transaction.atomic
def committee_seat_remove(*, actor: Actor | None, seat_id: int) -> list[CompositionWarning]:
    if actor is not None:
        require(actor, "governance.manage")
    seat = get_or_404(CommitteeSeat, seat_id, code="unknown_seat")
    audit_record(actor=actor, action="delete", instance=seat, changes=snapshot(seat))
    year = seat.year
    seat.delete()
    return committee_warnings(year)


@transaction.atomic
def body_create(*, actor: Actor | None, name: str, kind: str, mandate: str = "", parent_id: int | None = None,
                established_by: str | None = None) -> Body:
    if actor is not None:
        require(actor, "governance.manage")
    if kind not in BodyKind.values:
        raise DomainError(_("%(kind)s is not a kind of body.") % {"kind": kind}, code="bad_kind")
    if Body.objects.filter(name=(name or "").strip()).exists():
        raise Conflict(_("A body with this name already exists."), code="duplicate_body")
    decision = None
    if established_by:
        decision = Decision.objects.filter(number=established_by).first()
        if decision is None:
            raise DomainError(_("No decision numbered %(number)s.") % {"number": established_by},
                              code="unknown_decision")
    body = Body(name=(name or "").strip(), kind=kind, mandate=mandate, established_by=decision,
                parent=get_or_404(Body, parent_id, code="unknown_body") if parent_id else None)
    clean_and_save(body, "invalid_body")
    audit_record(actor=actor, action="create", instance=body, changes=snapshot(body))
    return body


@transaction.atomic
def body_member_add(*, actor: Actor | None, body_id: int, member: str, role: str = BodyRole.MEMBER) -> BodyMember:
    if actor is not None:
        require(actor, "governance.manage")
    body = get_or_404(Body, body_id, code="unknown_body")
    if role not in BodyRole.values:
        raise DomainError(_("%(role)s is not a role in a body.") % {"role": role}, code="bad_role")
    participant, observer = nominator_by_code(member)
    if role == BodyRole.CHAIR and body.members.filter(role=BodyRole.CHAIR).exists():
        raise Conflict(_("%(body)s already has a chair.") % {"body": body.name}, code="duplicate_chair")
    if body.members.filter(participant=participant, observer=observer).exists():
        raise Conflict(_("%(code)s is already a member.") % {"code": member.upper()}, code="duplicate_member")
    row = BodyMember(body=body, participant=participant, observer=observer, role=role)
    clean_and_save(row, "invalid_member")
    audit_record(actor=actor, action="create", instance=row, changes=snapshot(row))
    return row
