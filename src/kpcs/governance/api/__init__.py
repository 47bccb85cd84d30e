"""Governance API: Chairs, the Participation Committee, bodies, meetings, decisions and Rule 26, deadlines,
applications, non-compliance cases and their signals, the Chair's report. Each route: check the permission,
call one service or selector, return plain JSON."""

from kpcs.governance.api import bodies, cases, decisions  # noqa: F401  (each module adds its routes)
from kpcs.governance.api.common import router

__all__ = ["router"]
