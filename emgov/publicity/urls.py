from django.urls import path

from emgov.publicity import publication_views, views

app_name = "publicity"

urlpatterns = [
    *views.DisclosurePages().urls(),
    *views.REQUEST_PAGES.urls(),
    path("requests/statistics/", views.statistics, name="statistics"),
    path("requests/<int:pk>/letter.docx", views.request_letter, name="requests-letter"),
    path("requests/<int:pk>/<slug:step>/", views.request_step, name="requests-step"),
    path("publications/", publication_views.publication_list, name="publications-list"),
    path("publications/pending/", publication_views.pending, name="publications-pending"),
    path("publications/export/", publication_views.export, name="publications-export"),
    path(
        "publications/<slug:kind>/<int:pk>/publish/", publication_views.publish, name="publications-publish"
    ),
    path(
        "publications/<slug:kind>/<int:pk>/withdraw/",
        publication_views.withdraw,
        name="publications-withdraw",
    ),
]
