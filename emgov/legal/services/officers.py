"""The steps of an enforcement certificate (执法证, declared in `legal.procedures.CERTIFICATE`): suspend
(暂扣), revoke (注销), reinstate (恢复), each with its reason in the officer's history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import Officer, User
from emgov.core.workflow import StepRun


def certificate_change(status: str, wording: Any) -> StepRun:
    """The run of a step that puts the certificate in `status`; the history reads “<wording>：<reason>”."""

    def run(officer: Officer, *, actor: User | None, via: str, reason: str) -> Officer:
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(
                {"reason": _("%(step)s必须填写原因") % {"step": wording}}, code="reason_required"
            )
        return services.record_update(
            officer,
            actor=actor,
            changes={"status": status},
            expected_version=officer.version,
            via=via,
            reason=f"{wording}：{reason}",
        )

    return run
