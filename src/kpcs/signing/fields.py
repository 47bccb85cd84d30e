"""Validation and wire formatting of the scalar values in a payload (amounts, dates, codes, text)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from string import ascii_uppercase

from kpcs.signing.errors import MalformedError

MAX_TEXT_LENGTH = 500
# Far above any real shipment; keeps every amount and every sum of amounts exact in Decimal's
# default 28-digit context, so totals never round.
MAX_AMOUNT = Decimal("1000000000000.00")

_CENT = Decimal("0.01")
_AMOUNT_RE = re.compile(r"(0|[1-9][0-9]*)\.[0-9]{2}")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Every [A-Z]{2} code: a set lookup costs a quarter of a regex match.
_CODES = frozenset(first + second for first in ascii_uppercase for second in ascii_uppercase)


def check_amount(value: object, what: str) -> Decimal:
    """Return `value` quantized to cents; it must be a Decimal in [0, MAX_AMOUNT) with <= 2 decimals."""
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value < MAX_AMOUNT:
        raise MalformedError(f"{what} must be a Decimal in [0, {MAX_AMOUNT})")
    exact = value.quantize(_CENT)
    if exact != value:
        raise MalformedError(f"{what} has more than 2 decimals")
    return exact.copy_abs()  # turns -0.00 into 0.00


def format_amount(value: Decimal) -> str:
    """Exactly two decimals, no exponent, no sign: Decimal("1234.5") -> "1234.50"."""
    return f"{check_amount(value, 'amount'):f}"


def parse_amount(value: object, what: str) -> Decimal:
    if not isinstance(value, str) or not _AMOUNT_RE.fullmatch(value):
        raise MalformedError(f"{what} must be a decimal string with exactly 2 decimals")
    # The pattern makes the amount finite, non-negative and exact to the cent, which leaves only the
    # upper bound of check_amount to test.
    amount = Decimal(value)
    if amount >= MAX_AMOUNT:
        raise MalformedError(f"{what} must be a Decimal in [0, {MAX_AMOUNT})")
    return amount


def parse_date(value: object, what: str) -> date:
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise MalformedError(f"{what} must be a YYYY-MM-DD string")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise MalformedError(f"{what} is not a real calendar date") from None


def check_date(value: object, what: str) -> date:
    if type(value) is not date:
        raise MalformedError(f"{what} must be a datetime.date")
    return value


def check_text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT_LENGTH:
        raise MalformedError(f"{what} must be non-empty text of at most {MAX_TEXT_LENGTH} characters")
    return value


def check_code(value: object, what: str) -> str:
    if not isinstance(value, str) or value not in _CODES:
        raise MalformedError(f"{what} must be a 2-letter upper-case code (ISO 3166-1 alpha-2 or EU)")
    return value


def expect_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise MalformedError(f"{what} must be a text string")
    return value


def expect_list(value: object, what: str) -> list[object]:
    if not isinstance(value, list) or not value:
        raise MalformedError(f"{what} must be a non-empty array")
    return value


def expect_map(value: object, keys: frozenset[str], what: str) -> dict[str, object]:
    """`value` must be a map with exactly `keys` (text)."""
    if not isinstance(value, dict):
        raise MalformedError(f"{what} must be a map")
    if set(value) != keys:
        missing, extra = sorted(keys - set(value)), sorted(map(repr, set(value) - keys))
        raise MalformedError(f"{what} keys are wrong (missing {missing}, unexpected {extra})")
    return value
