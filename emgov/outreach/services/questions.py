"""The question bank: imported from Excel, reviewed before a competition may draw a question."""

from __future__ import annotations

from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.outreach.models import Question, QuestionBank, QuestionKind, QuestionStatus
from emgov.outreach.models.questions import LETTERS
from emgov.outreach.services.attempts import bank_forget
from emgov.outreach.services.sheets import row_errors, sheet_rows

OPTION_COLUMNS = tuple(f"选项{letter}" for letter in LETTERS)
REQUIRED = ("题号", "题型", "题干", "答案", "法律依据")
OPTIONAL = ("解析", *OPTION_COLUMNS)


def _question(bank: QuestionBank, values: dict[str, str]) -> Question:
    options = [values.get(c, "") for c in OPTION_COLUMNS]
    while options and not options[-1]:
        options.pop()
    return Question(
        bank=bank,
        code=values["题号"],
        kind=values["题型"],
        text=values["题干"],
        options=options,
        answer=values["答案"],
        explanation=values.get("解析", ""),
        legal_reference=values["法律依据"],
    )


@transaction.atomic
def questions_import(
    *, actor: User | None, bank: QuestionBank, stream: BinaryIO, filename: str, via: str = services.VIA_WEB
) -> tuple[int, int]:
    """New 题号 are added, known ones replaced; each goes (back) to 待审核. Any bad row refuses the file.

    Returns (added, changed)."""
    existing = {q.code: q for q in bank.questions.all()}
    parsed, errors, seen = [], [], set()
    for number, values in sheet_rows(stream, filename, REQUIRED, OPTIONAL):
        question = _question(bank, values)
        if question.kind not in QuestionKind.values:
            errors.append(_("第%(n)s行 题型：应为单选题、多选题或判断题") % {"n": number})
            continue
        if question.code in seen:
            errors.append(_("第%(n)s行 题号：%(code)s 在文件中重复") % {"n": number, "code": question.code})
            continue
        seen.add(question.code)
        try:
            question.full_clean(exclude=["bank"], validate_unique=False)
        except ValidationError as exc:
            errors += row_errors(number, exc)
            continue
        parsed.append(question)
    if errors:
        raise ValidationError(errors, code="question_rows")
    if not parsed:
        raise ValidationError(_("文件中没有题目"), code="questions_empty")
    added = changed = 0
    fields = ("kind", "text", "options", "answer", "explanation", "legal_reference")
    for question in parsed:
        old = existing.get(question.code)
        if old is None:
            services.record_create(question, actor=actor, via=via)
            added += 1
            continue
        changes = {f: getattr(question, f) for f in fields if getattr(question, f) != getattr(old, f)}
        if changes:
            changes.update(status=QuestionStatus.PENDING, reviewed_by=None, reviewed_at=None)
            services.record_update(
                old, actor=actor, via=via, changes=changes, reason=_("导入修改，待重新审核")
            )
            changed += 1
    return added, changed


def bank_for(name: str, *, actor: User | None, via: str = services.VIA_WEB) -> QuestionBank:
    """The bank of that name, created (audited) if new."""
    bank = QuestionBank.objects.filter(name=name.strip()).first()
    return bank or services.record_create(QuestionBank(name=name.strip()), actor=actor, via=via)


def question_approve(question: Question, *, actor: User | None, via: str, **data) -> dict:
    transaction.on_commit(lambda: bank_forget(question.bank_id))
    return {"status": QuestionStatus.APPROVED, "reviewed_by": actor, "reviewed_at": timezone.now()}


def question_retire(question: Question, *, actor: User | None, via: str, **data) -> dict:
    transaction.on_commit(lambda: bank_forget(question.bank_id))
    return {"status": QuestionStatus.RETIRED}
