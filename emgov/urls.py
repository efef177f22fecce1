from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from emgov.api.api import api
from emgov.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("core/", include("emgov.core.urls")),
    path("enterprises/", include("emgov.enterprises.urls")),
    path("enforcement/", include("emgov.enforcement.urls")),
    path("cases/", include("emgov.cases.urls")),
    path("licensing/", include("emgov.licensing.urls")),
    path("legal/", include("emgov.legal.urls")),
    path("publicity/", include("emgov.publicity.urls")),
    path("public/", include("emgov.publicity.public_urls")),
    path("public/", include("emgov.enforcement.public_urls")),
    path("public/", include("emgov.preparedness.public_urls")),
    path("public/", include("emgov.outreach.public_urls")),
    path("outreach/", include("emgov.outreach.urls")),
    path("preparedness/", include("emgov.preparedness.urls")),
    path("dashboard/", include("emgov.reports.dashboard_urls")),
    path("reports/", include("emgov.reports.urls")),
    path("api/", api.urls),
]
