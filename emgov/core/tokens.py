"""API tokens: created with a name and an expiry, shown once, used by scripts, revoked by their owner or
the administrator, and revoked by themselves when the user's password changes or the user is deactivated.
Each creation and revocation is an audit entry; each use updates the token's last use (time, address)."""

from __future__ import annotations

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import audit
from emgov.core.models import ApiToken, AuditAction, User
from emgov.core.models.users import TOKEN_DAYS_MAX

VIA_COMMAND = "命令"
VIA_SYSTEM = "系统"
REVOKED_PASSWORD = "用户密码已更改"
REVOKED_INACTIVE = "用户已停用"
# A use within this many seconds of the last recorded one is not written again (one write per minute).
TOUCH_INTERVAL = 60


def may_manage(actor: User, owner: User) -> bool:
    return actor.is_active and (actor.pk == owner.pk or actor.sees_everything)


@transaction.atomic
def token_create(*, actor: User | None, user: User, name: str, days: int, via: str) -> tuple[ApiToken, str]:
    """A new token for `user`, valid for `days` days; returns it with the raw value (shown once)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("请填写令牌名称（例如用途或脚本名）。")}, code="token_name")
    if not 1 <= days <= TOKEN_DAYS_MAX:
        raise ValidationError(
            {"days": _("有效期应为1至%(max)d天。") % {"max": TOKEN_DAYS_MAX}}, code="token_days"
        )
    if not user.is_active:
        raise ValidationError(_("用户已停用，不能创建令牌。"), code="token_user_inactive")
    raw = _new_secret()
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=raw[:8],
        digest=ApiToken.hash(raw),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    audit.record(
        token,
        action=AuditAction.CREATE,
        actor=actor,
        via=via,
        changes={k: [None, v] for k, v in audit.snapshot(token).items() if v not in (None, "")},
    )
    return token, raw


@transaction.atomic
def token_revoke(token: ApiToken, *, actor: User | None, reason: str, via: str) -> None:
    updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason=reason[:200]
    )
    if updated:
        audit.record(token, action=AuditAction.VOID, actor=actor, via=via, changes={}, reason=reason)


def tokens_revoke_all(user: User, *, actor: User | None, reason: str, via: str) -> int:
    live = list(ApiToken.objects.filter(user=user, revoked_at__isnull=True))
    for token in live:
        token_revoke(token, actor=actor, reason=reason, via=via)
    return len(live)


def token_authenticate(raw: str, address: str) -> User | None:
    """The user of a usable token, recording its use; None for an unknown, expired or revoked one."""
    found = ApiToken.objects.usable().select_related("user").filter(digest=ApiToken.hash(raw)).first()
    if found is None:
        return None
    now = timezone.now()
    last = found.last_used_at
    if last is None or (now - last).total_seconds() >= TOUCH_INTERVAL or found.last_used_from != address:
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now, last_used_from=address[:45])
    return found.user


def _revoke_on_credentials_change(sender, instance: User, update_fields=None, **kwargs) -> None:
    """A password change or a deactivation, by any path (pages, admin, command), revokes the tokens."""
    if instance.pk is None or (
        update_fields is not None and not {"password", "is_active"} & set(update_fields)
    ):
        return
    before = User.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before is None:
        return
    if before["is_active"] and not instance.is_active:
        reason = REVOKED_INACTIVE
    elif before["password"] != instance.password:
        reason = REVOKED_PASSWORD
    else:
        return
    tokens_revoke_all(instance, actor=None, reason=reason, via=VIA_SYSTEM)


def connect() -> None:
    pre_save.connect(_revoke_on_credentials_change, sender=User, dispatch_uid="emgov-token-revocation")


def _new_secret() -> str:
    """A token's secret, whose first characters (its prefix) never start with "-": the prefix is typed
    after `api_token --revoke`, where a leading "-" would be read as an option."""
    while (raw := secrets.token_urlsafe(32)).startswith("-"):
        pass
    return raw
