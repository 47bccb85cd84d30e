"""Template helpers of the governance pages: the dashboard section (deadlines approaching or passed for their
owners, open cases and decisions awaiting adoption for the committee and the Chair)."""

from __future__ import annotations

from typing import Any

from django import template

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import allowed
from kpcs.governance.selectors.cases import case_list
from kpcs.governance.selectors.decisions import DEADLINE_HORIZON_DAYS, deadlines_due, decision_list

register = template.Library()


@register.simple_tag
def governance_dashboard(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None or actor.is_anonymous:
        return None
    due = deadlines_due(actor=actor)
    section: dict[str, Any] = {"passed": due.passed, "approaching": due.approaching,
                               "horizon": DEADLINE_HORIZON_DAYS, "open_cases": None, "pending_decisions": 0}
    if allowed(actor, "governance.compliance.view"):
        section["open_cases"] = case_list(open_only=True).count()
    if allowed(actor, "governance.manage"):
        section["pending_decisions"] = sum(1 for _d, s in decision_list() if s.state != "adopted")
    if not (due.passed or due.approaching or section["open_cases"] is not None):
        return None
    return section
