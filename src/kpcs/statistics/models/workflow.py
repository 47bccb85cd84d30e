"""The reporting calendar settings, Data Anomaly Questionnaires and compliance referrals."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kpcs.statistics.models.choices import Flow


class ReportingSettings(models.Model):
    """One row: the platform's reporting calendar and check thresholds (defaults are ours, not KP policy)."""

    trade_due_days = models.PositiveSmallIntegerField(
        _("trade reports due (days after the quarter)"), default=60)
    production_due_days = models.PositiveSmallIntegerField(
        _("production reports due (days after the half-year)"), default=60)
    swing_threshold_pct = models.DecimalField(_("swing threshold (%)"), max_digits=6, decimal_places=2,
                                              default=Decimal(50))
    unexplained_tolerance_pct = models.DecimalField(_("unexplained exports tolerance (%)"), max_digits=6,
                                                    decimal_places=2, default=Decimal(10))
    questionnaire_answer_days = models.PositiveSmallIntegerField(
        _("days to answer a questionnaire"), default=30)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reporting settings")
        verbose_name_plural = _("reporting settings")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="reporting_settings_single_row"),
            models.CheckConstraint(condition=Q(trade_due_days__lte=366) & Q(production_due_days__lte=366),
                                   name="reporting_due_days_within_a_year"),
            models.CheckConstraint(condition=Q(swing_threshold_pct__gt=0) & Q(unexplained_tolerance_pct__gte=0),
                                   name="reporting_thresholds_positive"),
            models.CheckConstraint(condition=Q(questionnaire_answer_days__gte=1), name="reporting_answer_days"),
        ]

    def __str__(self) -> str:
        return str(_("Reporting settings"))


class Questionnaire(models.Model):
    """A Data Anomaly Questionnaire: drafted from findings, sent to the focal point, answered, kept."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent, awaiting the answer")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("participant"))
    period = models.CharField(_("period"), max_length=7)
    flow = models.CharField(_("flow"), max_length=10, choices=Flow.choices)
    findings = models.JSONField(_("findings"), default=list,
                                help_text=_("The findings that triggered it: code, params, English message."))
    questions = models.TextField(_("questions"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("drafted by"))
    created_at = models.DateTimeField(_("drafted"), auto_now_add=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    due_on = models.DateField(_("answer due on"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("answered by"))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Data Anomaly Questionnaire")
        verbose_name_plural = _("Data Anomaly Questionnaires")
        constraints = [
            models.UniqueConstraint(fields=["participant", "period", "flow"], condition=~Q(status="closed"),
                                    name="questionnaire_one_open_per_report"),
            models.CheckConstraint(condition=Q(status__in=("draft", "sent", "answered", "closed")),
                                   name="questionnaire_status_known"),
            models.CheckConstraint(condition=Q(status="draft") | (Q(sent_on__isnull=False) & Q(due_on__isnull=False)),
                                   name="questionnaire_sent_has_dates"),
            models.CheckConstraint(condition=~Q(status="answered") | (~Q(answer="") & Q(answered_on__isnull=False)),
                                   name="questionnaire_answered_has_answer"),
        ]

    def __str__(self) -> str:
        return f"DAQ {self.participant_id} {self.period} {self.flow}"


class ComplianceReferral(models.Model):
    """A late or missing report the WGS turned into a compliance signal for the Participation Committee."""

    class Kind(models.TextChoices):
        LATE = "late", _("Late report")
        MISSING = "missing", _("Missing report")

    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("participant"))
    period = models.CharField(_("period"), max_length=7)
    flow_group = models.CharField(_("reports"), max_length=10,
                                  choices=[("trade", _("Trade")), ("production", _("Production"))])
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    due_on = models.DateField(_("due on"))
    days_late = models.PositiveIntegerField(_("days late"))
    note = models.TextField(_("note"), blank=True)
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("referred by"))
    referred_at = models.DateTimeField(_("referred"), auto_now_add=True)
    taken_up_at = models.DateTimeField(_("taken up"), null=True, blank=True)
    case_reference = models.CharField(_("compliance case"), max_length=60, blank=True)

    class Meta:
        ordering = ["-referred_at", "-id"]
        verbose_name = _("compliance referral")
        verbose_name_plural = _("compliance referrals")
        constraints = [
            models.UniqueConstraint(fields=["participant", "period", "flow_group"], name="referral_once_per_report"),
            models.CheckConstraint(condition=Q(kind__in=("late", "missing")), name="referral_kind_known"),
            models.CheckConstraint(condition=Q(flow_group__in=("trade", "production")),
                                   name="referral_flow_group_known"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.period} {self.flow_group} {self.kind}"
