"""Every protected action and the roles that may take it, in one table.

Pages and API routes check the same table through ``require``; the permission-matrix test walks it.
Participant-scoped roles may act only for the participant their membership names.
"""

from __future__ import annotations

import importlib
import importlib.util

from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.accounts.roles import Role
from kpcs.errors import PermissionDenied

R = Role
ALL_SIGNED_IN = frozenset(Role)

ACTIONS: dict[str, frozenset[str]] = {
    # registry
    "registry.view": ALL_SIGNED_IN,
    "registry.edit": frozenset({R.SECRETARIAT_ADMIN}),
    "registry.company.register": frozenset({R.AUTHORITY_OFFICER, R.AUTHORITY_VALIDATOR, R.SECRETARIAT_ADMIN}),
    "registry.company.view": frozenset({R.AUTHORITY_OFFICER, R.AUTHORITY_VALIDATOR, R.CUSTOMS_VERIFIER,
                                       R.SECRETARIAT_ADMIN, R.WGS_ANALYST}),
    "audit.view": frozenset({R.SECRETARIAT_ADMIN}),
    "accounts.manage": frozenset({R.SECRETARIAT_ADMIN}),
    "tokens.own": ALL_SIGNED_IN,
    # certificates (participant-scoped roles act for their own participant only)
    "certificates.view": frozenset({R.AUTHORITY_OFFICER, R.AUTHORITY_VALIDATOR, R.CUSTOMS_VERIFIER,
                                    R.SECRETARIAT_ADMIN}),
    "certificates.draft": frozenset({R.AUTHORITY_OFFICER}),
    "certificates.validate": frozenset({R.AUTHORITY_VALIDATOR}),
    "certificates.confirm": frozenset({R.AUTHORITY_OFFICER, R.AUTHORITY_VALIDATOR}),
    "certificates.void": frozenset({R.AUTHORITY_VALIDATOR}),
    "certificates.keys": frozenset({R.AUTHORITY_VALIDATOR, R.SECRETARIAT_ADMIN}),
}


# Domain apps may add their own actions in `kpcs/<app>/permissions.py` (a dict named ACTIONS).
for _app in ("statistics", "reviews", "governance"):
    if importlib.util.find_spec(f"kpcs.{_app}.permissions") is not None:
        _extra = importlib.import_module(f"kpcs.{_app}.permissions").ACTIONS
        assert not set(_extra) & set(ACTIONS), f"duplicate permission actions in kpcs.{_app}"
        ACTIONS.update(_extra)


def allowed(actor: Actor, action: str, *, participant: str | None = None) -> bool:
    roles = ACTIONS[action]
    if actor.is_anonymous:
        return False
    return actor.has_role(*roles, participant=participant)


def require(actor: Actor, action: str, *, participant: str | None = None) -> None:
    """Raise PermissionDenied unless the actor may take ``action`` (for ``participant`` when scoped)."""
    if not allowed(actor, action, participant=participant):
        raise PermissionDenied(_("You do not have permission to do this."))
