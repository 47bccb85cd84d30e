from __future__ import annotations

import json
from datetime import date

import pytest

from kpcs.signing.errors import TrustListError
from kpcs.signing.keys import SigningKey
from kpcs.signing.tests.factories import fixed_key, trusted
from kpcs.signing.trustlist import (
    KeyStatus,
    TrustedKey,
    TrustList,
    b64url_encode,
    build_trust_list,
    load_trust_list,
    parse_trust_list,
)


def _entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = trusted(fixed_key()).to_json()
    entry.update(changes)
    return entry


def test_entry_json_shape(key: SigningKey) -> None:
    assert trusted(key, valid_until=date(2026, 1, 1), status=KeyStatus.RETIRED).to_json() == {
        "kid": "If4x36FUomE",
        "participant": "ZA",
        "authority": "SADPMR",
        "alg": "EdDSA",
        "public_key": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
        "valid_from": "2025-01-01",
        "valid_until": "2026-01-01",
        "status": "retired",
    }


def test_build_and_parse_round_trip(key: SigningKey) -> None:
    other = SigningKey.generate()
    keys = [trusted(key), trusted(other, participant="BW", status=KeyStatus.REVOKED)]
    document = build_trust_list(keys)
    parsed = load_trust_list(json.dumps(document))
    assert len(parsed) == 2
    assert parsed.get(key.kid) == keys[0]
    assert parsed.get(other.kid) == keys[1]
    assert parsed.get(b"\x00" * 8) is None
    assert [k.participant for k in parsed] == ["BW", "ZA"]  # sorted by participant
    assert "2 keys" in repr(parsed)


def test_extra_fields_are_ignored() -> None:
    parsed = parse_trust_list({"version": 1, "keys": [_entry(comment="new field")]})
    assert len(parsed) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kid": b64url_encode(b"\x00" * 8)}, "does not match"),
        ({"kid": "If4x36FUomE="}, "unpadded"),
        ({"kid": "If4x36FUomF"}, "base64url encoding of 8"),  # non-canonical trailing bits
        ({"kid": "If4x36FU"}, "8 bytes"),
        ({"kid": "If4x36FUo"}, "not valid base64url"),
        ({"public_key": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="}, "unpadded"),
        ({"public_key": "11qYAYKxCrfVS+7TyWQHOg7hcvPapiMlrwIaaPcHURo"}, "unpadded"),
        ({"public_key": b64url_encode(b"\x01" * 31)}, "32 bytes"),
        ({"alg": "ES256"}, "alg"),
        ({"status": "suspended"}, "status"),
        ({"status": None}, "status"),
        ({"valid_from": "2025-1-1"}, "valid_from"),
        ({"valid_from": None}, "valid_from"),
        ({"valid_until": "2024-12-31"}, "before valid_from"),
        ({"status": "retired", "valid_until": None}, "retired key needs valid_until"),
        ({"participant": "zaf"}, "participant"),
        ({"authority": ""}, "authority"),
        ({"kid": 5}, "kid"),
    ],
)
def test_invalid_entries(changes: dict[str, object], message: str) -> None:
    with pytest.raises(TrustListError, match=message):
        parse_trust_list({"keys": [_entry(**changes)]})


@pytest.mark.parametrize(
    "field", ["kid", "participant", "authority", "alg", "public_key", "valid_from", "status"]
)
def test_missing_fields(field: str) -> None:
    entry = _entry()
    del entry[field]
    with pytest.raises(TrustListError, match="lacks"):
        parse_trust_list({"keys": [entry]})


@pytest.mark.parametrize("document", [[], {}, {"keys": {}}, {"keys": [1]}, "x", None])
def test_invalid_documents(document: object) -> None:
    with pytest.raises(TrustListError):
        parse_trust_list(document)


def test_duplicate_json_member_names_are_refused() -> None:
    text = json.dumps({"keys": [_entry()]}).replace(
        '"status": "active"', '"status": "revoked", "status": "active"'
    )
    with pytest.raises(TrustListError, match="duplicate"):
        load_trust_list(text)


def test_invalid_json() -> None:
    with pytest.raises(TrustListError, match="JSON"):
        load_trust_list("{not json")
    with pytest.raises(TrustListError, match="JSON"):
        load_trust_list(b"\xff\xfe\x00")


def test_duplicate_kid_is_refused(key: SigningKey) -> None:
    with pytest.raises(TrustListError, match="duplicate"):
        parse_trust_list({"keys": [_entry(), _entry(participant="BW")]})
    with pytest.raises(TrustListError, match="duplicate"):
        build_trust_list([trusted(key), trusted(key)])


def test_validity_window_is_inclusive(key: SigningKey) -> None:
    entry = trusted(key, valid_from=date(2025, 1, 1), valid_until=date(2025, 6, 30))
    assert entry.is_valid_on(date(2025, 1, 1))
    assert entry.is_valid_on(date(2025, 6, 30))
    assert not entry.is_valid_on(date(2024, 12, 31))
    assert not entry.is_valid_on(date(2025, 7, 1))
    assert trusted(key).is_valid_on(date(2999, 1, 1))


def test_constructor_accepts_status_text(key: SigningKey) -> None:
    entry = TrustedKey(key.public_raw, "ZA", "SADPMR", date(2025, 1, 1), None, "active")  # type: ignore[arg-type]
    assert entry.status is KeyStatus.ACTIVE
    assert TrustList([entry]).get(key.kid) is entry
