"""The optimiser in the platform: the input built from the database, proposals stored only after the
independent validator passed them, apply, pins and re-planning, infeasibility explained in words."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from kpcs.audit.models import AuditEvent
from kpcs.errors import Conflict, DomainError
from kpcs.reviews.models import SchedulePlan, TeamMember, TeamPin
from kpcs.reviews.planning import expert_key, plan_input_data
from kpcs.reviews.services import roster, schedule, visits
from kpcs.scheduling.model import parse_plan_input
from kpcs.scheduling.validator import validate_plan

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_input_follows_the_documented_format(two_visits, experts):
    data = plan_input_data(period="2005", team_size=3)
    assert [v["participant"] for v in data["visits"]] == ["AO", "BW"]
    assert data["visits"][0]["languages"] == ["pt"]
    by_id = {e["id"]: e for e in data["experts"]}
    assert by_id[expert_key(experts["ana"])]["nominated_by"] == "CA"
    assert by_id[expert_key(experts["ana"])]["region"] == "americas"
    assert by_id[expert_key(experts["dan"])].get("region") is None  # observers have no region
    parse_plan_input(data)  # valid


def test_propose_stores_a_validated_plan_and_apply_plans_the_visits(coordinator, two_visits):
    proposal = schedule.schedule_propose(actor=coordinator, period="2005", team_size=3, time_limit_s=5)
    assert proposal.status == "proposed" and proposal.solver_status == "optimal"
    assert validate_plan(parse_plan_input(proposal.input), proposal.output) == []
    schedule.schedule_apply(actor=coordinator, plan_id=proposal.pk)
    for visit in two_visits:
        visit.refresh_from_db()
        assert visit.status == "planned" and visit.starts_on >= visit.earliest and visit.leader.kind == "government"
        assert visit.team.count() == 3
    proposal.refresh_from_db()
    assert proposal.status == "applied"
    with pytest.raises(Conflict) as exc:
        schedule.schedule_apply(actor=coordinator, plan_id=proposal.pk)
    assert exc.value.code == "plan_not_proposed"


def test_a_plan_goes_stale_when_the_roster_changes(coordinator, two_visits, experts):
    proposal = schedule.schedule_propose(actor=coordinator, period="2005", team_size=3, time_limit_s=5)
    roster.expert_update(actor=coordinator, expert_id=experts["gil"].pk, max_visits=1)
    with pytest.raises(Conflict) as exc:
        schedule.schedule_apply(actor=coordinator, plan_id=proposal.pk)
    assert exc.value.code == "plan_stale"
    assert not TeamMember.objects.exists()


def test_pins_are_kept_when_replanning(coordinator, two_visits, experts):
    ao, bw = two_visits
    schedule.team_pin(actor=coordinator, visit_id=ao.pk, expert_id=experts["gil"].pk)
    schedule.team_pin(actor=coordinator, visit_id=bw.pk, expert_id=experts["carla"].pk)
    proposal = schedule.schedule_propose(actor=coordinator, period="2005", team_size=3, time_limit_s=5)
    schedule.schedule_apply(actor=coordinator, plan_id=proposal.pk)
    assert ao.team.filter(expert=experts["gil"]).exists()
    assert bw.team.filter(expert=experts["carla"]).exists()
    # Keep AO's whole team, free a seat on BW, and re-plan: the pinned choices stay.
    kept = set(ao.team.values_list("expert_id", flat=True))
    schedule.team_pin_current(actor=coordinator, visit_id=ao.pk)
    replan = schedule.schedule_propose(actor=coordinator, period="2005", team_size=3, time_limit_s=5)
    schedule.schedule_apply(actor=coordinator, plan_id=replan.pk)
    assert set(ao.team.values_list("expert_id", flat=True)) == kept
    assert validate_plan(parse_plan_input(replan.input), replan.output) == []


def test_a_pin_that_breaks_a_hard_rule_is_refused_and_nothing_saved(coordinator, experts, invited):
    za = visits.visit_request(actor=coordinator, participant="ZA", period="2005", earliest=D(2005, 3, 1),
                              latest=D(2005, 3, 31), days=5)
    before = (TeamPin.objects.count(), AuditEvent.objects.count())
    with translation.override("fr"), pytest.raises(DomainError) as exc:
        schedule.team_pin(actor=coordinator, visit_id=za.pk, expert_id=experts["ben"].pk)  # nominated by ZA
    assert exc.value.code == "pin_breaks_rule"
    assert "Ben Gov" in exc.value.message and "Afrique du Sud" in exc.value.message
    # A full pinned team (of the default four) without a civil-society expert.
    for name in ("ana", "dan", "eve"):
        schedule.team_pin(actor=coordinator, visit_id=za.pk, expert_id=experts[name].pk)
    with pytest.raises(DomainError) as exc:
        schedule.team_pin(actor=coordinator, visit_id=za.pk, expert_id=experts["carla"].pk)
    assert exc.value.code == "pin_breaks_rule"
    assert "civil_society" in exc.value.message or "civil" in exc.value.message
    assert TeamPin.objects.count() == before[0] + 3


def test_infeasible_period_is_explained_in_words_and_nothing_saved(coordinator, experts, invited):
    # Three visits on the same days: only two civil-society experts exist.
    for code in ("AO", "BW", "ZA"):
        visits.visit_request(actor=coordinator, participant=code, period="2005", earliest=D(2005, 3, 7),
                             latest=D(2005, 3, 11), days=5)
    before = (SchedulePlan.objects.count(), AuditEvent.objects.count())
    with translation.override("es"), pytest.raises(DomainError) as exc:
        schedule.schedule_propose(actor=coordinator, period="2005", team_size=3, time_limit_s=5)
    assert exc.value.code == "schedule_infeasible" and exc.value.status == 409
    assert exc.value.details and all(d["message"] for d in exc.value.details)
    assert (SchedulePlan.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize("kwargs, code", [
    ({"period": "05"}, "bad_period"),
    ({"team_size": 2}, "bad_team_size"),
    ({"time_limit_s": 0}, "bad_time_limit"),
    ({"period": "1999"}, "nothing_to_plan"),
])
def test_bad_planning_requests_are_refused(coordinator, two_visits, kwargs, code):
    with pytest.raises(DomainError) as exc:
        schedule.schedule_propose(actor=coordinator, **({"period": "2005", "team_size": 3} | kwargs))
    assert exc.value.code == code
    assert not SchedulePlan.objects.exists()
