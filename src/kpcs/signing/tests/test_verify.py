from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpcs.signing import cose
from kpcs.signing.issue import certificate_qr_text, sign_certificate
from kpcs.signing.keys import SigningKey
from kpcs.signing.payload import CertificatePayload
from kpcs.signing.qr import qr_text_from_cose
from kpcs.signing.tests.factories import (
    EXPIRY_DATE,
    ISSUE_DATE,
    fixed_key,
    payloads,
    sample_payload,
    trust_list_for,
    trusted,
)
from kpcs.signing.trustlist import KeyStatus, TrustList
from kpcs.signing.verify import Reason, VerificationResult, to_report, verify_cose, verify_qr_text

TODAY = ISSUE_DATE + timedelta(days=1)


def _forged(payload: CertificatePayload, claimed: SigningKey, actual: SigningKey) -> str:
    """A certificate naming `claimed` as signer but signed by `actual`."""
    protected = cose.protected_header(claimed.kid)
    body = payload.to_cbor()
    signature = actual.sign(cose.sig_structure(protected, body))
    return qr_text_from_cose(cbor2.dumps(cbor2.CBORTag(18, [protected, {}, body, signature]), canonical=True))


def _verify(text: str, trust_list: TrustList, today: date = TODAY) -> VerificationResult:
    return verify_qr_text(text, trust_list, today=today)


def test_valid_certificate(key: SigningKey) -> None:
    payload = sample_payload()
    result = _verify(certificate_qr_text(payload, key), trust_list_for(key))
    assert result.valid
    assert result.reason is None
    assert result.payload == payload
    assert result.kid == key.kid
    assert result.key == trusted(key)
    assert result.signature_verified


def test_today_must_be_a_date(key: SigningKey) -> None:
    text = certificate_qr_text(sample_payload(), key)
    with pytest.raises(TypeError, match="datetime"):
        verify_qr_text(text, trust_list_for(key), today=datetime(2025, 3, 2))
    with pytest.raises(TypeError, match="datetime"):
        verify_cose(b"", trust_list_for(key), today="2025-03-02")  # type: ignore[arg-type]


def test_verify_cose_directly(key: SigningKey) -> None:
    assert verify_cose(sign_certificate(sample_payload(), key), trust_list_for(key), today=TODAY).valid


def test_malformed(key: SigningKey) -> None:
    result = _verify("KP1:garbage", trust_list_for(key))
    assert (result.valid, result.reason) == (False, Reason.MALFORMED)
    assert result.reason == "malformed"
    assert result.payload is None
    assert result.kid is None
    assert result.detail


def test_malformed_payload_inside_a_valid_signature(key: SigningKey) -> None:
    data = cose.sign(cbor2.dumps({"v": 1}, canonical=True), key)
    result = verify_cose(data, trust_list_for(key), today=TODAY)
    assert result.reason == Reason.MALFORMED
    assert "keys are wrong" in (result.detail or "")


def test_unknown_key(key: SigningKey) -> None:
    result = _verify(certificate_qr_text(sample_payload(), key), trust_list_for(SigningKey.generate()))
    assert result.reason == Reason.UNKNOWN_KEY
    assert result.kid == key.kid
    assert result.key is None
    assert not result.signature_verified


def test_key_of_another_participant_is_unknown(key: SigningKey) -> None:
    result = _verify(certificate_qr_text(sample_payload(), key), trust_list_for(key, participant="BW"))
    assert result.reason == Reason.UNKNOWN_KEY


def test_bad_signature(key: SigningKey) -> None:
    text = _forged(sample_payload(), claimed=key, actual=SigningKey.generate())
    result = _verify(text, trust_list_for(key))
    assert result.reason == Reason.BAD_SIGNATURE
    assert result.key is not None
    assert not result.signature_verified


def test_revoked_key(key: SigningKey) -> None:
    result = _verify(
        certificate_qr_text(sample_payload(), key), trust_list_for(key, status=KeyStatus.REVOKED)
    )
    assert result.reason == Reason.REVOKED_KEY
    assert result.signature_verified


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [(ISSUE_DATE + timedelta(days=1), None), (date(2024, 1, 1), ISSUE_DATE - timedelta(days=1))],
)
def test_key_not_valid_on_issue_date(key: SigningKey, valid_from: date, valid_until: date | None) -> None:
    trust_list = trust_list_for(key, valid_from=valid_from, valid_until=valid_until)
    result = _verify(certificate_qr_text(sample_payload(), key), trust_list)
    assert result.reason == Reason.KEY_NOT_VALID_ON_ISSUE_DATE


def test_key_window_edges_are_inclusive(key: SigningKey) -> None:
    trust_list = trust_list_for(key, valid_from=ISSUE_DATE, valid_until=ISSUE_DATE)
    assert _verify(certificate_qr_text(sample_payload(), key), trust_list).valid


def test_expired(key: SigningKey) -> None:
    text = certificate_qr_text(sample_payload(), key)
    assert _verify(text, trust_list_for(key), today=EXPIRY_DATE).valid
    result = _verify(text, trust_list_for(key), today=EXPIRY_DATE + timedelta(days=1))
    assert result.reason == Reason.EXPIRED
    assert result.signature_verified


def test_retired_key_still_verifies_what_it_signed_while_active(key: SigningKey) -> None:
    retired = trust_list_for(key, valid_until=ISSUE_DATE + timedelta(days=10), status=KeyStatus.RETIRED)
    # Verified long after retirement, but before the certificate's own expiry.
    assert _verify(certificate_qr_text(sample_payload(), key), retired, today=EXPIRY_DATE).valid
    late = sample_payload(issue_date=ISSUE_DATE + timedelta(days=11))
    assert _verify(certificate_qr_text(late, key), retired).reason == Reason.KEY_NOT_VALID_ON_ISSUE_DATE


def test_every_reason_code_is_reachable(key: SigningKey) -> None:
    text = certificate_qr_text(sample_payload(), key)
    outcomes = {
        _verify("x", trust_list_for(key)).reason,
        _verify(text, trust_list_for(SigningKey.generate())).reason,
        _verify(_forged(sample_payload(), key, SigningKey.generate()), trust_list_for(key)).reason,
        _verify(text, trust_list_for(key, status=KeyStatus.REVOKED)).reason,
        _verify(text, trust_list_for(key, valid_from=date(2026, 1, 1))).reason,
        _verify(text, trust_list_for(key), today=date(2030, 1, 1)).reason,
    }
    assert outcomes == set(Reason)
    assert {r.value for r in Reason} == {
        "malformed",
        "unknown_key",
        "bad_signature",
        "revoked_key",
        "key_not_valid_on_issue_date",
        "expired",
    }


@pytest.mark.parametrize(
    ("options", "forged", "today", "expected"),
    [
        # signature is checked before revocation
        ({"status": KeyStatus.REVOKED}, True, TODAY, Reason.BAD_SIGNATURE),
        # revocation before the validity window
        ({"status": KeyStatus.REVOKED, "valid_from": date(2026, 1, 1)}, False, TODAY, Reason.REVOKED_KEY),
        # the validity window before expiry
        ({"valid_from": date(2026, 1, 1)}, False, date(2030, 1, 1), Reason.KEY_NOT_VALID_ON_ISSUE_DATE),
        # revoked and expired: revoked wins
        ({"status": KeyStatus.REVOKED}, False, date(2030, 1, 1), Reason.REVOKED_KEY),
    ],
)
def test_order_of_checks(
    key: SigningKey, options: dict[str, object], forged: bool, today: date, expected: Reason
) -> None:
    payload = sample_payload()
    text = _forged(payload, key, SigningKey.generate()) if forged else certificate_qr_text(payload, key)
    assert _verify(text, trust_list_for(key, **options), today=today).reason == expected


def test_unknown_key_is_checked_before_the_signature(key: SigningKey) -> None:
    text = _forged(sample_payload(), key, SigningKey.generate())
    assert _verify(text, trust_list_for(SigningKey.generate())).reason == Reason.UNKNOWN_KEY


def test_report_is_json_serialisable(key: SigningKey) -> None:
    report = to_report(_verify(certificate_qr_text(sample_payload(), key), trust_list_for(key)))
    assert json.loads(json.dumps(report)) == report
    assert report["valid"] is True
    assert report["reason"] is None
    assert report["kid"] == "If4x36FUomE"
    assert "ZA-2025-000123" in str(report["message"])
    assert report["certificate"] == sample_payload().to_map()
    assert report["key"] == trusted(key).to_json()


@pytest.mark.parametrize("today", [TODAY, date(2030, 1, 1)])
def test_report_for_failures(key: SigningKey, today: date) -> None:
    for text in ("junk", certificate_qr_text(sample_payload(), key)):
        report = to_report(_verify(text, trust_list_for(SigningKey.generate()), today=today))
        assert json.loads(json.dumps(report)) == report
        assert report["valid"] is False
        assert report["reason"] in {r.value for r in Reason}
        assert report["message"]


@settings(max_examples=50, deadline=None)
@given(payloads(), st.integers(min_value=-3, max_value=3))
def test_property_verification(payload: CertificatePayload, offset: int) -> None:
    key = SigningKey.generate()
    trust_list = trust_list_for(key, participant=payload.exporting_participant, valid_from=payload.issue_date)
    today = payload.expiry_date + timedelta(days=offset)
    result = _verify(certificate_qr_text(payload, key), trust_list, today=today)
    assert result.payload == payload
    if offset <= 0:
        assert result.valid, result
    else:
        assert result.reason == Reason.EXPIRED
    other = trust_list_for(SigningKey.generate(), participant=payload.exporting_participant)
    assert _verify(certificate_qr_text(payload, key), other, today=today).reason == Reason.UNKNOWN_KEY


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_property_arbitrary_bytes_never_crash(data: bytes) -> None:
    result = verify_cose(data, trust_list_for(SigningKey.generate()), today=TODAY)
    assert not result.valid
    assert result.reason == Reason.MALFORMED


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=300) | st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", max_size=300)
)
def test_property_arbitrary_text_never_crashes(text: str) -> None:
    result = verify_qr_text("KP1:" + text, trust_list_for(SigningKey.generate()), today=TODAY)
    assert result.reason == Reason.MALFORMED


cbor_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.binary(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(cbor_values, cbor_values)
def test_property_signed_garbage_payloads_are_malformed(header: object, body: object) -> None:
    key = fixed_key()
    signed = cose.sign(cbor2.dumps(body, canonical=True), key)
    assert verify_cose(signed, trust_list_for(key), today=TODAY).reason == Reason.MALFORMED
    hand_built = cbor2.dumps(cbor2.CBORTag(18, [cbor2.dumps(header), {}, b"", b"\x00" * 64]), canonical=True)
    assert verify_cose(hand_built, trust_list_for(key), today=TODAY).reason == Reason.MALFORMED
