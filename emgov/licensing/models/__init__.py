from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field
from emgov.core.validators import validate_credit_code
from emgov.enterprises.models import Enterprise
from emgov.licensing import rules

# The defaults of the item catalogue, from the rule table (行政许可法第四十二条); a case reads the
# version in force on its own date through `licensing.rules.value`.
DEFAULT_TIME_LIMIT_DAYS = int(rules.DECISION_DAYS.default)
DEFAULT_EXTENSION_DAYS = int(rules.EXTENSION_DAYS.default)


class LicensingCategory(models.TextChoices):
    LICENCE = "行政许可", _("行政许可")
    APPROVAL = "行政审批", _("行政审批")
    FILING = "备案", _("备案")


class LicensingResult(models.TextChoices):
    GRANTED = "准予", _("准予")
    REFUSED = "不予", _("不予")
    FILED = "已备案", _("已备案")


class LicenceType(models.TextChoices):
    """许可类别 (XK_XKLB)."""

    ORDINARY = "普通", _("普通")
    FRANCHISE = "特许", _("特许")
    RECOGNITION = "认可", _("认可")
    VERIFICATION = "核准", _("核准")
    REGISTRATION = "登记", pgettext_lazy("licence type", "登记")
    OTHER = "其他", _("其他")


class CaseStage(models.TextChoices):
    APPLIED = "待受理", _("待受理")
    SUPPLEMENTING = "待补正", _("待补正")
    ACCEPTED = "已受理", _("已受理")
    EXTENDED = "已延期", _("已延期")
    DECIDED = "已决定", _("已决定")
    FILED = "已备案", _("已备案")
    CERTIFIED = "已发证", _("已发证")
    PUBLISHED = "已公示", _("已公示")
    VOIDED = "已作废", _("已作废")


class LicensingItem(DomainModel):
    """事项清单: a licensing, approval or filing item the bureau handles, with its statutory time limit."""

    name = models.CharField(_("事项名称"), max_length=200, unique=True)
    category = models.CharField(_("事项类别"), max_length=4, choices=LicensingCategory.choices)
    licence_type = models.CharField(
        _("许可类别"), max_length=2, choices=LicenceType.choices, default=LicenceType.ORDINARY
    )
    legal_basis = models.TextField(_("设定依据"), blank=True)
    time_limit_days = models.PositiveSmallIntegerField(
        _("法定办理时限（天）"),
        default=DEFAULT_TIME_LIMIT_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    # 行政许可法 Art. 82: the law's time limits are counted in working days, holidays excluded.
    working_days = models.BooleanField(_("时限按工作日计算"), default=True)
    extendable = models.BooleanField(_("可否延期"), default=True)
    extension_days = models.PositiveSmallIntegerField(
        _("可延长天数"), default=DEFAULT_EXTENSION_DAYS, validators=[MaxValueValidator(365)]
    )
    materials = models.TextField(_("申请材料"), blank=True, help_text=_("每行一项"))
    certificate_name = models.CharField(_("许可证书名称"), max_length=100, blank=True)
    validity_years = models.PositiveSmallIntegerField(
        _("证书有效期（年）"), null=True, blank=True, validators=[MaxValueValidator(50)]
    )

    scope = None

    class Meta:
        verbose_name = _("许可事项")
        verbose_name_plural = _("许可事项清单")
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def materials_list(self) -> list[str]:
        return [line.strip() for line in self.materials.splitlines() if line.strip()]

    @property
    def time_limit_text(self) -> str:
        unit = _("个工作日") if self.working_days else _("日")
        return f"{self.time_limit_days}{unit}"

    def clean(self) -> None:
        if self.extendable and not self.extension_days:
            raise ValidationError(
                {"extension_days": _("可延期的事项须填写可延长天数")}, code="extension_days_required"
            )


class LicensingCase(DomainModel):
    """行政许可: a licensing, approval or filing case (许可审批备案)."""

    number = models.CharField(_("受理编号"), max_length=80, unique=True)
    item = models.ForeignKey(
        LicensingItem,
        verbose_name=_("许可事项"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    item_name = models.CharField(_("事项名称"), max_length=200)
    category = models.CharField(_("事项类别"), max_length=4, choices=LicensingCategory.choices)
    applicant = models.CharField(_("申请人"), max_length=200)
    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, blank=True, validators=[validate_credit_code]
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    applied_on = models.DateField(
        _("申请日期"), null=True, blank=True, help_text=_("收到申请材料之日（行政许可法第三十二条）")
    )
    # 行政许可法第三十二条第一款第四项: what is missing, told once and in full, within 5 working days.
    supplement_requested_on = models.DateField(_("补正告知日期"), null=True, blank=True, editable=False)
    supplement_items = models.TextField(_("需要补正的全部内容"), blank=True, editable=False)
    supplement_completed_on = models.DateField(_("补正材料收齐日期"), null=True, blank=True, editable=False)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True, db_index=True)
    decision_due_on = models.DateField(_("办理期限"), null=True, blank=True, editable=False)
    extension_days = models.PositiveSmallIntegerField(_("延长天数"), default=0, editable=False)
    extension_reason = models.CharField(_("延期理由"), max_length=500, blank=True, editable=False)
    # 行政许可法第四十二条: approved by the head of the agency — a user of the role 局领导; the name is
    # kept as it stood at approval (and for extensions recorded before approvers were users).
    extension_approver = models.ForeignKey(
        "core.User",
        verbose_name=_("批准延期的负责人"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    extension_approved_by = models.CharField(_("延期批准人"), max_length=50, blank=True, editable=False)
    extended_on = models.DateField(_("延期日期"), null=True, blank=True, editable=False)
    decided_on = models.DateField(_("办结日期"), null=True, blank=True)
    result = models.CharField(_("办理结果"), max_length=3, choices=LicensingResult.choices, blank=True)
    decision_document = models.CharField(_("决定文书名称"), max_length=100, blank=True, editable=False)
    decision_number = models.CharField(_("决定文书号"), max_length=80, blank=True, editable=False)
    decision_content = models.TextField(_("许可内容"), blank=True, editable=False)
    certificate_name = models.CharField(_("许可证书名称"), max_length=100, blank=True, editable=False)
    certificate_number = models.CharField(_("许可证编号"), max_length=80, blank=True, editable=False)
    certificate_issued_on = models.DateField(_("发证日期"), null=True, blank=True, editable=False)
    valid_from = models.DateField(_("有效期自"), null=True, blank=True, editable=False)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True, editable=False)
    publication_due_on = models.DateField(_("公示期限"), null=True, blank=True, editable=False)
    published_on = models.DateField(_("公示日期"), null=True, blank=True, db_index=True)
    region = region_field()

    scope = ("enterprise__town", "region")

    class Meta:
        verbose_name = _("行政许可")
        verbose_name_plural = _("行政许可")
        ordering = ["-accepted_on", "-number"]
        indexes = [models.Index(fields=["publication_due_on"], name="licensing_pub_due_idx")]

    def __str__(self) -> str:
        return f"{self.number} {self.item_name}"

    @property
    def stage(self) -> str:
        if self.voided_at:
            return CaseStage.VOIDED
        if self.published_on:
            return CaseStage.PUBLISHED
        if self.certificate_number:
            return CaseStage.CERTIFIED
        if self.result == LicensingResult.FILED:
            return CaseStage.FILED
        if self.result:
            return CaseStage.DECIDED
        if self.accepted_on and self.extension_days:
            return CaseStage.EXTENDED
        if self.accepted_on:
            return CaseStage.ACCEPTED
        if self.supplement_requested_on and not self.supplement_completed_on:
            return CaseStage.SUPPLEMENTING
        return CaseStage.APPLIED

    @property
    def needs_publication(self) -> bool:
        """双公示 applies to licensing decisions that grant (准予) a licence or an approval."""
        return self.result == LicensingResult.GRANTED and self.category != LicensingCategory.FILING

    def decision_overdue(self, today: datetime.date) -> bool:
        return bool(self.decision_due_on and not self.decided_on and today > self.decision_due_on)

    def publication_overdue(self, today: datetime.date) -> bool:
        if not (self.publication_due_on and self.needs_publication):
            return False
        return (self.published_on or today) > self.publication_due_on

    def clean(self) -> None:
        if not self.accepted_on and not self.applied_on:
            raise ValidationError({"accepted_on": _("请填写受理日期")}, code="accepted_on_required")
        if self.applied_on and self.accepted_on and self.accepted_on < self.applied_on:
            raise ValidationError(
                {"accepted_on": _("受理日期不能早于申请日期")}, code="accepted_before_applied"
            )
        if (
            self.supplement_requested_on
            and self.applied_on
            and self.supplement_requested_on < self.applied_on
        ):
            raise ValidationError(
                {"supplement_requested_on": _("补正告知日期不能早于申请日期")},
                code="supplement_before_applied",
            )
        if (
            self.supplement_completed_on
            and self.supplement_requested_on
            and self.supplement_completed_on < self.supplement_requested_on
        ):
            raise ValidationError(
                {"supplement_completed_on": _("补正材料收齐日期不能早于补正告知日期")},
                code="supplement_completed_before_requested",
            )
        if (
            self.accepted_on
            and self.supplement_completed_on
            and self.accepted_on < self.supplement_completed_on
        ):
            raise ValidationError(
                {"accepted_on": _("受理日期不能早于补正材料收齐日期")}, code="accepted_before_supplement"
            )
        if self.decided_on and not self.accepted_on:
            raise ValidationError(
                {"decided_on": _("尚未受理，不能填写办结日期")}, code="decided_before_acceptance"
            )
        if self.decided_on and self.accepted_on and self.decided_on < self.accepted_on:
            raise ValidationError(
                {"decided_on": _("办结日期不能早于受理日期")}, code="decided_before_accepted"
            )
        if self.published_on and self.decided_on and self.published_on < self.decided_on:
            raise ValidationError(
                {"published_on": _("公示日期不能早于办结日期")}, code="published_before_decided"
            )
        if self.certificate_issued_on and self.decided_on and self.certificate_issued_on < self.decided_on:
            raise ValidationError(
                {"certificate_issued_on": _("发证日期不能早于办结日期")}, code="certificate_before_decided"
            )
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("有效期至不能早于有效期自")}, code="validity_reversed")


class ExcludedKind(models.TextChoices):
    """行政许可法第四十五条: the work whose time is not counted in the time limit."""

    HEARING = "听证", _("听证")
    TENDER = "招标", _("招标")
    AUCTION = "拍卖", _("拍卖")
    INSPECTION = "检验", _("检验")
    TESTING = "检测", _("检测")
    QUARANTINE = "检疫", _("检疫")
    APPRAISAL = "鉴定", _("鉴定")
    EXPERT_REVIEW = "专家评审", _("专家评审")


class ExcludedPeriod(DomainModel):
    """不计入办理期限的时间 (行政许可法第四十五条): a hearing, test or expert review of a case; its days are
    added to the case's time limit, and the applicant is told in writing of the time it needs."""

    case = models.ForeignKey(
        LicensingCase, verbose_name=_("许可案件"), on_delete=models.PROTECT, related_name="excluded_periods"
    )
    kind = models.CharField(_("事项"), max_length=4, choices=ExcludedKind.choices)
    started_on = models.DateField(_("开始日期"))
    ended_on = models.DateField(_("结束日期"))
    notified_on = models.DateField(_("书面告知申请人日期"))
    note = models.CharField(_("说明"), max_length=300, blank=True)

    scope = ("case__enterprise__town", "case__region")

    class Meta:
        verbose_name = _("不计入办理期限的时间")
        verbose_name_plural = _("不计入办理期限的时间")
        ordering = ["case", "started_on", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.started_on:%Y-%m-%d}—{self.ended_on:%Y-%m-%d}"

    def clean(self) -> None:
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("结束日期不能早于开始日期")}, code="period_reversed")
