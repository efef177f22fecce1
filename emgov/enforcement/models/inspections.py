from __future__ import annotations

import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from emgov.core import clock
from emgov.core.models import Department, DomainModel, Officer
from emgov.core.models.places import PlaceField
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
    location = models.CharField(_("检查地点"), max_length=200, blank=True)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    arrived_at = models.TimeField(_("到达时间"), null=True, blank=True)
    left_at = models.TimeField(_("离开时间"), null=True, blank=True)
    # The phone's key for one visit: the same visit sent twice (a retried upload) is stored once.
    client_key = models.CharField(
        _("上传标识"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    attachments = GenericRelation("core.Attachment")

    # The enterprise's town, kept on the visit: a region's visits are one index range (see PlaceField).
    place = PlaceField(db_index=False)

    scope = ("enterprise__town",)
    place_field = "place"
    audit_exclude = (*DomainModel.audit_exclude, "place")

    class Meta:
        verbose_name = _("检查记录")
        verbose_name_plural = _("检查记录")
        ordering = ["-date", "-number"]
        indexes = [
            models.Index(fields=["department", "nature", "date"], name="visit_dept_nature_date"),
            models.Index(fields=["place", "date"], name="visit_place_date"),
        ]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        # Held here so that the phone page, the desk form, the API and the ledger import all refuse it.
        if self.date and self.date > clock.today():
            raise ValidationError({"date": _("检查日期不能晚于今天")}, code="future")
        if self.arrived_at and self.left_at and self.left_at < self.arrived_at:
            raise ValidationError({"left_at": _("离开时间不能早于到达时间")}, code="left_before_arrival")


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


# A 重大事故隐患判定标准 (判定方法) named in a hazard's 判定依据, e.g. 《工贸企业重大事故隐患判定标准》.
STANDARD_NAME = re.compile(r"判定(?:标准|方法)")
# What may follow a standard's name before its clause: the closing 》, an edition or a document number
# (（2017版）, （应急管理部令第10号）, （GB 35181-2017）).
STANDARD_SUFFIX = re.compile(r"^(?:\s|》|[（(][^）)]*[）)])+")


def standard_clause(basis: str) -> str:
    """The clause a 判定依据 names after the standard it cites (第十一条第（一）项, 第6.5条 …), or "" when
    it names no 重大事故隐患判定标准 (判定方法) or no clause of it."""
    found = list(STANDARD_NAME.finditer(basis or ""))
    if not found:
        return ""
    rest = STANDARD_SUFFIX.sub("", basis[found[-1].end() :])
    return rest.strip(" 　、，,。；;")


class Hazard(DomainModel):
    """隐患: found on a visit, rectified by its deadline, closed on review (销号).

    A 重大事故隐患 names the clause of the 重大事故隐患判定标准 it was judged by (in 判定依据), and says
    whether it can be kept safe until it is removed: if not, the bureau orders the workers out and a
    temporary suspension (安全生产法第六十五条第一款第三项)."""

    number = models.CharField(_("隐患编号"), max_length=50, unique=True)
    visit = models.ForeignKey(
        Visit, verbose_name=_("检查记录"), on_delete=models.PROTECT, related_name="hazards"
    )
    description = models.TextField(_("隐患描述"))
    location = models.CharField(_("隐患部位"), max_length=200, blank=True)
    grade = models.CharField(_("隐患等级"), max_length=6, choices=HazardGrade.choices)
    basis = models.CharField(
        _("判定依据"),
        max_length=300,
        blank=True,
        help_text=_(
            "重大事故隐患须写明判定标准及其条款，例如《工贸企业重大事故隐患判定标准》第十一条第（一）项"
        ),
    )
    unsafe_until_removed = models.BooleanField(
        _("排除前或者排除过程中无法保证安全"),
        default=False,
        help_text=_(
            "重大事故隐患排除前或者排除过程中无法保证安全的，应当责令从危险区域内撤出作业人员，"
            "责令暂时停产停业或者停止使用相关设施、设备（安全生产法第六十五条第一款第三项）"
        ),
    )
    deadline = models.DateField(_("整改期限"), null=True, blank=True)
    rectified_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    reviewed_on = models.DateField(_("复查日期"), null=True, blank=True)
    review_result = models.CharField(_("复查结论"), max_length=3, choices=ReviewResult.choices, blank=True)
    status = models.CharField(
        _("状态"), max_length=5, choices=HazardStatus.choices, default=HazardStatus.REGISTERED
    )
    supervised_on = models.DateField(_("挂牌督办日期"), null=True, blank=True)
    supervising_body = models.CharField(_("督办单位"), max_length=100, blank=True)
    attachments = GenericRelation("core.Attachment")

    place = PlaceField()

    scope = ("visit__enterprise__town",)
    place_field = "place"
    audit_exclude = (*DomainModel.audit_exclude, "place")

    class Meta:
        verbose_name = _("隐患")
        verbose_name_plural = _("隐患")
        ordering = ["-visit__date", "-number"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="hazard_status_deadline"),
            # The hazards closed (销号) in a stretch of days: the dashboard's trend, the tallies' as-of month.
            models.Index(fields=["status", "reviewed_on"], name="hazard_status_reviewed"),
            # The dashboard's overdue and due hazards: the open ones of a region by deadline, counted from
            # the index alone (`reports.dashboard_deadlines`).
            models.Index(
                fields=["place", "deadline"],
                condition=models.Q(voided_at__isnull=True, deadline__isnull=False)
                & ~models.Q(status=HazardStatus.CLOSED),
                name="hazard_open_deadline",
            ),
            # The report's 隐患逾期未整改: the unrectified hazards of a region by deadline, with their visit
            # (`reports.checks.hazards_overdue`).
            models.Index(
                fields=["place", "deadline", "visit"],
                condition=models.Q(voided_at__isnull=True, deadline__isnull=False, rectified_on__isnull=True),
                name="hazard_unrectified_deadline",
            ),
        ]

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
        if self.grade == HazardGrade.MAJOR and not standard_clause(self.basis):
            raise ValidationError(
                {
                    "basis": ValidationError(
                        _(
                            "重大事故隐患须写明判定依据：所依据的重大事故隐患判定标准及其条款，例如"
                            "《工贸企业重大事故隐患判定标准》第十一条第（一）项"
                            "（判定标准依据安全生产法第一百一十八条第二款制定）"
                        ),
                        code="major_without_clause",
                    )
                },
                code="major_without_clause",
            )
        if self.unsafe_until_removed and self.grade != HazardGrade.MAJOR:
            raise ValidationError(
                {
                    "unsafe_until_removed": ValidationError(
                        _(
                            "“排除前或者排除过程中无法保证安全”只适用于重大事故隐患"
                            "（安全生产法第六十五条第一款第三项）"
                        ),
                        code="unsafe_not_major",
                    )
                },
                code="unsafe_not_major",
            )

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


class SeizureDisposal(models.TextChoices):
    """查封扣押的处理决定 (行政强制法第二十七条)."""

    RELEASE = "解除", _("解除查封扣押")
    CONFISCATE = "没收", _("没收")
    DESTROY = "销毁", _("销毁")


class ReleaseGround(models.TextChoices):
    """The grounds of a release (行政强制法第二十八条第一款)."""

    NO_VIOLATION = "没有违法行为", _("（一）当事人没有违法行为")
    UNRELATED = "与违法行为无关", _("（二）查封、扣押的场所、设施或者财物与违法行为无关")
    DECIDED = "已作出处理决定", _("（三）行政机关对违法行为已经作出处理决定，不再需要查封、扣押")
    EXPIRED = "期限已经届满", _("（四）查封、扣押期限已经届满")
    NOT_NEEDED = "不再需要", _("（五）其他不再需要采取查封、扣押措施的情形")


class Order(DomainModel):
    """执法文书: an order issued on a visit.

    A seizure (查封扣押决定书) may be extended once, approved by the bureau's head and notified to the
    party in writing (延长查封扣押期限决定书, 行政强制法第二十五条), and ends with a disposal decision
    within its term: released, confiscated or destroyed (查封扣押处理决定书, 第二十七条、第二十八条)."""

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
    extension_decided_on = models.DateField(_("延长决定日期"), null=True, blank=True, editable=False)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("批准延长的负责人"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    extension_number = models.CharField(_("延长决定书文号"), max_length=80, blank=True, editable=False)
    disposal = models.CharField(
        _("处理决定"), max_length=2, choices=SeizureDisposal.choices, blank=True, editable=False
    )
    disposal_ground = models.CharField(
        _("解除情形"), max_length=10, choices=ReleaseGround.choices, blank=True, editable=False
    )
    disposal_note = models.CharField(_("处理说明"), max_length=500, blank=True, editable=False)
    disposed_on = models.DateField(_("处理决定日期"), null=True, blank=True, editable=False)
    disposal_number = models.CharField(_("处理决定书文号"), max_length=80, blank=True, editable=False)
    resumed_on = models.DateField(_("恢复生产经营日期"), null=True, blank=True)

    place = PlaceField(db_index=False)

    scope = ("visit__enterprise__town",)
    place_field = "place"
    audit_exclude = (*DomainModel.audit_exclude, "place")

    class Meta:
        verbose_name = _("执法文书")
        verbose_name_plural = _("执法文书")
        ordering = ["-issued_on", "-number"]
        indexes = [models.Index(fields=["place", "issued_on"], name="order_place_issued")]

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
