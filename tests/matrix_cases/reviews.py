"""Permission-matrix cases of peer review: every page and API route against every role."""

from __future__ import annotations

VIEW, MANAGE, PLAN = "reviews.view", "reviews.manage", "reviews.plan"
ON = "2005-01-01"

PAGES = [
    ("GET", "/reviews/", VIEW, None),
    ("GET", "/reviews/invitations/", VIEW, None),
    ("POST", "/reviews/invitations/", MANAGE, {}),
    ("GET", "/reviews/recommendations/", VIEW, None),
    ("GET", "/reviews/experts/", VIEW, None),
    ("POST", "/reviews/experts/", MANAGE, {}),
    ("GET", "/reviews/visits/", VIEW, None),
    ("POST", "/reviews/visits/", MANAGE, {}),
    ("GET", "/reviews/schedule/", VIEW, None),
    ("POST", "/reviews/schedule/", PLAN, {}),
]

API = [
    ("GET", "/api/v1/reviews/progress?year=2004", VIEW, None),
    ("GET", "/api/v1/reviews/invitations", VIEW, None),
    ("POST", "/api/v1/reviews/invitations", MANAGE, {"participant": "ZZ", "invited_on": ON}),
    ("GET", "/api/v1/reviews/experts", VIEW, None),
    ("POST", "/api/v1/reviews/experts", MANAGE, {"name": "X", "nominated_by": "ZZZ", "kind": "industry"}),
    ("GET", "/api/v1/reviews/experts/999999", VIEW, None),
    ("POST", "/api/v1/reviews/experts/999999", MANAGE, {}),
    ("POST", "/api/v1/reviews/experts/999999/unavailability", MANAGE, {"starts_on": ON, "ends_on": ON}),
    ("GET", "/api/v1/reviews/visits", VIEW, None),
    ("POST", "/api/v1/reviews/visits", MANAGE, {"participant": "ZZ", "period": "2005", "earliest": ON,
                                                "latest": "2005-02-01", "days": 5}),
    ("GET", "/api/v1/reviews/visits/999999", VIEW, None),
    ("POST", "/api/v1/reviews/visits/999999/transition", MANAGE, {"action": "done", "on": ON}),
    ("POST", "/api/v1/reviews/visits/999999/team", PLAN, {"starts_on": ON, "ends_on": ON, "experts": [1, 2, 3],
                                                          "leader": 1}),
    ("POST", "/api/v1/reviews/visits/999999/pins", PLAN, {"expert": 1}),
    ("POST", "/api/v1/reviews/visits/999999/pins/1/delete", PLAN, {}),
    ("POST", "/api/v1/reviews/visits/999999/recommendations", MANAGE, {"text": "x"}),
    ("GET", "/api/v1/reviews/recommendations", VIEW, None),
    ("POST", "/api/v1/reviews/recommendations/999999/follow-up", MANAGE, {"status": "closed", "note": "x", "on": ON}),
    ("GET", "/api/v1/reviews/plans", VIEW, None),
    ("POST", "/api/v1/reviews/plans", PLAN, {"period": "1999"}),
    ("GET", "/api/v1/reviews/plans/999999", VIEW, None),
    ("POST", "/api/v1/reviews/plans/999999/apply", PLAN, {}),
]

PUBLIC_PAGES: set[str] = set()
