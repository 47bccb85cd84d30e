import csv
import io
from decimal import Decimal

from kpcs.statmath.periods import parse_period
from kpcs.statmath.sdmx import (
    COLUMNS,
    DSD_ID,
    SdmxObservation,
    observations_from_figures,
    observations_from_summary,
    time_period,
    write_sdmx_csv,
)
from kpcs.statmath.summary import build_summary
from kpcs.statmath.tests.helpers import fig

HEADER = (
    "STRUCTURE,STRUCTURE_ID,ACTION,"
    "FREQ,REF_AREA,COUNTERPART_AREA,FLOW,HS_CODE,TIME_PERIOD,UNIT_MEASURE,"
    "OBS_VALUE"
)


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_header_and_one_row() -> None:
    observation = SdmxObservation(
        "BW", "_Z", "production", "_T", parse_period("2007-H1"), "CTM", Decimal("1000.5")
    )
    text = write_sdmx_csv([observation])
    assert (
        text
        == HEADER + "\r\n" + "datastructure,KPCS:DSD_KP_STATS(1.0),I,S,BW,_Z,PRD,_T,2007-S1,CTM,1000.50\r\n"
    )
    assert ",".join(COLUMNS) == HEADER
    assert DSD_ID == "KPCS:DSD_KP_STATS(1.0)"


def test_action_is_a_parameter() -> None:
    observation = SdmxObservation("BW", "EU", "export", "710231", parse_period("2007"), "CERT", 12)
    assert parse(write_sdmx_csv([observation], action="R"))[1][2] == "R"
    assert parse(write_sdmx_csv([observation]))[1][-1] == "12"


def test_time_periods() -> None:
    assert time_period(parse_period("2007")) == "2007"
    assert time_period(parse_period("2007-H2")) == "2007-S2"
    assert time_period(parse_period("2007-Q3")) == "2007-Q3"


def test_from_summary_world_and_participants_without_nulls() -> None:
    records = [
        fig("BW", "2007", "production", "1000", "100000"),
        fig("BW", "2007", "export", "400", "4000", certificates=12, partner="EU"),
    ]
    rows = parse(write_sdmx_csv(observations_from_summary(build_summary(2007, records, ["BW", "CA"]))))
    body = [row[3:] for row in rows[1:]]
    assert ["A", "_T", "_Z", "PRD", "_T", "2007", "CTM", "1000.00"] in body
    assert ["A", "BW", "_Z", "PRD", "_T", "2007", "USD_CTM", "100.00"] in body
    assert ["A", "BW", "_T", "EXP", "_T", "2007", "CERT", "12"] in body
    assert ["A", "_T", "_T", "EXP", "_T", "2007", "USD", "4000.00"] in body
    assert not any(row[1] == "CA" for row in body)  # nothing reported: no rows, never zeros
    assert not any(row[2] == "IMP" for row in body)
    assert len(body) == 2 * (3 + 4)  # world and BW: production without certificates, exports with


def test_from_figures_detail_by_partner_and_hs_code() -> None:
    records = [
        fig("BW", "2007-Q1", "export", "60", "600", partner="EU", hs_code="710231", certificates=2),
        fig("BW", "2007-Q1", "export", "40", "400", partner="EU", hs_code="710231", certificates=1),
        fig("BW", "2007-Q1", "import", "5", "50"),
        fig("BW", "2007-H1", "production", "0", "0"),
    ]
    body = [row[3:] for row in parse(write_sdmx_csv(observations_from_figures(records)))[1:]]
    assert body == [
        ["Q", "BW", "EU", "EXP", "710231", "2007-Q1", "CTM", "100.00"],
        ["Q", "BW", "EU", "EXP", "710231", "2007-Q1", "USD", "1000.00"],
        ["Q", "BW", "EU", "EXP", "710231", "2007-Q1", "USD_CTM", "10.00"],
        ["Q", "BW", "EU", "EXP", "710231", "2007-Q1", "CERT", "3"],
        ["Q", "BW", "_X", "IMP", "_X", "2007-Q1", "CTM", "5.00"],
        ["Q", "BW", "_X", "IMP", "_X", "2007-Q1", "USD", "50.00"],
        ["Q", "BW", "_X", "IMP", "_X", "2007-Q1", "USD_CTM", "10.00"],
        ["S", "BW", "_Z", "PRD", "_X", "2007-S1", "CTM", "0.00"],
        ["S", "BW", "_Z", "PRD", "_X", "2007-S1", "USD", "0.00"],
    ]
