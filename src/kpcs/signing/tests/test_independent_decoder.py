"""An independent decoder written from docs/certificate-format.md alone.

Nothing from kpcs.signing is used to decode or verify here: only base45, zlib, cbor2, hashlib and
cryptography. kpcs.signing is imported solely to *produce* certificates, and the decoder must
agree with what was put in.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from datetime import date
from decimal import Decimal

import base45
import cbor2
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from hypothesis import given, settings

# Production side only.
from kpcs.signing.issue import certificate_qr_text
from kpcs.signing.keys import SigningKey
from kpcs.signing.payload import CertificatePayload
from kpcs.signing.tests.factories import TEST_PUBLIC_KEY, fixed_key, payloads, sample_payload


class Rejected(Exception):
    pass


def independent_verify(qr_text: str, public_keys: list[bytes]) -> dict:
    """Return the payload map if the QR text carries a valid signature by one of `public_keys`."""
    if not qr_text.startswith("KP1:"):
        raise Rejected("prefix")
    cose = zlib.decompress(base45.b45decode(qr_text[4:]))
    outer = cbor2.loads(cose)
    if not isinstance(outer, cbor2.CBORTag) or outer.tag != 18:
        raise Rejected("not COSE_Sign1")
    protected, unprotected, payload, signature = outer.value
    if dict(unprotected) != {}:
        raise Rejected("unprotected header")
    header = cbor2.loads(protected)
    if header.get(1) != -8:
        raise Rejected("alg")
    kid = header[4]
    by_kid = {hashlib.sha256(key).digest()[:8]: key for key in public_keys}
    if kid not in by_kid:
        raise Rejected("unknown kid")
    to_be_signed = cbor2.dumps(["Signature1", protected, b"", payload])
    try:
        Ed25519PublicKey.from_public_bytes(by_kid[kid]).verify(signature, to_be_signed)
    except InvalidSignature:
        raise Rejected("signature") from None
    return check_payload(cbor2.loads(payload))


def check_payload(data: dict) -> dict:
    amount = re.compile(r"(0|[1-9][0-9]*)\.[0-9]{2}")
    assert data["v"] == 1
    for key in ("iss", "exp"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data[key])
        date.fromisoformat(data[key])
    for key in ("xp", "dst"):
        assert re.fullmatch(r"[A-Z]{2}", data[key])
    for line in data["lines"]:
        assert set(line) == {"hs", "ct", "usd"}
        assert amount.fullmatch(line["ct"])
        assert amount.fullmatch(line["usd"])
    assert Decimal(data["ct"]) == sum(Decimal(line["ct"]) for line in data["lines"])
    assert Decimal(data["usd"]) == sum(Decimal(line["usd"]) for line in data["lines"])
    assert isinstance(data["mixed"], bool)
    assert isinstance(data["parcels"], int)
    return data


def expected_map(p: CertificatePayload) -> dict:
    """The documented map, built here from the dataclass fields, not by the library's encoder."""

    def money(value: Decimal) -> str:
        return f"{value:.2f}"

    return {
        "v": 1,
        "no": p.number,
        "iss": p.issue_date.isoformat(),
        "exp": p.expiry_date.isoformat(),
        "xp": p.exporting_participant,
        "dst": p.destination_participant,
        "auth": p.authority,
        "exporter": {"name": p.exporter.name, "country": p.exporter.country},
        "importer": {"name": p.importer.name, "country": p.importer.country},
        "origin": [{"c": o.country, "share": None if o.share is None else money(o.share)} for o in p.origins],
        "mixed": p.mixed,
        "parcels": p.parcels,
        "lines": [{"hs": ln.hs_code, "ct": money(ln.carats), "usd": money(ln.value_usd)} for ln in p.lines],
        "ct": money(sum((ln.carats for ln in p.lines), Decimal(0))),
        "usd": money(sum((ln.value_usd for ln in p.lines), Decimal(0))),
    }


def test_independent_decoder_reads_the_sample() -> None:
    data = independent_verify(certificate_qr_text(sample_payload(), fixed_key()), [TEST_PUBLIC_KEY])
    assert data["no"] == "ZA-2025-000123"
    assert data["iss"] == "2025-03-01"
    assert data["lines"][0] == {"hs": "7102.31", "ct": "120.50", "usd": "250000.00"}
    assert (data["ct"], data["usd"]) == ("160.50", "251234.50")
    assert data == expected_map(sample_payload())


def test_independent_decoder_computes_the_same_kid() -> None:
    text = certificate_qr_text(sample_payload(), fixed_key())
    protected = cbor2.loads(zlib.decompress(base45.b45decode(text[4:]))).value[0]
    assert cbor2.loads(protected) == {1: -8, 4: hashlib.sha256(TEST_PUBLIC_KEY).digest()[:8]}


def test_independent_decoder_rejects_other_keys_and_tampering() -> None:
    text = certificate_qr_text(sample_payload(), fixed_key())
    with pytest.raises(Rejected, match="unknown kid"):
        independent_verify(text, [SigningKey.generate().public_raw])
    outer = cbor2.loads(zlib.decompress(base45.b45decode(text[4:])))
    protected, unprotected, payload, signature = outer.value
    altered = payload.replace(b"250000.00", b"950000.00")
    assert altered != payload
    forged = cbor2.dumps(cbor2.CBORTag(18, [protected, unprotected, altered, signature]))
    forged_text = "KP1:" + base45.b45encode(zlib.compress(forged)).decode()
    with pytest.raises(Rejected, match="signature"):
        independent_verify(forged_text, [TEST_PUBLIC_KEY])


@settings(max_examples=50, deadline=None)
@given(payloads())
def test_property_independent_decoder_agrees(payload: CertificatePayload) -> None:
    key = SigningKey.generate()
    data = independent_verify(certificate_qr_text(payload, key), [TEST_PUBLIC_KEY, key.public_raw])
    assert data == expected_map(payload)
