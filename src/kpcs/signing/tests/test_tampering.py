"""Any change to a certificate, at any position, must make verification fail."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpcs.signing.issue import sign_certificate
from kpcs.signing.keys import SigningKey
from kpcs.signing.qr import qr_text_from_cose
from kpcs.signing.tests.factories import ISSUE_DATE, fixed_key, sample_payload, small_payload, trust_list_for
from kpcs.signing.trustlist import TrustList
from kpcs.signing.verify import verify_cose, verify_qr_text

BASE45_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
# Also characters a scanner or a person might introduce.
REPLACEMENTS = BASE45_ALPHABET + "abcxyz\n\t_=#é"


@pytest.fixture(scope="module")
def trust_list() -> TrustList:
    return trust_list_for(fixed_key())


@pytest.fixture(scope="module")
def small_cose() -> bytes:
    return sign_certificate(small_payload(), fixed_key())


def test_every_single_byte_change_of_the_cose_fails(small_cose: bytes, trust_list: TrustList) -> None:
    assert verify_cose(small_cose, trust_list, today=ISSUE_DATE).valid
    accepted = []
    for position in range(len(small_cose)):
        for value in range(256):
            if value == small_cose[position]:
                continue
            tampered = small_cose[:position] + bytes([value]) + small_cose[position + 1 :]
            if verify_cose(tampered, trust_list, today=ISSUE_DATE).valid:
                accepted.append((position, value))
    assert accepted == []


def test_every_single_character_change_of_the_qr_text_fails(small_cose: bytes, trust_list: TrustList) -> None:
    text = qr_text_from_cose(small_cose)
    assert verify_qr_text(text, trust_list, today=ISSUE_DATE).valid
    accepted = []
    for position in range(len(text)):
        for char in REPLACEMENTS:
            if char == text[position]:
                continue
            tampered = text[:position] + char + text[position + 1 :]
            if verify_qr_text(tampered, trust_list, today=ISSUE_DATE).valid:
                accepted.append((position, char))
    assert accepted == []


def test_character_changes_in_the_zlib_trailer_fail_for_many_certificates(trust_list: TrustList) -> None:
    # The last deflate byte usually has unused padding bits that inflaters ignore (about one
    # certificate in five can be altered there without the padding check), so try many.
    key = fixed_key()
    for number in range(60):
        text = qr_text_from_cose(
            sign_certificate(dataclasses.replace(small_payload(), number=f"X{number}"), key)
        )
        for position in range(len(text) - 12, len(text)):
            for char in BASE45_ALPHABET:
                tampered = text[:position] + char + text[position + 1 :]
                if tampered != text:
                    assert not verify_qr_text(tampered, trust_list, today=ISSUE_DATE).valid, (
                        number,
                        position,
                    )


def test_inserting_or_deleting_a_character_fails(small_cose: bytes, trust_list: TrustList) -> None:
    text = qr_text_from_cose(small_cose)
    for position in range(len(text) + 1):
        assert not verify_qr_text(text[:position] + "0" + text[position:], trust_list, today=ISSUE_DATE).valid
        if position < len(text):
            shorter = text[:position] + text[position + 1 :]
            assert not verify_qr_text(shorter, trust_list, today=ISSUE_DATE).valid


def test_every_single_bit_flip_of_a_full_certificate_fails(key: SigningKey, trust_list: TrustList) -> None:
    data = sign_certificate(sample_payload(), key)
    for position in range(len(data)):
        for bit in range(8):
            tampered = data[:position] + bytes([data[position] ^ (1 << bit)]) + data[position + 1 :]
            assert not verify_cose(tampered, trust_list, today=ISSUE_DATE).valid, (position, bit)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_property_random_cose_tampering_fails(
    small_cose: bytes, trust_list: TrustList, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(small_cose) - 1))
    mask = data.draw(st.integers(1, 255))
    tampered = bytearray(small_cose)
    tampered[position] ^= mask
    assert not verify_cose(bytes(tampered), trust_list, today=ISSUE_DATE).valid


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_property_random_qr_text_tampering_fails(
    small_cose: bytes, trust_list: TrustList, data: st.DataObject
) -> None:
    text = qr_text_from_cose(small_cose)
    count = data.draw(st.integers(1, 4))
    chars = list(text)
    for _ in range(count):
        position = data.draw(st.integers(0, len(chars) - 1))
        chars[position] = data.draw(st.sampled_from(REPLACEMENTS))
    tampered = "".join(chars)
    if tampered != text:
        assert not verify_qr_text(tampered, trust_list, today=ISSUE_DATE).valid
