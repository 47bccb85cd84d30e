"""Reads of certificates, scoped to what the actor may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.roles import Role
from kpcs.audit.models import AuditEvent
from kpcs.certificates.models import Certificate, ReuseAlert
from kpcs.certificates.status import Status
from kpcs.errors import NotFound

AUTHORITY_SIDE = (Role.AUTHORITY_OFFICER, Role.AUTHORITY_VALIDATOR, Role.CUSTOMS_VERIFIER)


def _visible_to(actor: Actor) -> Q:
    if actor.is_secretariat:
        return Q()
    codes = actor.participants_for(*AUTHORITY_SIDE)
    # The importing side sees a certificate once it is issued; drafts stay with the exporting authority.
    return Q(exporting_participant__code__in=codes) | (
        Q(importing_participant__code__in=codes) & ~Q(status=Status.DRAFT))


def certificate_list(*, actor: Actor, status: str | None = None, participant: str | None = None,
                     date_from: dt.date | None = None, date_to: dt.date | None = None,
                     overdue: bool = False, today: dt.date | None = None) -> QuerySet[Certificate]:
    """Certificates the actor may see (those to or from their participant), newest first."""
    qs = Certificate.objects.filter(_visible_to(actor)).select_related(
        "exporting_participant", "importing_participant", "exporter", "importer", "issuing_authority")
    if status == "overdue":
        overdue, status = True, None
    if status:
        qs = qs.filter(status=status)
    if participant:
        qs = qs.filter(Q(exporting_participant__code=participant.upper())
                       | Q(importing_participant__code=participant.upper()))
    if date_from:
        qs = qs.filter(issue_date__gte=date_from)
    if date_to:
        qs = qs.filter(issue_date__lte=date_to)
    if overdue:
        limit = (today or dt.date.today()) - dt.timedelta(days=settings.KPCS_CONFIRMATION_OVERDUE_DAYS)
        qs = qs.filter(status=Status.ISSUED, issue_date__lt=limit)
    return qs.order_by("-issue_date", "-id")


def certificate_get(*, actor: Actor, number: str | None = None, pk: int | None = None) -> Certificate:
    """One certificate the actor may see; the same 'not found' for missing and not-yours."""
    qs = certificate_list(actor=actor).prefetch_related("lines", "origins")
    certificate = qs.filter(number=number).first() if number else qs.filter(pk=pk).first()
    if certificate is None:
        raise NotFound(_("No such certificate."))
    return certificate


def is_overdue(c: Certificate, *, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return c.status == Status.ISSUED and c.issue_date is not None and (
        today - c.issue_date).days > settings.KPCS_CONFIRMATION_OVERDUE_DAYS


def effective_status(c: Certificate, *, today: dt.date | None = None) -> str:
    """The status a verifier should see today: an issued certificate past its expiry date is expired even
    before the nightly sweep records it."""
    if c.status == Status.ISSUED and c.expiry_date and c.expiry_date < (today or dt.date.today()):
        return Status.EXPIRED
    return c.status


def certificate_history(c: Certificate) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type="certificates.certificate", object_id=str(c.pk)).order_by("at", "id")


def alert_list(*, actor: Actor) -> QuerySet[ReuseAlert]:
    return ReuseAlert.objects.filter(certificate__in=certificate_list(actor=actor)).select_related(
        "certificate", "raised_by")


@dataclass(frozen=True)
class PublicVerification:
    number: str
    status: str
    issue_date: dt.date | None
    expiry_date: dt.date | None
    exporting_participant: str | None
    importing_participant: str | None


def certificate_verify_public(*, number: str, today: dt.date | None = None) -> PublicVerification:
    """What anyone holding a certificate number may learn: status, dates and the two participants."""
    c = Certificate.objects.select_related("exporting_participant", "importing_participant").filter(
        number=(number or "").strip().upper()).exclude(status=Status.DRAFT).first()
    if c is None:
        return PublicVerification(number=number, status="unknown", issue_date=None, expiry_date=None,
                                  exporting_participant=None, importing_participant=None)
    status = effective_status(c, today=today)
    return PublicVerification(number=c.number, status="valid" if status == Status.ISSUED else status,
                              issue_date=c.issue_date, expiry_date=c.expiry_date,
                              exporting_participant=c.exporting_participant.code,
                              importing_participant=c.importing_participant.code)


@dataclass(frozen=True)
class CertificateCounts:
    drafts_to_validate: int
    issued: int
    overdue: int
    open_alerts: int


def certificate_counts(*, actor: Actor, today: dt.date | None = None) -> CertificateCounts:
    """What the dashboard shows an authority: drafts of their participant awaiting validation, certificates
    issued and not yet confirmed, those overdue for confirmation, and unresolved reuse alerts (two queries)."""
    limit = (today or dt.date.today()) - dt.timedelta(days=settings.KPCS_CONFIRMATION_OVERDUE_DAYS)
    exporting = Q() if actor.is_secretariat else Q(
        exporting_participant__code__in=actor.participants_for(*AUTHORITY_SIDE))
    counts = Certificate.objects.filter(_visible_to(actor)).aggregate(
        drafts=Count("id", filter=Q(status=Status.DRAFT) & exporting),
        issued=Count("id", filter=Q(status=Status.ISSUED)),
        overdue=Count("id", filter=Q(status=Status.ISSUED, issue_date__lt=limit)))
    alerts = ReuseAlert.objects.filter(resolved=False, certificate__in=Certificate.objects.filter(
        _visible_to(actor))).count()
    return CertificateCounts(drafts_to_validate=counts["drafts"], issued=counts["issued"],
                             overdue=counts["overdue"], open_alerts=alerts)
