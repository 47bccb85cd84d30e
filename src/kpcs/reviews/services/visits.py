"""Review visits and missions: request, team, workflow to the plenary, recommendations and their follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record, snapshot
from kpcs.errors import Conflict, DomainError, NotFound
from kpcs.participants.models import OFFICIAL_LANGUAGES
from kpcs.participants.selectors import state_of
from kpcs.reviews.models import Recommendation, RecommendationUpdate, ReviewVisit, TeamMember
from kpcs.reviews.planning import parse_period
from kpcs.reviews.services.common import clean_and_save, clean_expertise, clean_languages, participant_by_code
from kpcs.reviews.services.teamcheck import team_problems
from kpcs.reviews.status import (
    DONE_STATES,
    PLANNABLE,
    RECOMMENDATION_NEXT,
    VISIT_TRANSITIONS,
    RecommendationStatus,
    VisitKind,
    VisitStatus,
)

MAX_DAYS = 60


def visit_get(visit_id: int, *, lock: bool = False) -> ReviewVisit:
    qs = ReviewVisit.objects.select_related("participant", "leader")
    # Lock only the visit row: PostgreSQL refuses FOR UPDATE on the nullable side of the leader join.
    visit = (qs.select_for_update(of=("self",)) if lock else qs).filter(pk=visit_id).first()
    if visit is None:
        raise NotFound(_("No review visit with number %(id)s.") % {"id": visit_id}, code="unknown_visit")
    return visit


def default_languages(participant_languages: Iterable[str]) -> list[str]:
    """The visited participant's languages among the scheme's five; English when it speaks none of them."""
    return [lang for lang in participant_languages if lang in OFFICIAL_LANGUAGES] or ["en"]


@transaction.atomic
def visit_request(*, actor: Actor | None, participant: str, period: str, earliest: dt.date, latest: dt.date,
                  days: int, kind: str = VisitKind.VISIT, languages: Iterable[str] | None = None,
                  expertise: Iterable[str] = (), notes: str = "") -> ReviewVisit:
    """A visit (invited by the participant, or to an applicant) or a mission waiting to be scheduled."""
    if actor is not None:
        require(actor, "reviews.manage")
    p = participant_by_code(participant)
    first, last = parse_period(period)
    if kind not in VisitKind.values:
        raise DomainError(_("%(kind)s is not a kind of review: use visit or mission.") % {"kind": kind},
                          code="bad_visit_kind")
    if latest < earliest:
        raise DomainError(_("The window closes (%(latest)s) before it opens (%(earliest)s).")
                          % {"earliest": earliest.isoformat(), "latest": latest.isoformat()}, code="dates_inverted")
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise DomainError(_("A visit lasts from 1 to %(max)s days.") % {"max": MAX_DAYS}, code="bad_days")
    if (latest - earliest).days + 1 < days:
        raise DomainError(_("A visit of %(days)s days does not fit in its window.") % {"days": days},
                          code="window_shorter_than_days")
    if not first <= earliest.year <= last:
        raise DomainError(_("The window must open within the period %(period)s.") % {"period": period},
                          code="window_outside_period")
    if (kind == VisitKind.VISIT and not p.review_invitations.filter(invited_on__lte=earliest).exists()
            and state_of(p, earliest) != "applicant"):
        raise DomainError(_("%(code)s has not invited a review visit; send a review mission instead.")
                          % {"code": p.code}, code="not_invited")
    visit = ReviewVisit(kind=kind, participant=p, period=period.strip(), earliest=earliest, latest=latest,
                        days=days, expertise=clean_expertise(expertise), notes=notes,
                        languages=clean_languages(languages) if languages else default_languages(p.languages))
    clean_and_save(visit, "invalid_visit")
    audit_record(actor=actor, action="create", instance=visit, changes=snapshot(visit))
    return visit


@transaction.atomic
def visit_team_set(*, actor: Actor | None, visit_id: int, starts_on: dt.date, ends_on: dt.date,
                   expert_ids: list[int], leader_id: int) -> ReviewVisit:
    """Set a visit's dates, team and leader by hand. Every hard rule of the optimiser is checked by the same
    independent validator; any broken rule refuses the whole change."""
    if actor is not None:
        require(actor, "reviews.plan")
    visit = visit_get(visit_id, lock=True)
    if visit.status not in PLANNABLE:
        raise Conflict(_("The team of a visit that is %(status)s cannot be changed.")
                       % {"status": visit.get_status_display().lower()}, code="visit_not_plannable")
    problems = team_problems(visit, starts_on=starts_on, ends_on=ends_on, expert_ids=expert_ids,
                             leader_id=leader_id)
    if problems:
        raise DomainError(problems[0], code="team_breaks_rule", details=[{"message": p} for p in problems])
    before = snapshot(visit)
    visit.starts_on, visit.ends_on, visit.leader_id = starts_on, ends_on, leader_id
    visit.days = (ends_on - starts_on).days + 1
    visit.status = VisitStatus.PLANNED
    clean_and_save(visit, "invalid_visit")
    visit.team.all().delete()
    TeamMember.objects.bulk_create([TeamMember(visit=visit, expert_id=pk) for pk in dict.fromkeys(expert_ids)])
    audit_record(actor=actor, action="update", instance=visit,
                 changes={**{k: [before[k], v] for k, v in snapshot(visit).items() if before[k] != v},
                          "team": sorted(dict.fromkeys(expert_ids))})
    return visit


def _previous_date(visit: ReviewVisit, action: str) -> dt.date | None:
    """The date of the step before ``action``: a step cannot be dated before it."""
    return {"done": visit.starts_on, "send_report": visit.ends_on, "receive_comments": visit.report_sent_on,
            "consider": visit.comments_on or visit.report_sent_on}.get(action)


@transaction.atomic
def visit_transition(*, actor: Actor | None, visit_id: int, action: str, on: dt.date, note: str = "") -> ReviewVisit:
    """Move a visit along planned → done → draft report sent → comments → considered (or cancel it)."""
    if actor is not None:
        require(actor, "reviews.manage")
    if action not in VISIT_TRANSITIONS:
        raise DomainError(_("%(action)s is not a step of the review workflow.") % {"action": action},
                          code="unknown_action")
    visit = visit_get(visit_id, lock=True)
    sources, target, date_field = VISIT_TRANSITIONS[action]
    if visit.status not in sources:
        raise Conflict(_("A visit that is %(status)s cannot move to %(target)s.")
                       % {"status": visit.get_status_display().lower(),
                          "target": VisitStatus(target).label.lower()}, code="invalid_transition")
    previous = _previous_date(visit, action)
    if previous is not None and on < previous:
        raise DomainError(_("The date %(date)s is before the previous step of this visit (%(previous)s).")
                          % {"date": on.isoformat(), "previous": previous.isoformat()}, code="date_before_previous")
    before = visit.status
    visit.status = target
    if date_field:
        setattr(visit, date_field, on)
    clean_and_save(visit, "invalid_visit")
    audit_record(actor=actor, action="transition", instance=visit, note=note,
                 changes={"status": [before, target], "on": on.isoformat()})
    return visit


@transaction.atomic
def recommendation_add(*, actor: Actor | None, visit_id: int, text: str, owner: str | None = None,
                       due_on: dt.date | None = None) -> Recommendation:
    """A recommendation of the review report, owned by the visited participant unless another is named."""
    if actor is not None:
        require(actor, "reviews.manage")
    visit = visit_get(visit_id)
    if visit.status not in DONE_STATES:
        raise Conflict(_("Recommendations come from the report of a visit that took place."),
                       code="visit_not_done")
    if not (text or "").strip():
        raise DomainError(_("Write the recommendation."), code="text_required")
    rec = Recommendation(visit=visit, text=text.strip(), due_on=due_on,
                         owner=participant_by_code(owner) if owner else visit.participant)
    clean_and_save(rec, "invalid_recommendation")
    audit_record(actor=actor, action="create", instance=rec, changes=snapshot(rec))
    return rec


@transaction.atomic
def recommendation_follow_up(*, actor: Actor | None, recommendation_id: int, status: str, note: str,
                             on: dt.date) -> Recommendation:
    """Record a follow-up step; a closed recommendation stays closed."""
    if actor is not None:
        require(actor, "reviews.manage")
    rec = Recommendation.objects.select_for_update().filter(pk=recommendation_id).first()
    if rec is None:
        raise NotFound(_("No recommendation with number %(id)s.") % {"id": recommendation_id},
                       code="unknown_recommendation")
    if status not in RecommendationStatus.values:
        raise DomainError(_("%(status)s is not a follow-up status.") % {"status": status}, code="bad_status")
    if status not in RECOMMENDATION_NEXT[rec.status]:
        raise Conflict(_("A recommendation that is %(status)s cannot become %(target)s.")
                       % {"status": rec.get_status_display().lower(),
                          "target": RecommendationStatus(status).label.lower()}, code="invalid_transition")
    if not (note or "").strip():
        raise DomainError(_("Say what was done or verified."), code="note_required")
    before = rec.status
    rec.status = status
    if status == RecommendationStatus.CLOSED:
        rec.closed_on = on
    clean_and_save(rec, "invalid_recommendation")
    RecommendationUpdate.objects.create(recommendation=rec, on=on, status=status, note=note.strip(),
                                        by=getattr(actor, "user", None) if actor and not actor.is_anonymous else None)
    audit_record(actor=actor, action="transition", instance=rec, note=note,
                 changes={"status": [before, status], "on": on.isoformat()})
    return rec
