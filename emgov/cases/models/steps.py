"""The step table of a case (who did what, when), its evidence list and the extensions of its time limit."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel

CASE_SCOPE = ("case__enterprise__town", "case__visit__enterprise__town", "case__region")


class CaseStep(DomainModel):
    """One step of a case: the action taken, the stage it led to, who took it and on what day."""

    case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="steps"
    )
    action = models.CharField(_("办理步骤"), max_length=30)
    label = models.CharField(_("步骤名称"), max_length=50)
    stage = models.CharField(_("办理后阶段"), max_length=4, blank=True)
    done_on = models.DateField(_("办理日期"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("办理人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("说明"), blank=True)
    document_number = models.CharField(_("文书文号"), max_length=80, blank=True)

    scope = CASE_SCOPE

    class Meta:
        verbose_name = _("办理步骤")
        verbose_name_plural = _("办理步骤")
        ordering = ["case", "done_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case} {self.label} {self.done_on:%Y-%m-%d}"


class EvidenceType(models.TextChoices):
    """证据种类 (行政处罚法 Art. 46, 行政诉讼法 Art. 33)."""

    DOCUMENTARY = "书证", _("书证")
    PHYSICAL = "物证", _("物证")
    AUDIO_VISUAL = "视听资料", _("视听资料")
    ELECTRONIC = "电子数据", _("电子数据")
    WITNESS = "证人证言", _("证人证言")
    PARTY_STATEMENT = "当事人的陈述", _("当事人的陈述")
    EXPERT_OPINION = "鉴定意见", _("鉴定意见")
    RECORD = "勘验笔录、现场笔录", _("勘验笔录、现场笔录")


class Evidence(DomainModel):
    """An item of the evidence list; an inquiry record (询问笔录) names the person questioned."""

    case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="evidence"
    )
    evidence_type = models.CharField(_("证据种类"), max_length=9, choices=EvidenceType.choices)
    title = models.CharField(_("证据名称"), max_length=200)
    collected_on = models.DateField(_("取证日期"))
    collected_by = models.CharField(_("取证人"), max_length=100, blank=True)
    is_inquiry = models.BooleanField(_("询问笔录"), default=False)
    interviewee = models.CharField(_("被询问人"), max_length=100, blank=True)
    description = models.TextField(_("证明内容"), blank=True)

    scope = CASE_SCOPE

    class Meta:
        verbose_name = _("证据")
        verbose_name_plural = _("证据")
        ordering = ["case", "collected_on", "pk"]

    def __str__(self) -> str:
        return f"{self.evidence_type}：{self.title}"

    def clean(self) -> None:
        if self.is_inquiry:
            if not self.interviewee.strip():
                raise ValidationError(
                    {"interviewee": _("询问笔录必须填写被询问人")}, code="interviewee_required"
                )
            if self.evidence_type not in (EvidenceType.WITNESS, EvidenceType.PARTY_STATEMENT):
                raise ValidationError(
                    {"evidence_type": _("询问笔录的证据种类应为“证人证言”或“当事人的陈述”")},
                    code="interview_evidence_type",
                )


class DeadlineExtension(DomainModel):
    """案件延期: an approved extension of the 90-day decision limit (行政处罚法 Art. 60)."""

    case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="extensions"
    )
    approved_by = models.CharField(_("批准人"), max_length=100)
    approved_on = models.DateField(_("批准日期"))
    reason = models.TextField(_("延期理由"))
    new_due_on = models.DateField(_("延长后的期限"))

    scope = CASE_SCOPE

    class Meta:
        verbose_name = _("案件延期")
        verbose_name_plural = _("案件延期")
        ordering = ["case", "approved_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case} → {self.new_due_on:%Y-%m-%d}"
