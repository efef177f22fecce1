"""Writes to core records, and the generic create / change / void that every app's services build on.

Every function runs in one transaction and writes its audit rows inside it. `actor` is the user on
whose behalf the write happens; `via` says through what (网页, 接口, 导入 FILE, 命令 NAME).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import audit, hooks
from emgov.core.models import AuditAction, Department, HolidayOverride, Region, User
from emgov.core.models.places import followed_models, replace_dependents

M = TypeVar("M", bound=models.Model)

VIA_WEB = "网页"
VIA_API = "接口"


def stale_error() -> ValidationError:
    return ValidationError(
        _("该记录已被其他人修改，您的修改未保存。请刷新页面查看最新内容后重新修改。"), code="stale"
    )


def require_scope(record: models.Model, actor: User | None, message: str | None = None) -> None:
    """Refuse a write by `actor` to a record placed outside the actor's regions (None: the system)."""
    if actor is not None and hasattr(record, "in_scope_of") and not record.in_scope_of(actor):
        raise ValidationError(message or _("不能处理您负责的区划以外的记录。"), code="out_of_scope")


def record_lock(instance: M, *, expected_version: int | None = None, voided: str | None = None) -> M:
    """The record as stored, locked for this transaction (SELECT … FOR UPDATE) before a step changes it.

    Refused when it has been voided (`voided` is the message) or saved by someone else since
    `expected_version`."""
    current = type(instance)._default_manager.select_for_update(of=("self",)).get(pk=instance.pk)
    if getattr(current, "voided_at", None) is not None:
        raise ValidationError(voided or _("该记录已作废，不能修改。"), code="voided")
    if expected_version is not None and current.version != expected_version:
        raise stale_error()
    return current


def _labels(targets: Iterable[models.Model]) -> list[str]:
    return [str(t) for t in targets]


@transaction.atomic
def record_create(
    instance: M,
    *,
    actor: User | None,
    via: str = VIA_WEB,
    m2m: dict[str, Iterable[models.Model]] | None = None,
    reason: str = "",
) -> M:
    """Validate and store a new record, with its many-to-many links, in one audited step."""
    instance.full_clean()
    instance.save(force_insert=True)
    changes = {k: [None, v] for k, v in audit.snapshot(instance).items() if v not in (None, "")}
    for name, targets in (m2m or {}).items():
        targets = list(targets)
        getattr(instance, name).set(targets)
        if targets:
            changes[name] = [None, _labels(targets)]
    audit.record(instance, action=AuditAction.CREATE, actor=actor, via=via, changes=changes, reason=reason)
    return instance


@transaction.atomic
def record_update(
    instance: M,
    *,
    actor: User | None,
    changes: dict[str, Any],
    expected_version: int | None = None,
    via: str = VIA_WEB,
    m2m: dict[str, Iterable[models.Model]] | None = None,
    reason: str = "",
) -> M:
    """Apply `changes` (field name → new value) and `m2m` (field name → records) if nobody else saved the
    record since `expected_version`; one version step and one audit entry, with `reason` if given."""
    model = type(instance)
    current = record_lock(instance, expected_version=expected_version)
    before = audit.snapshot(current)
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean()
    changed = audit.diff(before, audit.snapshot(current))
    links: dict[str, list[models.Model]] = {}
    for name, targets in (m2m or {}).items():
        targets = list(targets)
        old = list(getattr(current, name).all())
        if {o.pk for o in old} != {o.pk for o in targets}:
            links[name] = targets
            changed[name] = [_labels(old), _labels(targets)]
    if not changed:
        return current
    values = {f.attname: getattr(current, f.attname) for f in audit.audited_fields(current)}
    if getattr(model, "place_field", None):
        values[f"{model.place_field}_id"] = current.placing_region_id()
    updated = model._default_manager.filter(pk=current.pk, version=current.version).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    if updated != 1:
        raise stale_error()
    if model in followed_models():
        replace_dependents(model, [current.pk])
    for name, targets in links.items():
        getattr(current, name).set(targets)
    current.refresh_from_db()
    audit.record(current, action=AuditAction.CHANGE, actor=actor, via=via, changes=changed, reason=reason)
    return current


@transaction.atomic
def record_void(instance: M, *, actor: User | None, reason: str, via: str = VIA_WEB) -> M:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("作废必须填写原因。")}, code="reason_required")
    model = type(instance)
    current = model._default_manager.select_for_update().get(pk=instance.pk)
    if current.voided_at is not None:
        raise ValidationError(
            _("该记录已于%(at)s作废。") % {"at": f"{timezone.localtime(current.voided_at):%Y-%m-%d}"},
            code="voided",
        )
    now = timezone.now()
    model._default_manager.filter(pk=current.pk).update(
        voided_at=now, voided_by=actor, void_reason=reason, version=F("version") + 1, updated_at=now
    )
    current.refresh_from_db()
    audit.record(current, action=AuditAction.VOID, actor=actor, via=via, changes={}, reason=reason)
    return current


# Regions -----------------------------------------------------------------------------------------


@transaction.atomic
def region_create(*, actor: User | None, via: str = VIA_WEB, **fields: Any) -> Region:
    region = Region(**fields)
    region.full_clean(exclude=["path"])
    region.path = region.compute_path()
    return record_create(region, actor=actor, via=via)


@transaction.atomic
def region_update(
    region: Region,
    *,
    actor: User | None,
    changes: dict[str, Any],
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> Region:
    old_path = region.path
    probe = Region.objects.get(pk=region.pk)
    for name, value in changes.items():
        setattr(probe, name, value)
    changes = {**changes, "path": probe.compute_path()}
    region = record_update(region, actor=actor, changes=changes, expected_version=expected_version, via=via)
    if region.path != old_path:
        for child in Region.objects.filter(path__startswith=old_path).exclude(pk=region.pk).order_by("path"):
            child.path = region.path + child.path[len(old_path) :]
            child.save(update_fields=["path"])
    return region


# The working-day calendar ----------------------------------------------------------------------


def due_date_recompute_reason() -> str:
    """The reason written on the audit entry of every due date a holiday change moves."""
    return _("节假日调整后重新计算期限")


def due_dates_recompute(*, actor: User | None, dates: Iterable[Any], via: str = VIA_WEB) -> int:
    """Have every app recompute the due dates it stores whose period may include one of `dates` (days
    whose working-day status changed); each changed record is audited. Answers how many changed."""
    dates = sorted(set(dates))
    if not dates:
        return 0
    counts = hooks.recompute_due_dates(actor=actor, dates=dates, reason=due_date_recompute_reason(), via=via)
    return sum(counts)


@transaction.atomic
def holiday_override_create(*, actor: User | None, via: str = VIA_WEB, **fields: Any) -> HolidayOverride:
    """节假日调整: a new override; the stored due dates it moves are recomputed in the same transaction."""
    override = record_create(HolidayOverride(**fields), actor=actor, via=via)
    due_dates_recompute(actor=actor, dates=[override.date], via=via)
    return override


@transaction.atomic
def holiday_override_update(
    override: HolidayOverride,
    *,
    actor: User | None,
    changes: dict[str, Any],
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> HolidayOverride:
    """A changed override: the due dates around its old and its new date are recomputed."""
    before = HolidayOverride.objects.get(pk=override.pk)
    override = record_update(
        override, actor=actor, changes=changes, expected_version=expected_version, via=via
    )
    if (override.date, override.is_workday) != (before.date, before.is_workday):
        due_dates_recompute(actor=actor, dates=[before.date, override.date], via=via)
    return override


# Departments -------------------------------------------------------------------------------------


def department_create(*, actor: User | None, via: str = VIA_WEB, **fields: Any) -> Department:
    return record_create(Department(**fields), actor=actor, via=via)


# Users -------------------------------------------------------------------------------------------


def _user_snapshot(user: User) -> dict[str, Any]:
    return {
        "full_name": user.full_name,
        "role": user.role,
        "department": str(user.department) if user.department_id else None,
        "is_active": user.is_active,
        "regions": sorted(r.name for r in user.regions.all()),
    }


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    regions: list[Region],
    via: str = VIA_WEB,
    **fields: Any,
) -> User:
    user = User(username=username, **fields)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    user.regions.set(regions)
    audit.record(
        user,
        action=AuditAction.CREATE,
        actor=actor,
        via=via,
        changes={k: [None, v] for k, v in _user_snapshot(user).items() if v not in (None, "", [])},
    )
    return user


@transaction.atomic
def user_update(user: User, *, actor: User | None, changes: dict[str, Any], via: str = VIA_WEB) -> User:
    current = User.objects.select_for_update().get(pk=user.pk)
    before = _user_snapshot(current)
    regions = changes.pop("regions", None)
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean(exclude=["password"])
    current.save()
    if regions is not None:
        current.regions.set(regions)
    changed = audit.diff(before, _user_snapshot(current))
    if changed:
        audit.record(current, action=AuditAction.CHANGE, actor=actor, via=via, changes=changed)
    return current


@transaction.atomic
def user_set_password(user: User, *, actor: User | None, password: str, via: str = VIA_WEB) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(user, action=AuditAction.CHANGE, actor=actor, via=via, changes={}, reason=_("重置密码"))
