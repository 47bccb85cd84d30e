"""Errors that carry a stable code, a translated message and an HTTP status.

Services raise these; the API renders them as ``{"error": {"code", "message"}}`` and pages as inline
messages. Expected failures are 4xx, never 500.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    status: int = 400
    code: str = "invalid"

    def __init__(self, message: Any, *, code: str | None = None, status: int | None = None,
                 details: Any = None) -> None:
        super().__init__(str(message))
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.details = details

    def as_dict(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": str(self.message)}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


class NotFound(DomainError):
    """Raised for missing objects and for objects the actor may not see: the same answer for both."""

    status = 404
    code = "not_found"


class PermissionDenied(DomainError):
    status = 403
    code = "forbidden"


class Conflict(DomainError):
    status = 409
    code = "conflict"
