"""The figure record every statistics module reads, and the vocabulary of flows.

A figure is one disjoint part of a participant's report for one period and flow: the figure for
(participant, period, flow) is the **sum** of its records, whatever breakdown (partner, HS code, origin)
they carry. A total row beside its own breakdown would therefore be counted twice; submissions must not
contain one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol, TypedDict

from kpcs.statmath.messages import render
from kpcs.statmath.periods import Period

Flow = Literal["production", "export", "import"]
FlowGroup = Literal["production", "trade"]
FLOWS: tuple[Flow, ...] = ("production", "export", "import")
TRADE_FLOWS: tuple[Flow, ...] = ("export", "import")

# The three HS subheadings that are "rough diamonds" under KPCS Section I; see reference/hs_7102.csv.
ROUGH_DIAMOND_HS: frozenset[str] = frozenset({"710210", "710221", "710231"})
# Worked diamonds, dust and powder, lab-grown: known codes that are definitely out of scope.
OUT_OF_SCOPE_HS: frozenset[str] = frozenset(
    {"710229", "710239", "7105", "710510", "710590", "7104", "710421", "710491"}
)


def flow_group(flow: Flow) -> FlowGroup:
    """``production`` is reported half-yearly on its own; exports and imports together, quarterly."""
    return "production" if flow == "production" else "trade"


def hs_dotted(code: str | None) -> str:
    """``710210`` -> ``7102.10`` for people; anything else unchanged (``None`` -> ``not stated``)."""
    if code is None:
        return "not stated"
    return f"{code[:4]}.{code[4:]}" if len(code) == 6 and code.isdigit() else code


def default_hs_in_scope(code: str) -> bool | None:
    """True for the three rough-diamond subheadings, False for known out-of-scope codes, else None."""
    if code in ROUGH_DIAMOND_HS:
        return True
    if code in OUT_OF_SCOPE_HS:
        return False
    return None


class FigureLike(Protocol):
    """What the summary, swings and unexplained-exports checks read from a record."""

    @property
    def participant(self) -> str: ...
    @property
    def period(self) -> Period: ...
    @property
    def flow(self) -> Flow: ...
    @property
    def carats(self) -> Decimal: ...
    @property
    def usd(self) -> Decimal: ...
    @property
    def certificates(self) -> int | None: ...


class ObservationLike(FigureLike, Protocol):
    """A figure with its breakdown, as mirror, valuation and unit-value checks need it."""

    @property
    def partner(self) -> str | None: ...
    @property
    def hs_code(self) -> str | None: ...
    @property
    def origin(self) -> str | None: ...


@dataclass(frozen=True)
class Figure:
    """A plain figure record; :class:`kpcs.statmath.rows.SubmissionRow` has the same shape plus ``row``.

    ``partner`` is the trading partner (trade only), ``hs_code`` six digits without dots, ``origin`` an
    ISO alpha-2 code or ``MIXED``; ``None`` means not stated.
    """

    participant: str
    period: Period
    flow: Flow
    carats: Decimal
    usd: Decimal
    certificates: int | None = None
    partner: str | None = None
    hs_code: str | None = None
    origin: str | None = None


class Finding(TypedDict):
    """A finding a person can act on: what, who, when, the numbers, and an English sentence."""

    code: str
    participant: str
    period: str
    params: dict[str, str | int | None]
    message: str


def finding(code: str, participant: str, period: Period | str, **params: str | int | None) -> Finding:
    """Build a :class:`Finding`; ``participant`` and ``period`` are also available to the message."""
    values: dict[str, str | int | None] = {"participant": participant, "period": str(period), **params}
    return {
        "code": code,
        "participant": participant,
        "period": str(period),
        "params": params,
        "message": render(code, values),
    }
