from __future__ import annotations

import cbor2
import pytest

from kpcs.signing import cose
from kpcs.signing.errors import MalformedError
from kpcs.signing.keys import SigningKey


def _raw_cose(
    protected: object, unprotected: object, payload: object, signature: object, tag: int = 18
) -> bytes:
    return cbor2.dumps(cbor2.CBORTag(tag, [protected, unprotected, payload, signature]), canonical=True)


def _protected(header: object) -> bytes:
    return cbor2.dumps(header, canonical=True)


def test_sign_decode_verify_round_trip(key: SigningKey) -> None:
    data = cose.sign(b"hello", key)
    message = cose.decode(data)
    assert message.payload == b"hello"
    assert message.kid == key.kid
    assert message.verify(key.public_raw)
    assert not message.verify(SigningKey.generate().public_raw)


def test_exact_structure(key: SigningKey) -> None:
    data = cose.sign(b"hello", key)
    assert data[0] == 0xD2  # tag 18
    tag = cbor2.loads(data)
    assert tag.tag == 18
    protected, unprotected, payload, signature = tag.value
    assert cbor2.loads(protected) == {1: -8, 4: key.kid}
    assert protected == bytes.fromhex("a2012704 48".replace(" ", "")) + key.kid
    assert dict(unprotected) == {}
    assert payload == b"hello"
    to_be_signed = cbor2.dumps(["Signature1", protected, b"", b"hello"])
    assert signature == key.sign(to_be_signed)


def test_signing_is_deterministic(key: SigningKey) -> None:
    assert cose.sign(b"x", key) == cose.sign(b"x", key)


def _valid_parts(key: SigningKey) -> tuple[bytes, dict, bytes, bytes]:
    protected = cose.protected_header(key.kid)
    return protected, {}, b"p", key.sign(cose.sig_structure(protected, b"p"))


def test_hand_built_valid_message_decodes(key: SigningKey) -> None:
    assert cose.decode(_raw_cose(*_valid_parts(key))).verify(key.public_raw)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d, k: d + b"\x00", "trailing"),
        (lambda d, k: d[:-1], "not valid CBOR"),
        (lambda d, k: _raw_cose(*_valid_parts(k), tag=98), "tag 18"),
        (lambda d, k: cbor2.dumps(list(_valid_parts(k))), "tag 18"),
        (lambda d, k: cbor2.dumps(cbor2.CBORTag(18, list(_valid_parts(k))[:3])), "4 items"),
        (lambda d, k: cbor2.dumps(cbor2.CBORTag(18, [*_valid_parts(k), b""])), "4 items"),
        (lambda d, k: cbor2.dumps(cbor2.CBORTag(18, {"a": 1})), "4 items"),
        (
            lambda d, k: _raw_cose({1: -8, 4: k.kid}, {}, b"p", b"\x00" * 64),
            "protected header must be a byte",
        ),
        (
            lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid}), {4: k.kid}, b"p", b"\x00" * 64),
            "unprotected",
        ),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid}), [], b"p", b"\x00" * 64), "unprotected"),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid}), {}, "p", b"\x00" * 64), "payload"),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid}), {}, None, b"\x00" * 64), "payload"),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid}), {}, b"p", b"\x00" * 63), "signature"),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid}), {}, b"p", "sig"), "signature"),
        (lambda d, k: _raw_cose(_protected({1: -7, 4: k.kid}), {}, b"p", b"\x00" * 64), "alg"),
        (lambda d, k: _raw_cose(_protected({1: "EdDSA", 4: k.kid}), {}, b"p", b"\x00" * 64), "alg"),
        (lambda d, k: _raw_cose(_protected({1: -8}), {}, b"p", b"\x00" * 64), "exactly alg"),
        (lambda d, k: _raw_cose(_protected({4: k.kid}), {}, b"p", b"\x00" * 64), "exactly alg"),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid, 3: 0}), {}, b"p", b"\x00" * 64), "exactly alg"),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid.hex()}), {}, b"p", b"\x00" * 64), "kid"),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid[:7]}), {}, b"p", b"\x00" * 64), "kid"),
        (lambda d, k: _raw_cose(_protected([1, -8, 4, k.kid]), {}, b"p", b"\x00" * 64), "exactly alg"),
        (lambda d, k: _raw_cose(_protected({True: -8, 4: k.kid}), {}, b"p", b"\x00" * 64), "exactly alg"),
        (lambda d, k: _raw_cose(b"", {}, b"p", b"\x00" * 64), "protected header is not valid"),
        (lambda d, k: _raw_cose(_protected({1: -8, 4: k.kid}) + b"\x00", {}, b"p", b"\x00" * 64), "trailing"),
        # The same content with a non-minimal length encoding of the payload byte string.
        (lambda d, k: d.replace(b"\x41p", b"\x58\x01p"), "canonical"),
        # An indefinite-length outer array.
        (lambda d, k: b"\xd2\x9f" + d[2:] + b"\xff", "canonical"),
        (lambda d, k: b"", "not valid CBOR"),
    ],
)
def test_strict_decoding(key: SigningKey, mutate, message: str) -> None:
    data = _raw_cose(*_valid_parts(key))
    with pytest.raises(MalformedError, match=message):
        cose.decode(mutate(data, key))


def test_decode_refuses_non_bytes() -> None:
    with pytest.raises(MalformedError):
        cose.decode("text")  # type: ignore[arg-type]
