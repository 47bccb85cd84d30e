"""Applications: received → assessed → recommended → decided → admitted, which updates the registry's status
history; every refusal leaves nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest

from kpcs.audit.models import AuditEvent
from kpcs.errors import Conflict, DomainError, PermissionDenied
from kpcs.governance.models import Application
from kpcs.governance.services import applications as svc
from kpcs.participants.models import Participant
from kpcs.participants.selectors import is_participant_on, state_of

pytestmark = pytest.mark.django_db
D = dt.date


def test_admission_goes_into_the_registry(secretariat, committee_member, registry):
    mali = Participant.objects.get(code="ML")
    assert state_of(mali, D(2006, 1, 1)) is None
    app = svc.application_receive(actor=secretariat, participant="ML", received_on=D(2005, 3, 1))
    assert state_of(mali, D(2005, 3, 1)) == "applicant"
    svc.application_assess(actor=committee_member, application_id=app.pk, assessment="Legislation in force.",
                           on=D(2005, 6, 1))
    svc.application_recommend(actor=committee_member, application_id=app.pk, recommendation="admit",
                              reasons="Meets the minimum requirements.", on=D(2005, 9, 1))
    svc.application_decide(actor=secretariat, application_id=app.pk, admit=True, route="written_procedure",
                           on=D(2005, 10, 1))
    app = svc.application_admit(actor=secretariat, application_id=app.pk, on=D(2005, 11, 1))
    assert app.status == "admitted"
    assert is_participant_on("ML", D(2005, 11, 1)) and not is_participant_on("ML", D(2005, 10, 31))
    assert app.status_events.filter(kind="admitted").exists()
    assert AuditEvent.objects.filter(object_type="participants.statusevent").count() >= 2


def test_the_committee_cannot_admit(committee_member, secretariat, registry):
    app = svc.application_receive(actor=secretariat, participant="ML", received_on=D(2005, 3, 1))
    with pytest.raises(PermissionDenied):
        svc.application_admit(actor=committee_member, application_id=app.pk, on=D(2005, 11, 1))


def test_refusals_leave_nothing_saved(secretariat, registry):
    before = (Application.objects.count(), AuditEvent.objects.count())
    with pytest.raises(Conflict) as exc:
        svc.application_receive(actor=secretariat, participant="BW", received_on=D(2005, 3, 1))
    assert exc.value.code == "already_participant"
    with pytest.raises(DomainError) as exc:
        svc.application_receive(actor=secretariat, participant="ZZ", received_on=D(2005, 3, 1))
    assert exc.value.code == "unknown_participant"
    assert (Application.objects.count(), AuditEvent.objects.count()) == before
    app = svc.application_receive(actor=secretariat, participant="ML", received_on=D(2005, 3, 1))
    with pytest.raises(Conflict) as exc:
        svc.application_admit(actor=secretariat, application_id=app.pk, on=D(2005, 4, 1))
    assert exc.value.code == "invalid_transition"
    with pytest.raises(DomainError) as exc:
        svc.application_assess(actor=secretariat, application_id=app.pk, assessment="x", on=D(2005, 2, 1))
    assert exc.value.code == "date_before_previous"
    with pytest.raises(Conflict) as exc:
        svc.application_receive(actor=secretariat, participant="ML", received_on=D(2005, 3, 2))
    assert exc.value.code == "application_open"
    app.refresh_from_db()
    assert app.status == "received" and not is_participant_on("ML", D(2006, 1, 1))


def test_a_refused_application_leaves_the_applicant_out(secretariat, registry):
    app = svc.application_receive(actor=secretariat, participant="ML", received_on=D(2005, 3, 1))
    svc.application_assess(actor=secretariat, application_id=app.pk, assessment="Not ready.", on=D(2005, 4, 1))
    svc.application_recommend(actor=secretariat, application_id=app.pk, recommendation="not_yet", reasons="",
                              on=D(2005, 5, 1))
    app = svc.application_decide(actor=secretariat, application_id=app.pk, admit=False, route="plenary",
                                 on=D(2005, 11, 15))
    assert app.status == "rejected"
    with pytest.raises(Conflict):
        svc.application_admit(actor=secretariat, application_id=app.pk, on=D(2005, 12, 1))
    assert not is_participant_on("ML", D(2006, 1, 1))
