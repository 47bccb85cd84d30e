from __future__ import annotations

from datetime import date
from decimal import Decimal

import cbor2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpcs.signing.errors import MalformedError
from kpcs.signing.fields import MAX_AMOUNT, format_amount, parse_amount
from kpcs.signing.payload import CertificatePayload, Line, Origin, Party
from kpcs.signing.tests.factories import amounts, payloads, sample_payload


def _wire(**changes: object) -> dict[str, object]:
    data = sample_payload().to_map()
    data.update(changes)
    return data


def _encode(data: object) -> bytes:
    return cbor2.dumps(data, canonical=True)


def test_map_has_exactly_the_documented_keys_and_types() -> None:
    data = sample_payload().to_map()
    assert data == {
        "v": 1,
        "no": "ZA-2025-000123",
        "iss": "2025-03-01",
        "exp": "2025-04-30",
        "xp": "ZA",
        "dst": "EU",
        "auth": "South African Diamond and Precious Metals Regulator",
        "exporter": {"name": "Example Mining (Pty) Ltd", "country": "ZA"},
        "importer": {"name": "Example Diamonds NV", "country": "BE"},
        "origin": [{"c": "ZA", "share": None}],
        "mixed": False,
        "parcels": 2,
        "lines": [
            {"hs": "7102.31", "ct": "120.50", "usd": "250000.00"},
            {"hs": "7102.21", "ct": "40.00", "usd": "1234.50"},
        ],
        "ct": "160.50",
        "usd": "251234.50",
    }


def test_cbor_round_trip_and_canonical_bytes() -> None:
    payload = sample_payload()
    encoded = payload.to_cbor()
    assert CertificatePayload.from_cbor(encoded) == payload
    assert encoded == _encode(payload.to_map())
    assert cbor2.loads(encoded) == payload.to_map()


@given(payloads())
def test_property_round_trip(payload: CertificatePayload) -> None:
    encoded = payload.to_cbor()
    decoded = CertificatePayload.from_cbor(encoded)
    assert decoded == payload
    assert decoded.to_cbor() == encoded


@given(amounts)
def test_property_amount_format(value: Decimal) -> None:
    text = format_amount(value)
    assert text.count(".") == 1
    assert len(text.split(".")[1]) == 2
    assert parse_amount(text, "x") == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234.5"), "1234.50"),
        (Decimal(0), "0.00"),
        (Decimal("-0"), "0.00"),
        (Decimal("1E+3"), "1000.00"),
        (Decimal("0.1"), "0.10"),
        (Decimal("999999999999.99"), "999999999999.99"),
    ],
)
def test_amount_formatting(value: Decimal, text: str) -> None:
    assert format_amount(value) == text


@pytest.mark.parametrize(
    "value",
    [Decimal("1.005"), Decimal("-1"), Decimal("NaN"), Decimal("Infinity"), MAX_AMOUNT, 1.5, 2, "1.00"],
)
def test_bad_amounts_are_refused(value: object) -> None:
    with pytest.raises(MalformedError):
        format_amount(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["1", "1.0", "1.000", "01.00", "-1.00", "+1.00", "1e2", " 1.00", "1,00", "", "١.٠٠"]
)
def test_bad_amount_strings_are_refused(text: str) -> None:
    with pytest.raises(MalformedError):
        parse_amount(text, "x")


def test_amounts_are_decimals_not_floats() -> None:
    payload = sample_payload()
    assert isinstance(payload.total_carats, Decimal)
    assert all(isinstance(line.carats, Decimal) for line in payload.lines)
    assert b"\xfb" not in payload.to_cbor()  # no float64 anywhere


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"v": 2}, "version"),
        ({"v": True}, "version"),
        ({"v": "1"}, "version"),
        ({"no": 123}, "no must be"),
        ({"no": " "}, "certificate number"),
        ({"iss": "2025-3-1"}, "iss must be"),
        ({"iss": "2025-02-30"}, "calendar"),
        ({"iss": 20250301}, "iss must be"),
        ({"exp": "2025-02-28"}, "before issue"),
        ({"xp": "za"}, "exporting participant"),
        ({"dst": "EUR"}, "destination participant"),
        ({"auth": ""}, "authority"),
        ({"exporter": {"name": "E"}}, "exporter keys"),
        ({"importer": {"name": "I", "country": "BE", "x": 1}}, "importer keys"),
        ({"importer": ["I", "BE"]}, "importer must be a map"),
        ({"origin": []}, "origin must be a non-empty array"),
        ({"origin": [{"c": "ZA", "share": 5}]}, "origin share"),
        ({"origin": [{"c": "ZA", "share": "100.01"}]}, "origin share"),
        ({"origin": [{"c": "ZA", "share": "0.00"}]}, "origin share"),
        ({"origin": [{"c": "ZA", "share": None}, {"c": "BW", "share": None}]}, "exactly one origin"),
        ({"mixed": True, "origin": [{"c": "ZA", "share": None}, {"c": "ZA", "share": None}]}, "repeat"),
        ({"mixed": 0}, "mixed must be a boolean"),
        ({"parcels": 0}, "parcels"),
        ({"parcels": True}, "parcels"),
        ({"parcels": "2"}, "parcels"),
        ({"lines": []}, "lines must be"),
        ({"lines": [{"hs": "7102.39", "ct": "1.00", "usd": "1.00"}], "ct": "1.00", "usd": "1.00"}, "HS code"),
        (
            {"lines": [{"hs": "7102.10", "ct": "0.00", "usd": "1.00"}], "ct": "0.00", "usd": "1.00"},
            "positive",
        ),
        ({"lines": [{"hs": "7102.10", "ct": 1.0, "usd": "1.00"}]}, "ct must be"),
        ({"ct": "160.49"}, "total carats"),
        ({"usd": "0.00"}, "total value"),
        ({"usd": 251234.5}, "usd must be"),
    ],
)
def test_invalid_payloads_are_malformed(changes: dict[str, object], message: str) -> None:
    with pytest.raises(MalformedError, match=message):
        CertificatePayload.from_cbor(_encode(_wire(**changes)))


@pytest.mark.parametrize(
    "key", ["v", "no", "iss", "exp", "xp", "dst", "auth", "origin", "lines", "ct", "usd"]
)
def test_missing_key_is_malformed(key: str) -> None:
    data = _wire()
    del data[key]
    with pytest.raises(MalformedError, match="missing"):
        CertificatePayload.from_cbor(_encode(data))


def test_unknown_key_is_malformed() -> None:
    with pytest.raises(MalformedError, match="unexpected"):
        CertificatePayload.from_cbor(_encode(_wire(extra=1)))
    data = _wire()
    data[1] = "integer key"  # type: ignore[index]
    with pytest.raises(MalformedError, match="unexpected"):
        CertificatePayload.from_cbor(_encode(data))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff",
        _encode([1, 2]),
        _encode("text"),
        _encode(sample_payload().to_map()) + b"\x00",
        cbor2.dumps(sample_payload().to_map(), canonical=False)[:-1],
    ],
)
def test_bad_cbor_is_malformed(data: bytes) -> None:
    with pytest.raises(MalformedError):
        CertificatePayload.from_cbor(data)


def test_non_canonical_key_order_is_malformed() -> None:
    data = cbor2.dumps(dict(reversed(list(sample_payload().to_map().items()))))
    assert data != sample_payload().to_cbor()
    with pytest.raises(MalformedError, match="canonical"):
        CertificatePayload.from_cbor(data)


def test_duplicate_keys_are_malformed() -> None:
    encoded = _encode({"no": "A"})
    duplicated = b"\xa2" + encoded[1:] + encoded[1:]
    with pytest.raises(MalformedError):
        CertificatePayload.from_cbor(duplicated)


def test_constructor_validates_and_normalises() -> None:
    payload = sample_payload(
        lines=[Line("7102.10", Decimal("1.5"), Decimal(3))], origins=[Origin("ZA", Decimal("100"))]
    )
    assert isinstance(payload.lines, tuple)
    assert str(payload.lines[0].carats) == "1.50"
    assert str(payload.origins[0].share) == "100.00"
    with pytest.raises(MalformedError):
        sample_payload(issue_date="2025-03-01")
    with pytest.raises(MalformedError):
        sample_payload(exporter=("E", "ZA"))
    with pytest.raises(MalformedError):
        sample_payload(lines=[("7102.10", Decimal(1), Decimal(1))])
    with pytest.raises(MalformedError):
        Party("E", "zaf")
    with pytest.raises(MalformedError):
        sample_payload(lines=[Line("7102.10", Decimal(1), Decimal("999999999999.99"))] * 2)


def test_mixed_shipment_with_shares() -> None:
    payload = sample_payload(
        mixed=True, origins=(Origin("ZA", Decimal("60")), Origin("BW", Decimal("40")), Origin("NA"))
    )
    assert CertificatePayload.from_cbor(payload.to_cbor()) == payload
    assert payload.to_map()["origin"] == [
        {"c": "ZA", "share": "60.00"},
        {"c": "BW", "share": "40.00"},
        {"c": "NA", "share": None},
    ]


@given(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=20))
def test_property_garbage_maps_are_malformed_not_crashes(data: dict[str, object]) -> None:
    with pytest.raises(MalformedError):
        CertificatePayload.from_cbor(_encode(data))


def test_dates_are_python_dates() -> None:
    payload = CertificatePayload.from_cbor(sample_payload().to_cbor())
    assert payload.issue_date == date(2025, 3, 1)
