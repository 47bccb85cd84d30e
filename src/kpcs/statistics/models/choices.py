"""Vocabularies shared by the statistics models."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

AMOUNT_DIGITS = 17  # amounts below 10^15 with 2 decimals (the import refuses anything larger)
SUM_DIGITS = 20  # sums of many amounts
ROUGH_HS = ("710210", "710221", "710231")


class Flow(models.TextChoices):
    PRODUCTION = "production", _("Production")
    EXPORT = "export", _("Exports")
    IMPORT = "import", _("Imports")


class TradeFlow(models.TextChoices):
    EXPORT = "export", _("Exports")
    IMPORT = "import", _("Imports")


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Year")
    HALF = "half", _("Half-year")
    QUARTER = "quarter", _("Quarter")


class MiningType(models.TextChoices):
    NOT_STATED = "", _("Not stated")
    ARTISANAL = "artisanal", _("Artisanal and alluvial")
    INDUSTRIAL = "industrial", _("Industrial")


class Source(models.TextChoices):
    UPLOAD = "upload", _("Upload page")
    API = "api", _("API")
    CLI = "cli", _("Command line")
    CERTIFICATES = "certificates", _("Derived from certificates")
    DEMO = "demo", _("Demo data")
