"""Trade derived from certificates: a fact table kept current by the certificate services.

Exports come from certificates that were issued (statuses issued, confirmed, expired: a certificate that
expired was still issued for a shipment), dated by their issue date; imports from confirmed
certificates, dated by the day the importing authority received them. Void and replaced certificates do
not count: a void one covered no shipment, a replaced one is counted through its replacement. Amounts are
the certificate lines; each certificate is counted once, on its first line's HS code.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kpcs.statistics.models.choices import ROUGH_HS, SUM_DIGITS, TradeFlow


class DerivedTrade(models.Model):
    participant = models.ForeignKey("participants.Participant", on_delete=models.CASCADE, related_name="+",
                                    verbose_name=_("participant"))
    flow = models.CharField(_("flow"), max_length=6, choices=TradeFlow.choices)
    partner = models.ForeignKey("participants.Participant", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("partner"))
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    hs_code = models.CharField(_("HS code"), max_length=6)
    carats = models.DecimalField(_("carats"), max_digits=SUM_DIGITS, decimal_places=2)
    usd = models.DecimalField(_("value (US$)"), max_digits=SUM_DIGITS, decimal_places=2)
    certificates = models.PositiveIntegerField(_("certificates"))

    class Meta:
        ordering = ["participant", "year", "quarter", "flow", "partner", "hs_code"]
        verbose_name = _("certificate-derived trade")
        verbose_name_plural = _("certificate-derived trade")
        indexes = [models.Index(fields=["year", "quarter"])]
        constraints = [
            models.UniqueConstraint(fields=["participant", "flow", "partner", "year", "quarter", "hs_code"],
                                    name="derived_trade_cell_unique"),
            models.CheckConstraint(condition=Q(flow__in=TradeFlow.values), name="derived_trade_flow_known"),
            models.CheckConstraint(condition=Q(quarter__gte=1) & Q(quarter__lte=4), name="derived_trade_quarter"),
            models.CheckConstraint(condition=Q(hs_code__in=ROUGH_HS), name="derived_trade_hs_rough"),
            models.CheckConstraint(condition=~Q(participant=F("partner")), name="derived_trade_partner_differs"),
            models.CheckConstraint(condition=Q(carats__gte=0) & Q(usd__gte=0), name="derived_trade_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.flow} {self.partner_id} {self.year}-Q{self.quarter} {self.hs_code}"


class DerivedCertificate(models.Model):
    """What one certificate contributes to :class:`DerivedTrade` now, so that a state change is applied as
    a delta (its lines added or taken away) instead of recounting its whole quarter. The dates a contribution
    is filed under (issue, receipt) never change once set, so two flags are enough."""

    certificate = models.OneToOneField("certificates.Certificate", on_delete=models.CASCADE, primary_key=True,
                                       related_name="+")
    export_counted = models.BooleanField(default=False)
    import_counted = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("certificate counted in derived trade")
        verbose_name_plural = _("certificates counted in derived trade")
        constraints = [models.CheckConstraint(condition=Q(export_counted=True) | Q(import_counted=True),
                                              name="derived_certificate_counts_something")]

    def __str__(self) -> str:
        return f"{self.certificate_id}: export {self.export_counted}, import {self.import_counted}"
