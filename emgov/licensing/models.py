from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel, Region
from emgov.core.validators import validate_credit_code
from emgov.enterprises.models import Enterprise


class LicensingCategory(models.TextChoices):
    LICENCE = "行政许可", _("行政许可")
    APPROVAL = "行政审批", _("行政审批")
    FILING = "备案", _("备案")


class LicensingResult(models.TextChoices):
    GRANTED = "准予", _("准予")
    REFUSED = "不予", _("不予")
    FILED = "已备案", _("已备案")


class LicensingCase(DomainModel):
    """行政许可: a licensing, approval or filing case (许可审批备案)."""

    number = models.CharField(_("受理编号"), max_length=80, unique=True)
    item_name = models.CharField(_("事项名称"), max_length=200)
    category = models.CharField(_("事项类别"), max_length=4, choices=LicensingCategory.choices)
    applicant = models.CharField(_("申请人"), max_length=200)
    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, blank=True, validators=[validate_credit_code]
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("企业"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_on = models.DateField(_("受理日期"), db_index=True)
    decided_on = models.DateField(_("办结日期"), null=True, blank=True)
    result = models.CharField(_("办理结果"), max_length=3, choices=LicensingResult.choices, blank=True)
    published_on = models.DateField(_("公示日期"), null=True, blank=True, db_index=True)
    region = models.ForeignKey(
        Region, verbose_name=_("区划"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    scope = ("enterprise__town", "region")

    class Meta:
        verbose_name = _("行政许可")
        verbose_name_plural = _("行政许可")
        ordering = ["-accepted_on", "-number"]

    def __str__(self) -> str:
        return f"{self.number} {self.item_name}"

    def clean(self) -> None:
        if self.decided_on and self.accepted_on and self.decided_on < self.accepted_on:
            raise ValidationError(
                {"decided_on": _("办结日期不能早于受理日期")}, code="decided_before_accepted"
            )
        if self.published_on and self.decided_on and self.published_on < self.decided_on:
            raise ValidationError(
                {"published_on": _("公示日期不能早于办结日期")}, code="published_before_decided"
            )
