"""Invitations, the roster, the visit workflow and recommendations; every refusal leaves nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from kpcs.audit.models import AuditEvent
from kpcs.errors import Conflict, DomainError, NotFound, PermissionDenied
from kpcs.reviews.models import Expert, Invitation, Recommendation, ReviewVisit
from kpcs.reviews.selectors import review_progress
from kpcs.reviews.services import roster, visits

pytestmark = pytest.mark.django_db
D = dt.date


def _counts():
    return (Expert.objects.count(), Invitation.objects.count(), ReviewVisit.objects.count(),
            Recommendation.objects.count(), AuditEvent.objects.count())


def test_expert_roster_and_invitation_are_audited(coordinator, registry):
    expert = roster.expert_create(actor=coordinator, name="Olga Observer", nominated_by="csc", kind="civil_society",
                                  languages=["EN", "ru"], expertise=["legal"], max_visits=3)
    assert expert.nominator_code == "CSC" and expert.languages == ["en", "ru"]
    invitation = roster.invitation_record(actor=coordinator, participant="bw", invited_on=D(2004, 3, 1))
    assert invitation.participant.code == "BW"
    assert AuditEvent.objects.filter(object_type="reviews.expert", object_id=str(expert.pk)).exists()


@pytest.mark.parametrize("kwargs, code", [
    ({"nominated_by": "XX"}, "unknown_nominator"),
    ({"kind": "journalist"}, "bad_kind"),
    ({"kind": "government", "nominated_by": "WDC"}, "government_nominated_by_observer"),
    ({"languages": ["english"]}, "bad_language"),
    ({"expertise": ["astrology"]}, "bad_expertise"),
    ({"max_visits": -1}, "bad_visit_cap"),
    ({"name": "  "}, "name_required"),
])
def test_bad_expert_is_refused_and_nothing_saved(coordinator, registry, kwargs, code):
    before = _counts()
    data = {"name": "X", "nominated_by": "CA", "kind": "industry"} | kwargs
    with pytest.raises(DomainError) as exc:
        roster.expert_create(actor=coordinator, **data)
    assert exc.value.code == code
    assert _counts() == before


def test_refusals_are_translated(coordinator, registry):
    with translation.override("fr"), pytest.raises(DomainError) as exc:
        roster.invitation_record(actor=coordinator, participant="ZZ", invited_on=D(2004, 1, 1))
    assert exc.value.code == "unknown_participant"
    assert exc.value.status == 404


@pytest.mark.parametrize("kwargs, code", [
    ({"participant": "ZZ"}, "unknown_participant"),
    ({"earliest": D(2005, 5, 1), "latest": D(2005, 4, 1)}, "dates_inverted"),
    ({"days": 40}, "window_shorter_than_days"),
    ({"days": 0}, "bad_days"),
    ({"period": "2005-2004"}, "bad_period"),
    ({"period": "2007"}, "window_outside_period"),
    ({"participant": "US"}, "not_invited"),
    ({"kind": "holiday"}, "bad_visit_kind"),
    ({"expertise": ["gossip"]}, "bad_expertise"),
])
def test_bad_visit_request_is_refused_and_nothing_saved(coordinator, invited, kwargs, code):
    before = _counts()
    data = {"participant": "AO", "period": "2005", "earliest": D(2005, 3, 1), "latest": D(2005, 3, 31),
            "days": 5} | kwargs
    with pytest.raises((DomainError, NotFound)) as exc:
        visits.visit_request(actor=coordinator, **data)
    assert exc.value.code == code
    assert _counts() == before


def test_a_mission_needs_no_invitation_and_languages_default_to_the_participants(coordinator, registry):
    mission = visits.visit_request(actor=coordinator, participant="CD", period="2005", earliest=D(2005, 3, 1),
                                   latest=D(2005, 3, 31), days=5, kind="mission")
    assert mission.languages == ["fr"]
    china = visits.visit_request(actor=coordinator, participant="CN", period="2005", earliest=D(2005, 3, 1),
                                 latest=D(2005, 3, 31), days=5, kind="mission")
    assert china.languages == ["en"]  # no official KP language: the working language


def test_workflow_from_planned_to_considered_with_recommendations(coordinator, experts, two_visits):
    visit = two_visits[0]
    e = experts
    visits.visit_team_set(actor=coordinator, visit_id=visit.pk, starts_on=D(2005, 3, 7), ends_on=D(2005, 3, 11),
                          expert_ids=[e["ana"].pk, e["eve"].pk, e["fay"].pk, e["ben"].pk], leader_id=e["ana"].pk)
    for action, on in [("done", D(2005, 3, 11)), ("send_report", D(2005, 4, 1)),
                       ("receive_comments", D(2005, 5, 2)), ("consider", D(2005, 11, 15))]:
        visit = visits.visit_transition(actor=coordinator, visit_id=visit.pk, action=action, on=on)
    assert visit.status == "considered" and visit.report_sent_on == D(2005, 4, 1)
    rec = visits.recommendation_add(actor=coordinator, visit_id=visit.pk, text="Publish the licence list.",
                                    due_on=D(2006, 1, 31))
    assert rec.owner.code == "AO" and rec.status == "open"
    visits.recommendation_follow_up(actor=coordinator, recommendation_id=rec.pk, status="in_progress",
                                    note="Drafted", on=D(2006, 1, 10))
    visits.recommendation_follow_up(actor=coordinator, recommendation_id=rec.pk, status="closed",
                                    note="Verified online", on=D(2006, 2, 10))
    rec.refresh_from_db()
    assert rec.status == "closed" and rec.closed_on == D(2006, 2, 10) and rec.updates.count() == 2
    with pytest.raises(Conflict):
        visits.recommendation_follow_up(actor=coordinator, recommendation_id=rec.pk, status="in_progress",
                                        note="Reopen", on=D(2006, 3, 1))


def test_workflow_refusals_leave_the_visit_unchanged(coordinator, two_visits):
    visit = two_visits[0]
    with pytest.raises(Conflict) as exc:
        visits.visit_transition(actor=coordinator, visit_id=visit.pk, action="send_report", on=D(2005, 3, 1))
    assert exc.value.code == "invalid_transition"
    with pytest.raises(DomainError) as exc:
        visits.visit_transition(actor=coordinator, visit_id=visit.pk, action="fly", on=D(2005, 3, 1))
    assert exc.value.code == "unknown_action"
    with pytest.raises(Conflict) as exc:
        visits.recommendation_add(actor=coordinator, visit_id=visit.pk, text="Too early")
    assert exc.value.code == "visit_not_done"
    visit.refresh_from_db()
    assert visit.status == "requested"


def test_manual_team_is_checked_against_every_hard_rule(coordinator, experts, two_visits):
    e, visit = experts, two_visits[1]  # Botswana
    before = _counts()
    cases = [
        ([e["ana"], e["dan"], e["eve"]], e["ana"], "civil-society"),  # no civil-society expert
        ([e["dan"], e["fay"], e["ana"]], e["dan"], "leader"),  # the leader is not a government expert
        ([e["ana"], e["dan"], e["fay"]], e["ana"], None),  # valid
    ]
    for team, leader, phrase in cases[:2]:
        with pytest.raises(DomainError) as exc:
            visits.visit_team_set(actor=coordinator, visit_id=visit.pk, starts_on=D(2005, 3, 7),
                                  ends_on=D(2005, 3, 11), expert_ids=[x.pk for x in team], leader_id=leader.pk)
        assert exc.value.code == "team_breaks_rule"
        assert phrase in " ".join(d["message"] for d in exc.value.details)
    with pytest.raises(DomainError) as exc:  # outside the window
        visits.visit_team_set(actor=coordinator, visit_id=visit.pk, starts_on=D(2005, 5, 7), ends_on=D(2005, 5, 11),
                              expert_ids=[e["ana"].pk, e["dan"].pk, e["fay"].pk], leader_id=e["ana"].pk)
    assert "window" in exc.value.message
    assert _counts() == before
    team, leader, _phrase = cases[2]
    visits.visit_team_set(actor=coordinator, visit_id=visit.pk, starts_on=D(2005, 3, 7), ends_on=D(2005, 3, 11),
                          expert_ids=[x.pk for x in team], leader_id=leader.pk)
    # The same experts cannot be on an overlapping visit, and a South African cannot review South Africa.
    other = two_visits[0]
    with pytest.raises(DomainError) as exc:
        visits.visit_team_set(actor=coordinator, visit_id=other.pk, starts_on=D(2005, 3, 9), ends_on=D(2005, 3, 13),
                              expert_ids=[e["ana"].pk, e["eve"].pk, e["gil"].pk], leader_id=e["ana"].pk)
    assert "already on another visit" in exc.value.message
    za = visits.visit_request(actor=coordinator, participant="ZA", period="2005", earliest=D(2005, 6, 1),
                              latest=D(2005, 6, 30), days=5)
    with pytest.raises(DomainError) as exc:
        visits.visit_team_set(actor=coordinator, visit_id=za.pk, starts_on=D(2005, 6, 6), ends_on=D(2005, 6, 10),
                              expert_ids=[e["ben"].pk, e["eve"].pk, e["gil"].pk], leader_id=e["ben"].pk)
    assert "nominated by ZA" in exc.value.message


def test_permissions_are_checked_by_the_services(make_user, registry):
    from kpcs.accounts.actor import actor_for

    observer = actor_for(make_user("observer"))
    with pytest.raises(PermissionDenied):
        roster.expert_create(actor=observer, name="X", nominated_by="WDC", kind="industry")


def test_progress_counts_invited_visited_planned(coordinator, experts, two_visits):
    e = experts
    visits.visit_team_set(actor=coordinator, visit_id=two_visits[0].pk, starts_on=D(2005, 3, 7),
                          ends_on=D(2005, 3, 11), expert_ids=[e["ana"].pk, e["eve"].pk, e["fay"].pk],
                          leader_id=e["ana"].pk)
    visits.visit_team_set(actor=coordinator, visit_id=two_visits[1].pk, starts_on=D(2005, 4, 4),
                          ends_on=D(2005, 4, 8), expert_ids=[e["ana"].pk, e["dan"].pk, e["gil"].pk],
                          leader_id=e["ana"].pk)
    visits.visit_transition(actor=coordinator, visit_id=two_visits[0].pk, action="done", on=D(2005, 3, 11))
    p = review_progress(year=2005, on=D(2005, 3, 31))
    assert (p.invited, p.visited, p.planned, p.pending) == (3, 1, 1, 1)
    assert p.not_invited == p.participants - 3
