"""The peer review part of the demo world (idempotent): the roster, 33 invitations, the 2004 visits (8 done
before Gatineau, 7 planned after it, and the mission to the Republic of Congo), their reports and
recommendations, and the 2005-2006 provisional schedule — both schedules proposed by the optimiser."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from kpcs.participants.models import StatusEvent
from kpcs.reviews import demo_data as data
from kpcs.reviews.models import Expert, Invitation, ReviewVisit
from kpcs.reviews.selectors import review_progress
from kpcs.reviews.services import roster, schedule, visits
from kpcs.reviews.status import VisitKind

TEAM_SIZE = 4
TIME_LIMIT_S = 20.0
_DAY = dt.timedelta(days=1)


def _roster() -> list[Expert]:
    experts = []
    for i, (nominator, kind, languages, expertise, cap) in enumerate(data.ROSTER):
        experts.append(roster.expert_create(actor=None, name=data.expert_name(i), nominated_by=nominator, kind=kind,
                                            languages=languages, expertise=expertise, max_visits=cap))
    # A few experts cannot travel at some time: the optimiser works around it.
    roster.expert_unavailability_add(actor=None, expert_id=experts[1].pk, starts_on=dt.date(2004, 11, 1),
                                     ends_on=dt.date(2004, 11, 30), note="Demo: national statistics deadline")
    roster.expert_unavailability_add(actor=None, expert_id=experts[48].pk, starts_on=dt.date(2005, 6, 1),
                                     ends_on=dt.date(2005, 8, 31), note="Demo: field research")
    return experts


def _invitations() -> None:
    invited = ([row[0] for row in data.DONE_2004] + [row[0] for row in data.PLANNED_2004]
               + [row[0] for row in data.SCHEDULE_2005_2006])
    admitted = dict(StatusEvent.objects.filter(kind="admitted", participant__code__in=invited)
                    .values_list("participant__code", "date"))
    for i, code in enumerate(invited):
        # Ghana, Norway and Singapore joined shortly before Gatineau (the registry dates them on 29 October).
        on = max(data.invitation_date(i, len(invited)), admitted.get(code, data.GATINEAU))
        roster.invitation_record(actor=None, participant=code, invited_on=on)


def _visits_2004() -> list[ReviewVisit]:
    done = []
    for code, earliest, latest, days, expertise in data.DONE_2004:
        done.append(visits.visit_request(actor=None, participant=code, period="2004", earliest=earliest,
                                         latest=latest, days=days, expertise=expertise))
    for code, earliest, latest, days, expertise in data.PLANNED_2004:
        visits.visit_request(actor=None, participant=code, period="2004", earliest=earliest, latest=latest,
                             days=days, expertise=expertise)
    code, earliest, latest, days, expertise, languages = data.MISSION_2004
    mission = visits.visit_request(actor=None, participant=code, period="2004", earliest=earliest, latest=latest,
                                   days=days, expertise=expertise, languages=languages, kind=VisitKind.MISSION)
    plan = schedule.schedule_propose(actor=None, period="2004", team_size=TEAM_SIZE, time_limit_s=TIME_LIMIT_S)
    schedule.schedule_apply(actor=None, plan_id=plan.pk)
    return [*done, mission]


def _workflow(done: list[ReviewVisit], mission: ReviewVisit) -> None:
    """Reports of the visits done: the first ones considered at Gatineau, the later ones still in comment."""
    for i, stale in enumerate(done):
        visit = ReviewVisit.objects.get(pk=stale.pk)
        visits.visit_transition(actor=None, visit_id=visit.pk, action="done", on=visit.ends_on)
        if i >= 7:
            continue
        sent = min(visit.ends_on + 21 * _DAY, data.GATINEAU - 2 * _DAY)
        visits.visit_transition(actor=None, visit_id=visit.pk, action="send_report", on=sent)
        if i >= 6:
            continue
        visits.visit_transition(actor=None, visit_id=visit.pk, action="receive_comments",
                                on=min(sent + 30 * _DAY, data.GATINEAU - _DAY))
        if i < 4:
            visits.visit_transition(actor=None, visit_id=visit.pk, action="consider", on=data.GATINEAU - _DAY)
            _recommendations(visit.pk, i)
    m = ReviewVisit.objects.get(pk=mission.pk)
    visits.visit_transition(actor=None, visit_id=m.pk, action="done", on=m.ends_on)
    visits.visit_transition(actor=None, visit_id=m.pk, action="send_report", on=m.ends_on + 7 * _DAY)
    visits.visit_transition(actor=None, visit_id=m.pk, action="consider", on=dt.date(2004, 7, 8),
                            note="Demo: the Republic of Congo was removed from the list of participants.")


RECOMMENDATIONS = [
    ("Publish the list of licensed exporters and importers and keep it current.", "closed"),
    ("Derive the quarterly trade statistics from the certificates issued and received.", "in_progress"),
    ("Record the weight and value of every parcel at the point of export in the national database.", "implemented"),
    ("Confirm imports to the exporting authority within the time the scheme asks for.", "open"),
    ("Extend controls to artisanal alluvial production and register diggers and buyers.", "open"),
]


def _recommendations(visit_id: int, i: int) -> None:
    for j, (text, status) in enumerate(RECOMMENDATIONS[i % 2: i % 2 + 3]):
        rec = visits.recommendation_add(actor=None, visit_id=visit_id, text=text,
                                        due_on=dt.date(2005, 6, 30) + dt.timedelta(days=60 * j))
        if status != "open":
            on = dt.date(2005, 3, 1) + dt.timedelta(days=30 * j)
            if status == "closed":
                visits.recommendation_follow_up(actor=None, recommendation_id=rec.pk, status="implemented",
                                                note="Demo: reported by the participant", on=on)
            visits.recommendation_follow_up(actor=None, recommendation_id=rec.pk, status=status,
                                            note="Demo: follow-up by the Working Group on Monitoring",
                                            on=on + 14 * _DAY)


def _schedule_2005_2006(experts: list[Expert]) -> None:
    requested = []
    for code, earliest, weeks, days, expertise in data.SCHEDULE_2005_2006:
        requested.append(visits.visit_request(
            actor=None, participant=code, period="2005-2006", earliest=earliest,
            latest=earliest + dt.timedelta(weeks=weeks) - _DAY, days=days, expertise=expertise))
    # The coordinator's choice, kept whenever the period is re-planned: a Canadian expert on the US team.
    schedule.team_pin(actor=None, visit_id=requested[0].pk, expert_id=experts[1].pk)
    plan = schedule.schedule_propose(actor=None, period="2005-2006", team_size=TEAM_SIZE,
                                     time_limit_s=TIME_LIMIT_S)
    schedule.schedule_apply(actor=None, plan_id=plan.pk)


def build_demo() -> str:
    if Invitation.objects.exists() or Expert.objects.exists():
        p = review_progress(year=2004, on=data.GATINEAU)
        return f"already loaded (2004: {p.invited} invited, {p.visited} visited, {p.planned} planned)"
    with transaction.atomic():
        experts = _roster()
        _invitations()
        done = _visits_2004()
        _workflow(done[:8], done[8])
        _schedule_2005_2006(experts)
    p = review_progress(year=2004, on=data.GATINEAU)
    return (f"{len(experts)} experts, 2004: {p.invited} invited, {p.visited} visited, {p.planned} planned, "
            f"{ReviewVisit.objects.filter(period='2005-2006').count()} visits scheduled for 2005-2006")
