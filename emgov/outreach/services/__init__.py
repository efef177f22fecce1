from emgov.outreach.services.activities import attendance_import, certificate_document, certificates_issue
from emgov.outreach.services.attempts import (
    attempt_answer,
    attempt_for,
    attempt_start,
    bank_questions,
    leaderboard,
    token_for,
)
from emgov.outreach.services.draws import draw_take, prize_deliver, prize_fail, qualifying, replay
from emgov.outreach.services.questions import question_approve, question_retire, questions_import

__all__ = [
    "attempt_answer",
    "attempt_for",
    "attempt_start",
    "attendance_import",
    "bank_questions",
    "certificate_document",
    "certificates_issue",
    "draw_take",
    "leaderboard",
    "prize_deliver",
    "prize_fail",
    "qualifying",
    "question_approve",
    "question_retire",
    "questions_import",
    "replay",
    "token_for",
]
