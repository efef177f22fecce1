from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field


class OutreachKind(models.TextChoices):
    ONLINE = "线上培训", _("线上培训")
    OFFLINE = "线下专场培训", _("线下专场培训")
    COMPETITION = "知识竞赛", _("知识竞赛")
    CAMPAIGN = "集中宣传", _("集中宣传")


class OutreachActivity(DomainModel):
    """普法宣传培训: a training, competition or publicity campaign and how many took part."""

    number = models.CharField(_("编号"), max_length=80, unique=True)
    kind = models.CharField(_("活动类型"), max_length=6, choices=OutreachKind.choices)
    name = models.CharField(_("名称"), max_length=300)
    start_date = models.DateField(_("开始日期"), db_index=True)
    participants = models.PositiveIntegerField(_("参与人数"))
    safety_month = models.BooleanField(_("是否安全生产月"), default=False)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("普法宣传培训")
        verbose_name_plural = _("普法宣传培训")
        ordering = ["-start_date", "-number"]

    def __str__(self) -> str:
        return self.name
