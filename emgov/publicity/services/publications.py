"""双公示: publication of penalty and licensing decisions, their withdrawal (撤销公示) and republication.

One mechanism serves both kinds of decision: a `Publication` record per publication, and the
decision's own 公示日期 (`published_on`) kept in step through `core.services.record_update`, so that
the figures (`double_publicity.*_records`) and the public pages follow the publication in force.

`publication_publish` and `publication_withdraw` provide `core.hooks.publish_decision` and
`withdraw_decision`, through which the cases and licensing apps publish and withdraw their decisions;
the publications pages and the API call them too. A withdrawal is the step "withdraw" of the
publication's procedure (`publicity.procedures.PUBLICATION`), whose function is `withdraw` below.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.cases.models import PenaltyCase
from emgov.core import clock, services
from emgov.core.models import User
from emgov.core.services import VIA_WEB
from emgov.licensing.models import LicensingCase
from emgov.publicity.models import Publication, PublicationKind

Decision = PenaltyCase | LicensingCase


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


def publication_in_force(case: Decision) -> Publication | None:
    return publications_of(case).filter(withdrawn_on__isnull=True).order_by("-published_on", "-pk").first()


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
            {
                "published_on": ValidationError(
                    _("公示日期不能早于决定日期（%(d)s）。") % {"d": case.decided_on.isoformat()},
                    code="published_before_decided",
                )
            },
            code="published_before_decided",
        )
    if on > clock.today():
        raise ValidationError(
            {"published_on": ValidationError(_("公示日期不能晚于今天。"), code="published_in_future")},
            code="published_in_future",
        )


def _record(case: Decision, **fields: Any) -> Publication:
    return Publication(
        kind=decision_kind(case),
        decision_number=case.decision_number or "",
        party_name=_party(case),
        decided_on=case.decided_on,
        **_links(case),
        **fields,
    )


@transaction.atomic
def publication_publish(
    *, actor: User | None, case: Decision, on: datetime.date | None = None, via: str = VIA_WEB
) -> Publication:
    """公示: publish a decision on `on` (today by default); after a withdrawal this republishes it."""
    current = _locked(case)
    _require_scope(current, actor)
    on = on or clock.today()
    _check_publishable(current, on)
    again = publications_of(current).filter(withdrawn_on__isnull=False).exists()
    reason = _("更正后重新公示") if again else ""
    services.record_update(current, actor=actor, changes={"published_on": on}, via=via, reason=reason)
    publication = _record(current, published_on=on, published_by=actor)
    return services.record_create(publication, actor=actor, via=via, reason=reason)


@transaction.atomic
def publication_withdraw(
    *,
    actor: User | None,
    case: Decision,
    reason: str,
    on: datetime.date | None = None,
    via: str = VIA_WEB,
    expected_version: int | None = None,
) -> Publication:
    """撤销公示 of a published decision: the step "withdraw" of its publication in force.

    A decision published before publication records were kept (an imported or seeded 公示日期) gets
    its record first. `expected_version` is the publication's version the user saw, if any.
    """
    from emgov.publicity.procedures import PUBLICATION  # the procedure's steps are this module's

    current = _locked(case)
    _require_scope(current, actor)
    publication = publication_in_force(current)
    if publication is None:
        if not current.published_on:
            raise ValidationError(_("撤销公示：该决定尚未公示。"), code="not_published")
        publication = services.record_create(
            _record(current, published_on=current.published_on), actor=actor, via=via
        )
    return PUBLICATION.take(
        "withdraw",
        publication,
        actor=actor,
        expected_version=expected_version,
        via=via,
        withdraw_reason=reason,
        withdrawn_on=on,
    )


# The steps of a publication (declared in `publicity.procedures`) ---------------------------------


def withdraw(
    publication: Publication,
    *,
    actor: User | None,
    via: str,
    withdraw_reason: str,
    withdrawn_on: datetime.date | None = None,
) -> dict[str, Any]:
    """撤销公示, with the reason (行政处罚法第四十八条): the decision's 公示日期 is cleared, so it leaves
    the public pages and the figures until it is published again (`publication_publish`)."""
    reason = (withdraw_reason or "").strip()
    if not reason:
        raise ValidationError(
            {"withdraw_reason": ValidationError(_("撤销公示必须填写原因。"), code="reason_required")},
            code="reason_required",
        )
    decision = _locked(publication.decision)
    on = withdrawn_on or clock.today()
    if on < publication.published_on:
        raise ValidationError(
            {
                "withdrawn_on": ValidationError(
                    _("撤销公示日期不能早于公示日期（%(d)s）。")
                    % {"d": publication.published_on.isoformat()},
                    code="withdrawn_before_published",
                )
            },
            code="withdrawn_before_published",
        )
    services.record_update(decision, actor=actor, changes={"published_on": None}, via=via, reason=reason)
    return {"withdrawn_on": on, "withdraw_reason": reason, "withdrawn_by": actor}
