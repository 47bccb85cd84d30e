"""The Working Group on Statistics: who is late, what does not add up and why."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.errors import DomainError
from kpcs.statistics import charts
from kpcs.statistics.forms import ReferForm, SettingsForm
from kpcs.statistics.selectors import analysis
from kpcs.statistics.selectors.anomalies import anomaly_findings
from kpcs.statistics.selectors.questionnaires import questionnaire_list
from kpcs.statistics.selectors.registry import participant_names
from kpcs.statistics.selectors.settings import reporting_settings
from kpcs.statistics.selectors.timeliness import timeliness, timeliness_counts
from kpcs.statistics.services.calendar import reporting_settings_update
from kpcs.statistics.services.referrals import timeliness_refer
from kpcs.statistics.views.common import flow_group_label, year_context
from kpcs.web.access import request_actor, requires

TOP_GAPS = 12


def _gap_chart(rows: list[dict]) -> dict | None:
    gaps = [r for r in rows if r["carats"]["gap_pct"] is not None and r["cause"] != "consistent"]
    gaps.sort(key=lambda r: abs(float(r["carats"]["gap_pct"])), reverse=True)
    if not gaps:
        return None
    return charts.diverging_bars([charts.Bar(f"{r['exporter']} → {r['importer']} {r['period']}",
                                             float(r["carats"]["gap_pct"]), f"{float(r['carats']['gap_pct']):+.1f}%")
                                  for r in gaps[:TOP_GAPS]])


@requires("statistics.analyse")
def wgs_dashboard(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    context = year_context(request)
    year = context["year"]
    items = timeliness(year=year)
    findings = anomaly_findings(year=year)
    mirror = analysis.mirror_rows(year=year, annual=True)
    reconciliation = [r for r in analysis.reconciliation(year=year) if r["submitted"] is not None
                      and (r["usd_gap_pct"] not in (None, "0.00") or r["carats_gap_pct"] not in (None, "0.00"))]
    context.update({
        "names": participant_names(), "counts": timeliness_counts(items),
        "overdue": [{**i, "group_label": flow_group_label(i["flow_group"])} for i in items
                    if i["status"] in ("late", "missing")],
        "findings": [f for f in findings if not f["code"].startswith("unit_value")],
        "unit_findings": [f for f in findings if f["code"].startswith("unit_value")], "finding_count": len(findings),
        "questionnaires": list(questionnaire_list(actor=actor).exclude(status="closed")[:50]),
        "mirror_gaps": [r for r in mirror if r["cause"] != "consistent"], "gap_chart": _gap_chart(mirror),
        "reconciliation": reconciliation[:20], "refer_form": ReferForm(),
    })
    return render(request, "statistics/wgs.html", context)


@requires("statistics.analyse")
def wgs_mirror(request: HttpRequest) -> HttpResponse:
    context = year_context(request, prefer_complete=False)
    annual = request.GET.get("annual") == "1"
    participant = (request.GET.get("participant") or "").upper()[:2] or None
    rows = analysis.mirror_rows(year=context["year"], annual=annual, participant=participant)
    context.update({"rows": rows, "annual": annual, "participant": participant or "", "gap_chart": _gap_chart(rows)})
    return render(request, "statistics/mirror.html", context)


@requires("statistics.analyse")
def wgs_valuation(request: HttpRequest) -> HttpResponse:
    context = year_context(request, prefer_complete=False)
    year = context["year"]
    context.update({"pairs": analysis.declared_vs_confirmed(year=year),
                    "spread": analysis.unit_value_spread(year=year)})
    return render(request, "statistics/valuation.html", context)


@requires("statistics.analyse")
def wgs_reconciliation(request: HttpRequest) -> HttpResponse:
    context = year_context(request, prefer_complete=False)
    context.update({"rows": analysis.reconciliation(year=context["year"]), "names": participant_names()})
    return render(request, "statistics/reconciliation.html", context)


@require_POST
@requires("statistics.refer")
def wgs_refer(request: HttpRequest) -> HttpResponse:
    form = ReferForm(request.POST)
    target = reverse("statistics-wgs")
    if not form.is_valid():
        messages.error(request, _("Say which report to refer."))
        return redirect(target)
    data = form.cleaned_data
    try:
        timeliness_refer(actor=request_actor(request), participant=data["participant"].upper(), period=data["period"],
                         flow_group=data["flow_group"], note=data["note"])
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The report was referred to the Participation Committee."))
    return redirect(f"{target}?year={data['period'][:4]}")


@requires("statistics.settings")
def reporting_settings_page(request: HttpRequest) -> HttpResponse:
    current = reporting_settings()
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            reporting_settings_update(actor=request_actor(request), **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("The reporting settings were saved."))
            return redirect("statistics-settings")
    return render(request, "statistics/settings.html", {"form": form})
