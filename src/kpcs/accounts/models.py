from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kpcs.accounts.roles import OBSERVER_SCOPED, PARTICIPANT_SCOPED, Role


class User(AbstractUser):
    preferred_language = models.CharField(_("preferred language"), max_length=5, choices=settings.LANGUAGES,
                                          default="en")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Membership(models.Model):
    """A user's role, scoped to the participant or observer organisation they act for."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="memberships", verbose_name=_("participant"))
    observer = models.ForeignKey("participants.Observer", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="memberships", verbose_name=_("observer organisation"))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "participant", "observer"], name="membership_unique"),
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    (Q(role__in=sorted(PARTICIPANT_SCOPED)) & Q(participant__isnull=False)
                     & Q(observer__isnull=True))
                    | (Q(role__in=sorted(OBSERVER_SCOPED)) & Q(observer__isnull=False)
                       & Q(participant__isnull=True))
                    | (~Q(role__in=sorted(PARTICIPANT_SCOPED | OBSERVER_SCOPED))
                       & (Q(participant__isnull=True) | Q(observer__isnull=True)))
                ),
            ),
        ]

    def __str__(self) -> str:
        scope = (self.participant_id and self.participant.code) or (self.observer_id and self.observer.code) or ""
        return f"{self.user.username}: {self.role} {scope}".strip()


class ApiToken(models.Model):
    """A token for system-to-system use. Only a SHA-256 digest is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(_("prefix"), max_length=12, unique=True)
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user.username} {self.prefix}…"


class LoginAttempt(models.Model):
    """Failed logins, kept to throttle guessing by username and by client address."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")

    def __str__(self) -> str:
        return f"{self.username}@{self.address} {self.at:%Y-%m-%d %H:%M}"
