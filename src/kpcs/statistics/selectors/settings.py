"""The reporting calendar and thresholds in force."""

from __future__ import annotations

from decimal import Decimal

from kpcs.statistics.models import ReportingSettings


def reporting_settings() -> ReportingSettings:
    """The settings row, or the defaults (unsaved) when nobody has changed them yet."""
    current = ReportingSettings.objects.filter(pk=1).first() or ReportingSettings(pk=1)
    current.swing_threshold_pct = Decimal(str(current.swing_threshold_pct))
    current.unexplained_tolerance_pct = Decimal(str(current.unexplained_tolerance_pct))
    return current
