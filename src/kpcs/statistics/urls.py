from django.urls import path

from kpcs.statistics.views import national, public, questionnaires, submit, wgs

urlpatterns = [
    path("statistics/", public.statistics_summary_page, name="statistics-summary"),
    path("statistics/<int:year>.<str:fmt>", public.statistics_download, name="statistics-download"),
    path("statistics/submit/", submit.submission_upload, name="statistics-submit"),
    path("statistics/national/<str:code>/", national.national_detail, name="statistics-national"),
    path("statistics/vintages/<int:pk>/", national.vintage_detail, name="statistics-vintage"),
    path("statistics/wgs/", wgs.wgs_dashboard, name="statistics-wgs"),
    path("statistics/wgs/mirror/", wgs.wgs_mirror, name="statistics-mirror"),
    path("statistics/wgs/valuation/", wgs.wgs_valuation, name="statistics-valuation"),
    path("statistics/wgs/reconciliation/", wgs.wgs_reconciliation, name="statistics-reconciliation"),
    path("statistics/wgs/refer/", wgs.wgs_refer, name="statistics-refer"),
    path("statistics/settings/", wgs.reporting_settings_page, name="statistics-settings"),
    path("statistics/questionnaires/", questionnaires.questionnaire_index, name="statistics-questionnaires"),
    path("statistics/questionnaires/new/", questionnaires.questionnaire_new, name="statistics-questionnaire-new"),
    path("statistics/questionnaires/<int:pk>/", questionnaires.questionnaire_detail,
         name="statistics-questionnaire"),
    path("statistics/questionnaires/<int:pk>/edit/", questionnaires.questionnaire_edit,
         name="statistics-questionnaire-edit"),
    path("statistics/questionnaires/<int:pk>/send/", questionnaires.questionnaire_send,
         name="statistics-questionnaire-send"),
    path("statistics/questionnaires/<int:pk>/answer/", questionnaires.questionnaire_answer,
         name="statistics-questionnaire-answer"),
    path("statistics/questionnaires/<int:pk>/close/", questionnaires.questionnaire_close,
         name="statistics-questionnaire-close"),
]
