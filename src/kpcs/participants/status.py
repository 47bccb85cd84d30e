"""The participant status machine, as data: which event leads to which state, and what may follow what."""

from __future__ import annotations

# The state a participant is in after each event.
STATE_AFTER = {
    "applied": "applicant",
    "admitted": "participant",
    "readmitted": "participant",
    "reinstated": "participant",
    "suspended": "suspended",
    "self_suspended": "self_suspended",
    "removed": "removed",
    "withdrawn": "withdrawn",
}

# States in which the body counts as a participant of the scheme (a suspended participant is still one).
PARTICIPANT_STATES = frozenset({"participant", "suspended", "self_suspended"})
# States in which it may trade rough diamonds under the scheme.
TRADING_STATES = frozenset({"participant"})
PARTICIPANT_EVENTS = frozenset(e for e, s in STATE_AFTER.items() if s in PARTICIPANT_STATES)
TRADING_EVENTS = frozenset(e for e, s in STATE_AFTER.items() if s in TRADING_STATES)

# Which events may follow a state (None: no history yet).
ALLOWED_EVENTS: dict[str | None, frozenset[str]] = {
    None: frozenset({"applied", "admitted"}),
    "applicant": frozenset({"admitted", "withdrawn"}),
    "participant": frozenset({"suspended", "self_suspended", "removed", "withdrawn"}),
    "suspended": frozenset({"reinstated", "removed", "withdrawn"}),
    "self_suspended": frozenset({"reinstated", "removed", "withdrawn"}),
    "removed": frozenset({"applied", "readmitted"}),
    "withdrawn": frozenset({"applied", "admitted", "readmitted"}),
}


def state_after(event: str | None) -> str | None:
    return STATE_AFTER.get(event) if event else None


def event_allowed(current_state: str | None, event: str) -> bool:
    return event in ALLOWED_EVENTS.get(current_state, frozenset())
