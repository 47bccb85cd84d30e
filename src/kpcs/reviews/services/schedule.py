"""The optimiser in the platform: propose a schedule for a period, apply it, pin choices and re-plan.

A plan is stored only after the independent validator passed it, and applied only while the data it was
computed from is unchanged (it is validated again against the current data)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record
from kpcs.errors import Conflict, DomainError, NotFound
from kpcs.reviews.models import Expert, SchedulePlan, TeamMember, TeamPin
from kpcs.reviews.planning import DEFAULT_TEAM_SIZE, expert_key, parse_period, pk_of, plan_input_data, translate_items
from kpcs.reviews.services.visits import visit_get
from kpcs.reviews.status import PLANNABLE, PlanStatus, VisitStatus
from kpcs.scheduling.explain import precheck
from kpcs.scheduling.model import MIN_TEAM_SIZE, PlanInput, PlanInputError, parse_plan_input
from kpcs.scheduling.solver import PlanValidationError, plan
from kpcs.scheduling.validator import validate_plan

MAX_TEAM_SIZE = 8
MAX_TIME_LIMIT_S = 120.0


class ScheduleInfeasible(DomainError):
    """No schedule satisfies the rules; ``details`` lists the reasons in words."""

    status = 409
    code = "schedule_infeasible"


def _parse(data: dict[str, Any]) -> PlanInput:
    try:
        return parse_plan_input(data)
    except PlanInputError as exc:
        items = translate_items(exc.problems)
        raise DomainError(items[0]["message"], code="invalid_plan_input", details=items) from None


def _check_arguments(period: str, team_size: int, time_limit_s: float) -> None:
    parse_period(period)
    if not isinstance(team_size, int) or not MIN_TEAM_SIZE <= team_size <= MAX_TEAM_SIZE:
        raise DomainError(_("A team has from %(min)s to %(max)s experts.") % {"min": MIN_TEAM_SIZE,
                                                                            "max": MAX_TEAM_SIZE},
                          code="bad_team_size")
    if not 0 < time_limit_s <= MAX_TIME_LIMIT_S:
        raise DomainError(_("The time limit is from 1 to %(max)s seconds.") % {"max": int(MAX_TIME_LIMIT_S)},
                          code="bad_time_limit")


def _solve(period: str, team_size: int, time_limit_s: float) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """Build the input from the database, run the optimiser and check its answer independently."""
    _check_arguments(period, team_size, time_limit_s)
    data = plan_input_data(period=period, team_size=team_size)
    if not data["visits"]:
        raise DomainError(_("No visit of the period %(period)s is waiting to be scheduled.") % {"period": period},
                          code="nothing_to_plan")
    inp = _parse(data)
    try:
        result = plan(inp, time_limit_s=time_limit_s)  # validates its own answer
    except PlanValidationError:
        raise DomainError(_("The optimiser proposed a plan that breaks a rule; it was not stored."),
                          code="plan_failed_validation", status=500) from None
    if result.status == "infeasible":
        items = translate_items(result.reasons)
        raise ScheduleInfeasible(_("No schedule satisfies every rule: %(reason)s") % {"reason": items[0]["message"]},
                                 details=items)
    output = result.to_dict()
    if validate_plan(inp, output):  # the independent check, once more, on exactly what is shown or stored
        raise DomainError(_("The optimiser proposed a plan that breaks a rule; it was not stored."),
                          code="plan_failed_validation", status=500)
    return data, output, result


def schedule_preview(*, actor: Actor | None, period: str, team_size: int = DEFAULT_TEAM_SIZE,
                     time_limit_s: float = 10.0) -> dict[str, Any]:
    """The optimiser's validated plan for the period, in its output format, without storing anything."""
    if actor is not None:
        require(actor, "reviews.plan")
    return _solve(period, team_size, time_limit_s)[1]


def schedule_propose(*, actor: Actor | None, period: str, team_size: int = DEFAULT_TEAM_SIZE,
                     time_limit_s: float = 10.0) -> SchedulePlan:
    """Run the optimiser on the period's visits and roster and store its plan as a proposal. Raises
    ScheduleInfeasible (nothing stored) with every reason in words when no plan satisfies the rules."""
    if actor is not None:
        require(actor, "reviews.plan")
    data, output, result = _solve(period, team_size, time_limit_s)
    with transaction.atomic():
        if plan_input_data(period=period, team_size=team_size) != data:
            raise Conflict(_("The visits or the roster changed while planning; plan again."), code="plan_stale")
        SchedulePlan.objects.filter(period=period, status=PlanStatus.PROPOSED).update(status=PlanStatus.SUPERSEDED)
        proposal = SchedulePlan.objects.create(
            period=period, solver_status=result.status, team_size=team_size, input=data, output=output,
            objective=result.stats.objective, wall_time_s=round(result.stats.wall_time_s, 3),
            created_by=actor.user if actor is not None and not actor.is_anonymous else None)
        audit_record(actor=actor, action="create", instance=proposal,
                     changes={"period": period, "status": result.status, "objective": result.stats.objective})
    return proposal


def plan_get(plan_id: int) -> SchedulePlan:
    proposal = SchedulePlan.objects.filter(pk=plan_id).first()
    if proposal is None:
        raise NotFound(_("No schedule plan with number %(id)s.") % {"id": plan_id}, code="unknown_plan")
    return proposal


@transaction.atomic
def schedule_apply(*, actor: Actor | None, plan_id: int) -> SchedulePlan:
    """Write a proposed plan's dates, teams and leaders onto its visits, which become planned."""
    if actor is not None:
        require(actor, "reviews.plan")
    proposal = SchedulePlan.objects.select_for_update().filter(pk=plan_id).first()
    if proposal is None:
        raise NotFound(_("No schedule plan with number %(id)s.") % {"id": plan_id}, code="unknown_plan")
    if proposal.status != PlanStatus.PROPOSED:
        raise Conflict(_("Only a proposed plan can be applied; this one is %(status)s.")
                       % {"status": proposal.get_status_display().lower()}, code="plan_not_proposed")
    current = plan_input_data(period=proposal.period, team_size=proposal.team_size)
    if current != proposal.input:
        raise Conflict(_("The visits or the roster changed since this plan was proposed; plan again."),
                       code="plan_stale")
    if validate_plan(_parse(current), proposal.output):
        raise Conflict(_("This plan no longer satisfies every rule; plan again."), code="plan_invalid")
    for row in proposal.output["visits"]:
        visit = visit_get(pk_of(row["id"]), lock=True)
        before = visit.status
        visit.starts_on, visit.ends_on = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
        visit.leader_id = pk_of(row["leader"])
        visit.status = VisitStatus.PLANNED
        visit.save(update_fields=["starts_on", "ends_on", "leader", "status"])
        visit.team.all().delete()
        TeamMember.objects.bulk_create([TeamMember(visit=visit, expert_id=pk_of(k)) for k in row["team"]])
        audit_record(actor=actor, action="transition", instance=visit, note=f"schedule plan #{proposal.pk}",
                     changes={"status": [before, VisitStatus.PLANNED], "starts_on": row["start"],
                              "ends_on": row["end"], "team": row["team"], "leader": row["leader"]})
    proposal.status, proposal.applied_at = PlanStatus.APPLIED, timezone.now()
    proposal.save(update_fields=["status", "applied_at"])
    SchedulePlan.objects.filter(period=proposal.period, status=PlanStatus.PROPOSED).update(
        status=PlanStatus.SUPERSEDED)
    audit_record(actor=actor, action="transition", instance=proposal,
                 changes={"status": [PlanStatus.PROPOSED, PlanStatus.APPLIED]})
    return proposal


@transaction.atomic
def team_pin(*, actor: Actor | None, visit_id: int, expert_id: int) -> TeamPin:
    """Fix an expert on a visit's team for every later re-plan. Refused, with the rule in words, when the pins
    alone already break a hard rule (own participant, unavailable, too many, a full team lacking a kind or
    a language, over the cap, overlapping pinned visits)."""
    if actor is not None:
        require(actor, "reviews.plan")
    visit = visit_get(visit_id, lock=True)
    if visit.status not in PLANNABLE:
        raise Conflict(_("Only a visit still to be planned can have pinned experts."), code="visit_not_plannable")
    expert = Expert.objects.filter(pk=expert_id, active=True).first()
    if expert is None:
        raise NotFound(_("No expert with number %(id)s on the roster.") % {"id": expert_id}, code="unknown_expert")
    if TeamPin.objects.filter(visit=visit, expert=expert).exists():
        raise Conflict(_("This expert is already pinned to this visit."), code="duplicate_pin")
    data = plan_input_data(period=visit.period, team_size=_team_size_of(visit.period),
                           extra_pins=[(visit.pk, expert.pk)])
    reasons = [r for r in precheck(_parse(data)) if r["code"].startswith("pinned_")
               and (expert_key(expert) in (r["params"].get("expert"), *(r["params"].get("experts") or ()))
                    or r["params"].get("visit") == data_visit_key(data, visit.pk))]
    if reasons:
        items = translate_items(reasons)
        raise DomainError(items[0]["message"], code="pin_breaks_rule", details=items)
    pin = TeamPin.objects.create(visit=visit, expert=expert)
    audit_record(actor=actor, action="create", instance=pin, changes={"visit": visit.pk, "expert": expert.pk})
    return pin


def data_visit_key(data: dict[str, Any], visit_pk: int) -> str | None:
    return next((v["id"] for v in data["visits"] if pk_of(v["id"]) == visit_pk), None)


def _team_size_of(period: str) -> int:
    latest = SchedulePlan.objects.filter(period=period).order_by("-created_at", "-id").first()
    return latest.team_size if latest else DEFAULT_TEAM_SIZE


@transaction.atomic
def team_unpin(*, actor: Actor | None, visit_id: int, expert_id: int) -> None:
    if actor is not None:
        require(actor, "reviews.plan")
    pin = TeamPin.objects.filter(visit_id=visit_id, expert_id=expert_id).first()
    if pin is None:
        raise NotFound(_("This expert is not pinned to this visit."), code="unknown_pin")
    audit_record(actor=actor, action="delete", instance=pin, changes={"visit": visit_id, "expert": expert_id})
    pin.delete()


@transaction.atomic
def team_pin_current(*, actor: Actor | None, visit_id: int) -> int:
    """Pin every current member of a visit's team (keep this team, re-plan the rest). Returns how many."""
    if actor is not None:
        require(actor, "reviews.plan")
    visit = visit_get(visit_id)
    count = 0
    for member in visit.team.select_related("expert").filter(expert__active=True):
        if not TeamPin.objects.filter(visit=visit, expert=member.expert).exists():
            team_pin(actor=actor, visit_id=visit.pk, expert_id=member.expert_id)
            count += 1
    return count
