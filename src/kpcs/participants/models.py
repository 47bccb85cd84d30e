"""The participant registry: participants, observers, applicants, their dated status history,
authorities, licensed companies, Chairs, HS codes."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

OFFICIAL_LANGUAGES = ("en", "fr", "pt", "es", "ru")


class MultilingualName(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_pt = models.CharField(_("name (Portuguese)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        lang = (translation.get_language() or "en")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_en

    def name_in(self, lang: str) -> str:
        return getattr(self, f"name_{lang[:2]}", "") or self.name_en


class Participant(MultilingualName):
    """A government, a regional economic integration organisation, or a trading entity, as known to
    the registry. Whether it is a participant on a given date follows from its status history."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        REGIONAL_ORGANISATION = "regional_organisation", _("Regional economic integration organisation")
        TRADING_ENTITY = "trading_entity", _("Trading entity")

    code = models.CharField(_("code"), max_length=2, unique=True,
                            help_text=_("ISO 3166-1 alpha-2 code, or EU for the European Union."))
    iso_alpha3 = models.CharField(_("ISO alpha-3 code"), max_length=3, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.GOVERNMENT)
    languages = models.JSONField(_("languages"), default=list, blank=True,
                                 help_text=_("Languages spoken, as ISO 639-1 codes."))
    region = models.CharField(_("region"), max_length=40, blank=True)
    producer = models.BooleanField(_("producer of rough diamonds"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="participant_code_alpha2"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"


class StatusEvent(models.Model):
    """A dated change of a participant's standing. The latest event on or before a date gives the state."""

    class Kind(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ADMITTED = "admitted", _("Admitted")
        SUSPENDED = "suspended", _("Suspended")
        SELF_SUSPENDED = "self_suspended", _("Self-suspended")
        REMOVED = "removed", _("Removed")
        READMITTED = "readmitted", _("Re-admitted")
        REINSTATED = "reinstated", _("Suspension lifted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Certainty(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed by a source")
        INFERRED = "inferred", _("Inferred from sources")
        UNVERIFIED = "unverified", _("Not verified")

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="status_events",
                                    verbose_name=_("participant"))
    date = models.DateField(_("date"))
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    certainty = models.CharField(_("certainty"), max_length=12, choices=Certainty.choices,
                                 default=Certainty.CONFIRMED)
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["participant__code", "date", "id"]
        verbose_name = _("status event")
        verbose_name_plural = _("status events")
        constraints = [
            models.UniqueConstraint(fields=["participant", "date", "kind"], name="status_event_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.participant.code} {self.date} {self.kind}"


class MemberState(models.Model):
    """A country covered by a regional participant (the European Union) for a period."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="member_states",
                                    verbose_name=_("participant"))
    country_code = models.CharField(_("country code"), max_length=2)
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["country_code"]
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        constraints = [
            models.UniqueConstraint(fields=["participant", "country_code", "since"], name="member_state_unique"),
            models.CheckConstraint(condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                                   name="member_state_dates_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.participant.code}:{self.country_code}"


class Observer(MultilingualName):
    class Kind(models.TextChoices):
        INDUSTRY = "industry", _("Industry")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        INDEPENDENT = "independent", _("Independent observer")

    code = models.CharField(_("code"), max_length=10, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    active = models.BooleanField(_("active"), default=True)
    since_text = models.CharField(_("since"), max_length=200, blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("observer")
        verbose_name_plural = _("observers")

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"


class Authority(models.Model):
    """A body a participant designates to issue and validate certificates, or to receive them."""

    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="authorities",
                                    verbose_name=_("participant"))
    name = models.CharField(_("name"), max_length=200)
    exporting = models.BooleanField(_("exporting authority"), default=True)
    importing = models.BooleanField(_("importing authority"), default=True)
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["participant__code", "name"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")
        constraints = [
            models.UniqueConstraint(fields=["participant", "name"], name="authority_unique_name"),
            models.CheckConstraint(condition=Q(exporting=True) | Q(importing=True),
                                   name="authority_exports_or_imports"),
        ]

    def __str__(self) -> str:
        return f"{self.participant.code} {self.name}"


class Company(models.Model):
    """A licensed exporter and/or importer of rough diamonds, registered by an authority."""

    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="companies",
                                    verbose_name=_("participant"))
    registered_by = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="companies",
                                      verbose_name=_("registered by"))
    name = models.CharField(_("name"), max_length=200)
    licence_number = models.CharField(_("licence number"), max_length=60)
    exporter = models.BooleanField(_("licensed exporter"), default=True)
    importer = models.BooleanField(_("licensed importer"), default=True)
    licensed_from = models.DateField(_("licensed from"))
    licensed_until = models.DateField(_("licensed until"), null=True, blank=True)
    address = models.TextField(_("address"), blank=True)

    class Meta:
        ordering = ["participant__code", "name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.UniqueConstraint(fields=["participant", "licence_number"], name="company_unique_licence"),
            models.CheckConstraint(condition=Q(exporter=True) | Q(importer=True),
                                   name="company_exports_or_imports"),
            models.CheckConstraint(
                condition=Q(licensed_until__isnull=True) | Q(licensed_until__gte=models.F("licensed_from")),
                name="company_licence_dates_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.participant.code} {self.name}"


class ChairTerm(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    chair = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="chair_terms",
                              verbose_name=_("Chair"))
    chair_person = models.CharField(_("Chair (person)"), max_length=200, blank=True)
    vice_chair = models.ForeignKey(Participant, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="vice_chair_terms", verbose_name=_("Vice-Chair"))
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("Chair term")
        verbose_name_plural = _("Chair terms")

    def __str__(self) -> str:
        return f"{self.year}: {self.chair.code}"


class HSCode(models.Model):
    code = models.CharField(_("HS code"), max_length=7, unique=True, help_text=_("Dotted, e.g. 7102.31"))
    level = models.CharField(_("level"), max_length=12)
    description = models.TextField(_("description"))
    in_scope = models.BooleanField(_("rough diamonds under the scheme"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")

    def __str__(self) -> str:
        return self.code
