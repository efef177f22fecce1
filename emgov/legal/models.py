from __future__ import annotations

import datetime
import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, DomainModel, Officer
from emgov.core.models.fields import region_field

# How long before 有效期至 a normative document is evaluated, and how early the reminder shows.
EVALUATION_LEAD_DAYS = 180
EVALUATION_REMINDER_DAYS = 30


class CounselKind(models.TextChoices):
    OPINION = "法律意见", _("法律意见")
    CONTRACT = "合同审查", _("合同审查")


class CounselMatter(models.TextChoices):
    DECISION = "重大决策", _("重大决策")
    CASE = "重要案件", _("重要案件")
    NORMATIVE = "规范性文件合法性审查", _("规范性文件合法性审查")
    CONTRACT = "合同审查", _("合同审查")
    DISPUTE = "信访/复议诉讼", _("信访/复议诉讼")
    OTHER = "其他", _("其他")


class CounselRecord(DomainModel):
    """法律顾问: a legal opinion or a contract review by the bureau's counsel."""

    number = models.CharField(_("编号"), max_length=80, unique=True)
    kind = models.CharField(_("类型"), max_length=4, choices=CounselKind.choices)
    date = models.DateField(_("日期"), db_index=True)
    subject = models.CharField(_("事项"), max_length=300)
    matter = models.CharField(_("事项类别"), max_length=12, choices=CounselMatter.choices, blank=True)
    requesting_department = models.ForeignKey(
        Department,
        verbose_name=_("提出部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requester = models.CharField(_("提出人"), max_length=50, blank=True)
    requested_on = models.DateField(_("提出日期"), null=True, blank=True)
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    adviser = models.CharField(_("承办法律顾问"), max_length=100, blank=True)
    opinion = models.TextField(_("意见内容"), blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    region = region_field()
    attachments = GenericRelation("legal.Attachment")

    scope = ("region",)

    class Meta:
        verbose_name = _("法律顾问")
        verbose_name_plural = _("法律顾问")
        ordering = ["-date", "-number"]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    def clean(self) -> None:
        errors = {}
        if self.due_on and self.requested_on and self.due_on < self.requested_on:
            errors["due_on"] = _("答复期限不能早于提出日期")
        if self.answered_on and self.requested_on and self.answered_on < self.requested_on:
            errors["answered_on"] = _("答复日期不能早于提出日期")
        if self.answered_on and not self.opinion.strip():
            errors["opinion"] = _("填写答复日期时必须填写意见内容")
        if errors:
            raise ValidationError(errors)

    def is_open(self) -> bool:
        return self.answered_on is None

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open() and self.due_on is not None and self.due_on < today


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
    body = models.CharField(_("审理机关"), max_length=100, blank=True, help_text=_("人民法院或行政复议机关"))
    served_on = models.DateField(
        _("送达日期"), null=True, blank=True, help_text=_("起诉状或行政复议申请书副本送达本局的日期")
    )
    defence_due_on = models.DateField(_("答辩期限"), null=True, blank=True, editable=False, db_index=True)
    defence_filed_on = models.DateField(_("答辩提交日期"), null=True, blank=True)
    hearing_dates = models.JSONField(_("开庭日期"), default=list, blank=True)
    head_required = models.BooleanField(_("负责人应出庭"), default=False)
    head_appeared = models.BooleanField(_("负责人实际出庭"), default=False)
    staff_appeared = models.BooleanField(_("其他工作人员出庭"), default=False)
    appeared_name = models.CharField(_("出庭人员姓名"), max_length=50, blank=True)
    appeared_position = models.CharField(_("出庭人员职务"), max_length=100, blank=True)
    result = models.CharField(_("审理结果"), max_length=300, blank=True)
    result_on = models.DateField(_("结果日期"), null=True, blank=True)
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
        errors = {}
        if self.served_on and self.received_on and self.served_on < self.received_on:
            errors["served_on"] = _("送达日期不能早于收案日期")
        if self.defence_filed_on and self.served_on and self.defence_filed_on < self.served_on:
            errors["defence_filed_on"] = _("答辩提交日期不能早于送达日期")
        if self.result_on and self.received_on and self.result_on < self.received_on:
            errors["result_on"] = _("结果日期不能早于收案日期")
        if self.result_on and not self.result:
            errors["result"] = _("填写结果日期时必须填写审理结果")
        if errors:
            raise ValidationError(errors)

    @property
    def hearing_days(self) -> list[datetime.date]:
        return sorted(datetime.date.fromisoformat(d) for d in self.hearing_dates or [])


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

    @property
    def evaluation_due(self) -> datetime.date | None:
        """评估期限: about six months before 有效期至."""
        if self.valid_until is None:
            return None
        return self.valid_until - datetime.timedelta(days=EVALUATION_LEAD_DAYS)

    @property
    def evaluation_reminder_from(self) -> datetime.date | None:
        due = self.evaluation_due
        return due - datetime.timedelta(days=EVALUATION_REMINDER_DAYS) if due else None

    def evaluation_pending(self, today: datetime.date) -> bool:
        """In force, inside the reminder window, and not yet cleaned up (清理) for this validity period."""
        start = self.evaluation_reminder_from
        if self.status != NormativeStatus.VALID or start is None or today < start:
            return False
        return not (self.cleanup_on and self.cleanup_on >= start)

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
    speaker = models.CharField(_("主讲人"), max_length=100, blank=True)
    duration_hours = models.DecimalField(
        _("时长（小时）"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    attendance = models.PositiveIntegerField(_("参加人数"), null=True, blank=True)
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("参加人员"), blank=True, related_name="study_sessions"
    )
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


ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".doc", ".xlsx", ".jpg", ".jpeg", ".png")


def attachment_path(instance: Attachment, filename: str) -> str:
    """attachments/<yyyy>/<mm>/<random name><extension>: the original name is kept in the record only."""
    now = timezone.localtime()
    return f"attachments/{now:%Y}/{now:%m}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Attachment(models.Model):
    """附件: a file attached to a legal record, readable by whoever may read that record."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("文件名"), max_length=255)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    mime_type = models.CharField(_("文件类型"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="legal_attachment_target")]

    def __str__(self) -> str:
        return self.original_name
