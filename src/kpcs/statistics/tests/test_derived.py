"""Trade derived from certificates follows every state change, and a full rebuild gives the same table;
reconciliation and certificate-count checks read it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kpcs.certificates.rules import LineInput
from kpcs.certificates.services import lifecycle
from kpcs.statistics.models import DerivedTrade
from kpcs.statistics.selectors.analysis import declared_vs_confirmed, reconciliation
from kpcs.statistics.selectors.anomalies import anomaly_findings
from kpcs.statistics.services.derived import derived_rebuild, statistics_certificate_changed
from kpcs.statistics.services.from_certificates import submission_from_certificates
from kpcs.statistics.services.importing import submission_import
from kpcs.statistics.tests.conftest import csv_file

pytestmark = pytest.mark.django_db
FEB, APR = dt.date(2026, 2, 10), dt.date(2026, 4, 2)


def cells() -> set[tuple]:
    return set(DerivedTrade.objects.values_list("participant__code", "flow", "partner__code", "year", "quarter",
                                                "hs_code", "carats", "usd", "certificates"))


def test_an_issued_certificate_is_an_export_of_its_quarter(issue):
    issue(FEB)
    assert cells() == {("BW", "export", "EU", 2026, 1, "710231", Decimal("1250.50"), Decimal("312625.00"), 1),
                       ("BW", "export", "EU", 2026, 1, "710221", Decimal("300.00"), Decimal("4500.00"), 0)}


def test_confirmation_adds_the_import_in_the_quarter_received(issue, world, django_capture_on_commit_callbacks):
    c = issue(FEB)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.certificate_confirm(actor=world["eu_officer"], number=c.number, date_received=APR, parcels=2,
                                      carats=Decimal("1550.50"), usd=Decimal("317125.00"), today=APR)
    imports = {x for x in cells() if x[1] == "import"}
    assert imports == {("EU", "import", "BW", 2026, 2, "710231", Decimal("1250.50"), Decimal("312625.00"), 1),
                       ("EU", "import", "BW", 2026, 2, "710221", Decimal("300.00"), Decimal("4500.00"), 0)}
    assert len(cells()) == 4  # the export stays: a confirmed certificate was issued for an export


def test_void_and_replaced_certificates_leave_the_statistics(issue, world, django_capture_on_commit_callbacks):
    keep, void, old = issue(FEB), issue(FEB), issue(FEB)
    assert DerivedTrade.objects.get(hs_code="710231").certificates == 3
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.certificate_void(actor=world["validator"], number=void.number, reason="wrong importer")
    assert DerivedTrade.objects.get(hs_code="710231").certificates == 2
    with django_capture_on_commit_callbacks(execute=True):
        smaller = world["input"](lines=[LineInput("7102.31", Decimal("100.00"), Decimal("1000.00"))])
        draft = lifecycle.certificate_replace(actor=world["officer"], number=old.number, today=FEB, data=smaller)
        lifecycle.certificate_validate(actor=world["validator"], certificate_id=draft.pk, today=FEB)
    gem = DerivedTrade.objects.get(hs_code="710231")
    assert (gem.certificates, gem.carats) == (2, keep.lines.get(hs_code="7102.31").carats + Decimal("100.00"))


def test_a_full_rebuild_gives_the_same_table(issue, world, django_capture_on_commit_callbacks):
    a, b = issue(FEB), issue(dt.date(2026, 5, 5))
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.certificate_confirm(actor=world["eu_officer"], number=a.number, date_received=APR, parcels=2,
                                      carats=Decimal("1550.50"), usd=Decimal("317125.00"), today=APR)
        lifecycle.certificate_void(actor=world["validator"], number=b.number, reason="error")
    incremental = cells()
    assert derived_rebuild() == len(incremental) == 4
    assert cells() == incremental
    c = issue(dt.date(2026, 5, 6))  # after a rebuild, changes are applied on top of it
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.certificate_void(actor=world["validator"], number=c.number, reason="error")
        statistics_certificate_changed(a.pk)  # a repeated or late refresh changes nothing
    assert cells() == incremental
    d = issue(dt.date(2026, 5, 7))
    after = cells()
    derived_rebuild()
    assert cells() == after and d.status == "issued"


def test_reconciliation_and_certificate_counts(issue, world):
    issue(dt.date(2025, 12, 20))  # the platform starts in 2025-Q4, so 2026-Q1 is fully covered
    issue(FEB)
    submission_import(actor=None, data=csv_file("BW,2026-Q1,export,1600.00,330000.00,2,EU,7102.31,BW"))
    [row] = [r for r in reconciliation(year=2026) if r["participant"] == "BW"]
    assert row["submitted"] == {"carats": "1600.00", "usd": "330000.00", "certificates": 2}
    assert row["derived"] == {"carats": "1550.50", "usd": "317125.00", "certificates": 1}
    assert (row["carats_gap_pct"], row["usd_gap_pct"], row["partial"]) == ("3.19", "4.06", False)
    [finding] = [f for f in anomaly_findings(year=2026) if f["code"].startswith("certificate")]
    assert finding["code"] == "certificate_count_mismatch"
    assert finding["params"] == {"flow": "export", "reported": 2, "counted": 1, "difference": 1}


def test_declared_against_confirmed(issue, world, django_capture_on_commit_callbacks):
    a, _b = issue(FEB), issue(FEB)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.certificate_confirm(actor=world["eu_officer"], number=a.number, date_received=APR, parcels=2,
                                      carats=Decimal("1550.00"), usd=Decimal("320000.00"), today=APR)
    [pair] = declared_vs_confirmed(year=2026)
    assert (pair["exporter"], pair["importer"], pair["certificates"], pair["confirmed"]) == ("BW", "EU", 2, 1)
    assert (pair["declared_usd"], pair["confirmed_usd"], pair["difference"], pair["difference_pct"]) == (
        "317125.00", "320000.00", "2875.00", "0.91")
    assert pair["unconfirmed_declared_usd"] == "317125.00"


def test_a_submission_derived_from_certificates(issue, focal_bw):
    issue(FEB)
    result = submission_from_certificates(actor=focal_bw, period="2026", today=dt.date(2026, 11, 28))
    assert [(r.period, r.flow, r.status) for r in result.reports] == [("2026-Q1", "export", "new")]
    [row] = [r for r in reconciliation(year=2026) if r["participant"] == "BW"]
    assert row["usd_gap_pct"] == "0.00"
    again = submission_from_certificates(actor=focal_bw, period="2026", today=dt.date(2026, 11, 28))
    assert again.changed == 0
