"""Permission-matrix cases of governance: every page and API route against every role."""

from __future__ import annotations

VIEW, MANAGE = "governance.view", "governance.manage"
APPS, ASSESS, DECIDE = "governance.applications.view", "governance.applications.assess", \
    "governance.applications.decide"
CASES, OPEN, ADVISE, ACT = "governance.compliance.view", "governance.compliance.open", \
    "governance.compliance.advise", "governance.compliance.act"
REPORT = "governance.report"
ON = {"on": "2005-01-01"}
G = "/api/v1/governance"

PAGES = [
    ("GET", "/governance/", VIEW, None),
    ("GET", "/governance/committee/", VIEW, None),
    ("POST", "/governance/committee/", MANAGE, {}),
    ("GET", "/governance/bodies/", VIEW, None),
    ("POST", "/governance/bodies/", MANAGE, {}),
    ("GET", "/governance/meetings/", VIEW, None),
    ("POST", "/governance/meetings/", MANAGE, {}),
    ("GET", "/governance/deadlines/", VIEW, None),
    ("POST", "/governance/deadlines/", MANAGE, {}),
    ("GET", "/governance/decisions/", VIEW, None),
    ("POST", "/governance/decisions/", MANAGE, {}),
    ("GET", "/governance/applications/", APPS, None),
    ("POST", "/governance/applications/", DECIDE, {}),
    ("GET", "/governance/cases/", CASES, None),
    ("POST", "/governance/cases/", OPEN, {}),
    ("GET", "/governance/report/", REPORT, None),
]

API = [
    ("GET", f"{G}/chairs?year=2005", VIEW, None),
    ("GET", f"{G}/committee?year=2005", VIEW, None),
    ("POST", f"{G}/committee", MANAGE, {"year": 1990, "member": "CA"}),
    ("POST", f"{G}/committee/999999/delete", MANAGE, {}),
    ("GET", f"{G}/bodies", VIEW, None),
    ("POST", f"{G}/bodies", MANAGE, {"name": "X", "kind": "bogus"}),
    ("POST", f"{G}/bodies/999999/members", MANAGE, {"member": "CA"}),
    ("GET", f"{G}/meetings", VIEW, None),
    ("POST", f"{G}/meetings", MANAGE, {"place": "X", "starts_on": "2005-01-02", "ends_on": "2005-01-01"}),
    ("GET", f"{G}/decisions", VIEW, None),
    ("POST", f"{G}/decisions", MANAGE, {"number": "", "route": "plenary", "agreed_on": "2004-10-29", "title": "t",
                                        "text": "x"}),
    ("GET", f"{G}/decisions/NOPE", VIEW, None),
    ("POST", f"{G}/decisions/NOPE/texts", MANAGE, {"language": "fr", "title": "t", "text": "x"}),
    ("POST", f"{G}/decisions/NOPE/texts/fr/circulate", MANAGE, ON),
    ("POST", f"{G}/decisions/NOPE/adopt", MANAGE, ON),
    ("GET", f"{G}/deadlines", VIEW, None),
    ("POST", f"{G}/deadlines", MANAGE, {"title": "t", "due_on": "2005-01-01"}),
    ("POST", f"{G}/deadlines/999999/done", MANAGE, ON),
    ("GET", f"{G}/report/chair?year=2004", REPORT, None),
    ("GET", f"{G}/applications", APPS, None),
    ("POST", f"{G}/applications", DECIDE, {"participant": "ZZ", "received_on": "2005-01-01"}),
    ("GET", f"{G}/applications/999999", APPS, None),
    ("POST", f"{G}/applications/999999/assess", ASSESS, {"assessment": "x", **ON}),
    ("POST", f"{G}/applications/999999/recommend", ASSESS, {"recommendation": "admit", **ON}),
    ("POST", f"{G}/applications/999999/decide", DECIDE, {"admit": True, "route": "plenary", **ON}),
    ("POST", f"{G}/applications/999999/admit", DECIDE, ON),
    ("POST", f"{G}/applications/999999/withdraw", DECIDE, ON),
    ("GET", f"{G}/signals", CASES, None),
    ("POST", f"{G}/signals/open", OPEN, {"key": "nope"}),
    ("GET", f"{G}/cases", CASES, None),
    ("POST", f"{G}/cases", OPEN, {"participant": "ZZ", "opened_on": "2005-01-01", "summary": "x"}),
    ("GET", f"{G}/cases/999999", CASES, None),
    ("POST", f"{G}/cases/999999/advise", ADVISE, {"advice": "x", **ON}),
    ("POST", f"{G}/cases/999999/act", ACT, {"action": "reminder", "text": "x", **ON}),
    ("POST", f"{G}/cases/999999/close", ACT, {"note": "x", **ON}),
]

PUBLIC_PAGES: set[str] = set()
