"""Helpers every reviews service uses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from kpcs.errors import DomainError, NotFound
from kpcs.participants.models import Observer, Participant
from kpcs.reviews.status import Expertise

_LANGUAGE = re.compile(r"^[a-z]{2}$")


def clean_and_save(instance: models.Model, code: str) -> None:
    """Run the model's validation and constraints, then save; a broken rule is a 400, never a 500."""
    try:
        instance.full_clean()
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), code=code) from None
    instance.save()


def participant_by_code(code: str) -> Participant:
    participant = Participant.objects.filter(code=(code or "").strip().upper()).first()
    if participant is None:
        raise NotFound(_("No participant with code %(code)s.") % {"code": code}, code="unknown_participant")
    return participant


def nominator_by_code(code: str) -> tuple[Participant | None, Observer | None]:
    """A participant code (BW, EU) or an observer organisation code (WDC, CSC)."""
    wanted = (code or "").strip().upper()
    participant = Participant.objects.filter(code=wanted).first()
    if participant is not None:
        return participant, None
    observer = Observer.objects.filter(code=wanted).first()
    if observer is not None:
        return None, observer
    raise DomainError(_("%(code)s is neither a participant nor an observer organisation.") % {"code": code},
                      code="unknown_nominator")


def clean_languages(languages: Iterable[str]) -> list[str]:
    out = []
    for lang in languages or []:
        value = str(lang).strip().lower()
        if not _LANGUAGE.match(value):
            raise DomainError(_("%(value)s is not a language code (two letters, ISO 639-1).") % {"value": lang},
                              code="bad_language")
        if value not in out:
            out.append(value)
    return out


def clean_expertise(areas: Iterable[str]) -> list[str]:
    out = []
    for area in areas or []:
        value = str(area).strip().lower()
        if value not in Expertise.values:
            raise DomainError(_("%(value)s is not an area of expertise. Use one of: %(known)s.")
                              % {"value": area, "known": ", ".join(Expertise.values)}, code="bad_expertise")
        if value not in out:
            out.append(value)
    return out
