"""The step of a normative document (declared in `legal.procedures.NORMATIVE_DOCUMENT`): the outcome of
its evaluation and clean-up (清理)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import User
from emgov.legal.models import CleanupResult, NormativeDocument, NormativeStatus


def clean_up(
    document: NormativeDocument,
    *,
    actor: User | None,
    via: str,
    cleanup_result: str,
    cleanup_on: datetime.date | None,
    valid_until: datetime.date | None = None,
) -> NormativeDocument:
    """延期保留 with a new 有效期至, 修改, or 废止 (the document leaves force). The history names the result."""
    if cleanup_result not in CleanupResult.values:
        raise ValidationError(
            {"cleanup_result": _("清理结果须为延期保留、修改或废止")}, code="cleanup_result"
        )
    if cleanup_on is None:
        raise ValidationError({"cleanup_on": _("必须填写清理日期")}, code="cleanup_on_required")
    if cleanup_on < document.effective_on:
        raise ValidationError({"cleanup_on": _("清理日期不能早于施行日期")}, code="cleanup_before_effective")
    if document.cleanup_on and cleanup_on < document.cleanup_on:
        raise ValidationError(
            {"cleanup_on": _("清理日期不能早于上次清理日期%(d)s") % {"d": document.cleanup_on}},
            code="cleanup_before_last",
        )
    changes: dict[str, object] = {"cleanup_result": cleanup_result, "cleanup_on": cleanup_on}
    if cleanup_result == CleanupResult.RETAIN:
        if valid_until is None:
            raise ValidationError(
                {"valid_until": _("延期保留必须填写新的有效期至")}, code="new_valid_until_required"
            )
        if document.valid_until and valid_until <= document.valid_until:
            raise ValidationError(
                {"valid_until": _("延期保留后的有效期至须晚于原有效期至%(d)s") % {"d": document.valid_until}},
                code="new_valid_until_not_later",
            )
        changes["valid_until"] = valid_until
    elif cleanup_result == CleanupResult.REPEAL:
        changes["status"] = NormativeStatus.REPEALED
    elif valid_until is not None:
        changes["valid_until"] = valid_until
    return services.record_update(
        document,
        actor=actor,
        changes=changes,
        expected_version=document.version,
        via=via,
        reason=_("规范性文件清理：%(r)s") % {"r": cleanup_result},
    )
