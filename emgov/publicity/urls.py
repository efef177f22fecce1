from django.urls import path

from emgov.publicity import views

app_name = "publicity"

urlpatterns = [
    *views.DisclosurePages().urls(),
    *views.REQUEST_PAGES.urls(),
    path("requests/statistics/", views.statistics, name="statistics"),
    path("requests/<int:pk>/letter.docx", views.request_letter, name="requests-letter"),
    path("requests/<int:pk>/<slug:step>/", views.request_step, name="requests-step"),
]
