from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from emgov.core.models import Department, DomainModel, Officer
from emgov.enforcement.models.operations import Operation
from emgov.enterprises.models import Enterprise


class VisitNature(models.TextChoices):
    ENFORCEMENT = "执法检查", _("执法检查")
    ASSISTANCE = "帮扶指导", _("帮扶指导")
    SUPERVISION = "督导检查", _("督导检查")


class Visit(DomainModel):
    """检查记录: one department at one enterprise on one day."""

    number = models.CharField(_("检查编号"), max_length=50, unique=True)
    date = models.DateField(_("检查日期"), db_index=True)
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("企业"), on_delete=models.PROTECT, related_name="visits"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("执法部门"), on_delete=models.PROTECT, related_name="+"
    )
    nature = models.CharField(_("检查性质"), max_length=4, choices=VisitNature.choices)
    operation = models.ForeignKey(
        Operation,
        verbose_name=_("执法行动"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits",
    )
    officers = models.ManyToManyField(Officer, verbose_name=_("执法人员"), blank=True, related_name="visits")
    findings = models.TextField(_("检查发现"), blank=True)
    result = models.TextField(_("检查结果"), blank=True)
    av_recorded = models.BooleanField(_("音像记录"), default=False)
    attachments = GenericRelation("core.Attachment")

    scope = ("enterprise__town",)

    class Meta:
        verbose_name = _("检查记录")
        verbose_name_plural = _("检查记录")
        ordering = ["-date", "-number"]
        indexes = [models.Index(fields=["department", "nature", "date"], name="visit_dept_nature_date")]

    def __str__(self) -> str:
        return self.number


class HazardGrade(models.TextChoices):
    GENERAL = "一般隐患", _("一般隐患")
    MAJOR = "重大事故隐患", _("重大事故隐患")


class ReviewResult(models.TextChoices):
    RECTIFIED = "已整改", _("已整改")
    NOT_RECTIFIED = "未整改", _("未整改")


class HazardStatus(models.TextChoices):
    REGISTERED = "登记", pgettext_lazy("hazard status", "登记")
    ORDERED = "下达整改", _("下达整改")
    RECTIFYING = "整改中", _("整改中")
    REVIEW_REQUESTED = "申请复查", _("申请复查")
    CLOSED = "复查合格", _("复查合格（销号）")
    FAILED = "复查不合格", _("复查不合格")


class Hazard(DomainModel):
    """隐患: found on a visit, rectified by its deadline, closed on review (销号)."""

    number = models.CharField(_("隐患编号"), max_length=50, unique=True)
    visit = models.ForeignKey(
        Visit, verbose_name=_("检查记录"), on_delete=models.PROTECT, related_name="hazards"
    )
    description = models.TextField(_("隐患描述"))
    grade = models.CharField(_("隐患等级"), max_length=6, choices=HazardGrade.choices)
    basis = models.CharField(_("判定依据"), max_length=300, blank=True)
    deadline = models.DateField(_("整改期限"), null=True, blank=True)
    rectified_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    reviewed_on = models.DateField(_("复查日期"), null=True, blank=True)
    review_result = models.CharField(_("复查结论"), max_length=3, choices=ReviewResult.choices, blank=True)
    status = models.CharField(
        _("状态"), max_length=5, choices=HazardStatus.choices, default=HazardStatus.REGISTERED
    )
    supervised_on = models.DateField(_("挂牌督办日期"), null=True, blank=True)
    supervising_body = models.CharField(_("督办单位"), max_length=100, blank=True)

    scope = ("visit__enterprise__town",)

    class Meta:
        verbose_name = _("隐患")
        verbose_name_plural = _("隐患")
        ordering = ["-visit__date", "-number"]
        indexes = [models.Index(fields=["status", "deadline"], name="hazard_status_deadline")]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        errors = {}
        visit_date = self.visit.date if self.visit_id else None
        if visit_date:
            if self.deadline and self.deadline < visit_date:
                errors["deadline"] = _("整改期限不能早于检查日期（%(d)s）") % {"d": visit_date}
            if self.rectified_on and self.rectified_on < visit_date:
                errors["rectified_on"] = _("整改完成日期不能早于检查日期（%(d)s）") % {"d": visit_date}
            if self.reviewed_on and self.reviewed_on < visit_date:
                errors["reviewed_on"] = _("复查日期不能早于检查日期（%(d)s）") % {"d": visit_date}
        if self.review_result and not self.reviewed_on:
            errors["reviewed_on"] = _("填写复查结论时必须填写复查日期")
        if errors:
            raise ValidationError(errors, code="hazard_dates")

    def status_from_dates(self) -> str:
        """The loop's state as far as the ledger's dates tell it."""
        if self.review_result == ReviewResult.RECTIFIED:
            return HazardStatus.CLOSED
        if self.review_result == ReviewResult.NOT_RECTIFIED:
            return HazardStatus.FAILED
        if self.rectified_on:
            return HazardStatus.REVIEW_REQUESTED
        if self.deadline:
            return HazardStatus.RECTIFYING
        return HazardStatus.REGISTERED


class OrderType(models.TextChoices):
    RECTIFY = "责令限期整改指令书", _("责令限期整改指令书")
    SUSPEND = "责令停产停业整顿", _("责令停产停业整顿")
    ON_SITE = "现场处理措施决定书", _("现场处理措施决定书")
    SEIZE = "查封扣押决定书", _("查封扣押决定书")
    REVIEW = "整改复查意见书", _("整改复查意见书")


class Order(DomainModel):
    """执法文书: an order issued on a visit."""

    number = models.CharField(_("文书编号"), max_length=80, unique=True)
    visit = models.ForeignKey(
        Visit, verbose_name=_("检查记录"), on_delete=models.PROTECT, related_name="orders"
    )
    doc_type = models.CharField(_("文书类型"), max_length=10, choices=OrderType.choices)
    issued_on = models.DateField(_("签发日期"), db_index=True)
    due_date = models.DateField(_("期限"), null=True, blank=True)
    hazards = models.ManyToManyField(Hazard, verbose_name=_("隐患"), blank=True, related_name="orders")
    content = models.TextField(_("决定内容"), blank=True)
    basis = models.CharField(_("法律依据"), max_length=300, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("延长天数"), null=True, blank=True)
    extension_reason = models.CharField(_("延长理由"), max_length=300, blank=True)
    resumed_on = models.DateField(_("恢复生产经营日期"), null=True, blank=True)

    scope = ("visit__enterprise__town",)

    class Meta:
        verbose_name = _("执法文书")
        verbose_name_plural = _("执法文书")
        ordering = ["-issued_on", "-number"]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        if self.visit_id and self.issued_on and self.issued_on < self.visit.date:
            raise ValidationError(
                {"issued_on": _("签发日期不能早于检查日期（%(d)s）") % {"d": self.visit.date}},
                code="issued_before_visit",
            )
        if self.due_date and self.issued_on and self.due_date < self.issued_on:
            raise ValidationError({"due_date": _("期限不能早于签发日期")}, code="due_before_issue")
