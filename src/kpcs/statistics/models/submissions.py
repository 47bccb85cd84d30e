"""Submitted figures. A submission is one accepted file; it adds a new vintage of every report it changes.

A *report* is a participant's figures for one period and flow (say BW, 2007-Q1, exports). Each time a
file changes a report, the report gets a new vintage (1, 2, 3 ...) and only the newest is current; older
vintages stay readable. A file identical to what is current changes nothing (idempotent re-import).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from kpcs.statistics.models.choices import AMOUNT_DIGITS, ROUGH_HS, Flow, MiningType, PeriodKind, Source


class Submission(models.Model):
    """One accepted file (or derivation from certificates), with where it came from and who sent it."""

    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    received_on = models.DateField(_("received on"), db_index=True,
                                   help_text=_("The day the figures reached the Secretariat (timeliness)."))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("submitted by"))
    rows = models.PositiveIntegerField(_("figure rows"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("statistics submission")
        verbose_name_plural = _("statistics submissions")
        constraints = [
            models.CheckConstraint(condition=Q(source__in=Source.values), name="submission_source_known"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.file_name or self.source} ({self.received_on})"


class ReportVintage(models.Model):
    """One version of a participant's report for a period and flow."""

    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("participant"))
    period = models.CharField(_("period"), max_length=7, help_text=_("2007, 2007-H1 or 2007-Q3"))
    year = models.PositiveSmallIntegerField(_("year"))
    period_kind = models.CharField(_("period kind"), max_length=7, choices=PeriodKind.choices)
    period_index = models.PositiveSmallIntegerField(_("period index"))
    flow = models.CharField(_("flow"), max_length=10, choices=Flow.choices)
    number = models.PositiveIntegerField(_("vintage"))
    current = models.BooleanField(_("current"), default=True)
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="vintages",
                                   verbose_name=_("submission"))
    received_on = models.DateField(_("received on"))

    class Meta:
        ordering = ["participant__code", "year", "period", "flow", "-number"]
        verbose_name = _("report vintage")
        verbose_name_plural = _("report vintages")
        indexes = [models.Index(fields=["year", "current"]), models.Index(fields=["participant", "year"])]
        constraints = [
            models.UniqueConstraint(fields=["participant", "period", "flow", "number"], name="vintage_number_unique"),
            models.UniqueConstraint(fields=["participant", "period", "flow"], condition=Q(current=True),
                                    name="vintage_one_current"),
            models.CheckConstraint(condition=Q(number__gte=1), name="vintage_number_positive"),
            models.CheckConstraint(condition=Q(flow__in=Flow.values), name="vintage_flow_known"),
            models.CheckConstraint(
                condition=Q(period_kind="year", period_index=1) | Q(period_kind="half", period_index__in=(1, 2))
                | Q(period_kind="quarter", period_index__in=(1, 2, 3, 4)),
                name="vintage_period_valid"),
            # KPCS Annex III: production by half-year (or year), trade by quarter (or year).
            models.CheckConstraint(condition=~(Q(flow="production") & Q(period_kind="quarter"))
                                   & ~(Q(flow__in=("export", "import")) & Q(period_kind="half")),
                                   name="vintage_period_fits_flow"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.period} {self.flow} v{self.number}"


class Figure(models.Model):
    """One row of a report vintage: a disjoint part of the report (by partner, HS code, origin, mining)."""

    vintage = models.ForeignKey(ReportVintage, on_delete=models.CASCADE, related_name="figures",
                                verbose_name=_("vintage"))
    partner = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("partner"))
    hs_code = models.CharField(_("HS code"), max_length=6, blank=True, help_text=_("Six digits; empty: not stated"))
    origin = models.CharField(_("origin"), max_length=5, blank=True,
                              help_text=_("ISO alpha-2 code or MIXED; empty: not stated"))
    mining_type = models.CharField(_("mining type"), max_length=10, blank=True, choices=MiningType.choices)
    carats = models.DecimalField(_("carats"), max_digits=AMOUNT_DIGITS, decimal_places=2)
    usd = models.DecimalField(_("value (US$)"), max_digits=AMOUNT_DIGITS, decimal_places=2)
    certificates = models.PositiveIntegerField(_("certificates"), null=True, blank=True)
    row = models.PositiveIntegerField(_("row in the file"))

    class Meta:
        ordering = ["vintage", "row"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.UniqueConstraint(F("vintage"), Coalesce(F("partner"), Value(0)), F("hs_code"), F("origin"),
                                    F("mining_type"), name="figure_breakdown_unique"),
            models.CheckConstraint(condition=Q(carats__gte=0) & Q(usd__gte=0), name="figure_amounts_not_negative"),
            models.CheckConstraint(condition=Q(hs_code="") | Q(hs_code__in=ROUGH_HS), name="figure_hs_rough"),
            models.CheckConstraint(condition=Q(mining_type__in=MiningType.values), name="figure_mining_type_known"),
        ]

    def __str__(self) -> str:
        return f"{self.vintage} row {self.row}"
