"""The one audit service: every write in kpcs records its audit row in the same transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction

from kpcs.audit.models import AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dt.date | dt.datetime | decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of a model instance, as JSON-friendly values."""
    names = fields or [f.attname for f in instance._meta.concrete_fields]
    return {name: _plain(getattr(instance, name)) for name in names}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), after.get(k)] for k in sorted(set(before) | set(after))
            if before.get(k) != after.get(k)}


def audit_record(
    *,
    actor: Any,
    action: str,
    instance: models.Model | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    object_label: str = "",
    changes: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEvent:
    """Record one audit event. Must run inside the writer's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the transaction of the write it records")
    user = getattr(actor, "user", actor)
    if instance is not None:
        object_type = object_type or instance._meta.label_lower
        object_id = object_id or str(instance.pk)
        object_label = object_label or str(instance)[:300]
    return AuditEvent.objects.create(
        actor=user if getattr(user, "pk", None) else None,
        actor_label=(getattr(user, "username", "") or "system")[:200],
        action=action,
        object_type=object_type or "",
        object_id=object_id or "",
        object_label=object_label[:300],
        changes=changes or {},
        note=note,
    )
