"""Reading certificates: the filtered list, the printable PDF, and the alerts (reuse, overdue confirmations)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from kpcs.accounts.permissions import allowed
from kpcs.certificates import selectors
from kpcs.certificates.forms import CertificateFilterForm
from kpcs.certificates.pdf import certificate_pdf
from kpcs.certificates.views.common import row_of, title_of
from kpcs.web.access import request_actor, requires

PAGE_SIZE = 50


@requires("certificates.view")
def certificate_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    form = CertificateFilterForm(request.GET)
    cleaned = form.cleaned_data if form.is_valid() else {}
    qs = selectors.certificate_list(actor=actor, status=cleaned.get("status") or None,
                                    participant=cleaned.get("participant") or None,
                                    date_from=cleaned.get("from"), date_to=cleaned.get("to"))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    today = dt.date.today()
    context = {"form": form, "page": page, "rows": [row_of(c, today) for c in page],
               "overdue_days": settings.KPCS_CONFIRMATION_OVERDUE_DAYS,
               "can_draft": allowed(actor, "certificates.draft")}
    template = "certificates/_table.html" if request.headers.get("HX-Request") else "certificates/list.html"
    return render(request, template, context)


@requires("certificates.view")
def certificate_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    c = selectors.certificate_get(actor=request_actor(request), pk=pk)
    response = HttpResponse(certificate_pdf(c, language=translation.get_language() or "en"),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{c.number or "draft-" + str(c.pk)}.pdf"'
    return response


@requires("certificates.view")
def certificate_alerts(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    today = dt.date.today()
    alerts = [{"a": a, "title": title_of(a.certificate)} for a in selectors.alert_list(actor=actor)[:200]]
    overdue = [{**row_of(c, today), "days": (today - c.issue_date).days}
               for c in selectors.certificate_list(actor=actor, overdue=True, today=today)[:200]]
    return render(request, "certificates/alerts.html", {
        "alerts": alerts, "overdue": overdue, "overdue_days": settings.KPCS_CONFIRMATION_OVERDUE_DAYS})
