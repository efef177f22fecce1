"""双公示: publication of penalty and licensing decisions, their withdrawal (撤销公示) and republication.

One mechanism serves both kinds of decision: a `Publication` record per publication, and the
decision's own 公示日期 (`published_on`) kept in step through `core.services.record_update`, so that
the figures (`double_publicity.*_records`) and the public pages follow the publication in force.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.cases.models import PenaltyCase
from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.core.workdays import WorkdayCalendar
from emgov.licensing.models import PUBLICATION_WORKDAYS, LicensingCase
from emgov.publicity.models import Publication, PublicationKind

Decision = PenaltyCase | LicensingCase


def publication_due(decided_on: datetime.date | None, calendar: WorkdayCalendar | None = None):
    """双公示: the last day to publish a decision, 7 working days after it (安全生产法第七十八条)."""
    if decided_on is None:
        return None
    return (calendar or WorkdayCalendar()).add_workdays(decided_on, PUBLICATION_WORKDAYS)


def decision_kind(case: Decision) -> str:
    if isinstance(case, PenaltyCase):
        return PublicationKind.PENALTY
    if isinstance(case, LicensingCase):
        return PublicationKind.LICENSING
    raise TypeError(f"not a decision: {case!r}")


def _party(case: Decision) -> str:
    return case.party_name if isinstance(case, PenaltyCase) else case.applicant


def _links(case: Decision) -> dict[str, Any]:
    if isinstance(case, PenaltyCase):
        return {"penalty_case": case}
    return {"licensing_case": case}


def publications_of(case: Decision):
    return Publication.objects.filter(**_links(case)).live()


def _locked(case: Decision) -> Decision:
    return services.record_lock(case, voided=_("该决定已作废，不能办理公示。"))


def _require_scope(case: Decision, actor: User | None) -> None:
    services.require_scope(case, actor, _("不能公示您负责的区划以外的决定。"))


def _check_publishable(case: Decision, on: datetime.date) -> None:
    if isinstance(case, PenaltyCase):
        if not case.decided_on:
            raise ValidationError(
                _("公示：该案件尚未作出处罚决定，不能公示。"), code="publish_before_decision"
            )
    else:
        if not (case.result and case.decided_on):
            raise ValidationError(_("公示：该案件尚未作出决定，不能公示。"), code="publish_before_decision")
        if not case.needs_publication:
            raise ValidationError(
                _("公示：“%(r)s”的%(cat)s决定无需双公示。") % {"r": case.result, "cat": case.category},
                code="publication_not_needed",
            )
    if case.published_on:
        raise ValidationError(
            _("公示：该决定已于%(d)s公示。") % {"d": case.published_on.isoformat()}, code="already_published"
        )
    if on < case.decided_on:
        raise ValidationError(
            {"published_on": _("公示日期不能早于决定日期（%(d)s）。") % {"d": case.decided_on.isoformat()}},
            code="published_before_decided",
        )
    if on > timezone.localdate():
        raise ValidationError({"published_on": _("公示日期不能晚于今天。")}, code="published_in_future")


@transaction.atomic
def publication_publish(
    *, actor: User | None, case: Decision, on: datetime.date | None = None, via: str = VIA_WEB
) -> Publication:
    """公示: publish a decision on `on` (today by default); after a withdrawal this republishes it."""
    current = _locked(case)
    _require_scope(current, actor)
    on = on or timezone.localdate()
    _check_publishable(current, on)
    again = publications_of(current).filter(withdrawn_on__isnull=False).exists()
    reason = _("更正后重新公示") if again else ""
    services.record_update(current, actor=actor, changes={"published_on": on}, via=via, reason=reason)
    publication = Publication(
        kind=decision_kind(current),
        decision_number=current.decision_number or "",
        party_name=_party(current),
        decided_on=current.decided_on,
        published_on=on,
        published_by=actor,
        **_links(current),
    )
    return services.record_create(publication, actor=actor, via=via, reason=reason)


def publication_in_force(case: Decision) -> Publication | None:
    return publications_of(case).filter(withdrawn_on__isnull=True).order_by("-published_on", "-pk").first()


@transaction.atomic
def publication_withdraw(
    *,
    actor: User | None,
    case: Decision,
    reason: str,
    on: datetime.date | None = None,
    via: str = VIA_WEB,
) -> Publication:
    """撤销公示: take a published decision off publication, with the reason (行政处罚法第四十八条).

    The decision's 公示日期 is cleared, so it leaves the public pages and the figures until it is
    published again (`publication_publish`) after the correction.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"withdraw_reason": _("撤销公示必须填写原因。")}, code="reason_required")
    current = _locked(case)
    _require_scope(current, actor)
    if not current.published_on:
        raise ValidationError(_("撤销公示：该决定尚未公示。"), code="not_published")
    on = on or timezone.localdate()
    if on < current.published_on:
        raise ValidationError(
            {
                "withdrawn_on": _("撤销公示日期不能早于公示日期（%(d)s）。")
                % {"d": current.published_on.isoformat()}
            },
            code="withdrawn_before_published",
        )
    publication = publication_in_force(current)
    if publication is None:
        # Published before publication records were kept (imported or seeded 公示日期): record it now.
        publication = services.record_create(
            Publication(
                kind=decision_kind(current),
                decision_number=current.decision_number or "",
                party_name=_party(current),
                decided_on=current.decided_on,
                published_on=current.published_on,
                **_links(current),
            ),
            actor=actor,
            via=via,
        )
    publication = services.record_update(
        publication,
        actor=actor,
        changes={"withdrawn_on": on, "withdraw_reason": reason, "withdrawn_by": actor},
        via=via,
        reason=reason,
    )
    services.record_update(current, actor=actor, changes={"published_on": None}, via=via, reason=reason)
    return publication
