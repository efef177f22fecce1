"""Who inspects whom, and when: the visits of Q4 2022, of 2023 up to the as-of date, and after it.

The reported part is built to the report's figures exactly: the bureau's inspections, the firms they
reached, the officers they took, the hazards found; the joint actions and what they found; the
assistance visits; the district leaders' trips; the 四不两直 trips of every month.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from emgov.demo.dates import AFTER_AS_OF, LAST_YEAR, REPORTED, Period, month_period
from emgov.demo.names import TOWNS
from emgov.demo.operations import Planner, risk_weights
from emgov.demo.targets import AS_OF, YEAR, exact
from emgov.demo.world import (
    ASSISTANCE,
    BUREAU,
    ENFORCEMENT,
    Firm,
    Officer,
    Visit,
    World,
    adjust_total,
)

JOINT_THEMES = {
    "村级工业园": 30,
    "建筑施工": 14,
    "燃气": 14,
    "人员密集场所": 14,
    "纺织制衣": 10,
    "危险化学品": 10,
    "工贸": 9,
}
REVISIT_FIRMS = 60
LAST_YEAR_ROUTINE, AFTER_ROUTINE = 640, 420
# Hazards per visit: the share of visits that find none, and the mean count of those that do.
JOINT_HAZARDS = (0.08, 3.5)
ROUTINE_HAZARDS = (0.5, 2.0)
LIGHT_HAZARDS = (0.8, 1.5)

DEPARTMENT_CODES = {BUREAU: "YJ", "住建": "ZJ", "环保": "HB", "消防": "XF", "卫健": "WJ", "市场监管": "SJ"}
OPERATION_CODES = {"联合执法": "LH", "督导检查": "DC", "专项整治": "ZX", "回头看": "HT"}


def plan_enforcement(world: World) -> None:
    planner = Planner(world)
    parks = _last_year(world, planner)
    _reported(world, planner, parks)
    _after_as_of(world, planner)
    _assign_officers(world)
    _number(world)


def _last_year(world: World, planner: Planner) -> list[Firm]:
    joint = planner.joint_actions(LAST_YEAR, {"村级工业园": 6, "燃气": 2, "建筑施工": 2}, visits=330)
    _draw_hazards(world, joint, JOINT_HAZARDS)
    _suspend(world, joint, 60)
    _draw_hazards(world, _routine(world, LAST_YEAR, LAST_YEAR_ROUTINE), ROUTINE_HAZARDS)
    for month in (10, 11, 12):
        _monthly_unannounced(world, planner, month_period(month, year=YEAR - 1), trips=2)
    planner.leader_trips(LAST_YEAR, 8, level="区领导")
    _assistance(world, LAST_YEAR, 80)
    parks = [
        v.firm for v in joint if v.operation and v.operation.theme == "村级工业园" and v.department == BUREAU
    ]
    return list(dict.fromkeys(parks))


def _reported(world: World, planner: Planner, parks: list[Firm]) -> None:
    rng = world.rng
    themes = _apportion(JOINT_THEMES, exact("joint.actions"))
    joint = planner.joint_actions(
        Period(datetime.date(YEAR, 1, 3), AS_OF), themes, exact("joint.enterprise_visits")
    )
    revisit = planner.revisit_round(
        rng.sample(parks, min(REVISIT_FIRMS, len(parks))),
        Period(datetime.date(YEAR, 2, 20), datetime.date(YEAR, 3, 31)),
        f"{YEAR - 1}年联合执法检查村级工业园“回头看”",
    )
    bureau_joint = [v for v in joint if v.is_bureau_enforcement]
    routine = _routine_to_targets(world, bureau_joint + revisit)
    planner.special_campaigns(routine, YEAR)

    _draw_hazards(world, joint, JOINT_HAZARDS, total=exact("joint.hazards_found"))
    found_jointly = sum(v.hazard_count for v in bureau_joint)
    _draw_hazards(
        world, routine + revisit, ROUTINE_HAZARDS, total=exact("enforcement.hazards_found") - found_jointly
    )
    _suspend(world, joint, exact("joint.enterprises_suspended"))

    for month in range(1, AS_OF.month):
        _monthly_unannounced(world, planner, month_period(month), trips=rng.choice([2, 2, 3]))
    first_of_month = world.calendar.on_or_after(AS_OF.replace(day=1))
    _draw_hazards(
        world, planner.unannounced_trips([first_of_month], tuple(rng.sample(TOWNS, 3))), LIGHT_HAZARDS
    )
    led = planner.leader_trips(
        Period(datetime.date(YEAR, 1, 3), AS_OF), exact("supervision.leader_led"), level="区领导"
    )
    planner.leader_trips(REPORTED, 30, level="局领导")
    _assistance(world, REPORTED, exact("assistance.enterprise_visits") - len(led))


def _after_as_of(world: World, planner: Planner) -> None:
    joint = planner.joint_actions(AFTER_AS_OF, {"人员密集场所": 1, "燃气": 1}, visits=70)
    _draw_hazards(world, joint, JOINT_HAZARDS)
    _draw_hazards(world, _routine(world, AFTER_AS_OF, AFTER_ROUTINE), ROUTINE_HAZARDS)
    days = world.calendar.workdays(AFTER_AS_OF)
    _draw_hazards(world, planner.unannounced_trips([days[4], days[9]]), LIGHT_HAZARDS)
    planner.leader_trips(AFTER_AS_OF, 3, level="区领导")
    planner.leader_trips(AFTER_AS_OF, 2, level="局领导")
    _assistance(world, AFTER_AS_OF, 40)


def _monthly_unannounced(world: World, planner: Planner, month: Period, trips: int) -> None:
    days = sorted(world.rng.sample(world.calendar.workdays(month), trips))
    _draw_hazards(world, planner.unannounced_trips(days), LIGHT_HAZARDS)


def _apportion(weights: dict[str, int], total: int) -> dict[str, int]:
    scale = total / sum(weights.values())
    shares = {k: max(1, round(w * scale)) for k, w in weights.items()}
    first = next(iter(shares))
    shares[first] += total - sum(shares.values())
    return shares


# Routine inspections ------------------------------------------------------------------------------


def _routine(world: World, period: Period, count: int) -> list[Visit]:
    firms = world.rng.choices(world.firms, weights=risk_weights(world.firms), k=count)
    days = world.calendar.draw(period, count)
    visits = [Visit(day, firm, BUREAU, ENFORCEMENT) for day, firm in zip(days, firms, strict=True)]
    world.visits.extend(visits)
    return visits


def _routine_to_targets(world: World, planned: list[Visit]) -> list[Visit]:
    """The bureau's other inspections of the year: the report's count, reaching the report's number of firms."""
    rng = world.rng
    count = exact("enforcement.inspections") - len(planned)
    reached = dict.fromkeys(v.firm.code for v in planned)
    new = exact("enforcement.enterprises_inspected") - len(reached)
    if not 0 <= new <= count:
        raise ValueError(f"cannot reach {new} more firms with {count} inspections")
    unreached = [f for f in world.firms if f.code not in reached]
    fresh = world.weighted_sample(unreached, risk_weights(unreached), new)
    inspected = [f for f in world.firms if f.code in reached] + fresh
    firms = fresh + rng.choices(inspected, weights=risk_weights(inspected), k=count - new)
    rng.shuffle(firms)
    days = world.calendar.draw(REPORTED, count)
    visits = [Visit(day, firm, BUREAU, ENFORCEMENT) for day, firm in zip(days, firms, strict=True)]
    world.visits.extend(visits)
    return visits


def _assistance(world: World, period: Period, count: int) -> list[Visit]:
    """帮扶指导 of key firms: the district's working group (the bureau), some by 住建 and 消防."""
    rng = world.rng
    key = [f for f in world.firms if f.is_key]
    firms = rng.choices(key, k=count)
    days = world.calendar.draw(period, count)
    departments = rng.choices([BUREAU, "住建", "消防"], weights=[85, 8, 7], k=count)
    visits = [
        Visit(day, firm, department, ASSISTANCE)
        for day, firm, department in zip(days, firms, departments, strict=True)
    ]
    _draw_hazards(world, visits, LIGHT_HAZARDS)
    world.visits.extend(visits)
    return visits


# Hazard counts and suspensions ---------------------------------------------------------------------


def _draw_hazards(
    world: World, visits: list[Visit], shape: tuple[float, float], total: int | None = None
) -> None:
    rng = world.rng
    none_share, mean = shape
    counts = [
        0 if rng.random() < none_share else min(15, 1 + round(rng.expovariate(1 / (mean - 1))))
        for _ in visits
    ]
    if total is not None:
        adjust_total(rng, counts, total)
    for visit, count in zip(visits, counts, strict=True):
        visit.hazard_count = count


def _suspend(world: World, joint: list[Visit], firm_count: int) -> None:
    """Orders to suspend (责令停产停业整顿) for `firm_count` firms, on the bureau's joint visits that found hazards."""
    rng = world.rng
    candidates: dict[str, list[Visit]] = defaultdict(list)
    for visit in joint:
        if visit.is_bureau_enforcement and visit.hazard_count:
            candidates[visit.firm.code].append(visit)
    if len(candidates) < firm_count:
        raise ValueError(f"only {len(candidates)} firms can be suspended, {firm_count} wanted")
    codes = list(candidates)
    weights = [2.0 if candidates[c][0].firm.industry in ("村级工业园", "纺织制衣") else 1.0 for c in codes]
    for code in world.weighted_sample(codes, weights, firm_count):
        visits = candidates[code]
        rng.choice(visits).suspend = True
        if len(visits) > 1 and rng.random() < 0.05:
            rng.choice(visits).suspend = True


# Officers and numbers -------------------------------------------------------------------------------


def _assign_officers(world: World) -> None:
    """Two officers with valid certificates on each of the bureau's inspections, three on a few."""
    rng = world.rng
    counted = [v for v in world.visits if v.is_bureau_enforcement and v.date in REPORTED]
    threes = {id(v) for v in rng.sample(counted, exact("enforcement.officer_turnouts") - 2 * len(counted))}
    teams = _Teams(world)
    for visit in world.visits:
        if visit.department == BUREAU:
            if visit.is_bureau_enforcement:
                size = (
                    3 if id(visit) in threes or (visit.date not in REPORTED and rng.random() < 0.003) else 2
                )
            else:
                size = rng.choice([1, 2])
            visit.officers = teams.bureau(visit.date, size)
            visit.av_recorded = rng.random() < (0.94 if visit.is_bureau_enforcement else 0.7)
        else:
            visit.officers = teams.department(visit.department, visit.date, rng.choice([1, 2]))
            visit.av_recorded = rng.random() < 0.6


class _Teams:
    """Officers who can go out on a day: the bureau's by squad (中队), other departments' by department."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng
        self._squads: dict[datetime.date, dict[int, list[Officer]]] = {}

    def bureau(self, day: datetime.date, size: int) -> list[Officer]:
        if day not in self._squads:
            squads: dict[int, list[Officer]] = defaultdict(list)
            for officer in self.world.bureau_officers_on(day):
                squads[officer.squad].append(officer)
            self._squads[day] = dict(sorted(squads.items()))
        squads = self._squads[day]
        squad = squads[self.rng.choice(list(squads))]
        if len(squad) < size:
            squad = [o for members in squads.values() for o in members]
        return self.world.weighted_sample(squad, [o.weight for o in squad], size)

    def department(self, department: str, day: datetime.date, size: int) -> list[Officer]:
        pool = [o for o in self.world.officers if o.department == department and o.valid_on(day)]
        return self.rng.sample(pool, min(size, len(pool)))


def _number(world: World) -> None:
    sequence: dict[tuple[str, int], int] = defaultdict(int)
    for operation in sorted(world.operations, key=lambda o: (o.start, o.kind, o.name)):
        key = (OPERATION_CODES[operation.kind], operation.start.year)
        sequence[key] += 1
        operation.number = f"{key[0]}{key[1]}-{sequence[key]:03d}"
    order = list(DEPARTMENT_CODES)
    daily: dict[tuple[str, datetime.date], int] = defaultdict(int)
    world.visits.sort(
        key=lambda v: (
            v.date,
            order.index(v.department),
            v.operation.number if v.operation else "",
            v.firm.code,
        )
    )
    for visit in world.visits:
        key = (visit.department, visit.date)
        daily[key] += 1
        visit.number = f"{DEPARTMENT_CODES[visit.department]}-{visit.date:%Y%m%d}-{daily[key]:03d}"


# Ledger rows ----------------------------------------------------------------------------------------

OPERATION_HEADER = [
    "行动编号",
    "行动类型",
    "行动名称",
    "开始日期",
    "结束日期",
    "牵头部门",
    "参与部门",
    "带队领导",
    "带队领导级别",
    "是否四不两直",
    "区划代码",
]
INSPECTION_HEADER = [
    "检查编号",
    "检查日期",
    "统一社会信用代码",
    "执法部门",
    "检查性质",
    "行动编号",
    "执法人员证号",
    "检查结果",
    "音像记录",
]


def operation_rows(world: World) -> list[list[object]]:
    return [
        [
            o.number,
            o.kind,
            o.name,
            o.start,
            o.end,
            o.lead,
            "、".join(o.departments),
            o.leader_name,
            o.leader_level,
            "是" if o.unannounced else "否",
            "",
        ]
        for o in sorted(world.operations, key=lambda o: o.number)
    ]


def inspection_rows(world: World) -> list[list[object]]:
    return [
        [
            v.number,
            v.date,
            v.firm.code,
            v.department,
            v.nature,
            v.operation.number if v.operation else "",
            "、".join(o.certificate for o in v.officers),
            _result(v),
            "是" if v.av_recorded else "否",
        ]
        for v in world.visits
    ]


def _result(visit: Visit) -> str:
    found = visit.hazard_count
    if visit.nature == ASSISTANCE:
        advice = "指导企业落实安全生产主体责任，宣讲《安全生产法》等法律法规"
        return f"{advice}，指出问题{found}项并指导整改" if found else advice
    if visit.nature != ENFORCEMENT:
        return f"督导检查发现问题{found}项，已交属地跟进整改" if found else "督导检查未发现明显问题"
    if not found:
        return "未发现明显安全隐患"
    if visit.department != BUREAU:
        return f"发现问题{found}项，已责令整改"
    if visit.suspend:
        return f"发现隐患{found}处，含重大事故隐患，责令停产停业整顿"
    return f"发现隐患{found}处，已下达责令限期整改指令书"
