"""Shared test data: a fixed key, a sample certificate, and Hypothesis strategies."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from kpcs.signing.keys import SigningKey
from kpcs.signing.payload import CertificatePayload, Line, Origin, Party
from kpcs.signing.trustlist import KeyStatus, TrustedKey, TrustList

# RFC 8032 section 7.1, TEST 1: a published test key, so the worked example can be checked by anyone.
TEST_PRIVATE_KEY = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
TEST_PUBLIC_KEY = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")

ISSUE_DATE = date(2025, 3, 1)
EXPIRY_DATE = date(2025, 4, 30)
KEY_VALID_FROM = date(2025, 1, 1)


def fixed_key() -> SigningKey:
    return SigningKey.from_private_raw(TEST_PRIVATE_KEY)


def sample_payload(**changes: object) -> CertificatePayload:
    fields: dict[str, object] = {
        "number": "ZA-2025-000123",
        "issue_date": ISSUE_DATE,
        "expiry_date": EXPIRY_DATE,
        "exporting_participant": "ZA",
        "destination_participant": "EU",
        "authority": "South African Diamond and Precious Metals Regulator",
        "exporter": Party("Example Mining (Pty) Ltd", "ZA"),
        "importer": Party("Example Diamonds NV", "BE"),
        "origins": (Origin("ZA"),),
        "mixed": False,
        "parcels": 2,
        "lines": (
            Line("7102.31", Decimal("120.50"), Decimal("250000.00")),
            Line("7102.21", Decimal("40.00"), Decimal("1234.50")),
        ),
    }
    fields.update(changes)
    return CertificatePayload(**fields)  # type: ignore[arg-type]


def small_payload() -> CertificatePayload:
    """A minimal certificate, so exhaustive tampering tests stay fast."""
    return CertificatePayload(
        number="X1",
        issue_date=ISSUE_DATE,
        expiry_date=EXPIRY_DATE,
        exporting_participant="ZA",
        destination_participant="BE",
        authority="A",
        exporter=Party("E", "ZA"),
        importer=Party("I", "BE"),
        origins=(Origin("ZA"),),
        mixed=False,
        parcels=1,
        lines=(Line("7102.10", Decimal("1.00"), Decimal("2.00")),),
    )


def trusted(
    key: SigningKey,
    *,
    participant: str = "ZA",
    valid_from: date = KEY_VALID_FROM,
    valid_until: date | None = None,
    status: KeyStatus = KeyStatus.ACTIVE,
) -> TrustedKey:
    return TrustedKey(
        public_key=key.public_raw,
        participant=participant,
        authority="SADPMR",
        valid_from=valid_from,
        valid_until=valid_until,
        status=status,
    )


def trust_list_for(key: SigningKey, **options: object) -> TrustList:
    return TrustList([trusted(key, **options)])  # type: ignore[arg-type]


codes = st.from_regex(r"[A-Z]{2}", fullmatch=True)
texts = st.text(min_size=1, max_size=40).filter(str.strip)
amounts = st.integers(min_value=0, max_value=10**12 - 1).map(lambda cents: Decimal(cents).scaleb(-2))
carats = st.integers(min_value=1, max_value=10**9).map(lambda cents: Decimal(cents).scaleb(-2))
shares = st.none() | st.integers(min_value=1, max_value=10_000).map(lambda c: Decimal(c).scaleb(-2))
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
lines = st.builds(
    Line, hs_code=st.sampled_from(["7102.10", "7102.21", "7102.31"]), carats=carats, value_usd=amounts
)


@st.composite
def payloads(draw: st.DrawFn) -> CertificatePayload:
    mixed = draw(st.booleans())
    countries = draw(st.lists(codes, min_size=1, max_size=4 if mixed else 1, unique=True))
    issue = draw(days)
    return CertificatePayload(
        number=draw(texts),
        issue_date=issue,
        expiry_date=issue + timedelta(days=draw(st.integers(0, 400))),
        exporting_participant=draw(codes),
        destination_participant=draw(codes),
        authority=draw(texts),
        exporter=Party(draw(texts), draw(codes)),
        importer=Party(draw(texts), draw(codes)),
        origins=tuple(Origin(c, draw(shares)) for c in countries),
        mixed=mixed,
        parcels=draw(st.integers(1, 10_000)),
        lines=tuple(draw(st.lists(lines, min_size=1, max_size=5))),
    )
