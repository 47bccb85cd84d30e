"""API authentication: bearer tokens for systems, the session for the browser. On by default."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from kpcs.accounts.actor import ANONYMOUS, Actor, actor_for
from kpcs.accounts.services import token_authenticate


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class Session(SessionAuth):
    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


def actor_from(request: HttpRequest) -> Actor:
    auth = getattr(request, "auth", None)
    user = auth if auth not in (None, "anonymous") else getattr(request, "user", None)
    return actor_for(user) if user is not None else ANONYMOUS


class Anonymous:
    """Lets a public route through for anonymous callers while still recognising signed-in ones."""

    def __call__(self, request: HttpRequest) -> Any:
        return "anonymous"


# For public routes that show more to signed-in callers: token, then session, then anonymous.
PUBLIC_AUTH = [BearerToken(), Session(), Anonymous()]
