"""Canonical CBOR: the one encoding the certificate format accepts."""

from __future__ import annotations

import cbor2

from kpcs.signing.errors import MalformedError

_MAX_DEPTH = 8  # the format nests at most 4 levels deep


def canonical_dumps(value: object) -> bytes:
    return cbor2.dumps(value, canonical=True)


def strict_loads(data: bytes, what: str) -> object:
    """Decode one CBOR item and require `data` to be exactly its canonical encoding.

    cbor2 silently ignores trailing bytes and accepts non-minimal or indefinite encodings; requiring
    the canonical form rejects all of those, so one logical value has exactly one accepted encoding.
    """
    if not isinstance(data, bytes):
        raise MalformedError(f"{what} must be bytes")
    try:
        value = cbor2.loads(data, max_depth=_MAX_DEPTH, allow_duplicate_keys=False)
        canonical = canonical_dumps(value)
    except (cbor2.CBORError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise MalformedError(f"{what} is not valid CBOR: {exc}") from None
    if canonical != data:
        raise MalformedError(f"{what} is not canonically encoded CBOR (or has trailing bytes)")
    return value
