"""The JSON API at /api/v1/. Authentication is on for every route except those named in PUBLIC_ROUTES."""

from __future__ import annotations

from ninja import NinjaAPI

from kpcs.api.auth import BearerToken, Session
from kpcs.api.errors import install_error_handlers

# The only routes an anonymous caller may use: (method, path template under /api/v1).
PUBLIC_ROUTES: frozenset[tuple[str, str]] = frozenset({
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/trust-list"),
    ("GET", "/verify/{number}"),
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


def register_routers() -> None:
    from kpcs.accounts.api import router as accounts_router
    from kpcs.certificates.api import router as certificates_router
    from kpcs.participants.api import router as participants_router

    api.add_router("/", participants_router)
    api.add_router("/", accounts_router)
    api.add_router("/", certificates_router)


register_routers()
