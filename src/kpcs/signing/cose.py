"""COSE_Sign1 (RFC 9052) with EdDSA, restricted to the one shape KP certificates use.

Shape: tag 18 ( [ protected: bstr .cbor {1: -8, 4: kid}, unprotected: {}, payload: bstr,
signature: bstr ] ), signed over Sig_structure ["Signature1", protected, h'', payload].
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import cbor2
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kpcs.signing.cbor import canonical_dumps, loads, require_canonical
from kpcs.signing.errors import MalformedError
from kpcs.signing.keys import KID_LENGTH, SigningKey, load_public_key, verify_with_key

COSE_SIGN1_TAG = 18
HEADER_ALG = 1
HEADER_KID = 4
ALG_EDDSA = -8
SIGNATURE_LENGTH = 64
_SIG_CONTEXT = "Signature1"
_EXTERNAL_AAD = b""


@dataclass(frozen=True, slots=True)
class CoseSign1:
    """A decoded, not yet verified, COSE_Sign1 message."""

    protected: bytes
    kid: bytes
    payload: bytes
    signature: bytes

    def to_be_signed(self) -> bytes:
        return sig_structure(self.protected, self.payload)

    def verify(self, public_raw: bytes) -> bool:
        return self.verify_with(load_public_key(public_raw))

    def verify_with(self, public_key: Ed25519PublicKey) -> bool:
        return verify_with_key(public_key, self.signature, self.to_be_signed())


def protected_header(kid: bytes) -> bytes:
    return canonical_dumps({HEADER_ALG: ALG_EDDSA, HEADER_KID: kid})


# The canonical encoding of protected_header(kid) is this prefix followed by the kid.
_PROTECTED_PREFIX = protected_header(bytes(KID_LENGTH))[:-KID_LENGTH]


def sig_structure(protected: bytes, payload: bytes) -> bytes:
    return canonical_dumps([_SIG_CONTEXT, protected, _EXTERNAL_AAD, payload])


def sign(payload: bytes, key: SigningKey) -> bytes:
    """Produce tagged COSE_Sign1 bytes over `payload` with the key's kid in the protected header."""
    protected = protected_header(key.kid)
    signature = key.sign(sig_structure(protected, payload))
    message = cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature])
    return canonical_dumps(message)


def decode(data: bytes) -> CoseSign1:
    """Strictly decode COSE_Sign1 bytes; anything but the expected shape raises MalformedError."""
    outer = loads(data, "COSE_Sign1")
    if not isinstance(outer, cbor2.CBORTag) or outer.tag != COSE_SIGN1_TAG:
        raise MalformedError("not a CBOR tag 18 (COSE_Sign1)")
    items = outer.value
    # cbor2 6 decodes a tag's content as immutable containers (tuple, frozendict).
    if not isinstance(items, list | tuple) or len(items) != 4:
        raise MalformedError("COSE_Sign1 must be an array of 4 items")
    protected, unprotected, payload, signature = items
    if not isinstance(protected, bytes):
        raise MalformedError("protected header must be a byte string")
    if not isinstance(unprotected, Mapping) or unprotected:
        raise MalformedError("unprotected header must be an empty map")
    if not isinstance(payload, bytes):
        raise MalformedError("payload must be a byte string (detached payloads are not supported)")
    if not isinstance(signature, bytes) or len(signature) != SIGNATURE_LENGTH:
        raise MalformedError("signature must be a 64-byte byte string")
    # Byte strings and one empty map: no key order to get wrong.
    require_canonical(outer, data, "COSE_Sign1", keys_in_order=True)
    return CoseSign1(
        protected=protected, kid=_parse_protected(protected), payload=payload, signature=signature
    )


def _parse_protected(protected: bytes) -> bytes:
    """The kid, from a protected header that must be exactly protected_header(kid)."""
    # One accepted header means one accepted encoding, so comparing bytes is the whole check.
    if len(protected) == len(_PROTECTED_PREFIX) + KID_LENGTH and protected.startswith(_PROTECTED_PREFIX):
        return protected[len(_PROTECTED_PREFIX) :]
    raise MalformedError(_protected_header_fault(protected))


def _protected_header_fault(protected: bytes) -> str:
    """Why a protected header other than protected_header(kid) is refused."""
    try:
        header = loads(protected, "protected header")
    except MalformedError as exc:
        return str(exc)
    # The type check matters: True == 1 in Python, so a `true` label would otherwise pass as alg.
    if (
        not isinstance(header, dict)
        or set(header) != {HEADER_ALG, HEADER_KID}
        or any(type(label) is not int for label in header)
    ):
        return "protected header must be a map with exactly alg (1) and kid (4)"
    alg = header[HEADER_ALG]
    if type(alg) is not int or alg != ALG_EDDSA:
        return "alg must be EdDSA (-8)"
    kid = header[HEADER_KID]
    if not isinstance(kid, bytes) or len(kid) != KID_LENGTH:
        return f"kid must be a {KID_LENGTH}-byte byte string"
    return "protected header is not canonically encoded CBOR (or has trailing bytes)"
