"""Applications to join the scheme: received → assessed (possibly after a review visit) → committee
recommendation → decision of the plenary or by written procedure → admitted, which appends the admission to the
registry's status history through the registry's own service."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.audit.services import audit_record, snapshot
from kpcs.errors import Conflict, DomainError
from kpcs.governance.models import Application, Decision
from kpcs.governance.services.common import clean_and_save, get_or_404, participant_by_code
from kpcs.governance.status import (
    APPLICATION_OPEN,
    APPLICATION_TRANSITIONS,
    ApplicationStatus,
    Recommendation,
    Route,
)
from kpcs.participants import services as registry
from kpcs.participants.selectors import state_of
from kpcs.participants.status import PARTICIPANT_STATES, event_allowed
from kpcs.reviews.models import ReviewVisit

# Who may take each step.
STEP_ACTION = {"assess": "governance.applications.assess", "recommend": "governance.applications.assess",
               "decide_admit": "governance.applications.decide", "decide_reject": "governance.applications.decide",
               "admit": "governance.applications.decide", "withdraw": "governance.applications.decide"}


def _move(application: Application, action: str, *, actor: Actor | None, on: dt.date, note: str = "") -> None:
    sources, target = APPLICATION_TRANSITIONS[action]
    if application.status not in sources:
        raise Conflict(_("An application that is %(status)s cannot move to %(target)s.")
                       % {"status": application.get_status_display().lower(),
                          "target": ApplicationStatus(target).label.lower()}, code="invalid_transition")
    last = max(d for d in (application.received_on, application.assessed_on, application.recommended_on,
                           application.decided_on) if d is not None)
    if on < last:
        raise DomainError(_("The date %(date)s is before the previous step of this application (%(previous)s).")
                          % {"date": on.isoformat(), "previous": last.isoformat()}, code="date_before_previous")
    before = application.status
    application.status = target
    clean_and_save(application, "invalid_application")
    audit_record(actor=actor, action="transition", instance=application, note=note,
                 changes={"status": [before, target], "on": on.isoformat()})


@transaction.atomic
def application_receive(*, actor: Actor | None, participant: str, received_on: dt.date, note: str = "") -> Application:
    """Record an application. The registry notes the applicant (an "applied" event) when its history allows."""
    if actor is not None:
        require(actor, "governance.applications.decide")
    p = participant_by_code(participant)
    if state_of(p, received_on) in PARTICIPANT_STATES:
        raise Conflict(_("%(code)s is already a participant on %(date)s.") % {"code": p.code,
                                                                               "date": received_on.isoformat()},
                       code="already_participant")
    if Application.objects.filter(participant=p, status__in=APPLICATION_OPEN).exists():
        raise Conflict(_("%(code)s already has an application under way.") % {"code": p.code},
                       code="application_open")
    application = Application(participant=p, received_on=received_on, note=note)
    clean_and_save(application, "invalid_application")
    state = state_of(p, received_on)
    if state != "applicant" and event_allowed(state, "applied"):
        event = registry.status_event_add(actor=actor, participant=p, date=received_on, kind="applied",
                                          source=_("Application #%(id)s") % {"id": application.pk})
        application.status_events.add(event)
    audit_record(actor=actor, action="create", instance=application, changes=snapshot(application))
    return application


@transaction.atomic
def application_assess(*, actor: Actor | None, application_id: int, assessment: str, on: dt.date,
                       review_visit_id: int | None = None) -> Application:
    if actor is not None:
        require(actor, STEP_ACTION["assess"])
    application = get_or_404(Application, application_id, lock=True, code="unknown_application")
    if not (assessment or "").strip():
        raise DomainError(_("Write the assessment."), code="assessment_required")
    if review_visit_id is not None:
        visit = ReviewVisit.objects.filter(pk=review_visit_id).first()
        if visit is None or visit.participant_id != application.participant_id:
            raise DomainError(_("The review visit must be a visit to the applicant."), code="visit_not_applicant")
        application.review_visit = visit
    application.assessment, application.assessed_on = assessment.strip(), on
    _move(application, "assess", actor=actor, on=on)
    return application


@transaction.atomic
def application_recommend(*, actor: Actor | None, application_id: int, recommendation: str, reasons: str,
                          on: dt.date) -> Application:
    """The Participation Committee's recommendation to the Chair."""
    if actor is not None:
        require(actor, STEP_ACTION["recommend"])
    application = get_or_404(Application, application_id, lock=True, code="unknown_application")
    if recommendation not in Recommendation.values:
        raise DomainError(_("The recommendation is to admit or not yet."), code="bad_recommendation")
    application.recommendation, application.recommendation_text = recommendation, (reasons or "").strip()
    application.recommended_on = on
    _move(application, "recommend", actor=actor, on=on)
    return application


@transaction.atomic
def application_decide(*, actor: Actor | None, application_id: int, admit: bool, route: str, on: dt.date,
                       decision_number: str | None = None) -> Application:
    """The plenary's or the written procedure's decision on the application."""
    if actor is not None:
        require(actor, STEP_ACTION["decide_admit"])
    application = get_or_404(Application, application_id, lock=True, code="unknown_application")
    if route not in Route.values:
        raise DomainError(_("A decision is taken at a plenary or by written procedure."), code="bad_route")
    if decision_number:
        application.decision = Decision.objects.filter(number=decision_number).first()
        if application.decision is None:
            raise DomainError(_("No decision numbered %(number)s.") % {"number": decision_number},
                              code="unknown_decision")
    application.route, application.decided_on = route, on
    if not admit:
        application.closed_on = on
    _move(application, "decide_admit" if admit else "decide_reject", actor=actor, on=on)
    return application


@transaction.atomic
def application_admit(*, actor: Actor | None, application_id: int, on: dt.date) -> Application:
    """Admit the applicant: the registry's status history records the admission from ``on``."""
    if actor is not None:
        require(actor, STEP_ACTION["admit"])
    application = get_or_404(Application, application_id, lock=True, code="unknown_application")
    application.admitted_on = on
    _move(application, "admit", actor=actor, on=on)
    event = registry.status_event_add(actor=actor, participant=application.participant, date=on, kind="admitted",
                                      source=_("Application #%(id)s") % {"id": application.pk})
    application.status_events.add(event)
    return application


@transaction.atomic
def application_withdraw(*, actor: Actor | None, application_id: int, on: dt.date, note: str = "") -> Application:
    if actor is not None:
        require(actor, STEP_ACTION["withdraw"])
    application = get_or_404(Application, application_id, lock=True, code="unknown_application")
    application.closed_on = on
    _move(application, "withdraw", actor=actor, on=on, note=note)
    return application
