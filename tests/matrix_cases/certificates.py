"""The certificate pages. No certificate exists in these tests: callers who may act get the page, a 400 (empty
form) or the 404 of "no such certificate"; the others get a 403."""

from __future__ import annotations

MISSING = "/certificates/999999"

PAGES = [
    ("GET", "/certificates/", "certificates.view", None),
    ("GET", "/certificates/?status=overdue&participant=BW&from=2004-01-01&to=2004-12-31", "certificates.view", None),
    ("GET", "/certificates/alerts/", "certificates.view", None),
    ("GET", f"{MISSING}/", "certificates.view", None),
    ("GET", f"{MISSING}/pdf/", "certificates.view", None),
    ("GET", "/certificates/new/", "certificates.draft", None),
    ("POST", "/certificates/new/", "certificates.draft", {}),
    ("GET", "/certificates/new/importers/?destination=EU", "certificates.draft", None),
    ("POST", "/certificates/new/check/", "certificates.draft", {}),
    ("GET", f"{MISSING}/replace/", "certificates.draft", None),
    ("POST", f"{MISSING}/replace/", "certificates.draft", {}),
    ("POST", f"{MISSING}/validate/", "certificates.validate", {}),
    ("POST", f"{MISSING}/confirm/", "certificates.confirm", {}),
    ("POST", f"{MISSING}/void/", "certificates.void", {}),
]
PUBLIC_PAGES = {"verify"}
