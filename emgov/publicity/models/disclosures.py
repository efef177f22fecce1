"""主动公开: the items the bureau publishes of its own accord."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.core.models.fields import region_field


class DisclosureItem(DomainModel):
    """政府信息公开: an item of proactive disclosure (主动公开)."""

    number = models.CharField(_("编号"), max_length=80, unique=True)
    title = models.CharField(_("标题"), max_length=300)
    category = models.CharField(_("类别"), max_length=30, db_index=True)
    published_on = models.DateField(_("发布日期"), db_index=True)
    region = region_field()

    scope = ("region",)

    class Meta:
        verbose_name = _("政府信息公开")
        verbose_name_plural = _("政府信息公开")
        ordering = ["-published_on", "-number"]

    def __str__(self) -> str:
        return self.title
