"""The peer review state machines, as data. Only services move a visit or a recommendation along them, and
each move writes an audit row."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ExpertKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    INDUSTRY = "industry", _("Industry")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class Expertise(models.TextChoices):
    STATISTICS = "statistics", _("Statistics")
    CUSTOMS = "customs", _("Customs")
    MINING = "mining", _("Mining")
    LEGAL = "legal", _("Legal framework")
    TRADE = "trade", _("Trade controls")
    VALUATION = "valuation", _("Valuation")


class VisitKind(models.TextChoices):
    VISIT = "visit", _("Review visit")
    MISSION = "mission", _("Review mission")


class VisitStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested, not yet scheduled")
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    REPORT_SENT = "report_sent", _("Draft report sent to the focal point")
    COMMENTS = "comments", _("Comments received")
    CONSIDERED = "considered", _("Report considered by the plenary")
    CANCELLED = "cancelled", _("Cancelled")


V = VisitStatus
# action -> (statuses it may start from, status it leads to, the visit field that records its date)
VISIT_TRANSITIONS: dict[str, tuple[frozenset[str], str, str | None]] = {
    "done": (frozenset({V.PLANNED}), V.DONE, None),
    "send_report": (frozenset({V.DONE}), V.REPORT_SENT, "report_sent_on"),
    "receive_comments": (frozenset({V.REPORT_SENT}), V.COMMENTS, "comments_on"),
    # The focal point may not comment: the plenary can consider the report straight after it was sent.
    "consider": (frozenset({V.REPORT_SENT, V.COMMENTS}), V.CONSIDERED, "considered_on"),
    "cancel": (frozenset({V.REQUESTED, V.PLANNED}), V.CANCELLED, None),
}
# Visits the optimiser may (re-)plan.
PLANNABLE = frozenset({V.REQUESTED, V.PLANNED})
# Visits that took place.
DONE_STATES = frozenset({V.DONE, V.REPORT_SENT, V.COMMENTS, V.CONSIDERED})
# Visits whose dates and team are fixed commitments of their experts.
SCHEDULED = frozenset({V.PLANNED}) | DONE_STATES


def visit_action_label(action: str) -> str:
    return str({
        "done": _("Mark as done"),
        "send_report": _("Draft report sent to the focal point"),
        "receive_comments": _("Comments received"),
        "consider": _("Report considered by the plenary"),
        "cancel": _("Cancel"),
    }[action])


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented, to be verified")
    CLOSED = "closed", _("Closed")


R = RecommendationStatus
# Which follow-up status may come after which; closed is final.
RECOMMENDATION_NEXT: dict[str, frozenset[str]] = {
    R.OPEN: frozenset({R.IN_PROGRESS, R.IMPLEMENTED, R.CLOSED}),
    R.IN_PROGRESS: frozenset({R.IN_PROGRESS, R.IMPLEMENTED, R.CLOSED}),
    R.IMPLEMENTED: frozenset({R.IN_PROGRESS, R.CLOSED}),
    R.CLOSED: frozenset(),
}
RECOMMENDATION_OPEN = frozenset({R.OPEN, R.IN_PROGRESS, R.IMPLEMENTED})


class PlanStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPLIED = "applied", pgettext_lazy("schedule plan status", "Applied")
    SUPERSEDED = "superseded", _("Superseded")
