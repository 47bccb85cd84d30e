"""Applications to join the scheme and non-compliance cases: both advised on by the Participation Committee
and decided by the Chair or the plenary."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kpcs.governance.status import (
    ApplicationStatus,
    CaseSource,
    CaseStatus,
    ChairAction,
    Recommendation,
    Route,
)


class Application(models.Model):
    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT,
                                    related_name="applications", verbose_name=_("applicant"))
    received_on = models.DateField(_("received"))
    status = models.CharField(_("status"), max_length=12, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.RECEIVED, db_index=True)
    review_visit = models.ForeignKey("reviews.ReviewVisit", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("review visit"))
    assessment = models.TextField(_("assessment"), blank=True)
    assessed_on = models.DateField(_("assessed"), null=True, blank=True)
    recommendation = models.CharField(_("committee recommendation"), max_length=10, choices=Recommendation.choices,
                                      blank=True)
    recommendation_text = models.TextField(_("reasons of the recommendation"), blank=True)
    recommended_on = models.DateField(_("recommended"), null=True, blank=True)
    route = models.CharField(_("decided by"), max_length=20, choices=Route.choices, blank=True)
    decision = models.ForeignKey("governance.Decision", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("decision"))
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    admitted_on = models.DateField(_("admitted"), null=True, blank=True)
    closed_on = models.DateField(_("withdrawn or refused"), null=True, blank=True)
    status_events = models.ManyToManyField("participants.StatusEvent", blank=True, related_name="+",
                                           verbose_name=_("registry events"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ApplicationStatus.values), name="application_status_valid"),
            models.CheckConstraint(condition=~Q(status="admitted") | Q(admitted_on__isnull=False),
                                   name="application_admitted_has_date"),
            models.UniqueConstraint(fields=["participant"],
                                    condition=Q(status__in=["received", "assessed", "recommended", "decided"]),
                                    name="application_one_open_per_participant"),
        ]

    def __str__(self) -> str:
        return f"{self.participant.code} {self.received_on} ({self.status})"


class ComplianceCase(models.Model):
    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT,
                                    related_name="compliance_cases", verbose_name=_("participant"))
    opened_on = models.DateField(_("opened"))
    source = models.CharField(_("source"), max_length=30, choices=CaseSource.choices, default=CaseSource.MANUAL)
    signal_key = models.CharField(_("signal"), max_length=200, blank=True,
                                  help_text=_("The platform signal the case was opened from."))
    summary = models.TextField(_("summary"))
    details = models.JSONField(_("details"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.OPEN,
                              db_index=True)
    advice = models.TextField(_("committee advice"), blank=True)
    advised_on = models.DateField(_("advised"), null=True, blank=True)
    action = models.CharField(_("Chair's action"), max_length=12, choices=ChairAction.choices, blank=True)
    action_text = models.TextField(_("action taken"), blank=True)
    action_on = models.DateField(_("action date"), null=True, blank=True)
    suspension = models.ForeignKey("participants.StatusEvent", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("suspension in the registry"))
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    closure_note = models.TextField(_("closure note"), blank=True)
    reinstatement = models.ForeignKey("participants.StatusEvent", on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("suspension lifted in the registry"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("non-compliance case")
        verbose_name_plural = _("non-compliance cases")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=CaseStatus.values), name="case_status_valid"),
            models.CheckConstraint(condition=~Q(status="closed") | Q(closed_on__isnull=False),
                                   name="case_closed_has_date"),
            models.CheckConstraint(condition=~Q(action="suspension") | Q(suspension__isnull=False),
                                   name="case_suspension_recorded_in_registry"),
            models.UniqueConstraint(fields=["signal_key"], condition=~Q(signal_key="") & ~Q(status="closed"),
                                    name="case_one_open_per_signal"),
        ]

    def __str__(self) -> str:
        return f"{self.participant.code} {self.opened_on} ({self.status})"
