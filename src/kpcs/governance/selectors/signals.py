"""Signals of possible non-compliance gathered from the rest of the platform: statistics late or missing and
questionnaires unanswered (from the statistics app, when it is installed), import confirmations chronically
overdue (certificates) and review recommendations not acted on (peer review). Each signal has a stable key so
a case opened from it is not opened twice."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import logging
from typing import Any

from django.conf import settings
from django.db.models import Count, Min
from django.utils.translation import gettext as _

from kpcs.governance.status import CaseSource

log = logging.getLogger(__name__)

# Import confirmations overdue for a participant before the platform calls them chronic.
CHRONIC_OVERDUE_MIN = getattr(settings, "KPCS_CHRONIC_OVERDUE_MIN", 3)
STATISTICS_KINDS = {"late": CaseSource.STATISTICS_LATE, "late_report": CaseSource.STATISTICS_LATE,
                    "missing": CaseSource.STATISTICS_MISSING, "missing_report": CaseSource.STATISTICS_MISSING,
                    "questionnaire_unanswered": CaseSource.QUESTIONNAIRE,
                    "unanswered_questionnaire": CaseSource.QUESTIONNAIRE}
# Where the statistics app may offer its signals (it is built alongside; feature-detected, never required).
STATISTICS_PROVIDERS = (("kpcs.statistics.selectors.compliance", "compliance_signals"),
                        ("kpcs.statistics.services", "compliance_signals"))


def find_function(providers: tuple[tuple[str, str], ...]):
    """The first callable ``name`` in an importable ``module`` of ``providers``, or None."""
    for module, name in providers:
        try:
            if importlib.util.find_spec(module) is None:
                continue
        except ModuleNotFoundError:
            continue
        function = getattr(importlib.import_module(module), name, None)
        if callable(function):
            return function
    return None


def _statistics_signals() -> list[dict[str, Any]]:
    """The statistics app's signals (late or missing reports, unanswered questionnaires) when it offers them."""
    found = find_function(STATISTICS_PROVIDERS)
    if found is None:
        return []
    try:
        rows = list(found())
    except Exception:  # a failing neighbour must not take the committee's page down
        log.exception("statistics compliance signals failed")
        return []
    out = []
    for row in rows:
        kind = STATISTICS_KINDS.get(str(row.get("kind")))
        code = str(row.get("participant") or "").upper()
        if kind is None or not code:
            continue
        period = str(row.get("period") or "")
        ref = row.get("id") or row.get("questionnaire") or ""
        details = {k: v for k, v in row.items() if k in {"due_date", "days_late", "flow_group", "note", "id",
                                                          "questionnaire"} and v is not None}
        if not isinstance(row.get("details"), dict | type(None)):
            details["details"] = row.get("details")
        out.append({"key": f"statistics:{row.get('kind')}:{code}:{period}:{ref}", "participant": code,
                    "source": kind, "period": period,
                    "summary": str(row.get("message") or "") or _statistics_summary(kind, code, period),
                    "details": {**(row.get("details") if isinstance(row.get("details"), dict) else {}), **details},
                    "referral_id": row.get("id")})
    return out


def _statistics_summary(kind: str, code: str, period: str) -> str:
    if kind == CaseSource.STATISTICS_LATE:
        return _("%(code)s submitted its statistics for %(period)s late.") % {"code": code, "period": period}
    if kind == CaseSource.STATISTICS_MISSING:
        return _("%(code)s has not submitted its statistics for %(period)s.") % {"code": code, "period": period}
    return _("%(code)s has not answered the data anomaly questionnaire for %(period)s.") % {
        "code": code, "period": period}


def _confirmation_signals(today: dt.date) -> list[dict[str, Any]]:
    """Importing participants with several issued certificates long past the confirmation deadline."""
    from kpcs.certificates.models import Certificate
    from kpcs.certificates.status import Status

    limit = today - dt.timedelta(days=settings.KPCS_CONFIRMATION_OVERDUE_DAYS)
    rows = (Certificate.objects.filter(status=Status.ISSUED, issue_date__lt=limit)
            .values("importing_participant__code").annotate(n=Count("id"), oldest=Min("issue_date"))
            .filter(n__gte=CHRONIC_OVERDUE_MIN).order_by("importing_participant__code"))
    return [{"key": f"confirmations:{r['importing_participant__code']}:{today.year}",
             "participant": r["importing_participant__code"], "source": CaseSource.CONFIRMATIONS,
             "period": str(today.year),
             "summary": _("%(code)s has not confirmed the import of %(n)s certificates within %(days)s days.")
             % {"code": r["importing_participant__code"], "n": r["n"],
                "days": settings.KPCS_CONFIRMATION_OVERDUE_DAYS},
             "details": {"overdue": r["n"], "oldest_issue_date": r["oldest"].isoformat()}} for r in rows]


def _recommendation_signals(today: dt.date) -> list[dict[str, Any]]:
    from kpcs.reviews.selectors import recommendations_not_acted_on

    by_owner: dict[str, list] = {}
    for rec in recommendations_not_acted_on(on=today):
        by_owner.setdefault(rec.owner.code, []).append(rec)
    return [{"key": f"recommendations:{code}:" + ",".join(str(r.pk) for r in recs), "participant": code,
             "source": CaseSource.RECOMMENDATIONS, "period": "",
             "summary": _("%(code)s has not acted on %(n)s review recommendations past their due date.")
             % {"code": code, "n": len(recs)},
             "details": {"recommendations": [r.pk for r in recs],
                         "oldest_due": min(r.due_on for r in recs).isoformat()}}
            for code, recs in sorted(by_owner.items())]


def compliance_signals(*, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Every current signal: {key, participant, source, period, summary, details}, with ``case`` set to the
    open case already opened from it (or None)."""
    from kpcs.governance.models import ComplianceCase
    from kpcs.governance.status import CaseStatus

    today = today or dt.date.today()
    signals = _statistics_signals() + _confirmation_signals(today) + _recommendation_signals(today)
    open_cases = dict(ComplianceCase.objects.exclude(status=CaseStatus.CLOSED).exclude(signal_key="")
                      .values_list("signal_key", "pk"))
    for signal in signals:
        signal["case"] = open_cases.get(signal["key"])
    return signals
