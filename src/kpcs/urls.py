from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kpcs.api.main import api

admin.site.site_header = "kpcs"

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
urlpatterns += i18n_patterns(path("", include("kpcs.web.urls")), prefix_default_language=False)

handler403 = "kpcs.web.views.forbidden"
handler404 = "kpcs.web.views.not_found"
handler500 = "kpcs.web.views.server_error"
