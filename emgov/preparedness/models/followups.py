"""整改跟踪: a problem found in a drill or a command-post check, with its owner and deadline."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, DomainModel


class FollowUpKind(models.TextChoices):
    PLAN = "预案修订", _("预案修订")
    TRAINING = "培训", _("培训")
    EQUIPMENT = "装备物资", _("装备物资")
    ORGANISATION = "组织机制", _("组织机制")
    OTHER = "其他", _("其他")


class FollowUp(DomainModel):
    drill = models.ForeignKey(
        "preparedness.Drill",
        verbose_name=_("应急演练"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    check_record = models.ForeignKey(
        "preparedness.CommandPostCheck",
        verbose_name=_("现场指挥部检查"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    problem = models.CharField(_("发现的问题"), max_length=500)
    kind = models.CharField(_("整改类型"), max_length=10, choices=FollowUpKind.choices)
    owner = models.ForeignKey(
        Department, verbose_name=_("责任单位"), on_delete=models.PROTECT, related_name="+"
    )
    owner_person = models.CharField(_("责任人"), max_length=50)
    due_on = models.DateField(_("整改期限"), db_index=True)
    closed_on = models.DateField(_("整改完成日期"), null=True, blank=True, editable=False)
    closing_note = models.CharField(_("整改情况"), max_length=500, blank=True, editable=False)

    scope = ("drill__region", "check_record__town")

    class Meta:
        verbose_name = _("整改事项")
        verbose_name_plural = _("整改事项")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.problem

    def clean(self) -> None:
        if (self.drill_id is None) == (self.check_record_id is None):
            raise ValidationError(
                _("整改事项须来自一次应急演练或一次现场指挥部检查（二者选一）"), code="follow_up_source"
            )
