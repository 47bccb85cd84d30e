"""Reading questionnaires: the WGS sees all of them, a focal point those sent to its participant."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import allowed
from kpcs.accounts.roles import Role
from kpcs.errors import NotFound
from kpcs.statistics.models import Questionnaire


def questionnaire_list(*, actor: Actor, status: str | None = None, participant: str | None = None
                       ) -> QuerySet[Questionnaire]:
    qs = Questionnaire.objects.select_related("participant", "drafted_by", "answered_by")
    if not allowed(actor, "statistics.analyse"):
        mine = actor.participants_for(Role.STATISTICS_FOCAL_POINT)
        qs = qs.filter(participant__code__in=mine).exclude(status=Questionnaire.Status.DRAFT)
    if status:
        qs = qs.filter(status=status)
    if participant:
        qs = qs.filter(participant__code=participant)
    return qs.order_by("-created_at", "-id")


def questionnaire_get(*, actor: Actor, questionnaire_id: int) -> Questionnaire:
    """One questionnaire the actor may see; the same "not found" for missing and not-yours."""
    q = questionnaire_list(actor=actor).filter(pk=questionnaire_id).first()
    if q is None:
        raise NotFound(_("No such questionnaire."))
    return q


def awaiting_answer(*, actor: Actor) -> QuerySet[Questionnaire]:
    """Questionnaires sent to the actor's participants and not answered yet."""
    mine = actor.participants_for(Role.STATISTICS_FOCAL_POINT)
    return Questionnaire.objects.filter(Q(participant__code__in=mine), status=Questionnaire.Status.SENT)
