"""Pages: five languages, confidentiality of national detail, the upload report, the WGS's buttons, and
pinned query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kpcs.statistics.models import Questionnaire, ReportVintage
from kpcs.statistics.services.importing import submission_import
from kpcs.statistics.tests.conftest import csv_file

pytestmark = pytest.mark.django_db
LANGUAGES = ["", "/fr", "/pt", "/es", "/ru"]
ROWS = ["BW,2005-H1,production,1000.00,80000.00,,,,", "BW,2005-H2,production,2500.00,180000.00,,,,",
        "BW,2005-Q1,export,111.11,9000.00,2,EU,7102.31,BW", "BW,2005-Q1,export,222.22,18000.00,3,AE,7102.31,BW",
        "EU,2005-Q1,import,111.11,9100.00,2,BW,7102.31,BW", "EU,2005-Q1,import,50.00,4000.00,1,ZA,7102.31,ZA",
        "AE,2005-Q1,import,300.00,24000.00,3,BW,7102.31,BW"]


@pytest.fixture
def figures(registry):
    submission_import(actor=None, data=csv_file(*ROWS), today=dt.date(2006, 2, 1))


def _lang(response, prefix: str) -> None:
    assert response.status_code == 200, response.status_code
    assert f'lang="{prefix.strip("/") or "en"}"' in response.content.decode()


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_public_page_in_five_languages(figures, prefix):
    response = Client().get(f"{prefix}/statistics/?year=2005")
    _lang(response, prefix)
    body = response.content.decode()
    assert body.count("<svg") >= 2 and 'data-chart="chart-production"' in body
    assert "333" in body  # BW's exports, all partners together


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_wgs_pages_in_five_languages(figures, client_as, prefix):
    client = client_as("wgs_analyst")
    for path in ("/statistics/wgs/?year=2005", "/statistics/wgs/mirror/?year=2005", "/statistics/wgs/valuation/",
                 "/statistics/wgs/reconciliation/", "/statistics/questionnaires/", "/statistics/settings/",
                 "/statistics/national/BW/?year=2005", "/dashboard/"):
        _lang(client.get(prefix + path), prefix)


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_focal_point_pages_in_five_languages(figures, client_as, prefix):
    client = client_as("statistics_focal_point", participant="BW")
    for path in ("/statistics/submit/", "/statistics/national/BW/?year=2005", "/dashboard/"):
        _lang(client.get(prefix + path), prefix)


def test_partner_detail_is_never_public(figures, client_as):
    observer = client_as("observer")
    for client in (Client(), observer):
        body = client.get("/statistics/?year=2005").content.decode()
        assert "111.11" not in body and "222.22" not in body  # the two partner-level rows
        assert client.get("/statistics/2005.csv").content.decode().count("111.11") == 0
    assert observer.get("/statistics/national/BW/").status_code == 403
    assert observer.get("/statistics/wgs/mirror/").status_code == 403
    assert Client().get("/statistics/national/BW/").status_code == 302  # to the login page
    assert client_as("authority_officer", participant="ZA").get("/statistics/national/BW/").status_code == 404
    own = client_as("statistics_focal_point", participant="BW").get("/statistics/national/BW/?year=2005")
    assert own.status_code == 200 and "111.11" in own.content.decode()
    sdmx = client_as("wgs_analyst").get("/statistics/national/BW/?year=2005&format=sdmx").content.decode()
    assert ",BW,EU,EXP,710231,2005-Q1,CTM,111.11" in sdmx


def test_old_vintages_stay_readable(figures, client_as):
    submission_import(actor=None, data=csv_file("BW,2005-Q1,export,150.00,9000.00,2,EU,7102.31,BW"))
    old = ReportVintage.objects.get(participant__code="BW", period="2005-Q1", flow="export", number=1)
    body = client_as("statistics_focal_point", participant="BW").get(f"/statistics/vintages/{old.pk}/").content
    assert b"111.11" in body and b"222.22" in body
    assert client_as("statistics_focal_point", participant="ZA").get(
        f"/statistics/vintages/{old.pk}/").status_code == 404


def test_upload_page_reports_every_bad_row(registry, client_as):
    client = client_as("statistics_focal_point", participant="BW")
    bad = SimpleUploadedFile("bw.csv", csv_file("BW,2005-H1,production,1,1,,,,", "BW,2005-Q1,export,1,1,,EU,7105,"))
    response = client.post("/statistics/submit/", {"file": bad, "participant": "BW"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "hs_out_of_scope" in body and '<td class="num">3</td>' in body
    assert not ReportVintage.objects.exists()
    good = SimpleUploadedFile("bw.csv", csv_file("BW,2005-H1,production,1,1,,,,"))
    response = client.post("/statistics/submit/", {"file": good, "participant": "BW", "dry_run": "on"})
    assert response.status_code == 200 and not ReportVintage.objects.exists()
    good.seek(0)
    response = client.post("/fr/statistics/submit/", {"file": good, "participant": "BW"})
    assert response.status_code == 200 and ReportVintage.objects.count() == 1
    assert client.post("/statistics/submit/", {"participant": "ZA"}).status_code == 200  # form errors, no 500


def test_wgs_drafts_and_sends_a_questionnaire_and_the_focal_point_answers(figures, client_as):
    wgs = client_as("wgs_analyst")
    body = wgs.get("/statistics/wgs/?year=2005").content.decode()
    assert "Draft a questionnaire" in body
    response = wgs.post("/statistics/questionnaires/new/", {"participant": "BW", "period": "2005-H2",
                                                            "flow": "production"})
    q = Questionnaire.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/statistics/questionnaires/{q.pk}/")
    assert wgs.post(f"/statistics/questionnaires/{q.pk}/send/").status_code == 302
    focal = client_as("statistics_focal_point", participant="BW")
    assert "awaits your answer" in focal.get("/dashboard/").content.decode()
    focal.post(f"/statistics/questionnaires/{q.pk}/answer/", {"answer": "A new mine opened."})
    q.refresh_from_db()
    assert (q.status, q.answer) == ("answered", "A new mine opened.")
    wgs.post(f"/statistics/questionnaires/{q.pk}/close/", {"outcome": "Explained."})
    assert Questionnaire.objects.get().status == "closed"
    response = wgs.post("/statistics/questionnaires/999999/send/")
    assert response.status_code == 302  # "not found" comes back as a message, not an error page


def test_refer_button(figures, client_as):
    client = client_as("wgs_analyst")
    response = client.post("/statistics/wgs/refer/", {"participant": "ZA", "period": "2005-Q1",
                                                      "flow_group": "trade"})
    assert response.status_code == 302
    assert "referred" in client.get("/statistics/wgs/?year=2005").content.decode()


@pytest.mark.parametrize("path, most", [
    ("/statistics/?year=2005", 8), ("/statistics/wgs/?year=2005", 20), ("/statistics/national/BW/?year=2005", 18),
    ("/statistics/questionnaires/", 6), ("/statistics/wgs/mirror/?year=2005", 7),
    ("/statistics/wgs/reconciliation/?year=2005", 8),
])
def test_query_counts_are_pinned(figures, client_as, django_assert_max_num_queries, path, most):
    client = client_as("wgs_analyst")
    client.get(path)  # warm the session and caches
    submission_import(actor=None, data=csv_file("ZA,2005-Q2,export,5,5,1,EU,7102.31,ZA",
                                                "ZA,2005-Q3,export,5,5,1,AE,7102.31,ZA"))
    with django_assert_max_num_queries(most):
        assert client.get(path).status_code == 200
