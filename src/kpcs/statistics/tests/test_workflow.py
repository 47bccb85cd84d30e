"""Timeliness and the reporting calendar, compliance signals, and Data Anomaly Questionnaires."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kpcs.errors import Conflict, DomainError, NotFound, PermissionDenied
from kpcs.statistics.models import Questionnaire
from kpcs.statistics.selectors.compliance import compliance_signals
from kpcs.statistics.selectors.questionnaires import questionnaire_get
from kpcs.statistics.selectors.timeliness import timeliness
from kpcs.statistics.services import questionnaires as daq
from kpcs.statistics.services.calendar import reporting_settings_update
from kpcs.statistics.services.importing import submission_import
from kpcs.statistics.services.referrals import compliance_signal_take_up, timeliness_refer
from kpcs.statistics.tests.conftest import csv_file

pytestmark = pytest.mark.django_db
TODAY = dt.date(2005, 6, 1)


def _received(rows: list[str], on: dt.date) -> None:
    submission_import(actor=None, data=csv_file(*rows), received_on=on, today=TODAY)


@pytest.fixture
def reports(registry):
    _received(["BW,2004-H1,production,1,1,,,,"], dt.date(2004, 8, 29))  # on the due date: on time
    _received(["RU,2004-H1,production,1,1,,,,"], dt.date(2004, 12, 20))  # Russia, 2004
    _received(["BW,2004,export,1,1,,EU,,"], dt.date(2005, 2, 1))  # one annual report for four quarters


def _status(items, code, period, group="trade"):
    [item] = [i for i in items if (i["participant"], i["period"], i["flow_group"]) == (code, period, group)]
    return item["status"], item["days_late"]


def test_on_time_late_missing(reports):
    items = timeliness(year=2004, today=TODAY)
    assert _status(items, "BW", "2004-H1", "production") == ("on_time", 0)
    assert _status(items, "RU", "2004-H1", "production") == ("late", 113)
    assert _status(items, "BW", "2004-Q1") == ("late", 247)  # due 30 May 2004
    assert _status(items, "BW", "2004-Q4") == ("on_time", 0)  # due 1 March 2005
    assert _status(items, "ZA", "2004-Q1") == ("missing", 367)
    assert _status(items, "BW", "2004-H2", "production") == ("missing", 92)
    assert not [i for i in items if i["participant"] == "GH" and i["period"] == "2004-Q1"]  # admitted 29 Oct 2004
    assert _status(items, "GH", "2004-Q4")[0] == "missing"
    assert _status(items, "CG", "2004-Q3")[0] == "missing"  # removed in July: still owes that quarter
    assert not [i for i in items if i["participant"] == "CG" and i["period"] == "2004-Q4"]


def test_due_days_are_configurable_and_audited(reports, wgs, actor_as):
    reporting_settings_update(actor=wgs, trade_due_days=320)
    assert _status(timeliness(year=2004, today=TODAY), "BW", "2004-Q1") == ("on_time", 0)
    with pytest.raises(PermissionDenied):
        reporting_settings_update(actor=actor_as("observer"), trade_due_days=10)
    with pytest.raises(DomainError):
        reporting_settings_update(actor=wgs, trade_due_days=400)


def test_a_late_report_becomes_a_compliance_signal(reports, wgs, actor_as):
    referral = timeliness_refer(actor=wgs, participant="RU", period="2004-h1", flow_group="production", today=TODAY,
                                note="promised before 31 December")
    assert (referral.kind, referral.days_late, referral.due_on) == ("late", 113, dt.date(2004, 8, 29))
    [signal] = compliance_signals(today=TODAY)
    assert (signal["source"], signal["kind"], signal["participant"], signal["period"], signal["days_late"]) == (
        "statistics", "late_report", "RU", "2004-H1", 113)
    assert "113" in signal["message"]
    with pytest.raises(Conflict):
        timeliness_refer(actor=wgs, participant="RU", period="2004-H1", flow_group="production", today=TODAY)
    with pytest.raises(Conflict):  # on time: nothing to refer
        timeliness_refer(actor=wgs, participant="BW", period="2004-H1", flow_group="production", today=TODAY)
    with pytest.raises(PermissionDenied):
        timeliness_refer(actor=actor_as("observer"), participant="ZA", period="2004-Q1", flow_group="trade")
    missing = timeliness_refer(actor=wgs, participant="ZA", period="2004-Q1", flow_group="trade", today=TODAY)
    assert missing.kind == "missing"
    compliance_signal_take_up(actor=None, referral_id=referral.pk, case_reference="PC-2005-01")
    assert [s["participant"] for s in compliance_signals(today=TODAY)] == ["ZA"]
    assert len(compliance_signals(open_only=False, today=TODAY)) == 2


@pytest.fixture
def swing(registry):
    submission_import(actor=None, data=csv_file("BW,2005-H1,production,1000.00,80000.00,,,,",
                                                "BW,2005-H2,production,2000.00,100000.00,,,,"),
                      today=dt.date(2006, 1, 10))


def test_a_questionnaire_is_drafted_sent_answered_and_kept(swing, wgs, focal_bw, actor_as):
    q = daq.questionnaire_draft(actor=wgs, participant="BW", period="2005-h2", flow="production")
    assert q.status == "draft" and [(f["code"], f["params"]["measure"]) for f in q.findings] == [("swing", "carats")]
    assert "100.00%" in q.questions and "2005-H2" in q.questions
    with pytest.raises(NotFound):  # a draft is the WGS's business
        questionnaire_get(actor=focal_bw, questionnaire_id=q.pk)
    with pytest.raises(Conflict):
        daq.questionnaire_draft(actor=wgs, participant="BW", period="2005-H2", flow="production")
    daq.questionnaire_update(actor=wgs, questionnaire_id=q.pk, questions="Why did production double?")
    q = daq.questionnaire_send(actor=wgs, questionnaire_id=q.pk, today=dt.date(2006, 3, 1))
    assert (q.status, q.sent_on, q.due_on) == ("sent", dt.date(2006, 3, 1), dt.date(2006, 3, 31))
    with pytest.raises(NotFound):  # another participant's focal point
        daq.questionnaire_answer(actor=actor_as("statistics_focal_point", participant="ZA"), questionnaire_id=q.pk,
                                 answer="?")
    with pytest.raises(PermissionDenied):
        daq.questionnaire_answer(actor=wgs, questionnaire_id=q.pk, answer="not mine to answer")
    [signal] = compliance_signals(today=dt.date(2006, 4, 10))
    assert (signal["kind"], signal["days_late"]) == ("unanswered_questionnaire", 10)
    q = daq.questionnaire_answer(actor=focal_bw, questionnaire_id=q.pk, answer="A new mine.", today=dt.date(2006, 4, 2))
    assert (q.status, q.answered_by) == ("answered", focal_bw.user)
    assert compliance_signals(today=dt.date(2006, 4, 10)) == []
    with pytest.raises(Conflict):
        daq.questionnaire_send(actor=wgs, questionnaire_id=q.pk)
    q = daq.questionnaire_close(actor=wgs, questionnaire_id=q.pk, outcome="Explained.", today=dt.date(2006, 4, 5))
    assert Questionnaire.objects.get(pk=q.pk).answer == "A new mine."  # kept, with its answer
    again = daq.questionnaire_draft(actor=wgs, participant="BW", period="2005-H2", flow="production")
    assert again.pk != q.pk  # once closed, the report may be questioned again


def test_no_questionnaire_without_a_swing(swing, wgs, focal_bw):
    with pytest.raises(DomainError) as caught:
        daq.questionnaire_draft(actor=wgs, participant="BW", period="2005-H1", flow="production")
    assert caught.value.code == "no_finding"
    with pytest.raises(PermissionDenied):
        daq.questionnaire_draft(actor=focal_bw, participant="BW", period="2005-H2", flow="production")


def test_swing_threshold_is_a_setting(swing, wgs):
    reporting_settings_update(actor=wgs, swing_threshold_pct=Decimal(150))
    with pytest.raises(DomainError):
        daq.questionnaire_draft(actor=wgs, participant="BW", period="2005-H2", flow="production")
