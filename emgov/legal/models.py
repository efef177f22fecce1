from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel, Officer, Region


def region_field() -> models.ForeignKey:
    return models.ForeignKey(
        Region, verbose_name=_("区划"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class CounselKind(models.TextChoices):
    OPINION = "法律意见", _("法律意见")
    CONTRACT = "合同审查", _("合同审查")


class CounselRecord(DomainModel):
    """法律顾问: a legal opinion or a contract review by the bureau's counsel."""

    number = models.CharField(_("编号"), max_length=80, unique=True)
    kind = models.CharField(_("类型"), max_length=4, choices=CounselKind.choices)
    date = models.DateField(_("日期"), db_index=True)
    subject = models.CharField(_("事项"), max_length=300)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("法律顾问")
        verbose_name_plural = _("法律顾问")
        ordering = ["-date", "-number"]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"


class LitigationKind(models.TextChoices):
    LAWSUIT = "行政诉讼", _("行政诉讼")
    RECONSIDERATION = "行政复议", _("行政复议")


class LitigationCase(DomainModel):
    """行政诉讼与复议: a lawsuit or administrative reconsideration against the bureau."""

    number = models.CharField(_("案号"), max_length=80, unique=True)
    kind = models.CharField(_("类型"), max_length=4, choices=LitigationKind.choices)
    received_on = models.DateField(_("收案日期"), db_index=True)
    cause = models.CharField(_("案由"), max_length=300)
    counterparty = models.CharField(_("相对人"), max_length=200, blank=True)
    head_required = models.BooleanField(_("负责人应出庭"), default=False)
    head_appeared = models.BooleanField(_("负责人实际出庭"), default=False)
    result = models.CharField(_("审理结果"), max_length=300, blank=True)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("行政诉讼与复议")
        verbose_name_plural = _("行政诉讼与复议")
        ordering = ["-received_on", "-number"]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        if self.head_appeared and not self.head_required:
            raise ValidationError(
                {"head_appeared": _("只有负责人应出庭的案件才能填写负责人实际出庭")},
                code="appeared_not_required",
            )


class NormativeStatus(models.TextChoices):
    VALID = "有效", _("有效")
    EXPIRED = "失效", _("失效")
    REPEALED = "废止", _("废止")


class CleanupResult(models.TextChoices):
    RETAIN = "延期保留", _("延期保留")
    AMEND = "修改", _("修改")
    REPEAL = "废止", _("废止")


class NormativeDocument(DomainModel):
    """规范性文件: a normative document with its validity and clean-up (清理) result."""

    number = models.CharField(_("文号"), max_length=80, unique=True)
    title = models.CharField(_("名称"), max_length=300)
    effective_on = models.DateField(_("施行日期"))
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=2, choices=NormativeStatus.choices)
    cleanup_result = models.CharField(_("清理结果"), max_length=4, choices=CleanupResult.choices, blank=True)
    cleanup_on = models.DateField(_("清理日期"), null=True, blank=True)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("规范性文件")
        verbose_name_plural = _("规范性文件")
        ordering = ["-effective_on"]

    def __str__(self) -> str:
        return f"《{self.title}》"

    def clean(self) -> None:
        errors = {}
        if self.title and (self.title.startswith("《") or self.title.endswith("》")):
            errors["title"] = _("名称不带书名号《》")
        if self.valid_until and self.effective_on and self.valid_until < self.effective_on:
            errors["valid_until"] = _("有效期至不能早于施行日期")
        if self.cleanup_result and not self.cleanup_on:
            errors["cleanup_on"] = _("填写清理结果时必须填写清理日期")
        if errors:
            raise ValidationError(errors)


class StudyKind(models.TextChoices):
    CENTRAL_GROUP = "党委理论学习中心组专题学习", _("党委理论学习中心组专题学习")
    BRANCH = "支部集中学习", _("支部集中学习")
    EXPERT = "专家专题辅导", _("专家专题辅导")
    EXAM = "学法考试", _("学法考试")
    VISIT = "参观法治教育基地", _("参观法治教育基地")


class StudySession(DomainModel):
    """学法活动: a study session of the bureau's leaders and staff."""

    number = models.CharField(_("编号"), max_length=80, unique=True)
    kind = models.CharField(_("类型"), max_length=15, choices=StudyKind.choices)
    date = models.DateField(_("日期"), db_index=True)
    topic = models.CharField(_("主题"), max_length=300)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("学法活动")
        verbose_name_plural = _("学法活动")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date} {self.topic}"


class ExamResult(DomainModel):
    """执法证考试: an officer's result in one year's certificate exam."""

    year = models.PositiveIntegerField(_("年度"), db_index=True)
    officer = models.ForeignKey(
        Officer, verbose_name=_("执法人员"), on_delete=models.PROTECT, related_name="exams"
    )
    score = models.DecimalField(_("成绩"), max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField(_("是否通过"))

    scope = ()

    class Meta:
        verbose_name = _("执法证考试")
        verbose_name_plural = _("执法证考试")
        ordering = ["-year", "officer__certificate_number"]
        constraints = [models.UniqueConstraint(fields=["year", "officer"], name="one_exam_result_per_year")]

    def __str__(self) -> str:
        return f"{self.year} {self.officer.name}"
