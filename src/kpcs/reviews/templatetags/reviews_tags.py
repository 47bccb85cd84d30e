"""Template helpers of the peer review pages: the permission check for links, and the dashboard section."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import allowed
from kpcs.accounts.roles import Role
from kpcs.reviews.selectors import review_deadlines as deadlines
from kpcs.reviews.selectors import review_progress

register = template.Library()

PARTICIPANT_SIDE = (Role.AUTHORITY_OFFICER, Role.AUTHORITY_VALIDATOR, Role.STATISTICS_FOCAL_POINT)


@register.simple_tag
def may(actor: Actor | None, action: str) -> bool:
    return actor is not None and allowed(actor, action)


@register.simple_tag
def review_deadlines(actor: Actor | None) -> dict[str, Any] | None:
    """The peer review part of the dashboard: the Working Group's deadlines for those who run peer review,
    the participant's own visits and overdue recommendations for its authorities."""
    if actor is None or actor.is_anonymous:
        return None
    today = dt.date.today()
    if allowed(actor, "reviews.manage"):
        found = deadlines(today=today)
        return {"progress": review_progress(year=today.year), **found.__dict__}
    codes = actor.participants_for(*PARTICIPANT_SIDE)
    if codes:
        found = deadlines(today=today, participant_codes=codes)
        if found.visits_soon or found.recommendations_overdue:
            return {"progress": None, **found.__dict__}
    return None
