"""现场指挥部设置及运行双盲拉动检查: a scored checklist per town."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import town_field

# (key, item, full score): the checklist of the on-site command post, 100 points in all.
CHECKLIST: tuple[tuple[str, str, int], ...] = (
    ("response", "响应启动与人员到位", 15),
    ("site", "指挥部选址与功能分区", 15),
    ("signs", "标识标牌与设施设备", 10),
    ("communication", "通信保障与信息报送", 15),
    ("organisation", "组织架构与职责分工", 15),
    ("decision", "会商研判与决策部署", 15),
    ("resources", "应急资源调度", 10),
    ("logistics", "后勤保障", 5),
)
ITEM_LABELS = {key: label for key, label, _full in CHECKLIST}
FULL_SCORES = {key: full for key, _label, full in CHECKLIST}


class CommandPostCheck(DomainModel):
    number = models.CharField(_("检查编号"), max_length=80, unique=True)
    town = town_field()
    date = models.DateField(_("检查日期"), db_index=True)
    scenario = models.CharField(_("拉动情景"), max_length=300)
    inspectors = models.CharField(_("检查人员"), max_length=300)
    note = models.TextField(_("检查情况"), blank=True)

    scope = ("town",)

    class Meta:
        verbose_name = _("现场指挥部检查")
        verbose_name_plural = _("现场指挥部检查")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.town or ''}{self.date}现场指挥部双盲拉动检查"

    def clean(self) -> None:
        if self.town_id is None:
            raise ValidationError({"town": _("现场指挥部检查须写明被检查的镇街")}, code="check_town")


class CheckScore(DomainModel):
    check_record = models.ForeignKey(
        CommandPostCheck, verbose_name=_("现场指挥部检查"), on_delete=models.PROTECT, related_name="scores"
    )
    item = models.CharField(_("检查项"), max_length=20, choices=[(k, label) for k, label, _f in CHECKLIST])
    score = models.DecimalField(_("得分"), max_digits=5, decimal_places=1)
    remark = models.CharField(_("扣分说明"), max_length=300, blank=True)

    scope = ("check_record__town",)

    class Meta:
        verbose_name = _("检查项得分")
        verbose_name_plural = _("检查项得分")
        ordering = ["check_record", "pk"]
        constraints = [models.UniqueConstraint(fields=["check_record", "item"], name="one_score_per_item")]

    def __str__(self) -> str:
        return f"{ITEM_LABELS.get(self.item, self.item)}：{self.score}"

    @property
    def full(self) -> int:
        return FULL_SCORES.get(self.item, 0)

    @property
    def percent(self) -> Decimal:
        return (self.score * 100 / self.full).quantize(Decimal("0.1")) if self.full else Decimal(0)

    def clean(self) -> None:
        full = FULL_SCORES.get(self.item)
        if full is None:
            raise ValidationError({"item": _("没有这个检查项")}, code="check_item")
        if self.score is not None and not (0 <= self.score <= full):
            raise ValidationError(
                {
                    "score": _("“%(item)s”的得分须在0至%(full)s分之间")
                    % {"item": ITEM_LABELS[self.item], "full": full}
                },
                code="check_score_range",
            )
