from django.urls import path

from emgov.cases.views import cases, discretion

app_name = "cases"

urlpatterns = [
    path("penalties/open/", cases.open_view, name="penalties-open"),
    path("penalties/summary/", cases.summary_view, name="penalties-summary"),
    path("penalties/<int:pk>/documents/<str:key>.<str:fmt>", cases.document_view, name="penalties-document"),
    *cases.PAGES.urls(),
    *discretion.DiscretionPages().urls(),
]
