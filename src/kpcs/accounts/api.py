from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema

from kpcs.accounts.permissions import require
from kpcs.api.auth import actor_from
from kpcs.audit.selectors import audit_event_list

router = Router(tags=["accounts"])


class GrantOut(Schema):
    role: str
    participant: str | None
    observer: str | None


class MeOut(Schema):
    username: str
    language: str
    grants: list[GrantOut]


class AuditEventOut(Schema):
    at: dt.datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    object_label: str
    changes: dict
    note: str


@router.get("/me", response=MeOut, summary="Who the caller is and what they may act for")
def me(request: HttpRequest):
    actor = actor_from(request)
    require(actor, "tokens.own")
    return {"username": actor.username, "language": actor.user.preferred_language,
            "grants": [g.__dict__ for g in actor.grants]}


@router.get("/audit", response=list[AuditEventOut], summary="The audit trail (Secretariat)")
def audit_list(request: HttpRequest, object_type: str | None = None, object_id: str | None = None,
               limit: int = 100):
    require(actor_from(request), "audit.view")
    events = audit_event_list(object_type=object_type, object_id=object_id)[: max(1, min(limit, 1000))]
    return [{"at": e.at, "actor": e.actor_label, "action": e.action, "object_type": e.object_type,
             "object_id": e.object_id, "object_label": e.object_label, "changes": e.changes, "note": e.note}
            for e in events]
