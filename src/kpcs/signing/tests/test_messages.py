from __future__ import annotations

import re
import string

from kpcs.signing import messages
from kpcs.signing.messages import MESSAGES, gettext_noop, render_message
from kpcs.signing.verify import Reason, VerificationResult, message_params

ALL_PARAMS = message_params(VerificationResult(valid=False, reason=Reason.MALFORMED))


def test_there_is_a_message_for_every_reason_and_for_valid() -> None:
    assert set(MESSAGES) == {r.value for r in Reason} | {"valid"}


def test_messages_are_whole_sentences_with_named_placeholders_only() -> None:
    for template in MESSAGES.values():
        assert template[0].isupper()
        assert template.endswith(".")
        # every % is a %(name)s placeholder
        assert re.sub(r"%\([a-z_]+\)s", "", template).count("%") == 0
        names = set(re.findall(r"%\(([a-z_]+)\)s", template))
        assert names <= set(ALL_PARAMS)
        assert not [f for _, f, _, _ in string.Formatter().parse(template) if f]  # no {} fields


def test_render_every_message() -> None:
    for code in MESSAGES:
        assert "%(" not in render_message(code, ALL_PARAMS)


def test_marker_is_local_and_a_no_op() -> None:
    assert gettext_noop("x") == "x"
    assert messages.gettext_noop.__module__ == "kpcs.signing.messages"
