"""Signing and offline verification of KP certificates (pure Python, no Django).

The wire format is documented in docs/certificate-format.md.
"""

from kpcs.signing.errors import KeyDecryptionError, MalformedError, TrustListError
from kpcs.signing.issue import certificate_qr_text, sign_certificate
from kpcs.signing.keys import SigningKey, derive_kek, key_id, open_private_key, seal_private_key
from kpcs.signing.payload import CertificatePayload, Line, Origin, Party
from kpcs.signing.qr import cose_from_qr_text, qr_png, qr_svg, qr_text_from_cose
from kpcs.signing.trustlist import (
    KeyStatus,
    TrustedKey,
    TrustList,
    build_trust_list,
    load_trust_list,
    parse_trust_list,
)
from kpcs.signing.verify import Reason, VerificationResult, to_report, verify_cose, verify_qr_text

__all__ = [
    "CertificatePayload",
    "KeyDecryptionError",
    "KeyStatus",
    "Line",
    "MalformedError",
    "Origin",
    "Party",
    "Reason",
    "SigningKey",
    "TrustList",
    "TrustListError",
    "TrustedKey",
    "VerificationResult",
    "build_trust_list",
    "certificate_qr_text",
    "cose_from_qr_text",
    "derive_kek",
    "key_id",
    "load_trust_list",
    "open_private_key",
    "parse_trust_list",
    "qr_png",
    "qr_svg",
    "qr_text_from_cose",
    "seal_private_key",
    "sign_certificate",
    "to_report",
    "verify_cose",
    "verify_qr_text",
]
