"""The acting user, explicit in every service and selector: the user, their memberships and roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kpcs.accounts.roles import PARTICIPANT_SCOPED, Role


@dataclass(frozen=True)
class Grant:
    role: str
    participant: str | None = None  # participant code
    observer: str | None = None  # observer organisation code


@dataclass(frozen=True)
class Actor:
    user: Any = None
    grants: tuple[Grant, ...] = field(default_factory=tuple)

    @property
    def is_anonymous(self) -> bool:
        return self.user is None or not getattr(self.user, "is_authenticated", False)

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(g.role for g in self.grants)

    def has_role(self, *roles: str, participant: str | None = None) -> bool:
        """True when the actor holds one of ``roles``; for a participant-scoped check, for that participant."""
        for g in self.grants:
            if g.role in roles and (participant is None or g.role not in PARTICIPANT_SCOPED
                                    or g.participant == participant):
                return True
        return False

    def participants_for(self, *roles: str) -> frozenset[str]:
        return frozenset(g.participant for g in self.grants if g.role in roles and g.participant)

    @property
    def participant_codes(self) -> frozenset[str]:
        return frozenset(g.participant for g in self.grants if g.participant)

    @property
    def is_secretariat(self) -> bool:
        return Role.SECRETARIAT_ADMIN in self.roles

    @property
    def username(self) -> str:
        return getattr(self.user, "username", "") if not self.is_anonymous else ""


ANONYMOUS = Actor()


def actor_for(user: Any) -> Actor:
    """Build the actor from the active memberships of an authenticated user (one query)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_kpcs_actor", None)
    if cached is not None:
        return cached
    grants = tuple(
        Grant(role=m.role, participant=m.participant.code if m.participant_id else None,
              observer=m.observer.code if m.observer_id else None)
        for m in user.memberships.filter(active=True).select_related("participant", "observer")
    )
    actor = Actor(user=user, grants=grants)
    user._kpcs_actor = actor
    return actor
