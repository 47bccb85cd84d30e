from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpcs.statmath.amounts import (
    decimal_places,
    fmt2,
    is_plain_number,
    median,
    percent2,
    plain,
    ratio2,
    round2,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),  # half up, where banker's rounding would give 0.00
        ("0.015", "0.02"),
        ("0.025", "0.03"),  # half even would give 0.02
        ("2.675", "2.68"),  # the classic float trap: 2.675 is 2.67499999... as a float
        ("1.004999", "1.00"),
        ("-0.005", "-0.01"),  # away from zero on a tie
        ("-0.004", "0.00"),  # never "-0.00"
        ("127399362.81", "127399362.81"),  # KP 2015 world production
        ("5", "5.00"),
    ],
)
def test_round_half_up(value: str, expected: str) -> None:
    assert fmt2(D(value)) == expected


def test_fmt2_none() -> None:
    assert fmt2(None) is None


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        ("1", "200", "0.01"),  # 0.005 exactly
        ("1.00", "8", "0.13"),  # 0.125
        ("2675", "1000", "2.68"),  # 2.675
        ("10", "3", "3.33"),
        ("20", "3", "6.67"),
        ("0", "5", "0.00"),
    ],
)
def test_ratio2(numerator: str, denominator: str, expected: str) -> None:
    assert fmt2(ratio2(D(numerator), D(denominator))) == expected


def test_ratio2_of_zero_denominator_is_none() -> None:
    assert ratio2(D(5), D(0)) is None


def test_ratio2_is_exact_where_28_digit_division_would_double_round() -> None:
    # 0.00499999999999999999999999999999... rounds to 0.005000...(28 digits) and then up to 0.01 if
    # the quotient were computed in the default context first; the exact value is below the tie.
    numerator = D("4999999999999999999999999999999")
    denominator = D("1000000000000000000000000000000000")
    assert round2(numerator / denominator) == D("0.01")  # what naive division would publish
    assert ratio2(numerator, denominator) == D("0.00")


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        ("1", "8", "12.50"),
        ("1", "200", "0.50"),
        ("1", "20000", "0.01"),
        ("1", "3", "33.33"),
        ("2", "3", "66.67"),
    ],
)
def test_percent2(part: str, whole: str, expected: str) -> None:
    assert fmt2(percent2(D(part), D(whole))) == expected


def test_percent2_of_zero_whole_is_none() -> None:
    assert percent2(D(1), D(0)) is None


@pytest.mark.parametrize("text", ["12", "-3.5", ".25", "1.", "+7", "0007.10"])
def test_plain_numbers(text: str) -> None:
    assert is_plain_number(text)


@pytest.mark.parametrize("text", ["1,234", "1e3", "NaN", "Infinity", "12 ct", "", "1.2.3", "١٢", "$5"])
def test_not_plain_numbers(text: str) -> None:
    assert not is_plain_number(text)


def test_decimal_places_ignores_trailing_zeros() -> None:
    assert decimal_places(D("1.230")) == 2
    assert decimal_places(D("5")) == 0
    assert decimal_places(D("1E+3")) == 0
    assert decimal_places(D("0.001")) == 3


def test_plain_has_no_exponent_or_trailing_zeros() -> None:
    assert plain(D("1E+3")) == "1000"
    assert plain(D("1.50")) == "1.5"
    assert plain(D("0.00001")) == "0.00001"
    assert plain(D("-0")) == "0"


def test_median() -> None:
    assert median([D(3), D(1), D(2)]) == D(2)
    assert median([D(1), D(2), D(3), D(4)]) == D("2.5")
    with pytest.raises(ValueError, match="no values"):
        median([])


@given(st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False, places=4))
def test_round2_moves_at_most_half_a_cent(value: Decimal) -> None:
    assert abs(round2(value) - value) <= D("0.005")
