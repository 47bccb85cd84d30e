"""Who may do what in peer review (merged into kpcs.accounts.permissions.ACTIONS)."""

from __future__ import annotations

from kpcs.accounts.roles import Role as R

ACTIONS: dict[str, frozenset[str]] = {
    # Progress, schedule, visits and roster: the bodies of the scheme; observers (who nominate experts and sit
    # on teams) read them.
    "reviews.view": frozenset({R.REVIEW_COORDINATOR, R.PARTICIPATION_COMMITTEE, R.SECRETARIAT_ADMIN, R.OBSERVER}),
    # Invitations, roster, visits and their workflow, recommendations and follow-up.
    "reviews.manage": frozenset({R.REVIEW_COORDINATOR, R.SECRETARIAT_ADMIN}),
    # Running the optimiser, pinning, applying plans, setting teams by hand.
    "reviews.plan": frozenset({R.REVIEW_COORDINATOR, R.SECRETARIAT_ADMIN}),
}
