"""Permission-matrix cases contributed by domain apps: each module here defines PAGES and API lists of
(method, path, action, body) and PUBLIC_PAGES (URL names anyone may open), merged into the matrix test."""

from __future__ import annotations

import importlib
import pkgutil

PAGES: list[tuple] = []
API: list[tuple] = []
PUBLIC_PAGES: set[str] = set()

for _module in pkgutil.iter_modules(__path__):
    _cases = importlib.import_module(f"{__name__}.{_module.name}")
    PAGES += getattr(_cases, "PAGES", [])
    API += getattr(_cases, "API", [])
    PUBLIC_PAGES |= set(getattr(_cases, "PUBLIC_PAGES", set()))
