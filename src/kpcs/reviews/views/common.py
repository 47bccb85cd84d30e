"""What the peer review pages share: the second permission check on POST, and domain errors on forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kpcs.accounts.permissions import allowed
from kpcs.errors import DomainError
from kpcs.web.access import request_actor


def forbidden_unless(request: HttpRequest, action: str) -> HttpResponse | None:
    """The page is guarded by its read action; a POST on it needs ``action`` too."""
    if not allowed(request_actor(request), action):
        return render(request, "kpcs/forbidden.html", status=403)
    return None


def submit(form: forms.Form, call: Callable[[], Any]) -> Any:
    """Call the service; a refusal becomes the form's errors (every reason, when the error lists several).
    Returns the service's result, or None when it refused."""
    try:
        return call()
    except DomainError as exc:
        details = exc.details if isinstance(exc.details, list) else []
        messages = [str(d.get("message")) for d in details if isinstance(d, dict) and d.get("message")]
        for message in messages or [str(exc.message)]:
            form.add_error(None, message)
        return None


def can(request: HttpRequest, *actions: str) -> dict[str, bool]:
    actor = request_actor(request)
    return {a.replace(".", "_"): allowed(actor, a) for a in actions}
