from django.urls import path

from kpcs.governance.views import cases, decisions, overview, report

urlpatterns = [
    path("governance/", overview.governance_home, name="governance-home"),
    path("governance/committee/", overview.committee_page, name="governance-committee"),
    path("governance/committee/<int:seat_id>/remove/", overview.committee_seat_remove,
         name="governance-committee-remove"),
    path("governance/bodies/", overview.body_page, name="governance-bodies"),
    path("governance/meetings/", overview.meeting_page, name="governance-meetings"),
    path("governance/deadlines/", overview.deadline_page, name="governance-deadlines"),
    path("governance/deadlines/<int:deadline_id>/done/", overview.deadline_done, name="governance-deadline-done"),
    path("governance/decisions/", decisions.decision_page, name="governance-decisions"),
    path("governance/decisions/<str:number>/", decisions.decision_detail, name="governance-decision"),
    path("governance/decisions/<str:number>/text/", decisions.decision_text, name="governance-decision-text"),
    path("governance/decisions/<str:number>/circulate/<str:language>/", decisions.decision_circulate,
         name="governance-decision-circulate"),
    path("governance/decisions/<str:number>/adopt/", decisions.decision_adopt, name="governance-decision-adopt"),
    path("governance/applications/", cases.application_page, name="governance-applications"),
    path("governance/applications/<int:application_id>/", cases.application_detail, name="governance-application"),
    path("governance/applications/<int:application_id>/<str:step>/", cases.application_step,
         name="governance-application-step"),
    path("governance/cases/", cases.case_page, name="governance-cases"),
    path("governance/cases/signal/", cases.signal_open, name="governance-signal-open"),
    path("governance/cases/<int:case_id>/", cases.case_detail, name="governance-case"),
    path("governance/cases/<int:case_id>/<str:step>/", cases.case_step, name="governance-case-step"),
    path("governance/report/", report.report_page, name="governance-report"),
]
