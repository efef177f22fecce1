"""回头看: the enterprises a re-inspection round goes back to."""

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
from emgov.enterprises.models import Enterprise

DEFAULT_REVISIT_INDUSTRY = "村级工业园"


def revisit_candidates(
    visits: QuerySet[Visit], year: int, industry: str = DEFAULT_REVISIT_INDUSTRY
) -> QuerySet[Enterprise]:
    """Distinct non-voided enterprises of `industry` with a non-voided visit in `year` among `visits`.

    `visits` is already scoped by the caller; the result is ordered by town then name.
    """
    visited = visits.filter(voided_at__isnull=True, date__year=year).values("enterprise_id")
    return (
        Enterprise.objects.filter(voided_at__isnull=True, industry=industry, pk__in=visited)
        .select_related("town")
        .order_by("town__code", "name", "pk")
    )


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
