"""Offline verification of a certificate QR text against a trust list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kpcs.signing import cose
from kpcs.signing.errors import MalformedError
from kpcs.signing.messages import VALID, render_message
from kpcs.signing.payload import CertificatePayload
from kpcs.signing.qr import cose_from_qr_text
from kpcs.signing.trustlist import KeyStatus, TrustedKey, TrustList, b64url_encode


class Reason(StrEnum):
    """Why a certificate is not valid, in the order the checks run."""

    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    REVOKED_KEY = "revoked_key"
    KEY_NOT_VALID_ON_ISSUE_DATE = "key_not_valid_on_issue_date"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class VerificationResult:
    valid: bool
    reason: Reason | None
    payload: CertificatePayload | None = None  # decoded content; authentic only if signature_verified
    kid: bytes | None = None
    key: TrustedKey | None = None
    signature_verified: bool = False
    detail: str | None = None  # why it is malformed, for logs; not a user-facing message


def verify_qr_text(text: str, trust_list: TrustList, *, today: date) -> VerificationResult:
    if type(today) is not date:
        raise TypeError("today must be a datetime.date, not a datetime")
    try:
        data = cose_from_qr_text(text)
    except MalformedError as exc:
        return VerificationResult(valid=False, reason=Reason.MALFORMED, detail=str(exc))
    return verify_cose(data, trust_list, today=today)


def verify_cose(data: bytes, trust_list: TrustList, *, today: date) -> VerificationResult:
    """Checks, in order: decode, key lookup, signature, revocation, key validity window, expiry."""
    if type(today) is not date:
        raise TypeError("today must be a datetime.date, not a datetime")
    try:
        message = cose.decode(data)
        payload = CertificatePayload.from_cbor(message.payload)
    except MalformedError as exc:
        return VerificationResult(valid=False, reason=Reason.MALFORMED, detail=str(exc))

    def fail(reason: Reason, key: TrustedKey | None = None, verified: bool = False) -> VerificationResult:
        return VerificationResult(False, reason, payload, message.kid, key, signature_verified=verified)

    key = trust_list.get(message.kid)
    # A key only vouches for its own participant's certificates.
    if key is None or key.participant != payload.exporting_participant:
        return fail(Reason.UNKNOWN_KEY)
    if not message.verify_with(trust_list.public_key(message.kid)):
        return fail(Reason.BAD_SIGNATURE, key)
    if key.status is KeyStatus.REVOKED:
        return fail(Reason.REVOKED_KEY, key, verified=True)
    # Status "retired" is deliberately not checked: a retired key's valid_until bounds what it signed.
    if not key.is_valid_on(payload.issue_date):
        return fail(Reason.KEY_NOT_VALID_ON_ISSUE_DATE, key, verified=True)
    if today > payload.expiry_date:
        return fail(Reason.EXPIRED, key, verified=True)
    return VerificationResult(True, None, payload, message.kid, key, signature_verified=True)


def message_code(result: VerificationResult) -> str:
    """The key into messages.MESSAGES: the reason code, or "valid"."""
    return VALID if result.reason is None else result.reason.value


def message_params(result: VerificationResult) -> dict[str, str]:
    """Values for every placeholder any message uses (empty strings where unknown)."""
    payload = result.payload
    params = dict.fromkeys(("participant", "number", "authority", "issue_date", "expiry_date"), "")
    params["kid"] = "" if result.kid is None else b64url_encode(result.kid)
    if payload is not None:
        params |= {
            "participant": payload.exporting_participant,
            "number": payload.number,
            "authority": payload.authority,
            "issue_date": payload.issue_date.isoformat(),
            "expiry_date": payload.expiry_date.isoformat(),
        }
    return params


def to_report(result: VerificationResult) -> dict[str, object]:
    """A JSON-serialisable report: verdict, English message, and what could be decoded."""
    payload, key = result.payload, result.key
    return {
        "valid": result.valid,
        "reason": None if result.reason is None else result.reason.value,
        "message": render_message(message_code(result), message_params(result)),
        "detail": result.detail,
        "kid": None if result.kid is None else b64url_encode(result.kid),
        "signature_verified": result.signature_verified,
        "key": None if key is None else key.to_json(),
        "certificate": None if payload is None else payload.to_map(),
    }
