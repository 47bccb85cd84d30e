"""Non-compliance cases: opened by hand or from signals, the committee's advice, the Chair's action (a
suspension blocks certificates to and from the participant), closure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kpcs.accounts.actor import actor_for
from kpcs.audit.models import AuditEvent
from kpcs.certificates.models import Certificate
from kpcs.certificates.rules import DraftInput, LineInput, OriginInput, check_draft
from kpcs.errors import Conflict, DomainError, PermissionDenied
from kpcs.governance.models import ComplianceCase
from kpcs.governance.selectors import signals as signals_module
from kpcs.governance.selectors.signals import compliance_signals
from kpcs.governance.services import compliance as svc
from kpcs.participants import services as registry_services
from kpcs.participants.models import Participant
from kpcs.participants.selectors import may_trade_on

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def trade(registry):
    """Botswana exports to the EU: an authority and a licensed company on each side."""
    bw, eu = Participant.objects.get(code="BW"), Participant.objects.get(code="EU")
    bw_auth = registry_services.authority_create(actor=None, participant=bw, name="BW Diamond Office")
    eu_auth = registry_services.authority_create(actor=None, participant=eu, name="Antwerp Diamond Office")
    since = D(2003, 1, 1)
    exporter = registry_services.company_register(actor=None, authority=bw_auth, name="Kalahari Rough",
                                                  licence_number="BW-1", licensed_from=since)
    importer = registry_services.company_register(actor=None, authority=eu_auth, name="Schelde Rough",
                                                  licence_number="EU-1", licensed_from=since)
    return DraftInput(destination="EU", exporter_id=exporter.pk, importer_id=importer.pk, parcels=1,
                      lines=[LineInput("7102.31", Decimal("100.00"), Decimal("25000.00"))],
                      origins=[OriginInput("BW")])


def _codes(participant: str, data: DraftInput, on: dt.date) -> set[str]:
    problems, _resolved = check_draft(Participant.objects.get(code=participant), data, on=on)
    return {p.code for p in problems}


def test_suspension_by_the_chair_blocks_certificates_and_closure_lifts_it(secretariat, committee_member, trade):
    on = D(2005, 6, 1)
    assert _codes("BW", trade, on) == set()
    case = svc.case_open(actor=committee_member, participant="BW", opened_on=D(2005, 5, 1),
                         summary="Exports that production and imports cannot explain.")
    with pytest.raises(Conflict) as exc:  # the Chair acts on the committee's advice
        svc.case_act(actor=secretariat, case_id=case.pk, action="suspension", text="Suspended", on=on)
    assert exc.value.code == "advice_required_first"
    with pytest.raises(PermissionDenied):  # the committee advises, the Chair acts
        svc.case_advise(actor=secretariat, case_id=case.pk, advice="Suspend", on=D(2005, 5, 20))
    svc.case_advise(actor=committee_member, case_id=case.pk, advice="Suspend until explained.", on=D(2005, 5, 20))
    case = svc.case_act(actor=secretariat, case_id=case.pk, action="suspension", text="Suspended by the Chair.",
                        on=on)
    assert case.status == "action_taken" and case.suspension.kind == "suspended"
    assert not may_trade_on("BW", on)
    assert "exporter_not_trading" in _codes("BW", trade, on)
    assert "destination_suspended" in _codes("EU", DraftInput(**{**trade.__dict__, "destination": "BW"}), on)
    svc.case_close(actor=secretariat, case_id=case.pk, note="Explained.", on=D(2005, 9, 1), lift_suspension=True)
    assert may_trade_on("BW", D(2005, 9, 1)) and _codes("BW", trade, D(2005, 9, 1)) == set()


def test_a_suspension_the_registry_refuses_rolls_everything_back(secretariat, committee_member, registry):
    case = svc.case_open(actor=committee_member, participant="BW", opened_on=D(2003, 9, 1), summary="Old case")
    svc.case_advise(actor=committee_member, case_id=case.pk, advice="Suspend", on=D(2003, 9, 2))
    before = AuditEvent.objects.count()
    with pytest.raises(DomainError) as exc:  # before the last event of BW's history: refused by the registry
        svc.case_act(actor=secretariat, case_id=case.pk, action="suspension", text="x", on=D(2003, 8, 1))
    assert exc.value.code in {"dates_out_of_order", "date_before_previous"}
    case.refresh_from_db()
    assert case.status == "advised" and case.suspension is None and AuditEvent.objects.count() == before
    assert may_trade_on("BW", D(2005, 1, 1))


@pytest.mark.parametrize("kwargs, code", [
    ({"participant": "ZZ"}, "unknown_participant"),
    ({"summary": " "}, "summary_required"),
    ({"participant": "ML"}, "not_a_participant"),
])
def test_bad_cases_are_refused(committee_member, registry, kwargs, code):
    with pytest.raises(DomainError) as exc:
        svc.case_open(actor=committee_member, **({"participant": "BW", "opened_on": D(2005, 1, 1),
                                                  "summary": "x"} | kwargs))
    assert exc.value.code == code
    assert not ComplianceCase.objects.exists()


def test_chronically_overdue_confirmations_and_stale_recommendations_are_signals(committee_member, trade,
                                                                                  make_user):
    from kpcs.certificates.services.lifecycle import certificate_draft_create, certificate_validate

    officer = actor_for(make_user("authority_officer", participant="BW", username="officer-bw"))
    validator = actor_for(make_user("authority_validator", participant="BW", username="validator-bw"))
    for _ in range(3):
        draft = certificate_draft_create(actor=officer, exporting="BW", data=trade)
        certificate_validate(actor=validator, certificate_id=draft.pk)
    today = dt.date.today()
    Certificate.objects.update(issue_date=today - dt.timedelta(days=45))
    found = [s for s in compliance_signals(today=today) if s["source"] == "confirmations_overdue"]
    assert [s["participant"] for s in found] == ["EU"]
    case = svc.case_open_from_signal(actor=committee_member, signal_key=found[0]["key"])
    assert case.source == "confirmations_overdue" and case.details["overdue"] == 3
    assert compliance_signals(today=today)[0]["case"] == case.pk
    with pytest.raises(Conflict):
        svc.case_open_from_signal(actor=committee_member, signal_key=found[0]["key"])


def test_statistics_signals_are_used_when_the_statistics_app_offers_them(committee_member, registry, monkeypatch):
    taken = []

    def fake(providers):
        if providers is signals_module.STATISTICS_PROVIDERS:
            return lambda: [{"kind": "missing_report", "participant": "ru", "period": "2004", "id": 7,
                             "message": "RU has not sent its 2004 report."}]
        return lambda **kw: taken.append(kw)

    monkeypatch.setattr(signals_module, "find_function", fake)
    monkeypatch.setattr(svc, "find_function", fake)
    found = [s for s in compliance_signals() if s["source"] == "missing"]
    assert found and found[0]["participant"] == "RU" and found[0]["summary"] == "RU has not sent its 2004 report."
    case = svc.case_open_from_signal(actor=committee_member, signal_key=found[0]["key"])
    assert taken == [{"actor": committee_member, "referral_id": 7, "case_reference": f"governance case #{case.pk}"}]


def test_statistics_absent_or_failing_gives_no_signal(registry, monkeypatch):
    def broken():
        raise RuntimeError("statistics down")

    monkeypatch.setattr(signals_module, "find_function", lambda providers: broken)
    assert signals_module._statistics_signals() == []
    monkeypatch.setattr(signals_module, "find_function", lambda providers: None)
    assert signals_module._statistics_signals() == []
