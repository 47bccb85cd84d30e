"""Message templates: one per code, all used, named placeholders, translatable through render()."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from kpcs.scheduling.cpmodel import GROUP_RULES
from kpcs.scheduling.explain import _NO_KIND_CODE
from kpcs.scheduling.messages import MESSAGES, gettext_noop, render

PACKAGE = Path(__file__).resolve().parent.parent
CODE_CALLS = {"reason", "add", "_problem"}


def _codes_used_in_source() -> set[str]:
    codes: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args or not isinstance(node.args[0], ast.Constant):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in CODE_CALLS:
                codes.add(node.args[0].value)
    # Codes built from data: the per-kind pre-checks and one conflict code per rule group.
    return codes | set(_NO_KIND_CODE.values()) | {f"conflict_{rule}" for rule in GROUP_RULES}


def test_every_code_used_has_a_template() -> None:
    used = _codes_used_in_source()
    assert len(used) > 30
    assert used <= set(MESSAGES), used - set(MESSAGES)


def test_every_template_is_used() -> None:
    assert set(MESSAGES) <= _codes_used_in_source(), set(MESSAGES) - _codes_used_in_source()


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_placeholders_are_named(code: str) -> None:
    fields = [name for _, name, _, _ in string.Formatter().parse(MESSAGES[code]) if name is not None]
    assert all(name.isidentifier() for name in fields), fields


def test_gettext_noop_is_a_local_identity() -> None:
    assert gettext_noop("x") == "x"


def test_render_fills_params_and_joins_lists() -> None:
    assert render("no_eligible_language", {"visit": "V1", "languages": ["fr", "pt"]}) == (
        "No eligible expert free for visit V1 speaks any of its languages (fr, pt)."
    )


def test_render_translates_the_template_before_filling() -> None:
    french = {MESSAGES["no_eligible_industry"]: "Aucun expert de l'industrie n'est libre pour {visit}."}
    assert render("no_eligible_industry", {"visit": "V1"}, translate=lambda s: french.get(s, s)) == (
        "Aucun expert de l'industrie n'est libre pour V1."
    )


def test_render_keeps_a_missing_placeholder() -> None:
    assert "{visit}" in render("no_eligible_industry", {})
