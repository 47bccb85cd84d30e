"""Peer review through the API, the pages and the command line."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kpcs.reviews.models import Expert, ReviewVisit, SchedulePlan

pytestmark = pytest.mark.django_db
D = dt.date


def test_api_roster_visit_plan_apply_and_workflow(api_as, experts, invited):
    api = api_as("review_coordinator")
    r = api.post("/api/v1/reviews/experts", {"name": "Hana Gov", "nominated_by": "US", "kind": "government",
                                             "languages": ["en"], "expertise": ["customs"], "max_visits": 2},
                 content_type="application/json")
    assert r.status_code == 201, r.content
    r = api.post("/api/v1/reviews/visits", {"participant": "BW", "period": "2005", "earliest": "2005-03-01",
                                            "latest": "2005-04-30", "days": 5}, content_type="application/json")
    assert r.status_code == 201
    visit_id = r.json()["id"]
    r = api.post("/api/v1/reviews/plans", {"period": "2005", "team_size": 3, "time_limit_s": 5},
                 content_type="application/json")
    assert r.status_code == 201 and r.json()["solver_status"] == "optimal"
    r = api.post(f"/api/v1/reviews/plans/{r.json()['id']}/apply", content_type="application/json")
    assert r.status_code == 200 and r.json()["status"] == "applied"
    visit = api.get(f"/api/v1/reviews/visits/{visit_id}").json()
    assert visit["status"] == "planned" and len(visit["team"]) == 3
    r = api.post(f"/api/v1/reviews/visits/{visit_id}/transition", {"action": "done", "on": visit["ends_on"]},
                 content_type="application/json")
    assert r.json()["status"] == "done"
    progress = api.get("/api/v1/reviews/progress?year=2005").json()
    assert progress["visited"] == 1 and progress["invited"] == 3


def test_api_refusals_are_json_with_stable_codes_in_the_callers_language(api_as, experts, invited):
    api = api_as("review_coordinator")
    r = api.post("/api/v1/reviews/visits", {"participant": "BW", "period": "2005", "earliest": "2005-05-01",
                                            "latest": "2005-04-01", "days": 5}, content_type="application/json",
                 HTTP_ACCEPT_LANGUAGE="fr")
    assert r.status_code == 400 and r.json()["error"]["code"] == "dates_inverted"
    r = api.post("/api/v1/reviews/visits", {"participant": "BW", "period": "2005", "earliest": "2005-13-01",
                                            "latest": "2005-04-01", "days": 5}, content_type="application/json")
    assert r.status_code == 422
    r = api.post("/api/v1/reviews/visits/999999/pins", {"expert": experts["ana"].pk},
                 content_type="application/json")
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_visit"
    assert not ReviewVisit.objects.exists()


def test_observer_reads_but_cannot_write(api_as, client_as, experts):
    api = api_as("observer")
    assert api.get("/api/v1/reviews/experts").status_code == 200
    r = api.post("/api/v1/reviews/experts", {"name": "X", "nominated_by": "WDC", "kind": "industry"},
                 content_type="application/json")
    assert r.status_code == 403
    page = client_as("observer", observer="CSC").get("/reviews/experts/")
    assert page.status_code == 200 and "Add an expert" not in page.content.decode()
    assert Expert.objects.count() == len(experts)


def test_schedule_page_lists_reasons_when_no_plan_satisfies_the_rules(client_as, experts, invited):
    client = client_as("review_coordinator")
    for code in ("AO", "BW", "ZA"):
        client.post("/reviews/visits/", {"participant": code, "kind": "visit", "period": "2005",
                                         "earliest": "2005-03-07", "latest": "2005-03-11", "days": 5})
    assert ReviewVisit.objects.count() == 3
    r = client.post("/fr/reviews/schedule/", {"period": "2005", "team_size": 3, "time_limit_s": 5})
    body = r.content.decode()
    assert r.status_code == 200 and 'role="alert"' in body
    assert not SchedulePlan.objects.exists()


def test_pages_propose_and_apply_a_plan(client_as, two_visits):
    client = client_as("review_coordinator")
    r = client.post("/reviews/schedule/", {"period": "2005", "team_size": 3, "time_limit_s": 5})
    assert r.status_code == 302
    plan = SchedulePlan.objects.get()
    page = client.get(f"/reviews/plans/{plan.pk}/").content.decode()
    assert "Apply this plan" in page and "proven optimal" in page
    assert client.post(f"/reviews/plans/{plan.pk}/apply/").status_code == 302
    page = client.get("/reviews/schedule/?period=2005").content.decode()
    assert page.count('class="rv-status rv-planned"') == 2
    detail = client.get(f"/reviews/visits/{two_visits[0].pk}/").content.decode()
    assert "Pin the whole current team" in detail


def test_command_plans_a_period_from_the_database(two_visits):
    out = StringIO()
    call_command("review-schedule", "plan", "--period", "2005", "--team-size", "3", "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["status"] == "optimal"
    assert not SchedulePlan.objects.exists()  # without --store nothing is stored
    call_command("review-schedule", "plan", "--period", "2005", "--team-size", "3", "--store", stdout=StringIO())
    assert SchedulePlan.objects.get().status == "applied"
    with pytest.raises(CommandError, match="bad_period"):
        call_command("review-schedule", "plan", "--period", "soon", stdout=StringIO())


@pytest.mark.parametrize("path", ["/api/v1/reviews/progress?year=99999", "/api/v1/reviews/visits?year=123456",
                                  "/api/v1/governance/decisions?year=99999"])
def test_out_of_range_years_are_400_not_500(api_as, registry, path):
    r = api_as("secretariat_admin").get(path)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_year"


def test_expert_page_updates_the_roster(client_as, experts):
    client = client_as("review_coordinator")
    ana = experts["ana"]
    r = client.post(f"/reviews/experts/{ana.pk}/edit/", {"edit-languages": "en, es", "edit-expertise": ["legal"],
                                                         "edit-max_visits": 4, "edit-active": ""})
    assert r.status_code == 302
    ana.refresh_from_db()
    assert (ana.languages, ana.expertise, ana.max_visits, ana.active) == (["en", "es"], ["legal"], 4, False)
    r = client.post(f"/reviews/experts/{ana.pk}/edit/", {"edit-languages": "english", "edit-max_visits": 1})
    ana.refresh_from_db()
    assert ana.max_visits == 4  # refused: not a language code
    assert client_as("observer").post(f"/reviews/experts/{ana.pk}/edit/", {}).status_code == 403
