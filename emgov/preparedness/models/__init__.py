from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, DomainModel
from emgov.core.models.fields import region_field, town_field
from emgov.preparedness.rules import PLAN_APPROVAL_ARTICLE


class EventCategory(models.TextChoices):
    NATURAL = "自然灾害", _("自然灾害")
    ACCIDENT = "事故灾难", _("事故灾难")
    HEALTH = "公共卫生事件", _("公共卫生事件")
    SECURITY = "社会安全事件", _("社会安全事件")


class EventType(DomainModel):
    """突发事件类型: one event type of the general plan and the departments responsible for it."""

    name = models.CharField(_("事件类型"), max_length=100, unique=True)
    category = models.CharField(_("事件大类"), max_length=6, choices=EventCategory.choices)
    lead_department = models.ForeignKey(
        Department, verbose_name=_("牵头部门"), on_delete=models.PROTECT, related_name="+"
    )
    supporting_departments = models.ManyToManyField(
        Department, verbose_name=_("配合部门"), blank=True, related_name="+"
    )

    scope = ()

    class Meta:
        verbose_name = _("突发事件类型")
        verbose_name_plural = _("突发事件类型")
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name


class PlanKind(models.TextChoices):
    OVERALL = "总体应急预案", _("总体应急预案")
    SPECIAL = "专项应急预案", _("专项应急预案")
    DEPARTMENT = "部门应急预案", _("部门应急预案")
    GRASSROOTS = "基层单位应急预案", _("基层单位应急预案")
    EVENT = "重大活动应急预案", _("重大活动应急预案")


class EvaluationResult(models.TextChoices):
    KEEP = "继续有效", _("继续有效")
    REVISE = "需要修订", _("需要修订")


class RevisionTrigger(models.TextChoices):
    """国办发〔2013〕101号第二十五条、《生产安全事故应急预案管理办法》第三十六条: when a plan is revised."""

    LAW = "法律法规或上位预案变化", _("有关法律法规、标准或上位预案变化")
    COMMAND = "指挥机构及职责调整", _("应急指挥机构及其职责发生调整")
    RISK = "面临风险重大变化", _("面临的风险发生重大变化")
    RESOURCES = "重要应急资源重大变化", _("重要应急资源发生重大变化")
    DRILL = "演练或应对中发现问题", _("在突发事件应对或应急演练中发现问题")
    EVALUATION = "定期评估结论需要修订", _("定期评估结论需要修订")
    OTHER = "其他", _("编制单位认为应当修订的其他情况")


class EmergencyPlan(DomainModel):
    """应急预案: an emergency plan, the event types it covers and its next evaluation."""

    number = models.CharField(_("预案编号"), max_length=80, unique=True)
    name = models.CharField(_("预案名称"), max_length=300)
    kind = models.CharField(_("预案类型"), max_length=8, choices=PlanKind.choices)
    event_types = models.ManyToManyField(
        EventType, verbose_name=_("适用事件类型"), blank=True, related_name="plans"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("编制单位"), on_delete=models.PROTECT, related_name="+"
    )
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    next_review_on = models.DateField(_("下次评估日期"), null=True, blank=True)
    region = region_field()
    approved_on = models.DateField(_("批准日期"), null=True, blank=True, editable=False)
    approved_by = models.CharField(_("批准机关"), max_length=100, blank=True, editable=False)
    published_before_system = models.BooleanField(
        _("系统启用前已发布"),
        default=False,
        editable=False,
        help_text=_("本系统启用前已经批准发布、批准记录未登记入系统的预案"),
    )
    filed_on = models.DateField(_("备案日期"), null=True, blank=True, editable=False)
    filed_with = models.CharField(_("备案机关"), max_length=100, blank=True, editable=False)
    evaluated_on = models.DateField(_("上次评估日期"), null=True, blank=True, editable=False)
    evaluation_result = models.CharField(
        _("评估结论"), max_length=10, blank=True, choices=EvaluationResult.choices, editable=False
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("上一版本"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="revisions",
    )
    revision_trigger = models.CharField(
        _("修订原因"), max_length=30, blank=True, choices=RevisionTrigger.choices, editable=False
    )
    superseded_on = models.DateField(_("被新版本替代日期"), null=True, blank=True, editable=False)

    scope = ("region",)

    class Meta:
        verbose_name = _("应急预案")
        verbose_name_plural = _("应急预案")
        ordering = ["-published_on"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.next_review_on and self.published_on and self.next_review_on < self.published_on:
            raise ValidationError(
                {"next_review_on": _("下次评估日期不能早于发布日期")}, code="review_before_publish"
            )
        self._check_publication()

    def _check_publication(self) -> None:
        """A published plan was approved first (or was published before the system came into use)."""
        if not self.published_on:
            return
        if self.approved_on and self.published_on < self.approved_on:
            raise ValidationError(
                {
                    "published_on": _(
                        "发布日期不能早于批准日期%(d)s：应急预案经批准后方可发布（%(article)s）"
                    )
                    % {"d": self.approved_on, "article": PLAN_APPROVAL_ARTICLE}
                },
                code="publish_before_approval",
            )
        if self.published_before_system:
            return
        missing = [f for f in ("approved_on", "approved_by") if not str(getattr(self, f) or "").strip()]
        if missing:
            raise ValidationError(
                {
                    missing[0]: _(
                        "已发布的应急预案须先经批准：请填写批准日期和批准机关，本系统启用前已发布的预案"
                        "请注明“系统启用前已发布”（%(article)s）"
                    )
                    % {"article": PLAN_APPROVAL_ARTICLE}
                },
                code="publish_without_approval",
            )


class DrillForm(models.TextChoices):
    TABLETOP = "桌面推演", _("桌面推演")
    LIVE = "实战演练", _("实战演练")
    COMBINED = "综合演练", _("综合演练")
    DOUBLE_BLIND = "双盲演练", _("双盲演练")


class Drill(DomainModel):
    """应急演练: an emergency drill."""

    number = models.CharField(_("演练编号"), max_length=80, unique=True)
    name = models.CharField(_("演练名称"), max_length=300)
    date = models.DateField(_("演练日期"), db_index=True)
    form = models.CharField(_("演练形式"), max_length=4, choices=DrillForm.choices)
    plan = models.ForeignKey(
        EmergencyPlan,
        verbose_name=_("应急预案"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="drills",
    )
    department = models.ForeignKey(
        Department, verbose_name=_("组织单位"), on_delete=models.PROTECT, related_name="+"
    )
    participants = models.PositiveIntegerField(_("参演人数"), null=True, blank=True)
    region = region_field()
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("组织演练的企业"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="preparedness_drills",
    )
    participant_units = models.CharField(_("参演单位"), max_length=500, blank=True)
    evaluation = models.TextField(_("演练评估"), blank=True)

    scope = ("region",)

    class Meta:
        verbose_name = _("应急演练")
        verbose_name_plural = _("应急演练")
        ordering = ["-date"]

    def __str__(self) -> str:
        return self.name


class RescueTeam(DomainModel):
    """应急救援队伍: a rescue team and its size."""

    number = models.CharField(_("队伍编号"), max_length=80, unique=True)
    name = models.CharField(_("队伍名称"), max_length=200)
    kind = models.CharField(_("队伍类型"), max_length=30)
    members = models.PositiveIntegerField(_("人数"))
    town = town_field()
    contact = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    equipment = models.TextField(_("主要装备"), blank=True)
    checked_on = models.DateField(_("上次更新核查日期"), null=True, blank=True, editable=False)

    scope = ("town",)

    class Meta:
        verbose_name = _("应急救援队伍")
        verbose_name_plural = _("应急救援队伍")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Material(DomainModel):
    """应急物资: a stock of emergency material and where it is kept."""

    number = models.CharField(_("物资编号"), max_length=80, unique=True)
    name = models.CharField(_("物资名称"), max_length=200)
    category = models.CharField(_("类别"), max_length=30)
    quantity = models.DecimalField(_("数量"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("单位"), max_length=20)
    location = models.CharField(_("存放地点"), max_length=200)
    town = town_field()
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    minimum = models.DecimalField(_("最低储备量"), max_digits=14, decimal_places=2, null=True, blank=True)

    scope = ("town",)

    class Meta:
        verbose_name = _("应急物资")
        verbose_name_plural = _("应急物资")
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.location}）"


from emgov.preparedness.models.checks import CHECKLIST, CheckScore, CommandPostCheck  # noqa: E402
from emgov.preparedness.models.followups import FollowUp, FollowUpKind  # noqa: E402
from emgov.preparedness.models.stock import MovementKind, StockMovement, TeamMember  # noqa: E402
from emgov.preparedness.models.warnings import EarlyWarning, WarningLevel, WarningStatus  # noqa: E402

__all__ = [
    "CHECKLIST",
    "CheckScore",
    "CommandPostCheck",
    "Drill",
    "DrillForm",
    "EmergencyPlan",
    "EvaluationResult",
    "EventCategory",
    "EventType",
    "FollowUp",
    "FollowUpKind",
    "Material",
    "MovementKind",
    "PlanKind",
    "RescueTeam",
    "RevisionTrigger",
    "StockMovement",
    "TeamMember",
    "EarlyWarning",
    "WarningLevel",
    "WarningStatus",
]
