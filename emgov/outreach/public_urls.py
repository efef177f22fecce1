"""The public competition pages, included under /public/ (no login)."""

from django.urls import path

from emgov.outreach.views import public

app_name = "competition"

urlpatterns = [
    path("competitions/<slug:slug>/", public.competition_page, name="entry"),
    path("competitions/<slug:slug>/leaderboard/", public.leaderboard, name="leaderboard"),
    path("competitions/<slug:slug>/draw/", public.draw_page, name="draw"),
    path("competitions/<slug:slug>/draw/entrants.csv", public.draw_entrants_csv, name="draw-entrants"),
    path("competitions/<slug:slug>/a/<str:token>/", public.attempt_page, name="attempt"),
    path("competitions/<slug:slug>/a/<str:token>/answer/", public.answer, name="answer"),
]
