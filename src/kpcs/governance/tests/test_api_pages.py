"""Governance through the API and the pages."""

from __future__ import annotations

import datetime as dt

import pytest

from kpcs.governance.models import ComplianceCase, Decision
from kpcs.participants.selectors import may_trade_on

pytestmark = pytest.mark.django_db


def _post(client, path, body, **extra):
    return client.post(path, body, content_type="application/json", **extra)


def test_api_decision_through_rule_26(api_as, registry):
    api = api_as("secretariat_admin")
    r = _post(api, "/api/v1/governance/meetings", {"place": "Gatineau", "starts_on": "2004-10-27",
                                                   "ends_on": "2004-10-29", "host": "CA"})
    assert r.status_code == 201
    r = _post(api, "/api/v1/governance/decisions", {
        "number": "2004-01", "route": "plenary", "agreed_on": "2004-10-29", "title": "Validity", "text": "60 days",
        "meeting_id": r.json()["id"]})
    assert r.status_code == 201 and r.json()["rule26"]["missing"] == ["fr", "pt", "es", "ru"]
    r = _post(api, "/api/v1/governance/decisions/2004-01/adopt", {"on": "2004-12-01"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert r.status_code == 409 and r.json()["error"]["code"] == "translations_missing"
    assert r.headers["Content-Language"] == "ru"
    for lang in ("en", "fr", "pt", "es", "ru"):
        if lang != "en":
            _post(api, "/api/v1/governance/decisions/2004-01/texts", {"language": lang, "title": lang, "text": lang})
        _post(api, f"/api/v1/governance/decisions/2004-01/texts/{lang}/circulate", {"on": "2004-11-20"})
    r = _post(api, "/api/v1/governance/decisions/2004-01/adopt", {"on": "2004-12-01"})
    assert r.status_code == 200 and r.json()["rule26"]["state"] == "adopted"


def test_api_case_suspension_and_observer_refused(api_as, registry):
    committee, chair = api_as("participation_committee"), api_as("secretariat_admin")
    r = _post(committee, "/api/v1/governance/cases", {"participant": "BW", "opened_on": "2005-05-01",
                                                      "summary": "Unexplained exports"})
    case_id = r.json()["id"]
    _post(committee, f"/api/v1/governance/cases/{case_id}/advise", {"advice": "Suspend", "on": "2005-05-10"})
    r = _post(chair, f"/api/v1/governance/cases/{case_id}/act", {"action": "suspension", "text": "Suspended",
                                                                 "on": "2005-06-01"})
    assert r.status_code == 200 and r.json()["suspended_on"] == "2005-06-01"
    assert not may_trade_on("BW", dt.date(2005, 6, 1))
    assert api_as("observer").get("/api/v1/governance/cases").status_code == 403
    assert api_as("observer", observer="CSC").get("/api/v1/governance/decisions").status_code == 200


def test_report_endpoint_serves_pdf(api_as, registry):
    api = api_as("secretariat_admin")
    r = api.get("/api/v1/governance/report/chair?year=2004&lang=ru&format=pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")
    r = api.get("/api/v1/governance/report/chair?year=2004&lang=xx")
    assert r.status_code == 400 and r.json()["error"]["code"] == "not_official_language"


def test_pages_show_translation_status_and_refuse_adoption(client_as, registry):
    from kpcs.governance.demo import build_demo

    build_demo()
    client = client_as("secretariat_admin")
    page = client.get("/governance/decisions/2004-GAT-04/").content.decode()
    assert page.count("Missing: translation pending") == 3 and "pending translation" in page
    assert "pays d&#x27;origine" in page or "pays d'origine" in page
    r = client.post("/governance/decisions/2004-GAT-04/adopt/", {"on": "2005-01-10"})
    assert r.status_code == 200 and 'role="alert"' in r.content.decode()
    assert Decision.objects.get(number="2004-GAT-04").adopted_on is None
    ru = client.get("/ru/governance/decisions/").content.decode()
    assert 'lang="ru"' in ru
    committee_page = client.get("/governance/committee/?year=2006").content.decode()
    assert "breaks its terms of reference" in committee_page


def test_case_pages_walk_the_workflow(client_as, registry):
    committee = client_as("participation_committee")
    r = committee.post("/governance/cases/", {"participant": "BW", "opened_on": "2005-05-01", "summary": "Late"})
    case = ComplianceCase.objects.get()
    assert r.status_code == 302
    r = committee.post(f"/governance/cases/{case.pk}/advise/", {"advise-advice": "Remind", "advise-on": "2005-05-02"})
    assert r.status_code == 302
    chair = client_as("secretariat_admin")
    r = chair.post(f"/governance/cases/{case.pk}/act/", {"act-action": "reminder", "act-text": "Letter sent",
                                                         "act-on": "2005-04-01"})
    assert r.status_code == 200 and "before the previous step" in r.content.decode()
    assert committee.post(f"/governance/cases/{case.pk}/act/", {}).status_code == 403
    case.refresh_from_db()
    assert case.status == "advised"


def test_deadlines_reach_the_owners_dashboards(client_as, registry):
    from kpcs.governance.demo import build_demo

    build_demo()
    russia = client_as("statistics_focal_point", participant="RU").get("/dashboard/").content.decode()
    assert "Statistical reports of the Russian Federation" in russia and 'class="overdue"' in russia
    coordinator = client_as("review_coordinator").get("/dashboard/").content.decode()
    assert "alluvial production" in coordinator and "Statistical reports of the Russian" not in coordinator
    chair = client_as("secretariat_admin").get("/dashboard/").content.decode()
    assert "non-compliance case" in chair and "not yet formally adopted" in chair
