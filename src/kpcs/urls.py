import importlib.util

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
# Domain apps with pages have a `urls.py`; they are mounted with the shell, under the language prefix.
PAGE_APPS = ("statistics", "reviews", "governance")
urlpatterns += i18n_patterns(
    path("", include("kpcs.web.urls")),
    *[path("", include(f"kpcs.{app}.urls")) for app in PAGE_APPS
      if importlib.util.find_spec(f"kpcs.{app}.urls") is not None],
    prefix_default_language=False,
)

handler403 = "kpcs.web.views.forbidden"
handler404 = "kpcs.web.views.not_found"
handler500 = "kpcs.web.views.server_error"
