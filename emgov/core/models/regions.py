from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from emgov.core.models.base import ReferenceModel
from emgov.core.validators import validate_credit_code


class RegionLevel(models.TextChoices):
    PROVINCE = "省", _("省")
    CITY = "市", _("市")
    COUNTY = "区县", _("区县")
    TOWN = "镇街", _("镇街")


LEVEL_DEPTH = {RegionLevel.PROVINCE: 0, RegionLevel.CITY: 1, RegionLevel.COUNTY: 2, RegionLevel.TOWN: 3}


class Region(ReferenceModel):
    """行政区划: one node of the 省/市/区县/镇街 tree."""

    code = models.CharField(_("区划代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级区划"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.CharField(_("层级"), max_length=4, choices=RegionLevel.choices)
    # "/440000/440600/440605/": the codes from the top, so that a subtree is one prefix match.
    path = models.CharField(_("路径"), max_length=120, db_index=True, editable=False)

    scope = ("",)
    scope_falls_back_to_bureau = False

    class Meta:
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        expected = (6,) if self.level != RegionLevel.TOWN else (9, 12)
        if self.code and (not self.code.isdigit() or len(self.code) not in expected):
            lengths = "或".join(str(n) for n in expected)
            errors["code"] = _("区划代码应为%(n)s位数字") % {"n": lengths}
        if self.parent is None and self.level == RegionLevel.TOWN:
            errors["parent"] = _("镇街必须填写上级区划")
        if self.parent is not None and self.level in LEVEL_DEPTH and self.parent.level in LEVEL_DEPTH:
            if LEVEL_DEPTH[self.parent.level] >= LEVEL_DEPTH[self.level]:
                errors["parent"] = _("上级区划的层级必须高于本区划")
            if self.pk and self.parent.path.startswith(self.path or "\0"):
                errors["parent"] = _("上级区划不能是本区划或其下级")
        if errors:
            raise ValidationError(errors, code="region_invalid")

    @staticmethod
    def holds_every_region_q() -> Exists:
        """Annotation: whether every region of the database lies within the (outer) region. A region that
        does is a whole database's scope (a province in its own database): nothing needs filtering."""
        return ~Exists(Region.objects.exclude(path__startswith=OuterRef("path")))

    @classmethod
    def with_reach(cls) -> models.QuerySet:
        """Regions carrying `holds_every_region`, which `in_region` reads to leave out the filter."""
        return cls.objects.annotate(holds_every_region=cls.holds_every_region_q())

    def compute_path(self) -> str:
        return (self.parent.path if self.parent else "/") + f"{self.code}/"

    @property
    def is_town(self) -> bool:
        return self.level == RegionLevel.TOWN


class Department(ReferenceModel):
    """部门: a department of the local government; exactly one is the bureau using the system."""

    short_name = models.CharField(_("部门简称"), max_length=30, unique=True)
    name = models.CharField(_("部门名称"), max_length=100)
    is_bureau = models.BooleanField(_("是否本局"), default=False)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
        help_text=_("机关的统一社会信用代码，报送双公示数据时作为决定机关代码"),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("区划"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="departments",
    )

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        ordering = ["-is_bureau", "short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_bureau"], condition=Q(is_bureau=True), name="one_bureau_department"
            )
        ]

    def __str__(self) -> str:
        return self.short_name

    def clean(self) -> None:
        if self.is_bureau:
            others = Department.objects.filter(is_bureau=True).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {
                        "is_bureau": _("只能有一个部门标记为本局，已标记：%(name)s")
                        % {"name": others.first().name}
                    },
                    code="second_bureau",
                )


def bureau_region() -> Region | None:
    """The region the bureau serves: its department's 区划代码, else the only 区县 in the database."""
    bureau = Department.objects.filter(is_bureau=True, region__isnull=False).select_related("region").first()
    if bureau is not None:
        return bureau.region
    counties = list(Region.objects.filter(level=RegionLevel.COUNTY)[:2])
    return counties[0] if len(counties) == 1 else None
