from django.urls import path

from kpcs.certificates.views import actions, browse, detail, draft, verify

urlpatterns = [
    path("certificates/", browse.certificate_list, name="certificate-list"),
    path("certificates/new/", draft.certificate_new, name="certificate-new"),
    path("certificates/new/importers/", draft.importer_select, name="certificate-importers"),
    path("certificates/new/check/", draft.draft_check, name="certificate-check"),
    path("certificates/alerts/", browse.certificate_alerts, name="certificate-alerts"),
    path("certificates/<int:pk>/", detail.certificate_detail, name="certificate-detail"),
    path("certificates/<int:pk>/pdf/", browse.certificate_pdf_view, name="certificate-pdf"),
    path("certificates/<int:pk>/validate/", actions.certificate_validate, name="certificate-validate"),
    path("certificates/<int:pk>/confirm/", actions.certificate_confirm, name="certificate-confirm"),
    path("certificates/<int:pk>/void/", actions.certificate_void, name="certificate-void"),
    path("certificates/<int:pk>/replace/", draft.certificate_replace, name="certificate-replace"),
    path("verify/", verify.verify, name="verify"),
]
