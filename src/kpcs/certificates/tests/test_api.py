from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from django.test import Client

from kpcs.accounts.services import token_create
from kpcs.certificates.models import Certificate

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _client(actor) -> Client:
    _t, token = token_create(actor=None, user=actor.user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _draft_body(world, **changes) -> dict:
    body = {"destination": "EU", "exporter_id": world["bw_co"].id, "importer_id": world["eu_co"].id, "parcels": 3,
            "lines": [{"hs_code": "7102.31", "carats": "1520.75", "usd": "455000.00"}],
            "origin": [{"country": "BW"}], "validity_days": 45}
    body.update(changes)
    return body


def _issue_via_api(world) -> dict:
    officer, validator = _client(world["officer"]), _client(world["validator"])
    draft = officer.post("/api/v1/certificates", _draft_body(world), content_type="application/json")
    assert draft.status_code == 201, draft.content
    issued = validator.post(f"/api/v1/certificates/{draft.json()['id']}/validate")
    assert issued.status_code == 200, issued.content
    return issued.json()


def test_issue_through_the_api_and_verify_offline_with_the_downloaded_trust_list(world, tmp_path):
    cert = _issue_via_api(world)
    assert cert["status"] == "issued" and cert["qr"].startswith("KP1:")
    trust = Client().get("/api/v1/trust-list")
    assert trust.status_code == 200
    path = tmp_path / "trust.json"
    path.write_text(json.dumps(trust.json()))
    ok = subprocess.run([sys.executable, "-m", "kpcs.cli", "verify", "--trust-list", str(path), cert["qr"]],
                        capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    report = json.loads(ok.stdout)
    assert report["valid"] is True
    tampered = cert["qr"][:-3] + ("A" if cert["qr"][-3] != "A" else "B") + cert["qr"][-2:]
    bad = subprocess.run([sys.executable, "-m", "kpcs.cli", "verify", "--trust-list", str(path), tampered],
                         capture_output=True, text=True, check=False)
    assert bad.returncode != 0
    assert json.loads(bad.stdout)["valid"] is False


def test_get_certificate_includes_qr_and_totals_as_decimal_strings(world):
    cert = _issue_via_api(world)
    body = _client(world["officer"]).get(f"/api/v1/certificates/{cert['number']}").json()
    assert body["qr"] == cert["qr"]
    assert body["total_carats"] == "1520.75"
    assert body["expiry_date"] == (TODAY + dt.timedelta(days=45)).isoformat()


def test_rule_errors_are_json_with_every_problem(world):
    body = _draft_body(world, validity_days=90, lines=[{"hs_code": "7102.39", "carats": "1", "usd": "1"}])
    response = _client(world["officer"]).post("/api/v1/certificates", body, content_type="application/json")
    assert response.status_code == 400
    codes = {p["code"] for p in response.json()["error"]["details"]}
    assert {"validity_too_long", "hs_not_rough_diamond"} <= codes
    assert Certificate.objects.count() == 0


def test_rule_errors_are_translated(world):
    body = _draft_body(world, validity_days=90)
    response = _client(world["officer"]).post("/api/v1/certificates", body, content_type="application/json",
                                              HTTP_ACCEPT_LANGUAGE="fr")
    message = response.json()["error"]["message"]
    assert "60" in message and "certificate" not in message.lower()


@pytest.mark.parametrize("bad", [{"parcels": "many"}, {"lines": [{"hs_code": "7102.31", "carats": "x", "usd": "1"}]},
                                 {"destination": None}])
def test_malformed_draft_is_422_not_500(world, bad):
    response = _client(world["officer"]).post("/api/v1/certificates", _draft_body(world, **bad),
                                              content_type="application/json")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_confirm_void_replace_through_the_api(world):
    cert = _issue_via_api(world)
    eu = _client(world["eu_officer"])
    confirmed = eu.post(f"/api/v1/certificates/{cert['number']}/confirm", {
        "date_received": TODAY.isoformat(), "parcels": 3, "carats": "1520.75", "usd": "450000.00"},
        content_type="application/json")
    assert confirmed.status_code == 200, confirmed.content
    assert confirmed.json()["confirmation"]["discrepancies"][0]["field"] == "usd"
    again = eu.post(f"/api/v1/certificates/{cert['number']}/confirm", {
        "date_received": TODAY.isoformat(), "parcels": 3, "carats": "1520.75", "usd": "450000.00"},
        content_type="application/json")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "already_confirmed"
    alerts = _client(world["officer"]).get("/api/v1/certificate-alerts").json()
    assert [a["certificate"] for a in alerts] == [cert["number"]]

    second = _issue_via_api(world)
    validator = _client(world["validator"])
    voided = validator.post(f"/api/v1/certificates/{second['number']}/void", {"reason": "wrong importer"},
                            content_type="application/json")
    assert voided.json()["status"] == "void"

    third = _issue_via_api(world)
    replacement = _client(world["officer"]).post(f"/api/v1/certificates/{third['number']}/replace", {},
                                                 content_type="application/json")
    assert replacement.status_code == 201
    new = validator.post(f"/api/v1/certificates/{replacement.json()['id']}/validate").json()
    old = validator.get(f"/api/v1/certificates/{third['number']}").json()
    assert (old["status"], old["replaced_by"], new["replaces"]) == ("replaced", new["number"], third["number"])


def test_list_filters(world):
    cert = _issue_via_api(world)
    client = _client(world["eu_officer"])
    assert [c["number"] for c in client.get("/api/v1/certificates", {"status": "issued"}).json()] == [cert["number"]]
    assert client.get("/api/v1/certificates", {"status": "confirmed"}).json() == []
    assert client.get("/api/v1/certificates", {"from": (TODAY + dt.timedelta(days=1)).isoformat()}).json() == []
    assert len(client.get("/api/v1/certificates", {"participant": "BW"}).json()) == 1


def test_public_verification_hides_values_from_anonymous_callers(world):
    cert = _issue_via_api(world)
    body = Client().get(f"/api/v1/verify/{cert['number']}").json()
    assert body["status"] == "valid"
    assert (body["exporting_participant"], body["importing_participant"]) == ("BW", "EU")
    text = json.dumps(body)
    assert "1520.75" not in text and "Kalahari" not in text and "455000" not in text
    assert "certificate" not in body
    full = _client(world["eu_officer"]).get(f"/api/v1/verify/{cert['number']}").json()
    assert full["certificate"]["total_carats"] == "1520.75"
    assert Client().get("/api/v1/verify/ZZ0000").json()["status"] == "unknown"


def test_a_third_participant_sees_nothing(world, make_user):
    from kpcs.accounts.actor import actor_for

    cert = _issue_via_api(world)
    stranger = _client(actor_for(make_user("authority_officer", participant="AE", username="officer-ae")))
    assert stranger.get(f"/api/v1/certificates/{cert['number']}").status_code == 404
    assert stranger.get("/api/v1/certificates").json() == []
    assert "certificate" not in stranger.get(f"/api/v1/verify/{cert['number']}").json()


def test_pdf_renders_with_cyrillic(world):
    cert = _issue_via_api(world)
    response = _client(world["officer"]).get(f"/api/v1/certificates/{cert['number']}/pdf", {"lang": "ru"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_companies_of_a_participant(world):
    rows = _client(world["officer"]).get("/api/v1/companies", {"participant": "EU"}).json()
    assert [r["name"] for r in rows] == ["Schelde Rough Trading"]


def test_trust_list_never_contains_private_keys(world):
    _issue_via_api(world)
    document = Client().get("/api/v1/trust-list").json()
    assert set(document["keys"][0]) == {"kid", "participant", "authority", "alg", "public_key", "valid_from",
                                        "valid_until", "status"}


def test_an_independent_decoder_verifies_an_api_issued_certificate(world):
    """The decoder in kpcs.signing.tests.test_independent_decoder follows docs/certificate-format.md alone."""
    import base64

    from kpcs.signing.tests.test_independent_decoder import independent_verify

    cert = _issue_via_api(world)
    keys = [base64.urlsafe_b64decode(k["public_key"] + "==") for k in Client().get("/api/v1/trust-list").json()["keys"]]
    payload = independent_verify(cert["qr"], keys)
    assert payload["no"] == cert["number"]
    assert (payload["xp"], payload["dst"], payload["ct"], payload["usd"]) == ("BW", "EU", "1520.75", "455000.00")
