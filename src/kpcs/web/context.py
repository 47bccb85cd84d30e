from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from kpcs.accounts.actor import actor_for
from kpcs.accounts.permissions import allowed

# Actions the layout needs to know about to show or hide its links (the views check them again).
SHELL_ACTIONS = ("registry.view", "audit.view", "accounts.manage", "certificates.view")


def path_without_language(path: str) -> str:
    """The page's path without its /xx/ language prefix, so the language switcher can translate it."""
    parts = path.split("/", 2)
    if len(parts) > 2 and parts[1] in {code for code, _name in settings.LANGUAGES}:
        return "/" + parts[2]
    return path


def shell(request: HttpRequest) -> dict:
    actor = actor_for(getattr(request, "user", None))
    return {
        "path_without_language": path_without_language(request.get_full_path()),
        "actor": actor,
        "can": {name.replace(".", "_"): allowed(actor, name) for name in SHELL_ACTIONS},
    }
