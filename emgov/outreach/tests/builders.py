"""Records the outreach tests start from: an activity, a reviewed question bank, an open competition."""

from __future__ import annotations

import datetime
import io

from django.utils import timezone
from openpyxl import Workbook

from emgov.core import services
from emgov.outreach.models import Competition, OutreachActivity, Question, QuestionBank, QuestionStatus

QUESTION_HEADER = ["题号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "法律依据"]


def xlsx(rows: list[list[object]]) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    stream.name = "名单.xlsx"
    return stream


def activity(kind: str = "知识竞赛", participants: int = 0, **extra) -> OutreachActivity:
    values = {
        "number": f"PF-{OutreachActivity.objects.count() + 1:04d}",
        "kind": kind,
        "name": f"{kind}活动",
        "start_date": datetime.date(2023, 6, 10),
        "participants": participants,
        **extra,
    }
    return services.record_create(OutreachActivity(**values), actor=None)


def question_rows(n: int) -> list[list[object]]:
    """n questions whose right answer is A (single choice), alternating with 对 (true/false)."""
    rows = []
    for i in range(1, n + 1):
        if i % 2:
            rows.append(
                [
                    f"Q{i:03d}",
                    "单选题",
                    f"第{i}题",
                    "正确做法",
                    "错误做法",
                    "",
                    "",
                    "A",
                    "解析",
                    "安全生产法第二十八条",
                ]
            )
        else:
            rows.append(
                [
                    f"Q{i:03d}",
                    "判断题",
                    f"第{i}题（判断）",
                    "",
                    "",
                    "",
                    "",
                    "对",
                    "解析",
                    "安全生产法第四十四条",
                ]
            )
    return rows


def reviewed_bank(n: int = 6) -> QuestionBank:
    bank = services.record_create(QuestionBank(name="安全生产法"), actor=None)
    for code, kind, text, a, b, _c, _d, answer, explanation, basis in question_rows(n):
        services.record_create(
            Question(
                bank=bank,
                code=code,
                kind=kind,
                text=text,
                options=[a, b] if kind == "单选题" else [],
                answer=answer,
                explanation=explanation,
                legal_reference=basis,
                status=QuestionStatus.APPROVED,
            ),
            actor=None,
        )
    from emgov.outreach.services.attempts import bank_forget

    bank_forget(bank.pk)
    return bank


def open_competition(questions: int = 4, **extra) -> Competition:
    now = timezone.now()
    values = {
        "activity": activity(),
        "slug": "xxqa",
        "title": "学习强安知识竞赛",
        "bank": reviewed_bank(6),
        "opens_at": now - datetime.timedelta(hours=1),
        "closes_at": now + datetime.timedelta(days=1),
        "questions_per_attempt": questions,
        "seconds_per_attempt": 300,
        "attempts_per_day": 1,
        "qualifying_score": 50,
        **extra,
    }
    return services.record_create(Competition(**values), actor=None)


def right_answer(question) -> list[str]:
    return (
        [question.answer]
        if len(question.answer) == 1 or question.answer in ("对", "错")
        else list(question.answer)
    )
