"""The certificate's statuses and allowed transitions, as data. Only services move a certificate, and each
move writes an audit row."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
    CONFIRMED = "confirmed", _("Import confirmed")
    EXPIRED = "expired", _("Expired")
    VOID = "void", _("Void")
    REPLACED = "replaced", _("Replaced")


S = Status
# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "issue": (frozenset({S.DRAFT}), S.ISSUED),
    "confirm": (frozenset({S.ISSUED}), S.CONFIRMED),
    "expire": (frozenset({S.ISSUED}), S.EXPIRED),
    "void": (frozenset({S.ISSUED}), S.VOID),
    "replace": (frozenset({S.ISSUED}), S.REPLACED),
    "discard": (frozenset({S.DRAFT}), S.VOID),
}
TERMINAL = frozenset({S.CONFIRMED, S.EXPIRED, S.VOID, S.REPLACED})
SIGNED = frozenset({S.ISSUED, S.CONFIRMED, S.EXPIRED, S.VOID, S.REPLACED})
KP_HS_CODES = ("7102.10", "7102.21", "7102.31")
MAX_VALIDITY_DAYS = 60
