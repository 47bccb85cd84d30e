"""Peer review and governance in a real browser: the review schedule and a re-plan, a non-compliance case from
opening to the Chair's suspension, and a decision's translation status under Rule 26."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from kpcs.governance.demo import build_demo as governance_demo
from kpcs.participants.selectors import may_trade_on
from kpcs.reviews.demo import build_demo as reviews_demo


def _sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_review_schedule_and_replan(live_server, page, login, shot, registry):
    reviews_demo()
    login(page, "review_coordinator")
    page.get_by_role("link", name="Peer review").first.click()
    page.get_by_label("Year", exact=True).fill("2004")
    page.get_by_label("As known on", exact=True).fill("2004-10-29")
    page.get_by_role("button", name="Show").click()
    figures = page.locator(".rv-figures .figure")
    expect(figures.nth(0)).to_have_text("33")
    expect(figures.nth(1)).to_have_text("8")
    expect(figures.nth(2)).to_have_text("7")
    shot(page, "reviews-1-at-a-glance-2004")
    page.goto(f"{live_server.url}/reviews/schedule/?period=2005-2006")
    rows = page.locator("table.rv-schedule tbody tr")
    expect(rows).to_have_count(18)
    expect(page.locator(".rv-status.rv-planned")).to_have_count(18)
    shot(page, "reviews-2-schedule-2005-2006")
    page.get_by_role("button", name="Propose a plan").click()
    page.wait_for_url(re.compile(r".*/reviews/plans/\d+/$"))
    expect(page.get_by_text("yes: every hard rule holds")).to_be_visible()
    shot(page, "reviews-3-proposed-plan")
    page.get_by_role("button", name="Apply this plan").click()
    page.wait_for_url(re.compile(r".*/reviews/schedule/\?period=2005-2006$"))
    expect(page.locator(".msg.success")).to_contain_text("applied")


@pytest.mark.django_db(transaction=True)
def test_compliance_case_to_suspension_and_decision_translation_status(live_server, page, login, shot, registry):
    governance_demo()
    login(page, "participation_committee")
    page.goto(f"{live_server.url}/governance/cases/")
    page.get_by_label("Participant code", exact=True).fill("AE")
    page.get_by_label("Summary", exact=True).fill("Import confirmations not sent for months.")
    page.get_by_role("button", name="Open the case", exact=True).click()
    page.wait_for_url(re.compile(r".*/governance/cases/\d+/$"))
    case_url = page.url
    page.get_by_label("The committee's advice", exact=True).fill("Suspend until the confirmations are sent.")
    page.get_by_role("button", name="Record").click()
    expect(page.locator("#case-status")).to_have_text("Committee advice given")
    _sign_out(page)
    login(page, "secretariat_admin")
    page.goto(case_url)
    page.get_by_label("Action", exact=True).select_option("suspension")
    page.get_by_label("What was done", exact=True).fill("Suspended by the Chair on the committee's advice.")
    page.locator("#id_act-on").fill("2030-01-15")
    page.get_by_role("button", name="Record").first.click()
    expect(page.locator("#case-status")).to_have_text("Chair's action taken")
    expect(page.get_by_text("no certificate may be issued to or from this participant")).to_be_visible()
    shot(page, "governance-1-case-suspended")
    assert not may_trade_on("AE", dt.date(2030, 1, 15))

    page.goto(f"{live_server.url}/governance/decisions/")
    expect(page.locator(".gv-rule26.gv-adopted")).to_have_count(2)
    shot(page, "governance-2-decisions-rule26")
    page.goto(f"{live_server.url}/governance/decisions/2004-GAT-04/")
    expect(page.locator("#rule26-state")).to_contain_text("missing: Portuguese, Spanish, Russian")
    expect(page.locator(".gv-texts tr.gv-missing")).to_have_count(3)
    expect(page.locator(".gv-texts [lang=fr]")).to_contain_text("pays d'origine")
    page.get_by_role("button", name="Mark as formally adopted").click()
    expect(page.locator(".errors[role=alert]")).to_contain_text("Rule 26")
    shot(page, "governance-3-adoption-refused")
    page.goto(f"{live_server.url}/ru/governance/decisions/2004-GAT-03/")
    assert page.locator("html").get_attribute("lang") == "ru"
    expect(page.locator(".gv-texts [lang=ru]")).to_contain_text("алмазного порошка")
    expect(page.locator(".gv-texts tr.gv-pending")).to_have_count(1)  # the Russian text, not yet made available
    expect(page.locator(".gv-texts tr.gv-missing")).to_have_count(0)
    shot(page, "governance-4-decision-ru")
