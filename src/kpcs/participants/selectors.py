"""Reads of the participant registry."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.translation import gettext as _

from kpcs.errors import NotFound
from kpcs.participants.models import Authority, ChairTerm, Company, HSCode, Observer, Participant, StatusEvent
from kpcs.participants.status import PARTICIPANT_EVENTS, STATE_AFTER, TRADING_EVENTS

COUNTED_KINDS = (Participant.Kind.GOVERNMENT, Participant.Kind.REGIONAL_ORGANISATION)


def _with_event_on(qs: QuerySet[Participant], on: dt.date) -> QuerySet[Participant]:
    latest = StatusEvent.objects.filter(participant=OuterRef("pk"), date__lte=on).order_by("-date", "-id")
    return qs.annotate(event_on=Subquery(latest.values("kind")[:1]))


def participant_list(*, on: dt.date | None = None, kind: str | None = None, state: str | None = None,
                     search: str | None = None) -> QuerySet[Participant]:
    """All registry entries, each annotated with ``event_on`` (the last status event on or before ``on``,
    default today). ``state`` filters by the derived state (participant, suspended, removed, ...)."""
    qs = _with_event_on(Participant.objects.all(), on or dt.date.today())
    if kind:
        qs = qs.filter(kind=kind)
    if state:
        qs = qs.filter(event_on__in=[e for e, s in STATE_AFTER.items() if s == state])
    if search:
        qs = qs.filter(name_en__icontains=search) | qs.filter(code__iexact=search.strip())
    return qs.order_by("code")


def participants_on(on: dt.date) -> QuerySet[Participant]:
    """Who was a participant of the scheme on ``on``: one query over the status history."""
    return _with_event_on(Participant.objects.filter(kind__in=COUNTED_KINDS), on).filter(
        event_on__in=PARTICIPANT_EVENTS).order_by("code")


def state_of(participant: Participant, on: dt.date) -> str | None:
    event = participant.status_events.filter(date__lte=on).order_by("-date", "-id").first()
    return STATE_AFTER[event.kind] if event else None


def is_participant_on(code: str, on: dt.date) -> bool:
    return participants_on(on).filter(code=code).exists()


def may_trade_on(code: str, on: dt.date) -> bool:
    """A participant whose trade is not suspended on ``on``."""
    return _with_event_on(Participant.objects.filter(kind__in=COUNTED_KINDS, code=code), on).filter(
        event_on__in=TRADING_EVENTS).exists()


def participant_get(*, code: str) -> Participant:
    try:
        return Participant.objects.get(code=code.upper())
    except Participant.DoesNotExist:
        raise NotFound(_("No participant with code %(code)s.") % {"code": code}) from None


def status_history(participant: Participant) -> QuerySet[StatusEvent]:
    return participant.status_events.order_by("date", "id")


def authority_list(*, participant: Participant | None = None) -> QuerySet[Authority]:
    qs = Authority.objects.select_related("participant")
    return qs.filter(participant=participant) if participant else qs


def company_list(*, participant: Participant | None = None, on: dt.date | None = None) -> QuerySet[Company]:
    qs = Company.objects.select_related("participant", "registered_by")
    if participant:
        qs = qs.filter(participant=participant)
    if on:
        qs = qs.filter(licensed_from__lte=on).exclude(licensed_until__lt=on)
    return qs


def chair_list() -> QuerySet[ChairTerm]:
    return ChairTerm.objects.select_related("chair", "vice_chair").order_by("year")


def chair_for_year(year: int) -> ChairTerm | None:
    return ChairTerm.objects.select_related("chair", "vice_chair").filter(year=year).first()


def hs_code_list(*, in_scope: bool | None = None) -> QuerySet[HSCode]:
    qs = HSCode.objects.all()
    return qs if in_scope is None else qs.filter(in_scope=in_scope)


def observer_list() -> QuerySet[Observer]:
    return Observer.objects.all()
