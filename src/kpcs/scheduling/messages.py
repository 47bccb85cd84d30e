"""English message templates for the schedule optimiser, keyed by code.

The optimiser is Django-free, so templates are only *marked* here with a local
no-op ``gettext_noop``; ``makemessages`` extracts them and a Django layer
translates by passing ``translate=gettext`` to :func:`render`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def gettext_noop(s: str) -> str:
    return s


MESSAGES: dict[str, str] = {
    # Input problems (PlanInputError).
    "unreadable_file": gettext_noop("Cannot read {path}: {error}"),
    "invalid_json": gettext_noop("{path} is not valid JSON: {error}"),
    "not_an_object": gettext_noop("{path} must be a JSON object."),
    "missing_field": gettext_noop("{path} is required."),
    "unknown_field": gettext_noop("{path} is not a known field."),
    "wrong_type": gettext_noop("{path} must be {expected}."),
    "duplicate_id": gettext_noop("The {kind} id {id} is used more than once."),
    "unknown_pinned_visit": gettext_noop("Pinned visit {visit} is not in the list of visits."),
    "unknown_pinned_expert": gettext_noop("Pinned expert {expert} is not in the list of experts."),
    "duplicate_pin": gettext_noop("Expert {expert} is pinned to visit {visit} more than once."),
    "bad_date": gettext_noop("{path} must be a date written YYYY-MM-DD, not {value}."),
    "inverted_window": gettext_noop(
        "Visit {visit} has its earliest date {earliest} after its latest date {latest}."
    ),
    "inverted_unavailable": gettext_noop(
        "Expert {expert} has an unavailability range that starts {start} after it ends {end}."
    ),
    "window_shorter_than_days": gettext_noop(
        "Visit {visit} lasts {days} days but its window has only {window_days} days."
    ),
    "days_too_small": gettext_noop("Visit {visit} must last at least 1 day, not {days}."),
    "team_size_too_small": gettext_noop(
        "The team size must be at least {minimum} (one expert of each kind), not {team_size}."
    ),
    "bad_kind": gettext_noop(
        "Expert {expert} has kind {kind}; it must be government, industry or civil_society."
    ),
    "negative_max_visits": gettext_noop(
        "Expert {expert} has a negative maximum number of visits ({max_visits})."
    ),
    # Infeasibility: cheap pre-checks.
    "window_too_short": gettext_noop(
        "The window of visit {visit} ({earliest} to {latest}) is too short: no {days}-day slot in it "
        "has {team_size} eligible experts free."
    ),
    "not_enough_experts": gettext_noop(
        "Visit {visit} needs a team of {team_size} but only {available} experts are eligible and free "
        "in its window."
    ),
    "no_eligible_leader": gettext_noop(
        "No government expert is free and eligible for visit {visit}, so nobody can lead it."
    ),
    "no_eligible_industry": gettext_noop("No industry expert is free and eligible for visit {visit}."),
    "no_eligible_civil_society": gettext_noop(
        "No civil-society expert is free and eligible for visit {visit}."
    ),
    "no_eligible_language": gettext_noop(
        "No eligible expert free for visit {visit} speaks any of its languages ({languages})."
    ),
    "not_enough_capacity": gettext_noop(
        "The experts can make at most {capacity} visits in total, but the teams need {needed}."
    ),
    "not_enough_kind_capacity": gettext_noop(
        "Every team needs a {kind} expert, but those experts can make at most {capacity} visits "
        "and there are {needed} visits."
    ),
    "pinned_own_participant": gettext_noop(
        "Pinned expert {expert} was nominated by {participant}, the participant visited by {visit}."
    ),
    "pinned_unavailable": gettext_noop(
        "Pinned expert {expert} is unavailable throughout the window of visit {visit}."
    ),
    "pinned_team_too_large": gettext_noop(
        "Visit {visit} has {pinned} pinned experts but the team size is {team_size}."
    ),
    "pinned_team_kinds": gettext_noop(
        "The pinned team of visit {visit} is already full but has no {kind} expert."
    ),
    "pinned_team_language": gettext_noop(
        "The pinned team of visit {visit} is already full but nobody in it speaks {languages}."
    ),
    "pinned_team_availability": gettext_noop(
        "The pinned experts of visit {visit} ({experts}) are never all free for {days} days "
        "in its window."
    ),
    "pinned_over_max_visits": gettext_noop(
        "Expert {expert} is pinned to {pinned} visits but may make at most {max_visits}."
    ),
    "pinned_overlap": gettext_noop(
        "Expert {expert} is pinned to visits {visit} and {other_visit}, whose windows force them "
        "to overlap."
    ),
    # Infeasibility: conflicts found by CP-SAT (an infeasible subset of rules).
    "conflict_team_size": gettext_noop(
        "Visit {visit} needs a team of exactly {team_size}; this cannot be met together with the "
        "other rules listed."
    ),
    "conflict_kinds": gettext_noop(
        "Visit {visit} needs a government expert to lead it, an industry expert and a civil-society "
        "expert; this cannot be met together with the other rules listed."
    ),
    "conflict_language": gettext_noop(
        "Visit {visit} needs a team member who speaks {languages}; this cannot be met together with "
        "the other rules listed."
    ),
    "conflict_availability": gettext_noop(
        "The team of visit {visit} must be free on every day of the visit; this cannot be met "
        "together with the other rules listed."
    ),
    "conflict_pinned": gettext_noop(
        "The pinned experts of visit {visit} ({experts}) must be on its team; this cannot be met "
        "together with the other rules listed."
    ),
    "conflict_max_visits": gettext_noop(
        "The cap on visits per expert cannot be met together with the other rules listed."
    ),
    "conflict_no_overlap": gettext_noop(
        "No expert can be on two visits that overlap in time; this cannot be met together with the "
        "other rules listed."
    ),
    "infeasible_unexplained": gettext_noop(
        "No plan satisfies all rules; the conflicting rules could not be isolated within the time limit."
    ),
    "no_plan_within_time_limit": gettext_noop(
        "No plan was found within {time_limit_s} s and infeasibility was not proven; allow more time."
    ),
}


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        # A translation naming a placeholder the caller did not pass must not crash a page.
        return "{" + key + "}"


def _format_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "-" if value is None else str(value)


def render(
    code: str, params: Mapping[str, Any], translate: Callable[[str], str] = lambda s: s
) -> str:
    """Render the template for ``code``: translate it first, then fill it; lists are comma-joined."""
    return translate(MESSAGES[code]).format_map(_Params({k: _format_value(v) for k, v in params.items()}))
