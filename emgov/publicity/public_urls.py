"""The public website, included under /public/ (no login). Other apps add their public pages here."""

from django.urls import path

from emgov.publicity.views import public as public_views

app_name = "public"

urlpatterns = [
    path("", public_views.disclosure_list, name="disclosures"),
    path("disclosures/<int:pk>/", public_views.disclosure_detail, name="disclosure"),
    path("normative-documents/", public_views.normative_documents, name="normative-documents"),
    path("penalties/", public_views.penalty_list, name="penalties"),
    path("penalties/<int:pk>/", public_views.penalty_detail, name="penalty"),
]
