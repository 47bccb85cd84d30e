"""A participant's national detail: confidential to its focal point and authorities, and the WGS."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kpcs.errors import NotFound
from kpcs.participants.selectors import participant_get
from kpcs.statistics.models import ReportVintage
from kpcs.statistics.selectors import analysis
from kpcs.statistics.selectors.access import access_national
from kpcs.statistics.selectors.figures import current_observations, vintage_figures, vintage_list
from kpcs.statistics.selectors.questionnaires import questionnaire_list
from kpcs.statistics.selectors.registry import participant_names
from kpcs.statistics.selectors.timeliness import timeliness
from kpcs.statistics.views.common import flow_group_label, year_context
from kpcs.statmath import sdmx
from kpcs.web.access import request_actor, requires


@requires("statistics.national")
def national_detail(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    code = access_national(actor, code)
    participant = participant_get(code=code)
    context = year_context(request, prefer_complete=False)
    year = context["year"]
    figures = current_observations(years=[year], participant=code)
    if request.GET.get("format") == "sdmx":
        response = HttpResponse(sdmx.write_sdmx_csv(sdmx.observations_from_figures(figures)),
                                content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="kp-{code}-{year}-national-sdmx.csv"'
        return response
    figures.sort(key=lambda f: (f.period, f.flow, f.partner or "", f.hs_code or "", f.origin or ""))
    context.update({
        "participant": participant, "figures": figures, "names": participant_names(),
        "timeliness": [{**i, "group_label": flow_group_label(i["flow_group"])}
                       for i in timeliness(year=year, participant=code)],
        "vintages": vintage_list(participant=code, year=year),
        "reconciliation": analysis.reconciliation(year=year, participant=code),
        "mirror": analysis.mirror_rows(year=year, participant=code),
        "questionnaires": questionnaire_list(actor=actor, participant=code),
    })
    return render(request, "statistics/national.html", context)


@requires("statistics.national")
def vintage_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One vintage of a report, current or superseded: old vintages stay readable."""
    actor = request_actor(request)
    vintage = ReportVintage.objects.select_related("participant", "submission", "submission__submitted_by").filter(
        pk=pk).first()
    if vintage is None:
        raise NotFound(_("No such report."))
    access_national(actor, vintage.participant.code)
    others = ReportVintage.objects.filter(participant=vintage.participant, period=vintage.period,
                                          flow=vintage.flow).order_by("-number")
    return render(request, "statistics/vintage.html", {
        "vintage": vintage, "figures": vintage_figures(vintage_id=vintage.pk), "others": others})
