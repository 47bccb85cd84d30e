"""Problems found in a submission file: stable code, row, parameters and an English sentence."""

from __future__ import annotations

from typing import TypedDict

from kpcs.statmath.messages import render

ParamValue = str | int | None


class Problem(TypedDict):
    """One reason to reject (part of) a submission. ``row`` is the file's row number, header = 1."""

    row: int
    code: str
    params: dict[str, ParamValue]
    message: str


def problem(row: int, code: str, **params: ParamValue) -> Problem:
    """Build a :class:`Problem` with its English message rendered from ``params``."""
    return {"row": row, "code": code, "params": params, "message": render(code, params)}
