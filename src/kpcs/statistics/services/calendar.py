"""Changing the reporting calendar and the check thresholds."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record, diff, snapshot
from kpcs.errors import DomainError
from kpcs.statistics.models import ReportingSettings

EDITABLE = ("trade_due_days", "production_due_days", "swing_threshold_pct", "unexplained_tolerance_pct",
            "questionnaire_answer_days")


@transaction.atomic
def reporting_settings_update(*, actor: Actor | None, **values: Any) -> ReportingSettings:
    """Change the due days or thresholds (WGS or Secretariat); every change is audited."""
    if actor is not None:
        require(actor, "statistics.settings")
    settings = ReportingSettings.objects.select_for_update().filter(pk=1).first() or ReportingSettings(pk=1)
    before = snapshot(settings, EDITABLE)
    for name, value in values.items():
        if name not in EDITABLE:
            raise DomainError(f"unknown setting {name}", code="unknown_setting")
        setattr(settings, name, value)
    try:
        settings.full_clean()
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), code="invalid_settings") from None
    settings.save()
    audit_record(actor=actor, action="update", instance=settings, changes=diff(before, snapshot(settings, EDITABLE)))
    return settings
