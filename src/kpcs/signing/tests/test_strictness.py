"""The fast decoding paths accept exactly what the straightforward rules accept.

Each reference below is the plain statement of a rule (decode, re-encode canonically, compare; a
regular expression; check_amount), as the code stated it before it was made faster.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from decimal import Decimal

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpcs.signing import cose
from kpcs.signing.errors import MalformedError
from kpcs.signing.fields import check_amount, check_code, parse_amount
from kpcs.signing.keys import SigningKey
from kpcs.signing.payload import CertificatePayload
from kpcs.signing.tests.factories import fixed_key, payloads, sample_payload, trust_list_for


def reference_strict_loads(data: bytes) -> object:
    try:
        value = cbor2.loads(data, max_depth=8, allow_duplicate_keys=False)
        canonical = cbor2.dumps(value, canonical=True)
    except (cbor2.CBORError, ValueError, TypeError, OverflowError, RecursionError):
        raise MalformedError("not CBOR") from None
    if canonical != data:
        raise MalformedError("not canonical")
    return value


def reference_payload(data: bytes) -> CertificatePayload:
    return CertificatePayload.from_map(reference_strict_loads(data))


def reference_cose(data: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    outer = reference_strict_loads(data)
    if not isinstance(outer, cbor2.CBORTag) or outer.tag != 18:
        raise MalformedError("not tag 18")
    if not isinstance(outer.value, list | tuple) or len(outer.value) != 4:
        raise MalformedError("not 4 items")
    protected, unprotected, payload, signature = outer.value
    if (
        not isinstance(protected, bytes)
        or not isinstance(unprotected, Mapping)
        or unprotected
        or not isinstance(payload, bytes)
        or not isinstance(signature, bytes)
        or len(signature) != 64
    ):
        raise MalformedError("wrong items")
    header = reference_strict_loads(protected)
    if (
        not isinstance(header, dict)
        or set(header) != {1, 4}
        or any(type(label) is not int for label in header)
        or type(header[1]) is not int
        or header[1] != -8
        or not isinstance(header[4], bytes)
        or len(header[4]) != 8
    ):
        raise MalformedError("wrong header")
    return protected, header[4], payload, signature


def outcome(decode, data: bytes) -> object:
    try:
        return decode(data)
    except MalformedError:
        return "refused"


def shuffled(value: object, data: st.DataObject) -> object:
    """`value` with each map's keys either kept in order or in an order drawn by Hypothesis."""
    if isinstance(value, dict):
        keys = list(value)
        if data.draw(st.booleans()):
            keys = data.draw(st.permutations(keys))
        return {key: shuffled(value[key], data) for key in keys}
    if isinstance(value, list):
        return [shuffled(item, data) for item in value]
    return value


def mutated(encoded: bytes, data: st.DataObject) -> bytes:
    """One random edit: replace, insert or delete a byte, or append one."""
    position = data.draw(st.integers(0, len(encoded) - 1))
    byte = bytes([data.draw(st.integers(0, 255))])
    edit = data.draw(st.sampled_from(["replace", "insert", "delete", "append"]))
    if edit == "replace":
        return encoded[:position] + byte + encoded[position + 1 :]
    if edit == "insert":
        return encoded[:position] + byte + encoded[position:]
    if edit == "delete":
        return encoded[:position] + encoded[position + 1 :]
    return encoded + byte


ENCODINGS = [
    {},
    {"indefinite_containers": True},
    {"string_referencing": True},
    {"value_sharing": True},
    {"canonical": True},
]


@settings(max_examples=300, deadline=None)
@given(payloads(), st.sampled_from(ENCODINGS), st.booleans(), st.data())
def test_payload_decoding_matches_the_reference(
    payload: CertificatePayload, options: dict[str, bool], mutate: bool, data: st.DataObject
) -> None:
    in_canonical_order = cbor2.loads(payload.to_cbor())
    encoded = cbor2.dumps(shuffled(in_canonical_order, data), **options)
    if mutate:
        encoded = mutated(encoded, data)
    assert outcome(CertificatePayload.from_cbor, encoded) == outcome(reference_payload, encoded)


def test_payload_key_order_is_checked_in_every_map() -> None:
    wire = cbor2.loads(sample_payload().to_cbor())
    assert cbor2.dumps(wire) == sample_payload().to_cbor()
    for name in ("exporter", "importer"):
        changed = dict(wire, **{name: dict(reversed(wire[name].items()))})
        with pytest.raises(MalformedError, match="canonical"):
            CertificatePayload.from_cbor(cbor2.dumps(changed))
    for name in ("origin", "lines"):
        changed = dict(wire, **{name: [dict(reversed(item.items())) for item in wire[name]]})
        with pytest.raises(MalformedError, match="canonical"):
            CertificatePayload.from_cbor(cbor2.dumps(changed))


def test_payload_with_a_non_minimal_head_is_refused() -> None:
    encoded = sample_payload().to_cbor()
    assert encoded[:2] == b"\xafa"  # a map of 15 pairs, then the 1-character key "v"
    with pytest.raises(MalformedError, match="canonical"):
        CertificatePayload.from_cbor(b"\xb8\x0f" + encoded[1:])
    with pytest.raises(MalformedError, match="canonical"):
        CertificatePayload.from_cbor(encoded[:1] + b"\x78\x01" + encoded[2:])


scalars = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=4)
labels = st.integers(-2, 5) | st.text(max_size=2)
cbor_values = st.recursive(
    scalars | st.binary(max_size=9),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(labels, children, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.builds(dict, st.just([(1, -8), (4, fixed_key().kid)])),
        st.dictionaries(st.sampled_from([1, 4, True, 3, "1"]), cbor_values, max_size=3),
        cbor_values,
    ),
    st.sampled_from(ENCODINGS),
    st.booleans(),
    st.data(),
)
def test_cose_decoding_matches_the_reference(
    header: object, options: dict[str, bool], mutate: bool, data: st.DataObject
) -> None:
    protected = cbor2.dumps(shuffled(header, data), **options)
    if data.draw(st.booleans()):
        protected = mutated(protected, data)
    encoded = cbor2.dumps(cbor2.CBORTag(18, [protected, {}, b"payload", b"s" * 64]), **options)
    if mutate:
        encoded = mutated(encoded, data)
    ours = outcome(cose.decode, encoded)
    if isinstance(ours, cose.CoseSign1):
        ours = (ours.protected, ours.kid, ours.payload, ours.signature)
    assert ours == outcome(reference_cose, encoded)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_signed_certificates_match_the_reference(data: st.DataObject) -> None:
    encoded = cose.sign(data.draw(payloads()).to_cbor(), fixed_key())
    if data.draw(st.booleans()):
        encoded = mutated(encoded, data)
    ours = outcome(cose.decode, encoded)
    if isinstance(ours, cose.CoseSign1):
        ours = (ours.protected, ours.kid, ours.payload, ours.signature)
    assert ours == outcome(reference_cose, encoded)


AMOUNT_RE = re.compile(r"(0|[1-9][0-9]*)\.[0-9]{2}")
amount_texts = (
    st.from_regex(r"(0|[1-9][0-9]{0,14})\.[0-9]{2}", fullmatch=True)
    | st.sampled_from(["999999999999.99", "1000000000000.00", "1000000000000.01", "0.00", "00.00"])
    | st.text(alphabet="0123456789.-+eE ", max_size=18)
)


def reference_parse_amount(value: str, what: str) -> Decimal:
    if not AMOUNT_RE.fullmatch(value):
        raise MalformedError(f"{what} must be a decimal string with exactly 2 decimals")
    return check_amount(Decimal(value), what)


@given(amount_texts)
def test_parse_amount_matches_the_reference(text: str) -> None:
    try:
        expected: object = reference_parse_amount(text, "x")
    except MalformedError as exc:
        expected = str(exc)
    try:
        actual: object = parse_amount(text, "x")
    except MalformedError as exc:
        actual = str(exc)
    assert actual == expected
    assert str(actual) == str(expected)  # the same exponent too, not only the same value


@given(st.text(max_size=3) | st.from_regex(r"[A-Za-z]{2}", fullmatch=True))
def test_check_code_matches_the_regular_expression(text: str) -> None:
    try:
        check_code(text, "code")
    except MalformedError:
        assert not re.fullmatch(r"[A-Z]{2}", text)
    else:
        assert re.fullmatch(r"[A-Z]{2}", text)


def test_trust_list_loads_each_public_key_once(key: SigningKey) -> None:
    trust_list = trust_list_for(key)
    loaded = trust_list.public_key(key.kid)
    assert trust_list.public_key(key.kid) is loaded
    loaded.verify(key.sign(b"message"), b"message")
    with pytest.raises(KeyError):
        trust_list.public_key(SigningKey.generate().kid)


def test_totals_are_derived_once_and_not_compared() -> None:
    payload = sample_payload()
    assert (str(payload.total_carats), str(payload.total_usd)) == ("160.50", "251234.50")
    assert "total" not in repr(payload)
    fewer = dataclasses.replace(payload, lines=payload.lines[:1])
    assert (fewer.total_carats, fewer.total_usd) == (Decimal("120.50"), Decimal("250000.00"))
