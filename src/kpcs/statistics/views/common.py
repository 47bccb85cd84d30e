"""What several statistics pages share: the year asked for, labels, participant scope."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kpcs.statistics.selectors.figures import years_with_data


def chosen_year(request: HttpRequest, years: list[int], *, prefer_complete: bool = True) -> int:
    """The ``year`` asked for when it is a plausible year, else the latest complete year with data."""
    text = request.GET.get("year", "")
    if text.isdigit() and 1990 <= int(text) <= 2999:
        return int(text)
    today = dt.date.today()
    complete = [y for y in years if y < today.year] if prefer_complete else years
    return (complete or years or [today.year - 1])[0]


def year_context(request: HttpRequest, *, prefer_complete: bool = True) -> dict:
    years = years_with_data()
    year = chosen_year(request, years, prefer_complete=prefer_complete)
    return {"year": year, "years": years}


def flow_group_label(group: str) -> str:
    return _("Trade") if group == "trade" else _("Production")


def usd_millions(value: float) -> str:
    return _("US$ %(amount)s million") % {"amount": number_format(value / 1e6, 1, force_grouping=True)}


def usd_billions(value: float) -> str:
    return _("US$ %(amount)s bn") % {"amount": number_format(value / 1e9, 1, force_grouping=True)}


def plain_number(value: float, decimals: int = 2) -> str:
    return number_format(value, decimals, force_grouping=True)
