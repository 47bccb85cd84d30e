"""QR text ("KP1:" + Base45(zlib(COSE))) and QR images."""

from __future__ import annotations

import io
import zlib

import segno

from kpcs.signing.b45 import b45decode, b45encode
from kpcs.signing.errors import MalformedError

QR_PREFIX = "KP1:"
MAX_COSE_SIZE = 64 * 1024
QR_ERROR_LEVEL = "M"

# The zlib stream ends with a 4-byte Adler-32; the byte before it is the last deflate byte.
_ADLER_LENGTH = 4


def qr_text_from_cose(cose: bytes) -> str:
    return QR_PREFIX + b45encode(zlib.compress(cose, 9))


def cose_from_qr_text(text: str) -> bytes:
    """Strict inverse of qr_text_from_cose; raises MalformedError on any deviation."""
    if not isinstance(text, str) or not text.startswith(QR_PREFIX):
        raise MalformedError(f"QR text must start with {QR_PREFIX!r}")
    try:
        compressed = b45decode(text[len(QR_PREFIX) :])
    except ValueError as exc:
        raise MalformedError(f"QR text is not valid Base45: {exc}") from None
    cose = _inflate(compressed)
    if _has_nonzero_padding(compressed, cose):
        raise MalformedError("zlib stream has non-zero padding bits")
    return cose


def _inflate(compressed: bytes) -> bytes:
    """Decompress a complete zlib stream of at most MAX_COSE_SIZE bytes, with nothing after it."""
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(compressed, MAX_COSE_SIZE + 1)
    except zlib.error:
        raise MalformedError("QR payload is not a valid zlib stream") from None
    if len(data) > MAX_COSE_SIZE:
        raise MalformedError(f"decompressed COSE exceeds {MAX_COSE_SIZE} bytes")
    if not inflater.eof:
        raise MalformedError("zlib stream is truncated")
    if inflater.unused_data:
        raise MalformedError("trailing bytes after the zlib stream")
    return data


def _has_nonzero_padding(compressed: bytes, expected: bytes) -> bool:
    """True if the unused high bits of the final deflate byte are not all zero.

    Inflaters ignore those bits, so without this check a QR text could be altered without changing
    the COSE it carries. A set bit is padding exactly when clearing it still inflates to the same data.
    """
    index = len(compressed) - _ADLER_LENGTH - 1
    last = compressed[index]
    for bit in range(7, -1, -1):
        mask = 1 << bit
        if not last & mask:
            continue
        altered = compressed[:index] + bytes([last & ~mask]) + compressed[index + 1 :]
        try:
            if _inflate(altered) == expected:
                return True
        except MalformedError:
            pass
        return False
    return False


def qr_code(text: str) -> segno.QRCode:
    return segno.make_qr(text, error=QR_ERROR_LEVEL, mode="alphanumeric", boost_error=False)


def qr_svg(text: str, *, scale: int = 4, border: int = 4) -> str:
    return qr_code(text).svg_inline(scale=scale, border=border)


def qr_png(text: str, *, scale: int = 4, border: int = 4) -> bytes:
    buffer = io.BytesIO()
    qr_code(text).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()
