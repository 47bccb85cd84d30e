"""The Chair's annual report: choose year, language and format; HTML is shown, Markdown and PDF downloaded."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kpcs.governance.forms import ReportForm
from kpcs.governance.report import chair_report
from kpcs.governance.views.common import submit
from kpcs.web.access import requires

CONTENT_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@requires("governance.report")
def report_page(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.GET or None, initial={"year": dt.date.today().year - 1})
    if request.GET and form.is_valid():
        data = form.cleaned_data
        body = submit(form, lambda: chair_report(year=data["year"], language=data["lang"], fmt=data["format"]))
        if body is not None:
            response = HttpResponse(body, content_type=CONTENT_TYPES[data["format"]])
            if data["format"] != "html":
                response["Content-Disposition"] = (
                    f'attachment; filename="chair-report-{data["year"]}-{data["lang"]}.{data["format"]}"')
            return response
    return render(request, "governance/report_form.html", {"form": form})
