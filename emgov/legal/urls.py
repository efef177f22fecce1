from django.urls import path

from emgov.core.attachments import attachment_view
from emgov.legal.views.counsel import CounselPages
from emgov.legal.views.litigation import LitigationPages
from emgov.legal.views.normative import NormativeDocumentPages
from emgov.legal.views.officers import CertificatePages, ExamPages
from emgov.legal.views.study import StudySessionPages

app_name = "legal"

urlpatterns = [
    *CounselPages().urls(),
    *LitigationPages().urls(),
    *NormativeDocumentPages().urls(),
    *StudySessionPages().urls(),
    *ExamPages().urls(),
    *CertificatePages().urls(),
    # The address attachments had when they belonged to this app; pages now link to core:attachment.
    path("attachments/<int:pk>/", attachment_view, name="attachment"),
]
