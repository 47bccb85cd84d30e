"""The demo world reproduces the seed's 2004 peer review figures, and its schedules pass the validator."""

from __future__ import annotations

import datetime as dt

import pytest

from kpcs.reviews.demo import build_demo
from kpcs.reviews.models import Expert, ReviewVisit, SchedulePlan
from kpcs.reviews.selectors import review_progress
from kpcs.scheduling.model import parse_plan_input
from kpcs.scheduling.validator import validate_plan

pytestmark = pytest.mark.django_db


def test_demo_reproduces_the_gatineau_figures_and_is_idempotent(registry, client_as,
                                                                django_assert_max_num_queries):
    build_demo()
    gatineau = review_progress(year=2004, on=dt.date(2004, 10, 29))
    assert (gatineau.invited, gatineau.visited, gatineau.planned) == (33, 8, 7)
    assert gatineau.participants == 43 and gatineau.not_invited == 10
    assert Expert.objects.count() > 60
    assert {e.nominated_by_observer.code for e in Expert.objects.filter(nominated_by_observer__isnull=False)} >= {
        "WDC", "CSC"}
    plans = SchedulePlan.objects.filter(status="applied")
    assert sorted(p.period for p in plans) == ["2004", "2005-2006"]
    for plan in plans:
        assert validate_plan(parse_plan_input(plan.input), plan.output) == []
    assert ReviewVisit.objects.filter(period="2005-2006", status="planned").count() == 18
    assert ReviewVisit.objects.filter(kind="mission", participant__code="CG", status="considered").exists()
    counts = (Expert.objects.count(), ReviewVisit.objects.count())
    assert "already loaded" in build_demo()
    assert (Expert.objects.count(), ReviewVisit.objects.count()) == counts
    client = client_as("review_coordinator")
    dashboard = client.get("/dashboard/").content.decode()
    assert "Draft reports not yet sent 30 days after the visit" in dashboard
    assert "Recommendations past their due date" in dashboard
    botswana = client_as("authority_officer", participant="BW").get("/dashboard/").content.decode()
    assert "Recommendations past their due date" in botswana and "SL —" not in botswana
    with django_assert_max_num_queries(25):  # 18 visits with teams and pins: no query per row
        page = client.get("/reviews/schedule/?period=2005-2006")
    assert page.status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get("/reviews/experts/").status_code == 200
