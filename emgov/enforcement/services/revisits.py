"""回头看: a re-inspection round opened on the enterprises visited the year before (`queries.revisit_candidates`)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from emgov.core import services
from emgov.core.models import Region, User
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import Operation, OperationKind, Visit
from emgov.enforcement.queries import DEFAULT_REVISIT_INDUSTRY, revisit_candidates


@transaction.atomic
def revisit_propose(
    *,
    actor: User,
    visits: QuerySet[Visit],
    year: int,
    number: str,
    start_date: datetime.date,
    industry: str = DEFAULT_REVISIT_INDUSTRY,
    name: str = "",
    via: str = VIA_WEB,
) -> Operation:
    """Open a 回头看 round in year+1 whose planned targets are `revisit_candidates(visits, year, industry)`."""
    enterprises = list(revisit_candidates(visits, year, industry))
    if not enterprises:
        raise ValidationError(
            _("%(year)s年没有“%(industry)s”企业的检查记录，无法生成回头看行动")
            % {"year": year, "industry": industry},
            code="no_candidates",
        )
    operation = Operation(
        number=number.strip(),
        kind=OperationKind.REVISIT,
        name=name.strip() or _("%(year)s年%(industry)s回头看") % {"year": year + 1, "industry": industry},
        start_date=start_date,
        region=_own_region(actor),
    )
    if not operation.in_scope_of(actor):
        raise ValidationError(_("不能把记录放在您负责的区划以外。"), code="out_of_scope")
    return services.record_create(
        operation,
        actor=actor,
        via=via,
        m2m={"planned_enterprises": enterprises},
        reason=_("根据%(year)s年检查记录生成回头看（%(industry)s，%(n)s家企业）")
        % {"year": year, "industry": industry, "n": len(enterprises)},
    )


def _own_region(actor: User) -> Region | None:
    """A user of one region (a town) files the round there; district users leave it to the bureau."""
    if actor.sees_everything:
        return None
    regions = list(actor.regions.all()[:2])
    return regions[0] if len(regions) == 1 else None
