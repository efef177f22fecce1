from emgov.legal import views

app_name = "legal"

urlpatterns = [
    *views.CounselPages().urls(),
    *views.LitigationPages().urls(),
    *views.NormativeDocumentPages().urls(),
    *views.StudySessionPages().urls(),
    *views.ExamPages().urls(),
]
