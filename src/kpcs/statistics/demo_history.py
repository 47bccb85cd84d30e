"""Illustrative statistics for 2003-2006 for the demo world: NOT official KP figures.

The scale follows the Gatineau communiqué (2003: more than US$ 8.5 billion produced; 47,598 certificates
for more than US$ 20 billion of trade), the trading pairs and unit values follow the demo certificates
(``kpcs.demo.certificates.FLOWS``). Producers ship to trading centres, which re-export; every export row
has its mirror import row at the partner, 1 % higher (CIF). Deterministic: the same call gives the same
rows, so loading the demo twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from kpcs.demo.certificates import FLOWS
from kpcs.statistics.services.importing import Entry
from kpcs.statmath.periods import Period, due_date, periods_of_year

CENT = Decimal("0.01")
# 2003 production, (million carats, US$ million): rounded, illustrative demo figures.
PRODUCTION_2003 = {
    "BW": (30.4, 2400), "RU": (33.0, 1650), "CA": (11.2, 1580), "ZA": (12.7, 1050), "AO": (6.0, 790),
    "CD": (27.0, 640), "AU": (31.0, 420), "NA": (1.5, 420), "SL": (0.5, 76), "GN": (0.5, 52), "CF": (0.33, 55),
    "GY": (0.41, 48), "BR": (0.5, 47), "TZ": (0.24, 32), "GH": (0.9, 27), "VE": (0.1, 11), "IN": (0.07, 12),
    "CN": (0.1, 8), "LS": (0.01, 3), "ZW": (0.03, 3), "TG": (0.02, 1), "CG": (0.06, 3),
}
ARTISANAL_SHARE = {"CD": 0.8, "AO": 0.4, "SL": 0.9, "GN": 0.9, "CF": 1.0, "GY": 1.0, "BR": 0.7, "VE": 1.0,
                   "GH": 1.0, "TG": 1.0, "CG": 1.0, "ZA": 0.05, "TZ": 0.2}
# Share of its imports a trading centre re-exports in the same year.
RE_EXPORT = {"EU": 0.97, "AE": 0.95, "IL": 0.7, "CH": 0.95, "IN": 0.35}
RE_EXPORT_TO = {"IN": [("AE", 2), ("EU", 1)]}
# Smaller importers, supplied by the EU (US$ million a year in 2003).
MINOR_IMPORTS = {"US": 400, "CH": 450, "TH": 120, "CN": 200, "JP": 80, "AM": 40, "UA": 40, "LK": 30, "BY": 25,
                 "MU": 20, "KR": 15, "SG": 15, "TW": 10, "VN": 10, "MY": 8, "RO": 5, "BG": 5, "LA": 3, "HR": 3,
                 "NO": 2}
GROWTH = {2003: (1.0, 1.0), 2004: (1.05, 1.12), 2005: (1.08, 1.18), 2006: (1.1, 1.22)}  # carats, value
WORLD_CERTIFICATES_2003 = 47_598
QUARTER_WEIGHTS = (0.24, 0.25, 0.26, 0.25)
RECEIPT_OFFSETS = (5, 9, 14, 20, 28, 35)  # days before the due date


@dataclass(frozen=True)
class Trade:
    exporter: str
    importer: str
    carats: float
    usd: float
    origin: str


def _mid_price(pair: tuple) -> float:
    return (pair[4][0] + pair[4][1]) / 2


def _destinations() -> dict[str, list[tuple[str, float, float]]]:
    """Exporter -> (importer, weight, price factor against the exporter's average)."""
    raw: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for pair in FLOWS:
        raw[pair[0]].append((pair[1], float(pair[2]), _mid_price(pair)))
    out = {}
    for exporter, items in raw.items():
        mean = sum(w * p for _i, w, p in items) / sum(w for _i, w, _p in items)
        out[exporter] = [(i, w, p / mean) for i, w, p in items]
    for exporter, items in RE_EXPORT_TO.items():
        out[exporter] = [(i, float(w), 1.0) for i, w in items]
    return out


def annual_trade(year: int, members: set[str]) -> list[Trade]:
    """Who shipped how much to whom in ``year`` (before the quarterly split)."""
    carats_growth, value_growth = GROWTH[year]
    destinations = _destinations()
    trades: list[Trade] = []
    imports: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    pending: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # imports a centre has not re-exported yet

    def ship(exporter: str, carats: float, usd: float, origin: str, unit: float | None = None) -> None:
        """Split among the exporter's destinations; dearer destinations get fewer carats for their share of
        value, and the carats still add up to ``carats`` (or follow the common ``unit`` value of mixed goods)."""
        targets = [t for t in destinations.get(exporter, [("EU", 1.0, 1.0)]) if t[0] in members and t[0] != exporter]
        total = sum(w for _i, w, _f in targets)
        norm = sum(w / total / f for _i, w, f in targets)
        for importer, weight, factor in targets:
            share = weight / total
            ct = usd * share / unit if unit else carats * share / factor / norm
            trades.append(Trade(exporter, importer, ct, usd * share, origin))
            for book in (imports, pending):
                book[importer][0] += ct
                book[importer][1] += usd * share

    for code, (mct, musd) in PRODUCTION_2003.items():
        if code in members and code not in ("IN", "CN"):
            exported = 100 if code == "CG" else 0.92  # the Republic of Congo exported far more than it mined
            ship(code, mct * 1e6 * carats_growth * exported, musd * 1e6 * value_growth * min(exported, 6), code)
    # Mixed parcels from the trading centres share one value per carat, set where most rough is sorted (the
    # EU's import average) plus 3 %: the other centres, which buy cheaper, re-export fewer carats than they buy.
    base = imports["EU"] if imports["EU"][0] else [sum(t.carats for t in trades), sum(t.usd for t in trades)]
    mixed_unit = base[1] / base[0] * 1.03
    for round_ in (1, 2):  # goods go round the trading centres: re-exports are counted at every hop
        for centre in ("IN", "CH", "AE", "IL", "EU"):
            if centre not in members:
                continue
            if centre == "EU" and round_ == 1:
                for minor, musd in MINOR_IMPORTS.items():
                    if minor in members:
                        value = musd * 1e6 * value_growth
                        trades.append(Trade("EU", minor, value / mixed_unit, value, "MIXED"))
                        imports[minor][0] += value / mixed_unit
                        imports[minor][1] += value
                        pending["EU"][0] -= value / mixed_unit
                        pending["EU"][1] -= value / 1.03
            ct, usd = pending.pop(centre, (0.0, 0.0))
            if ct > 0:
                ship(centre, ct * RE_EXPORT[centre], usd * RE_EXPORT[centre] * 1.03, "MIXED", unit=mixed_unit)
    merged: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for t in trades:
        merged[(t.exporter, t.importer, t.origin)][0] += t.carats
        merged[(t.exporter, t.importer, t.origin)][1] += t.usd
    return [Trade(e, i, ct, usd, o) for (e, i, o), (ct, usd) in merged.items()]


def _split(rng: random.Random, total: float, parts: int) -> list[float]:
    weights = QUARTER_WEIGHTS if parts == 4 else (0.49, 0.51)
    return [total * w * rng.uniform(0.95, 1.05) for w in weights]


def _money(value: float) -> Decimal:
    return Decimal(str(round(max(value, 0.0), 2))).quantize(CENT)


def _hs_rows(carats: float, usd: float) -> list[tuple[str, float, float]]:
    """Gem and industrial parts: cheap goods are more industrial."""
    unit = usd / carats if carats else 0
    gem_ct, gem_usd = (0.3, 0.6) if unit < 40 else (0.55, 0.88)
    return [("710231", carats * gem_ct, usd * gem_usd), ("710221", carats * (1 - gem_ct), usd * (1 - gem_usd))]


def trade_entries(year: int, trades: list[Trade], certificate_value: float, rng: random.Random,
                  adjust: Callable[[Entry], Entry | None]) -> list[Entry]:
    """Export rows at the exporter and mirror import rows at the importer, by quarter and HS code."""
    entries: list[Entry] = []
    for t in trades:
        for quarter, (ct, usd) in zip(periods_of_year(year, "quarter"),
                                      zip(_split(rng, t.carats, 4), _split(rng, t.usd, 4), strict=True), strict=True):
            for n, (hs, hs_ct, hs_usd) in enumerate(_hs_rows(ct, usd)):
                certificates = max(1, round(usd / certificate_value)) if n == 0 else None
                export = Entry(t.exporter, quarter, "export", _money(hs_ct), _money(hs_usd), certificates, t.importer,
                               hs, t.origin)
                mirror = Entry(t.importer, quarter, "import", _money(hs_ct), _money(hs_usd * 1.01), certificates,
                               t.exporter, hs, t.origin)
                entries += [e for e in (adjust(export), adjust(mirror)) if e is not None]
    return entries


def production_entries(year: int, members: set[str], rng: random.Random, kind: str = "half") -> list[Entry]:
    carats_growth, value_growth = GROWTH[year]
    entries = []
    for code in sorted(members):
        mct, musd = PRODUCTION_2003.get(code, (0.0, 0.0))
        halves = periods_of_year(year, kind) if kind == "half" else (Period(year, "year"),)
        values = (_split(rng, mct * 1e6 * carats_growth, 2), _split(rng, musd * 1e6 * value_growth, 2))
        for i, period in enumerate(halves):
            ct = values[0][i] if kind == "half" else mct * 1e6 * carats_growth
            usd = values[1][i] if kind == "half" else musd * 1e6 * value_growth
            share = ARTISANAL_SHARE.get(code)
            parts = [("artisanal", share), ("industrial", 1 - share)] if share else [("industrial", 1.0)]
            if not ct:
                parts = [("", 1.0)]
            for mining, s in parts:
                if s > 0:
                    entries.append(Entry(code, period, "production", _money(ct * s), _money(usd * s),
                                         mining_type=mining))
    return entries


def zero_trade(code: str, period: Period) -> list[Entry]:
    """A report of no trade at all."""
    return [Entry(code, period, flow, Decimal(0), Decimal(0), 0) for flow in ("export", "import")]


def received_on(code: str, period: Period, days: int = 60) -> dt.date:
    """An on-time receipt a few days before the due date, different per participant."""
    return due_date(period, days) - dt.timedelta(days=RECEIPT_OFFSETS[zlib.crc32(code.encode()) % len(RECEIPT_OFFSETS)])


def with_rows(entries: list[Entry]) -> list[Entry]:
    return [replace(e, row=i) for i, e in enumerate(entries, start=2)]
