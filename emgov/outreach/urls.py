from django.urls import path

from emgov.outreach import views

app_name = "outreach"

urlpatterns = [
    *views.OutreachPages().urls(),
    *views.QuestionPages().urls(),
    *views.CompetitionPages().urls(),
    *views.PrizePages().urls(),
    path("activities/<int:pk>/attendance/import/", views.attendance_import_view, name="attendance-import"),
    path("activities/<int:pk>/certificates/", views.certificates_view, name="certificates-issue"),
    path("attendance/<int:pk>/certificate.pdf", views.certificate_view, name="certificate"),
    path("questions/import-bank/", views.questions_import_view, name="questions-import-bank"),
]
