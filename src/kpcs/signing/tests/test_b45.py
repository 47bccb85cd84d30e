"""Our Base45 codec against the `base45` package (RFC 9285), which serves as the reference."""

from __future__ import annotations

import base45
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpcs.signing.b45 import ALPHABET, b45decode, b45encode

# Mostly alphabet characters, so that many texts are valid; plus some a scanner might introduce.
base45_texts = st.text(alphabet=ALPHABET, max_size=40) | st.text(
    alphabet=ALPHABET + "abz?\x00\t\r\n\xff\u00e9\u0100\U0001f600", max_size=40
)


def reference_decode(text: str) -> bytes | None:
    try:
        return base45.b45decode(text)
    except ValueError:
        return None


def our_decode(text: str) -> bytes | None:
    try:
        return b45decode(text)
    except ValueError:
        return None


@given(st.binary(max_size=1000))
def test_encode_agrees_with_reference(data: bytes) -> None:
    text = b45encode(data)
    assert text == base45.b45encode(data).decode("ascii")
    assert b45decode(text) == data


@given(base45_texts)
def test_decode_agrees_with_reference(text: str) -> None:
    # The reference strips a trailing newline before decoding; we refuse it (see test below).
    if text.endswith("\n"):
        return
    assert our_decode(text) == reference_decode(text)


@given(st.binary(max_size=400), st.sampled_from(["\n", "\r\n", " \n"]))
def test_trailing_newline_is_refused(data: bytes, end: str) -> None:
    with pytest.raises(ValueError, match="outside the Base45 alphabet"):
        b45decode(b45encode(data) + end)


@given(st.lists(st.integers(0, 44), min_size=3, max_size=3), st.binary(max_size=100))
def test_every_group_value_is_range_checked(digits: list[int], prefix: bytes) -> None:
    group = "".join(ALPHABET[d] for d in digits)
    value = digits[0] + 45 * digits[1] + 2025 * digits[2]
    text = b45encode(prefix if len(prefix) % 2 == 0 else prefix[1:]) + group
    if value > 0xFFFF:
        with pytest.raises(ValueError, match="above 65535"):
            b45decode(text)
    else:
        assert b45decode(text)[-2:] == value.to_bytes(2, "big")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0", "single character"),
        ("0000", "single character"),
        ("GGW", "above 65535"),  # 65536
        (":::", "above 65535"),  # 91124, the largest a group can spell
        ("000GGW", "above 65535"),
        ("GGW00", "above 65535"),
        ("V5", "above 255"),  # 31 + 45 * 5 = 256
        ("000:W", "above 255"),
        ("abc", "outside"),
        ("00\u00e9", "outside"),
        ("00?", "outside"),
    ],
)
def test_invalid_text_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        b45decode(text)
    assert reference_decode(text) is None


def test_boundaries() -> None:
    assert b45decode("") == b""
    assert b45decode("FGW") == b"\xff\xff"
    assert b45decode("U5") == b"\xff" != b45decode("U4")
    assert b45encode(b"\xff\xff\xff") == "FGWU5"
    assert b45decode("BB8") == b"AB"  # RFC 9285, section 4.3
    assert b45encode(b"Hello!!") == "%69 VD92EX0"  # RFC 9285, section 4.3
    assert b45decode("QED8WEX0") == b"ietf!"  # RFC 9285, section 4.3
