"""The bridge between the database and the pure optimiser (`kpcs.scheduling`): the optimiser's JSON input
built from visits, roster and pins, and its coded messages rendered in the reader's language with names
instead of ids."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from kpcs.errors import DomainError
from kpcs.reviews.models import Expert, ReviewVisit, TeamMember, TeamPin
from kpcs.reviews.status import PLANNABLE, SCHEDULED, ExpertKind
from kpcs.scheduling.messages import MESSAGES, render

DEFAULT_TEAM_SIZE = 4
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def parse_period(period: str) -> tuple[int, int]:
    """``2004`` or ``2005-2006`` (first year, last year); refused with a translated error otherwise."""
    match = _PERIOD.match((period or "").strip())
    first = int(match.group(1)) if match else 0
    last = int(match.group(2) or first) if match else 0
    if not match or not 1 <= last - first + 1 <= 5:
        raise DomainError(_("%(period)s is not a planning period: write a year such as 2004, or two years such "
                            "as 2005-2006.") % {"period": period}, code="bad_period")
    return first, last


def visit_key(visit: ReviewVisit) -> str:
    return f"V{visit.pk}-{visit.participant.code}"


def expert_key(expert: Expert) -> str:
    return f"E{expert.pk:04d}"


def pk_of(key: str) -> int:
    return int(key[1:].split("-")[0])


def _expert_entry(e: Expert, used: int, busy: list[tuple[Any, Any]]) -> dict[str, Any]:
    ranges = sorted([(u.starts_on, u.ends_on) for u in e.unavailable.all()] + busy)
    entry: dict[str, Any] = {
        "id": expert_key(e), "nominated_by": e.nominator_code, "kind": e.kind,
        "languages": list(e.languages), "expertise": list(e.expertise),
        "max_visits": max(0, e.max_visits - used),
        "unavailable": [[a.isoformat(), b.isoformat()] for a, b in ranges],
    }
    if e.nominated_by_participant_id and e.nominated_by_participant.region:
        entry["region"] = e.nominated_by_participant.region.lower()
    return entry


def plan_input_data(*, period: str, team_size: int = DEFAULT_TEAM_SIZE,
                    extra_pins: Iterable[tuple[int, int]] = ()) -> dict[str, Any]:
    """The optimiser's input for one period: its visits still to plan, the active roster with each expert's
    remaining cap and their commitments elsewhere as unavailability, and the coordinator's pins."""
    visits = list(ReviewVisit.objects.filter(period=period, status__in=PLANNABLE)
                  .select_related("participant").order_by("earliest", "id"))
    ids = {v.pk for v in visits}
    experts = list(Expert.objects.filter(active=True).select_related(
        "nominated_by_participant", "nominated_by_observer").prefetch_related("unavailable").order_by("id"))
    used: Counter[int] = Counter()
    busy: dict[int, list[tuple[Any, Any]]] = defaultdict(list)
    fixed = TeamMember.objects.filter(visit__status__in=SCHEDULED).exclude(visit_id__in=ids).values_list(
        "expert_id", "visit__starts_on", "visit__ends_on", "visit__period")
    for expert_id, starts_on, ends_on, visit_period in fixed:
        busy[expert_id].append((starts_on, ends_on))
        used[expert_id] += visit_period == period
    active = {e.pk for e in experts}
    pins = sorted({(p.visit_id, p.expert_id) for p in TeamPin.objects.filter(visit_id__in=ids, expert_id__in=active)}
                  | set(extra_pins))
    by_pk = {v.pk: v for v in visits}
    by_expert = {e.pk: e for e in experts}
    return {
        "visits": [{"id": visit_key(v), "participant": v.participant.code, "earliest": v.earliest.isoformat(),
                    "latest": v.latest.isoformat(), "days": v.days, "languages": list(v.languages),
                    "expertise": list(v.expertise)} for v in visits],
        "experts": [_expert_entry(e, used[e.pk], busy[e.pk]) for e in experts],
        "team_size": team_size,
        "pinned": [{"visit": visit_key(by_pk[v]), "expert": expert_key(by_expert[e])} for v, e in pins
                   if v in by_pk and e in by_expert],
    }


class Names:
    """Readable names for the optimiser's visit and expert ids, looked up once."""

    def __init__(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        visit_pks = [pk_of(k) for k in keys if k.startswith("V")]
        expert_pks = [pk_of(k) for k in keys if k.startswith("E")]
        self.visits = {v.pk: v for v in ReviewVisit.objects.filter(pk__in=visit_pks).select_related("participant")}
        self.experts = {e.pk: e for e in Expert.objects.filter(pk__in=expert_pks)}

    def visit(self, key: str) -> str:
        v = self.visits.get(pk_of(key)) if key and key[0] == "V" else None
        return _("%(participant)s (visit #%(id)s)") % {"participant": v.participant.name, "id": v.pk} if v else key

    def expert(self, key: str) -> str:
        e = self.experts.get(pk_of(key)) if key and key[0] == "E" else None
        return e.name if e else key


_VISIT_PARAMS = ("visit", "other_visit")
_EXPERT_PARAMS = ("expert",)


def _keys_in(items: Iterable[dict[str, Any]]) -> set[str]:
    keys: set[str] = set()
    for item in items:
        params = item.get("params") or {}
        for name in (*_VISIT_PARAMS, *_EXPERT_PARAMS):
            if isinstance(params.get(name), str):
                keys.add(params[name])
        keys.update(x for x in params.get("experts") or [] if isinstance(x, str))
    return keys


def translate_items(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Optimiser problems or reasons ({code, params, ...}) as {code, visit, message} in the active language,
    naming visits by participant and experts by name."""
    items = list(items)
    names = Names(_keys_in(items))
    out = []
    for item in items:
        params = dict(item.get("params") or {})
        for name in _VISIT_PARAMS:
            if isinstance(params.get(name), str):
                params[name] = names.visit(params[name])
        if isinstance(params.get("expert"), str):
            params["expert"] = names.expert(params["expert"])
        if isinstance(params.get("experts"), list):
            params["experts"] = [names.expert(x) for x in params["experts"]]
        if params.get("kind") in ExpertKind.values:
            params["kind"] = str(ExpertKind(params["kind"]).label).lower()
        code = item.get("code", "")
        message = render(code, params, translate=_) if code in MESSAGES else str(item.get("message", ""))
        visit = (item.get("params") or {}).get("visit")
        out.append({"code": code, "visit": pk_of(visit) if isinstance(visit, str) and visit[:1] == "V" else None,
                    "message": message})
    return out
