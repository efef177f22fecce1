"""Preparedness pages on the public website, included under /public/ (no login): warnings in force,
each as a CAP 1.2 message, and the Atom feed of CAP messages."""

from django.urls import path

from emgov.preparedness.views import warnings

app_name = "public_preparedness"

urlpatterns = [
    path("warnings/", warnings.public_warnings, name="warnings"),
    path("warnings/<int:pk>/cap.xml", warnings.public_cap, name="cap"),
    path("warnings/feed.atom", warnings.WarningFeed(), name="feed"),
]
