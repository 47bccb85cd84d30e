"""Compliance signals for the governance app: referred late or missing reports, and questionnaires left
unanswered past their date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from kpcs.statistics.models import ComplianceReferral, Questionnaire


def compliance_signals(*, open_only: bool = True, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Plain dicts the Participation Committee's tools can turn into cases.

    Each has ``source`` ("statistics"), ``kind`` (``late_report``, ``missing_report`` or
    ``unanswered_questionnaire``), ``participant``, ``period``, ``due_date``, ``days_late``, a translated
    ``message`` and, for referrals, ``id``, ``flow_group``, ``referred_at``, ``note`` and ``case_reference``.
    """
    today = today or dt.date.today()
    referrals = ComplianceReferral.objects.select_related("participant", "referred_by")
    if open_only:
        referrals = referrals.filter(taken_up_at__isnull=True)
    signals: list[dict[str, Any]] = []
    for r in referrals.order_by("referred_at", "id"):
        params = {"participant": r.participant.code, "period": r.period, "days": r.days_late}
        if r.kind == ComplianceReferral.Kind.LATE:
            message = _("%(participant)s sent its %(period)s report %(days)d days late.") % params
        else:
            message = _("%(participant)s has not sent its %(period)s report, due %(days)d days ago.") % params
        signals.append({
            "source": "statistics", "id": r.pk, "kind": f"{r.kind}_report", "participant": r.participant.code,
            "period": r.period, "flow_group": r.flow_group, "due_date": r.due_on.isoformat(),
            "days_late": r.days_late, "referred_at": r.referred_at.isoformat(),
            "referred_by": r.referred_by.username if r.referred_by else None, "note": r.note,
            "case_reference": r.case_reference or None, "message": message})
    overdue = Questionnaire.objects.filter(status=Questionnaire.Status.SENT, due_on__lt=today).select_related(
        "participant").order_by("due_on", "id")
    for q in overdue:
        days = (today - q.due_on).days
        signals.append({
            "source": "statistics", "id": None, "kind": "unanswered_questionnaire", "participant": q.participant.code,
            "period": q.period, "flow_group": None, "due_date": q.due_on.isoformat(), "days_late": days,
            "questionnaire": q.pk,
            "message": _("%(participant)s has not answered the Data Anomaly Questionnaire on %(period)s, due "
                         "%(days)d days ago.") % {"participant": q.participant.code, "period": q.period,
                                                  "days": days}})
    return signals
