"""Geometry of the server-rendered SVG charts (no JavaScript): bars, lines and diverging bars.

Functions take plain numbers and ready-made (translated) labels and return what the templates in
``statistics/charts/`` draw. Every chart also has its numbers in a table on the same page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

PALETTE = ("#0b5c8a", "#d9822b", "#1d6b3a", "#8a3ffc", "#9b1c1c")
WIDTH = 760


def nice_ticks(high: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``high`` (1, 2, 2.5 or 5 times a power of ten)."""
    if high <= 0:
        return [0.0, 1.0]
    raw = high / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [step * i for i in range(math.ceil(high / step - 1e-9) + 1)]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as people read it


def bar_chart(bars: Sequence[Bar], *, label_width: int = 190, bar_height: int = 22, gap: int = 8) -> dict:
    """Horizontal bars, longest first as given; the value written after each bar."""
    plot = WIDTH - label_width - 170
    top = max((b.value for b in bars), default=0) or 1
    rows = []
    for i, b in enumerate(bars):
        y = 10 + i * (bar_height + gap)
        length = max(1.0, plot * b.value / top) if b.value > 0 else 0.0
        rows.append({"label": b.label, "text": b.text, "y": y, "text_y": y + bar_height * 0.7,
                     "x": label_width, "width": round(length, 1), "value_x": label_width + length + 6,
                     "height": bar_height})
    return {"width": WIDTH, "height": 20 + len(bars) * (bar_height + gap), "bars": rows, "label_x": label_width - 8}


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]  # one per category; None: no data


def line_chart(categories: Sequence[str], series: Sequence[Series], *, height: int = 320,
               tick_text: Callable[[float], str] = lambda v: f"{v:g}") -> dict:
    """Lines over categories (years); a missing value breaks the line."""
    left, right, top, bottom = 70, 20, 20, 70
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    high = max((v for s in series for v in s.values if v is not None), default=1.0)
    ticks = nice_ticks(high)
    scale = ticks[-1] or 1
    step = plot_w / max(1, len(categories) - 1)

    def x(i: int) -> float:
        return round(left + (i * step if len(categories) > 1 else plot_w / 2), 1)

    def y(v: float) -> float:
        return round(top + plot_h - plot_h * v / scale, 1)

    lines = []
    for n, s in enumerate(series):
        segments: list[list[tuple[float, float]]] = [[]]
        points = []
        for i, v in enumerate(s.values):
            if v is None:
                segments.append([])
                continue
            segments[-1].append((x(i), y(v)))
            points.append({"x": x(i), "y": y(v), "title": f"{s.name} {categories[i]}: {tick_text(v)}"})
        lines.append({"name": s.name, "color": PALETTE[n % len(PALETTE)], "points": points,
                      "paths": [" ".join(f"{px},{py}" for px, py in seg) for seg in segments if len(seg) > 1],
                      "legend_x": left + 150 * n})
    return {"width": WIDTH, "height": height, "left": left, "right": WIDTH - right, "top": top,
            "bottom": top + plot_h, "lines": lines,
            "ticks": [{"y": y(t), "text": tick_text(t)} for t in ticks],
            "labels": [{"x": x(i), "text": c} for i, c in enumerate(categories)],
            "legend_y": height - 16}


@dataclass(frozen=True)
class Pair:
    label: str
    left: float
    right: float
    note: str = ""


def paired_bars(groups: Sequence[Pair], *, names: tuple[str, str], text: Callable[[float], str] = str) -> dict:
    """Two vertical bars per group (e.g. world exports and imports per year) with the gap noted."""
    height, left, top, bottom = 300, 90, 30, 50
    plot_w, plot_h = WIDTH - left - 20, height - top - bottom
    ticks = nice_ticks(max((max(g.left, g.right) for g in groups), default=1.0))
    scale = ticks[-1] or 1
    slot = plot_w / max(1, len(groups))
    bar_w = min(40.0, slot / 3)
    out = []
    for i, g in enumerate(groups):
        x0 = left + i * slot + slot / 2 - bar_w
        bars = []
        for j, (value, color) in enumerate(((g.left, PALETTE[0]), (g.right, PALETTE[1]))):
            h = plot_h * value / scale
            bars.append({"x": round(x0 + j * bar_w, 1), "y": round(top + plot_h - h, 1), "width": round(bar_w, 1),
                         "height": round(h, 1), "color": color,
                         "title": f"{names[j]} {g.label}: {text(value)}"})
        out.append({"label": g.label, "label_x": round(left + i * slot + slot / 2, 1), "bars": bars, "note": g.note,
                    "note_y": round(top + plot_h - plot_h * max(g.left, g.right) / scale - 6, 1)})
    return {"width": WIDTH, "height": height, "left": left, "right": WIDTH - 20, "top": top, "bottom": top + plot_h,
            "groups": out,
            "ticks": [{"y": round(top + plot_h - plot_h * t / scale, 1), "text": text(t)} for t in ticks],
            "legend": [{"name": name, "color": PALETTE[i], "x": left + 10 + 150 * i, "text_x": left + 30 + 150 * i}
                       for i, name in enumerate(names)]}


def diverging_bars(bars: Sequence[Bar], *, limit: float = 100.0, label_width: int = 230) -> dict:
    """Horizontal bars either side of zero (gaps in percent), clipped at ``limit``; the value is written."""
    bar_height, gap = 20, 6
    centre = label_width + (WIDTH - label_width - 60) / 2
    half = (WIDTH - label_width - 60) / 2 - 10
    rows = []
    for i, b in enumerate(bars):
        y = 24 + i * (bar_height + gap)
        length = half * min(abs(b.value), limit) / limit
        x = centre if b.value >= 0 else centre - length
        rows.append({"label": b.label, "text": b.text, "y": y, "text_y": y + bar_height * 0.72, "x": round(x, 1),
                     "width": round(max(length, 1.0), 1), "height": bar_height,
                     "color": PALETTE[1] if b.value >= 0 else PALETTE[0],
                     "value_x": round(centre + (length + 6 if b.value >= 0 else -length - 6), 1),
                     "anchor": "start" if b.value >= 0 else "end"})
    return {"width": WIDTH, "height": 34 + len(bars) * (bar_height + gap), "bars": rows, "centre": round(centre, 1),
            "label_x": label_width - 8, "limit": limit}


def to_float(value: Decimal | str | None) -> float | None:
    return None if value is None else float(value)
