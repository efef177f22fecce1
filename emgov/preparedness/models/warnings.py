"""预警信息: a warning of one of the four levels, issued, updated and lifted as CAP 1.2 messages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field


class WarningLevel(models.TextChoices):
    """突发事件应对法（2024年修订）第六十三条: 一级至四级, 红、橙、黄、蓝, 一级为最高级别."""

    RED = "红色", _("红色预警（一级）")
    ORANGE = "橙色", _("橙色预警（二级）")
    YELLOW = "黄色", _("黄色预警（三级）")
    BLUE = "蓝色", _("蓝色预警（四级）")


class WarningStatus(models.TextChoices):
    DRAFT = "草稿", _("草稿")
    IN_FORCE = "已发布", _("已发布")
    LIFTED = "已解除", _("已解除")


class WarningSource(models.TextChoices):
    LOCAL = "本系统", _("本系统编辑")
    CAP = "外部CAP", _("外部系统CAP消息")


class EarlyWarning(DomainModel):
    number = models.CharField(_("预警编号"), max_length=80, unique=True)
    headline = models.CharField(_("预警标题"), max_length=200)
    level = models.CharField(_("预警级别"), max_length=2, choices=WarningLevel.choices)
    event_type = models.ForeignKey(
        "preparedness.EventType",
        verbose_name=_("事件类型"),
        on_delete=models.PROTECT,
        related_name="warnings",
    )
    area = models.CharField(_("预警区域"), max_length=300)
    onset = models.DateTimeField(_("生效时间"))
    expires = models.DateTimeField(_("失效时间"))
    description = models.TextField(_("预警内容"))
    measures = models.TextField(_("防御措施"))
    region = region_field()
    status = models.CharField(
        _("状态"), max_length=4, choices=WarningStatus.choices, default=WarningStatus.DRAFT, editable=False
    )
    sent_at = models.DateTimeField(_("最近发布时间"), null=True, blank=True, editable=False)
    message_count = models.PositiveIntegerField(_("已发消息数"), default=0, editable=False)
    # The CAP identifiers already sent for this warning ("sender,identifier,sent"), oldest first.
    references = models.JSONField(_("此前消息"), default=list, blank=True, editable=False)
    lift_reason = models.CharField(_("解除原因"), max_length=300, blank=True, editable=False)
    source = models.CharField(
        _("来源"), max_length=6, choices=WarningSource.choices, default=WarningSource.LOCAL, editable=False
    )
    source_sender = models.CharField(_("来源系统"), max_length=200, blank=True, editable=False)

    scope = ("region",)

    class Meta:
        verbose_name = _("预警信息")
        verbose_name_plural = _("预警信息")
        ordering = ["-onset", "-pk"]

    def __str__(self) -> str:
        return self.headline

    def clean(self) -> None:
        if self.onset and self.expires and self.expires <= self.onset:
            raise ValidationError({"expires": _("失效时间须晚于生效时间")}, code="warning_window")
