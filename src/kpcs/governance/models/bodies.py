"""The Participation Committee's seats per year, and the scheme's working groups and committees."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kpcs.governance.status import BodyKind, BodyRole

ONE_MEMBER = (Q(participant__isnull=False) & Q(observer__isnull=True)) | (
    Q(participant__isnull=True) & Q(observer__isnull=False))


class CommitteeSeat(models.Model):
    """A seat on the Participation Committee for one year, held by a participant or an observer."""

    year = models.PositiveSmallIntegerField(_("year"))
    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="committee_seats", verbose_name=_("participant"))
    observer = models.ForeignKey("participants.Observer", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="committee_seats", verbose_name=_("observer"))
    is_chair = models.BooleanField(_("chairs the committee"), default=False)

    class Meta:
        ordering = ["year", "-is_chair", "participant__code", "observer__code"]
        verbose_name = _("Participation Committee seat")
        verbose_name_plural = _("Participation Committee seats")
        constraints = [
            models.CheckConstraint(condition=ONE_MEMBER, name="committee_seat_one_member"),
            models.CheckConstraint(condition=~Q(is_chair=True) | Q(participant__isnull=False),
                                   name="committee_chair_is_participant"),
            models.UniqueConstraint(fields=["year", "participant"], condition=Q(participant__isnull=False),
                                    name="committee_seat_unique_participant"),
            models.UniqueConstraint(fields=["year", "observer"], condition=Q(observer__isnull=False),
                                    name="committee_seat_unique_observer"),
            models.UniqueConstraint(fields=["year"], condition=Q(is_chair=True), name="committee_one_chair"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.member_code}{' (chair)' if self.is_chair else ''}"

    @property
    def member_code(self) -> str:
        return self.participant.code if self.participant_id else self.observer.code


class Body(models.Model):
    """A working group, committee or ad hoc body with its mandate."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    mandate = models.TextField(_("mandate"), blank=True)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name=_("reports to"))
    established_by = models.ForeignKey("governance.Decision", on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="bodies", verbose_name=_("established by"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name


class BodyMember(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members", verbose_name=_("body"))
    participant = models.ForeignKey("participants.Participant", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="body_memberships", verbose_name=_("participant"))
    observer = models.ForeignKey("participants.Observer", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="body_memberships", verbose_name=_("observer"))
    role = models.CharField(_("role"), max_length=10, choices=BodyRole.choices, default=BodyRole.MEMBER)

    class Meta:
        ordering = ["body", "-role", "participant__code", "observer__code"]
        verbose_name = _("body member")
        verbose_name_plural = _("body members")
        constraints = [
            models.CheckConstraint(condition=ONE_MEMBER, name="body_member_one_member"),
            models.UniqueConstraint(fields=["body", "participant"], condition=Q(participant__isnull=False),
                                    name="body_member_unique_participant"),
            models.UniqueConstraint(fields=["body", "observer"], condition=Q(observer__isnull=False),
                                    name="body_member_unique_observer"),
            models.UniqueConstraint(fields=["body"], condition=Q(role="chair"), name="body_one_chair"),
        ]

    def __str__(self) -> str:
        return f"{self.body_id}: {self.member_code} ({self.role})"

    @property
    def member_code(self) -> str:
        return self.participant.code if self.participant_id else self.observer.code
