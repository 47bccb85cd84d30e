import io

import pytest
from openpyxl import Workbook

from kpcs.statmath.readers import SubmissionFileError, read_csv, read_xlsx

HEADER = "participant,period,flow,carats,usd,certificates,partner,hs_code,origin"


def codes(error: pytest.ExceptionInfo[SubmissionFileError]) -> list[tuple[int, str]]:
    return [(p["row"], p["code"]) for p in error.value.problems]


def test_csv_rows_are_trimmed_dicts_keyed_by_lower_case_column() -> None:
    data = b"Participant , PERIOD,flow,carats,usd\nBW, 2007-H1 ,production,100.50,2000\n"
    assert read_csv(data) == [
        {"participant": "BW", "period": "2007-H1", "flow": "production", "carats": "100.50", "usd": "2000"}
    ]


def test_csv_tolerates_bom_crlf_and_quotes() -> None:
    data = '\ufeffparticipant,period,flow,carats,usd\r\n"BW",2007-Q1,export,"1","2"\r\n'.encode()
    assert read_csv(data)[0]["participant"] == "BW"


def test_csv_semicolon_delimiter() -> None:
    rows = read_csv(b"participant;period;flow;carats;usd\nBW;2007-Q1;export;1;2\n")
    assert rows[0]["usd"] == "2"


def test_csv_keeps_blank_rows_so_row_numbers_stay_right() -> None:
    rows = read_csv(f"{HEADER}\nBW,2007-Q1,export,1,2,,,,\n\nZA,2007-Q1,export,1,2,,,,\n\n\n".encode())
    assert len(rows) == 3  # trailing blank lines dropped, the middle one kept
    assert not any(rows[1].values())


def test_csv_short_row_gets_empty_values() -> None:
    rows = read_csv(f"{HEADER}\nBW,2007-Q1,export,1,2\n".encode())
    assert rows[0]["origin"] == ""


def test_missing_required_columns() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_csv(b"participant,period,flow\nBW,2007,production\n")
    assert codes(error) == [(1, "missing_column"), (1, "missing_column")]
    assert [p["params"]["column"] for p in error.value.problems] == ["carats", "usd"]


def test_duplicate_column() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_csv(b"participant,period,flow,carats,usd,usd\nBW,2007,production,1,2,3\n")
    assert codes(error) == [(1, "duplicate_column")]


def test_extra_cells() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_csv(b"participant,period,flow,carats,usd\nBW,2007,production,1,2\nBW,2006,production,1,2,oops\n")
    assert codes(error) == [(3, "extra_cells")]


def test_empty_file() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_csv(b"\n\n")
    assert codes(error) == [(1, "empty_file")]


def test_header_without_rows() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_csv(b"participant,period,flow,carats,usd\n")
    assert codes(error) == [(1, "no_data_rows")]


def test_not_utf8() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_csv("participant,period,flow,carats,usd\nC\u00f4te,2007,production,1,2\n".encode("latin-1"))
    assert codes(error) == [(1, "bad_encoding")]


def test_nul_byte_is_not_csv() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_csv(b"participant,period,flow,carats,usd\nBW,2007,pro\x00duction,1,2\n")
    assert codes(error) == [(1, "bad_file")]


def test_oversized_field_is_not_csv() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_csv(b"participant,period,flow,carats,usd\nBW,2007,production,1," + b"9" * 200_000 + b"\n")
    assert codes(error) == [(1, "bad_file")]


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("ignored").append(["not", "read"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_numbers_without_float_artefacts() -> None:
    data = _xlsx(
        [
            ["participant", "period", "flow", "carats", "usd", "certificates", "hs_code"],
            ["BW", 2007, "production", 1234.56, 0.1 + 0.2, 12.0, 7102.1],
            ["BW", "2007-Q1", "export", 127399362.81, 1e16, 3, 710231],
            [None, None, None, None, None, None, None],
            ["ZA", "2007", "production", 5, 0.00001, None, None],
            [None, None, None, None, None, None, None],
        ]
    )
    rows = read_xlsx(data)
    assert len(rows) == 4  # the trailing blank row dropped, the middle one kept
    assert rows[0] == {
        "participant": "BW",
        "period": "2007",
        "flow": "production",
        "carats": "1234.56",
        "usd": "0.3",
        "certificates": "12",
        "hs_code": "7102.1",
    }
    assert rows[1]["carats"] == "127399362.81"
    assert rows[1]["usd"] == "10000000000000000"
    assert rows[1]["hs_code"] == "710231"
    assert rows[3]["usd"] == "0.00001"
    assert rows[3]["certificates"] == ""


def test_xlsx_missing_column() -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_xlsx(_xlsx([["participant", "period", "flow", "carats"], ["BW", 2007, "production", 1]]))
    assert codes(error) == [(1, "missing_column")]


def test_xlsx_dates_become_iso_text() -> None:
    import datetime as dt

    rows = read_xlsx(
        _xlsx(
            [["participant", "period", "flow", "carats", "usd"], ["BW", dt.datetime(2007, 1, 1), "x", 1, 2]]
        )
    )
    assert rows[0]["period"] == "2007-01-01"


@pytest.mark.parametrize("data", [b"not a workbook", b"PK\x03\x04broken", b""])
def test_xlsx_unreadable(data: bytes) -> None:
    with pytest.raises(SubmissionFileError) as error:
        read_xlsx(data)
    assert codes(error) == [(1, "bad_file")]
