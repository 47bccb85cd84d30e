"""Who may do what in governance (merged into kpcs.accounts.permissions.ACTIONS)."""

from __future__ import annotations

from kpcs.accounts.roles import Role as R

ACTIONS: dict[str, frozenset[str]] = {
    # Decisions, meetings, bodies, Chairs, the committee's composition, deadlines: the scheme's bodies and the
    # observers (who attend the plenary and sit on working groups) read them.
    "governance.view": frozenset({R.PARTICIPATION_COMMITTEE, R.SECRETARIAT_ADMIN, R.REVIEW_COORDINATOR, R.OBSERVER}),
    # Recording meetings, decisions and their texts, adoption, bodies, committee seats and deadlines.
    "governance.manage": frozenset({R.SECRETARIAT_ADMIN}),
    # Applications to join: read and assessed by the committee, decided and admitted by the Chair/Secretariat.
    "governance.applications.view": frozenset({R.PARTICIPATION_COMMITTEE, R.SECRETARIAT_ADMIN}),
    "governance.applications.assess": frozenset({R.PARTICIPATION_COMMITTEE, R.SECRETARIAT_ADMIN}),
    "governance.applications.decide": frozenset({R.SECRETARIAT_ADMIN}),
    # Non-compliance: the committee advises the Chair, who acts.
    "governance.compliance.view": frozenset({R.PARTICIPATION_COMMITTEE, R.SECRETARIAT_ADMIN}),
    "governance.compliance.open": frozenset({R.PARTICIPATION_COMMITTEE, R.SECRETARIAT_ADMIN}),
    "governance.compliance.advise": frozenset({R.PARTICIPATION_COMMITTEE}),
    "governance.compliance.act": frozenset({R.SECRETARIAT_ADMIN}),
    # The Chair's annual report (drafted from every app's data, compliance cases included).
    "governance.report": frozenset({R.PARTICIPATION_COMMITTEE, R.SECRETARIAT_ADMIN}),
}
