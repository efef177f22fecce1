from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel, Region, RegionLevel
from emgov.core.validators import validate_credit_code
from emgov.enterprises.pinyin import name_initials


class RiskLevel(models.TextChoices):
    MAJOR = "重大风险", _("重大风险")
    HIGH = "较大风险", _("较大风险")
    GENERAL = "一般风险", _("一般风险")
    LOW = "低风险", _("低风险")


class Enterprise(DomainModel):
    """企业: a business in the register (企业台账), placed in its town."""

    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, unique=True, validators=[validate_credit_code]
    )
    name = models.CharField(_("企业名称"), max_length=200, db_index=True)
    name_initials = models.CharField(
        _("名称拼音首字母"), max_length=100, blank=True, editable=False, db_index=True
    )
    town = models.ForeignKey(
        Region, verbose_name=_("所属镇街"), on_delete=models.PROTECT, related_name="enterprises"
    )
    industry = models.CharField(_("行业类别"), max_length=50, db_index=True)
    address = models.CharField(_("地址"), max_length=300, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    risk_level = models.CharField(_("风险等级"), max_length=4, choices=RiskLevel.choices, blank=True)
    is_key = models.BooleanField(_("是否重点企业"), default=False)

    scope = ("town",)
    # Searched by substring from every list that names an enterprise; on PostgreSQL one trigram index
    # serves them all (migration 0004), so a search finds the matching enterprises through the index.
    search_indexed = ("name", "name_initials", "credit_code", "legal_representative", "address")

    class Meta:
        verbose_name = _("企业")
        verbose_name_plural = _("企业")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # Derived, never typed: kept equal to the name's initials on every path that validates the record.
        self.name_initials = name_initials(self.name)
        if self.town_id and self.town.level != RegionLevel.TOWN:
            raise ValidationError({"town": _("所属镇街必须是镇街一级的区划")}, code="not_a_town")
