from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status

from kpcs.accounts.permissions import require
from kpcs.api.auth import PUBLIC_AUTH, actor_from
from kpcs.certificates import selectors
from kpcs.certificates.pdf import certificate_pdf
from kpcs.certificates.rules import DraftInput, LineInput, OriginInput
from kpcs.certificates.serializers import certificate_dict
from kpcs.certificates.services import keys as key_services
from kpcs.certificates.services import lifecycle
from kpcs.errors import NotFound
from kpcs.participants.selectors import company_list, participant_get

router = Router(tags=["certificates"])


class LineIn(Schema):
    hs_code: str = Field(examples=["7102.31"])
    carats: Decimal
    usd: Decimal


class OriginIn(Schema):
    country: str = Field(examples=["BW"])
    share: Decimal | None = None


class DraftIn(Schema):
    destination: str = Field(description="Importing participant code (ISO alpha-2 or EU)")
    exporter_id: int
    importer_id: int
    parcels: int
    lines: list[LineIn]
    origin: list[OriginIn]
    mixed: bool = False
    validity_days: int = 60
    provenance: str = ""
    authority_id: int | None = None

    def to_input(self) -> DraftInput:
        return DraftInput(
            destination=self.destination, exporter_id=self.exporter_id, importer_id=self.importer_id,
            parcels=self.parcels, lines=[LineInput(x.hs_code, x.carats, x.usd) for x in self.lines],
            origins=[OriginInput(o.country, o.share) for o in self.origin], mixed=self.mixed,
            validity_days=self.validity_days, provenance=self.provenance, authority_id=self.authority_id)


class ConfirmIn(Schema):
    date_received: dt.date
    parcels: int
    carats: Decimal
    usd: Decimal
    note: str = ""


class VoidIn(Schema):
    reason: str


class ReplaceIn(Schema):
    draft: DraftIn | None = Field(None, description="The replacement's content; omitted: a copy of the old one")


class CompanyOut(Schema):
    id: int
    name: str
    licence_number: str
    participant: str
    exporter: bool
    importer: bool


def _full(request: HttpRequest, number: str | None = None, pk: int | None = None) -> dict:
    return certificate_dict(selectors.certificate_get(actor=actor_from(request), number=number, pk=pk))


@router.post("/certificates", response={201: dict}, summary="Prepare a draft certificate (authority officer)")
def draft_create(request: HttpRequest, payload: DraftIn, exporting: str | None = None):
    actor = actor_from(request)
    codes = sorted(actor.participants_for("authority_officer"))
    code = (exporting or (codes[0] if codes else "")).upper()
    require(actor, "certificates.draft", participant=code)
    c = lifecycle.certificate_draft_create(actor=actor, exporting=code, data=payload.to_input())
    return Status(201, _full(request, pk=c.pk))


@router.post("/certificates/{int:certificate_id}/validate", response=dict,
             summary="Validate, number, sign and issue a draft (authority validator)")
def validate(request: HttpRequest, certificate_id: int):
    require(actor_from(request), "certificates.validate")
    c = lifecycle.certificate_validate(actor=actor_from(request), certificate_id=certificate_id)
    return _full(request, pk=c.pk)


@router.get("/certificates", response=list[dict], summary="Certificates to or from your participant")
def certificate_list(request: HttpRequest, status: str | None = None, participant: str | None = None,
                     date_from: dt.date | None = Query(None, alias="from"),
                     date_to: dt.date | None = Query(None, alias="to"), limit: int = 200):
    actor = actor_from(request)
    require(actor, "certificates.view")
    qs = selectors.certificate_list(actor=actor, status=status, participant=participant, date_from=date_from,
                                    date_to=date_to).prefetch_related("lines", "origins").select_related(
        "prepared_by", "validated_by", "signing_key", "replaces")
    return [certificate_dict(c) for c in qs[: max(1, min(limit, 1000))]]


@router.get("/certificates/{number}", response=dict, summary="One certificate, with its QR text")
def certificate_detail(request: HttpRequest, number: str):
    require(actor_from(request), "certificates.view")
    return _full(request, number=number)


@router.get("/certificates/{number}/pdf", summary="The printable certificate (PDF)")
def certificate_pdf_view(request: HttpRequest, number: str, lang: str | None = None):
    actor = actor_from(request)
    require(actor, "certificates.view")
    c = selectors.certificate_get(actor=actor, number=number)
    language = lang or getattr(actor.user, "preferred_language", None) or translation.get_language()
    response = HttpResponse(certificate_pdf(c, language=language), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{c.number or "draft"}.pdf"'
    return response


@router.post("/certificates/{number}/confirm", response=dict, summary="Confirm the import (importing authority)")
def confirm(request: HttpRequest, number: str, payload: ConfirmIn):
    actor = actor_from(request)
    require(actor, "certificates.confirm")
    lifecycle.certificate_confirm(actor=actor, number=number, date_received=payload.date_received,
                                  parcels=payload.parcels, carats=payload.carats, usd=payload.usd,
                                  note=payload.note)
    return _full(request, number=number)


@router.post("/certificates/{number}/void", response=dict, summary="Void an issued certificate, with a reason")
def void(request: HttpRequest, number: str, payload: VoidIn):
    require(actor_from(request), "certificates.void")
    lifecycle.certificate_void(actor=actor_from(request), number=number, reason=payload.reason)
    return _full(request, number=number)


@router.post("/certificates/{number}/replace", response={201: dict},
             summary="Prepare the replacement of an issued certificate (a new draft linked to it)")
def replace(request: HttpRequest, number: str, payload: ReplaceIn):
    require(actor_from(request), "certificates.draft")
    c = lifecycle.certificate_replace(actor=actor_from(request), number=number,
                                      data=payload.draft.to_input() if payload.draft else None)
    return Status(201, _full(request, pk=c.pk))


@router.get("/certificate-alerts", response=list[dict], summary="Reuse alerts on your certificates")
def alerts(request: HttpRequest):
    actor = actor_from(request)
    require(actor, "certificates.view")
    return [{"certificate": a.certificate.number, "raised_at": a.raised_at, "raised_by": a.raised_by.username,
             "details": a.details, "resolved": a.resolved} for a in selectors.alert_list(actor=actor)]


@router.get("/companies", response=list[CompanyOut], summary="Licensed companies of a participant")
def companies(request: HttpRequest, participant: str):
    require(actor_from(request), "registry.company.view")
    p = participant_get(code=participant)
    return [{"id": c.id, "name": c.name, "licence_number": c.licence_number, "participant": p.code,
             "exporter": c.exporter, "importer": c.importer} for c in company_list(participant=p, on=dt.date.today())]


@router.get("/trust-list", auth=None, response=dict, summary="Public keys of every issuing authority")
def trust_list(request: HttpRequest):
    return key_services.trust_list_document()


@router.get("/verify/{number}", auth=PUBLIC_AUTH, response=dict,
            summary="Verify a certificate number: status, dates, participants")
def verify(request: HttpRequest, number: str):
    """Anyone gets the status, the dates and the two participants. Authorities of either participant (and the
    Secretariat) also get the whole certificate."""
    result = selectors.certificate_verify_public(number=number)
    body = {"number": result.number, "status": result.status, "issue_date": result.issue_date,
            "expiry_date": result.expiry_date, "exporting_participant": result.exporting_participant,
            "importing_participant": result.importing_participant}
    actor = actor_from(request)
    if not actor.is_anonymous and result.status != "unknown":
        with contextlib.suppress(NotFound):  # not theirs: the public answer only
            body["certificate"] = _full(request, number=result.number)
    return body
