from django.urls import path

from emgov.licensing import views

app_name = "licensing"

urlpatterns = [
    path("licensing/export-xk/", views.xk_export_view, name="licensing-export-xk"),
    *views.CASES.urls(),
    *views.ITEMS.urls(),
]
