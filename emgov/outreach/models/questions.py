"""题库: the questions of the knowledge competitions, reviewed before use."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import ReferenceModel

LETTERS = "ABCDEF"
TRUE, FALSE = "对", "错"


class QuestionKind(models.TextChoices):
    SINGLE = "单选题", _("单选题")
    MULTIPLE = "多选题", _("多选题")
    TRUE_FALSE = "判断题", _("判断题")


class QuestionStatus(models.TextChoices):
    PENDING = "待审核", _("待审核")
    APPROVED = "已审核", _("已审核")
    RETIRED = "已停用", _("已停用")


class QuestionBank(ReferenceModel):
    name = models.CharField(_("题库名称"), max_length=100, unique=True)

    scope = None

    class Meta:
        verbose_name = _("题库")
        verbose_name_plural = _("题库")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Question(ReferenceModel):
    """One question: its options, the answer (never sent to a participant), explanation and basis."""

    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("题库"), on_delete=models.PROTECT, related_name="questions"
    )
    code = models.CharField(_("题号"), max_length=30)
    kind = models.CharField(_("题型"), max_length=3, choices=QuestionKind.choices)
    text = models.TextField(_("题干"))
    options = models.JSONField(_("选项"), default=list, blank=True)
    answer = models.CharField(_("答案"), max_length=6)
    explanation = models.TextField(_("解析"), blank=True)
    legal_reference = models.CharField(_("法律依据"), max_length=300)
    status = models.CharField(
        _("审核状态"), max_length=3, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        "core.User",
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    scope = None

    class Meta:
        verbose_name = _("题目")
        verbose_name_plural = _("题目")
        ordering = ["bank", "code"]
        constraints = [
            models.UniqueConstraint(fields=["bank", "code"], name="outreach_question_code_per_bank")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:30]}"

    def choices(self) -> list[tuple[str, str]]:
        """(value, label) pairs a participant chooses from."""
        if self.kind == QuestionKind.TRUE_FALSE:
            return [(TRUE, TRUE), (FALSE, FALSE)]
        return [(LETTERS[i], f"{LETTERS[i]}. {text}") for i, text in enumerate(self.options)]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        answer = (self.answer or "").strip().upper() if self.kind != QuestionKind.TRUE_FALSE else self.answer
        if self.kind == QuestionKind.TRUE_FALSE:
            if self.options:
                errors["options"] = _("判断题不设选项")
            if answer not in (TRUE, FALSE):
                errors["answer"] = _("判断题的答案应为“对”或“错”")
        else:
            letters = LETTERS[: len(self.options)]
            if not 2 <= len(self.options) <= len(LETTERS):
                errors["options"] = _("选择题应有2至6个选项")
            elif not answer or any(c not in letters for c in answer) or len(set(answer)) != len(answer):
                errors["answer"] = _("答案应为选项字母（%(letters)s）") % {"letters": letters}
            elif self.kind == QuestionKind.SINGLE and len(answer) != 1:
                errors["answer"] = _("单选题只能有一个答案")
            elif self.kind == QuestionKind.MULTIPLE and len(answer) < 2:
                errors["answer"] = _("多选题至少有两个答案")
            else:
                answer = "".join(sorted(answer))
        if errors:
            raise ValidationError(errors, code="question")
        self.answer = answer
