"""普法宣传培训 activities and who attended them."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field

PHONE = RegexValidator(r"^1\d{10}$", _("手机号应为以1开头的11位数字"), code="phone")


class OutreachKind(models.TextChoices):
    ONLINE = "线上培训", _("线上培训")
    OFFLINE = "线下专场培训", _("线下专场培训")
    COMPETITION = "知识竞赛", _("知识竞赛")
    CAMPAIGN = "集中宣传", _("集中宣传")


TRAININGS = (OutreachKind.ONLINE, OutreachKind.OFFLINE)


class OutreachActivity(DomainModel):
    """普法宣传培训: a training, competition or publicity campaign and how many took part.

    `participants` is the number reported for the activity; once an attendance list or a
    competition holds its records, the figures count those records instead (`queries.counted`)."""

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


class Attendance(DomainModel):
    """参训人员: one person on an activity's attendance list, with the certificate issued to them."""

    activity = models.ForeignKey(
        OutreachActivity, verbose_name=_("活动"), on_delete=models.PROTECT, related_name="attendances"
    )
    name = models.CharField(_("姓名"), max_length=50)
    unit = models.CharField(_("单位"), max_length=200, blank=True)
    phone = models.CharField(_("手机号"), max_length=11, blank=True, validators=[PHONE])
    certificate_number = models.CharField(_("结业证书编号"), max_length=40, blank=True)

    scope = ("activity__region",)

    class Meta:
        verbose_name = _("参训人员")
        verbose_name_plural = _("参训人员")
        ordering = ["activity", "pk"]
        indexes = [models.Index(fields=["activity", "voided_at"])]

    def __str__(self) -> str:
        return f"{self.name}（{self.unit}）" if self.unit else self.name

    def clean(self) -> None:
        if not self.name.strip():
            raise ValidationError({"name": _("姓名不能为空")}, code="name_required")
