"""Emergency preparedness: the general plan's event types, plans, drills, rescue teams, material stocks."""

from __future__ import annotations

import datetime

from emgov.demo import names
from emgov.demo.dates import YEAR_START, Period
from emgov.demo.names import TOWNS
from emgov.demo.targets import AS_OF, REGION_CODE, YEAR, exact
from emgov.demo.world import BUREAU, World, yearly_numbers

# The event types of 《佛山市南海区突发事件总体应急预案》 by category: name, lead, supporting departments.
EVENT_TYPES = {
    "自然灾害": [
        ("台风", BUREAU, "气象、住建、自然资源、农业农村"),
        ("暴雨洪涝", "住建", "应急、气象、城管"),
        ("城市内涝", "城管", "住建、应急、交通"),
        ("干旱", "住建", "农业农村、气象"),
        ("江河洪水", "住建", "应急、气象"),
        ("雷电灾害", "气象", "应急"),
        ("高温", "气象", "卫健、应急"),
        ("寒潮低温", "气象", "民政、农业农村"),
        ("大风冰雹", "气象", "应急、住建"),
        ("大雾灰霾", "气象", "交通、环保"),
        ("雨雪冰冻", "气象", "交通、经促"),
        ("地震灾害", BUREAU, "住建、自然资源"),
        ("地质灾害", "自然资源", "应急、住建"),
        ("森林火灾", BUREAU, "自然资源、消防、公安"),
        ("农业生物灾害", "农业农村", "气象"),
        ("林业有害生物灾害", "自然资源", "农业农村"),
    ],
    "事故灾难": [
        ("危险化学品事故", BUREAU, "消防、环保、公安、卫健"),
        ("工矿商贸生产安全事故", BUREAU, "消防、卫健"),
        ("有限空间作业事故", BUREAU, "消防、卫健"),
        ("粉尘爆炸事故", BUREAU, "消防、卫健"),
        ("烟花爆竹事故", BUREAU, "公安、消防"),
        ("建筑施工事故", "住建", "应急、消防"),
        ("建筑物坍塌事故", "住建", "应急、消防"),
        ("燃气事故", "住建", "消防、应急、市场监管"),
        ("供水突发事件", "住建", "卫健、城管"),
        ("城市地下管线事故", "住建", "城管、经促"),
        ("火灾事故", "消防", "应急、公安"),
        ("道路交通事故", "公安", "交通、卫健"),
        ("水上交通事故", "交通", "公安、应急"),
        ("城市轨道交通运营突发事件", "交通", "公安、消防"),
        ("铁路交通事故", "交通", "公安"),
        ("民用航空器事故", "交通", "公安、消防"),
        ("城市桥梁隧道事故", "交通", "住建"),
        ("特种设备事故", "市场监管", "应急、消防"),
        ("大面积停电事件", "经促", "应急、发改"),
        ("通信网络突发事件", "经促", "网信"),
        ("油气长输管道事故", "发改", "应急、消防"),
        ("突发环境事件", "环保", "应急、卫健"),
        ("辐射事故", "环保", "卫健、公安"),
        ("人员密集场所拥挤踩踏事件", "公安", "文广旅体、应急"),
        ("旅游安全事故", "文广旅体", "公安、交通"),
    ],
    "公共卫生事件": [
        ("传染病疫情", "卫健", "农业农村、市场监管"),
        ("群体性不明原因疾病", "卫健", "市场监管"),
        ("食品安全事件", "市场监管", "卫健"),
        ("药品安全事件", "市场监管", "卫健"),
        ("疫苗安全事件", "市场监管", "卫健"),
        ("医疗器械安全事件", "市场监管", "卫健"),
        ("职业中毒事件", "卫健", "应急"),
        ("急性中毒事件", "卫健", "市场监管、公安"),
        ("动物疫情", "农业农村", "卫健、市场监管"),
        ("学校公共卫生事件", "教育", "卫健"),
        ("饮用水污染事件", "住建", "卫健、环保"),
    ],
    "社会安全事件": [
        ("恐怖袭击事件", "公安", "应急、卫健"),
        ("群体性事件", "公安", "民政"),
        ("重大刑事案件", "公安", ""),
        ("涉外突发事件", "公安", "文广旅体"),
        ("民族宗教事件", "统战", "公安"),
        ("金融突发事件", "发改", "公安"),
        ("网络与信息安全事件", "网信", "公安、经促"),
        ("网络舆情事件", "网信", "公安"),
        ("粮食供应事件", "发改", "市场监管"),
        ("能源供应中断事件", "发改", "经促"),
        ("生活必需品供应事件", "经促", "市场监管、发改"),
        ("校园安全事件", "教育", "公安"),
        ("重大活动安全事件", "公安", "应急、消防、卫健"),
        ("劳资纠纷群体性事件", "公安", "民政"),
        ("境外涉我突发事件", "公安", ""),
        ("经济安全事件", "发改", "经促"),
        ("大型群众性活动安全事件", "公安", "文广旅体"),
    ],
}
EVENT_HEADER = ["事件类型", "事件大类", "牵头部门", "配合部门"]


def event_type_rows() -> list[list[object]]:
    rows = [
        [name, category, lead, support]
        for category, items in EVENT_TYPES.items()
        for name, lead, support in items
    ]
    if len(rows) != exact("preparedness.event_types") or len(EVENT_TYPES) != exact(
        "preparedness.event_categories"
    ):
        raise ValueError(f"the general plan lists {len(rows)} event types in {len(EVENT_TYPES)} categories")
    return rows


# Plans and drills ---------------------------------------------------------------------------------

SPECIAL_PLANS = [
    ("防汛防旱防风应急预案", "住建", "台风、暴雨洪涝、城市内涝、干旱、江河洪水"),
    ("森林火灾应急预案", BUREAU, "森林火灾"),
    ("生产安全事故应急预案", BUREAU, "工矿商贸生产安全事故、有限空间作业事故、粉尘爆炸事故"),
    ("危险化学品事故应急预案", BUREAU, "危险化学品事故、烟花爆竹事故"),
    ("地震应急预案", BUREAU, "地震灾害"),
    ("地质灾害应急预案", "自然资源", "地质灾害"),
    ("自然灾害救助应急预案", BUREAU, "台风、暴雨洪涝、地震灾害、地质灾害"),
    ("大面积停电事件应急预案", "经促", "大面积停电事件"),
    ("燃气事故应急预案", "住建", "燃气事故"),
    ("建筑施工安全事故应急预案", "住建", "建筑施工事故、建筑物坍塌事故"),
    ("突发环境事件应急预案", "环保", "突发环境事件、辐射事故"),
    ("道路交通事故应急预案", "公安", "道路交通事故"),
    ("突发公共卫生事件应急预案", "卫健", "传染病疫情、群体性不明原因疾病、职业中毒事件"),
    ("食品安全事故应急预案", "市场监管", "食品安全事件"),
    ("特种设备事故应急预案", "市场监管", "特种设备事故"),
    ("火灾事故应急预案", "消防", "火灾事故"),
]
PLAN_HEADER = [
    "预案编号",
    "预案名称",
    "预案类型",
    "适用事件类型",
    "编制单位",
    "发布日期",
    "下次评估日期",
    "区划代码",
    "系统启用前已发布",
]
DRILL_HEADER = [
    "演练编号",
    "演练名称",
    "演练日期",
    "演练形式",
    "预案编号",
    "组织单位",
    "参演人数",
    "区划代码",
]


def plan_rows(world: World) -> list[list[object]]:
    rng = world.rng
    all_types = "、".join(n for items in EVENT_TYPES.values() for n, _l, _s in items)
    general = datetime.date(YEAR, 8, 18)
    rows: list[list[object]] = [
        [
            "YA-QY-001",
            "佛山市南海区突发事件总体应急预案",
            "总体应急预案",
            all_types,
            BUREAU,
            general,
            _years_later(general, 3),
            REGION_CODE,
        ]
    ]
    for n, (name, department, types) in enumerate(SPECIAL_PLANS, start=1):
        published = datetime.date(rng.randint(YEAR - 4, YEAR), rng.randint(1, 12), rng.randint(1, 28))
        rows.append(
            [
                f"YA-ZX-{n:03d}",
                f"佛山市南海区{name}",
                "专项应急预案",
                types,
                department,
                published,
                _years_later(published, 3),
                REGION_CODE,
            ]
        )
    rows.append(
        [
            "YA-BM-001",
            "佛山市南海区应急管理局生产安全事故应急救援预案",
            "部门应急预案",
            "工矿商贸生产安全事故",
            BUREAU,
            datetime.date(YEAR - 1, 6, 20),
            datetime.date(YEAR + 1, 6, 20),
            REGION_CODE,
        ]
    )
    rows.append(
        [
            "YA-BM-002",
            "佛山市南海区应急管理局防御台风应急工作指引",
            "部门应急预案",
            "台风",
            BUREAU,
            datetime.date(YEAR, 5, 10),
            datetime.date(YEAR + 2, 5, 10),
            REGION_CODE,
        ]
    )
    for n, town in enumerate(TOWNS, start=1):
        published = datetime.date(rng.randint(YEAR - 3, YEAR), rng.randint(1, 12), rng.randint(1, 28))
        rows.append(
            [
                f"YA-ZJ-{n:03d}",
                f"{town.name}突发事件总体应急预案",
                "总体应急预案",
                all_types,
                BUREAU,
                published,
                _years_later(published, 3),
                town.code,
            ]
        )
        village = rng.choice(town.villages)
        rows.append(
            [
                f"YA-JC-{n:03d}",
                f"{town.name}{village}社区（村）防汛防风应急预案",
                "基层单位应急预案",
                "台风、暴雨洪涝",
                BUREAU,
                published,
                _years_later(published, 3),
                town.code,
            ]
        )
    rows.append(
        [
            "YA-HD-001",
            f"{YEAR}年南海区春节期间安全保障应急预案",
            "重大活动应急预案",
            "火灾事故、烟花爆竹事故、人员密集场所拥挤踩踏事件",
            "公安",
            datetime.date(YEAR, 1, 10),
            None,
            REGION_CODE,
        ]
    )
    # The bureau's plans were approved and published before it took up the system.
    return [[*row, "是"] for row in rows]


def _years_later(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=day.year + years)


DRILL_THEMES = [
    ("防汛防风综合应急演练", "综合演练", "YA-ZX-001", 300),
    ("危险化学品泄漏事故应急演练", "实战演练", "YA-ZX-004", 120),
    ("森林火灾扑救应急演练", "实战演练", "YA-ZX-002", 150),
    ("有限空间作业事故应急救援演练", "实战演练", "YA-ZX-003", 60),
    ("地震应急疏散演练", "实战演练", "YA-ZX-005", 400),
    ("燃气泄漏事故应急演练", "实战演练", "YA-ZX-009", 80),
    ("生产安全事故应急处置桌面推演", "桌面推演", "YA-ZX-003", 40),
]


def drill_rows(world: World) -> list[list[object]]:
    """Drills of the year in every town, and the double-blind checks of the towns' command posts."""
    rng, calendar = world.rng, world.calendar
    drills = []
    for town in TOWNS:
        for title, form, plan, size in rng.sample(DRILL_THEMES, rng.randint(4, 6)):
            drills.append(
                (
                    calendar.one(Period(YEAR_START, datetime.date(YEAR, 12, 20))),
                    f"{YEAR}年{town.name}{title}",
                    form,
                    plan,
                    BUREAU,
                    int(size * rng.uniform(0.6, 1.5)),
                    town.code,
                )
            )
        drills.append(
            (
                calendar.one(Period(datetime.date(YEAR, 9, 1), AS_OF)),
                f"{town.name}突发事件现场指挥部设置及运行双盲拉动检查",
                "双盲演练",
                "YA-QY-001",
                BUREAU,
                rng.randint(40, 90),
                town.code,
            )
        )
    for day in calendar.draw(Period(datetime.date(YEAR - 1, 10, 1), datetime.date(YEAR - 1, 12, 31)), 6):
        title, form, plan, size = rng.choice(DRILL_THEMES)
        town = rng.choice(TOWNS)
        drills.append((day, f"{YEAR - 1}年{town.name}{title}", form, plan, BUREAU, size, town.code))
    drills.sort(key=lambda d: d[0])
    numbers = yearly_numbers([d[0] for d in drills], "YL{year}-{n:03d}")
    return [
        [number, name, day, form, plan, department, people, region]
        for number, (day, name, form, plan, department, people, region) in zip(numbers, drills, strict=True)
    ]


# Teams and materials ------------------------------------------------------------------------------

TEAM_HEADER = ["队伍编号", "队伍名称", "队伍类型", "人数", "所属镇街", "联系人", "联系电话"]
DISTRICT_TEAMS = [
    ("佛山市南海区危险化学品应急救援队", "专业救援", 45),
    ("佛山市南海区防汛机动抢险队", "专业救援", 60),
    ("佛山市南海区燃气抢险队", "专业救援", 35),
    ("佛山市南海区地质灾害应急抢险队", "专业救援", 30),
    ("佛山市南海区森林消防专业队", "专业救援", 50),
    ("南海供电局电力应急抢修队", "专业救援", 80),
    ("佛山市南海区蓝天救援队", "社会救援", 120),
    ("佛山市南海区红十字应急救护队", "社会救援", 70),
    ("佛山市南海区水上救援志愿服务队", "社会救援", 40),
]


def team_rows(world: World) -> list[list[object]]:
    rng = world.rng
    teams = [(name, kind, size, "") for name, kind, size in DISTRICT_TEAMS]
    for town in TOWNS:
        teams.append((f"{town.name}应急救援中队", "基层应急", rng.randint(40, 90), town.name))
        teams.append(
            (f"南海区消防救援大队{town.short}消防救援站", "综合性消防救援", rng.randint(25, 45), town.name)
        )
    chemical = [f for f in world.firms if f.industry == "危险化学品" and f.party_type == "法人"]
    for firm in rng.sample(chemical, 6):
        teams.append((f"{firm.name}专职消防队", "企业专职", rng.randint(8, 20), firm.town.name))
    return [
        [f"DW-{n:03d}", name, kind, size, town, names.person(rng), names.mobile(rng)]
        for n, (name, kind, size, town) in enumerate(teams, start=1)
    ]


MATERIALS = [
    ("防汛抗旱", "编织袋", "条", 5000, None),
    ("防汛抗旱", "救生衣", "件", 300, None),
    ("防汛抗旱", "冲锋舟", "艘", 4, None),
    ("防汛抗旱", "移动抽水泵", "台", 12, None),
    ("防汛抗旱", "救生圈", "个", 200, None),
    ("防汛抗旱", "移动发电机", "台", 6, None),
    ("森林防灭火", "风力灭火机", "台", 30, None),
    ("森林防灭火", "二号工具", "把", 100, None),
    ("森林防灭火", "灭火水枪", "支", 40, None),
    ("生活保障", "救灾帐篷", "顶", 80, None),
    ("生活保障", "折叠床", "张", 300, None),
    ("生活保障", "棉被", "床", 500, None),
    ("生活保障", "方便食品", "箱", 400, 1),
    ("生活保障", "瓶装饮用水", "箱", 600, 1),
    ("医疗救护", "急救包", "个", 200, 3),
    ("医疗救护", "折叠担架", "副", 40, None),
    ("通信保障", "卫星电话", "部", 4, None),
    ("通信保障", "对讲机", "台", 60, None),
    ("通信保障", "应急照明灯", "盏", 150, None),
]
MATERIAL_HEADER = ["物资编号", "物资名称", "类别", "数量", "单位", "存放地点", "所属镇街", "有效期至"]


def material_rows(world: World) -> list[list[object]]:
    """The district store holds every kind; each town's store most of them, in smaller amounts."""
    rng = world.rng
    stores = [("南海区应急物资储备仓库（狮山镇）", "狮山镇", 3.0)] + [
        (f"{t.name}应急物资仓库", t.name, 1.0) for t in TOWNS
    ]
    rows: list[list[object]] = []
    for location, town, scale in stores:
        kept = MATERIALS if scale > 1 else [m for m in MATERIALS if rng.random() < 0.75]
        for category, item, unit, amount, shelf_years in kept:
            expiry = datetime.date(YEAR + shelf_years, rng.randint(1, 12), 1) if shelf_years else None
            quantity = max(1, int(amount * scale * rng.uniform(0.4, 1.2)))
            rows.append([f"WZ-{len(rows) + 1:04d}", item, category, quantity, unit, location, town, expiry])
    return rows
