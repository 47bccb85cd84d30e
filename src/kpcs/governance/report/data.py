"""What the Chair's annual report says, gathered from the platform's data for one year. Language-neutral:
the renderers put it into words in the reader's language."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from kpcs.governance.models import Application, ComplianceCase
from kpcs.governance.selectors.committee import Chairs, chairs_for, committee_seats, committee_warnings
from kpcs.governance.selectors.decisions import Rule26, deadline_list, decision_list
from kpcs.governance.selectors.signals import find_function
from kpcs.governance.status import ApplicationStatus, CaseStatus
from kpcs.participants.models import Participant, StatusEvent
from kpcs.participants.selectors import participants_on
from kpcs.reviews.models import ReviewVisit
from kpcs.reviews.selectors import Progress, recommendation_list, review_progress
from kpcs.reviews.status import DONE_STATES, VisitKind

log = logging.getLogger(__name__)

# Where the statistics app may offer its annual summary (the summary contract of the statistics issue).
SUMMARY_PROVIDERS = (("kpcs.statistics.selectors.summary", "statistics_summary"),
                     ("kpcs.statistics.selectors", "annual_summary"), ("kpcs.statistics.services", "annual_summary"))


@dataclass(frozen=True)
class Figure:
    carats: Decimal | None
    usd: Decimal | None
    certificates: int | None = None


@dataclass
class ReportData:
    year: int
    as_of: dt.date
    chairs: Chairs
    next_chairs: Chairs
    participants_start: int
    participants_end: int
    status_changes: list[StatusEvent]
    production: Figure | None
    exports: Figure | None
    imports: Figure | None
    certificates_issued: Figure
    review: Progress
    visits_done: list[ReviewVisit]
    missions: list[ReviewVisit]
    open_recommendations: int
    cases_opened: list[ComplianceCase]
    cases_open_at_end: int
    cases_closed: int
    suspensions: list[ComplianceCase]
    applications_received: int
    applications_admitted: list[Application]
    committee: list[str]
    committee_warnings: int
    decisions: list[tuple[Any, Rule26]] = field(default_factory=list)
    deadlines: list[Any] = field(default_factory=list)


def _figure(value: Any) -> Figure | None:
    if not isinstance(value, dict):
        return None

    def dec(x: Any) -> Decimal | None:
        try:
            return None if x is None else Decimal(str(x))
        except ArithmeticError:
            return None

    figure = Figure(dec(value.get("carats")), dec(value.get("usd")), value.get("certificates"))
    return None if figure.carats is None and figure.usd is None else figure


def statistics_summary(year: int) -> dict[str, Any] | None:
    """The statistics app's annual summary when it offers one (feature-detected); None otherwise."""
    function = find_function(SUMMARY_PROVIDERS)
    if function is None:
        return None
    try:
        summary = function(year=year)
    except Exception:  # the report is drafted without the figures rather than not at all
        log.exception("statistics summary for %s failed", year)
        return None
    return summary if isinstance(summary, dict) else None


def _certificates(year: int) -> Figure:
    from kpcs.certificates.models import Certificate
    from kpcs.certificates.status import SIGNED

    totals = Certificate.objects.filter(status__in=SIGNED, issue_date__year=year).aggregate(
        n=Count("id"), carats=Sum("total_carats"), usd=Sum("total_usd"))
    return Figure(totals["carats"], totals["usd"], totals["n"])


def report_data(year: int, *, today: dt.date | None = None) -> ReportData:
    """Everything the Chair's report for ``year`` needs, as known on ``today`` (or the year's end if earlier)."""
    today = today or dt.date.today()
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    as_of = min(today, end)
    summary = statistics_summary(year) or {}
    world = summary.get("world") if isinstance(summary.get("world"), dict) else {}
    cases = ComplianceCase.objects.select_related("participant", "suspension")
    visits = ReviewVisit.objects.select_related("participant").filter(
        status__in=DONE_STATES, ends_on__year=year, ends_on__lte=as_of).order_by("ends_on")
    return ReportData(
        year=year, as_of=as_of, chairs=chairs_for(year), next_chairs=chairs_for(year + 1),
        participants_start=participants_on(start).count(), participants_end=participants_on(as_of).count(),
        status_changes=list(StatusEvent.objects.filter(date__range=(start, as_of)).select_related("participant")
                            .exclude(participant__kind=Participant.Kind.TRADING_ENTITY).order_by("date", "id")),
        production=_figure(world.get("production")), exports=_figure(world.get("exports")),
        imports=_figure(world.get("imports")), certificates_issued=_certificates(year),
        review=review_progress(year=year, on=as_of),
        visits_done=[v for v in visits if v.kind == VisitKind.VISIT],
        missions=[v for v in visits if v.kind == VisitKind.MISSION],
        open_recommendations=recommendation_list(open_only=True).filter(visit__ends_on__lte=as_of).count(),
        cases_opened=list(cases.filter(opened_on__range=(start, as_of)).order_by("opened_on", "id")),
        cases_open_at_end=cases.filter(opened_on__lte=as_of).exclude(closed_on__lte=as_of).count(),
        cases_closed=cases.filter(status=CaseStatus.CLOSED, closed_on__range=(start, as_of)).count(),
        suspensions=list(cases.filter(action_on__range=(start, as_of), suspension__isnull=False)),
        applications_received=Application.objects.filter(received_on__range=(start, as_of)).count(),
        applications_admitted=list(Application.objects.select_related("participant").filter(
            status=ApplicationStatus.ADMITTED, admitted_on__range=(start, as_of))),
        committee=[("*" if s.is_chair else "") + s.member_code for s in sorted(
            committee_seats(year), key=lambda s: (not s.is_chair, s.observer_id is not None, s.member_code))],
        committee_warnings=len(committee_warnings(year)),
        decisions=decision_list(year=year),
        deadlines=[d for d in deadline_list() if d.due_on.year in (year, year + 1, year + 2)],
    )
