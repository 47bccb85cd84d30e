"""Quality checks on the current figures, each finding with a reason a person can act on.

Swings (the trigger for a Data Anomaly Questionnaire), unit values far from the participant's history or
its peers, exports that production plus imports cannot explain, and certificate counts that do not match
the certificates recorded on the platform.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Min, Sum

from kpcs.certificates.models import Certificate
from kpcs.statistics.messages import translated
from kpcs.statistics.models import DerivedTrade, Questionnaire
from kpcs.statistics.selectors.figures import current_observations, current_records
from kpcs.statistics.selectors.settings import reporting_settings
from kpcs.statmath import anomalies
from kpcs.statmath.periods import Period, parse_period
from kpcs.statmath.records import TRADE_FLOWS, Figure, Finding
from kpcs.statmath.summary import annual_carats

QUESTIONNAIRE_CODES = frozenset({"swing", "swing_from_zero"})


def certificates_since() -> dt.date | None:
    """The first day certificates were recorded on the platform (None: none yet)."""
    return Certificate.objects.aggregate(first=Min("issue_date"))["first"]


def _count_findings(year: int, records: list[Figure], today: dt.date, participant: str | None) -> list[Finding]:
    since = certificates_since()
    if since is None:
        return []
    reported = {(r.participant, r.period, r.flow): r.certificates for r in records
                if r.period.year == year and r.flow in TRADE_FLOWS
                and r.period.start >= since and r.period.end < today}
    if not reported:
        return []
    qs = DerivedTrade.objects.filter(year=year)
    if participant:
        qs = qs.filter(participant__code=participant)
    by_quarter: dict[tuple[str, int, str], int] = defaultdict(int)
    for code, quarter, flow, n in qs.values_list("participant__code", "quarter", "flow").annotate(
            n=Sum("certificates")).order_by():
        by_quarter[(code, quarter, flow)] += n
    counted = {}
    for (code, period, flow) in reported:
        quarters = [period] if period.kind == "quarter" else list(period.children("quarter"))
        counted[(code, period, flow)] = sum(by_quarter[(code, q.index, flow)] for q in quarters)
    return anomalies.certificate_count_mismatch(reported, counted)


def anomaly_findings(*, year: int, participant: str | None = None, today: dt.date | None = None
                     ) -> list[dict[str, Any]]:
    """Every finding for ``year``, translated, with the open questionnaire of its report if any."""
    today = today or dt.date.today()
    settings = reporting_settings()
    records = current_records(years=[year - 1, year], participant=participant)
    findings: list[Finding] = [
        f for f in anomalies.swings(records, settings.swing_threshold_pct) if parse_period(f["period"]).year == year]
    observations = current_observations(years=[year - 2, year - 1, year])
    findings += [f for f in anomalies.unit_value_outliers(observations)
                 if parse_period(f["period"]).year == year and (participant is None or f["participant"] == participant)]
    if Period(year, "year").end < today:  # a year still running has partial figures: nothing to compare yet
        findings += anomalies.unexplained_exports(
            year, annual_carats(year, records, "production"), annual_carats(year, records, "import"),
            annual_carats(year, records, "export"), settings.unexplained_tolerance_pct)
    findings += _count_findings(year, records, today, participant)
    questionnaires = {(q.participant.code, q.period, q.flow): q for q in Questionnaire.objects.filter(
        period__startswith=str(year)).exclude(status="closed").select_related("participant")}
    out = []
    for f in findings:
        flow = str(f["params"].get("flow") or "")
        out.append({**translated(f), "flow": flow,
                    "questionnaire": questionnaires.get((f["participant"], f["period"], flow)),
                    "may_question": f["code"] in QUESTIONNAIRE_CODES})
    out.sort(key=lambda f: (f["participant"], parse_period(f["period"]), f["code"]))
    return out


def report_findings(*, participant: str, period: str, flow: str) -> list[Finding]:
    """The swing findings of one report (what a questionnaire is drafted from), English messages."""
    parsed = parse_period(period)
    records = current_records(years=[parsed.year - 1, parsed.year], participant=participant)
    return [f for f in anomalies.swings(records, reporting_settings().swing_threshold_pct)
            if f["period"] == str(parsed) and f["params"].get("flow") == flow]
