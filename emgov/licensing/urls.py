from django.urls import path

from emgov.licensing import views

app_name = "licensing"

urlpatterns = [
    path("licensing/export-xk/", views.xk_export_view, name="licensing-export-xk"),
    path("licensing/<int:pk>/step/<str:step>/", views.step_view, name="licensing-step"),
    *views.CASES.urls(),
    *views.ITEMS.urls(),
]
