"""Enforcement's pages on the public website, included under /public/ (no login)."""

from django.urls import path

from emgov.enforcement import draws_views

app_name = "public_enforcement"

urlpatterns = [
    path("draws/", draws_views.public_draws, name="draws"),
]
