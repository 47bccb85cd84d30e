"""The public trust list: which Ed25519 keys may sign certificates for which participant, and when."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kpcs.signing.errors import MalformedError, TrustListError
from kpcs.signing.fields import check_code, check_text, parse_date
from kpcs.signing.keys import KID_LENGTH, RAW_KEY_LENGTH, key_id, load_public_key

ALG_EDDSA = "EdDSA"
_B64URL_RE = re.compile(r"[A-Za-z0-9_-]*")
_ENTRY_KEYS = frozenset(
    {"kid", "participant", "authority", "alg", "public_key", "valid_from", "valid_until", "status"}
)


class KeyStatus(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"  # no longer signs; what it signed inside its validity window stays valid
    REVOKED = "revoked"  # compromised or withdrawn; nothing it signed verifies


@dataclass(frozen=True, slots=True)
class TrustedKey:
    """One trust list entry. The kid is derived from the public key, so they cannot disagree."""

    public_key: bytes
    participant: str
    authority: str
    valid_from: date
    valid_until: date | None = None
    status: KeyStatus = KeyStatus.ACTIVE

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "status", KeyStatus(self.status))
        except (ValueError, TypeError):
            raise TrustListError(f"unknown key status {self.status!r}") from None
        try:
            check_code(self.participant, "participant")
            check_text(self.authority, "authority")
        except MalformedError as exc:
            raise TrustListError(str(exc)) from None
        if not isinstance(self.public_key, bytes) or len(self.public_key) != RAW_KEY_LENGTH:
            raise TrustListError(f"public_key must be {RAW_KEY_LENGTH} bytes")
        if type(self.valid_from) is not date or not (
            self.valid_until is None or type(self.valid_until) is date
        ):
            raise TrustListError("valid_from must be a date and valid_until a date or None")
        if self.valid_until is not None and self.valid_until < self.valid_from:
            raise TrustListError(f"key {b64url_encode(self.kid)}: valid_until is before valid_from")
        if self.status is KeyStatus.RETIRED and self.valid_until is None:
            raise TrustListError(f"key {b64url_encode(self.kid)}: a retired key needs valid_until")

    @property
    def kid(self) -> bytes:
        return key_id(self.public_key)

    def is_valid_on(self, day: date) -> bool:
        """Whether `day` lies inside valid_from..valid_until (inclusive); status is not considered."""
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def to_json(self) -> dict[str, str | None]:
        return {
            "kid": b64url_encode(self.kid),
            "participant": self.participant,
            "authority": self.authority,
            "alg": ALG_EDDSA,
            "public_key": b64url_encode(self.public_key),
            "valid_from": self.valid_from.isoformat(),
            "valid_until": None if self.valid_until is None else self.valid_until.isoformat(),
            "status": self.status.value,
        }

    @classmethod
    def from_json(cls, entry: object) -> TrustedKey:
        if not isinstance(entry, dict):
            raise TrustListError("each trust list entry must be an object")
        missing = sorted(_ENTRY_KEYS - set(entry))
        if missing:
            raise TrustListError(f"trust list entry lacks {missing}")
        if entry["alg"] != ALG_EDDSA:
            raise TrustListError(f"unsupported alg {entry['alg']!r}")
        try:
            valid_from = parse_date(entry["valid_from"], "valid_from")
            until = entry["valid_until"]
            valid_until = None if until is None else parse_date(until, "valid_until")
        except MalformedError as exc:
            raise TrustListError(str(exc)) from None
        key = cls(
            public_key=b64url_decode(entry["public_key"], "public_key", RAW_KEY_LENGTH),
            participant=entry["participant"],
            authority=entry["authority"],
            valid_from=valid_from,
            valid_until=valid_until,
            status=entry["status"],
        )
        if b64url_decode(entry["kid"], "kid", KID_LENGTH) != key.kid:
            raise TrustListError(f"kid {entry['kid']} does not match its public key")
        return key


class TrustList:
    """Trusted keys indexed by kid. Immutable after construction."""

    __slots__ = ("_by_kid", "_public_keys")

    def __init__(self, keys: Iterable[TrustedKey]) -> None:
        by_kid: dict[bytes, TrustedKey] = {}
        for key in keys:
            if key.kid in by_kid:
                raise TrustListError(f"duplicate kid {b64url_encode(key.kid)}")
            by_kid[key.kid] = key
        self._by_kid: Mapping[bytes, TrustedKey] = by_kid
        # Loaded once here rather than on every verification.
        self._public_keys: Mapping[bytes, Ed25519PublicKey] = {
            kid: load_public_key(key.public_key) for kid, key in by_kid.items()
        }

    def get(self, kid: bytes) -> TrustedKey | None:
        return self._by_kid.get(kid)

    def public_key(self, kid: bytes) -> Ed25519PublicKey:
        """The loaded public key of the trusted key `kid` (KeyError if there is none)."""
        return self._public_keys[kid]

    def __iter__(self) -> Iterator[TrustedKey]:
        return iter(self._by_kid.values())

    def __len__(self) -> int:
        return len(self._by_kid)

    def __repr__(self) -> str:
        return f"TrustList({len(self)} keys)"


def parse_trust_list(document: object) -> TrustList:
    """Validate a decoded trust list document ({"keys": [...]}); unknown extra fields are ignored."""
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise TrustListError('a trust list must be an object with a "keys" array')
    return TrustList(TrustedKey.from_json(entry) for entry in document["keys"])


def load_trust_list(text: str | bytes) -> TrustList:
    """Parse trust list JSON text."""
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_names)
    except (ValueError, UnicodeDecodeError) as exc:
        raise TrustListError(f"trust list is not valid JSON: {exc}") from None
    return parse_trust_list(document)


def _no_duplicate_names(pairs: list[tuple[str, object]]) -> dict[str, object]:
    names = [name for name, _ in pairs]
    if len(set(names)) != len(names):
        raise ValueError("duplicate member name in a JSON object")
    return dict(pairs)


def build_trust_list(keys: Iterable[TrustedKey]) -> dict[str, list[dict[str, str | None]]]:
    """The JSON document for GET /api/v1/trust-list (validated: duplicate kids are refused)."""
    trust_list = TrustList(keys)
    return {"keys": [key.to_json() for key in sorted(trust_list, key=lambda k: (k.participant, k.kid))]}


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: object, what: str, length: int) -> bytes:
    """Strict base64url without padding: only the canonical encoding of exactly `length` bytes."""
    if not isinstance(text, str) or not _B64URL_RE.fullmatch(text):
        raise TrustListError(f"{what} must be unpadded base64url text")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise TrustListError(f"{what} is not valid base64url") from None
    if len(data) != length or b64url_encode(data) != text:
        raise TrustListError(f"{what} must be the base64url encoding of {length} bytes")
    return data
