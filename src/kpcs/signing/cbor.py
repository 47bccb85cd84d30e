"""Canonical CBOR: the one encoding the certificate format accepts.

Strict decoding takes two steps, so one logical value has exactly one accepted encoding:

1. `loads` decodes. cbor2 alone would accept trailing bytes and non-minimal or indefinite encodings.
2. The caller checks the value's shape, then `require_canonical` checks that the data is exactly
   the value's canonical encoding, which refuses all of those.

Why the split: cbor2's canonical encoder re-sorts every map, which costs more than decoding and
validating a certificate payload put together. Once a caller has checked the shape, it knows each
map's keys, so it can compare their order with `canonical_order` instead, and the plain encoder
(which writes maps in their decoded order) gives the same bytes as the canonical one.
"""

from __future__ import annotations

from collections.abc import Iterable

import cbor2

from kpcs.signing.errors import MalformedError

_MAX_DEPTH = 8  # the format nests at most 4 levels deep


def canonical_dumps(value: object) -> bytes:
    return cbor2.dumps(value, canonical=True)


def canonical_order(keys: Iterable[object]) -> tuple[object, ...]:
    """The order in which canonical encoding writes a map with these keys (taken from cbor2 itself)."""
    return tuple(cbor2.loads(canonical_dumps(dict.fromkeys(keys))))


def loads(data: bytes, what: str) -> object:
    """Decode one CBOR item; the caller must finish with `require_canonical`."""
    if not isinstance(data, bytes):
        raise MalformedError(f"{what} must be bytes")
    try:
        return cbor2.loads(data, max_depth=_MAX_DEPTH, allow_duplicate_keys=False)
    except (cbor2.CBORError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise MalformedError(f"{what} is not valid CBOR: {exc}") from None


def require_canonical(value: object, data: bytes, what: str, *, keys_in_order: bool) -> None:
    """Require `data`, which `value` was decoded from, to be exactly the canonical encoding of `value`.

    Only for a `value` the caller has checked to hold nothing but integers, text and byte strings,
    booleans, null, arrays, maps and CBORTag objects around those, with `keys_in_order` saying
    whether every map's keys are in `canonical_order`. For such values cbor2's plain encoder gives
    the canonical encoding once the keys are in order: both write the shortest heads and definite
    lengths, and canonical mode otherwise only shortens floats and sorts sets, which such values
    lack. A trailing byte, or any other deviation in `data`, makes the comparison fail.
    """
    if not keys_in_order or cbor2.dumps(value) != data:
        raise MalformedError(f"{what} is not canonically encoded CBOR (or has trailing bytes)")
