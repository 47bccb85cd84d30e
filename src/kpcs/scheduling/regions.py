"""Continent-level regions derived from a nominating participant's code.

Covers every KP participant of 2004 plus common later/neighbouring ones. Observer
organisations (WDC, CSC, ...) and unknown codes have no region.
"""

from __future__ import annotations

_AFRICA = (
    "AO BF BI BJ BW CD CF CG CI CM DZ EG ET GA GH GM GN KE LR LS LY MA MG ML MR MU MW MZ NA NE NG "
    "RW SD SL SN SZ TD TG TN TZ UG ZA ZM ZW"
)
_AMERICAS = "AR BO BR CA CL CO CR CU DO EC GT GY MX PA PE PY SR TT US UY VE"
_ASIA = (
    "AE AF AM AZ BD BH CN GE HK ID IL IN IQ IR JO JP KG KH KR KW KZ LA LB LK MM MN MY NP OM PH PK "
    "QA SA SG SY TH TJ TM TR TW UZ VN YE"
)
_EUROPE = (
    "AL AT BA BE BG BY CH CY CZ DE DK EE ES EU FI FR GB GR HR HU IE IS IT LI LT LU LV MD ME MK MT "
    "NL NO PL PT RO RS RU SE SI SK UA"
)
_OCEANIA = "AU FJ NZ PG"

REGIONS: dict[str, str] = {
    code: region
    for region, codes in (
        ("africa", _AFRICA),
        ("americas", _AMERICAS),
        ("asia", _ASIA),
        ("europe", _EUROPE),
        ("oceania", _OCEANIA),
    )
    for code in codes.split()
}


def region_of(nominated_by: str) -> str | None:
    """Region of a participant code; None for observers and unknown codes."""
    return REGIONS.get(nominated_by.upper())
