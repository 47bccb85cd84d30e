"""Parsing, rounding and formatting of amounts (carats, US$, percentages).

Every published figure has 2 decimals, rounded half up (0.005 -> 0.01), as in KP releases. Ratios are
rounded from the exact quotient (via :class:`fractions.Fraction`), so a value such as 2675/1000 = 2.675
becomes 2.68 and never suffers double rounding through the 28-digit decimal context.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import overload

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal(0)

# Plain decimal notation only: no thousands separators, no exponent, no decimal comma. A submission
# is a legal record; guessing what "1,234" means (one thousand or one point two) is not our call.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)


def round2(value: Decimal) -> Decimal:
    """``value`` rounded to 2 decimals, half up (away from zero on a tie); never ``-0.00``."""
    rounded = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return rounded if rounded != 0 else abs(rounded)


@overload
def fmt2(value: Decimal) -> str: ...
@overload
def fmt2(value: None) -> None: ...
@overload
def fmt2(value: Decimal | None) -> str | None: ...
def fmt2(value: Decimal | None) -> str | None:
    """Decimal string with exactly 2 decimals (``"1234.50"``), or ``None`` for ``None``."""
    if value is None:
        return None
    return format(round2(value), "f")


def _round_fraction2(exact: Fraction) -> Decimal:
    hundredths = abs(exact) * 100
    units = int(hundredths + Fraction(1, 2))  # floor(x + 1/2) on a non-negative value: half up
    if exact < 0:
        units = -units
    return round2(Decimal(units).scaleb(-2))


def ratio2(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """``numerator / denominator`` rounded half up to 2 decimals; ``None`` when the denominator is 0."""
    if denominator == 0:
        return None
    return _round_fraction2(Fraction(numerator) / Fraction(denominator))


def percent2(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole``, rounded half up to 2 decimals; ``None`` when ``whole`` is 0."""
    if whole == 0:
        return None
    return _round_fraction2(Fraction(part) * 100 / Fraction(whole))


def is_plain_number(text: str) -> bool:
    """True for ``12``, ``-3.5``, ``.25``; false for ``1,234``, ``1e3``, ``NaN``, ``12 ct``."""
    return _PLAIN_NUMBER.fullmatch(text) is not None


def decimal_places(value: Decimal) -> int:
    """Significant decimal places: ``1.230`` has 2, ``5`` has 0."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # finite values only
    return max(0, -exponent)


def plain(value: Decimal) -> str:
    """A decimal without exponent and without trailing zeros: ``1E+3`` -> ``1000``, ``1.50`` -> ``1.5``."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def dsum(values: Iterable[Decimal]) -> Decimal:
    """Sum of decimals; ``Decimal(0)`` for nothing (``sum`` would start from the int 0)."""
    total = ZERO
    for value in values:
        total += value
    return total


def median(values: Sequence[Decimal]) -> Decimal:
    """Median of a non-empty sequence (mean of the two middle values for an even count)."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
