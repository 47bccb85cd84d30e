"""Applications to join and non-compliance cases, with the signals cases are opened from."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Schema, Status

from kpcs.accounts.permissions import require
from kpcs.api.auth import actor_from
from kpcs.governance import serializers as out
from kpcs.governance.api.common import router
from kpcs.governance.selectors.cases import application_get, application_list, case_get, case_list
from kpcs.governance.selectors.signals import compliance_signals
from kpcs.governance.services import applications, compliance


class ApplicationIn(Schema):
    participant: str
    received_on: dt.date
    note: str = ""


class AssessIn(Schema):
    assessment: str
    on: dt.date
    review_visit_id: int | None = None


class RecommendIn(Schema):
    recommendation: str
    reasons: str = ""
    on: dt.date


class DecideIn(Schema):
    admit: bool
    route: str
    on: dt.date
    decision_number: str | None = None


class OnIn(Schema):
    on: dt.date
    note: str = ""


class CaseIn(Schema):
    participant: str
    opened_on: dt.date
    summary: str


class SignalIn(Schema):
    key: str


class AdviseIn(Schema):
    advice: str
    on: dt.date


class ActIn(Schema):
    action: str
    text: str
    on: dt.date


class CloseIn(Schema):
    note: str
    on: dt.date
    lift_suspension: bool = False


@router.get("/governance/applications", response=list[dict], summary="Applications to join the scheme")
def application_index(request: HttpRequest, status: str | None = None):
    require(actor_from(request), "governance.applications.view")
    return [out.application_dict(a) for a in application_list(status=status)]


@router.post("/governance/applications", response={201: dict}, summary="Record an application")
def application_create(request: HttpRequest, payload: ApplicationIn):
    actor = actor_from(request)
    require(actor, "governance.applications.decide")
    return Status(201, out.application_dict(applications.application_receive(actor=actor, **payload.dict())))


@router.get("/governance/applications/{int:application_id}", response=dict, summary="One application")
def application_detail(request: HttpRequest, application_id: int):
    require(actor_from(request), "governance.applications.view")
    return out.application_dict(application_get(application_id))


@router.post("/governance/applications/{int:application_id}/assess", response=dict, summary="Assess")
def application_assess(request: HttpRequest, application_id: int, payload: AssessIn):
    actor = actor_from(request)
    require(actor, "governance.applications.assess")
    return out.application_dict(applications.application_assess(actor=actor, application_id=application_id,
                                                                **payload.dict()))


@router.post("/governance/applications/{int:application_id}/recommend", response=dict,
             summary="The committee's recommendation (admit | not_yet)")
def application_recommend(request: HttpRequest, application_id: int, payload: RecommendIn):
    actor = actor_from(request)
    require(actor, "governance.applications.assess")
    return out.application_dict(applications.application_recommend(actor=actor, application_id=application_id,
                                                                   **payload.dict()))


@router.post("/governance/applications/{int:application_id}/decide", response=dict,
             summary="The plenary's or the written procedure's decision")
def application_decide(request: HttpRequest, application_id: int, payload: DecideIn):
    actor = actor_from(request)
    require(actor, "governance.applications.decide")
    return out.application_dict(applications.application_decide(actor=actor, application_id=application_id,
                                                                **payload.dict()))


@router.post("/governance/applications/{int:application_id}/admit", response=dict,
             summary="Admit: records the admission in the registry's status history")
def application_admit(request: HttpRequest, application_id: int, payload: OnIn):
    actor = actor_from(request)
    require(actor, "governance.applications.decide")
    return out.application_dict(applications.application_admit(actor=actor, application_id=application_id,
                                                               on=payload.on))


@router.post("/governance/applications/{int:application_id}/withdraw", response=dict, summary="Withdrawn")
def application_withdraw(request: HttpRequest, application_id: int, payload: OnIn):
    actor = actor_from(request)
    require(actor, "governance.applications.decide")
    return out.application_dict(applications.application_withdraw(actor=actor, application_id=application_id,
                                                                  **payload.dict()))


@router.get("/governance/signals", response=list[dict], summary="Signals of possible non-compliance")
def signals(request: HttpRequest):
    require(actor_from(request), "governance.compliance.view")
    return compliance_signals()


@router.post("/governance/signals/open", response={201: dict}, summary="Open a case from a signal")
def signal_open(request: HttpRequest, payload: SignalIn):
    actor = actor_from(request)
    require(actor, "governance.compliance.open")
    return Status(201, out.case_dict(compliance.case_open_from_signal(actor=actor, signal_key=payload.key)))


@router.get("/governance/cases", response=list[dict], summary="Non-compliance cases")
def case_index(request: HttpRequest, status: str | None = None, participant: str | None = None):
    require(actor_from(request), "governance.compliance.view")
    return [out.case_dict(c) for c in case_list(status=status, participant=participant)]


@router.post("/governance/cases", response={201: dict}, summary="Open a case by hand")
def case_create(request: HttpRequest, payload: CaseIn):
    actor = actor_from(request)
    require(actor, "governance.compliance.open")
    return Status(201, out.case_dict(compliance.case_open(actor=actor, **payload.dict())))


@router.get("/governance/cases/{int:case_id}", response=dict, summary="One case")
def case_detail(request: HttpRequest, case_id: int):
    require(actor_from(request), "governance.compliance.view")
    return out.case_dict(case_get(case_id))


@router.post("/governance/cases/{int:case_id}/advise", response=dict, summary="The committee's advice")
def case_advise(request: HttpRequest, case_id: int, payload: AdviseIn):
    actor = actor_from(request)
    require(actor, "governance.compliance.advise")
    return out.case_dict(compliance.case_advise(actor=actor, case_id=case_id, **payload.dict()))


@router.post("/governance/cases/{int:case_id}/act", response=dict,
             summary="The Chair's action (reminder | suspension | other); a suspension blocks certificates")
def case_act(request: HttpRequest, case_id: int, payload: ActIn):
    actor = actor_from(request)
    require(actor, "governance.compliance.act")
    return out.case_dict(compliance.case_act(actor=actor, case_id=case_id, **payload.dict()))


@router.post("/governance/cases/{int:case_id}/close", response=dict, summary="Close (optionally lift a suspension)")
def case_close(request: HttpRequest, case_id: int, payload: CloseIn):
    actor = actor_from(request)
    require(actor, "governance.compliance.act")
    return out.case_dict(compliance.case_close(actor=actor, case_id=case_id, **payload.dict()))
