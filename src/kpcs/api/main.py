"""The JSON API at /api/v1/. Authentication is on for every route except those named in PUBLIC_ROUTES."""

from __future__ import annotations

import importlib
import importlib.util

from ninja import NinjaAPI

from kpcs.api.auth import BearerToken, Session
from kpcs.api.errors import install_error_handlers

# The only routes an anonymous caller may use: (method, path template under /api/v1).
PUBLIC_ROUTES: frozenset[tuple[str, str]] = frozenset({
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/trust-list"),
    ("GET", "/verify/{number}"),
    ("GET", "/statistics/summary"),
})

api = NinjaAPI(
    title="kpcs API",
    version="1",
    description="The Kimberley Process Certification Scheme platform. Errors are JSON "
                '`{"error": {"code", "message"}}`. Send `Authorization: Bearer TOKEN` (see `kpcs token create`).',
    auth=[BearerToken(), Session()],
    urls_namespace="api",
)
install_error_handlers(api)


# Each domain app may have an `api.py` with a `router`; they are mounted under /api/v1/ in this order.
API_APPS = ("participants", "accounts", "certificates", "statistics", "reviews", "governance")


def register_routers() -> None:
    for app in API_APPS:
        if importlib.util.find_spec(f"kpcs.{app}.api") is not None:
            api.add_router("/", importlib.import_module(f"kpcs.{app}.api").router)


register_routers()
