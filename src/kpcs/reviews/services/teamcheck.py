"""A team set by hand is checked against the optimiser's hard rules by the optimiser's independent validator
(`kpcs.scheduling.validator`), so hand-made and optimised teams obey exactly the same rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from kpcs.reviews.models import Expert, ReviewVisit, TeamMember, TeamPin
from kpcs.reviews.planning import expert_key, visit_key
from kpcs.reviews.status import SCHEDULED, ExpertKind
from kpcs.scheduling.model import MIN_TEAM_SIZE, PlanInputError, parse_plan_input
from kpcs.scheduling.validator import validate_plan


def _basic_problems(visit: ReviewVisit, starts_on: dt.date, ends_on: dt.date, experts: dict[int, Expert],
                    expert_ids: list[int], leader_id: int) -> list[str]:
    problems = []
    if ends_on < starts_on:
        problems.append(_("The visit ends (%(end)s) before it starts (%(start)s).")
                        % {"start": starts_on.isoformat(), "end": ends_on.isoformat()})
    unknown = [str(pk) for pk in expert_ids if pk not in experts]
    if unknown:
        problems.append(_("These experts are not on the active roster: %(ids)s.") % {"ids": ", ".join(unknown)})
    if len(set(expert_ids)) < MIN_TEAM_SIZE:
        problems.append(_("A team has at least %(n)s experts: government, industry and civil society.")
                        % {"n": MIN_TEAM_SIZE})
    if leader_id not in expert_ids:
        problems.append(_("The team leader must be a member of the team."))
    return problems


def _others(visit: ReviewVisit, starts_on: dt.date, ends_on: dt.date, ids: list[int]) -> list[ReviewVisit]:
    """The team's other commitments that matter: overlapping dates (no expert on two visits at once) or the same
    period (the visit cap)."""
    return list(ReviewVisit.objects.filter(status__in=SCHEDULED, team__expert_id__in=ids).exclude(pk=visit.pk)
                .filter(Q(period=visit.period) | Q(starts_on__lte=ends_on, ends_on__gte=starts_on))
                .select_related("participant").distinct())


def _input_and_output(visit: ReviewVisit, starts_on: dt.date, ends_on: dt.date, experts: dict[int, Expert],
                      ids: list[int], leader_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    others = _others(visit, starts_on, ends_on, ids)
    members = {(m.visit_id, m.expert_id) for m in TeamMember.objects.filter(visit__in=others, expert_id__in=ids)}
    extra_cap = {pk: sum(1 for o in others if o.period != visit.period and (o.pk, pk) in members) for pk in ids}
    days = (ends_on - starts_on).days + 1
    this = {"id": visit_key(visit), "participant": visit.participant.code, "earliest": visit.earliest.isoformat(),
            "latest": visit.latest.isoformat(), "days": days, "languages": list(visit.languages)}
    data = {
        "visits": [this] + [{"id": visit_key(o), "participant": o.participant.code,
                             "earliest": o.starts_on.isoformat(), "latest": o.ends_on.isoformat(),
                             "days": (o.ends_on - o.starts_on).days + 1} for o in others],
        "experts": [{"id": expert_key(e), "nominated_by": e.nominator_code, "kind": e.kind,
                     "languages": list(e.languages), "max_visits": e.max_visits + extra_cap[e.pk],
                     "unavailable": [[u.starts_on.isoformat(), u.ends_on.isoformat()] for u in e.unavailable.all()]}
                    for e in experts.values()],
        "team_size": len(ids),
        "pinned": [{"visit": visit_key(visit), "expert": expert_key(p.expert)}
                   for p in TeamPin.objects.filter(visit=visit).select_related("expert")],
    }
    output = {"visits": [{"id": visit_key(visit), "start": starts_on.isoformat(), "end": ends_on.isoformat(),
                          "team": [expert_key(experts[pk]) for pk in ids], "leader": expert_key(experts[leader_id])}]
              + [{"id": visit_key(o), "start": o.starts_on.isoformat(), "end": o.ends_on.isoformat(),
                  "team": [expert_key(experts[pk]) for pk in ids if (o.pk, pk) in members], "leader": None}
                 for o in others]}
    return data, output


def team_problems(visit: ReviewVisit, *, starts_on: dt.date, ends_on: dt.date, expert_ids: list[int],
                  leader_id: int) -> list[str]:
    """Every hard rule the proposed dates and team break, in words; empty when the team is valid."""
    ids = list(dict.fromkeys(expert_ids))
    experts = {e.pk: e for e in Expert.objects.filter(pk__in=ids, active=True).select_related(
        "nominated_by_participant", "nominated_by_observer").prefetch_related("unavailable")}
    problems = _basic_problems(visit, starts_on, ends_on, experts, ids, leader_id)
    if problems:
        return problems
    data, output = _input_and_output(visit, starts_on, ends_on, experts, ids, leader_id)
    try:
        inp = parse_plan_input(data)
    except PlanInputError as exc:  # e.g. a pinned expert no longer on the roster
        return [p["message"] for p in exc.problems]
    mine = visit_key(visit)
    by_key = {expert_key(e): e for e in experts.values()}
    messages: list[str] = []
    for v in validate_plan(inp, output):
        if v.visit != mine and v.rule not in {"overlap", "max_visits"}:
            continue  # the other visits are listed partially, only to count commitments
        message = _violation_message(v.rule, visit, starts_on, ends_on, by_key.get(v.expert or ""),
                                     experts=experts.values())
        if message not in messages:
            messages.append(message)
    return messages


def _violation_message(rule: str, visit: ReviewVisit, starts_on: dt.date, ends_on: dt.date, expert: Expert | None,
                       *, experts) -> str:
    name = expert.name if expert else ""
    if rule == "window":
        return _("The dates %(start)s to %(end)s are outside the visit's window (%(earliest)s to %(latest)s).") % {
            "start": starts_on.isoformat(), "end": ends_on.isoformat(), "earliest": visit.earliest.isoformat(),
            "latest": visit.latest.isoformat()}
    if rule == "own_participant":
        return _("%(expert)s was nominated by %(code)s and cannot review it.") % {
            "expert": name, "code": visit.participant.code}
    if rule == "unavailable":
        return _("%(expert)s is unavailable during the visit.") % {"expert": name}
    if rule == "kinds":
        missing = [ExpertKind(k).label.lower() for k in ExpertKind.values if all(e.kind != k for e in experts)]
        return _("The team needs a government, an industry and a civil-society expert; it has no %(kinds)s expert.") \
            % {"kinds": ", ".join(missing)}
    if rule == "leader":
        return _("The team leader must be a government expert of the team.")
    if rule == "language":
        return _("Nobody on the team speaks %(languages)s.") % {"languages": ", ".join(visit.languages)}
    if rule == "pinned":
        return _("%(expert)s is pinned to this visit and must stay on its team; unpin them first.") % {"expert": name}
    if rule == "max_visits":
        return _("%(expert)s would be on more visits than their cap (%(cap)s) in period %(period)s.") % {
            "expert": name, "cap": expert.max_visits if expert else "", "period": visit.period}
    if rule == "overlap":
        return _("%(expert)s is already on another visit on these dates.") % {"expert": name}
    return _("The team breaks a rule of the schedule (%(rule)s).") % {"rule": rule}
