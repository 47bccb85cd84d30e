"""Plain dicts of governance records for the API."""

from __future__ import annotations

from typing import Any

from kpcs.governance.models import Application, Body, CommitteeSeat, ComplianceCase, Deadline, Decision, Meeting
from kpcs.governance.selectors.committee import Chairs, CompositionWarning
from kpcs.governance.selectors.decisions import Rule26, rule26_state


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def chairs_dict(c: Chairs) -> dict[str, Any]:
    return {"year": c.year, "chair": c.chair.code if c.chair else None,
            "vice_chair": c.vice_chair.code if c.vice_chair else None, "derived": c.derived}


def committee_dict(year: int, seats: list[CommitteeSeat], warnings: list[CompositionWarning]) -> dict[str, Any]:
    return {"year": year,
            "seats": [{"id": s.pk, "member": s.member_code, "kind": "participant" if s.participant_id else "observer",
                       "chair": s.is_chair} for s in seats],
            "warnings": [w.as_dict() for w in warnings]}


def body_dict(b: Body) -> dict[str, Any]:
    return {"id": b.pk, "name": b.name, "kind": b.kind, "mandate": b.mandate, "parent": b.parent_id,
            "established_by": b.established_by.number if b.established_by_id else None, "active": b.active,
            "members": [{"member": m.member_code, "role": m.role} for m in b.members.all()]}


def meeting_dict(m: Meeting) -> dict[str, Any]:
    return {"id": m.pk, "kind": m.kind, "place": m.place, "host": m.host.code if m.host_id else None,
            "starts_on": _date(m.starts_on), "ends_on": _date(m.ends_on)}


def rule26_dict(state: Rule26) -> dict[str, Any]:
    return {"state": state.state, "label": str(state.label), "missing": state.missing,
            "not_circulated": state.not_circulated}


def decision_dict(d: Decision, state: Rule26 | None = None) -> dict[str, Any]:
    return {"id": d.pk, "number": d.number, "kind": d.kind, "route": d.route, "meeting": d.meeting_id,
            "agreed_on": _date(d.agreed_on), "adopted_on": _date(d.adopted_on),
            "rule26": rule26_dict(state or rule26_state(d)),
            "texts": {t.language: {"title": t.title, "text": t.text, "circulated_on": _date(t.circulated_on)}
                      for t in d.texts.all()}}


def deadline_dict(d: Deadline) -> dict[str, Any]:
    return {"id": d.pk, "title": d.title, "due_on": _date(d.due_on), "owner_role": d.owner_role or None,
            "owner_participant": d.owner_participant.code if d.owner_participant_id else None,
            "owner_body": d.owner_body.name if d.owner_body_id else None,
            "decision": d.decision.number if d.decision_id else None, "status": d.status, "done_on": _date(d.done_on)}


def application_dict(a: Application) -> dict[str, Any]:
    return {"id": a.pk, "participant": a.participant.code, "received_on": _date(a.received_on), "status": a.status,
            "review_visit": a.review_visit_id, "assessment": a.assessment, "assessed_on": _date(a.assessed_on),
            "recommendation": a.recommendation or None, "recommendation_text": a.recommendation_text,
            "recommended_on": _date(a.recommended_on), "route": a.route or None,
            "decision": a.decision.number if a.decision_id else None, "decided_on": _date(a.decided_on),
            "admitted_on": _date(a.admitted_on), "closed_on": _date(a.closed_on)}


def case_dict(c: ComplianceCase) -> dict[str, Any]:
    return {"id": c.pk, "participant": c.participant.code, "opened_on": _date(c.opened_on), "source": c.source,
            "signal": c.signal_key or None, "summary": c.summary, "details": c.details, "status": c.status,
            "advice": c.advice, "advised_on": _date(c.advised_on), "action": c.action or None,
            "action_text": c.action_text, "action_on": _date(c.action_on),
            "suspended_on": _date(c.suspension.date) if c.suspension_id else None,
            "closed_on": _date(c.closed_on), "closure_note": c.closure_note,
            "reinstated_on": _date(c.reinstatement.date) if c.reinstatement_id else None}
