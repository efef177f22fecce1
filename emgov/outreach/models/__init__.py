from emgov.outreach.models.activities import Attendance, OutreachActivity, OutreachKind
from emgov.outreach.models.competitions import (
    Attempt,
    Competition,
    Draw,
    Participant,
    Prize,
    PrizeKind,
    PrizeStatus,
)
from emgov.outreach.models.questions import Question, QuestionBank, QuestionKind, QuestionStatus

__all__ = [
    "Attempt",
    "Attendance",
    "Competition",
    "Draw",
    "OutreachActivity",
    "OutreachKind",
    "Participant",
    "Prize",
    "PrizeKind",
    "PrizeStatus",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "QuestionStatus",
]
