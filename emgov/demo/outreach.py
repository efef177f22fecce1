"""Legal publicity and training (普法宣传培训): online and on-site courses, the safety month, competitions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from emgov.demo.dates import AFTER_AS_OF, LAST_YEAR, REPORTED, Period
from emgov.demo.names import TOWNS
from emgov.demo.targets import REGION_CODE, YEAR, exact, middle
from emgov.demo.world import World, split_total, yearly_numbers

CITY_CODE = "440600"
SECTORS = ["工贸", "纺织制衣", "村级工业园", "危险化学品", "燃气", "建筑施工", "人员密集场所", "仓储物流"]
AUDIENCES = ["主要负责人", "安全管理人员", "从业人员", "有限空间作业人员", "特种作业人员", "班组长"]
OUTREACH_HEADER = ["编号", "活动类型", "名称", "开始日期", "参与人数", "是否安全生产月", "区划代码"]


@dataclass
class Activity:
    kind: str
    name: str
    day: datetime.date
    participants: int
    safety_month: bool = False
    region: str = REGION_CODE


def outreach_rows(world: World) -> list[list[object]]:
    activities = _reported(world) + _other_periods(world)
    activities.sort(key=lambda a: (a.day, a.kind, a.name))
    numbers = yearly_numbers([a.day for a in activities], "PF{year}-{n:04d}")
    return [
        [number, a.kind, a.name, a.day, a.participants, "是" if a.safety_month else "否", a.region]
        for number, a in zip(numbers, activities, strict=True)
    ]


def _reported(world: World) -> list[Activity]:
    rng = world.rng
    y = YEAR
    activities = _online(world, exact("outreach.online_trainees"))
    activities += _offline(
        world, REPORTED, exact("outreach.offline_sessions"), exact("outreach.offline_participants")
    )
    june = _day(y, 6, 1)
    rounds = split_total(
        rng, middle("outreach.safety_month_online") + rng.randint(-3000, 3000), 3, spread=0.2
    )
    activities += [
        Activity(
            "知识竞赛",
            f"“学习强安”安全生产知识竞赛（第{n}轮）",
            june + datetime.timedelta(days=7 * n),
            people,
            True,
        )
        for n, people in enumerate(rounds, start=1)
    ]
    activities += [
        Activity(
            "知识竞赛", "《中华人民共和国安全生产法》有奖知识竞赛", _day(y, 9, 12), rng.randint(9000, 14000)
        ),
        Activity("知识竞赛", "“119”消防宣传月网上知识竞赛", _day(y, 11, 9), rng.randint(6000, 9000)),
    ]
    rows = [("“安全生产月”宣传咨询日", t) for t in TOWNS] + [("安全宣传“五进”活动", t) for t in TOWNS]
    audience = split_total(
        rng, middle("outreach.safety_month_audience") + rng.randint(-400, 400), len(rows) + 1
    )
    activities.append(
        Activity(
            "集中宣传",
            f"南海区{y}年“安全生产月”启动仪式暨宣传咨询日主会场",
            _day(y, 6, 16),
            audience[0],
            True,
        )
    )
    activities += [
        Activity(
            "集中宣传", f"{title}（{town.name}）", _day(y, 6, rng.randint(2, 28)), people, True, town.code
        )
        for (title, town), people in zip(rows, audience[1:], strict=True)
    ]
    activities += [
        Activity(
            "集中宣传",
            f"“5·12”防灾减灾日集中宣传（{t.name}）",
            _day(y, 5, 12),
            rng.randint(3000, 9000),
            region=t.code,
        )
        for t in TOWNS
    ]
    activities += [
        Activity("集中宣传", "国家宪法日暨“宪法宣传周”普法集中宣传", _day(y, 12, 4), rng.randint(5000, 8000)),
        Activity(
            "集中宣传", f"佛山市{y}年“安全生产月”集中宣传活动", _day(y, 6, 16), 1_200_000, True, CITY_CODE
        ),
        Activity("知识竞赛", "佛山市“学习强安”安全生产知识竞赛", _day(y, 6, 9), 210_000, True, CITY_CODE),
    ]
    return activities


def _online(world: World, total: int) -> list[Activity]:
    """Online courses: after the Spring Festival every town's firms, then the monthly lecture hall."""
    rng, y = world.rng, YEAR
    plan = [(f"{y}年节后复工复产安全生产线上培训（{t.name}）", _day(y, 2, 6), t.code, 3.0) for t in TOWNS]
    plan += [
        (f"“广东应急管理大讲堂”线上专题课程（{m}月）", _day(y, m, 15), REGION_CODE, 1.0) for m in range(1, 12)
    ]
    plan += [(f"危险化学品从业人员安全生产线上培训（{t.name}）", _day(y, 4, 10), t.code, 0.6) for t in TOWNS]
    plan += [(f"有限空间作业安全线上培训（{t.name}）", _day(y, 8, 8), t.code, 0.6) for t in TOWNS]
    weights = [w * rng.uniform(0.7, 1.3) for *_rest, w in plan]
    shares = [round(total * w / sum(weights)) for w in weights]
    shares[0] += total - sum(shares)
    return [
        Activity("线上培训", name, day, people, region=region)
        for (name, day, region, _w), people in zip(plan, shares, strict=True)
    ]


def _offline(world: World, period: Period, sessions: int, participants: int) -> list[Activity]:
    """On-site sessions for firms of a sector in a town; a third of them in the return-to-work weeks."""
    rng, calendar = world.rng, world.calendar
    restart = Period(
        max(period.start, _day(period.start.year, 2, 1)), min(period.end, _day(period.start.year, 3, 31))
    )
    early = sessions // 3 if restart.start <= restart.end else 0
    days = sorted(calendar.draw(restart, early) + calendar.draw(period, sessions - early))
    people = split_total(rng, participants, sessions, spread=0.6)
    activities = []
    for day, count in zip(days, people, strict=True):
        town = rng.choice(TOWNS)
        if day.month in (2, 3) and rng.random() < 0.5:
            name = f"节后复工复产安全生产专场培训（{town.name}{rng.choice(town.villages)}）"
        else:
            name = f"{town.name}{rng.choice(SECTORS)}企业{rng.choice(AUDIENCES)}安全生产专场培训"
        activities.append(Activity("线下专场培训", name, day, count, day.month == 6, town.code))
    return activities


def _other_periods(world: World) -> list[Activity]:
    rng = world.rng
    activities = _offline(world, LAST_YEAR, 80, 6800) + _offline(world, AFTER_AS_OF, 40, 3500)
    last, this = YEAR - 1, YEAR
    activities += [
        Activity(
            "线上培训", f"{last}年岁末年初安全生产线上培训", _day(last, 12, 12), rng.randint(8000, 12000)
        ),
        Activity(
            "线上培训", f"{this}年岁末年初安全生产线上培训", _day(this, 12, 11), rng.randint(8000, 12000)
        ),
        Activity("线上培训", f"{this}年冬季森林防火线上培训", _day(this, 12, 20), rng.randint(2000, 4000)),
        Activity(
            "集中宣传", "国家宪法日暨“宪法宣传周”普法集中宣传", _day(last, 12, 5), rng.randint(5000, 8000)
        ),
    ]
    activities += [
        Activity(
            "集中宣传",
            f"岁末年初安全生产集中宣传（{t.name}）",
            _day(this, 12, 15),
            rng.randint(2000, 6000),
            region=t.code,
        )
        for t in rng.sample(TOWNS, 3)
    ]
    return activities


def _day(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)
