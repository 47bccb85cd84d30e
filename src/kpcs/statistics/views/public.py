"""The public annual summary: tables, charts and downloads. Aggregates only: no partner-level detail."""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kpcs.statistics import charts, exports
from kpcs.statistics.messages import translated
from kpcs.statistics.selectors.registry import participant_names
from kpcs.statistics.selectors.summary import statistics_summary, summary_overview, summary_rows
from kpcs.statistics.views.common import plain_number, usd_billions, usd_millions, year_context

TOP_PRODUCERS = 15


def _production_chart(rows: list[dict]) -> dict | None:
    producers = sorted((r for r in rows if r["production"]["usd"] not in (None, "0.00")),
                       key=lambda r: Decimal(r["production"]["usd"]), reverse=True)
    if not producers:
        return None
    bars = [charts.Bar(r["name"], float(r["production"]["usd"]), usd_millions(float(r["production"]["usd"])))
            for r in producers[:TOP_PRODUCERS]]
    rest = producers[TOP_PRODUCERS:]
    if rest:
        total = sum(float(r["production"]["usd"]) for r in rest)
        bars.append(charts.Bar(_("%(count)d others") % {"count": len(rest)}, total, usd_millions(total)))
    return charts.bar_chart(bars)


def _over_time(summaries: dict[int, dict]) -> tuple[dict | None, dict | None]:
    """US$/carat of world production, exports and imports per year; world exports against imports."""
    if not summaries:
        return None, None
    # Years with data, and a gap ("…") where years without data lie between them: the line breaks there.
    years: list[int | None] = []
    for y in sorted(summaries):
        if years and years[-1] is not None and y != years[-1] + 1:
            years.append(None)
        years.append(y)
    label_every = max(1, len(years) // 12)
    categories = ["…" if y is None else (str(y) if i % label_every == 0 or i == len(years) - 1 else "")
                  for i, y in enumerate(years)]

    def series(name: str, key: str) -> charts.Series:
        return charts.Series(name, [None if y is None else charts.to_float(summaries[y]["world"][key]["usd_per_carat"])
                                    for y in years])

    line = charts.line_chart(categories, [series(_("Production"), "production"), series(_("Exports"), "exports"),
                                          series(_("Imports"), "imports")],
                             tick_text=lambda v: plain_number(v, 0))
    pairs = []
    for y, s in sorted(summaries.items()):
        exported, imported = (charts.to_float(s["world"][k]["usd"]) for k in ("exports", "imports"))
        if exported is None and imported is None:
            continue
        gap = ((imported or 0) - (exported or 0)) / exported * 100 if exported else None
        note = "" if gap is None else f"{gap:+.1f}%"
        pairs.append(charts.Pair(str(y), exported or 0.0, imported or 0.0, note))
    bars = charts.paired_bars(pairs, names=(_("Exports"), _("Imports")), text=usd_billions) if pairs else None
    return line, bars


def statistics_summary_page(request: HttpRequest) -> HttpResponse:
    """Public: the annual summary for a year with its charts, and the downloads."""
    context = year_context(request)
    year = context["year"]
    summaries, notes = summary_overview(years=context["years"], year=year)
    summary = summaries[year]
    names = participant_names()
    rows = sorted(summary_rows(summary, names), key=lambda r: r["name"])
    line, mirror_bars = _over_time({y: s for y, s in summaries.items() if y in context["years"]})
    context.update({
        "summary": summary, "world": summary["world"], "rows": rows,
        "reporting": sum(1 for r in rows if r["reported"]),
        "notes": [translated(n) for n in notes],
        "production_chart": _production_chart(rows), "unit_value_chart": line, "mirror_chart": mirror_bars,
        "tables": [{"key": key, "label": label, "trade": key != "production",
                    "rows": [{"name": r["name"], "code": r["code"], "m": r[key]} for r in rows]}
                   for key, label in (("production", _("Production")), ("exports", _("Exports")),
                                      ("imports", _("Imports")))],
    })
    return render(request, "statistics/summary.html", context)


def statistics_download(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    """Public: the annual summary as CSV, XLSX or SDMX-CSV."""
    if not 1990 <= year <= 2999:
        raise Http404
    summary = statistics_summary(year=year)
    if fmt == "csv":
        response = HttpResponse(exports.summary_csv(summary), content_type="text/csv; charset=utf-8")
        name = f"kp-statistics-{year}.csv"
    elif fmt == "sdmx":
        response = HttpResponse(exports.summary_sdmx(summary), content_type="text/csv; charset=utf-8")
        name = f"kp-statistics-{year}-sdmx.csv"
    elif fmt == "xlsx":
        body = exports.summary_xlsx(
            summary, names=participant_names(),
            title=_("Kimberley Process statistics, %(year)d: annual global summary") % {"year": year},
            note=_("Computed by the kpcs platform from the figures submitted by participants."))
        response = HttpResponse(body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        name = f"kp-statistics-{year}.xlsx"
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
