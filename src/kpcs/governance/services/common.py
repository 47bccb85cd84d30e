"""Helpers the governance services share."""

from __future__ import annotations

from collections.abc import Callable

from django.db import models
from django.utils.translation import gettext as _

from kpcs.errors import NotFound
from kpcs.reviews.services.common import clean_and_save, nominator_by_code, participant_by_code

__all__ = ["clean_and_save", "get_or_404", "nominator_by_code", "participant_by_code"]

# One whole, translatable sentence per kind of record (never a noun spliced into a sentence).
NOT_FOUND: dict[str, Callable[[], str]] = {
    "unknown_application": lambda: _("No application with number %(id)s."),
    "unknown_body": lambda: _("No working group or committee with number %(id)s."),
    "unknown_case": lambda: _("No non-compliance case with number %(id)s."),
    "unknown_deadline": lambda: _("No deadline with number %(id)s."),
    "unknown_decision": lambda: _("No decision with number %(id)s."),
    "unknown_meeting": lambda: _("No meeting with number %(id)s."),
    "unknown_seat": lambda: _("No committee seat with number %(id)s."),
}


def get_or_404(model: type[models.Model], pk: int, *, code: str, lock: bool = False) -> models.Model:
    qs = model.objects.select_for_update() if lock else model.objects
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise NotFound(NOT_FOUND[code]() % {"id": pk}, code=code)
    return obj
