"""The demo statistics load once and only once, and tell the story the screens need."""

from __future__ import annotations

import pytest

from kpcs.statistics.demo import build_demo
from kpcs.statistics.models import ComplianceReferral, Questionnaire, ReportVintage
from kpcs.statistics.selectors.analysis import mirror_rows
from kpcs.statistics.selectors.anomalies import anomaly_findings
from kpcs.statistics.selectors.summary import statistics_summary
from kpcs.statistics.selectors.timeliness import timeliness

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_statistics_are_idempotent_and_tell_the_story(registry):
    build_demo()
    vintages = ReportVintage.objects.count()
    assert "0 historical" in build_demo() and ReportVintage.objects.count() == vintages
    world = statistics_summary(year=2003)["world"]
    assert float(world["production"]["usd"]) > 8.5e9 and float(world["exports"]["usd"]) > 20e9
    assert 45_000 < world["exports"]["certificates"] < 50_000
    russia = [i for i in timeliness(year=2004) if i["participant"] == "RU" and i["period"] == "2004-H1"
              and i["flow_group"] == "production"]
    assert russia[0]["status"] == "late" and russia[0]["days_late"] == 113
    assert {i["status"] for i in timeliness(year=2006) if i["participant"] == "VE"} == {"missing"}
    codes = {(f["code"], f["participant"]) for f in anomaly_findings(year=2003)}
    assert ("unexplained_exports", "CG") in codes
    causes = {(r["exporter"], r["importer"], r["cause"]) for r in mirror_rows(year=2006, annual=True)}
    assert ("BW", "IN", "valuation_basis") in causes and ("VE", "EU", "missing_report") in causes
    assert Questionnaire.objects.count() == 3 and ComplianceReferral.objects.count() == 2
