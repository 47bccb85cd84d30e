from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kpcs.certificates.status import KP_HS_CODES, MAX_VALIDITY_DAYS, Status


class SigningKey(models.Model):
    """An issuing authority's Ed25519 key. The private half is sealed with the platform's key-encryption
    key (AES-256-GCM) and never leaves the signing service in clear."""

    class KeyStatus(models.TextChoices):
        ACTIVE = "active", _("Active")
        RETIRED = "retired", _("Retired")
        REVOKED = "revoked", _("Revoked")

    authority = models.ForeignKey("participants.Authority", on_delete=models.PROTECT, related_name="signing_keys",
                                  verbose_name=_("authority"))
    kid = models.CharField(_("key identifier"), max_length=16, unique=True, help_text=_("hex"))
    public_key = models.BinaryField(_("public key"))
    sealed_private_key = models.BinaryField(_("sealed private key"), editable=False)
    status = models.CharField(_("status"), max_length=10, choices=KeyStatus.choices, default=KeyStatus.ACTIVE)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revocation_reason = models.TextField(_("revocation reason"), blank=True)

    class Meta:
        ordering = ["authority", "-valid_from"]
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        constraints = [
            models.UniqueConstraint(fields=["authority"], condition=Q(status="active"),
                                    name="one_active_key_per_authority"),
            models.CheckConstraint(condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                                   name="signing_key_dates_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.authority} {self.kid} ({self.status})"


class NumberSequence(models.Model):
    """The next certificate number per issuing participant and year, taken under a row lock."""

    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "year"], name="number_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.participant_id}/{self.year}: {self.last_value}"


class Certificate(models.Model):
    number = models.CharField(_("certificate number"), max_length=20, unique=True, null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    issuing_authority = models.ForeignKey("participants.Authority", on_delete=models.PROTECT,
                                          related_name="issued_certificates", verbose_name=_("issuing authority"))
    exporting_participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT,
                                              related_name="export_certificates",
                                              verbose_name=_("exporting participant"))
    importing_participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT,
                                              related_name="import_certificates",
                                              verbose_name=_("importing participant"))
    exporter = models.ForeignKey("participants.Company", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("exporter"))
    importer = models.ForeignKey("participants.Company", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("importer"))
    parcels = models.PositiveIntegerField(_("number of parcels"))
    validity_days = models.PositiveSmallIntegerField(_("validity (days)"), default=MAX_VALIDITY_DAYS)
    issue_date = models.DateField(_("date of issue"), null=True, blank=True, db_index=True)
    expiry_date = models.DateField(_("date of expiry"), null=True, blank=True)
    mixed_origin = models.BooleanField(_("mixed origin"), default=False)
    provenance = models.CharField(_("provenance"), max_length=2, blank=True,
                                  help_text=_("The last participant the diamonds were exported from."))
    total_carats = models.DecimalField(_("total carats"), max_digits=14, decimal_places=2)
    total_usd = models.DecimalField(_("total value (US$)"), max_digits=16, decimal_places=2)
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("prepared by"))
    validated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     null=True, blank=True, verbose_name=_("validated by"))
    signing_key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    cose = models.BinaryField(_("signed certificate (COSE)"), null=True, blank=True, editable=False)
    qr_text = models.TextField(_("QR text"), blank=True)
    replaces = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="replaced_by", verbose_name=_("replaces"))
    void_reason = models.TextField(_("reason for voiding"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-issue_date", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        indexes = [
            models.Index(fields=["exporting_participant", "status", "issue_date"]),
            models.Index(fields=["importing_participant", "status", "issue_date"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(parcels__gte=1), name="certificate_parcels_at_least_one"),
            models.CheckConstraint(condition=Q(validity_days__gte=1) & Q(validity_days__lte=MAX_VALIDITY_DAYS),
                                   name="certificate_validity_at_most_60_days"),
            models.CheckConstraint(condition=Q(total_carats__gt=0), name="certificate_carats_positive"),
            models.CheckConstraint(condition=Q(total_usd__gte=0), name="certificate_usd_not_negative"),
            models.CheckConstraint(condition=~Q(exporting_participant=F("importing_participant")),
                                   name="certificate_destination_differs"),
            models.CheckConstraint(
                condition=Q(status="draft") | (Q(number__isnull=False) & Q(issue_date__isnull=False)
                                               & Q(expiry_date__isnull=False) & Q(cose__isnull=False)),
                name="certificate_signed_unless_draft"),
            models.CheckConstraint(condition=Q(expiry_date__isnull=True) | Q(expiry_date__gt=F("issue_date")),
                                   name="certificate_expiry_after_issue"),
        ]

    def __str__(self) -> str:
        return self.number or f"draft #{self.pk}"

    def clean(self) -> None:
        if self.issue_date and self.expiry_date and (
                self.expiry_date - self.issue_date > dt.timedelta(days=MAX_VALIDITY_DAYS)):
            raise ValidationError(_("A certificate is valid for at most 60 calendar days after its date of issue."),
                                  code="validity_too_long")


class CertificateLine(models.Model):
    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="lines")
    hs_code = models.CharField(_("HS code"), max_length=7)
    carats = models.DecimalField(_("carats"), max_digits=14, decimal_places=2)
    usd = models.DecimalField(_("value (US$)"), max_digits=16, decimal_places=2)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(hs_code__in=KP_HS_CODES), name="line_hs_code_rough"),
            models.CheckConstraint(condition=Q(carats__gt=0), name="line_carats_positive"),
            models.CheckConstraint(condition=Q(usd__gte=0), name="line_usd_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.hs_code} {self.carats} ct {self.usd} USD"


class CertificateOrigin(models.Model):
    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="origins")
    country = models.CharField(_("country of origin"), max_length=2)
    share = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["certificate", "country"], name="origin_country_once"),
            models.CheckConstraint(condition=Q(share__isnull=True) | (Q(share__gt=0) & Q(share__lte=100)),
                                   name="origin_share_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.share or ''}".strip()


class ImportConfirmation(models.Model):
    certificate = models.OneToOneField(Certificate, on_delete=models.PROTECT, related_name="confirmation")
    authority = models.ForeignKey("participants.Authority", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("importing authority"))
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    date_received = models.DateField(_("date received"))
    parcels = models.PositiveIntegerField(_("parcels received"))
    carats = models.DecimalField(_("carats received"), max_digits=14, decimal_places=2)
    usd = models.DecimalField(_("value received (US$)"), max_digits=16, decimal_places=2)
    discrepancies = models.JSONField(_("differences from the certificate"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("import confirmation")
        verbose_name_plural = _("import confirmations")

    def __str__(self) -> str:
        return f"{self.certificate} received {self.date_received}"


class ReuseAlert(models.Model):
    """Raised when a certificate is presented again after its import was confirmed (possible reuse)."""

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="alerts")
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    details = models.JSONField(_("details"), default=dict)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        ordering = ["-raised_at"]
        verbose_name = _("reuse alert")
        verbose_name_plural = _("reuse alerts")

    def __str__(self) -> str:
        return f"{self.certificate} {self.raised_at:%Y-%m-%d}"
