"""The Participation Committee's composition against its terms of reference, the Chair and Vice-Chair of a
year, and the scheme's bodies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from kpcs.governance.models import Body, BodyMember, CommitteeSeat
from kpcs.participants.models import ChairTerm, Observer, Participant

# Terms of reference (2003, revised at Gatineau in 2004); configurable because the 2004 revision enlarged the
# committee without a number in the communiqué.
MAX_MEMBERS = getattr(settings, "KPCS_COMMITTEE_MAX_MEMBERS", 9)
MAX_PARTICIPANTS = getattr(settings, "KPCS_COMMITTEE_MAX_PARTICIPANTS", 7)


@dataclass(frozen=True)
class CompositionWarning:
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Chairs:
    year: int
    chair: Participant | None
    vice_chair: Participant | None
    # True when the registry has no term for the year and the chair follows from last year's Vice-Chair.
    derived: bool = False


def chairs_for(year: int) -> Chairs:
    """The Chair and Vice-Chair of a year, from the registry. The Vice-Chair chosen at a plenary becomes Chair
    on 1 January of the next year, so a year without its own term has last year's Vice-Chair as Chair."""
    terms = {t.year: t for t in ChairTerm.objects.select_related("chair", "vice_chair").filter(
        year__in=[year - 1, year])}
    term = terms.get(year)
    if term is not None:
        return Chairs(year, term.chair, term.vice_chair)
    previous = terms.get(year - 1)
    if previous is not None and previous.vice_chair is not None:
        return Chairs(year, previous.vice_chair, None, derived=True)
    return Chairs(year, None, None)


def chair_on(day: dt.date) -> Chairs:
    return chairs_for(day.year)


def committee_seats(year: int) -> QuerySet[CommitteeSeat]:
    return CommitteeSeat.objects.filter(year=year).select_related("participant", "observer")


def committee_warnings(year: int) -> list[CompositionWarning]:
    """Every rule of the terms of reference the year's composition breaks (empty when it is in order)."""
    seats = list(committee_seats(year))
    participants = [s.participant for s in seats if s.participant_id]
    observers = [s.observer for s in seats if s.observer_id]
    warnings: list[CompositionWarning] = []
    if len(seats) > MAX_MEMBERS:
        warnings.append(CompositionWarning("too_many_members", _("The committee has %(n)s members; at most %(max)s are "
                                                      "allowed.") % {"n": len(seats), "max": MAX_MEMBERS}))
    if len(participants) > MAX_PARTICIPANTS:
        warnings.append(CompositionWarning("too_many_participants", _(
            "%(n)s participants sit on the committee; at most %(max)s are allowed, its chair included.")
            % {"n": len(participants), "max": MAX_PARTICIPANTS}))
    for kind, code, label in ((Observer.Kind.CIVIL_SOCIETY, "civil_society_seat", _("civil-society")),
                              (Observer.Kind.INDUSTRY, "industry_seat", _("industry"))):
        n = sum(1 for o in observers if o.kind == kind)
        if n != 1:
            warnings.append(CompositionWarning(code, _(
                "The committee has %(n)s %(kind)s observer seats; it should have exactly one.")
                % {"n": n, "kind": label}))
    chairs, outgoing = chairs_for(year), chairs_for(year - 1).chair
    if chairs.vice_chair is not None and chairs.vice_chair not in participants:
        warnings.append(CompositionWarning("vice_chair_missing", _(
            "The Vice-Chair of the Kimberley Process (%(name)s) sits on the committee but has no seat in %(year)s.")
            % {"name": chairs.vice_chair.name, "year": year}))
    chair_seat = next((s for s in seats if s.is_chair), None)
    if chair_seat is None:
        warnings.append(CompositionWarning("no_chair", _("Nobody chairs the committee in %(year)s.") % {"year": year}))
    elif outgoing is not None and chair_seat.participant_id != outgoing.pk:
        warnings.append(CompositionWarning("chair_not_outgoing", _(
            "The committee is chaired by the outgoing Chair of the Kimberley Process (%(name)s), not by %(code)s.")
            % {"name": outgoing.name, "code": chair_seat.member_code}))
    return warnings


def body_list(*, active: bool | None = True) -> QuerySet[Body]:
    qs = Body.objects.select_related("parent", "established_by").prefetch_related(
        Prefetch("members", queryset=BodyMember.objects.select_related("participant", "observer")))
    return qs.filter(active=active) if active is not None else qs
