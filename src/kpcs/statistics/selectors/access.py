"""Who may read a participant's national detail (the zulip-style ``access_<thing>`` helper)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import allowed
from kpcs.errors import NotFound
from kpcs.participants.models import Participant


def access_national(actor: Actor, code: str, action: str = "statistics.national") -> str:
    """The participant's code when the actor may see its national detail: its own focal point and
    authorities, the WGS, the Secretariat. The same "not found" for unknown and not-yours."""
    code = (code or "").strip().upper()
    if not allowed(actor, action, participant=code) or not Participant.objects.filter(code=code).exists():
        raise NotFound(_("No national statistics for %(code)s.") % {"code": code})
    return code
