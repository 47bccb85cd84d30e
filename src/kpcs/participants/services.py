"""Writes to the participant registry. Each runs in a transaction and records its audit row."""

from __future__ import annotations

import datetime as dt

import pycountry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record, diff, snapshot
from kpcs.errors import Conflict, DomainError
from kpcs.participants.models import Authority, Company, Participant, StatusEvent
from kpcs.participants.status import STATE_AFTER, event_allowed

NON_ISO_CODES = {"EU"}  # exceptionally reserved in ISO 3166-1 for the European Union


def validate_country_code(code: str) -> str:
    code = (code or "").strip().upper()
    if code in NON_ISO_CODES or pycountry.countries.get(alpha_2=code) is not None:
        return code
    raise DomainError(_("%(code)s is not an ISO 3166-1 alpha-2 country code.") % {"code": code},
                      code="unknown_country")


def _validation_message(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@transaction.atomic
def participant_create(*, actor: Actor | None, code: str, kind: str, names: dict[str, str],
                       iso_alpha3: str = "", region: str = "", languages: list[str] | None = None,
                       producer: bool = False, notes: str = "") -> Participant:
    if actor is not None:
        require(actor, "registry.edit")
    code = validate_country_code(code)
    if Participant.objects.filter(code=code).exists():
        raise Conflict(_("A participant with code %(code)s already exists.") % {"code": code},
                       code="duplicate_code")
    participant = Participant(code=code, kind=kind, iso_alpha3=iso_alpha3, region=region,
                              languages=languages or [], producer=producer, notes=notes,
                              **{f"name_{lang}": names.get(lang) or names.get("en", "") for lang in
                                 ("en", "fr", "pt", "es", "ru")})
    try:
        participant.full_clean()
    except ValidationError as exc:
        raise DomainError(_validation_message(exc), code="invalid_participant") from None
    participant.save()
    audit_record(actor=actor, action="create", instance=participant, changes=snapshot(participant))
    return participant


@transaction.atomic
def participant_update(*, actor: Actor | None, participant: Participant, **fields: object) -> Participant:
    if actor is not None:
        require(actor, "registry.edit")
    before = snapshot(participant)
    for name, value in fields.items():
        if name in {"code", "id"}:
            raise DomainError(_("A participant's code cannot be changed."), code="immutable_code")
        setattr(participant, name, value)
    try:
        participant.full_clean()
    except ValidationError as exc:
        raise DomainError(_validation_message(exc), code="invalid_participant") from None
    participant.save()
    audit_record(actor=actor, action="update", instance=participant, changes=diff(before, snapshot(participant)))
    return participant


@transaction.atomic
def status_event_add(*, actor: Actor | None, participant: Participant, date: dt.date, kind: str,
                     certainty: str = StatusEvent.Certainty.CONFIRMED, source: str = "",
                     note: str = "") -> StatusEvent:
    """Append a dated status event. Events are appended in date order and must follow the status machine."""
    if actor is not None:
        require(actor, "registry.edit")
    if kind not in STATE_AFTER:
        raise DomainError(_("Unknown status event %(kind)s.") % {"kind": kind}, code="unknown_event")
    # Lock the participant row so two concurrent appends cannot both pass the order check.
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    last = participant.status_events.order_by("-date", "-id").first()
    if last is not None and date < last.date:
        raise DomainError(
            _("Status events must be in date order: %(date)s is before the last event (%(last)s on %(last_date)s).")
            % {"date": date.isoformat(), "last": last.get_kind_display(), "last_date": last.date.isoformat()},
            code="dates_out_of_order")
    current = STATE_AFTER[last.kind] if last else None
    if not event_allowed(current, kind):
        raise DomainError(
            _("%(event)s cannot follow the state %(state)s.")
            % {"event": StatusEvent.Kind(kind).label, "state": current or _("no history")},
            code="transition_not_allowed")
    event = StatusEvent(participant=participant, date=date, kind=kind, certainty=certainty, source=source,
                        note=note)
    try:
        event.full_clean()
        event.save()
    except (ValidationError, IntegrityError):
        raise Conflict(_("This status event is already recorded."), code="duplicate_event") from None
    audit_record(actor=actor, action="create", instance=event, changes=snapshot(event))
    return event


@transaction.atomic
def authority_create(*, actor: Actor | None, participant: Participant, name: str, exporting: bool = True,
                     importing: bool = True, email: str = "", address: str = "") -> Authority:
    if actor is not None:
        require(actor, "registry.edit")
    authority = Authority(participant=participant, name=name, exporting=exporting, importing=importing,
                          email=email, address=address)
    try:
        authority.full_clean()
    except ValidationError as exc:
        raise DomainError(_validation_message(exc), code="invalid_authority") from None
    authority.save()
    audit_record(actor=actor, action="create", instance=authority, changes=snapshot(authority))
    return authority


@transaction.atomic
def company_register(*, actor: Actor | None, authority: Authority, name: str, licence_number: str,
                     licensed_from: dt.date, licensed_until: dt.date | None = None, exporter: bool = True,
                     importer: bool = True, address: str = "") -> Company:
    """Register a licensed company with an authority of the actor's own participant."""
    if actor is not None:
        require(actor, "registry.company.register", participant=authority.participant.code)
    if licensed_until is not None and licensed_until < licensed_from:
        raise DomainError(_("The licence cannot end before it starts."), code="dates_out_of_order")
    if Company.objects.filter(participant=authority.participant, licence_number=licence_number).exists():
        raise Conflict(_("Licence number %(number)s is already registered.") % {"number": licence_number},
                       code="duplicate_licence")
    company = Company(participant=authority.participant, registered_by=authority, name=name,
                      licence_number=licence_number, licensed_from=licensed_from, licensed_until=licensed_until,
                      exporter=exporter, importer=importer, address=address)
    try:
        company.full_clean()
    except ValidationError as exc:
        raise DomainError(_validation_message(exc), code="invalid_company") from None
    company.save()
    audit_record(actor=actor, action="create", instance=company, changes=snapshot(company))
    return company
