"""Drafting, issuing, confirming, voiding, replacing and expiring certificates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kpcs import signing
from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record
from kpcs.certificates.models import (
    Certificate,
    CertificateLine,
    CertificateOrigin,
    ImportConfirmation,
    NumberSequence,
    ReuseAlert,
)
from kpcs.certificates.payload import payload_for
from kpcs.certificates.rules import (
    DraftInput,
    LineInput,
    OriginInput,
    Problem,
    RuleViolation,
    check_draft,
    line_totals,
)
from kpcs.certificates.services.keys import private_key, signing_key_active
from kpcs.certificates.status import TRANSITIONS, Status
from kpcs.errors import Conflict, DomainError, NotFound, PermissionDenied
from kpcs.participants.models import Authority, Participant
from kpcs.statistics.services.derived import statistics_certificate_changed


def _transition(certificate: Certificate, action: str, *, actor: Actor | None, note: str = "",
                extra: dict | None = None) -> None:
    """Move a certificate along TRANSITIONS and audit it. The caller holds the row lock and saves."""
    _check_transition(certificate, action)
    target = TRANSITIONS[action][1]
    before = certificate.status
    certificate.status = target
    audit_record(actor=actor, action="transition", instance=certificate,
                 changes={"status": [before, target], **(extra or {})}, note=note)
    statistics_certificate_changed(certificate.pk)  # derived statistics follow, once this commits


def _check_transition(certificate: Certificate, action: str) -> None:
    if certificate.status not in TRANSITIONS[action][0]:
        raise Conflict(_("A certificate that is %(status)s cannot be %(action)s.")
                       % {"status": Status(certificate.status).label.lower(), "action": _ACTION_WORDS[action]()},
                       code="invalid_transition")


_ACTION_WORDS = {
    "issue": lambda: _("issued"), "confirm": lambda: _("confirmed"), "expire": lambda: _("expired"),
    "void": lambda: _("voided"), "replace": lambda: _("replaced"), "discard": lambda: _("discarded"),
}


def _exporting_authority(actor: Actor, participant: Participant, authority_id: int | None) -> Authority:
    qs = Authority.objects.filter(participant=participant, exporting=True)
    authority = qs.filter(pk=authority_id).first() if authority_id else qs.order_by("id").first()
    if authority is None:
        raise DomainError(_("%(code)s has no exporting authority to issue certificates.")
                          % {"code": participant.code}, code="no_exporting_authority")
    return authority


def _save_content(certificate: Certificate, data: DraftInput) -> None:
    certificate.lines.all().delete()
    certificate.origins.all().delete()
    CertificateLine.objects.bulk_create([
        CertificateLine(certificate=certificate, hs_code=line.hs_code, carats=Decimal(str(line.carats)),
                        usd=Decimal(str(line.usd))) for line in data.lines])
    CertificateOrigin.objects.bulk_create([
        CertificateOrigin(certificate=certificate, country=o.country.upper(),
                          share=None if o.share is None else Decimal(str(o.share))) for o in data.origins])


@transaction.atomic
def certificate_draft_create(*, actor: Actor, exporting: str, data: DraftInput,
                             replaces: Certificate | None = None, today: dt.date | None = None) -> Certificate:
    """An authority officer prepares a draft for their own participant. Every rule is checked now (as if
    issued today) and again when a validator issues it."""
    require(actor, "certificates.draft", participant=exporting)
    participant = Participant.objects.get(code=exporting)
    problems, resolved = check_draft(participant, data, on=today or dt.date.today())
    if problems:
        raise RuleViolation(problems)
    carats, usd = line_totals(data.lines)
    certificate = Certificate(
        issuing_authority=_exporting_authority(actor, participant, data.authority_id),
        exporting_participant=participant, importing_participant=resolved["destination"],
        exporter=resolved["exporter"], importer=resolved["importer"], parcels=data.parcels,
        validity_days=data.validity_days, mixed_origin=data.mixed,
        provenance=(data.provenance or participant.code).upper(), total_carats=carats, total_usd=usd,
        prepared_by=actor.user, replaces=replaces)
    certificate.full_clean(exclude=["replaces"])
    certificate.save()
    _save_content(certificate, data)
    audit_record(actor=actor, action="create", instance=certificate,
                 changes={"status": [None, "draft"], "replaces": replaces.number if replaces else None})
    return certificate


def _next_number(participant: Participant, year: int) -> str:
    sequence, _created = NumberSequence.objects.get_or_create(participant=participant, year=year)
    sequence = NumberSequence.objects.select_for_update().get(pk=sequence.pk)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return f"{participant.code}{year}{sequence.last_value:06d}"


def draft_input_of(certificate: Certificate) -> DraftInput:
    return DraftInput(
        destination=certificate.importing_participant.code, exporter_id=certificate.exporter_id,
        importer_id=certificate.importer_id, parcels=certificate.parcels,
        lines=[LineInput(x.hs_code, x.carats, x.usd) for x in certificate.lines.all()],
        origins=[OriginInput(o.country, o.share) for o in certificate.origins.all()],
        mixed=certificate.mixed_origin, validity_days=certificate.validity_days, provenance=certificate.provenance,
        authority_id=certificate.issuing_authority_id)


@transaction.atomic
def certificate_validate(*, actor: Actor, certificate_id: int, today: dt.date | None = None) -> Certificate:
    """A validator of the exporting participant — not the officer who prepared it — validates the draft:
    the certificate gets its number, is signed and issued. Replacing a certificate marks the old one."""
    today = today or dt.date.today()
    certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
    if certificate is None or not actor.has_role("authority_validator", "authority_officer",
                                                 participant=certificate.exporting_participant.code):
        raise NotFound(_("No such certificate."))
    require(actor, "certificates.validate", participant=certificate.exporting_participant.code)
    if certificate.prepared_by_id == actor.user.pk:
        raise PermissionDenied(_("The officer who prepared a certificate cannot also validate it."),
                               code="same_person")
    problems, _resolved = check_draft(certificate.exporting_participant, draft_input_of(certificate), on=today)
    if problems:
        raise RuleViolation(problems)
    _check_transition(certificate, "issue")
    certificate.issue_date = today
    certificate.expiry_date = today + dt.timedelta(days=certificate.validity_days)
    certificate.validated_by = actor.user
    try:
        certificate.clean()  # the 60-day rule; the database constraints guard the rest
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), code="invalid_certificate") from None
    key = signing_key_active(authority=certificate.issuing_authority, on=today)
    signer = private_key(key)
    # The number is taken last: its row lock is then held only while signing, saving and committing.
    certificate.number = _next_number(certificate.exporting_participant, today.year)
    cose = signing.sign_certificate(payload_for(certificate), signer)
    certificate.signing_key = key
    certificate.cose = cose
    certificate.qr_text = signing.qr_text_from_cose(cose)
    _transition(certificate, "issue", actor=actor)
    certificate.save()
    if certificate.replaces_id:
        old = Certificate.objects.select_for_update().get(pk=certificate.replaces_id)
        _transition(old, "replace", actor=actor, extra={"replaced_by": certificate.number})
        old.save(update_fields=["status", "updated_at"])
    return certificate


def _flag_differences(certificate: Certificate, parcels: int, carats: Decimal, usd: Decimal) -> list[dict]:
    out = []
    for name, declared, received in (("parcels", certificate.parcels, parcels),
                                     ("carats", certificate.total_carats, carats), ("usd", certificate.total_usd, usd)):
        if Decimal(str(declared)) != Decimal(str(received)):
            out.append({"field": name, "certificate": str(declared), "received": str(received)})
    return out


def certificate_confirm(*, actor: Actor, number: str, date_received: dt.date, parcels: int, carats: Decimal,
                        usd: Decimal, note: str = "", today: dt.date | None = None) -> ImportConfirmation:
    """The importing authority confirms receipt. Differences from the certificate are flagged. A second
    confirmation is refused and raises a reuse alert (which is kept although the request fails)."""
    today = today or dt.date.today()
    alert = None
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(number=number).first()
        if certificate is None or not actor.has_role(
                "authority_officer", "authority_validator", "customs_verifier",
                participant=certificate.importing_participant.code):
            raise NotFound(_("No such certificate."))
        require(actor, "certificates.confirm", participant=certificate.importing_participant.code)
        if certificate.status == Status.ISSUED and certificate.expiry_date < today:
            _transition(certificate, "expire", actor=None, note="expired before confirmation")
            certificate.save(update_fields=["status", "updated_at"])
        if certificate.status == Status.CONFIRMED:
            alert = ReuseAlert.objects.create(certificate=certificate, raised_by=actor.user, details={
                "presented_on": today.isoformat(), "date_received": date_received.isoformat(),
                "parcels": parcels, "carats": str(carats), "usd": str(usd)})
            audit_record(actor=actor, action="create", instance=alert, changes={"certificate": number},
                         note="second confirmation refused")
    if alert is not None:
        raise Conflict(_("This certificate's import was already confirmed: the second confirmation is refused "
                         "and a reuse alert was raised."), code="already_confirmed")
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(number=number)
        problems = []
        if certificate.status == Status.EXPIRED:
            problems.append(Problem("certificate_expired", _(
                "This certificate expired on %(date)s: its import can no longer be confirmed.")
                % {"date": certificate.expiry_date.isoformat()}))
        elif certificate.status != Status.ISSUED:
            problems.append(Problem("invalid_transition", _(
                "A certificate that is %(status)s cannot be confirmed.")
                % {"status": Status(certificate.status).label.lower()}))
        if date_received > today:
            problems.append(Problem("received_in_future", _("The date received cannot be in the future."),
                                    "date_received"))
        elif certificate.issue_date and date_received < certificate.issue_date:
            problems.append(Problem("received_before_issue", _(
                "The date received cannot be before the date of issue."), "date_received"))
        if parcels < 1 or carats <= 0 or usd < 0:
            problems.append(Problem("invalid_amounts", _(
                "Parcels and carats received must be more than zero and the value cannot be negative.")))
        if problems:
            raise RuleViolation(problems)
        authority = Authority.objects.filter(participant=certificate.importing_participant,
                                             importing=True).order_by("id").first()
        if authority is None:
            raise DomainError(_("%(code)s has no importing authority.") % {
                "code": certificate.importing_participant.code}, code="no_importing_authority")
        confirmation = ImportConfirmation.objects.create(
            certificate=certificate, authority=authority, confirmed_by=actor.user, date_received=date_received,
            parcels=parcels, carats=carats, usd=usd, note=note,
            discrepancies=_flag_differences(certificate, parcels, carats, usd))
        _transition(certificate, "confirm", actor=actor,
                    extra={"discrepancies": confirmation.discrepancies} if confirmation.discrepancies else None)
        certificate.save(update_fields=["status", "updated_at"])
        return confirmation


@transaction.atomic
def certificate_void(*, actor: Actor, number: str, reason: str) -> Certificate:
    certificate = Certificate.objects.select_for_update().filter(number=number).first()
    if certificate is None or not actor.has_role("authority_officer", "authority_validator",
                                                 participant=certificate.exporting_participant.code):
        raise NotFound(_("No such certificate."))
    require(actor, "certificates.void", participant=certificate.exporting_participant.code)
    if not (reason or "").strip():
        raise DomainError(_("Give the reason for voiding the certificate."), code="reason_required")
    _transition(certificate, "void", actor=actor, note=reason)
    certificate.void_reason = reason
    certificate.save(update_fields=["status", "void_reason", "updated_at"])
    return certificate


@transaction.atomic
def certificate_replace(*, actor: Actor, number: str, data: DraftInput | None = None,
                        today: dt.date | None = None) -> Certificate:
    """Prepare the replacement of an issued certificate: a new draft that links to the old one. The old one
    becomes 'replaced' when the new one is validated."""
    old = Certificate.objects.select_for_update().filter(number=number).first()
    if old is None or not actor.has_role("authority_officer", "authority_validator",
                                         participant=old.exporting_participant.code):
        raise NotFound(_("No such certificate."))
    require(actor, "certificates.draft", participant=old.exporting_participant.code)
    if old.status != Status.ISSUED:
        raise Conflict(_("Only an issued certificate can be replaced."), code="invalid_transition")
    if Certificate.objects.filter(replaces=old).exists():
        raise Conflict(_("A replacement for this certificate is already being prepared."),
                       code="replacement_exists")
    return certificate_draft_create(actor=actor, exporting=old.exporting_participant.code,
                                    data=data or draft_input_of(old), replaces=old, today=today)


def certificates_expire(*, today: dt.date | None = None) -> int:
    """Mark every issued certificate whose expiry date has passed as expired. Returns how many."""
    today = today or dt.date.today()
    count = 0
    for pk in Certificate.objects.filter(status=Status.ISSUED, expiry_date__lt=today).values_list("pk", flat=True):
        with transaction.atomic():
            certificate = Certificate.objects.select_for_update().get(pk=pk)
            if certificate.status == Status.ISSUED and certificate.expiry_date < today:
                _transition(certificate, "expire", actor=None)
                certificate.save(update_fields=["status", "updated_at"])
                count += 1
    return count


def overdue_after_days() -> int:
    return settings.KPCS_CONFIRMATION_OVERDUE_DAYS
