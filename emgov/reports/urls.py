from django.urls import path

from emgov.reports import views

app_name = "reports"

urlpatterns = [
    path("annual/", views.annual, name="annual"),
    path("annual/edit/", views.annual_edit, name="annual-edit"),
    path("annual/report.<str:fmt>", views.annual_download, name="annual-download"),
    path("annual/figures/<str:key>/", views.figure_records, name="figure-records"),
]
