"""Importing submissions: every rejection reason refuses the file, names the row and changes nothing;
re-importing is idempotent; a revision is a new vintage and the old one stays readable."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import translation

from kpcs.audit.models import AuditEvent
from kpcs.errors import PermissionDenied
from kpcs.statistics.models import Figure, ReportVintage, Submission
from kpcs.statistics.services import validation
from kpcs.statistics.services.importing import SubmissionRejected, submission_import
from kpcs.statistics.tests.conftest import HEADER, csv_file

pytestmark = pytest.mark.django_db
GOOD = "BW,2004-H1,production,1000.00,80000.00,,,,"
NEXT_YEAR = dt.date.today().year + 1

# (code, file, row the problem names)
FILE_CASES = [
    ("empty_file", b"", 1),
    ("no_data_rows", csv_file(), 1),
    ("bad_encoding", HEADER.encode() + b"\nBW,2004-H1,production,1,1,,,,C\xf4te\n", 1),
    ("bad_file", b"PK\x03\x04 not really a workbook", 1),
    ("bad_file", HEADER.encode() + b"\nBW,2004\x00", 1),
    ("missing_column", b"participant,period,flow,carats\nBW,2004-H1,production,1\n", 1),
    ("duplicate_column", b"participant,period,flow,carats,usd,carats\nBW,2004-H1,production,1,1,1\n", 1),
    ("extra_cells", csv_file(GOOD, "BW,2004-H2,production,1,1,,,,,surplus"), 3),
]
ROW_CASES = [
    ("missing_value", "BW,2004-H2,production,,100.00,,,,"),
    ("unknown_participant", "XX,2004-H2,production,1,1,,,,"),
    ("not_participant_in_period", "GH,2004-Q1,export,1,1,,EU,,"),
    ("bad_period", "BW,2004-Q5,export,1,1,,EU,,"),
    ("bad_flow", "BW,2004-Q1,exports,1,1,,EU,,"),
    ("negative_amount", "BW,2004-H2,production,-5,1,,,,"),
    ("not_a_number", 'BW,2004-H2,production,"1,234",1,,,,'),
    ("not_a_whole_number", "BW,2004-Q1,export,1,1,1.5,EU,,"),
    ("too_many_decimals", "BW,2004-H2,production,1.234,1,,,,"),
    ("amount_too_large", "BW,2004-H2,production,1000000000000000,1,,,,"),
    ("hs_out_of_scope", "BW,2004-Q1,export,1,1,,EU,7102.39,"),
    ("unknown_hs_code", "BW,2004-Q1,export,1,1,,EU,7102,"),
    ("unknown_partner", "BW,2004-Q1,export,1,1,,XX,,"),
    ("partner_not_participant_in_period", "BW,2005-Q1,export,1,1,,CG,,"),
    ("partner_is_self", "BW,2004-Q1,export,1,1,,BW,,"),
    ("production_has_partner", "BW,2004-H2,production,1,1,,EU,,"),
    ("production_has_certificates", "BW,2004-H2,production,1,1,3,,,"),
    ("production_period_not_half_or_year", "BW,2004-Q1,production,1,1,,,,"),
    ("trade_period_not_quarter_or_year", "BW,2004-H1,export,1,1,,EU,,"),
    ("bad_origin", "BW,2004-Q1,export,1,1,,EU,,ZZ"),
    ("duplicate_row", GOOD),
    ("period_in_future", f"BW,{NEXT_YEAR}-H1,production,1,1,,,,"),
]


def _state() -> tuple[int, int, int, int]:
    return (Submission.objects.count(), ReportVintage.objects.count(), Figure.objects.count(),
            AuditEvent.objects.count())


def _refused(data: bytes, *, actor=None, **kwargs) -> list[dict]:
    before = _state()
    with pytest.raises(SubmissionRejected) as caught:
        submission_import(actor=actor, data=data, file_name=kwargs.pop("file_name", "f.csv"), **kwargs)
    assert _state() == before, "a refused file must change nothing"
    assert caught.value.code == "submission_rejected" and caught.value.status == 400
    return caught.value.details["problems"]


@pytest.mark.parametrize("code, data, row", FILE_CASES)
def test_file_level_problems_refuse_the_file(registry, code, data, row):
    problems = _refused(data)
    assert any(p["code"] == code and p["row"] == row for p in problems), problems
    assert all(p["message"] for p in problems)


@pytest.mark.parametrize("code, bad_row", ROW_CASES)
def test_every_rejection_reason_names_the_row_and_stores_nothing(registry, code, bad_row):
    submission_import(actor=None, data=csv_file("BW,2004-H2,production,5,5,,,,"), file_name="earlier.csv")
    problems = _refused(csv_file(GOOD, bad_row))
    assert any(p["code"] == code and p["row"] == 3 for p in problems), problems


def test_annual_figure_contradicting_its_halves_is_refused(registry):
    problems = _refused(csv_file("BW,2004,production,100.00,100.00,,,,", "BW,2004-H1,production,60.00,60.00,,,,",
                                 "BW,2004-H2,production,60.00,60.00,,,,"))
    [problem] = problems
    assert problem["code"] == "annual_contradicts_parts" and problem["row"] == 2
    assert problem["params"]["part_rows"] == "3, 4"


@pytest.mark.parametrize("code, bad_row", [
    ("bad_mining_type", "BW,2004-H2,production,1,1,,,,,opencast"),
    ("mining_type_not_production", "BW,2004-Q1,export,1,1,,EU,,,industrial"),
])
def test_mining_type_checks(registry, code, bad_row):
    problems = _refused(csv_file("BW,2004-H1,production,1,1,,,,,artisanal", bad_row, header=HEADER + ",mining_type"))
    assert [(p["code"], p["row"]) for p in problems] == [(code, 3)]


def test_a_focal_point_submits_for_its_own_participant_only(registry, focal_bw):
    problems = _refused(csv_file(GOOD, "ZA,2004-H1,production,1,1,,,,", "ZA,2004-Q1,export,1,1,,CG,7105,"),
                        actor=focal_bw)
    assert [(p["code"], p["row"]) for p in problems] == [("participant_not_yours", 3), (
        "hs_out_of_scope", 4), ("participant_not_yours", 4)]  # every problem of a row, ours too
    with pytest.raises(PermissionDenied):
        submission_import(actor=focal_bw, data=csv_file(GOOD), participant="ZA")
    with pytest.raises(PermissionDenied):
        submission_import(actor=focal_bw, data=csv_file(GOOD), received_on=dt.date(2004, 1, 1))


def test_file_too_large(registry, monkeypatch):
    monkeypatch.setattr(validation, "MAX_FILE_MB", 0)
    assert [p["code"] for p in _refused(csv_file(GOOD))] == ["file_too_large"]


def test_every_problem_of_a_file_is_reported(registry):
    problems = _refused(csv_file("XX,2004-Q5,exports,-1,abc,,,,", GOOD, "BW,2004-H1,export,1,1,,BW,,"))
    assert {p["row"] for p in problems} == {2, 4}
    assert {"unknown_participant", "bad_period", "bad_flow", "negative_amount", "not_a_number"} <= {
        p["code"] for p in problems if p["row"] == 2}


def test_problems_are_translated(registry):
    with translation.override("fr"):
        if translation.gettext("Registry") == "Registry":
            pytest.skip("the French catalogue is not compiled (make messages)")
        problems = _refused(csv_file(GOOD, "BW,2004-Q1,export,1,1,,EU,7102.39,"))
    assert "Processus de Kimberley" in problems[0]["message"]


def test_a_clean_file_is_stored_with_source_and_vintage(registry, focal_bw):
    data = csv_file(GOOD, "BW,2004-Q1,export,500.00,40000.00,3,EU,7102.31,BW", "BW,2004-Q1,export,10,1,,EU,7102.21,BW")
    result = submission_import(actor=focal_bw, data=data, file_name="bw-2004.csv", today=dt.date(2005, 1, 10))
    assert [(r.period, r.flow, r.status, r.vintage, r.rows) for r in result.reports] == [
        ("2004-H1", "production", "new", 1, 1), ("2004-Q1", "export", "new", 1, 2)]
    submission = Submission.objects.get(pk=result.submission_id)
    assert (submission.source, submission.file_name, submission.received_on) == ("upload", "bw-2004.csv",
                                                                                  dt.date(2005, 1, 10))
    assert submission.submitted_by == focal_bw.user and len(submission.file_sha256) == 64
    figure = Figure.objects.get(vintage__flow="export", hs_code="710231")
    assert (figure.carats, figure.usd, figure.certificates, figure.partner.code, figure.origin) == (
        Decimal("500.00"), Decimal("40000.00"), 3, "EU", "BW")
    assert AuditEvent.objects.filter(object_type="kp_statistics.submission", object_id=str(submission.pk)).exists()


def test_reimporting_the_same_file_is_idempotent(registry):
    data = csv_file(GOOD, "BW,2004-Q1,export,500.00,40000.00,3,EU,7102.31,BW")
    first = submission_import(actor=None, data=data)
    before = _state()
    again = submission_import(actor=None, data=data.replace(b"500.00", b"500.0"))  # the same numbers
    assert again.submission_id is None and again.changed == 0
    assert {r.status for r in again.reports} == {"unchanged"}
    assert _state() == before and first.changed == 2


def test_a_revision_is_a_new_vintage_and_the_old_one_stays_readable(registry):
    submission_import(actor=None, data=csv_file(GOOD, "BW,2004-Q1,export,500.00,40000.00,3,EU,7102.31,BW"))
    result = submission_import(actor=None, data=csv_file("BW,2004-Q1,export,520.00,41000.00,3,EU,7102.31,BW"))
    assert [(r.period, r.status, r.vintage) for r in result.reports] == [("2004-Q1", "revised", 2)]
    vintages = ReportVintage.objects.filter(participant__code="BW", period="2004-Q1").order_by("number")
    assert [(v.number, v.current) for v in vintages] == [(1, False), (2, True)]
    assert vintages[0].figures.get().carats == Decimal("500.00")  # the old figures are kept
    assert vintages[1].figures.get().carats == Decimal("520.00")
    assert ReportVintage.objects.get(period="2004-H1").number == 1  # a report not in the file is untouched
    back = submission_import(actor=None, data=csv_file("BW,2004-Q1,export,500.00,40000.00,3,EU,7102.31,BW"))
    assert back.reports[0].vintage == 3  # going back to the first figures is a revision too


def test_dry_run_checks_and_stores_nothing(registry):
    before = _state()
    result = submission_import(actor=None, data=csv_file(GOOD), dry_run=True)
    assert result.dry_run and result.changed == 1 and result.submission_id is None
    assert _state() == before


def test_xlsx_files_are_read_like_csv(registry):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["participant", "period", "flow", "carats", "usd", "certificates", "partner", "hs_code", "origin"])
    sheet.append(["BW", "2004-Q1", "export", 1234.56, 99000.1, 4, "EU", 7102.1, "BW"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = submission_import(actor=None, data=buffer.getvalue(), file_name="bw.xlsx")
    figure = Figure.objects.get(vintage__submission_id=result.submission_id)
    assert (figure.carats, figure.usd, figure.hs_code) == (Decimal("1234.56"), Decimal("99000.10"), "710210")


def test_the_command_line_import(registry, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    good = tmp_path / "bw.csv"
    good.write_bytes(csv_file(GOOD))
    call_command("stats", "import", str(good), "--dry-run")
    assert "would change 1 report(s)" in capsys.readouterr().out and not ReportVintage.objects.exists()
    call_command("stats", "import", str(good), "--received-on", "2004-09-01")
    assert ReportVintage.objects.get().received_on == dt.date(2004, 9, 1)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_file(GOOD, "BW,2004-Q1,export,1,1,,EU,7105,"))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("stats", "import", str(bad))
    assert "row 3: hs_out_of_scope" in capsys.readouterr().err
    with pytest.raises(CommandError):
        call_command("stats", "import", str(tmp_path / "missing.csv"))
