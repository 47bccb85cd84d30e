from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.accounts import services as account_services
from kpcs.accounts.models import ApiToken
from kpcs.accounts.permissions import allowed
from kpcs.accounts.roles import Role
from kpcs.audit.selectors import audit_event_list
from kpcs.certificates.selectors import certificate_counts
from kpcs.errors import DomainError
from kpcs.participants import selectors as registry
from kpcs.participants import services as registry_services
from kpcs.participants.status import STATE_AFTER
from kpcs.web.access import request_actor, requires
from kpcs.web.forms import RegistryFilterForm, StatusEventForm, ThrottledLoginForm, TokenForm


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "kpcs/home.html")


class LoginView(auth_views.LoginView):
    template_name = "kpcs/login.html"
    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True


@requires("tokens.own")
def dashboard(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    today = dt.date.today()
    context = {
        "participant_count": registry.participants_on(today).count(),
        "my_participants": [registry.participant_get(code=c) for c in sorted(actor.participant_codes)],
        "grants": [(Role(g.role).label, g.participant, g.observer) for g in actor.grants],
        "certificates": certificate_counts(actor=actor, today=today) if allowed(
            actor, "certificates.view") else None,
    }
    return render(request, "kpcs/dashboard.html", context)


@requires("registry.view")
def registry_list(request: HttpRequest) -> HttpResponse:
    form = RegistryFilterForm(request.GET or None)
    rows, on = [], None
    if form.is_valid() or not request.GET:
        cleaned = form.cleaned_data if request.GET else {}
        on = form.on_date() if request.GET else dt.date.today()
        qs = registry.participant_list(on=on, kind=cleaned.get("kind") or None,
                                       state=cleaned.get("state") or None, search=cleaned.get("q") or None)
        rows = [{"p": p, "state": STATE_AFTER.get(p.event_on)} for p in qs]
    template = "kpcs/registry/_table.html" if request.headers.get("HX-Request") else "kpcs/registry/list.html"
    return render(request, template, {"form": form, "rows": rows, "on": on,
                                      "counted": sum(1 for r in rows if r["state"] in {
                                          "participant", "suspended", "self_suspended"}
                                          and r["p"].kind != "trading_entity")})


@requires("registry.view")
def registry_detail(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_actor(request)
    participant = registry.participant_get(code=code)
    form = StatusEventForm()
    if request.method == "POST":
        if not allowed(actor, "registry.edit"):
            return render(request, "kpcs/forbidden.html", status=403)
        form = StatusEventForm(request.POST)
        if form.is_valid():
            try:
                registry_services.status_event_add(actor=actor, participant=participant, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, str(exc.message))
            else:
                messages.success(request, _("The status event was recorded."))
                return redirect("registry-detail", code=participant.code)
    context = {
        "p": participant,
        "state": registry.state_of(participant, dt.date.today()),
        "history": registry.status_history(participant),
        "member_states": participant.member_states.all(),
        "authorities": registry.authority_list(participant=participant).annotate(n_companies=Count("companies")),
        "companies": registry.company_list(participant=participant) if allowed(
            actor, "registry.company.view") else None,
        "form": form if allowed(actor, "registry.edit") else None,
        "state_after": STATE_AFTER,
    }
    return render(request, "kpcs/registry/detail.html", context)


@requires("audit.view")
def audit_list(request: HttpRequest) -> HttpResponse:
    events = audit_event_list(object_type=request.GET.get("type") or None,
                              object_id=request.GET.get("id") or None)[:200]
    return render(request, "kpcs/audit.html", {"events": events})


@requires("tokens.own")
def tokens(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    new_token = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, new_token = account_services.token_create(actor=actor, user=actor.user,
                                                          name=form.cleaned_data["name"])
        form = TokenForm()
    return render(request, "kpcs/tokens.html", {
        "form": form, "new_token": new_token,
        "tokens": ApiToken.objects.filter(user=actor.user)})


@require_POST
@requires("tokens.own")
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    account_services.token_revoke(actor=request_actor(request), token_id=token_id)
    messages.success(request, _("The token was revoked."))
    return redirect("tokens")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "kpcs/forbidden.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "kpcs/not_found.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "kpcs/server_error.html", status=500)

