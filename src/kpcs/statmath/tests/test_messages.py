import ast
import re
import string
from pathlib import Path

import pytest

from kpcs.statmath.messages import MESSAGES, gettext_noop, render

PACKAGE = Path(__file__).resolve().parent.parent
CODE_CALLS = {"problem": 1, "finding": 0}


def _codes_used_in_source() -> set[str]:
    """Literal codes passed to problem(row, code) and finding(code, ...), plus mirror_<cause>."""
    codes: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CODE_CALLS:
                position = CODE_CALLS[node.func.id]
                if len(node.args) > position and isinstance(node.args[position], ast.Constant):
                    codes.add(node.args[position].value)
    cause_literal = re.search(r"Cause = Literal\[(.*?)\]", (PACKAGE / "mirror.py").read_text(), re.S)
    assert cause_literal is not None
    codes.update(f"mirror_{cause}" for cause in re.findall(r'"(\w+)"', cause_literal.group(1)))
    return codes


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


def test_render_fills_params() -> None:
    assert render("missing_column", {"column": "usd"}) == (
        "The required column \u201cusd\u201d is missing from the header row."
    )


def test_render_translates_the_template_before_filling() -> None:
    french = {MESSAGES["missing_column"]: "La colonne obligatoire \u00ab {column} \u00bb manque."}
    assert render("missing_column", {"column": "usd"}, translate=lambda s: french.get(s, s)) == (
        "La colonne obligatoire \u00ab usd \u00bb manque."
    )


def test_render_keeps_a_missing_placeholder() -> None:
    assert "{column}" in render("missing_column", {})


def test_render_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        render("no_such_code", {})


def test_gettext_noop_is_identity() -> None:
    assert gettext_noop("x") == "x"


def test_templates_are_wrapped_for_extraction() -> None:
    source = (PACKAGE / "messages.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    messages = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "MESSAGES"
    )
    assert isinstance(messages, ast.Dict)
    for value in messages.values:
        assert isinstance(value, ast.Call)
        assert isinstance(value.func, ast.Name)
        assert value.func.id == "gettext_noop"
