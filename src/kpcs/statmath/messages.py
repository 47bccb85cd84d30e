"""English message templates by stable code.

Each template is wrapped in a local no-op :func:`gettext_noop` so Django's ``makemessages`` extracts it
while this package stays free of Django; the Django side translates by passing its ``gettext`` as
``translate`` to :func:`render`. Placeholders are named (``{column}``), sentences are whole, and
nothing is concatenated, so translators can reorder freely.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def gettext_noop(s: str) -> str:
    """Mark ``s`` for extraction without translating it (Django's name, so xgettext finds it)."""
    return s


MESSAGES: dict[str, str] = {
    # Files.
    "empty_file": gettext_noop("The file is empty: it needs a header row naming the columns."),
    "no_data_rows": gettext_noop("The file has a header row but no figures."),
    "bad_encoding": gettext_noop(
        "The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."
    ),
    "bad_file": gettext_noop("The file could not be read as {format}; check that it is not damaged."),
    "missing_column": gettext_noop(
        "The required column “{column}” is missing from the header row."
    ),
    "duplicate_column": gettext_noop(
        "The column “{column}” appears more than once in the header row."
    ),
    "extra_cells": gettext_noop(
        "This row has {count} value(s) beyond the named columns; remove them or name their column."
    ),
    # Rows.
    "missing_value": gettext_noop("The column “{column}” must not be empty."),
    "unknown_participant": gettext_noop(
        "“{value}” is not a Kimberley Process participant code (ISO alpha-2, or EU for the "
        "European Union)."
    ),
    "not_participant_in_period": gettext_noop(
        "{participant} was not a participant at any time during {period}."
    ),
    "bad_period": gettext_noop(
        "“{value}” is not a reporting period. Write a year (2007), a half-year (2007-H1) or a "
        "quarter (2007-Q3)."
    ),
    "bad_flow": gettext_noop("“{value}” is not a flow. Write production, export or import."),
    "negative_amount": gettext_noop("The {column} value {value} is negative; figures cannot be below zero."),
    "not_a_number": gettext_noop(
        "The {column} value “{value}” is not a number. Write digits with a point for decimals "
        "and no thousands separators, for example 1234567.89."
    ),
    "not_a_whole_number": gettext_noop("The {column} value “{value}” must be a whole number."),
    "amount_too_large": gettext_noop(
        "The {column} value {value} is too large to be a real figure; check the number and its unit."
    ),
    "too_many_decimals": gettext_noop(
        "The {column} value {value} has more than {max_decimals} decimals; round it to {max_decimals}."
    ),
    "hs_out_of_scope": gettext_noop(
        "HS code {value} is not a rough diamond: worked diamonds (7102.29, 7102.39) and diamond dust or "
        "powder (7105) are outside the Kimberley Process. Report only 7102.10, 7102.21 and 7102.31."
    ),
    "unknown_hs_code": gettext_noop(
        "“{value}” is not a known HS code for rough diamonds. Use 7102.10, 7102.21 or 7102.31."
    ),
    "unknown_partner": gettext_noop(
        "The partner “{value}” is not a Kimberley Process participant code."
    ),
    "partner_not_participant_in_period": gettext_noop(
        "The partner {partner} was not a participant during {period}; rough diamonds may be traded only "
        "with participants."
    ),
    "partner_is_self": gettext_noop("{participant} cannot be its own trading partner."),
    "production_has_partner": gettext_noop(
        "A production figure has no trading partner; leave the partner ({partner}) empty."
    ),
    "production_has_certificates": gettext_noop(
        "Certificates are counted for exports and imports, not for production; leave the count empty."
    ),
    "production_period_not_half_or_year": gettext_noop(
        "Production is reported by half-year or year, not for {period}."
    ),
    "trade_period_not_quarter_or_year": gettext_noop(
        "Exports and imports are reported by quarter or year, not for {period}."
    ),
    "duplicate_row": gettext_noop(
        "This row repeats row {first_row}: same participant, period, flow, partner, HS code and origin."
    ),
    "bad_origin": gettext_noop(
        "“{value}” is not a country of origin. Write an ISO alpha-2 country code, or MIXED for "
        "a parcel of mixed origin."
    ),
    "annual_contradicts_parts": gettext_noop(
        "The {flow} figure of {participant} for {period} (rows {rows}: {carats} ct, US$ {usd}) differs "
        "from the sum of its parts {parts} (rows {part_rows}: {parts_carats} ct, US$ {parts_usd})."
    ),
    # Summary.
    "summary_partial": gettext_noop(
        "The {flow} figure of {participant} for {year} is the sum of its parts, but {missing} is missing."
    ),
    # Anomalies.
    "swing": gettext_noop(
        "{participant} {flow} {measure} changed by {change_pct}%, between {previous_period} ({previous}) and "
        "{period} ({current}), beyond the {threshold_pct}% threshold: send a Data Anomaly Questionnaire."
    ),
    "swing_from_zero": gettext_noop(
        "{participant} {flow} {measure} rose from zero in {previous_period} to {current} in {period}: "
        "send a Data Anomaly Questionnaire."
    ),
    "unit_value_vs_history": gettext_noop(
        "{participant} {flow} of HS {hs_code} (origin {origin}) in {period} is valued at US$ "
        "{usd_per_carat}/ct, a deviation of {deviation_pct}%, compared with its own median of US$ {median}/ct "
        "over {history} earlier periods."
    ),
    "unit_value_vs_peers": gettext_noop(
        "{participant} {flow} of HS {hs_code} (origin {origin}) in {period} is valued at US$ "
        "{usd_per_carat}/ct, a deviation of {deviation_pct}%, compared with the median of US$ {median}/ct "
        "of {peers} other participants."
    ),
    "unexplained_exports": gettext_noop(
        "{participant} exported {exports} ct in {period}, more than its production ({production} ct), "
        "imports ({imports} ct) and opening stock allowance ({opening_stock} ct) can explain, by "
        "{excess} ct."
    ),
    "certificate_count_mismatch": gettext_noop(
        "{participant} reported {reported} {flow} certificates for {period}, but {counted} are recorded."
    ),
    "certificate_count_not_reported": gettext_noop(
        "{participant} reported no {flow} certificate count for {period}; {counted} are recorded."
    ),
    # Mirror statistics.
    "mirror_consistent": gettext_noop(
        "Exports of {exporter} to {importer} and imports of {importer} from {exporter} agree for {period}."
    ),
    "mirror_missing_report": gettext_noop(
        "Only {reporter} reported trade between {exporter} and {importer} for {period}; {silent} reported "
        "none."
    ),
    "mirror_timing": gettext_noop(
        "The gap between {exporter} and {importer} in {period} is offset by the opposite gap in "
        "{adjacent_period}: shipments probably crossed the period end."
    ),
    "mirror_valuation_basis": gettext_noop(
        "Carats of {exporter} to {importer} agree for {period} but values differ by {usd_gap_pct}%, "
        "within the {valuation_max_pct}% a different valuation basis (CIF against FOB) can explain."
    ),
    "mirror_misclassification": gettext_noop(
        "Totals of {exporter} to {importer} agree for {period} but not by HS code ({detail}): the same "
        "goods were probably classified differently."
    ),
    "mirror_transit": gettext_noop(
        "{importer} reported {imported} ct from {exporter} for {period}, {carats_gap_pct}% more than "
        "{exporter} exported to it: goods in transit through {exporter} were probably attributed to it."
    ),
    "mirror_unexplained": gettext_noop(
        "Exports of {exporter} to {importer} and imports of {importer} from {exporter} differ for "
        "{period} (carats {carats_gap_pct}%, US$ {usd_gap_pct}%) and no usual cause fits."
    ),
}


class _KeepMissing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        # A missing parameter shows as its placeholder rather than failing the whole page.
        return "{" + key + "}"


def render(
    code: str,
    params: Mapping[str, object] | None = None,
    translate: Callable[[str], str] = lambda s: s,
) -> str:
    """The message for ``code`` with ``params`` filled in, after ``translate`` (identity by default).

    Raises :class:`KeyError` for an unknown code: that is a programming error, not a user error.
    """
    template = translate(MESSAGES[code])
    values = _KeepMissing({k: ("" if v is None else v) for k, v in (params or {}).items()})
    return template.format_map(values)
