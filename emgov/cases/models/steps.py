"""The step table of a case (who did what, when), its evidence list (with its files), the extensions of
its time limit, and the reviews and lawsuits brought against its decision."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
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
    # Scans, photos, audio and video of the item (core.attachments checks each upload).
    attachments = GenericRelation("core.Attachment")

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
    """案件延期: an extension of the 90-day decision limit (行政处罚法 Art. 60), approved by the bureau's
    head (`approver`, the user who took the step; `approved_by` keeps the name as written)."""

    case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="extensions"
    )
    approved_by = models.CharField(_("批准人"), max_length=100)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("批准的负责人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
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


class ChallengeKind(models.TextChoices):
    RECONSIDERATION = "行政复议", _("行政复议")
    LAWSUIT = "行政诉讼", _("行政诉讼")


class CaseChallenge(DomainModel):
    """A review (行政复议) or lawsuit (行政诉讼) brought against the case's decision: while it runs the late
    fee is not counted (行政处罚法第七十三条第三款) and the court is not asked to enforce.

    `number` is the 案号 of the record in the legal office's 行政诉讼与复议 ledger (legal.LitigationCase),
    kept as a plain reference: the cases app does not import the legal app, so that either may come
    to read the other without a cycle."""

    case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="challenges"
    )
    kind = models.CharField(_("类型"), max_length=4, choices=ChallengeKind.choices)
    number = models.CharField(_("案号"), max_length=80, blank=True, help_text=_("行政诉讼与复议台账中的案号"))
    body = models.CharField(_("复议机关或人民法院"), max_length=100, blank=True)
    filed_on = models.DateField(_("申请复议或起诉日期"))
    ended_on = models.DateField(_("审结日期"), null=True, blank=True)
    result = models.CharField(_("结果"), max_length=300, blank=True)

    scope = CASE_SCOPE

    class Meta:
        verbose_name = _("复议、诉讼")
        verbose_name_plural = _("复议、诉讼")
        ordering = ["case", "filed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.number}" if self.number else f"{self.kind}（{self.filed_on:%Y-%m-%d}）"

    def clean(self) -> None:
        if self.ended_on and self.filed_on and self.ended_on < self.filed_on:
            raise ValidationError(
                {"ended_on": _("审结日期不能早于申请复议或起诉日期")}, code="ended_before_filed"
            )
        if self.ended_on and not (self.result or "").strip():
            raise ValidationError({"result": _("登记审结时必须填写结果")}, code="result_required")
