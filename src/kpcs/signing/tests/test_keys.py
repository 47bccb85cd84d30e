from __future__ import annotations

import hashlib
import pickle

import pytest

from kpcs.signing.errors import KeyDecryptionError
from kpcs.signing.keys import (
    SigningKey,
    derive_kek,
    key_id,
    open_private_key,
    seal_private_key,
    verify_raw,
)
from kpcs.signing.tests.factories import TEST_PRIVATE_KEY, TEST_PUBLIC_KEY


def test_rfc8032_test_vector_1() -> None:
    key = SigningKey.from_private_raw(TEST_PRIVATE_KEY)
    assert key.public_raw == TEST_PUBLIC_KEY
    expected = bytes.fromhex(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    )
    assert key.sign(b"") == expected
    assert verify_raw(TEST_PUBLIC_KEY, expected, b"")
    assert not verify_raw(TEST_PUBLIC_KEY, expected, b"x")


def test_generate_and_raw_round_trip() -> None:
    key = SigningKey.generate()
    assert len(key.private_raw()) == 32
    assert len(key.public_raw) == 32
    again = SigningKey.from_private_raw(key.private_raw())
    assert again.public_raw == key.public_raw
    assert SigningKey.generate().public_raw != key.public_raw


def test_key_id_is_first_8_bytes_of_sha256_of_public_key() -> None:
    assert key_id(TEST_PUBLIC_KEY) == hashlib.sha256(TEST_PUBLIC_KEY).digest()[:8]
    assert SigningKey.from_private_raw(TEST_PRIVATE_KEY).kid == key_id(TEST_PUBLIC_KEY)


@pytest.mark.parametrize("bad", [b"", b"\x00" * 31, b"\x00" * 33])
def test_wrong_key_lengths_are_refused(bad: bytes) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        key_id(bad)
    with pytest.raises(ValueError, match="32 bytes"):
        SigningKey.from_private_raw(bad)


def test_seal_open_round_trip() -> None:
    kek = derive_kek("a long random configuration secret")
    sealed = seal_private_key(TEST_PRIVATE_KEY, kek)
    assert TEST_PRIVATE_KEY not in sealed
    assert sealed[0] == 1
    assert len(sealed) == 1 + 12 + 32 + 16
    assert open_private_key(sealed, kek) == TEST_PRIVATE_KEY


def test_sealing_uses_a_fresh_nonce() -> None:
    kek = derive_kek("secret")
    assert seal_private_key(TEST_PRIVATE_KEY, kek) != seal_private_key(TEST_PRIVATE_KEY, kek)


def test_wrong_kek_fails() -> None:
    sealed = seal_private_key(TEST_PRIVATE_KEY, derive_kek("right"))
    with pytest.raises(KeyDecryptionError):
        open_private_key(sealed, derive_kek("wrong"))


@pytest.mark.parametrize("position", [0, 1, 12, 13, 40, -1])
def test_corrupt_sealed_key_fails(position: int) -> None:
    kek = derive_kek("secret")
    sealed = bytearray(seal_private_key(TEST_PRIVATE_KEY, kek))
    sealed[position] ^= 0x01
    with pytest.raises(KeyDecryptionError):
        open_private_key(bytes(sealed), kek)


def test_truncated_sealed_key_fails() -> None:
    kek = derive_kek("secret")
    with pytest.raises(KeyDecryptionError):
        open_private_key(seal_private_key(TEST_PRIVATE_KEY, kek)[:-1], kek)
    with pytest.raises(KeyDecryptionError):
        open_private_key(b"\x01", kek)


def test_derive_kek_is_deterministic_and_separates_secrets() -> None:
    assert derive_kek("s") == derive_kek("s")
    assert len(derive_kek("s")) == 32
    assert derive_kek("s") != derive_kek("t")
    with pytest.raises(ValueError, match="empty"):
        derive_kek("")


def test_kek_length_is_checked() -> None:
    with pytest.raises(ValueError, match="key-encryption key"):
        seal_private_key(TEST_PRIVATE_KEY, b"short")


def test_repr_and_str_do_not_leak_the_private_key() -> None:
    key = SigningKey.from_private_raw(TEST_PRIVATE_KEY)
    for shown in (repr(key), str(key), f"{key}", repr([key])):
        assert "redacted" in shown
        for encoding in (TEST_PRIVATE_KEY.hex(), TEST_PRIVATE_KEY.hex()[:16], str(TEST_PRIVATE_KEY)[2:20]):
            assert encoding not in shown


def test_signing_key_cannot_be_pickled() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(SigningKey.from_private_raw(TEST_PRIVATE_KEY))
