from __future__ import annotations

import pytest
from django.test import Client

from kpcs.audit.models import AuditEvent
from kpcs.participants.models import StatusEvent

pytestmark = pytest.mark.django_db


def test_participants_on_gatineau_via_api(api_as):
    response = api_as("wgs_analyst").get("/api/v1/participants", {"on": "2004-10-29"})
    assert response.status_code == 200
    rows = response.json()
    codes = {r["code"] for r in rows}
    assert len(rows) == 43 and "EU" in codes and "CG" not in codes
    eu = next(r for r in rows if r["code"] == "EU")
    assert eu == {"code": "EU", "name": "European Union", "kind": "regional_organisation", "status": "participant"}


def test_participant_detail_has_history(api_as):
    response = api_as("wgs_analyst").get("/api/v1/participants/cg")
    assert response.status_code == 200
    body = response.json()
    assert [e["event"] for e in body["status_history"]] == ["admitted", "removed", "readmitted"]
    assert "Congo" in body["names"]["fr"]


def test_participant_names_follow_accept_language(api_as):
    response = api_as("wgs_analyst").get("/api/v1/participants/ZA", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.json()["name"] == "Южная Африка"


@pytest.mark.parametrize("query", [{"on": "2004-13-45"}, {"on": "yesterday"}, {"on": ""}, {"all": "maybe"}])
def test_bad_query_is_a_json_error_not_a_500(api_as, query):
    response = api_as("wgs_analyst").get("/api/v1/participants", query)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_unknown_participant_is_404_json(api_as):
    response = api_as("wgs_analyst").get("/api/v1/participants/QQ")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "No participant with code QQ."}}


def test_error_messages_are_translated(api_as):
    response = api_as("wgs_analyst").get("/api/v1/participants/QQ", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["error"]["message"] != "No participant with code QQ."
    assert "QQ" in response.json()["error"]["message"]


def test_anonymous_gets_401_json():
    response = Client().get("/api/v1/participants")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_openapi_document_is_public():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/participants" in response.json()["paths"]


def test_secretariat_records_a_status_event_via_api(api_as):
    client = api_as("secretariat_admin")
    response = client.post("/api/v1/participants/VE/status-events", {
        "date": "2030-01-01", "event": "suspended", "source": "test"}, content_type="application/json")
    assert response.status_code == 201, response.content
    assert AuditEvent.objects.filter(object_type="participants.statusevent").exists()


@pytest.mark.parametrize("payload, code", [
    ({"date": "2003-01-01", "event": "removed"}, "dates_out_of_order"),
    ({"date": "2030-01-01", "event": "admitted"}, "transition_not_allowed"),
    ({"date": "2030-01-01", "event": "exploded"}, "unknown_event"),
    ({"date": "2030-01-01", "event": "removed", "certainty": "maybe"}, "invalid_request"),
])
def test_bad_status_event_changes_nothing(api_as, payload, code):
    client = api_as("secretariat_admin")
    n = StatusEvent.objects.count()
    response = client.post("/api/v1/participants/BW/status-events", payload, content_type="application/json")
    assert response.status_code in (400, 409, 422)
    assert response.json()["error"]["code"] == code
    assert StatusEvent.objects.count() == n


def test_malformed_json_body_is_a_json_error(api_as):
    response = api_as("secretariat_admin").post("/api/v1/participants/BW/status-events", "{not json",
                                                 content_type="application/json")
    assert response.status_code in (400, 422)
    assert "error" in response.json()
