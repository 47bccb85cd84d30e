"""Plain dicts of peer review records for the API and the command line."""

from __future__ import annotations

import dataclasses
from typing import Any

from kpcs.reviews.models import Expert, Invitation, Recommendation, ReviewVisit, SchedulePlan
from kpcs.reviews.selectors import Progress


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def progress_dict(p: Progress) -> dict[str, Any]:
    return {**dataclasses.asdict(p), "on": p.on.isoformat()}


def invitation_dict(i: Invitation) -> dict[str, Any]:
    return {"id": i.pk, "participant": i.participant.code, "invited_on": _date(i.invited_on), "note": i.note}


def expert_dict(e: Expert) -> dict[str, Any]:
    return {"id": e.pk, "name": e.name, "nominated_by": e.nominator_code, "kind": e.kind,
            "languages": e.languages, "expertise": e.expertise, "max_visits": e.max_visits, "active": e.active,
            "visits": getattr(e, "n_visits", None),
            "unavailable": [[_date(u.starts_on), _date(u.ends_on)] for u in e.unavailable.all()]}


def visit_dict(v: ReviewVisit, *, full: bool = False) -> dict[str, Any]:
    out = {"id": v.pk, "kind": v.kind, "participant": v.participant.code, "period": v.period,
           "earliest": _date(v.earliest), "latest": _date(v.latest), "days": v.days, "languages": v.languages,
           "expertise": v.expertise, "status": v.status, "starts_on": _date(v.starts_on),
           "ends_on": _date(v.ends_on), "leader": v.leader_id,
           "team": [m.expert_id for m in v.team.all()], "pinned": [p.expert_id for p in v.pins.all()],
           "report_sent_on": _date(v.report_sent_on), "comments_on": _date(v.comments_on),
           "considered_on": _date(v.considered_on)}
    if full:
        out["recommendations"] = [recommendation_dict(r) for r in v.recommendations.all()]
    return out


def recommendation_dict(r: Recommendation) -> dict[str, Any]:
    return {"id": r.pk, "visit": r.visit_id, "text": r.text, "owner": r.owner.code, "due_on": _date(r.due_on),
            "status": r.status, "closed_on": _date(r.closed_on),
            "follow_up": [{"on": _date(u.on), "status": u.status, "note": u.note} for u in r.updates.all()]}


def plan_dict(p: SchedulePlan, *, full: bool = True) -> dict[str, Any]:
    out = {"id": p.pk, "period": p.period, "status": p.status, "solver_status": p.solver_status,
           "team_size": p.team_size, "objective": p.objective, "wall_time_s": p.wall_time_s,
           "created_at": p.created_at.isoformat(), "applied_at": p.applied_at.isoformat() if p.applied_at else None}
    if full:
        out["output"] = p.output
    return out
