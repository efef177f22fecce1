"""Enforcement's pages on the public website, included under /public/ (no login)."""

from django.urls import path

from emgov.enforcement.views import draws

app_name = "public_enforcement"

urlpatterns = [
    path("draws/", draws.public_draws, name="draws"),
]
