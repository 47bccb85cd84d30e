from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kpcs import signing
from kpcs.audit.models import AuditEvent
from kpcs.certificates.models import Certificate, CertificateLine, ImportConfirmation, ReuseAlert
from kpcs.certificates.rules import LineInput, OriginInput, RuleViolation
from kpcs.certificates.selectors import certificate_history
from kpcs.certificates.services import keys as key_services
from kpcs.certificates.services.lifecycle import (
    certificate_confirm,
    certificate_draft_create,
    certificate_replace,
    certificate_validate,
    certificate_void,
    certificates_expire,
)
from kpcs.errors import Conflict, NotFound, PermissionDenied

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _trust_list():
    return signing.parse_trust_list(key_services.trust_list_document())


def test_issue_assigns_number_signs_and_audits(world, issued):
    assert issued.status == "issued"
    assert issued.number.startswith(f"BW{TODAY.year}")
    assert issued.expiry_date - issued.issue_date == dt.timedelta(days=60)
    assert issued.total_carats == Decimal("1550.50")
    result = signing.verify_qr_text(issued.qr_text, _trust_list(), today=TODAY)
    assert result.valid, result.reason
    assert result.payload.number == issued.number
    transitions = certificate_history(issued)
    assert [e.changes["status"] for e in transitions] == [[None, "draft"], ["draft", "issued"]]
    assert transitions.last().actor == world["validator"].user


def test_the_officer_who_prepared_cannot_validate(world, make_user):
    from kpcs.accounts.actor import actor_for
    from kpcs.accounts.services import membership_add

    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"]())
    membership_add(actor=None, user=world["officer"].user, role="authority_validator", participant="BW")
    both = actor_for(type(world["officer"].user).objects.get(pk=world["officer"].user.pk))
    with pytest.raises(PermissionDenied) as exc:
        certificate_validate(actor=both, certificate_id=draft.pk)
    assert exc.value.code == "same_person"
    assert Certificate.objects.get(pk=draft.pk).status == "draft"


def test_a_validator_of_another_participant_cannot_validate(world):
    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"]())
    with pytest.raises(NotFound):
        certificate_validate(actor=world["eu_validator"], certificate_id=draft.pk)


def test_an_officer_cannot_draft_for_another_participant(world):
    with pytest.raises(PermissionDenied):
        certificate_draft_create(actor=world["eu_officer"], exporting="BW", data=world["input"]())


@pytest.mark.parametrize("changes, code", [
    ({"validity_days": 61}, "validity_too_long"),
    ({"validity_days": 0}, "validity_too_long"),
    ({"lines": [LineInput("7102.39", Decimal(1), Decimal(1))]}, "hs_not_rough_diamond"),
    ({"lines": [LineInput("7102.29", Decimal(1), Decimal(1))]}, "hs_not_rough_diamond"),
    ({"lines": [LineInput("7105.10", Decimal(1), Decimal(1))]}, "hs_not_rough_diamond"),
    ({"lines": [LineInput("9999.99", Decimal(1), Decimal(1))]}, "unknown_hs_code"),
    ({"lines": [LineInput("7102.31", Decimal(0), Decimal(1))]}, "carats_not_positive"),
    ({"lines": [LineInput("7102.31", Decimal("-3"), Decimal(1))]}, "carats_not_positive"),
    ({"lines": [LineInput("7102.31", Decimal(1), Decimal("-0.01"))]}, "usd_negative"),
    ({"lines": [LineInput("7102.31", Decimal("1.001"), Decimal(1))]}, "too_many_decimals"),
    ({"lines": []}, "no_lines"),
    ({"parcels": 0}, "parcels_too_few"),
    ({"destination": "BW"}, "destination_is_exporter"),
    ({"destination": "LB"}, "destination_not_participant"),
    ({"destination": "QQ"}, "destination_not_participant"),
    ({"importer_id": -1}, "importer_not_licensed"),
    ({"exporter_id": -1}, "exporter_not_licensed"),
    ({"origins": [OriginInput("XX")]}, "unknown_origin_country"),
    ({"origins": []}, "origin_required"),
    ({"origins": [OriginInput("BW"), OriginInput("ZA")]}, "single_origin_expected"),
    ({"origins": [OriginInput("BW", Decimal(60)), OriginInput("ZA", Decimal(30))], "mixed": True},
     "origin_shares_not_100"),
    ({"origins": [OriginInput("BW", Decimal(160))], "mixed": True}, "origin_share_invalid"),
])
def test_each_rule_is_refused_with_its_message_and_nothing_saved(world, changes, code):
    n = (Certificate.objects.count(), CertificateLine.objects.count(), AuditEvent.objects.count())
    with pytest.raises(RuleViolation) as exc:
        certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"](**changes))
    assert code in [p["code"] for p in exc.value.details]
    assert all(p["message"] for p in exc.value.details)
    assert (Certificate.objects.count(), CertificateLine.objects.count(), AuditEvent.objects.count()) == n


def test_importer_must_be_licensed_by_the_destination(world):
    with pytest.raises(RuleViolation) as exc:
        certificate_draft_create(actor=world["officer"], exporting="BW",
                                 data=world["input"](importer_id=world["ae_co"].id))
    assert exc.value.code == "importer_not_licensed"


def test_mixed_origin_with_shares(world):
    origins = [OriginInput("BW", Decimal("62.50")), OriginInput("ZA", Decimal("37.50"))]
    data = world["input"](mixed=True, origins=origins)
    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=data)
    issued = certificate_validate(actor=world["validator"], certificate_id=draft.pk)
    payload = signing.verify_qr_text(issued.qr_text, _trust_list(), today=TODAY).payload
    assert payload.mixed
    assert [(o.country, o.share) for o in payload.origins] == [("BW", Decimal("62.50")), ("ZA", Decimal("37.50"))]


def test_confirmation_by_the_importing_authority_flags_differences(world, issued):
    confirmation = certificate_confirm(actor=world["eu_officer"], number=issued.number, date_received=TODAY,
                                       parcels=2, carats=Decimal("1550.00"), usd=issued.total_usd)
    assert confirmation.discrepancies == [{"field": "carats", "certificate": "1550.50", "received": "1550.00"}]
    issued.refresh_from_db()
    assert issued.status == "confirmed"


def test_the_exporter_cannot_confirm_its_own_export(world, issued):
    with pytest.raises(NotFound):
        certificate_confirm(actor=world["officer"], number=issued.number, date_received=TODAY, parcels=2,
                            carats=issued.total_carats, usd=issued.total_usd)


def test_second_confirmation_is_refused_and_raises_a_reuse_alert(world, issued):
    args = {"number": issued.number, "date_received": TODAY, "parcels": 2, "carats": issued.total_carats,
            "usd": issued.total_usd}
    certificate_confirm(actor=world["eu_officer"], **args)
    with pytest.raises(Conflict) as exc:
        certificate_confirm(actor=world["eu_validator"], **args)
    assert exc.value.code == "already_confirmed"
    assert ImportConfirmation.objects.filter(certificate=issued).count() == 1
    assert ReuseAlert.objects.filter(certificate=issued).count() == 1


def test_expired_certificate_cannot_be_confirmed(world, issued):
    later = issued.expiry_date + dt.timedelta(days=1)
    with pytest.raises(RuleViolation) as exc:
        certificate_confirm(actor=world["eu_officer"], number=issued.number, date_received=issued.issue_date,
                            parcels=2, carats=issued.total_carats, usd=issued.total_usd, today=later)
    assert exc.value.code == "certificate_expired"
    issued.refresh_from_db()
    assert issued.status == "expired"
    assert not ImportConfirmation.objects.exists()


def test_expiry_sweep(world, issued):
    assert certificates_expire(today=issued.expiry_date) == 0
    assert certificates_expire(today=issued.expiry_date + dt.timedelta(days=1)) == 1
    issued.refresh_from_db()
    assert issued.status == "expired"


def test_void_needs_a_reason_and_the_issuing_side(world, issued):
    with pytest.raises(NotFound):
        certificate_void(actor=world["eu_validator"], number=issued.number, reason="mistake")
    with pytest.raises(Exception) as exc:
        certificate_void(actor=world["validator"], number=issued.number, reason="  ")
    assert getattr(exc.value, "code", "") == "reason_required"
    certificate_void(actor=world["validator"], number=issued.number, reason="wrong importer")
    issued.refresh_from_db()
    assert (issued.status, issued.void_reason) == ("void", "wrong importer")
    with pytest.raises(Conflict):
        certificate_void(actor=world["validator"], number=issued.number, reason="again")


def test_replacement_links_both_ways(world, issued):
    draft = certificate_replace(actor=world["officer"], number=issued.number)
    new = certificate_validate(actor=world["validator"], certificate_id=draft.pk)
    issued.refresh_from_db()
    assert issued.status == "replaced"
    assert new.replaces == issued
    assert issued.replaced_by == new
    with pytest.raises(Conflict):
        certificate_replace(actor=world["officer"], number=issued.number)


def test_key_rotation_keeps_old_certificates_valid_and_revocation_kills_them(world, issued):
    old_kid = issued.signing_key.kid
    key_services.signing_key_rotate(actor=world["validator"], authority=world["bw_auth"], on=TODAY)
    assert signing.verify_qr_text(issued.qr_text, _trust_list(), today=TODAY).valid
    draft = certificate_draft_create(actor=world["officer"], exporting="BW", data=world["input"]())
    newer = certificate_validate(actor=world["validator"], certificate_id=draft.pk)
    assert newer.signing_key.kid != old_kid
    key_services.signing_key_revoke(actor=world["validator"], key=issued.signing_key, reason="compromised")
    result = signing.verify_qr_text(issued.qr_text, _trust_list(), today=TODAY)
    assert (result.valid, result.reason) == (False, "revoked_key")


def test_private_keys_are_sealed_in_the_database(world, issued):
    key = issued.signing_key
    raw = key_services.private_key(key).private_raw()
    assert raw not in bytes(key.sealed_private_key)
    assert "sealed" not in repr(key_services.private_key(key)).lower() or raw.hex() not in repr(
        key_services.private_key(key))


def test_changing_a_stored_field_breaks_verification(world, issued):
    from kpcs.certificates.payload import payload_for

    Certificate.objects.filter(pk=issued.pk).update(total_usd=Decimal("1.00"))
    CertificateLine.objects.filter(certificate=issued).update(usd=Decimal("1.00"))
    tampered = Certificate.objects.get(pk=issued.pk)
    signed = signing.verify_qr_text(issued.qr_text, _trust_list(), today=TODAY).payload
    assert payload_for(tampered) != signed
