from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.test import Client

from kpcs.accounts.actor import actor_for
from kpcs.accounts.services import membership_add
from kpcs.certificates.models import Certificate, ReuseAlert
from kpcs.certificates.services.lifecycle import (
    certificate_confirm,
    certificate_draft_create,
    certificate_validate,
    certificate_void,
)
from kpcs.errors import Conflict

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def client_for(actor) -> Client:
    client = Client()
    client.force_login(actor.user)
    return client


def body(response) -> str:
    return response.content.decode()


def slot(response, slot_id: str) -> str:
    """The text of one error slot (``<span id="..._error">``) of a rendered page."""
    match = re.search(rf'<span id="{re.escape(slot_id)}"[^>]*>(.*?)</span>', body(response), re.S)
    assert match, f"no slot {slot_id}"
    return html.unescape(match.group(1))


def draft_post(world, **changes) -> dict:
    data = {
        "exporting": "BW", "exporter": world["bw_co"].pk, "destination": "EU", "importer": world["eu_co"].pk,
        "parcels": "2", "validity_days": "60", "provenance": "",
        "lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0",
        "lines-0-hs_code": "7102.31", "lines-0-carats": "1250.50", "lines-0-usd": "312625.00",
        "lines-1-hs_code": "7102.21", "lines-1-carats": "300.00", "lines-1-usd": "4500.00",
        "origins-TOTAL_FORMS": "2", "origins-INITIAL_FORMS": "0", "origins-0-country": "BW",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def make_issued(world, *, on: dt.date = TODAY, **changes) -> Certificate:
    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"](**changes), today=on)
    return certificate_validate(actor=world["validator"], certificate_id=draft.pk, today=on)


# Drafting


def test_the_draft_form_offers_own_exporters_and_other_participants(world):
    response = client_for(world["officer"]).get("/certificates/new/")
    assert response.status_code == 200
    page = body(response)
    assert "Kalahari Rough" in page and "Creek Gems" not in page
    assert '<option value="EU">' in page and '<option value="BW">' not in page
    assert "Choose the destination first" in page
    assert '<label for="id_lines-0-carats">' in page and "<legend>Line 1</legend>" in page


@pytest.mark.parametrize("destination, present, absent", [
    ("EU", "Schelde Rough Trading", "Creek Gems"), ("AE", "Creek Gems", "Schelde Rough Trading")])
def test_the_importer_select_follows_the_destination(world, destination, present, absent):
    response = client_for(world["officer"]).get(f"/certificates/new/importers/?destination={destination}")
    assert response.status_code == 200
    assert present in body(response) and absent not in body(response)
    assert 'id="importer-field"' in body(response)


def test_a_valid_draft_is_saved_and_shown(world):
    client = client_for(world["officer"])
    response = client.post("/certificates/new/", draft_post(world))
    c = Certificate.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/certificates/{c.pk}/"
    assert c.status == "draft" and c.lines.count() == 2 and c.total_carats == Decimal("1550.50")
    page = body(client.get(response["Location"]))
    assert "The draft was saved" in page and "status-draft" in page
    assert "another validator of your authority must validate it" in page  # the preparer gets no button
    assert "Validate and issue" not in page


@pytest.mark.parametrize("changes, slot_id, message", [
    ({"validity_days": "61"}, "id_validity_days_error", "at most 60 calendar days"),
    ({"parcels": "0"}, "id_parcels_error", "at least one parcel"),
    ({"parcels": "two"}, "id_parcels_error", "Enter a whole number"),
    ({"lines-0-hs_code": "7102.39"}, "id_lines-0-hs_code_error", "worked diamonds or diamond powder"),
    ({"lines-0-hs_code": "9999.99"}, "id_lines-0-hs_code_error", "is not an HS code for rough diamonds"),
    ({"lines-1-carats": "0"}, "id_lines-1-carats_error", "Carats must be more than zero."),
    ({"lines-0-carats": "1.001"}, "id_lines-0-carats_error", "at most 2 decimals"),
    ({"lines-0-carats": "lots"}, "id_lines-0-carats_error", "must be a number"),
    ({"lines-0-usd": "-1"}, "id_lines-0-usd_error", "cannot be negative"),
    ({"lines-0-usd": None}, "id_lines-0-usd_error", "This field is required."),
    ({"lines-0-hs_code": None, "lines-0-carats": None, "lines-0-usd": None, "lines-1-hs_code": None,
      "lines-1-carats": None, "lines-1-usd": None}, "lines_error", "at least one line"),
    ({"origins-0-country": None}, "origins_error", "Give the country of origin"),
    ({"origins-1-country": "ZA"}, "origins_error", "exactly one country of origin"),
    ({"origins-0-country": "XX"}, "id_origins-0-country_error", "not an ISO 3166-1 alpha-2 country code"),
    ({"mixed": "on", "origins-0-share": "60", "origins-1-country": "ZA", "origins-1-share": "30"},
     "origins_error", "add up to 90, not 100"),
    ({"mixed": "on", "origins-1-country": "BW"}, "origins-1_error", "Each country of origin is listed once."),
    ({"mixed": "on", "origins-0-share": "120"}, "id_origins-0-share_error", "at most 100"),
    ({"importer": None}, "id_importer_error", "This field is required."),
    ({"destination": "ZZ"}, "id_destination_error", "Select a valid choice"),
    ({"provenance": "QQ"}, "id_provenance_error", "not an ISO 3166-1 alpha-2 country code"),
])
def test_each_broken_rule_is_shown_next_to_its_field_and_nothing_is_saved(world, changes, slot_id, message):
    response = client_for(world["officer"]).post("/certificates/new/", draft_post(world, **changes))
    assert response.status_code == 400
    assert message in slot(response, slot_id)
    assert 'role="alert"' in body(response)
    assert "problem to fix" in body(response) or "problems to fix" in body(response)
    assert not Certificate.objects.exists()


def test_several_problems_are_shown_at_once(world):
    response = client_for(world["officer"]).post("/certificates/new/", draft_post(
        world, importer=None, **{"lines-0-carats": "0", "origins-0-country": "XX"}))
    assert "This field is required." in slot(response, "id_importer_error")
    assert "more than zero" in slot(response, "id_lines-0-carats_error")
    assert "ISO 3166-1" in slot(response, "id_origins-0-country_error")


def test_a_refusal_that_names_no_field_is_shown_above_the_form(world):
    world["bw_auth"].exporting = False
    world["bw_auth"].save()
    response = client_for(world["officer"]).post("/certificates/new/", draft_post(world))
    assert response.status_code == 400
    assert "has no exporting authority" in slot(response, "draft_error")
    assert not Certificate.objects.exists()


def test_inline_validation_judges_what_is_typed_and_leaves_blank_fields_alone(world):
    client = client_for(world["officer"])
    data = {"exporting": "BW", "validity_days": "90", "lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0",
            "lines-0-hs_code": "7102.39", "lines-0-carats": "12", "origins-TOTAL_FORMS": "2",
            "origins-INITIAL_FORMS": "0"}
    response = client.post("/certificates/new/check/", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = body(response)
    assert "worked diamonds" in slot(response, "id_lines-0-hs_code_error")
    assert "at most 60 calendar days" in slot(response, "id_validity_days_error")
    assert slot(response, "id_lines-0-usd_error") == ""  # not typed yet
    assert slot(response, "id_exporter_error") == "" and slot(response, "id_parcels_error") == ""
    assert slot(response, "origins_error") == ""  # no origin typed yet: not a problem yet
    assert page.count('hx-swap-oob="true"') > 10 and "2 problems to fix." in page
    assert not Certificate.objects.exists()
    clean = client.post("/certificates/new/check/", draft_post(world))
    assert "No problem found so far." in body(clean) and 'role="alert"' not in body(clean)


def test_add_a_line_keeps_what_was_typed_and_saves_nothing(world):
    response = client_for(world["officer"]).post("/certificates/new/", draft_post(world, add_line="1"))
    assert response.status_code == 200
    assert 'name="lines-TOTAL_FORMS" value="4"' in body(response) and "1250.50" in body(response)
    assert not Certificate.objects.exists()


def test_only_officers_of_the_exporting_side_draft(world):
    response = client_for(world["officer"]).get("/certificates/new/?exporting=EU")
    assert response.status_code == 403
    assert client_for(world["validator"]).get("/certificates/new/").status_code == 403


# Actions on a certificate


def test_a_validator_validates_and_the_certificate_is_issued_with_its_qr_code(world):
    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"]())
    client = client_for(world["validator"])
    assert "Validate and issue" in body(client.get(f"/certificates/{draft.pk}/"))
    response = client.post(f"/certificates/{draft.pk}/validate/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "issued" and draft.number
    page = body(client.get(f"/certificates/{draft.pk}/"))
    assert f"Certificate {draft.number} was validated, signed and issued." in page
    assert "<svg" in page and 'role="img"' in page and "status-issued" in page
    assert "Void the certificate" in page and "Confirm the import" not in page  # exporting side


def test_the_preparer_cannot_validate_even_as_a_validator(world):
    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"]())
    membership_add(actor=None, user=world["officer"].user, role="authority_validator", participant="BW")
    both = actor_for(type(world["officer"].user).objects.get(pk=world["officer"].user.pk))
    client = client_for(both)
    assert "Validate and issue" not in body(client.get(f"/certificates/{draft.pk}/"))
    response = client.post(f"/certificates/{draft.pk}/validate/")
    assert response.status_code == 403
    assert "cannot also validate it" in slot(response, "validate_error")
    assert Certificate.objects.get(pk=draft.pk).status == "draft"


def test_a_validator_of_the_importing_side_cannot_validate(world):
    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"]())
    assert client_for(world["eu_validator"]).post(f"/certificates/{draft.pk}/validate/").status_code == 404


def test_the_importing_authority_confirms_and_differences_are_flagged(world, issued):
    client = client_for(world["eu_officer"])
    assert "Confirm the import" in body(client.get(f"/certificates/{issued.pk}/"))
    response = client.post(f"/certificates/{issued.pk}/confirm/", {
        "date_received": TODAY.isoformat(), "parcels": "2", "carats": "1549.00", "usd": "317125.00",
        "note": "one stone short"})
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.status == "confirmed"
    page = body(client.get(f"/certificates/{issued.pk}/"))
    assert "differs from the certificate" in page and "Differences flagged" in page
    assert re.search(r'<th scope="row">Carats</th><td>1550.50</td><td>1549.00</td>', page)
    assert "status-confirmed" in page and "Issued</td><td>Import confirmed" in page  # the history row
    assert "officer-eu" in page


def test_a_confirmation_that_breaks_a_rule_is_refused_inline(world, issued):
    response = client_for(world["eu_officer"]).post(f"/certificates/{issued.pk}/confirm/", {
        "date_received": (TODAY + dt.timedelta(days=3)).isoformat(), "parcels": "2", "carats": "1550.50",
        "usd": "317125.00"})
    assert response.status_code == 400
    assert "cannot be in the future" in slot(response, "id_date_received_error")
    assert Certificate.objects.get(pk=issued.pk).status == "issued"


def test_the_exporting_side_cannot_confirm(world, issued):
    response = client_for(world["officer"]).post(f"/certificates/{issued.pk}/confirm/", {
        "date_received": TODAY.isoformat(), "parcels": "2", "carats": "1", "usd": "1"})
    assert response.status_code == 404
    assert Certificate.objects.get(pk=issued.pk).status == "issued"


def test_a_validator_voids_with_a_reason(world, issued):
    client = client_for(world["validator"])
    refused = client.post(f"/certificates/{issued.pk}/void/", {"reason": "  "})
    assert refused.status_code == 400 and "Give the reason" in slot(refused, "id_reason_error")
    response = client.post(f"/certificates/{issued.pk}/void/", {"reason": "Printed with the wrong importer"})
    assert response.status_code == 302
    page = body(client.get(response["Location"]))
    assert f"Certificate {issued.number} was voided." in page
    assert "status-void" in page and "Printed with the wrong importer" in page
    assert Certificate.objects.get(pk=issued.pk).status == "void"


def test_replace_prepares_a_linked_draft_and_issuing_it_replaces_the_old_one(world, issued):
    officer = client_for(world["officer"])
    form = body(officer.get(f"/certificates/{issued.pk}/replace/"))
    assert f"Replace certificate {issued.number}" in form and 'value="1250.50"' in form
    response = officer.post(f"/certificates/{issued.pk}/replace/", draft_post(
        world, **{"lines-1-carats": "310.00"}))
    new = Certificate.objects.get(replaces=issued)
    assert response.status_code == 302 and new.status == "draft" and new.total_carats == Decimal("1560.50")
    assert f"This certificate replaces {issued.number}." in body(officer.get(f"/certificates/{new.pk}/"))
    assert "A replacement for this certificate is being prepared." in body(officer.get(f"/certificates/{issued.pk}/"))
    assert officer.get(f"/certificates/{issued.pk}/replace/").status_code == 409
    client_for(world["validator"]).post(f"/certificates/{new.pk}/validate/")
    new.refresh_from_db()
    page = body(officer.get(f"/certificates/{issued.pk}/"))
    assert f"This certificate is replaced by {new.number}." in page and "status-replaced" in page


def test_the_pdf_is_a_pdf(world, issued):
    response = client_for(world["eu_officer"]).get(f"/certificates/{issued.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert issued.number in response["Content-Disposition"]


def test_a_certificate_of_other_participants_is_not_found(world, issued, make_user):
    outsider = actor_for(make_user("authority_officer", participant="AE", username="officer-ae"))
    client = client_for(outsider)
    assert client.get(f"/certificates/{issued.pk}/").status_code == 404
    assert client.get(f"/certificates/{issued.pk}/pdf/").status_code == 404


# Lists


@pytest.fixture
def several(world):
    recent = make_issued(world)
    late = make_issued(world, on=TODAY - dt.timedelta(days=45))
    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"](parcels=5))
    confirmed = make_issued(world)
    certificate_confirm(actor=world["eu_officer"], number=confirmed.number, date_received=TODAY, parcels=2,
                        carats=Decimal("1550.50"), usd=Decimal("317125.00"))
    return {"recent": recent, "late": late, "draft": draft, "confirmed": confirmed}


def _listed(response) -> set[str]:
    return set(re.findall(r'<th scope="row"><a href="/certificates/\d+/">([^<]+)</a>', body(response)))


@pytest.mark.parametrize("query, expected", [
    ("", {"recent", "late", "draft", "confirmed"}),
    ("?status=draft", {"draft"}),
    ("?status=issued", {"recent", "late"}),
    ("?status=confirmed", {"confirmed"}),
    ("?status=overdue", {"late"}),
    ("?participant=EU", {"recent", "late", "draft", "confirmed"}),
    ("?participant=AE", set()),
    (f"?from={(TODAY - dt.timedelta(days=10)).isoformat()}", {"recent", "confirmed"}),
    (f"?to={(TODAY - dt.timedelta(days=10)).isoformat()}", {"late"}),
])
def test_the_list_filters(world, several, query, expected):
    response = client_for(world["validator"]).get(f"/certificates/{query}")
    assert response.status_code == 200
    titles = {name: (c.number or f"Draft certificate #{c.pk}") for name, c in several.items()}
    assert _listed(response) == {titles[name] for name in expected}


def test_the_list_marks_overdue_certificates_and_answers_htmx_with_the_table(world, several):
    client = client_for(world["eu_validator"])
    page = body(client.get("/certificates/?status=overdue"))
    assert "badge overdue" in page and "1 certificate." in page
    partial = client.get("/certificates/?status=issued", HTTP_HX_REQUEST="true")
    assert "<html" not in body(partial) and "2 certificates." in body(partial)


def test_the_list_page_query_count_does_not_grow_with_rows(world, django_assert_max_num_queries):
    client = client_for(world["validator"])
    make_issued(world)
    client.get("/certificates/")  # warm the session
    with django_assert_max_num_queries(6):
        one = client.get("/certificates/")
    for _ in range(8):
        make_issued(world)
    with django_assert_max_num_queries(6):
        many = client.get("/certificates/")
    assert len(_listed(one)) == 1 and len(_listed(many)) == 9


def test_the_alerts_page_shows_reuse_alerts_and_overdue_imports(world, several):
    with pytest.raises(Conflict):
        certificate_confirm(actor=world["eu_officer"], number=several["confirmed"].number, date_received=TODAY,
                            parcels=2, carats=Decimal("1550.50"), usd=Decimal("317125.00"))
    assert ReuseAlert.objects.count() == 1
    for actor in (world["validator"], world["eu_officer"]):
        response = client_for(actor).get("/certificates/alerts/")
        assert response.status_code == 200
        page = body(response)
        reuse, overdue = page.split('id="overdue-h"')
        assert several["confirmed"].number in reuse and "officer-eu" in reuse
        assert several["late"].number in overdue and several["recent"].number not in overdue


def test_the_dashboard_counts_certificates(world, several):
    page = body(client_for(world["validator"]).get("/dashboard/"))
    assert "1 draft awaiting validation" in page
    assert "2 issued certificates not yet confirmed" in page
    assert "1 import overdue for confirmation" in page
    assert "0 open reuse alerts" in page
    eu = body(client_for(world["eu_officer"]).get("/dashboard/"))
    assert "0 drafts awaiting validation" in eu  # drafts are the exporting side's business


# Public verification


def test_anyone_verifies_a_number_and_sees_no_values_or_companies(world, issued):
    response = Client().get(f"/verify/?number={issued.number}")
    assert response.status_code == 200
    page = body(response)
    assert "status-valid" in page and "Valid" in page
    assert f"valid until {issued.expiry_date.isoformat()}" in page
    assert issued.issue_date.isoformat() in page
    assert "Botswana (BW)" in page and "(EU)" in page
    for secret in ("Kalahari", "Schelde", "1250", "1,250", "1550", "312625", "317", "BW-1", "EU-1",
                   "Open the whole certificate"):
        assert secret not in page, secret


def test_an_unknown_number_is_unknown(registry):
    page = body(Client().get("/verify/?number=BW2004999999"))
    assert "status-unknown" in page and "No issued certificate has this number." in page
    assert "Date of issue" not in page


@pytest.mark.parametrize("change, status, explanation", [
    ("void", "void", "has voided this certificate"),
    ("confirm", "confirmed", "has confirmed receipt of this shipment"),
])
def test_verification_explains_each_status(world, issued, change, status, explanation):
    if change == "void":
        certificate_void(actor=world["validator"], number=issued.number, reason="error")
    else:
        certificate_confirm(actor=world["eu_officer"], number=issued.number, date_received=TODAY, parcels=2,
                            carats=Decimal("1550.50"), usd=Decimal("317125.00"))
    page = body(Client().get(f"/verify/?number={issued.number.lower()}"))
    assert f"status-{status}" in page and explanation in page


def test_an_expired_certificate_verifies_as_expired(world):
    old = make_issued(world, on=TODAY - dt.timedelta(days=70), validity_days=30)
    page = body(Client().get(f"/verify/?number={old.number}"))
    assert "status-expired" in page and "before its import was confirmed" in page


def test_an_authority_of_either_side_gets_a_link_to_the_whole_certificate(world, issued, make_user):
    page = body(client_for(world["eu_officer"]).get(f"/verify/?number={issued.number}"))
    assert f'href="/certificates/{issued.pk}/"' in page
    outsider = actor_for(make_user("authority_officer", participant="AE", username="officer-ae"))
    page = body(client_for(outsider).get(f"/verify/?number={issued.number}"))
    assert f'href="/certificates/{issued.pk}/"' not in page and "Kalahari" not in page


def test_the_verify_page_is_linked_for_everyone(registry):
    page = body(Client().get("/"))
    assert page.count('href="/verify/"') >= 2  # the navigation and the home card
