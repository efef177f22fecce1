"""The checklist of a visit: a maintained catalogue of the 令10号 standard's articles, and each visit's answers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel, ReferenceModel
from emgov.enforcement.models.inspections import Visit

STANDARD_TITLE = "工贸企业重大事故隐患判定标准"


class ChecklistPart(models.TextChoices):
    GENERAL = "通用", _("通用")
    INDUSTRY = "行业", _("行业")
    SPECIAL = "专项", _("专项")


class ChecklistItem(ReferenceModel):
    """检查项: one article (or item of an article) of the standard, kept up to date by the bureau."""

    article = models.CharField(_("条款"), max_length=30, unique=True, help_text=_("例如：第三条第（一）项"))
    part = models.CharField(_("类别"), max_length=2, choices=ChecklistPart.choices)
    industry = models.CharField(_("行业或专项"), max_length=30, blank=True)
    text = models.TextField(_("检查内容"))
    major = models.BooleanField(
        _("重大事故隐患判定条款"), default=True, help_text=_("不符合时登记为重大事故隐患")
    )
    position = models.PositiveIntegerField(_("排序"), default=0)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("检查项")
        verbose_name_plural = _("检查项目录")
        ordering = ["position", "article"]

    def __str__(self) -> str:
        return f"{self.article} {self.text[:30]}"

    @property
    def basis(self) -> str:
        return f"《{STANDARD_TITLE}》{self.article}"


class Answer(models.TextChoices):
    CONFORMS = "符合", _("符合")
    FAILS = "不符合", _("不符合")
    NOT_APPLICABLE = "不适用", _("不适用")


class ChecklistAnswer(DomainModel):
    """检查结果: how an enterprise stood on one checklist item at one visit."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("检查记录"), on_delete=models.PROTECT, related_name="checklist_answers"
    )
    item = models.ForeignKey(
        ChecklistItem, verbose_name=_("检查项"), on_delete=models.PROTECT, related_name="answers"
    )
    answer = models.CharField(_("检查结论"), max_length=3, choices=Answer.choices)
    note = models.CharField(_("说明"), max_length=500, blank=True)

    scope = ("visit__enterprise__town",)

    class Meta:
        verbose_name = _("检查项结论")
        verbose_name_plural = _("检查项结论")
        ordering = ["visit", "item__position", "item__article"]
        constraints = [models.UniqueConstraint(fields=["visit", "item"], name="checklist_answer_once")]

    def __str__(self) -> str:
        return f"{self.item.article} {self.answer}"
