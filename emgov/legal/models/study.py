"""学法活动: study sessions of the bureau's leaders and staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field


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
