from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models.base import DomainModel


class RuleVersion(DomainModel):
    """A version of a statutory rule (a time limit, threshold or amount) that takes effect on a date,
    added when a law or 规章 changes; the rule's default comes from the code (`core.rules`). A version
    entered in error is voided with a reason, never deleted."""

    # Every member of staff reads the rules; the region below says where a version applies.
    scope = None

    key = models.CharField(_("规则"), max_length=80, db_index=True)
    value = models.DecimalField(_("数值"), max_digits=14, decimal_places=2)
    effective_from = models.DateField(_("施行日期"))
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("适用区划"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("不填写时全国适用；填写时适用于该区划及其下级区划的记录。"),
    )
    basis = models.CharField(_("依据（法规、条、款）"), max_length=300)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("规则版本")
        verbose_name_plural = _("规则版本")
        ordering = ["key", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "effective_from"],
                condition=models.Q(voided_at__isnull=True),
                name="rule_version_once_a_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.value}（{self.effective_from:%Y-%m-%d}起）"

    def clean(self) -> None:
        from emgov.core import rules

        rule = rules.RULES.get(self.key)
        if rule is None:
            raise ValidationError(
                {"key": _("没有名为“%(k)s”的规则。") % {"k": self.key}}, code="unknown_rule"
            )
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": _("数值不能为负数。")}, code="negative_rule_value")
        if not (self.basis or "").strip():
            raise ValidationError({"basis": _("请填写依据（法规名称和条款）。")}, code="rule_basis_required")
