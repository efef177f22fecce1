from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, DomainModel
from emgov.core.models.fields import region_field
from emgov.core.models.places import PlaceField
from emgov.core.validators import validate_credit_code
from emgov.enforcement.models import Hazard, Visit
from emgov.enterprises.models import Enterprise


class PartyType(models.TextChoices):
    LEGAL_PERSON = "法人", _("法人")
    UNINCORPORATED = "非法人组织", _("非法人组织")
    SOLE_TRADER = "个体工商户", _("个体工商户")
    NATURAL_PERSON = "自然人", _("自然人")


class PenaltyKind(models.TextChoices):
    WARNING = "警告", _("警告")
    CRITICISM = "通报批评", _("通报批评")
    FINE = "罚款", _("罚款")
    CONFISCATE_GAINS = "没收违法所得", _("没收违法所得")
    CONFISCATE_PROPERTY = "没收非法财物", _("没收非法财物")
    SUSPEND_LICENCE = "暂扣许可证件", _("暂扣许可证件")
    DOWNGRADE = "降低资质等级", _("降低资质等级")
    REVOKE_LICENCE = "吊销许可证件", _("吊销许可证件")
    RESTRICT_BUSINESS = "限制开展生产经营活动", _("限制开展生产经营活动")
    SUSPEND_BUSINESS = "责令停产停业", _("责令停产停业")
    CLOSE = "责令关闭", _("责令关闭")
    BAN_PRACTICE = "限制从业", _("限制从业")
    DETENTION = "行政拘留", _("行政拘留")


class Procedure(models.TextChoices):
    SUMMARY = "简易程序", _("简易程序")
    GENERAL = "普通程序", _("普通程序")


class CaseStage(models.TextChoices):
    """The stages of a case handled in the system (普通程序); empty for a decision imported from a ledger."""

    FILED = "立案", _("立案")
    INVESTIGATION = "调查取证", _("调查取证")
    NOTIFIED = "告知", _("告知")
    STATEMENT = "陈述申辩", _("陈述申辩")
    HEARING = "听证", _("听证")
    REVIEW = "法制审核", _("法制审核")
    DISCUSSION = "集体讨论", _("集体讨论")
    DECIDED = "决定", _("决定")
    SERVED = "送达", _("送达")
    EXECUTION = "执行", _("执行")
    CLOSED = "结案", _("结案")
    ARCHIVED = "归档", _("归档")


# The 文号 template of penalty decisions (core.numbering).
DECISION_DOC_TYPE = "行政处罚决定书"

# 行政处罚法 Art. 51: on-the-spot decisions are limited to a warning or a small fine.
SUMMARY_FINE_LIMIT_PERSON = Decimal("200")
SUMMARY_FINE_LIMIT_ORGANISATION = Decimal("3000")
SUMMARY_KINDS = {PenaltyKind.WARNING, PenaltyKind.FINE}


# 法制审核: the points the reviewer checks (行政处罚法第五十八条), stored as {key: passed}.
REVIEW_POINTS = [
    ("subject", _("主体合法")),
    ("facts", _("事实清楚")),
    ("evidence", _("证据充分")),
    ("law", _("适用法律正确")),
    ("procedure", _("程序合法")),
    ("discretion", _("裁量适当")),
    ("documents", _("文书规范")),
]


class PenaltyCase(DomainModel):
    """行政处罚: an administrative penalty case and its decision (决定书)."""

    decision_number = models.CharField(_("决定书文号"), max_length=80, unique=True, null=True, blank=True)
    case_number = models.CharField(_("案件编号"), max_length=80, blank=True)
    filed_on = models.DateField(_("立案日期"))
    decided_on = models.DateField(_("决定日期"), null=True, blank=True, db_index=True)
    party_name = models.CharField(_("当事人名称"), max_length=200)
    party_type = models.CharField(_("当事人类型"), max_length=5, choices=PartyType.choices)
    party_credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, blank=True, validators=[validate_credit_code]
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("企业"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penalties",
    )
    department = models.ForeignKey(
        Department, verbose_name=_("执法部门"), on_delete=models.PROTECT, related_name="+"
    )
    violation = models.TextField(_("违法行为"))
    legal_basis = models.TextField(_("处罚依据"), blank=True)
    penalty_kinds = models.JSONField(_("处罚种类"), default=list, blank=True)
    fine_amount = models.DecimalField(
        _("罚款金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    confiscation_amount = models.DecimalField(
        _("没收违法所得、非法财物数额（元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "没收违法所得或者非法财物的，填写其数额或价值（听证范围，行政处罚法第六十三条第一款第（二）项）"
        ),
    )
    procedure = models.CharField(_("程序类型"), max_length=4, choices=Procedure.choices)
    visit = models.ForeignKey(
        Visit,
        verbose_name=_("检查记录"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penalties",
    )
    published_on = models.DateField(_("公示日期"), null=True, blank=True, db_index=True)
    region = region_field()

    # The workflow of a case handled in the system (empty on ledger records).
    stage = models.CharField(_("办理阶段"), max_length=4, choices=CaseStage.choices, blank=True)
    hazard = models.ForeignKey(
        Hazard,
        verbose_name=_("隐患"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penalties",
    )
    party_address = models.CharField(_("当事人地址"), max_length=300, blank=True)
    major_case = models.BooleanField(_("重大案件（须集体讨论）"), default=False)
    review_required = models.BooleanField(
        _("须法制审核（涉及重大公共利益、案情复杂或法律规定）"), default=False
    )
    decision_due_on = models.DateField(_("决定期限"), null=True, blank=True)
    notified_on = models.DateField(_("告知日期"), null=True, blank=True)
    notice_number = models.CharField(_("告知书文号"), max_length=80, blank=True)
    notice_served_on = models.DateField(
        _("告知书送达日期"),
        null=True,
        blank=True,
        help_text=_("当事人收到告知书之日：陈述申辩、申请听证的期限自该日起计算"),
    )
    hearing_notice_number = models.CharField(_("听证告知书文号"), max_length=80, blank=True)
    statement_due_on = models.DateField(_("陈述申辩、听证申请期限"), null=True, blank=True)
    statement_on = models.DateField(_("陈述申辩（或书面放弃）日期"), null=True, blank=True)
    hearing_requested_on = models.DateField(_("申请听证日期"), null=True, blank=True)
    hearing_notified_on = models.DateField(_("听证通知日期"), null=True, blank=True)
    hearing_on = models.DateField(_("听证日期"), null=True, blank=True)
    hearing_held = models.BooleanField(_("已举行听证"), default=False)
    hearing_waived = models.BooleanField(_("当事人放弃听证"), default=False)
    reviewed_on = models.DateField(_("法制审核日期"), null=True, blank=True)
    reviewer = models.ForeignKey(
        "core.User",
        verbose_name=_("法制审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_points = models.JSONField(_("法制审核要点"), default=dict, blank=True)
    discussed_on = models.DateField(_("集体讨论日期"), null=True, blank=True)
    decision_approver = models.ForeignKey(
        "core.User",
        verbose_name=_("批准决定的负责人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    discretion_grade = models.ForeignKey(
        "cases.DiscretionGrade",
        verbose_name=_("裁量基准"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    discretion_reason = models.TextField(_("超出裁量幅度的理由"), blank=True)
    daily_amount = models.DecimalField(
        _("按日连续处罚的原处罚数额（元/日）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    continuous_from = models.DateField(_("按日连续处罚起始日"), null=True, blank=True)
    continuous_until = models.DateField(_("按日连续处罚截止日"), null=True, blank=True)
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    payment_due_on = models.DateField(_("缴款期限"), null=True, blank=True)
    paid_on = models.DateField(_("缴款日期"), null=True, blank=True)
    late_fee = models.DecimalField(
        _("加处罚款（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    demanded_on = models.DateField(_("催告书送达日期"), null=True, blank=True)
    court_applied_on = models.DateField(_("申请法院强制执行日期"), null=True, blank=True)
    closed_on = models.DateField(_("结案日期"), null=True, blank=True)
    archived_on = models.DateField(_("归档日期"), null=True, blank=True)

    # The region the scope finds, kept on the case: a region's cases are one index range (see PlaceField).
    place = PlaceField()

    scope = ("enterprise__town", "visit__enterprise__town", "region")
    place_field = "place"
    audit_exclude = (*DomainModel.audit_exclude, "place")
    value_labels = {"review_points": dict(REVIEW_POINTS)}

    class Meta:
        verbose_name = _("行政处罚")
        verbose_name_plural = _("行政处罚")
        ordering = ["-decided_on", "-filed_on"]
        indexes = [models.Index(fields=["department", "decided_on"], name="penalty_dept_decided")]

    def __str__(self) -> str:
        return self.decision_number or self.case_number or self.party_name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.decided_on and self.filed_on and self.decided_on < self.filed_on:
            errors["decided_on"] = _("决定日期不能早于立案日期")
        if self.party_type and self.party_type != PartyType.NATURAL_PERSON and not self.party_credit_code:
            errors["party_credit_code"] = _("当事人不是自然人时必须填写统一社会信用代码")
        kinds = list(self.penalty_kinds or [])
        settled = bool(self.decided_on) or not self.stage
        if settled and not kinds:
            errors["penalty_kinds"] = _("至少填写一种处罚种类")
        if settled and not (self.legal_basis or "").strip():
            errors["legal_basis"] = _("必须填写处罚依据")
        if PenaltyKind.FINE in kinds and (settled or self.fine_amount is not None):
            if self.fine_amount is None or self.fine_amount <= 0:
                errors["fine_amount"] = _("处罚种类含罚款时，罚款金额必须大于0")
        elif self.fine_amount:
            errors["fine_amount"] = _("处罚种类不含罚款，不应填写罚款金额")
        confiscating = bool(set(kinds) & {PenaltyKind.CONFISCATE_GAINS, PenaltyKind.CONFISCATE_PROPERTY})
        if self.confiscation_amount is not None and not confiscating:
            errors["confiscation_amount"] = _("处罚种类不含没收违法所得或非法财物，不应填写没收数额")
        elif self.confiscation_amount is not None and self.confiscation_amount < 0:
            errors["confiscation_amount"] = _("没收数额不能为负数")
        if self.procedure == Procedure.SUMMARY and "fine_amount" not in errors:
            message = self.summary_procedure_error(kinds)
            if message:
                errors["procedure"] = message
        if self.published_on and self.decided_on and self.published_on < self.decided_on:
            errors["published_on"] = _("公示日期不能早于决定日期")
        if errors:
            raise ValidationError(errors, code="case_invalid")

    def summary_procedure_error(self, kinds: list[str]) -> str | None:
        if set(kinds) - SUMMARY_KINDS:
            return _("简易程序只能给予警告或小额罚款，不能给予：%(k)s") % {
                "k": "、".join(sorted(set(kinds) - SUMMARY_KINDS))
            }
        if PenaltyKind.FINE in kinds and self.fine_amount:
            person = self.party_type == PartyType.NATURAL_PERSON
            limit = SUMMARY_FINE_LIMIT_PERSON if person else SUMMARY_FINE_LIMIT_ORGANISATION
            if self.fine_amount > limit:
                who = _("公民") if person else _("法人或其他组织")
                return _("简易程序对%(who)s的罚款不能超过%(limit)s元，本案为%(amount)s元，应适用普通程序") % {
                    "who": who,
                    "limit": limit,
                    "amount": self.fine_amount,
                }
        return None
