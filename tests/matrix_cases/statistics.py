"""Permission-matrix cases of the statistics app. Bodies are chosen so that allowed callers get a 2xx/3xx
(pages) or a handled 4xx (API), never a 500."""

from __future__ import annotations

Q = "/statistics/questionnaires"
PAGES = [
    ("GET", "/statistics/wgs/", "statistics.analyse", None),
    ("GET", "/statistics/wgs/mirror/", "statistics.analyse", None),
    ("GET", "/statistics/wgs/valuation/", "statistics.analyse", None),
    ("GET", "/statistics/wgs/reconciliation/", "statistics.analyse", None),
    ("POST", "/statistics/wgs/refer/", "statistics.refer", {}),
    ("GET", "/statistics/settings/", "statistics.settings", None),
    ("POST", "/statistics/settings/", "statistics.settings", {}),
    ("GET", "/statistics/submit/", "statistics.submit", None),
    ("POST", "/statistics/submit/", "statistics.submit", {}),
    ("GET", "/statistics/national/BW/", "statistics.national", None),
    ("GET", f"{Q}/", "statistics.questionnaire.view", None),
    ("POST", f"{Q}/new/", "statistics.questionnaire.manage", {}),
    ("POST", f"{Q}/999999/edit/", "statistics.questionnaire.manage", {}),
    ("POST", f"{Q}/999999/send/", "statistics.questionnaire.manage", {}),
    ("POST", f"{Q}/999999/close/", "statistics.questionnaire.manage", {}),
    ("POST", f"{Q}/999999/answer/", "statistics.questionnaire.answer", {}),
]
API = [
    ("POST", "/api/v1/statistics/submissions", "statistics.submit", {}),
    ("GET", "/api/v1/statistics/national/BW?year=2005", "statistics.national", None),
    ("GET", "/api/v1/statistics/vintages/999999", "statistics.national", None),
    ("GET", "/api/v1/statistics/timeliness?year=2005", "statistics.analyse", None),
    ("GET", "/api/v1/statistics/anomalies?year=2005", "statistics.analyse", None),
    ("GET", "/api/v1/statistics/mirror?year=2005", "statistics.analyse", None),
    ("GET", "/api/v1/statistics/valuation?year=2005", "statistics.analyse", None),
    ("GET", "/api/v1/statistics/reconciliation?year=2005", "statistics.analyse", None),
    ("GET", "/api/v1/statistics/compliance-signals", "statistics.analyse", None),
    ("POST", "/api/v1/statistics/referrals", "statistics.refer", {"participant": "BW", "period": "2005-Q1",
                                                                  "flow_group": "trade"}),
    ("GET", "/api/v1/statistics/questionnaires", "statistics.questionnaire.view", None),
    ("GET", "/api/v1/statistics/questionnaires/999999", "statistics.questionnaire.view", None),
    ("POST", "/api/v1/statistics/questionnaires", "statistics.questionnaire.manage",
     {"participant": "BW", "period": "2005-H2", "flow": "production"}),
    ("POST", "/api/v1/statistics/questionnaires/999999/send", "statistics.questionnaire.manage", {}),
    ("POST", "/api/v1/statistics/questionnaires/999999/answer", "statistics.questionnaire.answer", {"answer": "x"}),
    ("POST", "/api/v1/statistics/questionnaires/999999/close", "statistics.questionnaire.manage", {}),
    ("GET", "/api/v1/statistics/settings", "statistics.settings", None),
    ("POST", "/api/v1/statistics/settings", "statistics.settings", {}),
    ("POST", "/api/v1/statistics/derived/rebuild", "statistics.rebuild", None),
]
# Published aggregates: anyone may read them.
PUBLIC_PAGES = {"statistics-summary", "statistics-download"}
