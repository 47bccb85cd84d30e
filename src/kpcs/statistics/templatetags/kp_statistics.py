"""Template helpers of the statistics pages: permission checks and the dashboard section."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import allowed
from kpcs.accounts.roles import Role

register = template.Library()


@register.filter
def may(actor: Actor | None, action: str) -> bool:
    """``{% if actor|may:"statistics.analyse" %}``: the same table the views check."""
    return actor is not None and allowed(actor, action)


@register.inclusion_tag("statistics/_dashboard_section.html", takes_context=True)
def statistics_dashboard(context: template.Context) -> dict[str, Any]:
    """What the signed-in actor should know about statistics today (a few queries, only for those concerned)."""
    from kpcs.statistics.selectors.figures import years_with_data
    from kpcs.statistics.selectors.questionnaires import awaiting_answer, questionnaire_list
    from kpcs.statistics.selectors.timeliness import timeliness, timeliness_counts

    actor: Actor | None = context.get("actor")
    out: dict[str, Any] = {"actor": actor, "show": False}
    if actor is None or actor.is_anonymous:
        return out
    year = next(iter(years_with_data()), dt.date.today().year)  # the latest year anyone reported for
    if allowed(actor, "statistics.analyse"):
        out.update(show=True, wgs=True, counts=timeliness_counts(timeliness(year=year)), year=year,
                   open_questionnaires=questionnaire_list(actor=actor).exclude(status="closed").count())
    mine = sorted(actor.participants_for(Role.STATISTICS_FOCAL_POINT))
    if mine:
        out.update(show=True, mine=mine, year=year,
                   awaiting=list(awaiting_answer(actor=actor).select_related("participant")),
                   my_late=[i for code in mine for i in timeliness(year=year, participant=code)
                            if i["status"] in ("late", "missing")])
    return out
