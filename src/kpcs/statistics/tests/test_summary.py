"""The published annual summary: the exact contract, hand-computed totals, shares and rounding, through the
selector, the CLI and the public API; downloads in CSV, XLSX and SDMX-CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from kpcs.statistics.exports import summary_csv
from kpcs.statistics.selectors.summary import statistics_summary, summary_notes
from kpcs.statistics.services.importing import submission_import
from kpcs.statistics.tests.conftest import csv_file

pytestmark = pytest.mark.django_db

ROWS = [
    # Botswana: production by half (1300 ct, US$ 103,000 -> 79.23/ct), exports in two quarters only
    "BW,2007-H1,production,1000.00,80000.00,,,,",
    "BW,2007-H2,production,300.00,23000.00,,,,",
    "BW,2007-Q1,export,500.00,40000.00,3,EU,7102.31,BW",
    "BW,2007-Q2,export,250.50,20000.25,2,EU,7102.31,BW",
    # South Africa: 8 ct for US$ 5 -> 0.625 -> 0.63 (half up); the annual export figure wins over its quarter
    "ZA,2007,production,8.00,5.00,,,,",
    "ZA,2007,export,100.00,1000.00,,EU,,",
    "ZA,2007-Q1,export,10.00,100.00,,EU,,",
    # The EU: imports from Botswana, CIF, no certificate count
    "EU,2007-Q1,import,500.00,40400.00,,BW,7102.31,BW",
]
NULL = {"carats": None, "usd": None, "usd_per_carat": None, "certificates": None}


@pytest.fixture
def figures(registry):
    submission_import(actor=None, data=csv_file(*ROWS), today=dt.date(2008, 3, 1))


def _by_code(summary):
    return {p["code"]: p for p in summary["participants"]}


def test_the_contract_shape(figures):
    summary = statistics_summary(year=2007)
    assert set(summary) == {"year", "world", "participants"} and summary["year"] == 2007
    assert set(summary["world"]) == {"production", "exports", "imports"}
    for row in summary["participants"]:
        assert set(row) == {"code", "production", "exports", "imports"}
        for key in ("production", "exports", "imports"):
            assert set(row[key]) == {"carats", "usd", "usd_per_carat", "certificates"}
    codes = [p["code"] for p in summary["participants"]]
    assert codes == sorted(codes) and "AM" in codes  # everyone who was a participant in 2007 is listed
    assert _by_code(summary)["AM"]["production"] == NULL


def test_hand_computed_totals_and_rounding(figures):
    summary = statistics_summary(year=2007)
    bw, za, eu = (_by_code(summary)[c] for c in ("BW", "ZA", "EU"))
    assert bw["production"] == {"carats": "1300.00", "usd": "103000.00", "usd_per_carat": "79.23", "certificates": None}
    assert bw["exports"] == {"carats": "750.50", "usd": "60000.25", "usd_per_carat": "79.95", "certificates": 5}
    assert bw["imports"] == NULL
    assert za["production"]["usd_per_carat"] == "0.63"  # 0.625 rounded half up, not to even
    assert za["exports"] == {"carats": "100.00", "usd": "1000.00", "usd_per_carat": "10.00", "certificates": None}
    assert eu["imports"] == {"carats": "500.00", "usd": "40400.00", "usd_per_carat": "80.80", "certificates": None}
    world = summary["world"]
    assert world["production"] == {"carats": "1308.00", "usd": "103005.00", "usd_per_carat": "78.75",
                                   "certificates": None}
    assert world["exports"] == {"carats": "850.50", "usd": "61000.25", "usd_per_carat": "71.72", "certificates": 5}


def test_shares_of_world_in_the_csv(figures):
    rows = list(csv.DictReader(io.StringIO(summary_csv(statistics_summary(year=2007)))))
    production = {r["area"]: r for r in rows if r["flow"] == "production"}
    assert production["WORLD"]["share_carats_pct"] == "100.00"
    assert production["BW"]["share_carats_pct"] == "99.39"  # 1300 / 1308
    assert production["ZA"]["share_carats_pct"] == "0.61"
    assert production["BW"]["share_usd_pct"] == "100.00"  # 103000 / 103005 = 99.995 -> 100.00
    assert production["AM"]["carats"] == "" and production["AM"]["share_usd_pct"] == ""


def test_partial_annual_figures_are_noted(figures):
    notes = summary_notes(year=2007)
    assert [(n["participant"], n["params"]["flow"], n["params"]["missing"]) for n in notes] == [
        ("BW", "export", "2007-Q3, 2007-Q4"), ("EU", "import", "2007-Q2, 2007-Q3, 2007-Q4")]


def test_only_current_vintages_count(figures):
    submission_import(actor=None, data=csv_file("BW,2007-H2,production,400.00,30000.00,,,,"))
    assert _by_code(statistics_summary(year=2007))["BW"]["production"]["carats"] == "1400.00"


def test_cli_summary_json_and_csv(figures, capsys):
    call_command("stats", "summary", "--year", "2007")
    assert json.loads(capsys.readouterr().out) == statistics_summary(year=2007)
    call_command("stats", "summary", "--year", "2007", "--format", "csv")
    out = capsys.readouterr().out
    assert out.startswith("year,area,flow,carats,usd,usd_per_carat,certificates")
    assert "2007,WORLD,exports,850.50,61000.25,71.72,5,100.00,100.00" in out


def test_public_api_summary(figures):
    response = Client().get("/api/v1/statistics/summary?year=2007")
    assert response.status_code == 200
    assert response.json() == statistics_summary(year=2007)
    for bad in ("?year=abc", "", "?year=99999"):
        response = Client().get(f"/api/v1/statistics/summary{bad}")
        assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_a_year_without_figures_is_all_nulls(registry):
    summary = statistics_summary(year=2005)
    assert summary["world"] == {"production": NULL, "exports": NULL, "imports": NULL}


def test_downloads_are_public_and_aggregated(figures):
    client = Client()
    response = client.get("/statistics/2007.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.decode() == summary_csv(statistics_summary(year=2007))
    sdmx = client.get("/statistics/2007.sdmx").content.decode()
    assert sdmx.startswith("STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,COUNTERPART_AREA,FLOW,HS_CODE")
    lines = [line.split(",") for line in sdmx.strip().split("\r\n")[1:]]
    assert {line[5] for line in lines} <= {"_T", "_Z"}  # never a partner: national detail is confidential
    assert "datastructure,KPCS:DSD_KP_STATS(1.0),I,A,BW,_Z,PRD,_T,2007,CTM,1300.00" in sdmx
    from openpyxl import load_workbook

    response = client.get("/statistics/2007.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:4] == ("year", "area", "name", "flow")
    bw = next(r for r in rows if r[1] == "BW" and r[3] == "production")
    assert float(bw[4]) == 1300.0 and bw[2] == "Botswana"
    assert client.get("/statistics/2007.pdf").status_code == 404
