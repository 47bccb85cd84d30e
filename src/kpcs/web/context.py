from __future__ import annotations

from django.http import HttpRequest

from kpcs.accounts.actor import actor_for
from kpcs.accounts.permissions import allowed

# Actions the layout needs to know about to show or hide its links (the views check them again).
SHELL_ACTIONS = ("registry.view", "audit.view", "accounts.manage", "certificates.view")


def shell(request: HttpRequest) -> dict:
    actor = actor_for(getattr(request, "user", None))
    return {
        "actor": actor,
        "can": {name.replace(".", "_"): allowed(actor, name) for name in SHELL_ACTIONS},
    }
