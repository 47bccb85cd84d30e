"""Page access: the same permission table as the API, enforced on the server for every protected view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kpcs.accounts.actor import Actor, actor_for
from kpcs.accounts.permissions import allowed
from kpcs.errors import DomainError


def requires(action: str) -> Callable:
    """Anonymous callers go to the login page; signed-in callers without the role get a 403 page."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            actor = actor_for(request.user)
            if actor.is_anonymous:
                return redirect_to_login(request.get_full_path())
            if not allowed(actor, action):
                return render(request, "kpcs/forbidden.html", status=403)
            request.actor = actor
            try:
                return view(request, *args, **kwargs)
            except DomainError as exc:
                return render(request, "kpcs/error.html", {"error": exc}, status=exc.status)

        wrapped.kpcs_action = action
        return wrapped

    return decorator


def request_actor(request: HttpRequest) -> Actor:
    return getattr(request, "actor", None) or actor_for(request.user)
