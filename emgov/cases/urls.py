from django.urls import path

from emgov.cases import discretion_views, views

app_name = "cases"

urlpatterns = [
    path("penalties/open/", views.open_view, name="penalties-open"),
    path("penalties/summary/", views.summary_view, name="penalties-summary"),
    path("penalties/<int:pk>/step/<str:step>/", views.step_view, name="penalties-step"),
    path("penalties/<int:pk>/documents/<str:key>.<str:fmt>", views.document_view, name="penalties-document"),
    *views.PAGES.urls(),
    *discretion_views.DiscretionPages().urls(),
]
