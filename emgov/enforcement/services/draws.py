"""双随机: draw enterprises and officer pairs at random for a plan, reproducibly, and publish the result
(publishing is the step of `enforcement.procedures.DRAW`).

A draw stores its inputs (the seed, the sorted candidate enterprise ids, the sorted officer ids, the
recusal pairs among them) and its result; `draw_replay` recomputes the result from the stored inputs.
"""

from __future__ import annotations

import datetime
import random
import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from emgov.core import clock, services
from emgov.core.models import Officer, Region, User
from emgov.core.models.officers import CertificateStatus
from emgov.core.models.regions import bureau_region
from emgov.core.services import VIA_WEB
from emgov.enforcement.models import Draw, InspectionPlan, Recusal
from emgov.enforcement.services.plans import require_live, require_scope
from emgov.enterprises.models import Enterprise

OFFICERS_PER_ENTERPRISE = 2
SEED_BITS = 62


def draw_candidates(
    plan: InspectionPlan, *, town: Region | None = None, industry: str = "", risk_level: str = ""
) -> QuerySet[Enterprise]:
    """The live enterprises of the plan's region (or the bureau's), narrowed by town, industry, risk level."""
    region = plan.region or bureau_region()
    qs = Enterprise.objects.live()
    if region is not None:
        qs = qs.in_region(region)
    if town is not None:
        qs = qs.filter(town=town)
    if industry:
        qs = qs.filter(industry=industry)
    if risk_level:
        qs = qs.filter(risk_level=risk_level)
    return qs


def eligible_officers(plan: InspectionPlan, day: datetime.date) -> QuerySet[Officer]:
    """Officers holding a certificate valid on `day`, of the plan's department when it names one."""
    qs = Officer.objects.filter(status=CertificateStatus.VALID).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )
    if plan.department_id:
        qs = qs.filter(department_id=plan.department_id)
    return qs


def compute_draw(
    *,
    seed: int,
    candidate_ids: Iterable[int],
    officer_ids: Iterable[int],
    recusal_pairs: Iterable[Iterable[int]],
    size: int,
    labels: dict[int, str] | None = None,
) -> list[dict[str, Any]]:
    """The draw itself: a pure function of its inputs, so the same inputs always give the same result."""
    candidates = sorted(candidate_ids)
    officers = sorted(officer_ids)
    recused = {(int(o), int(e)) for o, e in recusal_pairs}
    if size < 1:
        raise ValidationError({"size": _("抽取企业数至少为1")}, code="size_too_small")
    if size > len(candidates):
        raise ValidationError(
            {
                "size": _("符合条件的候选企业只有%(n)s家，不能抽取%(size)s家")
                % {"n": len(candidates), "size": size}
            },
            code="too_few_candidates",
        )
    rng = random.Random(seed)
    result = []
    for enterprise_id in rng.sample(candidates, size):
        pool = [o for o in officers if (o, enterprise_id) not in recused]
        if len(pool) < OFFICERS_PER_ENTERPRISE:
            name = (labels or {}).get(enterprise_id, str(enterprise_id))
            raise ValidationError(
                _("企业“%(name)s”可派的执法人员不足两名（执法证有效且无需回避），无法完成抽查")
                % {"name": name},
                code="too_few_officers",
            )
        pair = sorted(rng.sample(pool, OFFICERS_PER_ENTERPRISE))
        result.append({"enterprise": enterprise_id, "officers": pair})
    return result


def draw_replay(draw: Draw) -> list[dict[str, Any]]:
    """Recompute a stored draw from its stored inputs."""
    return compute_draw(
        seed=draw.seed,
        candidate_ids=draw.candidate_ids,
        officer_ids=draw.officer_ids,
        recusal_pairs=draw.recusal_pairs,
        size=draw.size,
    )


def draw_verified(draw: Draw) -> bool:
    try:
        return draw_replay(draw) == draw.result
    except ValidationError:
        return False


@transaction.atomic
def draw_run(
    *,
    actor: User | None,
    plan: InspectionPlan,
    size: int,
    drawn_on: datetime.date | None = None,
    town: Region | None = None,
    industry: str = "",
    risk_level: str = "",
    seed: int | None = None,
    via: str = VIA_WEB,
) -> Draw:
    """Draw `size` enterprises among the plan's candidates, and two officers for each, and store it all."""
    plan = InspectionPlan.objects.select_for_update().get(pk=plan.pk)
    require_live(plan)
    require_scope(plan, actor)
    drawn_on = drawn_on or clock.today()
    industry = (industry or "").strip()
    candidates = draw_candidates(plan, town=town, industry=industry, risk_level=risk_level)
    labels = dict(candidates.values_list("pk", "name"))
    candidate_ids = sorted(labels)
    officer_ids = sorted(eligible_officers(plan, drawn_on).values_list("pk", flat=True))
    if len(officer_ids) < OFFICERS_PER_ENTERPRISE:
        raise ValidationError(
            _("%(d)s执法证有效的执法人员不足两名，不能抽查") % {"d": drawn_on}, code="too_few_officers"
        )
    pairs = sorted(
        [o, e]
        for o, e in Recusal.objects.live()
        .filter(officer_id__in=officer_ids, enterprise_id__in=candidate_ids)
        .values_list("officer_id", "enterprise_id")
    )
    seed = secrets.randbits(SEED_BITS) if seed is None else seed
    result = compute_draw(
        seed=seed,
        candidate_ids=candidate_ids,
        officer_ids=officer_ids,
        recusal_pairs=pairs,
        size=size,
        labels=labels,
    )
    sequence = Draw.objects.filter(plan=plan).count() + 1
    draw = Draw(
        number=f"{plan.number}-{sequence:02d}",
        plan=plan,
        drawn_on=drawn_on,
        size=size,
        town=town,
        industry=industry,
        risk_level=risk_level or "",
        seed=seed,
        candidate_ids=candidate_ids,
        officer_ids=officer_ids,
        recusal_pairs=pairs,
        result=result,
    )
    return services.record_create(draw, actor=actor, via=via)


def publish(
    draw: Draw, *, actor: User | None, via: str, published_on: datetime.date | None = None
) -> dict[str, Any]:
    """公布: the draw's result goes on the public page (a step of `enforcement.procedures.DRAW`)."""
    return {"published_on": published_on or clock.today()}


def draw_rows(draws: Iterable[Draw]) -> dict[int, list[dict[str, Any]]]:
    """The result of each draw with its enterprises and officers resolved (two queries in all)."""
    draws = list(draws)
    enterprise_ids = {row["enterprise"] for d in draws for row in d.result}
    officer_ids = {o for d in draws for row in d.result for o in row["officers"]}
    enterprises = Enterprise.objects.select_related("town").in_bulk(enterprise_ids)
    officers = Officer.objects.in_bulk(officer_ids)
    return {
        d.pk: [
            {
                "enterprise": enterprises.get(row["enterprise"]),
                "officers": [officers.get(o) for o in row["officers"]],
            }
            for row in d.result
        ]
        for d in draws
    }
