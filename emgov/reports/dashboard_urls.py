from django.urls import path

from emgov.reports.views import dashboard as dashboard_views

app_name = "dashboard"

urlpatterns = [
    path("", dashboard_views.dashboard, name="index"),
    path("<slug:kind>/<slug:when>/", dashboard_views.deadline_list, name="deadlines"),
]
