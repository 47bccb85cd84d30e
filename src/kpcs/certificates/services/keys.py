"""Signing keys per issuing authority: creation, rotation (the old key is retired and keeps verifying what it
signed), revocation, and the public trust list."""

from __future__ import annotations

import datetime as dt
import functools

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from kpcs import signing
from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record
from kpcs.certificates.models import SigningKey
from kpcs.errors import Conflict
from kpcs.participants.models import Authority


@functools.cache
def _kek(secret: str) -> bytes:
    return signing.derive_kek(secret)


def kek() -> bytes:
    return _kek(settings.KPCS_KEY_ENCRYPTION_SECRET)


def _create(authority: Authority, valid_from: dt.date) -> SigningKey:
    key = signing.SigningKey.generate()
    return SigningKey.objects.create(
        authority=authority, kid=key.kid.hex(), public_key=key.public_raw,
        sealed_private_key=signing.seal_private_key(key.private_raw(), kek()), valid_from=valid_from)


@transaction.atomic
def signing_key_active(*, authority: Authority, on: dt.date) -> SigningKey:
    """The authority's active key, created on first use."""
    Authority.objects.select_for_update().filter(pk=authority.pk).first()
    key = SigningKey.objects.filter(authority=authority, status=SigningKey.KeyStatus.ACTIVE).first()
    if key is None:
        key = _create(authority, on)
        audit_record(actor=None, action="create", instance=key, changes={"kid": key.kid, "status": key.status})
    return key


def private_key(key: SigningKey) -> signing.SigningKey:
    return signing.SigningKey.from_private_raw(signing.open_private_key(bytes(key.sealed_private_key), kek()))


@transaction.atomic
def signing_key_rotate(*, actor: Actor | None, authority: Authority, on: dt.date) -> SigningKey:
    """Retire the active key (valid until the day before ``on``) and start a new one from ``on``."""
    if actor is not None:
        require(actor, "certificates.keys", participant=authority.participant.code)
    Authority.objects.select_for_update().filter(pk=authority.pk).first()
    old = SigningKey.objects.filter(authority=authority, status=SigningKey.KeyStatus.ACTIVE).first()
    if old is not None:
        old.status = SigningKey.KeyStatus.RETIRED
        old.valid_until = max(old.valid_from, on - dt.timedelta(days=1))
        old.save(update_fields=["status", "valid_until"])
        audit_record(actor=actor, action="transition", instance=old,
                     changes={"status": ["active", "retired"], "valid_until": str(old.valid_until)})
    new = _create(authority, on)
    audit_record(actor=actor, action="create", instance=new, changes={"kid": new.kid, "status": new.status})
    return new


@transaction.atomic
def signing_key_revoke(*, actor: Actor | None, key: SigningKey, reason: str) -> SigningKey:
    if actor is not None:
        require(actor, "certificates.keys", participant=key.authority.participant.code)
    key = SigningKey.objects.select_for_update().get(pk=key.pk)
    if key.status == SigningKey.KeyStatus.REVOKED:
        raise Conflict(_("This key is already revoked."), code="already_revoked")
    before = key.status
    key.status = SigningKey.KeyStatus.REVOKED
    key.revocation_reason = reason
    key.valid_until = key.valid_until or dt.date.today()
    key.save(update_fields=["status", "revocation_reason", "valid_until"])
    audit_record(actor=actor, action="transition", instance=key, changes={"status": [before, "revoked"]},
                 note=reason)
    return key


def trust_list_entries() -> list[signing.TrustedKey]:
    return [
        signing.TrustedKey(public_key=bytes(k.public_key), participant=k.authority.participant.code,
                           authority=k.authority.name, valid_from=k.valid_from, valid_until=k.valid_until,
                           status=k.status)
        for k in SigningKey.objects.select_related("authority__participant").order_by("id")
    ]


def trust_list_document() -> dict:
    return signing.build_trust_list(trust_list_entries())
