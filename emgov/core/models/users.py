from __future__ import annotations

import datetime
import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "系统管理员", _("系统管理员")
    LEADER = "局领导", _("局领导")
    LEGAL = "法制员", _("法制员")
    OFFICER = "执法人员", _("执法人员")
    TOWN = "镇街人员", _("镇街人员")


class User(AbstractUser):
    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices, default=Role.OFFICER)
    regions = models.ManyToManyField(
        "core.Region", verbose_name=_("负责区划"), blank=True, related_name="users"
    )
    department = models.ForeignKey(
        "core.Department", verbose_name=_("所属部门"), null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def sees_everything(self) -> bool:
        return self.is_superuser or self.role == Role.ADMIN

    def region_paths(self) -> list[str]:
        return self._regions()[0]

    @property
    def covers_every_region(self) -> bool:
        """Whether one of the user's regions holds every region of the database (a province's leader in
        the province's own database): the user's scope is then every record, and no filter applies."""
        return self._regions()[1]

    def _regions(self) -> tuple[list[str], bool]:
        """The user's region paths and whether one of them covers every region: one statement, kept."""
        cached = getattr(self, "_region_scope", None)
        if cached is None:
            from emgov.core.models.regions import Region

            reach = Region.holds_every_region_q()
            rows = list(self.regions.annotate(reach=reach).values_list("path", "reach"))
            cached = ([path for path, _ in rows], any(everything for _, everything in rows))
            self._region_scope = cached
        return cached


TOKEN_DAYS_DEFAULT = 90
TOKEN_DAYS_MAX = 366


def token_default_expiry():
    return timezone.now() + datetime.timedelta(days=TOKEN_DAYS_DEFAULT)


class ApiTokenQuerySet(models.QuerySet):
    def usable(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True)


class ApiToken(models.Model):
    """A token for scripts calling the JSON API; only its hash is stored. It expires, its owner or the
    administrator revokes it, and a password change or a deactivation of its user revokes it."""

    user = models.ForeignKey(
        User, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("名称"), max_length=100)
    prefix = models.CharField(_("前缀"), max_length=8, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    expires_at = models.DateTimeField(_("有效期至"), default=token_default_expiry)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    last_used_from = models.CharField(_("最近使用地址"), max_length=45, blank=True)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)
    revoked_reason = models.CharField(_("吊销原因"), max_length=200, blank=True)

    objects = ApiTokenQuerySet.as_manager()
    audit_exclude = ("digest", "last_used_at", "last_used_from")

    class Meta:
        verbose_name = _("API令牌")
        verbose_name_plural = _("API令牌")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def usable(self) -> bool:
        return self.revoked_at is None and not self.expired

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()
