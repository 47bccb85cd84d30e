"""Meetings, decisions and their texts in the official languages, formal adoption under Rule 26, deadlines."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.accounts.roles import Role
from kpcs.audit.services import audit_record, diff, snapshot
from kpcs.errors import Conflict, DomainError
from kpcs.governance.models import Body, Deadline, Decision, DecisionText, Meeting
from kpcs.governance.selectors.decisions import rule26_state
from kpcs.governance.services.common import clean_and_save, get_or_404, participant_by_code
from kpcs.governance.status import OFFICIAL_LANGUAGES, DeadlineStatus, DecisionKind, MeetingKind, Route, language_name


@transaction.atomic
def meeting_create(*, actor: Actor | None, place: str, starts_on: dt.date, ends_on: dt.date,
                   kind: str = MeetingKind.PLENARY, host: str | None = None) -> Meeting:
    if actor is not None:
        require(actor, "governance.manage")
    if ends_on < starts_on:
        raise DomainError(_("The meeting ends (%(end)s) before it starts (%(start)s).")
                          % {"start": starts_on.isoformat(), "end": ends_on.isoformat()}, code="dates_inverted")
    if kind not in MeetingKind.values:
        raise DomainError(_("%(kind)s is not a kind of meeting.") % {"kind": kind}, code="bad_kind")
    if not (place or "").strip():
        raise DomainError(_("Say where the meeting takes place."), code="place_required")
    if Meeting.objects.filter(place=place.strip(), starts_on=starts_on).exists():
        raise Conflict(_("This meeting is already recorded."), code="duplicate_meeting")
    meeting = Meeting(place=place.strip(), starts_on=starts_on, ends_on=ends_on, kind=kind,
                      host=participant_by_code(host) if host else None)
    clean_and_save(meeting, "invalid_meeting")
    audit_record(actor=actor, action="create", instance=meeting, changes=snapshot(meeting))
    return meeting


@transaction.atomic
def decision_create(*, actor: Actor | None, number: str, route: str, agreed_on: dt.date, title: str, text: str,
                    kind: str = DecisionKind.DECISION, meeting_id: int | None = None,
                    language: str = "en") -> Decision:
    """Record a decision agreed by consensus, with its text in the language it was agreed in."""
    if actor is not None:
        require(actor, "governance.manage")
    number = (number or "").strip()
    if not number:
        raise DomainError(_("Give the decision a number."), code="number_required")
    if Decision.objects.filter(number=number).exists():
        raise Conflict(_("A decision numbered %(number)s already exists.") % {"number": number},
                       code="duplicate_number")
    if route not in Route.values:
        raise DomainError(_("A decision is taken at a plenary or by written procedure."), code="bad_route")
    if kind not in DecisionKind.values:
        raise DomainError(_("%(kind)s is not a kind of decision.") % {"kind": kind}, code="bad_kind")
    meeting = get_or_404(Meeting, meeting_id, code="unknown_meeting") if meeting_id else None
    if route == Route.PLENARY and meeting is None:
        raise DomainError(_("A plenary decision names the meeting that took it."), code="meeting_required")
    if meeting is not None and not meeting.starts_on <= agreed_on <= meeting.ends_on:
        raise DomainError(_("The decision must be agreed during the meeting (%(start)s to %(end)s).")
                          % {"start": meeting.starts_on.isoformat(), "end": meeting.ends_on.isoformat()},
                          code="date_outside_meeting")
    decision = Decision(number=number, route=route, agreed_on=agreed_on, kind=kind, meeting=meeting)
    clean_and_save(decision, "invalid_decision")
    audit_record(actor=actor, action="create", instance=decision, changes=snapshot(decision))
    decision_text_set(actor=actor, decision_id=decision.pk, language=language, title=title, text=text)
    return decision


def _check_language(language: str) -> None:
    if language not in OFFICIAL_LANGUAGES:
        raise DomainError(_("%(language)s is not an official language of the Kimberley Process (en, fr, pt, es, ru).")
                          % {"language": language}, code="not_official_language")


@transaction.atomic
def decision_text_set(*, actor: Actor | None, decision_id: int, language: str, title: str, text: str) -> DecisionText:
    """Add or correct the text in one official language. An adopted decision's texts no longer change."""
    if actor is not None:
        require(actor, "governance.manage")
    _check_language(language)
    decision = get_or_404(Decision, decision_id, lock=True, code="unknown_decision")
    if decision.adopted_on is not None:
        raise Conflict(_("Decision %(number)s is formally adopted; its texts can no longer change.")
                       % {"number": decision.number}, code="decision_adopted")
    if not (title or "").strip() or not (text or "").strip():
        raise DomainError(_("Give the title and the text."), code="text_required")
    row = DecisionText.objects.filter(decision=decision, language=language).first()
    before = snapshot(row) if row else {}
    if row is None:
        row = DecisionText(decision=decision, language=language)
    elif row.title != title.strip() or row.text != text.strip():
        row.circulated_on = None  # a corrected text must be made available again
    row.title, row.text = title.strip(), text.strip()
    clean_and_save(row, "invalid_text")
    audit_record(actor=actor, action="update" if before else "create", instance=row,
                 changes=diff(before, snapshot(row)))
    return row


@transaction.atomic
def decision_text_circulate(*, actor: Actor | None, decision_id: int, language: str, on: dt.date) -> DecisionText:
    """Record that the text in ``language`` was made available to all participants on ``on``."""
    if actor is not None:
        require(actor, "governance.manage")
    _check_language(language)
    decision = get_or_404(Decision, decision_id, code="unknown_decision")
    row = DecisionText.objects.select_for_update().filter(decision=decision, language=language).first()
    if row is None:
        raise DomainError(_("There is no %(language)s text to make available yet.")
                          % {"language": language_name(language)}, code="text_missing")
    if on < decision.agreed_on:
        raise DomainError(_("A text cannot be made available before the decision was agreed (%(date)s).")
                          % {"date": decision.agreed_on.isoformat()}, code="date_before_agreed")
    before = snapshot(row)
    row.circulated_on = on
    clean_and_save(row, "invalid_text")
    audit_record(actor=actor, action="update", instance=row, changes=diff(before, snapshot(row)))
    return row


@transaction.atomic
def decision_adopt(*, actor: Actor | None, decision_id: int, on: dt.date) -> Decision:
    """Mark a decision formally adopted (Rule 26). Refused while a text in one of the five official languages
    is missing or was not made available to all participants."""
    if actor is not None:
        require(actor, "governance.manage")
    decision = get_or_404(Decision, decision_id, lock=True, code="unknown_decision")
    if decision.adopted_on is not None:
        raise Conflict(_("Decision %(number)s is already formally adopted.") % {"number": decision.number},
                       code="already_adopted")
    state = rule26_state(decision)
    if state.missing:
        raise Conflict(_("Decision %(number)s cannot be formally adopted: its text is missing in %(languages)s "
                         "(Rule 26).") % {"number": decision.number,
                                          "languages": ", ".join(language_name(x) for x in state.missing)},
                       code="translations_missing", details={"missing": state.missing})
    if state.not_circulated:
        raise Conflict(_("Decision %(number)s cannot be formally adopted: the %(languages)s text has not been made "
                         "available to all participants (Rule 26).")
                       % {"number": decision.number,
                          "languages": ", ".join(language_name(x) for x in state.not_circulated)},
                       code="translations_not_circulated", details={"not_circulated": state.not_circulated})
    if state.last_circulated is not None and on < state.last_circulated:
        raise DomainError(_("A decision is adopted once its last text was made available (%(date)s), not before.")
                          % {"date": state.last_circulated.isoformat()}, code="date_before_circulation")
    decision.adopted_on = on
    clean_and_save(decision, "invalid_decision")
    audit_record(actor=actor, action="transition", instance=decision,
                 changes={"status": ["agreed", "adopted"], "adopted_on": on.isoformat()})
    return decision


@transaction.atomic
def deadline_create(*, actor: Actor | None, title: str, due_on: dt.date, owner_role: str = "",
                    owner_participant: str | None = None, owner_body_id: int | None = None,
                    decision_number: str | None = None, note: str = "") -> Deadline:
    if actor is not None:
        require(actor, "governance.manage")
    if owner_role and owner_role not in Role.values:
        raise DomainError(_("%(role)s is not a role.") % {"role": owner_role}, code="bad_role")
    if not (owner_role or owner_participant or owner_body_id):
        raise DomainError(_("A deadline has an owner: a role, a participant or a body."), code="owner_required")
    decision = None
    if decision_number:
        decision = Decision.objects.filter(number=decision_number).first()
        if decision is None:
            raise DomainError(_("No decision numbered %(number)s.") % {"number": decision_number},
                              code="unknown_decision")
    deadline = Deadline(title=(title or "").strip(), due_on=due_on, owner_role=owner_role, note=note,
                        owner_participant=participant_by_code(owner_participant) if owner_participant else None,
                        owner_body=get_or_404(Body, owner_body_id, code="unknown_body") if owner_body_id else None,
                        decision=decision)
    clean_and_save(deadline, "invalid_deadline")
    audit_record(actor=actor, action="create", instance=deadline, changes=snapshot(deadline))
    return deadline


@transaction.atomic
def deadline_done(*, actor: Actor | None, deadline_id: int, on: dt.date) -> Deadline:
    if actor is not None:
        require(actor, "governance.manage")
    deadline = get_or_404(Deadline, deadline_id, lock=True, code="unknown_deadline")
    if deadline.status == DeadlineStatus.DONE:
        raise Conflict(_("This deadline is already met."), code="already_done")
    deadline.status, deadline.done_on = DeadlineStatus.DONE, on
    clean_and_save(deadline, "invalid_deadline")
    audit_record(actor=actor, action="transition", instance=deadline,
                 changes={"status": [DeadlineStatus.OPEN, DeadlineStatus.DONE], "done_on": on.isoformat()})
    return deadline
