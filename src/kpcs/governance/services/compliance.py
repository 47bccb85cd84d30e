"""Non-compliance cases: opened by hand or from a platform signal, the Participation Committee's advice, the
Chair's action (a suspension goes into the registry's status history, which stops certificates to and from the
participant), and closure (which may lift the suspension)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record, snapshot
from kpcs.errors import Conflict, DomainError, NotFound
from kpcs.governance.models import ComplianceCase
from kpcs.governance.selectors.signals import compliance_signals, find_function
from kpcs.governance.services.common import clean_and_save, get_or_404, participant_by_code
from kpcs.governance.status import CASE_TRANSITIONS, CaseSource, CaseStatus, ChairAction
from kpcs.participants import services as registry
from kpcs.participants.selectors import state_of


def _move(case: ComplianceCase, action: str, *, actor: Actor | None, on: dt.date, note: str = "") -> None:
    sources, target = CASE_TRANSITIONS[action]
    if case.status not in sources:
        raise Conflict(_("A case that is %(status)s cannot move to %(target)s.")
                       % {"status": case.get_status_display().lower(), "target": CaseStatus(target).label.lower()},
                       code="invalid_transition")
    last = max(d for d in (case.opened_on, case.advised_on, case.action_on) if d is not None)
    if on < last:
        raise DomainError(_("The date %(date)s is before the previous step of this case (%(previous)s).")
                          % {"date": on.isoformat(), "previous": last.isoformat()}, code="date_before_previous")
    before = case.status
    case.status = target
    clean_and_save(case, "invalid_case")
    audit_record(actor=actor, action="transition", instance=case, note=note,
                 changes={"status": [before, target], "on": on.isoformat()})


@transaction.atomic
def case_open(*, actor: Actor | None, participant: str, opened_on: dt.date, summary: str,
              source: str = CaseSource.MANUAL, signal_key: str = "", details: dict | None = None) -> ComplianceCase:
    if actor is not None:
        require(actor, "governance.compliance.open")
    p = participant_by_code(participant)
    if not (summary or "").strip():
        raise DomainError(_("Say what the case is about."), code="summary_required")
    if source not in CaseSource.values:
        raise DomainError(_("%(source)s is not a source of cases.") % {"source": source}, code="bad_source")
    if state_of(p, opened_on) is None:
        raise DomainError(_("%(code)s has no standing in the scheme on %(date)s.")
                          % {"code": p.code, "date": opened_on.isoformat()}, code="not_a_participant")
    if signal_key and ComplianceCase.objects.filter(signal_key=signal_key).exclude(status=CaseStatus.CLOSED).exists():
        raise Conflict(_("A case is already open for this signal."), code="case_already_open")
    case = ComplianceCase(participant=p, opened_on=opened_on, summary=summary.strip(), source=source,
                          signal_key=signal_key, details=details or {})
    clean_and_save(case, "invalid_case")
    audit_record(actor=actor, action="create", instance=case, changes=snapshot(case))
    return case


@transaction.atomic
def case_open_from_signal(*, actor: Actor | None, signal_key: str, opened_on: dt.date | None = None,
                          ) -> ComplianceCase:
    """Open a case from one of the current signals (see ``compliance_signals``)."""
    if actor is not None:
        require(actor, "governance.compliance.open")
    today = opened_on or dt.date.today()
    signal = next((s for s in compliance_signals(today=today) if s["key"] == signal_key), None)
    if signal is None:
        raise NotFound(_("No current signal with this key."), code="unknown_signal")
    case = case_open(actor=actor, participant=signal["participant"], opened_on=today, summary=signal["summary"],
                     source=signal["source"], signal_key=signal["key"],
                     details={"period": signal["period"], **(signal["details"] or {})})
    if signal.get("referral_id"):
        # Tell the statistics app its referral is now handled by this case (same transaction).
        take_up = find_function((("kpcs.statistics.services.referrals", "compliance_signal_take_up"),))
        if take_up is not None:
            take_up(actor=actor, referral_id=signal["referral_id"], case_reference=f"governance case #{case.pk}")
    return case


@transaction.atomic
def case_advise(*, actor: Actor | None, case_id: int, advice: str, on: dt.date) -> ComplianceCase:
    """The Participation Committee's advice to the Chair (it may be revised before the Chair acts)."""
    if actor is not None:
        require(actor, "governance.compliance.advise")
    case = get_or_404(ComplianceCase, case_id, lock=True, code="unknown_case")
    if not (advice or "").strip():
        raise DomainError(_("Write the committee's advice."), code="advice_required")
    case.advice, case.advised_on = advice.strip(), on
    _move(case, "advise", actor=actor, on=on)
    return case


@transaction.atomic
def case_act(*, actor: Actor | None, case_id: int, action: str, text: str, on: dt.date) -> ComplianceCase:
    """The Chair's action, taken on the committee's advice. A suspension is recorded in the registry's status
    history from ``on``: from then on the participant may neither export nor import under the scheme."""
    if actor is not None:
        require(actor, "governance.compliance.act")
    case = get_or_404(ComplianceCase, case_id, lock=True, code="unknown_case")
    if action not in ChairAction.values:
        raise DomainError(_("%(action)s is not an action of the Chair.") % {"action": action}, code="bad_action")
    if not (text or "").strip():
        raise DomainError(_("Describe the action taken."), code="text_required")
    if case.status not in CASE_TRANSITIONS["act"][0]:
        raise Conflict(_("The Chair acts on the committee's advice: this case has none yet."),
                       code="advice_required_first")
    case.action, case.action_text, case.action_on = action, text.strip(), on
    if action == ChairAction.SUSPENSION:
        # Refused by the registry (and everything rolled back) when its status history does not allow it.
        case.suspension = registry.status_event_add(
            actor=actor, participant=case.participant, date=on, kind="suspended",
            source=_("Non-compliance case #%(id)s") % {"id": case.pk}, note=case.action_text)
    _move(case, "act", actor=actor, on=on)
    return case


@transaction.atomic
def case_close(*, actor: Actor | None, case_id: int, note: str, on: dt.date,
               lift_suspension: bool = False) -> ComplianceCase:
    if actor is not None:
        require(actor, "governance.compliance.act")
    case = get_or_404(ComplianceCase, case_id, lock=True, code="unknown_case")
    if not (note or "").strip():
        raise DomainError(_("Say why the case is closed."), code="note_required")
    if lift_suspension:
        if case.suspension is None:
            raise DomainError(_("This case did not suspend the participant."), code="no_suspension")
        if state_of(case.participant, on) != "suspended":
            raise Conflict(_("%(code)s is not suspended on %(date)s.") % {"code": case.participant.code,
                                                                          "date": on.isoformat()},
                           code="not_suspended")
    case.closed_on, case.closure_note = on, note.strip()
    _move(case, "close", actor=actor, on=on, note=note)
    if lift_suspension:
        case.reinstatement = registry.status_event_add(
            actor=actor, participant=case.participant, date=on, kind="reinstated",
            source=_("Non-compliance case #%(id)s") % {"id": case.pk})
        clean_and_save(case, "invalid_case")
    return case
