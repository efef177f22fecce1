from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, DomainModel
from emgov.core.models.fields import region_field
from emgov.core.validators import validate_credit_code
from emgov.enforcement.models import Visit
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


# The 文号 template of penalty decisions (core.numbering).
DECISION_DOC_TYPE = "行政处罚决定书"

# 行政处罚法 Art. 51: on-the-spot decisions are limited to a warning or a small fine.
SUMMARY_FINE_LIMIT_PERSON = Decimal("200")
SUMMARY_FINE_LIMIT_ORGANISATION = Decimal("3000")
SUMMARY_KINDS = {PenaltyKind.WARNING, PenaltyKind.FINE}


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
    legal_basis = models.TextField(_("处罚依据"))
    penalty_kinds = models.JSONField(_("处罚种类"), default=list)
    fine_amount = models.DecimalField(
        _("罚款金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True
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

    scope = ("enterprise__town", "visit__enterprise__town", "region")

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
        if not kinds:
            errors["penalty_kinds"] = _("至少填写一种处罚种类")
        if PenaltyKind.FINE in kinds:
            if self.fine_amount is None or self.fine_amount <= 0:
                errors["fine_amount"] = _("处罚种类含罚款时，罚款金额必须大于0")
        elif self.fine_amount:
            errors["fine_amount"] = _("处罚种类不含罚款，不应填写罚款金额")
        if self.procedure == Procedure.SUMMARY and "fine_amount" not in errors:
            message = self.summary_procedure_error(kinds)
            if message:
                errors["procedure"] = message
        if self.published_on and self.decided_on and self.published_on < self.decided_on:
            errors["published_on"] = _("公示日期不能早于决定日期")
        if errors:
            raise ValidationError(errors)

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
