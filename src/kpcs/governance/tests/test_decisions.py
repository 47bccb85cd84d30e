"""Rule 26: a decision is formally adopted only once its text exists in the five official languages and was made
available to all participants; until then it is agreed, pending translation, with the missing languages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from kpcs.audit.models import AuditEvent
from kpcs.errors import Conflict, DomainError
from kpcs.governance.models import Decision, DecisionText, Meeting
from kpcs.governance.selectors.decisions import deadlines_due, rule26_state
from kpcs.governance.services import decisions as svc

pytestmark = pytest.mark.django_db
D = dt.date
TEXTS = {"en": "Valid for 60 days.", "fr": "Valable 60 jours.", "pt": "Válido por 60 dias.",
         "es": "Válido durante 60 días.", "ru": "Действителен 60 дней."}


@pytest.fixture
def decision(secretariat, registry):
    meeting = svc.meeting_create(actor=secretariat, place="Gatineau", starts_on=D(2004, 10, 27),
                                 ends_on=D(2004, 10, 29), host="CA")
    return svc.decision_create(actor=secretariat, number="2004-01", route="plenary", agreed_on=D(2004, 10, 29),
                               title="Validity of certificates", text=TEXTS["en"], meeting_id=meeting.pk)


def test_pending_translation_lists_the_missing_languages(secretariat, decision):
    state = rule26_state(decision)
    assert state.state == "pending_translation" and state.missing == ["fr", "pt", "es", "ru"]
    with translation.override("fr"):
        assert "russe" in str(rule26_state(decision).label).lower()


def test_adoption_without_every_translation_is_refused_and_nothing_saved(secretariat, decision):
    for lang in ("fr", "pt", "es"):
        svc.decision_text_set(actor=secretariat, decision_id=decision.pk, language=lang, title=lang, text=TEXTS[lang])
    before = AuditEvent.objects.count()
    with translation.override("es"), pytest.raises(Conflict) as exc:
        svc.decision_adopt(actor=secretariat, decision_id=decision.pk, on=D(2004, 12, 1))
    assert exc.value.code == "translations_missing" and exc.value.details == {"missing": ["ru"]}
    decision.refresh_from_db()
    assert decision.adopted_on is None and AuditEvent.objects.count() == before


def test_adoption_needs_every_text_made_available_then_succeeds(secretariat, decision):
    for lang in ("fr", "pt", "es", "ru"):
        svc.decision_text_set(actor=secretariat, decision_id=decision.pk, language=lang, title=lang, text=TEXTS[lang])
    with pytest.raises(Conflict) as exc:
        svc.decision_adopt(actor=secretariat, decision_id=decision.pk, on=D(2004, 12, 1))
    assert exc.value.code == "translations_not_circulated"
    for i, lang in enumerate(TEXTS):
        svc.decision_text_circulate(actor=secretariat, decision_id=decision.pk, language=lang,
                                    on=D(2004, 11, 10 + i))
    assert rule26_state(decision).state == "ready"
    with pytest.raises(DomainError) as exc:
        svc.decision_adopt(actor=secretariat, decision_id=decision.pk, on=D(2004, 11, 12))
    assert exc.value.code == "date_before_circulation"
    svc.decision_adopt(actor=secretariat, decision_id=decision.pk, on=D(2004, 12, 1))
    decision.refresh_from_db()
    assert rule26_state(decision).state == "adopted"
    with pytest.raises(Conflict) as exc:  # adopted texts no longer change
        svc.decision_text_set(actor=secretariat, decision_id=decision.pk, language="ru", title="x", text="y")
    assert exc.value.code == "decision_adopted"


def test_correcting_a_text_requires_making_it_available_again(secretariat, decision):
    svc.decision_text_circulate(actor=secretariat, decision_id=decision.pk, language="en", on=D(2004, 11, 1))
    svc.decision_text_set(actor=secretariat, decision_id=decision.pk, language="en", title="Validity",
                          text="Valid for at most 60 calendar days.")
    assert DecisionText.objects.get(decision=decision, language="en").circulated_on is None


@pytest.mark.parametrize("call, code", [
    (lambda a, d: svc.decision_text_set(actor=a, decision_id=d.pk, language="de", title="t", text="x"),
     "not_official_language"),
    (lambda a, d: svc.decision_text_circulate(actor=a, decision_id=d.pk, language="ru", on=D(2004, 11, 1)),
     "text_missing"),
    (lambda a, d: svc.decision_text_circulate(actor=a, decision_id=d.pk, language="en", on=D(2004, 1, 1)),
     "date_before_agreed"),
    (lambda a, d: svc.decision_create(actor=a, number="2004-01", route="written_procedure", agreed_on=D(2004, 11, 1),
                                      title="t", text="x"), "duplicate_number"),
    (lambda a, d: svc.decision_create(actor=a, number="2004-02", route="plenary", agreed_on=D(2004, 11, 1),
                                      title="t", text="x"), "meeting_required"),
    (lambda a, d: svc.meeting_create(actor=a, place="Moscow", starts_on=D(2005, 11, 17), ends_on=D(2005, 11, 15)),
     "dates_inverted"),
    (lambda a, d: svc.deadline_create(actor=a, title="t", due_on=D(2005, 1, 1)), "owner_required"),
])
def test_bad_input_is_refused(secretariat, decision, call, code):
    counts = (Decision.objects.count(), DecisionText.objects.count(), Meeting.objects.count())
    with pytest.raises(DomainError) as exc:
        call(secretariat, decision)
    assert exc.value.code == code
    assert (Decision.objects.count(), DecisionText.objects.count(), Meeting.objects.count()) == counts


def test_deadlines_reach_their_owners(secretariat, make_user, registry):
    from kpcs.accounts.actor import actor_for

    today = dt.date.today()
    svc.deadline_create(actor=secretariat, title="Statistics of RU", due_on=today - dt.timedelta(days=3),
                        owner_participant="RU")
    svc.deadline_create(actor=secretariat, title="Options for the review", due_on=today + dt.timedelta(days=10),
                        owner_role="review_coordinator")
    svc.deadline_create(actor=secretariat, title="Far away", due_on=today + dt.timedelta(days=300),
                        owner_role="review_coordinator")
    focal_point = actor_for(make_user("statistics_focal_point", participant="RU"))
    coordinator = actor_for(make_user("review_coordinator"))
    due = deadlines_due(actor=focal_point)
    assert [d.title for d in due.passed] == ["Statistics of RU"] and due.approaching == []
    due = deadlines_due(actor=coordinator)
    assert due.passed == [] and [d.title for d in due.approaching] == ["Options for the review"]
    assert len(deadlines_due(actor=secretariat).passed + deadlines_due(actor=secretariat).approaching) == 2
