"""Records of the preparedness tests, made through the services as the pages make them."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from emgov.core import services
from emgov.core.models import Department, Region
from emgov.preparedness.models import (
    Drill,
    EarlyWarning,
    EmergencyPlan,
    EventType,
    Material,
    RescueTeam,
)


def dept(short_name: str) -> Department:
    return Department.objects.get(short_name=short_name)


def event_type(
    name: str = "台风", category: str = "自然灾害", lead: str = "应急", support=("消防",)
) -> EventType:
    return services.record_create(
        EventType(name=name, category=category, lead_department=dept(lead)),
        actor=None,
        m2m={"supporting_departments": [dept(s) for s in support]},
    )


def plan(
    number: str = "YA-001",
    *,
    kind: str = "专项应急预案",
    published_on=datetime.date(2020, 3, 1),
    events=(),
    region: Region | None = None,
    **fields,
) -> EmergencyPlan:
    if published_on:
        fields.setdefault("approved_on", published_on)
        fields.setdefault("approved_by", "佛山市南海区人民政府")
    return services.record_create(
        EmergencyPlan(
            number=number,
            name=f"{number}应急预案",
            kind=kind,
            department=dept("应急"),
            published_on=published_on,
            region=region,
            **fields,
        ),
        actor=None,
        m2m={"event_types": list(events)},
    )


def drill(
    number: str, day: datetime.date, *, plan: EmergencyPlan | None = None, region=None, **fields
) -> Drill:
    return services.record_create(
        Drill(
            number=number,
            name=f"{number}演练",
            date=day,
            form="实战演练",
            plan=plan,
            department=dept("应急"),
            region=region,
            **fields,
        ),
        actor=None,
    )


def material(town: Region, *, quantity="100", minimum=None, valid_until=None, number="WZ-1") -> Material:
    return services.record_create(
        Material(
            number=number,
            name="救生衣",
            category="防汛抗旱",
            quantity=Decimal(quantity),
            unit="件",
            location=f"{town.name}应急物资仓库",
            town=town,
            valid_until=valid_until,
            minimum=Decimal(minimum) if minimum else None,
        ),
        actor=None,
    )


def team(town: Region, number: str = "DW-1", **fields) -> RescueTeam:
    return services.record_create(
        RescueTeam(
            number=number, name=f"{town.name}应急救援中队", kind="基层应急", members=30, town=town, **fields
        ),
        actor=None,
    )


def warning(
    event: EventType, *, level: str = "黄色", number: str = "YJ-001", hours: int = 24
) -> EarlyWarning:
    now = timezone.now() - datetime.timedelta(hours=max(0, 1 - hours))
    return services.record_create(
        EarlyWarning(
            number=number,
            headline=f"南海区{event.name}{level}预警",
            level=level,
            event_type=event,
            area="南海区全境",
            onset=now,
            expires=timezone.now() + datetime.timedelta(hours=hours),
            description="预计未来24小时内有强降雨。",
            measures="停止户外作业，危险地带人员撤离。",
        ),
        actor=None,
    )
