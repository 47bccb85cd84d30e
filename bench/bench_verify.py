"""Offline verification throughput: full QR-text path versus raw Ed25519 verify, on one core.

Run: .venv/bin/python bench/bench_verify.py   (no Django, no database; takes about 15 seconds)
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import cryptography
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kpcs.signing import cose
from kpcs.signing.b45 import b45decode
from kpcs.signing.issue import certificate_qr_text
from kpcs.signing.keys import SigningKey
from kpcs.signing.payload import CertificatePayload, Line, Origin, Party
from kpcs.signing.qr import cose_from_qr_text
from kpcs.signing.trustlist import TrustedKey, TrustList
from kpcs.signing.verify import verify_qr_text

ROUNDS = 5
ROUND_SECONDS = 1.0
TODAY = date(2025, 3, 2)
REQUIRED_RATIO = 0.5  # full verification must run at least half as fast as the bare signature check


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def rate(operation: Callable[[], object]) -> float:
    """Operations per second over one round of about ROUND_SECONDS."""
    calls, start = 0, time.perf_counter()
    batch = 64
    while True:
        for _ in range(batch):
            operation()
        calls += batch
        elapsed = time.perf_counter() - start
        if elapsed >= ROUND_SECONDS:
            return calls / elapsed


def measure(operations: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median rate per operation; rounds are interleaved so drift affects all alike."""
    samples: dict[str, list[float]] = {name: [] for name in operations}
    for _ in range(ROUNDS):
        for name, operation in operations.items():
            samples[name].append(rate(operation))
    return {name: statistics.median(values) for name, values in samples.items()}


def sample_certificate(key: SigningKey) -> str:
    payload = CertificatePayload(
        number="ZA-2025-000123",
        issue_date=date(2025, 3, 1),
        expiry_date=date(2025, 4, 30),
        exporting_participant="ZA",
        destination_participant="EU",
        authority="South African Diamond and Precious Metals Regulator",
        exporter=Party("Example Mining (Pty) Ltd", "ZA"),
        importer=Party("Example Diamonds NV", "BE"),
        origins=(Origin("ZA"),),
        mixed=False,
        parcels=2,
        lines=(
            Line("7102.31", Decimal("120.50"), Decimal("250000.00")),
            Line("7102.21", Decimal("40.00"), Decimal("1234.50")),
        ),
    )
    return certificate_qr_text(payload, key)


def main() -> None:
    pinning = pin_to_one_core()
    key = SigningKey.generate()
    trust_list = TrustList([TrustedKey(key.public_raw, "ZA", "SADPMR", date(2025, 1, 1))])
    text = sample_certificate(key)
    cose_bytes = cose_from_qr_text(text)
    message = cose.decode(cose_bytes)
    to_be_signed, signature = message.to_be_signed(), message.signature
    public_key = Ed25519PublicKey.from_public_bytes(key.public_raw)
    assert verify_qr_text(text, trust_list, today=TODAY).valid

    rates = measure(
        {
            "full": lambda: verify_qr_text(text, trust_list, today=TODAY),
            "raw": lambda: public_key.verify(signature, to_be_signed),
            "base45": lambda: b45decode(text[4:]),
        }
    )
    full, raw = rates["full"], rates["raw"]
    ratio = full / raw
    verdict = "met" if ratio >= REQUIRED_RATIO else "NOT MET"
    print(f"python {platform.python_version()}, cryptography {cryptography.__version__}, {pinning}")
    print(f"QR text: {len(text)} characters, COSE {len(cose_bytes)} bytes")
    print(f"full offline verification (base45+zlib+CBOR+signature): {full:10,.0f} /s  ({1e6 / full:6.1f} us)")
    print(f"raw Ed25519 verify, same key and message:               {raw:10,.0f} /s  ({1e6 / raw:6.1f} us)")
    overhead = 1e6 / full - 1e6 / raw
    print(f"ratio full/raw: {ratio:.2f}  (required >= {REQUIRED_RATIO:.2f}: {verdict})")
    print(f"the full path costs {overhead:.1f} us beyond the signature")
    print(f"  of which Base45 decoding (kpcs.signing.b45): {1e6 / rates['base45']:.1f} us")


if __name__ == "__main__":
    main()
