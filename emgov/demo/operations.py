"""Operations and the visits that belong to them: joint actions, supervision trips, campaigns, re-visits."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from emgov.demo.dates import Period
from emgov.demo.names import TOWNS, Town, person
from emgov.demo.world import (
    ASSISTANCE,
    BUREAU,
    ENFORCEMENT,
    SUPERVISION,
    Firm,
    Operation,
    Visit,
    World,
    split_total,
)

# Themes of the "1+N+7" joint actions: the lead department first, then the others taking part.
JOINT_DEPARTMENTS = {
    "村级工业园": [BUREAU, "环保", "消防", "住建"],
    "建筑施工": ["住建", BUREAU, "消防"],
    "燃气": ["住建", BUREAU, "消防", "市场监管"],
    "人员密集场所": ["消防", BUREAU, "卫健", "市场监管"],
    "纺织制衣": [BUREAU, "消防", "环保", "卫健"],
    "危险化学品": [BUREAU, "环保", "消防"],
    "工贸": [BUREAU, "卫健", "消防", "环保"],
}
# Where each theme looks for firms: its own sector first, then the neighbouring ones.
JOINT_POOLS = {
    "村级工业园": ["村级工业园", "工贸"],
    "建筑施工": ["建筑施工"],
    "燃气": ["燃气", "人员密集场所"],
    "人员密集场所": ["人员密集场所"],
    "纺织制衣": ["纺织制衣"],
    "危险化学品": ["危险化学品", "烟花爆竹"],
    "工贸": ["工贸"],
}
BUREAU_TURNOUT, PARTNER_TURNOUT = 0.9, 0.3

PARTNER_LEADERS = {
    "住建": "区住建水利局副局长",
    "消防": "区消防救援大队副大队长",
    "环保": "南海分局副局长",
    "卫健": "区卫健局副局长",
    "市场监管": "区市场监管局副局长",
}
DISTRICT_LEADERS = ["区委书记", "区长", "常务副区长", "副区长", "副区长", "副区长", "区委常委", "区委常委"]


class Leaders:
    """Named leaders: the district's and the bureau's, each with a fixed name."""

    def __init__(self, world: World) -> None:
        rng = world.rng
        self.district = [f"{person(rng)}（{title}）" for title in DISTRICT_LEADERS]
        heads = [o for o in world.officers if o.department == BUREAU and o.title in ("局长", "副局长")]
        self.bureau = [f"{o.name}（{o.title}）" for o in heads]
        self.section = [f"{person(rng)}（科长）" for _ in range(4)]
        self.partners = {d: f"{person(rng)}（{title}）" for d, title in PARTNER_LEADERS.items()}


class Planner:
    """Builds operations and their visits into the world; firms are picked by town and sector."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng
        self.leaders = Leaders(world)
        self.by_town: dict[str, list[Firm]] = defaultdict(list)
        self.by_sector: dict[tuple[str, str], list[Firm]] = defaultdict(list)
        for firm in world.firms:
            self.by_town[firm.town.name].append(firm)
            self.by_sector[(firm.town.name, firm.industry)].append(firm)

    def _operation(self, **fields: Any) -> Operation:
        operation = Operation(number="", **fields)
        self.world.operations.append(operation)
        return operation

    def _add(self, visits: list[Visit]) -> list[Visit]:
        self.world.visits.extend(visits)
        return visits

    def key_firms(self, town: Town) -> list[Firm]:
        return [f for f in self.by_town[town.name] if f.is_key] or self.by_town[town.name]

    def joint_actions(self, period: Period, themes: dict[str, int], visits: int) -> list[Visit]:
        """Joint actions over the period, `visits` visits in all; every action ends inside the period."""
        rng, calendar = self.rng, self.world.calendar
        plan = [theme for theme, n in themes.items() for _ in range(n)]
        rng.shuffle(plan)
        towns = [TOWNS[i % len(TOWNS)] for i in range(len(plan))]
        rng.shuffle(towns)
        quotas = split_total(rng, visits, len(plan))
        starts = calendar.draw(Period(period.start, period.end - datetime.timedelta(days=4)), len(plan))
        made: list[Visit] = []
        for theme, town, quota, start in zip(plan, towns, quotas, starts, strict=True):
            departments = JOINT_DEPARTMENTS[theme]
            end = start if rng.random() < 0.4 else calendar.add_workdays(start, rng.choice([1, 1, 2]))
            operation = self._operation(
                kind="联合执法",
                name=f"{town.name}{theme}领域安全生产“1+N+7”联合执法行动",
                start=start,
                end=min(end, period.end),
                lead=departments[0],
                departments=list(departments),
                leader_name=self._joint_leader(departments[0]),
                leader_level="局领导",
                theme=theme,
            )
            made.extend(self._joint_stops(operation, town, quota))
        return self._add(made)

    def _joint_leader(self, lead: str) -> str:
        return self.rng.choice(self.leaders.bureau) if lead == BUREAU else self.leaders.partners[lead]

    def _joint_stops(self, operation: Operation, town: Town, quota: int) -> list[Visit]:
        rng = self.rng
        sector = [f for i in JOINT_POOLS[operation.theme] for f in self.by_sector[(town.name, i)]]
        rng.shuffle(sector)
        chosen = {f.code for f in sector}
        rest = [f for f in self.by_town[town.name] if f.code not in chosen]
        rng.shuffle(rest)
        days = self.world.calendar.workdays(Period(operation.start, operation.end)) or [operation.start]
        visits: list[Visit] = []
        for firm in sector + rest:
            if len(visits) >= quota:
                break
            turnout = [
                d
                for d in operation.departments
                if rng.random() < (BUREAU_TURNOUT if d == BUREAU else PARTNER_TURNOUT)
            ] or [operation.lead]
            day = rng.choice(days)
            for department in turnout[: quota - len(visits)]:
                visits.append(Visit(day, firm, department, ENFORCEMENT, operation))
        return visits

    def unannounced_trips(self, days: list[datetime.date], towns: tuple[Town, ...] = TOWNS) -> list[Visit]:
        """四不两直 trips on the given days: each to at least three firms, together to every given town."""
        rng = self.rng
        towns = list(towns)
        rng.shuffle(towns)
        groups = [towns[i :: len(days)] for i in range(len(days))]
        made: list[Visit] = []
        for n, (day, group) in enumerate(zip(days, groups, strict=True), start=1):
            operation = self._operation(
                kind="督导检查",
                name=f"{day.year}年{day.month}月“四不两直”安全生产专项督导（第{n}组）",
                start=day,
                end=day,
                lead=BUREAU,
                departments=[BUREAU],
                leader_name=rng.choice(self.leaders.bureau + self.leaders.section),
                leader_level=rng.choice(["局领导", "科室负责人"]),
                unannounced=True,
            )
            firms: list[Firm] = []
            for town in group:
                pool = self.by_town[town.name]
                firms.extend(self.world.weighted_sample(pool, risk_weights(pool), rng.choice([1, 2, 2])))
            while len(firms) < 3:
                extra = rng.choice(self.by_town[group[0].name])
                if extra not in firms:
                    firms.append(extra)
            made.extend(Visit(day, firm, BUREAU, SUPERVISION, operation) for firm in firms)
        return self._add(made)

    def leader_trips(self, period: Period, count: int, *, level: str) -> list[Visit]:
        """Supervision trips led by district (区领导) or bureau (局领导) leaders, one day each, to key firms.

        The district leaders' trips are the report's 帮扶指导 of key firms; the bureau's are 督导检查.
        """
        rng = self.rng
        names = self.leaders.district if level == "区领导" else self.leaders.bureau
        nature = ASSISTANCE if level == "区领导" else SUPERVISION
        made: list[Visit] = []
        for day in self.world.calendar.draw(period, count):
            town = rng.choice(TOWNS)
            operation = self._operation(
                kind="督导检查",
                name=f"{level}带队督导检查安全生产（{town.name}）",
                start=day,
                end=day,
                lead=BUREAU,
                departments=[BUREAU] + rng.sample(["住建", "消防", "环保"], rng.randint(0, 2)),
                leader_name=rng.choice(names),
                leader_level=level,
            )
            pool = self.key_firms(town)
            for firm in rng.sample(pool, min(len(pool), rng.choice([1, 2, 2, 3]))):
                made.append(Visit(day, firm, BUREAU, nature, operation))
        return self._add(made)

    def revisit_round(self, firms: list[Firm], period: Period, name: str) -> list[Visit]:
        """A 回头看 round: the bureau inspects again the firms of an earlier campaign."""
        operation = self._operation(
            kind="回头看",
            name=name,
            start=period.start,
            end=period.end,
            lead=BUREAU,
            departments=[BUREAU],
            leader_name=self.leaders.bureau[0],
            leader_level="局领导",
        )
        days = self.world.calendar.draw(period, len(firms))
        made = [
            Visit(day, firm, BUREAU, ENFORCEMENT, operation) for day, firm in zip(days, firms, strict=True)
        ]
        return self._add(made)

    def special_campaigns(self, visits: list[Visit], year: int) -> None:
        """Routine inspections of a campaign's sectors in its window belong to the campaign, mostly."""
        for name, (m1, d1), (m2, d2), sectors in CAMPAIGNS:
            window = Period(datetime.date(year, m1, d1), datetime.date(year, m2, d2))
            operation = self._operation(
                kind="专项整治",
                name=f"{year}年{name}",
                start=window.start,
                end=window.end,
                lead=BUREAU,
                departments=[BUREAU],
                leader_name=self.leaders.bureau[0],
                leader_level="局领导",
            )
            for visit in visits:
                in_campaign = visit.date in window and visit.firm.industry in sectors
                if visit.operation is None and in_campaign and self.rng.random() < 0.6:
                    visit.operation = operation


# Special campaigns (专项整治): name, first and last day (month, day), the sectors they cover.
CAMPAIGNS = [
    ("烟花爆竹“打非治违”专项行动", (1, 3), (2, 15), ("烟花爆竹", "危险化学品")),
    ("有限空间作业安全专项整治", (3, 1), (4, 28), ("工贸", "村级工业园", "纺织制衣")),
    ("建筑施工安全专项整治", (4, 3), (6, 30), ("建筑施工",)),
    ("工贸企业粉尘涉爆安全专项整治", (5, 15), (7, 31), ("工贸", "村级工业园")),
    ("城镇燃气安全专项整治", (7, 3), (11, 30), ("燃气", "人员密集场所")),
    ("危险化学品安全专项整治", (9, 1), (11, 30), ("危险化学品",)),
]
RISK_SCALE = {"重大风险": 4.0, "较大风险": 2.5, "一般风险": 1.0, "低风险": 0.6}


def risk_weights(firms: list[Firm]) -> list[float]:
    return [RISK_SCALE.get(f.risk, 1.0) * (2.0 if f.is_key else 1.0) for f in firms]
