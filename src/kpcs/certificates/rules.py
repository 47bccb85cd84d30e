"""The certificate rules (KPCS Section II, Annex I; the Gatineau 60-day decision), each with a code and a
translated message. Services call ``check_draft`` before saving a draft and again before issuing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pycountry
from django.utils.translation import gettext as _

from kpcs.certificates.status import KP_HS_CODES, MAX_VALIDITY_DAYS
from kpcs.errors import DomainError
from kpcs.participants.models import Company, HSCode, Participant
from kpcs.participants.selectors import is_participant_on, may_trade_on

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class LineInput:
    hs_code: str
    carats: Decimal
    usd: Decimal


@dataclass(frozen=True)
class OriginInput:
    country: str
    share: Decimal | None = None


@dataclass
class DraftInput:
    destination: str
    exporter_id: int
    importer_id: int
    parcels: int
    lines: list[LineInput]
    origins: list[OriginInput] = field(default_factory=list)
    mixed: bool = False
    validity_days: int = MAX_VALIDITY_DAYS
    provenance: str = ""
    authority_id: int | None = None


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    field: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "field": self.field}


class RuleViolation(DomainError):
    """One or more rules are broken; ``details`` lists every problem, the first gives code and message."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].message, code=problems[0].code, status=400,
                         details=[p.as_dict() for p in problems])
        self.problems = problems


def _decimal(value: object) -> Decimal | None:
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return d if d.is_finite() else None


def _amount_problems(value: object, name: str, field_name: str, *, positive: bool) -> list[Problem]:
    d = _decimal(value)
    if d is None:
        return [Problem("not_a_number", _("%(field)s must be a number.") % {"field": name}, field_name)]
    out = []
    if d != d.quantize(CENT):
        out.append(Problem("too_many_decimals", _("%(field)s takes at most 2 decimals.") % {"field": name},
                           field_name))
    if positive and d <= 0:
        out.append(Problem("carats_not_positive", _("Carats must be more than zero."), field_name))
    if not positive and d < 0:
        out.append(Problem("usd_negative", _("The value in US$ cannot be negative."), field_name))
    return out


def check_hs_code(code: str, field_name: str = "hs_code") -> list[Problem]:
    code = (code or "").strip()
    if code in KP_HS_CODES:
        return []
    if HSCode.objects.filter(code=code).exists() or code.startswith(("7102", "7105")):
        return [Problem("hs_not_rough_diamond",
                        _("HS %(code)s is not accepted: worked diamonds or diamond powder are not rough diamonds "
                          "under the scheme. Use 7102.10, 7102.21 or 7102.31.") % {"code": code}, field_name)]
    return [Problem("unknown_hs_code", _("%(code)s is not an HS code for rough diamonds. Use 7102.10, 7102.21 or "
                                         "7102.31.") % {"code": code}, field_name)]


def check_draft(exporting: Participant, data: DraftInput, *, on: dt.date) -> tuple[list[Problem], dict]:
    """Every rule a certificate must meet if issued on ``on``. Returns the problems and the resolved objects."""
    problems: list[Problem] = []
    resolved: dict = {}
    if not isinstance(data.validity_days, int) or not 1 <= data.validity_days <= MAX_VALIDITY_DAYS:
        problems.append(Problem("validity_too_long", _(
            "A certificate is valid for at most 60 calendar days after its date of issue."), "validity_days"))
    if not isinstance(data.parcels, int) or data.parcels < 1:
        problems.append(Problem("parcels_too_few", _("A shipment has at least one parcel."), "parcels"))
    if not may_trade_on(exporting.code, on):
        problems.append(Problem("exporter_not_trading", _(
            "%(code)s may not export rough diamonds under the scheme on %(date)s.")
            % {"code": exporting.code, "date": on.isoformat()}, "exporting"))
    destination = Participant.objects.filter(code=(data.destination or "").upper()).first()
    if destination is None or not is_participant_on(destination.code, on):
        problems.append(Problem("destination_not_participant", _(
            "The destination %(code)s is not a participant of the scheme on %(date)s.")
            % {"code": data.destination, "date": on.isoformat()}, "destination"))
    elif destination.pk == exporting.pk:
        problems.append(Problem("destination_is_exporter", _(
            "The destination must be another participant than the exporting one."), "destination"))
    elif not may_trade_on(destination.code, on):
        problems.append(Problem("destination_suspended", _(
            "Trade with %(code)s is suspended on %(date)s.") % {"code": destination.code, "date": on.isoformat()},
            "destination"))
    resolved["destination"] = destination
    exporter = Company.objects.filter(pk=data.exporter_id).select_related("participant").first()
    if exporter is None or exporter.participant_id != exporting.pk or not exporter.exporter or not _licensed(
            exporter, on):
        problems.append(Problem("exporter_not_licensed", _(
            "The exporter must be a company licensed to export by %(code)s.") % {"code": exporting.code},
            "exporter_id"))
    importer = Company.objects.filter(pk=data.importer_id).select_related("participant").first()
    if importer is None or destination is None or importer.participant_id != destination.pk or not (
            importer.importer and _licensed(importer, on)):
        problems.append(Problem("importer_not_licensed", _(
            "The importer must be a company licensed to import by the destination participant."), "importer_id"))
    resolved.update(exporter=exporter, importer=importer)
    if not data.lines:
        problems.append(Problem("no_lines", _("A certificate lists at least one line of rough diamonds."), "lines"))
    for i, line in enumerate(data.lines):
        problems += check_hs_code(line.hs_code, f"lines.{i}.hs_code")
        problems += _amount_problems(line.carats, _("Carats"), f"lines.{i}.carats", positive=True)
        problems += _amount_problems(line.usd, _("The value in US$"), f"lines.{i}.usd", positive=False)
    problems += _origin_problems(data)
    if data.provenance and not _is_country(data.provenance):
        problems.append(Problem("unknown_country", _("%(code)s is not an ISO 3166-1 alpha-2 country code.")
                                % {"code": data.provenance}, "provenance"))
    return problems, resolved


def _licensed(company: Company, on: dt.date) -> bool:
    return company.licensed_from <= on and (company.licensed_until is None or on <= company.licensed_until)


def _is_country(code: str) -> bool:
    return code == "EU" or pycountry.countries.get(alpha_2=(code or "").upper()) is not None


def _origin_problems(data: DraftInput) -> list[Problem]:
    out: list[Problem] = []
    if not data.origins:
        return [Problem("origin_required", _("Give the country of origin, or every country of a mixed parcel."),
                        "origins")]
    if not data.mixed and len(data.origins) != 1:
        out.append(Problem("single_origin_expected", _(
            "A parcel that is not of mixed origin has exactly one country of origin."), "origins"))
    seen: set[str] = set()
    shares: list[Decimal] = []
    for i, origin in enumerate(data.origins):
        code = (origin.country or "").upper()
        if code == "EU" or not _is_country(code):
            out.append(Problem("unknown_origin_country", _(
                "%(code)s is not an ISO 3166-1 alpha-2 country code.") % {"code": origin.country},
                f"origins.{i}.country"))
        if code in seen:
            out.append(Problem("origin_repeated", _("Each country of origin is listed once."), f"origins.{i}"))
        seen.add(code)
        if origin.share is not None:
            share = _decimal(origin.share)
            if share is None or not 0 < share <= HUNDRED or share != share.quantize(CENT):
                out.append(Problem("origin_share_invalid", _(
                    "A share of origin is a percentage above 0 and at most 100, with at most 2 decimals."),
                    f"origins.{i}.share"))
            else:
                shares.append(share)
    if len(shares) == len(data.origins) and shares and sum(shares) != HUNDRED:
        out.append(Problem("origin_shares_not_100", _("The shares of origin add up to %(total)s, not 100.")
                           % {"total": sum(shares)}, "origins"))
    return out


def line_totals(lines: list[LineInput]) -> tuple[Decimal, Decimal]:
    return (sum((Decimal(str(x.carats)) for x in lines), Decimal("0.00")),
            sum((Decimal(str(x.usd)) for x in lines), Decimal("0.00")))
