"""Governance state machines and vocabularies, as data. Only services move an application, a case or a
decision along them, and each move writes an audit row."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

OFFICIAL_LANGUAGES = ("en", "fr", "pt", "es", "ru")


def language_name(code: str) -> str:
    return str({"en": _("English"), "fr": _("French"), "pt": _("Portuguese"), "es": _("Spanish"),
                "ru": _("Russian")}.get(code, code))


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSESSED = "assessed", _("Assessed")
    RECOMMENDED = "recommended", _("Committee recommendation made")
    DECIDED = "decided", _("Admission decided")
    ADMITTED = "admitted", _("Admitted")
    REJECTED = "rejected", _("Not admitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


A = ApplicationStatus
# action -> (statuses it may start from, status it leads to)
APPLICATION_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "assess": (frozenset({A.RECEIVED}), A.ASSESSED),
    "recommend": (frozenset({A.ASSESSED}), A.RECOMMENDED),
    "decide_admit": (frozenset({A.RECOMMENDED}), A.DECIDED),
    "decide_reject": (frozenset({A.RECOMMENDED}), A.REJECTED),
    "admit": (frozenset({A.DECIDED}), A.ADMITTED),
    "withdraw": (frozenset({A.RECEIVED, A.ASSESSED, A.RECOMMENDED, A.DECIDED}), A.WITHDRAWN),
}
APPLICATION_OPEN = frozenset({A.RECEIVED, A.ASSESSED, A.RECOMMENDED, A.DECIDED})


class Recommendation(models.TextChoices):
    ADMIT = "admit", _("Admit")
    NOT_YET = "not_yet", _("Do not admit yet")


class Route(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    WRITTEN_PROCEDURE = "written_procedure", _("Written procedure")


class CaseSource(models.TextChoices):
    MANUAL = "manual", _("Opened by hand")
    STATISTICS_LATE = "late", _("Statistics submitted late")
    STATISTICS_MISSING = "missing", _("Statistics missing")
    QUESTIONNAIRE = "questionnaire_unanswered", _("Data anomaly questionnaire unanswered")
    CONFIRMATIONS = "confirmations_overdue", _("Import confirmations chronically overdue")
    RECOMMENDATIONS = "recommendations_not_acted_on", _("Review recommendations not acted on")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ADVISED = "advised", _("Committee advice given")
    ACTION_TAKEN = "action_taken", _("Chair's action taken")
    CLOSED = "closed", _("Closed")


C = CaseStatus
CASE_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "advise": (frozenset({C.OPEN, C.ADVISED}), C.ADVISED),
    # The Chair acts on the committee's advice (terms of reference revised at Gatineau, 2004).
    "act": (frozenset({C.ADVISED}), C.ACTION_TAKEN),
    "close": (frozenset({C.OPEN, C.ADVISED, C.ACTION_TAKEN}), C.CLOSED),
}


class ChairAction(models.TextChoices):
    REMINDER = "reminder", _("Reminder to the participant")
    SUSPENSION = "suspension", _("Suspension")
    OTHER = "other", _("Other measure")


class DecisionKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    ADMINISTRATIVE = "administrative", _("Administrative decision")


class MeetingKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary meeting")
    INTERSESSIONAL = "intersessional", _("Intersessional meeting")


class BodyKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group")
    COMMITTEE = "committee", _("Committee")
    AD_HOC = "ad_hoc", _("Ad hoc working group")
    SUB_GROUP = "sub_group", _("Sub-group")


class BodyRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Member")


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
