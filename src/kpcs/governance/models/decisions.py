"""Plenary meetings, decisions with their text in each official language (Rule 26), and deadlines."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kpcs.accounts.roles import Role
from kpcs.governance.status import OFFICIAL_LANGUAGES, DeadlineStatus, DecisionKind, MeetingKind, Route


class Meeting(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.PLENARY)
    place = models.CharField(_("place"), max_length=200)
    host = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+", verbose_name=_("host"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="meeting_dates_ordered"),
            models.UniqueConstraint(fields=["place", "starts_on"], name="meeting_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.place} {self.starts_on:%Y}"


class Decision(models.Model):
    """A decision or administrative decision, agreed by consensus at a plenary or by written procedure. It is
    formally adopted only once its text exists in the five official languages and was made available to all
    participants (Rule 26 of the Rules of Procedure); until then it is agreed, pending translation."""

    number = models.CharField(_("number"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=DecisionKind.choices, default=DecisionKind.DECISION)
    route = models.CharField(_("taken by"), max_length=20, choices=Route.choices)
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions",
                                verbose_name=_("meeting"))
    agreed_on = models.DateField(_("agreed"))
    adopted_on = models.DateField(_("formally adopted"), null=True, blank=True)

    class Meta:
        ordering = ["-agreed_on", "number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(condition=~Q(route="plenary") | Q(meeting__isnull=False),
                                   name="decision_plenary_has_meeting"),
            models.CheckConstraint(condition=Q(adopted_on__isnull=True) | Q(adopted_on__gte=F("agreed_on")),
                                   name="decision_adopted_after_agreed"),
        ]

    def __str__(self) -> str:
        return self.number


class DecisionText(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="texts",
                                 verbose_name=_("decision"))
    language = models.CharField(_("language"), max_length=2, choices=[(c, c) for c in OFFICIAL_LANGUAGES])
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    circulated_on = models.DateField(_("made available to all participants"), null=True, blank=True)

    class Meta:
        ordering = ["decision", "language"]
        verbose_name = _("decision text")
        verbose_name_plural = _("decision texts")
        constraints = [
            models.UniqueConstraint(fields=["decision", "language"], name="decision_text_unique_language"),
            models.CheckConstraint(condition=Q(language__in=OFFICIAL_LANGUAGES), name="decision_text_official"),
        ]

    def __str__(self) -> str:
        return f"{self.decision_id} [{self.language}]"


class Deadline(models.Model):
    """A mandate with a date, owned by a role, a participant or a body (shown on the owners' dashboards)."""

    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField(_("due"))
    owner_role = models.CharField(_("owner (role)"), max_length=40, choices=Role.choices, blank=True)
    owner_participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, null=True,
                                          blank=True, related_name="+", verbose_name=_("owner (participant)"))
    owner_body = models.ForeignKey("governance.Body", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="deadlines", verbose_name=_("owner (body)"))
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="deadlines", verbose_name=_("set by"))
    status = models.CharField(_("status"), max_length=6, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN)
    done_on = models.DateField(_("done"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        constraints = [
            models.CheckConstraint(
                condition=~Q(owner_role="") | Q(owner_participant__isnull=False) | Q(owner_body__isnull=False),
                name="deadline_has_owner"),
            models.CheckConstraint(condition=~Q(status="done") | Q(done_on__isnull=False), name="deadline_done_date"),
        ]

    def __str__(self) -> str:
        return f"{self.due_on} {self.title[:60]}"
