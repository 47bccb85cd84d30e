"""Base45 (RFC 9285), strict, with a decoder fast enough for the offline verification path.

Each group of 3 characters c0 c1 c2 encodes the 2 bytes of c0 + 45*c1 + 2025*c2 (big-endian); a
final group of 2 characters encodes 1 byte. Anything else - a character outside the alphabet, a
lone final character, a group value above 65535 (or above 255 for a final pair) - is refused.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

_INVALID = 0xFF
# bytes.translate table: an alphabet character's code -> its digit value, every other byte -> 0xFF.
_DIGITS = bytes(ALPHABET.find(chr(code)) if chr(code) in ALPHABET else _INVALID for code in range(256))


def b45encode(data: bytes) -> str:
    chars = []
    for i in range(0, len(data) - 1, 2):
        high, rest = divmod(data[i] << 8 | data[i + 1], 45 * 45)
        middle, low = divmod(rest, 45)
        chars += (ALPHABET[low], ALPHABET[middle], ALPHABET[high])
    if len(data) % 2:
        high, low = divmod(data[-1], 45)
        chars += (ALPHABET[low], ALPHABET[high])
    return "".join(chars)


def b45decode(text: str) -> bytes:
    """Strict inverse of b45encode; raises ValueError on anything b45encode cannot produce."""
    digits = text.encode("ascii", "replace").translate(_DIGITS)  # "?" is not in the alphabet either
    if _INVALID in digits:
        raise ValueError("character outside the Base45 alphabet")
    groups, rest = divmod(len(digits), 3)
    if rest == 1:
        raise ValueError("Base45 text cannot end in a single character")
    out = _decode_groups(digits[: 3 * groups], groups)
    if rest:
        value = digits[-2] + 45 * digits[-1]
        if value > 0xFF:
            raise ValueError("Base45 final pair above 255")
        out.append(value)
    return bytes(out)


def _decode_groups(digits: bytes, groups: int) -> bytearray:
    """Decode whole 3-digit groups, all at once with big-integer arithmetic.

    A loop over the groups costs about 0.2 us each in Python (36 us for a certificate); here every
    step is one C-level operation on the whole text. Read the digits as one big-endian integer: each
    group is a 24-bit lane c0|c1|c2. Shifting and masking isolates c0, c1 and c2 in the low byte of
    every lane, and c0 + 45*c1 + 2025*c2 <= 91124 < 2**24 cannot carry into the next lane. A lane is
    then 0|high|low unless the group value exceeds 65535, which sets bits in the lane's top byte.
    """
    lanes = int.from_bytes(digits, "big")
    low_bytes = int.from_bytes(b"\x00\x00\xff" * groups, "big")
    values = ((lanes >> 16) & low_bytes) + 45 * ((lanes >> 8) & low_bytes) + 45 * 45 * (lanes & low_bytes)
    if values & (low_bytes << 16):
        raise ValueError("Base45 group above 65535")
    packed = values.to_bytes(3 * groups, "big")
    out = bytearray(2 * groups)
    out[0::2] = packed[1::3]
    out[1::2] = packed[2::3]
    return out
