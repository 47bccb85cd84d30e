from django.urls import include, path

from kpcs.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("registry/", views.registry_list, name="registry-list"),
    path("registry/<str:code>/", views.registry_detail, name="registry-detail"),
    path("audit/", views.audit_list, name="audit"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token-revoke"),
    path("", include("kpcs.certificates.urls")),
]
