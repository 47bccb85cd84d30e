"""Day arithmetic and static eligibility shared by the solver and the explainer.

Days are integers counted from a base date; a visit starting on day ``s`` occupies
days ``s .. s + days - 1``.
"""

from __future__ import annotations

from datetime import date, timedelta

from kpcs.scheduling.model import Expert, PlanInput, Visit

Span = tuple[int, int]  # inclusive [first, last]


class Calendar:
    def __init__(self, inp: PlanInput) -> None:
        self.base = min((v.earliest for v in inp.visits), default=date(2000, 1, 1))

    def day(self, d: date) -> int:
        return (d - self.base).days

    def date(self, day: int) -> date:
        return self.base + timedelta(days=day)

    def start_span(self, visit: Visit) -> Span:
        return self.day(visit.earliest), self.day(visit.latest) - visit.days + 1


def subtract(spans: list[Span], cut: Span) -> list[Span]:
    out: list[Span] = []
    for lo, hi in spans:
        if cut[1] < lo or cut[0] > hi:
            out.append((lo, hi))
            continue
        if lo < cut[0]:
            out.append((lo, cut[0] - 1))
        if cut[1] < hi:
            out.append((cut[1] + 1, hi))
    return out


def free_starts(cal: Calendar, visit: Visit, expert: Expert) -> list[Span]:
    """Start days in the visit's window at which the expert is free for the whole visit."""
    lo, hi = cal.start_span(visit)
    spans: list[Span] = [(lo, hi)] if lo <= hi else []
    for a, b in expert.unavailable:
        # A visit starting at s meets [a, b] iff s <= b and s + days - 1 >= a.
        spans = subtract(spans, (cal.day(a) - visit.days + 1, cal.day(b)))
    return spans


def own_participant(visit: Visit, expert: Expert) -> bool:
    return expert.nominated_by == visit.participant


def eligible(cal: Calendar, visit: Visit, expert: Expert) -> bool:
    """Statically allowed on the visit: not its own participant, has capacity, free at some start."""
    return (
        not own_participant(visit, expert)
        and expert.max_visits > 0
        and bool(free_starts(cal, visit, expert))
    )


def speaks(expert: Expert, visit: Visit) -> bool:
    return not visit.languages or any(lang in visit.languages for lang in expert.languages)
