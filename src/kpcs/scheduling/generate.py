"""Realistic, usually feasible random inputs for tests and benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

# KP participants around 2004-2006 (ISO alpha-2, plus the EU as one participant).
PARTICIPANTS: tuple[str, ...] = (
    "AO", "AM", "AU", "BY", "BW", "BR", "BG", "CA", "CF", "CN", "CD", "HR", "EU", "GH", "GN", "GY",
    "IN", "IL", "JP", "KR", "LA", "LB", "LS", "MY", "MU", "NA", "NO", "RO", "RU", "SL", "SG", "ZA",
    "LK", "CH", "TW", "TZ", "TH", "TG", "UA", "AE", "US", "VE", "VN", "ZW",
)
OBSERVERS: tuple[str, ...] = ("WDC", "CSC")
LANGUAGES: tuple[str, ...] = ("en", "fr", "pt", "es", "ru", "ar")
EXPERTISE: tuple[str, ...] = ("statistics", "customs", "mining", "legal", "trade", "valuation")
_MAIN_LANGUAGE = {
    "AO": "pt", "BR": "pt", "CF": "fr", "CD": "fr", "GN": "fr", "TG": "fr", "LB": "ar", "AE": "ar",
    "RU": "ru", "BY": "ru", "UA": "ru", "AM": "ru", "VE": "es",
}
HORIZON = (date(2005, 1, 1), date(2006, 12, 31))


def _visit(rng: random.Random, i: int, participant: str) -> dict[str, Any]:
    days = rng.randint(5, 10)
    window = rng.randint(30, 91)
    span = (HORIZON[1] - HORIZON[0]).days - window
    earliest = HORIZON[0] + timedelta(days=rng.randint(0, span))
    languages = sorted({_MAIN_LANGUAGE.get(participant, "en"), *rng.sample(LANGUAGES, rng.randint(0, 1))})
    return {
        "id": f"V{i + 1:02d}-{participant}",
        "participant": participant,
        "earliest": earliest.isoformat(),
        "latest": (earliest + timedelta(days=window - 1)).isoformat(),
        "days": days,
        "languages": languages,
        "expertise": sorted(rng.sample(EXPERTISE, rng.randint(1, 3))),
    }


def _expert(rng: random.Random, i: int) -> dict[str, Any]:
    kind = rng.choices(("government", "industry", "civil_society"), weights=(2, 1, 1))[0]
    if kind == "government" or rng.random() < 0.5:
        nominated_by = rng.choice(PARTICIPANTS)
    else:
        nominated_by = "WDC" if kind == "industry" else "CSC"
    # English dominates KP meetings; most experts add one or two more languages.
    languages = sorted({"en", *rng.sample(LANGUAGES, rng.randint(0, 2))}) if rng.random() < 0.85 else \
        sorted(rng.sample(LANGUAGES[1:], rng.randint(1, 2)))
    unavailable = []
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        start = HORIZON[0] + timedelta(days=rng.randint(0, 700))
        unavailable.append([start.isoformat(), (start + timedelta(days=rng.randint(7, 28))).isoformat()])
    return {
        "id": f"E{i + 1:04d}",
        "nominated_by": nominated_by,
        "kind": kind,
        "languages": languages,
        "expertise": sorted(rng.sample(EXPERTISE, rng.randint(1, 3))),
        "max_visits": rng.randint(1, 4),
        "unavailable": unavailable,
    }


def generate_case(n_visits: int, n_experts: int, seed: int) -> dict[str, Any]:
    """An input dict (the JSON input format) with ``n_visits`` visits and ``n_experts`` experts."""
    rng = random.Random(seed)
    participants = rng.sample(PARTICIPANTS, min(n_visits, len(PARTICIPANTS)))
    participants += [rng.choice(PARTICIPANTS) for _ in range(n_visits - len(participants))]
    return {
        "visits": [_visit(rng, i, p) for i, p in enumerate(participants)],
        "experts": [_expert(rng, i) for i in range(n_experts)],
        "team_size": 4,
        "pinned": [],
    }
