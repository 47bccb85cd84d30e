"""The public statistics page and the WGS dashboard in a real browser: the charts render and can be seen."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from kpcs.statistics.services.importing import submission_import


def _figures() -> None:
    rows = ["participant,period,flow,carats,usd,certificates,partner,hs_code,origin"]
    for year, growth in ((2005, 1.0), (2006, 1.1)):
        for code, carats, usd in (("BW", 30e6, 2.4e9), ("RU", 33e6, 1.7e9), ("CA", 11e6, 1.6e9),
                                  ("ZA", 13e6, 1.1e9)):
            for half, factor in ((1, 0.48), (2, 0.52 * (2.2 if (code, year) == ("CA", 2006) else 1))):
                rows.append(f"{code},{year}-H{half},production,{carats * factor * growth:.2f},"
                            f"{usd * factor * growth:.2f},,,,")
            for quarter in range(1, 5):
                ct, value = carats * 0.23 * growth, usd * 0.23 * growth
                certificates = int(value // 4e5)
                rows.append(f"{code},{year}-Q{quarter},export,{ct:.2f},{value:.2f},{certificates},EU,7102.31,{code}")
                gap = 1.3 if (code, year, quarter) == ("ZA", 2006, 2) else 1.01  # a mirror gap
                rows.append(f"EU,{year}-Q{quarter},import,{ct * gap:.2f},{value * gap:.2f},,{code},7102.31,{code}")
    submission_import(actor=None, data=("\n".join(rows) + "\n").encode(), today=dt.date(2007, 3, 1),
                      received_on=dt.date(2007, 2, 20))


def _charts_visible(page, at_least: int) -> None:
    charts = page.locator("svg.chart-svg")
    assert charts.count() >= at_least
    for i in range(charts.count()):
        expect(charts.nth(i)).to_be_visible()
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 60


@pytest.mark.django_db(transaction=True)
def test_public_statistics_page_draws_its_charts(registry, live_server, page, shot):
    _figures()
    page.goto(f"{live_server.url}/statistics/?year=2006")
    expect(page.locator("h1")).to_have_text("Rough diamond statistics, 2006")
    _charts_visible(page, 3)
    bars = page.locator('svg[data-chart="chart-production"] rect.chart-bar')
    assert bars.count() == 4
    widths = [float(bars.nth(i).get_attribute("width")) for i in range(4)]
    assert widths == sorted(widths, reverse=True) and widths[-1] > 10  # largest producer first
    assert page.locator('svg[data-chart="chart-unit-value"] polyline').count() == 3
    shot(page, "statistics-public-2006")
    page.goto(f"{live_server.url}/fr/statistics/?year=2006")
    assert page.locator("html").get_attribute("lang") == "fr"
    _charts_visible(page, 3)
    shot(page, "statistics-public-2006-fr")


@pytest.mark.django_db(transaction=True)
def test_wgs_dashboard_shows_lateness_anomalies_and_mirror_gaps(registry, live_server, page, login, shot):
    _figures()
    login(page, "wgs_analyst")
    page.goto(f"{live_server.url}/statistics/wgs/?year=2006")
    expect(page.locator("h1")).to_contain_text("Working Group on Statistics, 2006")
    assert page.locator("#late-h + table tbody tr").count() > 10  # everyone else never reported
    _charts_visible(page, 1)
    assert page.locator('svg[data-chart="chart-gaps"] rect').count() >= 1
    shot(page, "statistics-wgs-2006")
    page.get_by_role("button", name="Draft a questionnaire").first.click()
    expect(page.locator("h1")).to_contain_text("Data Anomaly Questionnaire: CA")
    page.get_by_role("button", name="Send to the focal point").click()
    expect(page.locator(".badge.daq-sent")).to_be_visible()
    shot(page, "statistics-questionnaire-sent")
