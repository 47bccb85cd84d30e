from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

LANGUAGE_CHECKS = [
    ("fr", "Français", "Tableau de bord"),
    ("pt", "Português", "Painel"),
    ("es", "Español", "Panel"),
    ("ru", "Русский", "Панель"),
    ("en", "English", "Dashboard"),
]


@pytest.mark.django_db(transaction=True)
def test_login_switch_languages_and_open_the_registry(live_server, page, login, shot):
    login(page, "wgs_analyst")
    assert page.locator("h1").inner_text() == "Dashboard"
    shot(page, "dashboard-en")
    for lang, label, heading in LANGUAGE_CHECKS:
        with page.expect_navigation():
            page.locator("#language-select").select_option(label=label)
        assert page.locator("html").get_attribute("lang") == lang
        assert heading.lower() in page.locator("h1").inner_text().lower(), (lang, page.locator("h1").inner_text())
        shot(page, f"dashboard-{lang}")
    page.get_by_role("link", name="Registry").click()
    page.wait_for_url(re.compile(r".*/registry/$"))
    page.get_by_label("On date").fill("2004-10-29")
    page.get_by_label("State").select_option("participant")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("table.data tbody tr")
    expect(rows).to_have_count(43 + 1)  # the trading entity Chinese Taipei is listed but not counted
    assert "43 participants on 2004-10-29" in page.locator(".count").inner_text()
    shot(page, "registry-2004-10-29")
    assert page.get_by_role("link", name="CG", exact=True).count() == 0
    page.goto(f"{live_server.url}/ru/registry/CG/")
    assert "Статус" in page.content() or "История" in page.content()
    shot(page, "registry-cg-ru")


@pytest.mark.django_db(transaction=True)
def test_keyboard_user_can_skip_to_content(live_server, page):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Skip to content" in focused
