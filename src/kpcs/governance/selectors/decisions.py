"""Decisions and their Rule 26 state, meetings, and deadlines for their owners."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.errors import NotFound
from kpcs.governance.models import Deadline, Decision, DecisionText, Meeting
from kpcs.governance.status import OFFICIAL_LANGUAGES, DeadlineStatus, language_name
from kpcs.reviews.selectors import check_year

DEADLINE_HORIZON_DAYS = getattr(settings, "KPCS_DEADLINE_HORIZON_DAYS", 30)


@dataclass(frozen=True)
class Rule26:
    """Where a decision stands under Rule 26: adopted, or agreed and pending translation or circulation."""

    state: str  # "adopted" | "pending_translation" | "pending_circulation" | "ready"
    missing: list[str] = field(default_factory=list)
    not_circulated: list[str] = field(default_factory=list)
    last_circulated: dt.date | None = None

    @property
    def label(self) -> str:
        if self.state == "adopted":
            return _("Formally adopted")
        if self.state == "pending_translation":
            return _("Agreed, pending translation (missing: %(languages)s)") % {
                "languages": ", ".join(language_name(x) for x in self.missing)}
        if self.state == "pending_circulation":
            return _("Agreed, pending circulation to all participants (%(languages)s)") % {
                "languages": ", ".join(language_name(x) for x in self.not_circulated)}
        return _("Agreed; all five texts made available, ready to be marked adopted")


def rule26_state(decision: Decision) -> Rule26:
    texts = {t.language: t for t in decision.texts.all()}
    missing = [x for x in OFFICIAL_LANGUAGES if x not in texts or not texts[x].text.strip()]
    not_circulated = [x for x in OFFICIAL_LANGUAGES if x in texts and x not in missing
                      and texts[x].circulated_on is None]
    circulated = [t.circulated_on for t in texts.values() if t.circulated_on is not None]
    last = max(circulated) if circulated else None
    if decision.adopted_on is not None:
        return Rule26("adopted", last_circulated=last)
    state = "pending_translation" if missing else "pending_circulation" if not_circulated else "ready"
    return Rule26(state, missing, not_circulated, last)


def text_in(decision: Decision, language: str | None = None) -> DecisionText | None:
    """The decision's text in ``language`` (default: the active one), else in English, else any."""
    texts = {t.language: t for t in decision.texts.all()}
    lang = (language or translation.get_language() or "en")[:2]
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), None)


def decision_list(*, year: int | None = None, state: str | None = None) -> list[tuple[Decision, Rule26]]:
    qs = Decision.objects.select_related("meeting").prefetch_related(
        Prefetch("texts", queryset=DecisionText.objects.order_by("language")))
    if year:
        check_year(year)
        qs = qs.filter(agreed_on__year=year)
    rows = [(d, rule26_state(d)) for d in qs.order_by("-agreed_on", "number")]
    return [r for r in rows if r[1].state == state] if state else rows


def decision_get(*, number: str | None = None, pk: int | None = None) -> Decision:
    qs = Decision.objects.select_related("meeting").prefetch_related("texts", "deadlines", "bodies")
    decision = qs.filter(number=number).first() if number else qs.filter(pk=pk).first()
    if decision is None:
        raise NotFound(_("No decision numbered %(number)s.") % {"number": number or pk}, code="unknown_decision")
    return decision


def meeting_list() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("host").prefetch_related("decisions")


def _owned_by(actor: Actor) -> Q:
    """Deadlines an actor owns: their roles', their participants' and (for the Chair/Secretariat) all."""
    if actor.is_secretariat:
        return Q()
    return Q(owner_role__in=sorted(actor.roles)) | Q(owner_participant__code__in=sorted(actor.participant_codes))


def deadline_list(*, actor: Actor | None = None, status: str | None = DeadlineStatus.OPEN) -> QuerySet[Deadline]:
    qs = Deadline.objects.select_related("owner_participant", "owner_body", "decision")
    if status:
        qs = qs.filter(status=status)
    if actor is not None:
        qs = qs.filter(_owned_by(actor))
    return qs.order_by("due_on", "id")


@dataclass(frozen=True)
class DeadlinesDue:
    passed: list[Deadline]
    approaching: list[Deadline]


def deadlines_due(*, actor: Actor, today: dt.date | None = None,
                  horizon_days: int = DEADLINE_HORIZON_DAYS) -> DeadlinesDue:
    """The actor's open deadlines that have passed, and those due within the horizon (for the dashboard)."""
    today = today or dt.date.today()
    qs = deadline_list(actor=actor)
    return DeadlinesDue(passed=list(qs.filter(due_on__lt=today)[:50]),
                        approaching=list(qs.filter(due_on__gte=today,
                                                   due_on__lte=today + dt.timedelta(days=horizon_days))[:50]))
