from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command

from kpcs.accounts.actor import actor_for
from kpcs.audit.models import AuditEvent
from kpcs.errors import Conflict, DomainError, PermissionDenied
from kpcs.participants import selectors, services
from kpcs.participants.models import Authority, Company, Participant, StatusEvent
from kpcs.participants.reference import load_reference

GATINEAU = dt.date(2004, 10, 29)
pytestmark = pytest.mark.django_db


def codes_on(day: dt.date) -> set[str]:
    return set(selectors.participants_on(day).values_list("code", flat=True))


def test_43_participants_at_gatineau_including_the_eu_and_not_congo(registry):
    codes = codes_on(GATINEAU)
    assert len(codes) == 43
    assert "EU" in codes
    assert "CG" not in codes  # removed in July 2004
    assert "TW" not in codes  # a trading entity, not a participant
    assert not {"HU", "PL", "SI", "LB"} & codes


def test_45_participants_in_the_chairs_notice_of_october_2003(registry):
    assert len(codes_on(dt.date(2003, 10, 31))) == 45


def test_congo_counts_before_its_removal_and_after_readmission(registry):
    assert "CG" in codes_on(dt.date(2004, 7, 1))
    assert "CG" not in codes_on(dt.date(2004, 7, 9))
    assert "CG" in codes_on(dt.date(2008, 1, 1))


def test_who_was_a_participant_is_one_query(registry, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert len(list(selectors.participants_on(GATINEAU))) == 43


def test_suspended_participant_still_counts_but_may_not_trade(registry):
    day = dt.date(2014, 1, 1)
    assert "CF" in codes_on(day)
    assert not selectors.may_trade_on("CF", day)
    assert selectors.may_trade_on("BW", day)


def test_names_in_the_five_languages(registry):
    za = Participant.objects.get(code="ZA")
    assert za.name_fr == "Afrique du Sud"
    assert za.name_es == "Sudáfrica"
    assert za.name_ru == "Южная Африка"
    assert Participant.objects.get(code="EU").name_pt == "União Europeia"


def test_reference_load_is_idempotent(registry):
    before = (Participant.objects.count(), StatusEvent.objects.count(), Company.objects.count())
    assert set(load_reference().values()) == {0}
    assert (Participant.objects.count(), StatusEvent.objects.count(), Company.objects.count()) == before


def test_eu_lists_its_member_states_on_a_date(registry):
    eu = Participant.objects.get(code="EU")
    members = {m.country_code for m in eu.member_states.filter(since__lte=GATINEAU)}
    assert {"BE", "DE", "HU", "PL", "SI"} <= members
    assert "BG" not in members


def test_status_event_out_of_date_order_is_refused_and_nothing_saved(registry, make_user):
    admin = actor_for(make_user("secretariat_admin"))
    cg = Participant.objects.get(code="CG")
    n = StatusEvent.objects.count()
    audits = AuditEvent.objects.count()
    with pytest.raises(DomainError) as exc:
        services.status_event_add(actor=admin, participant=cg, date=dt.date(2005, 1, 1), kind="readmitted")
    assert exc.value.code == "dates_out_of_order"
    assert (StatusEvent.objects.count(), AuditEvent.objects.count()) == (n, audits)


def test_status_event_must_follow_the_status_machine(registry, make_user):
    admin = actor_for(make_user("secretariat_admin"))
    bw = Participant.objects.get(code="BW")
    with pytest.raises(DomainError) as exc:
        services.status_event_add(actor=admin, participant=bw, date=dt.date(2030, 1, 1), kind="readmitted")
    assert exc.value.code == "transition_not_allowed"


def test_status_event_is_audited(registry, make_user):
    admin = actor_for(make_user("secretariat_admin"))
    bw = Participant.objects.get(code="BW")
    event = services.status_event_add(actor=admin, participant=bw, date=dt.date(2030, 1, 1), kind="suspended",
                                      source="test")
    audit = AuditEvent.objects.get(object_type="participants.statusevent", object_id=str(event.pk))
    assert audit.actor == admin.user and audit.action == "create"
    assert not selectors.may_trade_on("BW", dt.date(2030, 1, 2))


def test_only_the_secretariat_edits_the_registry(registry, make_user):
    officer = actor_for(make_user("authority_officer"))
    with pytest.raises(PermissionDenied):
        services.status_event_add(actor=officer, participant=Participant.objects.get(code="BW"),
                                  date=dt.date(2030, 1, 1), kind="suspended")


@pytest.mark.parametrize("code", ["XX", "ZZ", "E1", ""])
def test_unknown_country_code_is_refused(registry, make_user, code):
    admin = actor_for(make_user("secretariat_admin"))
    n = Participant.objects.count()
    with pytest.raises(DomainError) as exc:
        services.participant_create(actor=admin, code=code, kind="government", names={"en": "Nowhere"})
    assert exc.value.code in {"unknown_country"}
    assert Participant.objects.count() == n


def test_duplicate_participant_code_is_refused(registry, make_user):
    admin = actor_for(make_user("secretariat_admin"))
    with pytest.raises(Conflict):
        services.participant_create(actor=admin, code="BW", kind="government", names={"en": "Botswana"})


def test_participant_create_is_audited(registry, make_user):
    admin = actor_for(make_user("secretariat_admin"))
    p = services.participant_create(actor=admin, code="NZ" if not Participant.objects.filter(code="NZ").exists()
                                    else "FJ", kind="government", names={"en": "Fiji"})
    assert AuditEvent.objects.filter(object_type="participants.participant", object_id=str(p.pk)).exists()


def test_company_registration_is_scoped_to_the_officers_participant(registry, make_user):
    officer = actor_for(make_user("authority_officer", participant="BW"))
    bw_authority = services.authority_create(actor=None, participant=Participant.objects.get(code="BW"),
                                             name="Test authority BW")
    eu_authority = services.authority_create(actor=None, participant=Participant.objects.get(code="EU"),
                                             name="Test authority EU")
    company = services.company_register(actor=officer, authority=bw_authority, name="Okavango Rough",
                                        licence_number="BW-T1", licensed_from=dt.date(2004, 1, 1))
    assert company.participant.code == "BW"
    n = Company.objects.count()
    with pytest.raises(PermissionDenied):
        services.company_register(actor=officer, authority=eu_authority, name="Antwerp Rough",
                                  licence_number="EU-T1", licensed_from=dt.date(2004, 1, 1))
    with pytest.raises(DomainError):
        services.company_register(actor=officer, authority=bw_authority, name="Backwards", licence_number="BW-T2",
                                  licensed_from=dt.date(2004, 1, 1), licensed_until=dt.date(2003, 1, 1))
    with pytest.raises(Conflict):
        services.company_register(actor=officer, authority=bw_authority, name="Again", licence_number="BW-T1",
                                  licensed_from=dt.date(2004, 1, 1))
    assert Company.objects.count() == n
    assert Authority.objects.filter(participant__code="BW").exists()


def test_participants_list_command_json_and_csv(registry, capsys):
    call_command("participants", "list", "--on", "2004-10-29", "--format", "json")
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 43
    assert {"code", "name", "kind", "status"} == set(rows[0])
    assert any(r["code"] == "EU" and r["kind"] == "regional_organisation" for r in rows)
    call_command("participants", "list", "--on", "2004-10-29", "--format", "csv")
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "code,name,kind,status"
    assert len(lines) == 44
