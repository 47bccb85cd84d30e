from __future__ import annotations

import zlib

import base45
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpcs.signing.errors import MalformedError
from kpcs.signing.issue import sign_certificate
from kpcs.signing.keys import SigningKey
from kpcs.signing.qr import MAX_COSE_SIZE, cose_from_qr_text, qr_code, qr_png, qr_svg, qr_text_from_cose
from kpcs.signing.tests.factories import sample_payload

BASE45_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def _text_for(compressed: bytes) -> str:
    return "KP1:" + base45.b45encode(compressed).decode()


def test_round_trip(key: SigningKey) -> None:
    cose = sign_certificate(sample_payload(), key)
    text = qr_text_from_cose(cose)
    assert text.startswith("KP1:")
    assert set(text[4:]) <= set(BASE45_ALPHABET)
    assert cose_from_qr_text(text) == cose
    assert zlib.decompress(base45.b45decode(text[4:])) == cose


@given(st.binary(max_size=2000))
def test_property_round_trip(data: bytes) -> None:
    assert cose_from_qr_text(qr_text_from_cose(data)) == data


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "start with"),
        ("KP2:" + "00", "start with"),
        ("kp1:" + "00", "start with"),
        (" KP1:", "start with"),
        ("KP1:abc", "outside the Base45"),
        ("KP1:0", "not valid Base45"),
        ("KP1:GGW", "not valid Base45"),  # 3-character group above 65535
        ("KP1:", "zlib"),
        ("KP1:" + base45.b45encode(b"not zlib").decode(), "zlib"),
        (_text_for(zlib.compress(b"x" * 100)[:-3]), "truncated|zlib"),
        (_text_for(zlib.compress(b"x") + b"\x00"), "trailing"),
    ],
)
def test_strict_decoding(text: str, message: str) -> None:
    with pytest.raises(MalformedError, match=message):
        cose_from_qr_text(text)


def test_trailing_newline_is_refused(key: SigningKey) -> None:
    text = qr_text_from_cose(sign_certificate(sample_payload(), key))
    with pytest.raises(MalformedError):
        cose_from_qr_text(text + "\n")


def test_non_text_is_refused() -> None:
    with pytest.raises(MalformedError):
        cose_from_qr_text(b"KP1:")  # type: ignore[arg-type]


def test_zip_bomb_is_refused() -> None:
    bomb = zlib.compress(b"\x00" * (10 * 1024 * 1024), 9)
    assert len(bomb) < 20_000
    with pytest.raises(MalformedError, match="exceeds"):
        cose_from_qr_text(_text_for(bomb))


def test_size_cap_is_exactly_64_kib() -> None:
    assert cose_from_qr_text(_text_for(zlib.compress(b"\x00" * MAX_COSE_SIZE))) == b"\x00" * MAX_COSE_SIZE
    with pytest.raises(MalformedError, match="exceeds"):
        cose_from_qr_text(_text_for(zlib.compress(b"\x00" * (MAX_COSE_SIZE + 1))))


def test_nonzero_deflate_padding_is_refused() -> None:
    # A fixed-Huffman block for one byte ends mid-byte; setting the top bit of the last deflate byte
    # touches only padding, which inflaters ignore.
    compressed = bytearray(zlib.compress(b"a", 9))
    index = len(compressed) - 5
    assert compressed[index] & 0x80 == 0
    compressed[index] |= 0x80
    assert zlib.decompress(bytes(compressed)) == b"a"
    with pytest.raises(MalformedError, match="padding"):
        cose_from_qr_text(_text_for(bytes(compressed)))


def test_other_zlib_levels_are_accepted() -> None:
    for level in (0, 1, 6, 9):
        assert cose_from_qr_text(_text_for(zlib.compress(b"payload" * 20, level))) == b"payload" * 20


def test_qr_images(key: SigningKey) -> None:
    text = qr_text_from_cose(sign_certificate(sample_payload(), key))
    code = qr_code(text)
    assert code.mode == "alphanumeric"
    assert code.error == "M"
    svg = qr_svg(text)
    assert svg.startswith("<svg")
    assert svg.rstrip().endswith("</svg>")
    png = qr_png(text, scale=2)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(qr_png(text, scale=4)) > len(png) // 2
