"""The legal office's records: counsel, litigation, normative documents, study sessions, exam results.

Attachments are `core.models.Attachment`."""

from emgov.legal.models.counsel import CounselKind, CounselMatter, CounselRecord
from emgov.legal.models.litigation import LitigationCase, LitigationKind
from emgov.legal.models.normative import (
    EVALUATION_LEAD_DAYS,
    EVALUATION_REMINDER_DAYS,
    CleanupResult,
    NormativeDocument,
    NormativeStatus,
)
from emgov.legal.models.officers import ExamResult
from emgov.legal.models.study import StudyKind, StudySession

__all__ = [
    "EVALUATION_LEAD_DAYS",
    "EVALUATION_REMINDER_DAYS",
    "CleanupResult",
    "CounselKind",
    "CounselMatter",
    "CounselRecord",
    "ExamResult",
    "LitigationCase",
    "LitigationKind",
    "NormativeDocument",
    "NormativeStatus",
    "StudyKind",
    "StudySession",
]
