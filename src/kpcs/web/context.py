from __future__ import annotations

from django.http import HttpRequest

from kpcs.accounts.actor import actor_for
from kpcs.accounts.permissions import allowed


def shell(request: HttpRequest) -> dict:
    actor = actor_for(getattr(request, "user", None))
    return {
        "actor": actor,
        "can": {name.replace(".", "_"): allowed(actor, name) for name in ("registry.view", "audit.view", "accounts.manage")},
    }
