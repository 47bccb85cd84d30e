"""The governance demo: Gatineau decisions in various translation states, the 2005 committee, Russia as Chair
for 2005 with Botswana as Vice-Chair."""

from __future__ import annotations

import pytest

from kpcs.governance.demo import build_demo
from kpcs.governance.models import Decision
from kpcs.governance.selectors.committee import chairs_for, committee_warnings
from kpcs.governance.selectors.decisions import decision_list

pytestmark = pytest.mark.django_db


def test_demo_states_and_idempotence(registry, client_as, django_assert_max_num_queries):
    build_demo()
    states = {d.number: s.state for d, s in decision_list()}
    assert states["2004-GAT-01"] == "adopted"  # certificate validity of 60 days
    assert {states["2004-GAT-02"], states["2004-GAT-03"], states["2004-GAT-04"]} == {
        "pending_translation", "pending_circulation"}  # the three technical guidelines
    assert states["2004-GAT-05"] == "ready"  # the review framework
    chairs = chairs_for(2005)
    assert (chairs.chair.code, chairs.vice_chair.code) == ("RU", "BW")
    assert committee_warnings(2005) == []
    assert {w.code for w in committee_warnings(2006)} >= {"too_many_participants", "vice_chair_missing"}
    count = Decision.objects.count()
    assert "already loaded" in build_demo() and Decision.objects.count() == count
    client = client_as("secretariat_admin")
    for path in ("/governance/decisions/", "/governance/", "/governance/deadlines/", "/governance/bodies/"):
        with django_assert_max_num_queries(25):  # no query per decision, deadline or body
            assert client.get(path).status_code == 200
