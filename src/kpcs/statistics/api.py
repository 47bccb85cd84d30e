"""Statistics API: the public summary, submissions, and the WGS's analyses. Parse, call one service or
selector, return plain JSON."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from kpcs.accounts.permissions import require
from kpcs.api.auth import actor_from
from kpcs.errors import DomainError, NotFound
from kpcs.statistics.models import Questionnaire, ReportVintage
from kpcs.statistics.models.choices import Source
from kpcs.statistics.selectors import analysis
from kpcs.statistics.selectors.access import access_national
from kpcs.statistics.selectors.anomalies import anomaly_findings
from kpcs.statistics.selectors.compliance import compliance_signals
from kpcs.statistics.selectors.figures import current_observations, vintage_figures, vintage_list
from kpcs.statistics.selectors.questionnaires import questionnaire_get, questionnaire_list
from kpcs.statistics.selectors.settings import reporting_settings
from kpcs.statistics.selectors.summary import statistics_summary
from kpcs.statistics.selectors.timeliness import timeliness
from kpcs.statistics.services import questionnaires as daq
from kpcs.statistics.services.calendar import EDITABLE, reporting_settings_update
from kpcs.statistics.services.derived import derived_rebuild
from kpcs.statistics.services.importing import submission_import
from kpcs.statistics.services.referrals import timeliness_refer
from kpcs.statmath.amounts import fmt2

router = Router(tags=["statistics"])
YEAR = Query(..., ge=1990, le=2999, description="Calendar year, e.g. 2004")


class ReferIn(Schema):
    participant: str = Field(max_length=2)
    period: str = Field(max_length=7, examples=["2004-H1"])
    flow_group: str = Field(pattern="^(trade|production)$")
    note: str = ""


class QuestionnaireIn(Schema):
    participant: str = Field(max_length=2)
    period: str = Field(max_length=7)
    flow: str = Field(pattern="^(production|export|import)$")


class AnswerIn(Schema):
    answer: str


class CloseIn(Schema):
    outcome: str = ""


class SettingsIn(Schema):
    trade_due_days: int | None = Field(None, ge=0, le=366)
    production_due_days: int | None = Field(None, ge=0, le=366)
    swing_threshold_pct: Decimal | None = Field(None, gt=0, le=10000)
    unexplained_tolerance_pct: Decimal | None = Field(None, ge=0, le=10000)
    questionnaire_answer_days: int | None = Field(None, ge=1, le=366)


def _questionnaire(q: Questionnaire) -> dict[str, Any]:
    return {"id": q.pk, "participant": q.participant.code, "period": q.period, "flow": q.flow, "status": q.status,
            "findings": q.findings, "questions": q.questions, "sent_on": q.sent_on, "due_on": q.due_on,
            "answer": q.answer or None, "answered_on": q.answered_on, "outcome": q.outcome or None,
            "closed_on": q.closed_on}


def _settings() -> dict[str, Any]:
    current = reporting_settings()
    return {name: (fmt2(value) if isinstance(value, Decimal) else value)
            for name in EDITABLE for value in [getattr(current, name)]}


@router.get("/statistics/summary", auth=None, response=dict,
            summary="The annual global summary (public): production, exports, imports per participant and world")
def summary(request: HttpRequest, year: int = YEAR):
    return statistics_summary(year=year)


UPLOAD_BODY = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"],
                                       "properties": {"file": {"type": "string", "format": "binary"}}}},
    "text/csv": {"schema": {"type": "string"}},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string",
                                                                                   "format": "binary"}}}}}
RAW_TYPES = ("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "application/octet-stream")


def _uploaded(request: HttpRequest) -> tuple[bytes, str]:
    """The file: a multipart field ``file``, or the raw body sent as CSV or XLSX."""
    upload = request.FILES.get("file")
    if upload is not None:
        return upload.read(), upload.name or ""
    if request.content_type in RAW_TYPES and request.body:
        return request.body, "upload.xlsx" if "spreadsheet" in request.content_type else "upload.csv"
    raise DomainError(_("Send the file as the multipart field “file”, or as the body with Content-Type text/csv."),
                      code="file_required")


@router.post("/statistics/submissions", response={200: dict, 201: dict}, openapi_extra=UPLOAD_BODY,
             summary="Submit a CSV or XLSX file of figures: all or nothing (statistics focal point)")
def submit(request: HttpRequest, participant: str | None = None, dry_run: bool = False):
    """201 with the new vintages, or 200 when nothing changed (or for a dry run); 400 with every problem,
    row by row, when the file is refused. The file is read only after the caller's role is checked."""
    actor = actor_from(request)
    require(actor, "statistics.submit")
    data, name = _uploaded(request)
    result = submission_import(actor=actor, data=data, file_name=name, participant=participant,
                               source=Source.API, dry_run=dry_run)
    return Status(201 if result.submission_id else 200, result.as_dict())


@router.get("/statistics/national/{code}", response=dict,
            summary="A participant's current figures by partner, its versions and timeliness (confidential)")
def national(request: HttpRequest, code: str, year: int = YEAR):
    actor = actor_from(request)
    require(actor, "statistics.national")
    code = access_national(actor, code)
    figures = [{"period": str(f.period), "flow": f.flow, "partner": f.partner, "hs_code": f.hs_code,
                "origin": f.origin, "carats": fmt2(f.carats), "usd": fmt2(f.usd), "certificates": f.certificates}
               for f in current_observations(years=[year], participant=code)]
    vintages = [{"id": v.pk, "period": v.period, "flow": v.flow, "vintage": v.number, "current": v.current,
                 "received_on": v.received_on, "source": v.submission.source, "rows": v.n_rows}
                for v in vintage_list(participant=code, year=year)]
    return {"participant": code, "year": year, "figures": figures, "vintages": vintages,
            "timeliness": timeliness(year=year, participant=code)}


@router.get("/statistics/vintages/{int:vintage_id}", response=dict,
            summary="One version of a report, current or superseded (confidential)")
def vintage(request: HttpRequest, vintage_id: int):
    actor = actor_from(request)
    require(actor, "statistics.national")
    v = ReportVintage.objects.select_related("participant", "submission").filter(pk=vintage_id).first()
    if v is None:
        raise NotFound("No such report.")
    access_national(actor, v.participant.code)
    return {"id": v.pk, "participant": v.participant.code, "period": v.period, "flow": v.flow, "vintage": v.number,
            "current": v.current, "received_on": v.received_on, "source": v.submission.source,
            "figures": [{"row": f.row, "partner": f.partner.code if f.partner else None, "hs_code": f.hs_code or None,
                         "origin": f.origin or None, "mining_type": f.mining_type or None, "carats": fmt2(f.carats),
                         "usd": fmt2(f.usd), "certificates": f.certificates}
                        for f in vintage_figures(vintage_id=v.pk)]}


@router.get("/statistics/timeliness", response=list[dict], summary="On time, late or missing, per report (WGS)")
def timeliness_list(request: HttpRequest, year: int = YEAR):
    require(actor_from(request), "statistics.analyse")
    return timeliness(year=year)


@router.get("/statistics/anomalies", response=list[dict], summary="Quality findings for a year (WGS)")
def anomalies(request: HttpRequest, year: int = YEAR):
    require(actor_from(request), "statistics.analyse")
    return [{**{k: v for k, v in f.items() if k != "questionnaire"},
             "questionnaire": f["questionnaire"].pk if f["questionnaire"] else None}
            for f in anomaly_findings(year=year)]


@router.get("/statistics/mirror", response=list[dict], summary="Mirror statistics with likely causes (WGS)")
def mirror(request: HttpRequest, year: int = YEAR, annual: bool = False, participant: str | None = None):
    require(actor_from(request), "statistics.analyse")
    return analysis.mirror_rows(year=year, annual=annual, participant=participant.upper() if participant else None)


@router.get("/statistics/valuation", response=dict, summary="Declared against confirmed values; US$/ct spread (WGS)")
def valuation(request: HttpRequest, year: int = YEAR):
    require(actor_from(request), "statistics.analyse")
    return {"year": year, "declared_vs_confirmed": analysis.declared_vs_confirmed(year=year),
            "unit_value_spread": analysis.unit_value_spread(year=year)}


@router.get("/statistics/reconciliation", response=list[dict],
            summary="Submitted trade against trade derived from certificates (WGS)")
def reconciliation(request: HttpRequest, year: int = YEAR):
    require(actor_from(request), "statistics.analyse")
    return analysis.reconciliation(year=year)


@router.get("/statistics/compliance-signals", response=list[dict],
            summary="Referred late or missing reports and unanswered questionnaires (WGS)")
def signals(request: HttpRequest):
    require(actor_from(request), "statistics.analyse")
    return compliance_signals()


@router.post("/statistics/referrals", response={201: dict},
             summary="Refer a late or missing report to the Participation Committee (WGS)")
def refer(request: HttpRequest, payload: ReferIn):
    actor = actor_from(request)
    require(actor, "statistics.refer")
    r = timeliness_refer(actor=actor, participant=payload.participant.upper(), period=payload.period,
                         flow_group=payload.flow_group, note=payload.note)
    return Status(201, {"id": r.pk, "participant": payload.participant.upper(), "period": r.period,
                        "flow_group": r.flow_group, "kind": r.kind, "days_late": r.days_late})


@router.get("/statistics/questionnaires", response=list[dict], summary="Data Anomaly Questionnaires")
def questionnaires(request: HttpRequest, status: str | None = None):
    actor = actor_from(request)
    require(actor, "statistics.questionnaire.view")
    return [_questionnaire(q) for q in questionnaire_list(actor=actor, status=status)[:500]]


@router.get("/statistics/questionnaires/{int:questionnaire_id}", response=dict, summary="One questionnaire")
def questionnaire(request: HttpRequest, questionnaire_id: int):
    actor = actor_from(request)
    require(actor, "statistics.questionnaire.view")
    return _questionnaire(questionnaire_get(actor=actor, questionnaire_id=questionnaire_id))


@router.post("/statistics/questionnaires", response={201: dict},
             summary="Draft a questionnaire from a report's swing findings (WGS)")
def questionnaire_draft(request: HttpRequest, payload: QuestionnaireIn):
    actor = actor_from(request)
    require(actor, "statistics.questionnaire.manage")
    q = daq.questionnaire_draft(actor=actor, participant=payload.participant.upper(), period=payload.period,
                                flow=payload.flow)
    return Status(201, _questionnaire(q))


@router.post("/statistics/questionnaires/{int:questionnaire_id}/send", response=dict, summary="Send it (WGS)")
def questionnaire_send(request: HttpRequest, questionnaire_id: int):
    actor = actor_from(request)
    require(actor, "statistics.questionnaire.manage")
    return _questionnaire(daq.questionnaire_send(actor=actor, questionnaire_id=questionnaire_id))


@router.post("/statistics/questionnaires/{int:questionnaire_id}/answer", response=dict,
             summary="Answer it (the participant's focal point)")
def questionnaire_answer(request: HttpRequest, questionnaire_id: int, payload: AnswerIn):
    actor = actor_from(request)
    require(actor, "statistics.questionnaire.answer")
    return _questionnaire(daq.questionnaire_answer(actor=actor, questionnaire_id=questionnaire_id,
                                                   answer=payload.answer))


@router.post("/statistics/questionnaires/{int:questionnaire_id}/close", response=dict, summary="Close it (WGS)")
def questionnaire_close(request: HttpRequest, questionnaire_id: int, payload: CloseIn):
    actor = actor_from(request)
    require(actor, "statistics.questionnaire.manage")
    return _questionnaire(daq.questionnaire_close(actor=actor, questionnaire_id=questionnaire_id,
                                                  outcome=payload.outcome))


@router.get("/statistics/settings", response=dict, summary="The reporting calendar and check thresholds")
def settings_get(request: HttpRequest):
    require(actor_from(request), "statistics.settings")
    return _settings()


@router.post("/statistics/settings", response=dict, summary="Change the reporting calendar or thresholds")
def settings_set(request: HttpRequest, payload: SettingsIn):
    actor = actor_from(request)
    require(actor, "statistics.settings")
    reporting_settings_update(actor=actor, **payload.dict(exclude_none=True))
    return _settings()


@router.post("/statistics/derived/rebuild", response=dict,
             summary="Recompute the certificate-derived statistics from scratch (Secretariat)")
def rebuild(request: HttpRequest):
    actor = actor_from(request)
    require(actor, "statistics.rebuild")
    started = dt.datetime.now(tz=dt.UTC)
    cells = derived_rebuild(actor=actor)
    return {"cells": cells, "seconds": round((dt.datetime.now(tz=dt.UTC) - started).total_seconds(), 3)}
