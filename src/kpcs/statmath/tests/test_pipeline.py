"""A submission file from bytes to the published SDMX-CSV, through every step."""

from kpcs.statmath.readers import read_csv
from kpcs.statmath.rows import validate_rows
from kpcs.statmath.sdmx import observations_from_summary, write_sdmx_csv
from kpcs.statmath.summary import build_summary
from kpcs.statmath.tests.helpers import context

FILE = (
    "\ufeffparticipant,period,flow,carats,usd,certificates,partner,hs_code,origin\r\n"
    "BW,2007-H1,production,1000.00,100000.00,,,,\r\n"
    "BW,2007-H2,production,1000.00,100000.00,,,,\r\n"
    "BW,2007-Q1,export,100,1000,3,EU,7102.31,BW\r\n"
    "BW,2007-Q2,export,100,1000,4,EU,7102.31,BW\r\n"
).encode()


def test_from_file_to_sdmx() -> None:
    rows, problems = validate_rows(read_csv(FILE), context=context())
    assert problems == []
    summary = build_summary(2007, rows, ["BW"])
    bw = summary["participants"][0]  # type: ignore[index]
    assert bw["production"] == {
        "carats": "2000.00",
        "usd": "200000.00",
        "usd_per_carat": "100.00",
        "certificates": None,
    }
    assert bw["exports"]["certificates"] == 7
    text = write_sdmx_csv(observations_from_summary(summary))
    assert "datastructure,KPCS:DSD_KP_STATS(1.0),I,A,BW,_T,EXP,_T,2007,CTM,200.00\r\n" in text


def test_a_bad_file_reports_rows_people_can_find() -> None:
    bad = FILE + b"BW,2007-Q3,export,1,1,,BW,7102.39,\r\n"
    _, problems = validate_rows(read_csv(bad), context=context())
    assert [(p["row"], p["code"]) for p in problems] == [(6, "hs_out_of_scope"), (6, "partner_is_self")]
