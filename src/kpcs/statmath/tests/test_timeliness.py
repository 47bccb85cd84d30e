from datetime import date

from kpcs.statmath.periods import Interval, parse_period
from kpcs.statmath.timeliness import ExpectedSubmission, classify, expected_submissions

MEMBERSHIPS: dict[str, list[Interval]] = {
    "BW": [(date(2003, 1, 1), None)],
    "CG": [(date(2003, 1, 1), date(2004, 7, 9))],  # removed July 2004
    "GH": [(date(2004, 5, 1), None)],  # admitted during 2004
}


def keys(items: list[ExpectedSubmission]) -> list[tuple[str, str, str]]:
    return [(e.participant, str(e.period), e.flow_group) for e in items]


def test_calendar_quarterly_trade_half_yearly_production() -> None:
    owed = expected_submissions({"BW": MEMBERSHIPS["BW"]}, "2004", "2004")
    assert keys(owed) == [
        ("BW", "2004-Q1", "trade"),
        ("BW", "2004-H1", "production"),
        ("BW", "2004-Q2", "trade"),
        ("BW", "2004-Q3", "trade"),
        ("BW", "2004-H2", "production"),
        ("BW", "2004-Q4", "trade"),
    ]
    assert owed[0].due == date(2004, 5, 30)
    assert owed[1].due == date(2004, 8, 29)


def test_membership_limits_what_is_owed() -> None:
    owed = keys(expected_submissions(MEMBERSHIPS, "2004-Q1", "2004-Q4"))
    congo = [k for k in owed if k[0] == "CG"]
    # A participant for part of Q3 and H2 (until 9 July) still owes them; nothing after.
    assert congo == [
        ("CG", "2004-Q1", "trade"),
        ("CG", "2004-H1", "production"),
        ("CG", "2004-Q2", "trade"),
        ("CG", "2004-Q3", "trade"),
        ("CG", "2004-H2", "production"),
    ]
    ghana = [k for k in owed if k[0] == "GH"]
    assert ghana[0] == ("GH", "2004-H1", "production")
    assert ("GH", "2004-Q1", "trade") not in ghana


def test_due_date_is_configurable() -> None:
    owed = expected_submissions({"BW": MEMBERSHIPS["BW"]}, "2004-Q1", "2004-Q1", days_after_end=30)
    assert [(str(e.period), e.due) for e in owed] == [("2004-Q1", date(2004, 4, 30))]


def test_classify_on_time_late_missing_not_due() -> None:
    owed = expected_submissions({"BW": MEMBERSHIPS["BW"]}, "2004", "2004")
    received = {
        ("BW", parse_period("2004-Q1"), "trade"): date(2004, 5, 30),  # on the due date
        ("BW", "2004-Q2", "trade"): date(2004, 9, 3),  # due 29 Aug: 5 days late
        ("BW", "2004-H1", "production"): date(2004, 7, 1),  # early
    }
    result = classify(owed, received, today=date(2005, 1, 15))
    assert [(r["period"], r["flow_group"], r["status"], r["days_late"]) for r in result] == [
        ("2004-Q1", "trade", "on_time", 0),
        ("2004-H1", "production", "on_time", 0),
        ("2004-Q2", "trade", "late", 5),
        ("2004-Q3", "trade", "missing", 47),  # due 29 Nov 2004, 47 days before 15 Jan 2005
        ("2004-H2", "production", "not_due", 0),  # due 1 Mar 2005
        ("2004-Q4", "trade", "not_due", 0),
    ]
    assert result[3]["due_date"] == "2004-11-29"


def test_russia_2004_first_half_production_received_in_december() -> None:
    owed = expected_submissions({"RU": MEMBERSHIPS["BW"]}, "2004-H1", "2004-H1")
    production = [e for e in owed if e.flow_group == "production"]
    [result] = classify(
        production, {("RU", "2004-H1", "production"): date(2004, 12, 20)}, today=date(2005, 1, 1)
    )
    assert (result["status"], result["days_late"]) == ("late", 113)


def test_missing_on_the_due_date_is_not_yet_due() -> None:
    owed = expected_submissions({"BW": MEMBERSHIPS["BW"]}, "2004-Q1", "2004-Q1")
    assert classify(owed, {}, today=date(2004, 5, 30))[0]["status"] == "not_due"
    assert classify(owed, {}, today=date(2004, 5, 31))[0]["status"] == "missing"
    assert classify(owed, {}, today=date(2004, 5, 31))[0]["days_late"] == 1
