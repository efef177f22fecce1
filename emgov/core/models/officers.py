from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models.base import ReferenceModel


class CertificateStatus(models.TextChoices):
    VALID = "有效", _("有效")
    SUSPENDED = "暂扣", _("暂扣")
    REVOKED = "注销", _("注销")


class Officer(ReferenceModel):
    """执法人员 and the enforcement certificate (执法证) they hold."""

    certificate_number = models.CharField(_("执法证号"), max_length=30, unique=True)
    name = models.CharField(_("姓名"), max_length=50)
    department = models.ForeignKey(
        "core.Department", verbose_name=_("所属部门"), on_delete=models.PROTECT, related_name="officers"
    )
    valid_until = models.DateField(_("证件有效期至"), null=True, blank=True)
    title = models.CharField(_("职务"), max_length=50, blank=True)
    status = models.CharField(
        _("证件状态"), max_length=4, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    legal_qualification_number = models.CharField(
        _("法律职业资格证书编号"),
        max_length=30,
        blank=True,
        help_text=_("持有国家法律职业资格的人员填写；首次从事法制审核的人员须持有（行政处罚法第五十八条）"),
    )
    user = models.OneToOneField(
        "core.User",
        verbose_name=_("系统账号"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officer",
    )

    class Meta:
        verbose_name = _("执法人员")
        verbose_name_plural = _("执法人员")
        ordering = ["department__short_name", "certificate_number"]

    def __str__(self) -> str:
        return f"{self.name}（{self.certificate_number}）"

    def certificate_valid_on(self, day: datetime.date) -> bool:
        if self.status != CertificateStatus.VALID:
            return False
        return self.valid_until is None or day <= self.valid_until
