"""The governance part of the demo world (idempotent): the Gatineau plenary and its decisions in various
translation states (one adopted, others agreed pending translation or circulation, one ready to adopt), the
bodies it mandated and their deadlines, the Participation Committee of 2005 (and a 2006 draft that breaks its
terms of reference), Russia as Chair for 2005 with Botswana as Vice-Chair (from the registry), an application
and non-compliance cases."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from kpcs.governance import demo_data as data
from kpcs.governance.models import Body, Decision, Meeting
from kpcs.governance.selectors.committee import chairs_for
from kpcs.governance.selectors.decisions import decision_list
from kpcs.governance.selectors.signals import compliance_signals
from kpcs.governance.services import applications, committee, compliance, decisions
from kpcs.governance.status import CaseSource

GATINEAU = (dt.date(2004, 10, 27), dt.date(2004, 10, 29))


def _decisions(meeting: Meeting) -> None:
    for number, (kind, texts, circulated, adopted) in data.DECISIONS.items():
        title, text = texts["en"]
        decision = decisions.decision_create(actor=None, number=number, route="plenary", agreed_on=GATINEAU[1],
                                             title=title, text=text, kind=kind, meeting_id=meeting.pk)
        for language, (title, text) in texts.items():
            if language != "en":
                decisions.decision_text_set(actor=None, decision_id=decision.pk, language=language, title=title,
                                            text=text)
        for language, on in circulated.items():
            decisions.decision_text_circulate(actor=None, decision_id=decision.pk, language=language, on=on)
        if adopted:
            decisions.decision_adopt(actor=None, decision_id=decision.pk, on=adopted)


def _bodies() -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for name, kind, chair, members, parent, mandate, established_by in data.BODIES:
        body = committee.body_create(actor=None, name=name, kind=kind, mandate=mandate,
                                     parent_id=bodies[parent].pk if parent else None, established_by=established_by)
        if chair:
            committee.body_member_add(actor=None, body_id=body.pk, member=chair, role="chair")
        for member in members:
            committee.body_member_add(actor=None, body_id=body.pk, member=member)
        bodies[name] = body
    return bodies


def _deadlines(bodies: dict[str, Body]) -> None:
    for title, due, role, participant, body, decision in data.DEADLINES:
        decisions.deadline_create(actor=None, title=title, due_on=due, owner_role=role, owner_participant=participant,
                                  owner_body_id=bodies[body].pk if body else None, decision_number=decision)


def _committee() -> None:
    for year, seats in data.COMMITTEE.items():
        for member, chair in seats:
            committee.committee_seat_add(actor=None, year=year, member=member, chair=chair)


def _cases() -> None:
    # Russia's statistics, delayed "for internal administrative reasons" and promised before 31 December 2004.
    late = compliance.case_open(actor=None, participant="RU", opened_on=dt.date(2004, 10, 1),
                                source=CaseSource.STATISTICS_LATE,
                                summary="Production and trade statistics for 2004 not yet submitted.")
    compliance.case_advise(actor=None, case_id=late.pk, on=GATINEAU[1],
                           advice="Take note of the commitment to report before 31 December 2004; follow up then.")
    # The Republic of Congo: exports that its production and imports cannot explain; removed in July 2004.
    congo = compliance.case_open(actor=None, participant="CG", opened_on=dt.date(2004, 4, 15),
                                 summary="Recorded exports far above what production and imports can explain.")
    compliance.case_advise(actor=None, case_id=congo.pk, on=dt.date(2004, 6, 28),
                           advice="The review mission confirmed the discrepancy; remove from the list of participants.")
    compliance.case_act(actor=None, case_id=congo.pk, action="other", on=dt.date(2004, 7, 9),
                        text="Removed from the list of participants by the Chair on the committee's advice.")
    compliance.case_close(actor=None, case_id=congo.pk, on=dt.date(2004, 7, 9), note="Participation ended.")
    # One case from a live signal of the platform, when the demo certificates or statistics give one.
    signal = next((s for s in compliance_signals() if s["case"] is None), None)
    if signal is not None:
        compliance.case_open_from_signal(actor=None, signal_key=signal["key"])


def _application() -> None:
    # Illustrative: an applicant with no history in the registry yet.
    application = applications.application_receive(actor=None, participant="ML", received_on=dt.date(2004, 6, 15),
                                                    note="Demo application (illustrative).")
    applications.application_assess(actor=None, application_id=application.pk, on=dt.date(2004, 10, 15),
                                     assessment="Legislation on rough diamond imports and exports is drafted; the "
                                                "exporting authority is designated; no certificate is in use yet.")
    applications.application_recommend(actor=None, application_id=application.pk, recommendation="not_yet",
                                       on=dt.date(2004, 10, 28),
                                       reasons="Admit once the implementing legislation is in force.")


def build_demo() -> str:
    if Decision.objects.exists():
        return f"already loaded ({Decision.objects.count()} decisions)"
    with transaction.atomic():
        meeting = decisions.meeting_create(actor=None, place="Gatineau", starts_on=GATINEAU[0], ends_on=GATINEAU[1],
                                           host="CA")
        decisions.meeting_create(actor=None, place="Sun City", starts_on=dt.date(2003, 10, 29),
                                 ends_on=dt.date(2003, 10, 31), host="ZA")
        _decisions(meeting)
        bodies = _bodies()
        _deadlines(bodies)
        _committee()
        _cases()
        _application()
    states = [state.state for _d, state in decision_list()]
    chairs = chairs_for(2005)
    return (f"{len(states)} Gatineau decisions ({states.count('adopted')} adopted, "
            f"{len(states) - states.count('adopted')} agreed pending translation or adoption), "
            f"Chair 2005 {chairs.chair.code if chairs.chair else '-'}, "
            f"Vice-Chair {chairs.vice_chair.code if chairs.vice_chair else '-'}")
