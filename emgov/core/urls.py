from django.urls import path

from emgov.core import views

app_name = "core"

urlpatterns = [
    path("audit/", views.audit_list, name="audit-list"),
    *views.RegionPages().urls(),
    *views.DepartmentPages().urls(),
    *views.OfficerPages().urls(),
    *views.HolidayPages().urls(),
    *views.NumberingPages().urls(),
]
