"""Input model of the peer-review schedule optimiser and its validating parser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from kpcs.scheduling.messages import render
from kpcs.scheduling.regions import region_of

KINDS: tuple[str, ...] = ("government", "industry", "civil_society")
MIN_TEAM_SIZE = len(KINDS)

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VISIT_FIELDS = {"id", "participant", "earliest", "latest", "days", "languages", "expertise", "region"}
_VISIT_REQUIRED = _VISIT_FIELDS - {"region", "languages", "expertise"}
_EXPERT_FIELDS = {
    "id", "nominated_by", "kind", "languages", "expertise", "max_visits", "unavailable", "region",
}
_EXPERT_REQUIRED = {"id", "nominated_by", "kind", "max_visits"}
_TOP_FIELDS = {"visits", "experts", "team_size", "pinned"}


@dataclass(frozen=True)
class Visit:
    id: str
    participant: str
    earliest: date
    latest: date
    days: int
    languages: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    region: str | None = None


@dataclass(frozen=True)
class Expert:
    id: str
    nominated_by: str
    kind: str
    languages: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    max_visits: int = 1
    unavailable: tuple[tuple[date, date], ...] = ()
    # Explicit, or derived from nominated_by; None for observers.
    region: str | None = None


@dataclass(frozen=True)
class Pin:
    visit: str
    expert: str


@dataclass(frozen=True)
class PlanInput:
    visits: tuple[Visit, ...]
    experts: tuple[Expert, ...]
    team_size: int
    pinned: tuple[Pin, ...] = ()

    def visit(self, visit_id: str) -> Visit:
        return next(v for v in self.visits if v.id == visit_id)

    def expert(self, expert_id: str) -> Expert:
        return next(e for e in self.experts if e.id == expert_id)


class PlanInputError(ValueError):
    """Invalid input; ``problems`` lists every problem found as ``{code, params, message}``."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        super().__init__("; ".join(p["message"] for p in problems))
        self.problems = problems


class _Collector:
    def __init__(self) -> None:
        self.problems: list[dict[str, Any]] = []

    def add(self, code: str, **params: Any) -> None:
        self.problems.append({"code": code, "params": params, "message": render(code, params)})

    def obj(self, value: Any, path: str, allowed: set[str], required: set[str]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add("not_an_object", path=path)
            return None
        for key in sorted(set(value) - allowed, key=str):
            self.add("unknown_field", path=f"{path}.{key}")
        for key in sorted(required - set(value)):
            self.add("missing_field", path=f"{path}.{key}")
        return value

    def string(self, obj: dict[str, Any], key: str, path: str, *, optional: bool = False) -> str | None:
        value = obj.get(key)
        if value is None and (optional or key not in obj):
            return None
        if not isinstance(value, str) or not value.strip():
            self.add("wrong_type", path=f"{path}.{key}", expected="a non-empty string")
            return None
        return value

    def integer(self, obj: dict[str, Any], key: str, path: str) -> int | None:
        value = obj.get(key)
        if key not in obj:
            return None
        # bool is an int subclass; true/false is never a meaningful count.
        if not isinstance(value, int) or isinstance(value, bool):
            self.add("wrong_type", path=f"{path}.{key}", expected="an integer")
            return None
        return value

    def strings(self, obj: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(s, str) and s for s in value):
            self.add("wrong_type", path=f"{path}.{key}", expected="a list of non-empty strings")
            return ()
        return tuple(dict.fromkeys(value))

    def day(self, value: Any, path: str) -> date | None:
        if isinstance(value, str) and _DATE_RE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.add("bad_date", path=path, value=repr(value))
        return None


def _parse_visit(c: _Collector, raw: Any, path: str, ids: list[str]) -> Visit | None:
    obj = c.obj(raw, path, _VISIT_FIELDS, _VISIT_REQUIRED)
    if obj is None:
        return None
    vid = c.string(obj, "id", path)
    if vid is not None:
        ids.append(vid)
    participant = c.string(obj, "participant", path)
    earliest = c.day(obj["earliest"], f"{path}.earliest") if "earliest" in obj else None
    latest = c.day(obj["latest"], f"{path}.latest") if "latest" in obj else None
    days = c.integer(obj, "days", path)
    languages = c.strings(obj, "languages", path)
    expertise = c.strings(obj, "expertise", path)
    region = c.string(obj, "region", path, optional=True)
    label = vid or path
    if days is not None and days < 1:
        c.add("days_too_small", visit=label, days=days)
    if earliest and latest:
        if earliest > latest:
            c.add("inverted_window", visit=label, earliest=str(earliest), latest=str(latest))
        elif days is not None and days >= 1 and (latest - earliest).days + 1 < days:
            c.add("window_shorter_than_days", visit=label, days=days,
                  window_days=(latest - earliest).days + 1)
    if vid is None or participant is None or earliest is None or latest is None or days is None:
        return None
    return Visit(vid, participant, earliest, latest, days, languages, expertise, region)


def _parse_unavailable(c: _Collector, raw: Any, path: str, label: str) -> tuple[tuple[date, date], ...]:
    if not isinstance(raw, list):
        c.add("wrong_type", path=path, expected="a list of [from, to] date pairs")
        return ()
    ranges: list[tuple[date, date]] = []
    for i, pair in enumerate(raw):
        if not isinstance(pair, list) or len(pair) != 2:
            c.add("wrong_type", path=f"{path}[{i}]", expected="a [from, to] date pair")
            continue
        start, end = c.day(pair[0], f"{path}[{i}][0]"), c.day(pair[1], f"{path}[{i}][1]")
        if start and end:
            if start > end:
                c.add("inverted_unavailable", expert=label, start=str(start), end=str(end))
            else:
                ranges.append((start, end))
    return tuple(ranges)


def _parse_expert(c: _Collector, raw: Any, path: str, ids: list[str]) -> Expert | None:
    obj = c.obj(raw, path, _EXPERT_FIELDS, _EXPERT_REQUIRED)
    if obj is None:
        return None
    eid = c.string(obj, "id", path)
    if eid is not None:
        ids.append(eid)
    nominated_by = c.string(obj, "nominated_by", path)
    kind = c.string(obj, "kind", path)
    languages = c.strings(obj, "languages", path)
    expertise = c.strings(obj, "expertise", path)
    max_visits = c.integer(obj, "max_visits", path)
    label = eid or path
    unavailable = _parse_unavailable(c, obj.get("unavailable", []), f"{path}.unavailable", label)
    region = c.string(obj, "region", path, optional=True)
    if kind is not None and kind not in KINDS:
        c.add("bad_kind", expert=label, kind=kind)
        kind = None
    if max_visits is not None and max_visits < 0:
        c.add("negative_max_visits", expert=label, max_visits=max_visits)
    if eid is None or nominated_by is None or kind is None or max_visits is None:
        return None
    if region is None:
        region = region_of(nominated_by)
    return Expert(eid, nominated_by, kind, languages, expertise, max_visits, unavailable, region)


def _parse_list(c: _Collector, data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        c.add("wrong_type", path=key, expected="a list")
        return []
    return value


def _check_unique(c: _Collector, kind: str, ids: list[str]) -> set[str]:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            c.add("duplicate_id", kind=kind, id=i)
        seen.add(i)
    return seen


def parse_plan_input(data: Any) -> PlanInput:
    """Validate raw JSON data; raise :class:`PlanInputError` listing every problem found."""
    c = _Collector()
    obj = c.obj(data, "input", _TOP_FIELDS, {"visits", "experts", "team_size"})
    if obj is None:
        raise PlanInputError(c.problems)
    # Ids are collected even from otherwise invalid entries so pins to them are not reported as unknown.
    vids: list[str] = []
    eids: list[str] = []
    visits = [_parse_visit(c, v, f"visits[{i}]", vids) for i, v in enumerate(_parse_list(c, obj, "visits"))]
    experts = [
        _parse_expert(c, e, f"experts[{i}]", eids) for i, e in enumerate(_parse_list(c, obj, "experts"))
    ]
    team_size = c.integer(obj, "team_size", "input")
    if team_size is not None and team_size < MIN_TEAM_SIZE:
        c.add("team_size_too_small", team_size=team_size, minimum=MIN_TEAM_SIZE)
    visit_ids = _check_unique(c, "visit", vids)
    expert_ids = _check_unique(c, "expert", eids)
    pins: list[Pin] = []
    for i, raw in enumerate(_parse_list(c, obj, "pinned")):
        path = f"pinned[{i}]"
        pin = c.obj(raw, path, {"visit", "expert"}, {"visit", "expert"})
        if pin is None:
            continue
        vid, eid = c.string(pin, "visit", path), c.string(pin, "expert", path)
        if vid is not None and vid not in visit_ids:
            c.add("unknown_pinned_visit", visit=vid)
        if eid is not None and eid not in expert_ids:
            c.add("unknown_pinned_expert", expert=eid)
        if vid is not None and eid is not None and vid in visit_ids and eid in expert_ids:
            if Pin(vid, eid) in pins:
                c.add("duplicate_pin", visit=vid, expert=eid)
            else:
                pins.append(Pin(vid, eid))
    if c.problems:
        raise PlanInputError(c.problems)
    assert team_size is not None
    return PlanInput(
        visits=tuple(v for v in visits if v),
        experts=tuple(e for e in experts if e),
        team_size=team_size,
        pinned=tuple(pins),
    )
