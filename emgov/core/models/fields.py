"""Fields that many ledgers share, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def region_field() -> models.ForeignKey:
    """区划代码: the region a record belongs to when it names no enterprise (see figures.md, "in the region")."""
    return models.ForeignKey(
        "core.Region",
        verbose_name=_("区划"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


def town_field() -> models.ForeignKey:
    """所属镇街: the town a team or a stock belongs to."""
    return models.ForeignKey(
        "core.Region",
        verbose_name=_("所属镇街"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
