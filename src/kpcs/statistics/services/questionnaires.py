"""Data Anomaly Questionnaires: drafted from swing findings, sent to the focal point, answered, closed, kept.

The statuses and the moves between them are data (``TRANSITIONS``); only these services move a
questionnaire, and each move is audited.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record
from kpcs.errors import Conflict, DomainError, NotFound
from kpcs.participants.models import Participant
from kpcs.statistics.messages import translated
from kpcs.statistics.models import Questionnaire
from kpcs.statistics.selectors.anomalies import report_findings
from kpcs.statistics.selectors.questionnaires import questionnaire_get
from kpcs.statistics.selectors.settings import reporting_settings
from kpcs.statmath.periods import PeriodError, parse_period
from kpcs.statmath.records import Finding

S = Questionnaire.Status
# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "send": (frozenset({S.DRAFT}), S.SENT),
    "answer": (frozenset({S.SENT}), S.ANSWERED),
    "close": (frozenset({S.DRAFT, S.ANSWERED}), S.CLOSED),
}


def draft_questions(participant: str, period: str, flow: str, findings: list[Finding]) -> str:
    """The questionnaire's text in the active language: what was found, and what is asked."""
    lines = [_("Data Anomaly Questionnaire: %(participant)s, %(flow)s, %(period)s")
             % {"participant": participant, "flow": flow, "period": period}, "",
             _("The Working Group on Statistics compared your figures with the previous period and found:")]
    lines += [f"{n}. {translated(f)['message']}" for n, f in enumerate(findings, start=1)]
    lines += ["", _("Please explain each change (for example a new mine or a mine closure, sales from stock, a "
                    "change of valuation method, or an error). If a figure is wrong, submit a revised file: it "
                    "becomes a new vintage and the earlier one stays on record.")]
    return "\n".join(lines)


def _move(q: Questionnaire, action: str, actor: Actor | None, **changes: object) -> None:
    sources, target = TRANSITIONS[action]
    if q.status not in sources:
        raise Conflict(_("A questionnaire that is %(status)s cannot take this step.")
                       % {"status": S(q.status).label.lower()}, code="invalid_transition")
    before = q.status
    q.status = target
    q.full_clean()
    q.save()
    audit_record(actor=actor, action="transition", instance=q,
                 changes={"status": [before, target], **{k: str(v) for k, v in changes.items()}})


@transaction.atomic
def questionnaire_draft(*, actor: Actor | None, participant: str, period: str, flow: str) -> Questionnaire:
    """Draft a questionnaire for one report from its swing findings (refused when there are none)."""
    if actor is not None:
        require(actor, "statistics.questionnaire.manage")
    try:
        period = str(parse_period(period))
    except PeriodError:
        raise DomainError(_("“%(value)s” is not a reporting period.") % {"value": period}, code="bad_period") from None
    findings = report_findings(participant=participant, period=period, flow=flow)
    if not findings:
        raise DomainError(_("No swing was found in this report: there is nothing to ask about."), code="no_finding")
    subject = Participant.objects.filter(code=participant).first()
    if subject is None:
        raise NotFound(_("No participant with code %(code)s.") % {"code": participant})
    q = Questionnaire(participant=subject, period=period, flow=flow, findings=list(findings),
                      questions=draft_questions(participant, period, flow, findings),
                      drafted_by=actor.user if actor is not None and not actor.is_anonymous else None)
    q.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            q.save()
    except IntegrityError:
        raise Conflict(_("An open questionnaire on this report already exists."),
                       code="questionnaire_exists") from None
    audit_record(actor=actor, action="create", instance=q, changes={"status": [None, q.status],
                                                                    "findings": len(findings)})
    return q


def _locked(actor: Actor | None, questionnaire_id: int) -> Questionnaire:
    if actor is not None:
        questionnaire_get(actor=actor, questionnaire_id=questionnaire_id)  # the same "not found" for not-yours
    q = Questionnaire.objects.select_for_update().select_related("participant").filter(pk=questionnaire_id).first()
    if q is None:
        raise NotFound(_("No such questionnaire."))
    return q


@transaction.atomic
def questionnaire_update(*, actor: Actor | None, questionnaire_id: int, questions: str) -> Questionnaire:
    """Edit the questions while the questionnaire is a draft."""
    if actor is not None:
        require(actor, "statistics.questionnaire.manage")
    q = _locked(actor, questionnaire_id)
    if q.status != S.DRAFT:
        raise Conflict(_("Only a draft questionnaire can be edited."), code="invalid_transition")
    if not questions.strip():
        raise DomainError(_("Write the questions."), code="questions_required")
    q.questions = questions
    q.save(update_fields=["questions"])
    audit_record(actor=actor, action="update", instance=q, changes={"questions": "edited"})
    return q


@transaction.atomic
def questionnaire_send(*, actor: Actor | None, questionnaire_id: int, today: dt.date | None = None) -> Questionnaire:
    """Send the questionnaire to the participant's focal point, with an answer date."""
    if actor is not None:
        require(actor, "statistics.questionnaire.manage")
    today = today or dt.date.today()
    q = _locked(actor, questionnaire_id)
    q.sent_on = today
    q.due_on = today + dt.timedelta(days=reporting_settings().questionnaire_answer_days)
    _move(q, "send", actor, due_on=q.due_on)
    return q


@transaction.atomic
def questionnaire_answer(*, actor: Actor | None, questionnaire_id: int, answer: str,
                         today: dt.date | None = None) -> Questionnaire:
    """The focal point of the participant answers."""
    q = _locked(actor, questionnaire_id)
    if actor is not None:
        require(actor, "statistics.questionnaire.answer", participant=q.participant.code)
    if not answer.strip():
        raise DomainError(_("Write the answer."), code="answer_required")
    q.answer = answer
    q.answered_on = today or dt.date.today()
    q.answered_by = actor.user if actor is not None and not actor.is_anonymous else None
    _move(q, "answer", actor)
    return q


@transaction.atomic
def questionnaire_close(*, actor: Actor | None, questionnaire_id: int, outcome: str = "",
                        today: dt.date | None = None) -> Questionnaire:
    """Close an answered questionnaire with the WGS's conclusion (or discard a draft). It is kept."""
    if actor is not None:
        require(actor, "statistics.questionnaire.manage")
    q = _locked(actor, questionnaire_id)
    q.outcome = outcome
    q.closed_on = today or dt.date.today()
    _move(q, "close", actor, outcome=outcome)
    return q
