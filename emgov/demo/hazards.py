"""Hazards found on the visits and their rectification loop, and the enforcement documents (执法文书) issued."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from emgov.demo import catalog
from emgov.demo.dates import YEAR_END
from emgov.demo.numbers import DocumentNumbers
from emgov.demo.targets import AS_OF
from emgov.demo.world import BUREAU, Hazard, Visit, World

DAY = datetime.timedelta(days=1)
MAJOR_SHARE = {"joint": 0.03, "other": 0.015}
OVERDUE_SHARE = 0.03
PLACES = {
    "建筑施工": ("1号楼施工区", "2号楼施工区", "3号楼施工区", "地下室施工区", "基坑施工区"),
    "人员密集场所": ("一楼", "二楼", "三楼", "地下一层", "后场区域"),
    "燃气": ("储瓶间", "营业场所", "后厨", "供应站"),
    "危险化学品": ("甲类仓库", "储罐区", "装卸区", "生产车间"),
    "仓储物流": ("A仓", "B仓", "C仓", "装卸平台"),
}
FACTORY_PLACES = (
    "一号车间",
    "二号车间",
    "三号车间",
    "仓库",
    "配电房",
    "除尘房",
    "喷涂车间",
    "原料仓",
    "成品仓",
)


def build_hazards(world: World) -> None:
    rng = world.rng
    for visit in world.visits:
        joint = visit.operation is not None and visit.operation.kind == "联合执法"
        places = PLACES.get(visit.firm.industry, FACTORY_PLACES)
        first = rng.randrange(1000)
        for k in range(visit.hazard_count):
            major = (visit.suspend and k == 0) or rng.random() < MAJOR_SHARE["joint" if joint else "other"]
            if major:
                description, basis = catalog.major_hazard(visit.firm.industry, visit.date, first + k)
                deadline = visit.date + rng.choice([30, 45, 60, 90]) * DAY
            else:
                partner = "" if visit.department == BUREAU else visit.department
                description, basis, located = catalog.general_hazard(visit.firm.industry, first, k, partner)
                deadline = visit.date + rng.choice([7, 10, 15, 15, 20, 30]) * DAY
                basis = basis if rng.random() < 0.6 else ""
                description = f"{rng.choice(places)}{description}" if located else description
            rectified, reviewed, result = _closure(rng, visit.date, deadline)
            world.hazards.append(
                Hazard(
                    number=f"{visit.number}-{k + 1:02d}",
                    visit=visit,
                    description=description,
                    grade="重大事故隐患" if major else "一般隐患",
                    basis=basis,
                    deadline=deadline,
                    rectified_on=rectified,
                    reviewed_on=reviewed,
                    review_result=result,
                )
            )


def _closure(
    rng: random.Random, found: datetime.date, deadline: datetime.date
) -> tuple[datetime.date | None, datetime.date | None, str]:
    """When the firm put it right and the bureau checked, as far as the year has got; mostly on time."""
    if deadline < AS_OF and rng.random() < OVERDUE_SHARE:
        return None, None, ""
    if rng.random() < 0.9:
        done = found + rng.randint(1, max(1, (deadline - found).days)) * DAY
    else:
        done = deadline + rng.randint(1, 20) * DAY
    if done > YEAR_END:
        return None, None, ""
    reviewed = done + rng.randint(1, 10) * DAY
    if reviewed > YEAR_END:
        return done, None, ""
    return done, reviewed, "未整改" if rng.random() < 0.015 else "已整改"


HAZARD_HEADER = [
    "隐患编号",
    "检查编号",
    "隐患描述",
    "隐患等级",
    "判定依据",
    "整改期限",
    "整改完成日期",
    "复查日期",
    "复查结论",
]


def hazard_rows(world: World) -> list[list[object]]:
    return [
        [
            h.number,
            h.visit.number,
            h.description,
            h.grade,
            h.basis,
            h.deadline,
            h.rectified_on,
            h.reviewed_on,
            h.review_result,
        ]
        for h in world.hazards
    ]


# Orders -------------------------------------------------------------------------------------------


@dataclass
class Order:
    visit: Visit
    doc_type: str
    issued_on: datetime.date
    due: datetime.date | None = None
    number: str = ""


ORDER_HEADER = ["文书编号", "检查编号", "文书类型", "签发日期", "期限"]
SEIZING_SECTORS = ("危险化学品", "烟花爆竹", "燃气")


def order_rows(world: World, numbers: DocumentNumbers) -> list[list[object]]:
    """The bureau's documents on its inspections that found hazards: order, measures, suspension, seizure, review."""
    rng = world.rng
    by_visit: dict[int, list[Hazard]] = {}
    for hazard in world.hazards:
        by_visit.setdefault(id(hazard.visit), []).append(hazard)
    orders: list[Order] = []
    for visit in world.visits:
        found = by_visit.get(id(visit))
        if not found or not visit.is_bureau_enforcement:
            continue
        major = any(h.grade == "重大事故隐患" for h in found)
        orders.append(Order(visit, "责令限期整改指令书", visit.date, max(h.deadline for h in found)))
        if major and rng.random() < 0.5:
            orders.append(Order(visit, "现场处理措施决定书", visit.date))
        if visit.suspend or (major and visit.operation is None and rng.random() < 0.1):
            orders.append(
                Order(visit, "责令停产停业整顿", visit.date, visit.date + rng.choice([30, 60]) * DAY)
            )
        if visit.firm.industry in SEIZING_SECTORS and rng.random() < 0.04:
            orders.append(Order(visit, "查封扣押决定书", visit.date, visit.date + 30 * DAY))
        if all(h.reviewed_on for h in found):
            orders.append(Order(visit, "整改复查意见书", max(h.reviewed_on for h in found if h.reviewed_on)))
    for doc_type in dict.fromkeys(o.doc_type for o in orders):
        of_type = [o for o in orders if o.doc_type == doc_type]
        numbers.assign(of_type, day=lambda o: o.issued_on, doc_type=doc_type)
    return [[o.number, o.visit.number, o.doc_type, o.issued_on, o.due] for o in orders]
