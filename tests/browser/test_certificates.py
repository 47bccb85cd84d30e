"""A certificate's life in the browser: an officer drafts it, a validator issues it, the PDF prints, the importing
authority confirms it, and anyone verifies it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from kpcs.participants import services as registry_services
from kpcs.participants.models import Participant


@pytest.fixture
def trade(registry):
    """Botswana exports to the EU: an authority and a licensed company on each side."""
    since = dt.date(2003, 1, 1)
    out = {}
    for code, authority, company, licence in (("BW", "BW Diamond Office", "Kalahari Rough", "BW-1"),
                                              ("EU", "Antwerp Diamond Office", "Schelde Rough Trading", "EU-1")):
        auth = registry_services.authority_create(actor=None, participant=Participant.objects.get(code=code),
                                                  name=authority)
        out[code] = registry_services.company_register(actor=None, authority=auth, name=company,
                                                       licence_number=licence, licensed_from=since)
    return out


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r".*/$"))


@pytest.mark.django_db(transaction=True)
def test_draft_validate_print_confirm_and_verify(live_server, page, login, shot, trade):
    # An officer of Botswana drafts the certificate; inline validation flags a bad amount as it is typed.
    login(page, "authority_officer", participant="BW")
    page.get_by_role("link", name="Certificates", exact=True).click()
    page.get_by_role("link", name="New certificate").click()
    page.locator("#id_exporter").select_option(label="Kalahari Rough (BW-1)")
    page.locator("#id_destination").select_option("EU")
    expect(page.locator("#id_importer")).to_contain_text("Schelde Rough Trading")  # reloaded by HTMX
    page.locator("#id_importer").select_option(label="Schelde Rough Trading (EU-1)")
    page.locator("#id_parcels").fill("2")
    page.locator("#id_lines-0-hs_code").fill("7102.31")
    page.locator("#id_lines-0-carats").fill("1250.505")
    page.locator("#id_lines-0-usd").fill("312625.00")
    page.locator("#id_lines-0-usd").press("Tab")
    expect(page.locator("#id_lines-0-carats_error")).to_contain_text("at most 2 decimals")
    expect(page.locator("#draft-summary")).to_contain_text("problem to fix")
    shot(page, "certificate-1-draft-inline-error")
    page.locator("#id_lines-0-carats").fill("1250.50")
    page.locator("#id_origins-0-country").fill("BW")
    page.locator("#id_origins-0-country").press("Tab")
    expect(page.locator("#draft-summary")).to_contain_text("No problem found so far.")
    expect(page.locator("#id_lines-0-carats_error")).to_be_empty()
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".messages")).to_contain_text("The draft was saved")
    expect(page.locator("h1 .status-draft")).to_have_text("Draft")
    detail_url = page.url
    shot(page, "certificate-2-draft-saved")
    sign_out(page)

    # Another person, a validator of Botswana, validates: the certificate gets its number, QR code and signature.
    login(page, "authority_validator", participant="BW")
    page.goto(detail_url)
    page.get_by_role("button", name="Validate and issue").click()
    expect(page.locator(".messages")).to_contain_text("was validated, signed and issued")
    expect(page.locator("h1 .status-issued")).to_have_text("Issued")
    expect(page.locator("figure.qr svg")).to_be_visible()
    number = re.search(r"BW\d{10}", page.locator("h1").inner_text()).group(0)
    shot(page, "certificate-3-issued")

    # Print: the link gives the PDF.
    pdf_url = page.get_by_role("link", name="Print PDF").get_attribute("href")
    pdf = page.request.get(f"{live_server.url}{pdf_url}")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    sign_out(page)

    # The EU's importing authority confirms receipt; one stone short is flagged.
    login(page, "authority_officer", participant="EU")
    page.get_by_role("link", name="Certificates", exact=True).click()
    page.get_by_label("Status").select_option("issued")
    expect(page.locator("#certificate-table")).to_contain_text("1 certificate.")
    shot(page, "certificate-4-list-issued")
    page.get_by_role("link", name=number).click()
    page.wait_for_url(detail_url)
    page.locator("#id_parcels").fill("2")
    page.locator("#id_carats").fill("1249.50")
    page.locator("#id_usd").fill("312625.00")
    page.locator("#id_note").fill("One stone short on arrival.")
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.locator(".messages")).to_contain_text("differs from the certificate")
    expect(page.locator("h1 .status-confirmed")).to_have_text("Import confirmed")
    expect(page.locator(".flagged")).to_contain_text("1249.50")
    shot(page, "certificate-5-confirmed-with-difference")
    sign_out(page)

    # Anyone verifies the number: status, dates and participants, nothing else.
    page.get_by_role("link", name="Verify a certificate").first.click()
    page.get_by_label("Certificate number").fill(number)
    page.get_by_role("button", name="Verify").click()
    expect(page.locator(".verdict .badge")).to_have_text("Import confirmed")
    expect(page.locator(".verdict")).to_contain_text("Botswana (BW)")
    content = page.content()
    for secret in ("Kalahari", "Schelde", "1250", "1,250", "312", "Open the whole certificate"):
        assert secret not in content, secret
    shot(page, "certificate-6-verify-public")
    page.get_by_label("Certificate number").fill("BW2004999999")
    page.get_by_role("button", name="Verify").click()
    expect(page.locator(".verdict .badge")).to_have_text("Unknown")
    shot(page, "certificate-7-verify-unknown")
