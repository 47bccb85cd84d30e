"""The statistics API: submissions all or nothing, national detail for its owners, the WGS's analyses and
questionnaires, no 500 on bad input."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kpcs.statistics.models import ReportVintage
from kpcs.statistics.services.importing import submission_import
from kpcs.statistics.tests.conftest import csv_file

pytestmark = pytest.mark.django_db
ROWS = ("BW,2005-H1,production,1000.00,80000.00,,,,", "BW,2005-H2,production,2500.00,180000.00,,,,",
        "BW,2005-Q1,export,111.11,9000.00,2,EU,7102.31,BW")


def _upload(client, *rows: str, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(f"/api/v1/statistics/submissions?{params}",
                       {"file": SimpleUploadedFile("bw.csv", csv_file(*rows), content_type="text/csv")})


def test_submit_through_the_api(registry, api_as):
    client = api_as("statistics_focal_point", participant="BW")
    response = _upload(client, *ROWS)
    assert response.status_code == 201
    body = response.json()
    assert body["changed"] == 3 and body["submission"] and not body["dry_run"]
    again = _upload(client, *ROWS)
    assert again.status_code == 200 and again.json()["changed"] == 0 and again.json()["submission"] is None
    assert ReportVintage.objects.filter(submission__source="api").count() == 3


def test_a_refused_file_lists_its_problems_in_the_callers_language(registry, api_as):
    client = api_as("statistics_focal_point", participant="BW")
    response = _upload(client, "BW,2005-Q1,export,1,1,,EU,7102.39,", "ZA,2005-H1,production,1,1,,,,")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "submission_rejected"
    assert [(p["row"], p["code"]) for p in error["details"]["problems"]] == [
        (2, "hs_out_of_scope"), (3, "participant_not_yours")]
    french = client.post("/api/v1/statistics/submissions", {"file": SimpleUploadedFile("x.csv", b"")},
                         HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 400 and french["Content-Language"] == "fr"
    assert not ReportVintage.objects.exists()
    missing = client.post("/api/v1/statistics/submissions", {})
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "file_required"
    raw = client.post("/api/v1/statistics/submissions?dry_run=true", csv_file(ROWS[0]), content_type="text/csv")
    assert raw.status_code == 200 and raw.json()["dry_run"]


def test_national_detail_belongs_to_its_participant(registry, api_as):
    submission_import(actor=None, data=csv_file(*ROWS))
    own = api_as("statistics_focal_point", participant="BW").get("/api/v1/statistics/national/BW?year=2005")
    assert own.status_code == 200
    assert {f["partner"] for f in own.json()["figures"]} == {None, "EU"}
    assert api_as("statistics_focal_point", participant="ZA").get(
        "/api/v1/statistics/national/BW?year=2005").status_code == 404
    assert api_as("observer").get("/api/v1/statistics/national/BW?year=2005").status_code == 403
    vintage = own.json()["vintages"][0]["id"]
    assert api_as("wgs_analyst").get(f"/api/v1/statistics/vintages/{vintage}").json()["figures"]


def test_wgs_analyses_and_a_questionnaire_through_the_api(registry, api_as):
    submission_import(actor=None, data=csv_file(*ROWS))
    wgs = api_as("wgs_analyst")
    for path in ("timeliness", "anomalies", "mirror", "valuation", "reconciliation"):
        assert wgs.get(f"/api/v1/statistics/{path}?year=2005").status_code == 200, path
    assert wgs.get("/api/v1/statistics/mirror?year=nope").status_code == 422
    swings = [f for f in wgs.get("/api/v1/statistics/anomalies?year=2005").json() if f["code"] == "swing"]
    assert swings and swings[0]["participant"] == "BW"
    created = wgs.post("/api/v1/statistics/questionnaires", {"participant": "BW", "period": "2005-H2",
                                                             "flow": "production"}, content_type="application/json")
    assert created.status_code == 201
    qid = created.json()["id"]
    assert wgs.post(f"/api/v1/statistics/questionnaires/{qid}/send").json()["status"] == "sent"
    focal = api_as("statistics_focal_point", participant="BW")
    answered = focal.post(f"/api/v1/statistics/questionnaires/{qid}/answer", {"answer": "New mine."},
                          content_type="application/json")
    assert answered.json()["status"] == "answered"
    refer = wgs.post("/api/v1/statistics/referrals", {"participant": "ZA", "period": "2005-Q1",
                                                      "flow_group": "trade"}, content_type="application/json")
    assert refer.status_code == 201 and refer.json()["kind"] == "missing"
    assert [s["participant"] for s in wgs.get("/api/v1/statistics/compliance-signals").json()] == ["ZA"]
    settings = wgs.post("/api/v1/statistics/settings", {"trade_due_days": 90}, content_type="application/json")
    assert settings.json()["trade_due_days"] == 90
    assert api_as("secretariat_admin").post("/api/v1/statistics/derived/rebuild").json()["cells"] == 0
