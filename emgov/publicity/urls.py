from django.urls import path

from emgov.publicity.views import disclosures, publications, requests

app_name = "publicity"

urlpatterns = [
    *disclosures.DISCLOSURE_PAGES.urls(),
    *requests.REQUEST_PAGES.urls(),
    path("requests/statistics/", disclosures.statistics, name="statistics"),
    path("requests/<int:pk>/letter.docx", requests.request_letter, name="requests-letter"),
    path(
        "requests/<int:pk>/letters/<slug:kind>.<str:fmt>",
        requests.request_letter_download,
        name="requests-letters",
    ),
    path("requests/<int:pk>/<slug:step>/", requests.request_step_moved, name="requests-step-moved"),
    path("publications/", publications.publication_list, name="publications-list"),
    path("publications/pending/", publications.pending, name="publications-pending"),
    path("publications/export/", publications.export, name="publications-export"),
    path("publications/<slug:kind>/<int:pk>/publish/", publications.publish, name="publications-publish"),
    path("publications/<slug:kind>/<int:pk>/withdraw/", publications.withdraw, name="publications-withdraw"),
]
