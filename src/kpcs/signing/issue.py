"""Producing signed certificates: payload -> COSE_Sign1 -> QR text."""

from __future__ import annotations

from kpcs.signing import cose
from kpcs.signing.keys import SigningKey
from kpcs.signing.payload import CertificatePayload
from kpcs.signing.qr import qr_text_from_cose


def sign_certificate(payload: CertificatePayload, key: SigningKey) -> bytes:
    """The COSE_Sign1 bytes for `payload`, signed by `key` (deterministic: Ed25519 is)."""
    return cose.sign(payload.to_cbor(), key)


def certificate_qr_text(payload: CertificatePayload, key: SigningKey) -> str:
    return qr_text_from_cose(sign_certificate(payload, key))
