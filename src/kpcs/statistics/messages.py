"""Problem and finding messages, translated by code.

The statmath codes have their templates in :mod:`kpcs.statmath.messages`; the few checks only the
platform can make (who may submit for whom, mining types, periods not yet begun) have theirs here. Both
are rendered with Django's ``gettext``, so a French user reads French.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext, gettext_noop

from kpcs.statmath import messages as statmath_messages
from kpcs.statmath.problems import Problem

MESSAGES: dict[str, str] = {
    "participant_not_yours": gettext_noop(
        "This row is for {participant}, but this file may contain figures for {allowed} only."),
    "period_in_future": gettext_noop("{period} has not begun yet: figures can only be reported for past periods."),
    "bad_mining_type": gettext_noop(
        "“{value}” is not a mining type. Write artisanal or industrial, or leave it empty."),
    "mining_type_not_production": gettext_noop("A mining type is given for production figures only."),
    "file_too_large": gettext_noop("The file is larger than {limit} MB; split it into several files."),
}


def platform_problem(row: int, code: str, **params: str | int | None) -> Problem:
    """A :class:`~kpcs.statmath.problems.Problem` for one of the platform's own codes (English message)."""
    values = {k: ("" if v is None else v) for k, v in params.items()}
    return {"row": row, "code": code, "params": params, "message": MESSAGES[code].format_map(_KeepMissing(values))}


def render(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The message for ``code`` in the active language, with ``params`` filled in."""
    if code in MESSAGES:
        values = {k: ("" if v is None else v) for k, v in (params or {}).items()}
        return gettext(MESSAGES[code]).format_map(_KeepMissing(values))
    return statmath_messages.render(code, params, translate=gettext)


class _KeepMissing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def translated(item: Mapping[str, Any]) -> dict[str, Any]:
    """A problem or finding dict with its ``message`` rendered in the active language.

    Findings carry ``participant`` and ``period`` beside ``params``; their templates use both.
    """
    values = {**item.get("params", {})}
    for key in ("participant", "period", "exporter", "importer"):
        if key in item and key not in values:
            values[key] = item[key]
    code = item["code"] if "code" in item else f"mirror_{item['cause']}"
    return {**item, "message": render(code, values)}
