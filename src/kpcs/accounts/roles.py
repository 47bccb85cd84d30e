"""Roles and the scope each one needs."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    AUTHORITY_OFFICER = "authority_officer", _("Authority officer")
    AUTHORITY_VALIDATOR = "authority_validator", _("Authority validator")
    CUSTOMS_VERIFIER = "customs_verifier", _("Customs verifier")
    STATISTICS_FOCAL_POINT = "statistics_focal_point", _("Statistics focal point")
    WGS_ANALYST = "wgs_analyst", _("Working Group on Statistics analyst")
    REVIEW_COORDINATOR = "review_coordinator", _("Peer review coordinator")
    PARTICIPATION_COMMITTEE = "participation_committee", _("Participation Committee member")
    SECRETARIAT_ADMIN = "secretariat_admin", _("Chair/Secretariat administrator")
    OBSERVER = "observer", _("Observer")


# Roles that act for one participant: a membership must name it.
PARTICIPANT_SCOPED = frozenset({
    Role.AUTHORITY_OFFICER, Role.AUTHORITY_VALIDATOR, Role.CUSTOMS_VERIFIER, Role.STATISTICS_FOCAL_POINT,
})
# Roles that act for an observer organisation.
OBSERVER_SCOPED = frozenset({Role.OBSERVER})
# Roles of the scheme's bodies; the committee member may also name the participant or observer seated.
SCHEME_WIDE = frozenset({
    Role.WGS_ANALYST, Role.REVIEW_COORDINATOR, Role.PARTICIPATION_COMMITTEE, Role.SECRETARIAT_ADMIN,
})
AUTHORITY_ROLES = frozenset({Role.AUTHORITY_OFFICER, Role.AUTHORITY_VALIDATOR})
