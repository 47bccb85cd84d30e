"""English message templates for verification outcomes, keyed by reason code.

The templates are marked with a local no-op gettext_noop so Django's makemessages extracts them
without this module importing Django; the Django side translates them by looking the code up here.
Placeholders are named (%(name)s) so translators can reorder them.
"""

from __future__ import annotations

from collections.abc import Mapping


def gettext_noop(s: str) -> str:
    return s


VALID = "valid"

MESSAGES: Mapping[str, str] = {
    VALID: gettext_noop(
        "Certificate %(number)s is authentic and valid. It was issued by %(authority)s on "
        "%(issue_date)s and expires on %(expiry_date)s."
    ),
    "malformed": gettext_noop(
        "This is not a readable Kimberley Process certificate code. It may be damaged or not a certificate."
    ),
    "unknown_key": gettext_noop(
        "The certificate was signed with a key (%(kid)s) that the trust list does not know for the "
        "exporting participant %(participant)s."
    ),
    "bad_signature": gettext_noop(
        "The certificate's signature does not match its content. The certificate may have been altered."
    ),
    "revoked_key": gettext_noop(
        "The key (%(kid)s) that signed this certificate has been revoked. Do not accept this certificate."
    ),
    "key_not_valid_on_issue_date": gettext_noop(
        "The key (%(kid)s) that signed this certificate was not valid on its issue date, %(issue_date)s."
    ),
    "expired": gettext_noop("Certificate %(number)s expired on %(expiry_date)s."),
}


def render_message(code: str, params: Mapping[str, str]) -> str:
    """Fill the template for `code` (a reason code, or "valid") with `params`."""
    return MESSAGES[code] % params
