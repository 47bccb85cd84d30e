"""Every role against every protected page and API route. New routes must join the matrix (see the
coverage tests at the end), so nothing is open because someone forgot."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from kpcs.accounts.permissions import ACTIONS
from kpcs.accounts.roles import Role
from kpcs.api.main import PUBLIC_ROUTES, api
from tests import matrix_cases

pytestmark = pytest.mark.django_db

BAD_EVENT = {"date": "2000-01-01", "event": "removed"}  # allowed callers get a 400, not a 403

# (method, path, action, body)
PAGES = [
    ("GET", "/dashboard/", "tokens.own", None),
    ("GET", "/tokens/", "tokens.own", None),
    ("GET", "/registry/", "registry.view", None),
    ("GET", "/registry/BW/", "registry.view", None),
    ("POST", "/registry/BW/", "registry.edit", {}),
    ("GET", "/audit/", "audit.view", None),
]
API = [
    ("GET", "/api/v1/participants", "registry.view", None),
    ("GET", "/api/v1/participants/BW", "registry.view", None),
    ("POST", "/api/v1/participants/BW/status-events", "registry.edit", BAD_EVENT),
    ("GET", "/api/v1/observers", "registry.view", None),
    ("GET", "/api/v1/hs-codes", "registry.view", None),
    ("GET", "/api/v1/chairs", "registry.view", None),
    ("GET", "/api/v1/me", "tokens.own", None),
    ("GET", "/api/v1/audit", "audit.view", None),
    ("GET", "/api/v1/certificates", "certificates.view", None),
    ("GET", "/api/v1/certificates/BW2004999999", "certificates.view", None),
    ("GET", "/api/v1/certificates/BW2004999999/pdf", "certificates.view", None),
    ("POST", "/api/v1/certificates", "certificates.draft", {"destination": "EU", "exporter_id": 0, "importer_id": 0,
                                                            "parcels": 1, "lines": [], "origin": []}),
    ("POST", "/api/v1/certificates/999999/validate", "certificates.validate", {}),
    ("POST", "/api/v1/certificates/BW2004999999/confirm", "certificates.confirm",
     {"date_received": "2004-01-01", "parcels": 1, "carats": "1", "usd": "1"}),
    ("POST", "/api/v1/certificates/BW2004999999/void", "certificates.void", {"reason": "x"}),
    ("POST", "/api/v1/certificates/BW2004999999/replace", "certificates.draft", {}),
    ("GET", "/api/v1/certificate-alerts", "certificates.view", None),
    ("GET", "/api/v1/companies?participant=BW", "registry.company.view", None),
]
# Pages anyone may open.
PUBLIC_PAGES = {"home", "login"}


# Cases contributed by the other domain apps (tests/matrix_cases/<app>.py).
PAGES += matrix_cases.PAGES
API += matrix_cases.API
PUBLIC_PAGES |= matrix_cases.PUBLIC_PAGES


def _call(client: Client, method: str, path: str, body):
    if method == "GET":
        return client.get(path)
    if path.startswith("/api/"):
        return client.post(path, body, content_type="application/json")
    return client.post(path, body or {})


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("method, path, action, body", PAGES)
def test_pages(client_as, role, method, path, action, body):
    response = _call(client_as(role), method, path, body)
    if role in ACTIONS[action]:
        # Let in: the page, a redirect, or the page's own answer to a bad form (400), a record that does not
        # exist (404) or a conflict (409) — never a refusal.
        assert response.status_code in (200, 302, 400, 404, 409), (role, path, response.status_code)
    else:
        assert response.status_code == 403, (role, path, response.status_code)


@pytest.mark.parametrize("method, path, action, body", PAGES)
def test_pages_send_anonymous_callers_to_login(registry, method, path, action, body):
    response = _call(Client(), method, path, body)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("method, path, action, body", API)
def test_api(api_as, role, method, path, action, body):
    response = _call(api_as(role), method, path, body)
    if role in ACTIONS[action]:
        assert response.status_code in (200, 201, 400, 404, 409, 422), (role, path, response.status_code)
    else:
        assert response.status_code == 403, (role, path, response.status_code)
        assert response.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("method, path, action, body", API)
def test_api_refuses_anonymous_callers(registry, method, path, action, body):
    response = _call(Client(), method, path, body)
    assert response.status_code == 401


def _api_routes() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {(m.upper(), p.removeprefix("/api/v1")) for p, ops in schema["paths"].items() for m in ops}


def _matches(template: str, path: str) -> bool:
    pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template))
    return re.fullmatch(pattern, path.split("?")[0].removeprefix("/api/v1")) is not None


def test_every_api_route_is_public_or_in_the_matrix():
    missing = {(method, template) for method, template in _api_routes()
               if (method, template) not in PUBLIC_ROUTES
               and not any(m == method and _matches(template, p) for m, p, _a, _b in API)}
    assert not missing, f"API routes missing from the permission matrix: {sorted(missing)}"


def _named_patterns(resolver, prefix="") -> list[tuple[str, str, object]]:
    out = []
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            out += _named_patterns(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and p.name:
            out.append((p.name, prefix + str(p.pattern), p.callback))
    return out


def test_every_kpcs_page_is_public_or_guarded():
    for name, _route, callback in _named_patterns(get_resolver()):
        module = getattr(callback, "__module__", "") or ""
        if not module.startswith("kpcs.") or name in PUBLIC_PAGES:
            continue
        view = getattr(callback, "view_class", callback)
        assert getattr(callback, "kpcs_action", None) or getattr(view, "kpcs_action", None), (
            f"page {name} has no permission guard")
