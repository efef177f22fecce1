"""The legal side of the bureau: licensing, counsel, litigation, normative documents, disclosure, study."""

from __future__ import annotations

import datetime

from emgov.demo.dates import AFTER_AS_OF, LAST_YEAR, REPORTED, YEAR_END, Period
from emgov.demo.names import TOWNS
from emgov.demo.targets import AS_OF, REGION_CODE, YEAR, exact
from emgov.demo.world import World, split_total, yearly_numbers

DAY = datetime.timedelta(days=1)

# Licensing, approval and filing items of a district bureau: name, category, sectors, share.
LICENSING_ITEMS = [
    (
        "生产经营单位生产安全事故应急预案备案",
        "备案",
        ("工贸", "纺织制衣", "危险化学品", "燃气", "仓储物流"),
        38,
    ),
    ("危险化学品经营许可证核发（不带储存设施）", "行政许可", ("危险化学品",), 14),
    ("危险化学品经营许可证延期", "行政许可", ("危险化学品",), 10),
    ("危险化学品经营许可证变更", "行政许可", ("危险化学品",), 5),
    ("烟花爆竹经营（零售）许可证核发", "行政许可", ("烟花爆竹",), 12),
    ("第二类、第三类非药品类易制毒化学品经营备案", "备案", ("危险化学品",), 8),
    ("危险化学品重大危险源备案", "备案", ("危险化学品",), 4),
    ("金属冶炼建设项目安全设施设计审查", "行政审批", ("工贸",), 4),
    ("危险化学品建设项目安全条件审查", "行政审批", ("危险化学品",), 5),
]
LICENSING_HEADER = [
    "受理编号",
    "事项名称",
    "事项类别",
    "申请人",
    "统一社会信用代码",
    "受理日期",
    "办结日期",
    "办理结果",
    "公示日期",
    "区划代码",
]
LICENSING_CODES = {"行政许可": "XK", "行政审批": "SP", "备案": "BA"}


def licensing_rows(world: World) -> list[list[object]]:
    rng, calendar = world.rng, world.calendar
    cases = []
    for period, count in ((LAST_YEAR, 20), (REPORTED, exact("licensing.cases")), (AFTER_AS_OF, 12)):
        items = rng.choices(LICENSING_ITEMS, weights=[i[3] for i in LICENSING_ITEMS], k=count)
        cases.extend(zip(calendar.draw(period, count), items, strict=True))
    rows: list[list[object]] = []
    sequence: dict[tuple[str, int], int] = {}
    for accepted, (item, category, sectors, _share) in sorted(cases, key=lambda c: c[0]):
        firm = rng.choice([f for f in world.firms if f.industry in sectors])
        decided = calendar.add_workdays(accepted, rng.randint(1, 15))
        result = "已备案" if category == "备案" else ("不予" if rng.random() < 0.05 else "准予")
        published = calendar.add_workdays(decided, rng.randint(1, 7)) if result == "准予" else None
        if decided > YEAR_END:
            decided, result, published = None, "", None
        elif published and published > YEAR_END:
            published = None
        key = (LICENSING_CODES[category], accepted.year)
        sequence[key] = sequence.get(key, 0) + 1
        number = f"{key[0]}{accepted.year}{sequence[key]:04d}"
        rows.append([number, item, category, firm.name, firm.code, accepted, decided, result, published, ""])
    return rows


# Counsel -----------------------------------------------------------------------------------------

OPINION_SUBJECTS = [
    "关于{firm}行政处罚案件自由裁量适用的法律意见",
    "关于{firm}申请延期缴纳罚款的法律意见",
    "关于{firm}行政复议案件答复的法律意见",
    "关于《佛山市南海区{topic}工作方案》合法性审查的法律意见",
    "关于{firm}重大事故隐患挂牌督办程序的法律意见",
    "关于申请人民法院强制执行{firm}罚款的法律意见",
]
CONTRACT_SUBJECTS = [
    "南海区应急物资储备采购合同",
    "“城市大脑二期-南海区应急指挥”综合应用平台建设合同",
    "安全生产责任保险事故预防技术服务合同",
    "安全生产执法检查专家技术服务合同",
    "法律顾问服务合同",
    "应急救援队伍购买服务合同",
    "“学习强安”知识竞赛活动承办合同",
    "办公场所物业管理服务合同",
    "应急广播系统运维服务合同",
    "安全生产宣传教育服务合同",
]
TOPICS = [
    "安全生产大排查大整治",
    "村级工业园安全生产整治提升",
    "燃气安全排查整治",
    "有限空间作业安全整治",
    "应急演练",
]
COUNSEL_HEADER = ["编号", "类型", "日期", "事项", "区划代码"]


def counsel_rows(world: World) -> list[list[object]]:
    rng, calendar = world.rng, world.calendar
    plan = [
        (LAST_YEAR, "法律意见", 4),
        (LAST_YEAR, "合同审查", 3),
        (REPORTED, "法律意见", exact("counsel.opinions")),
        (REPORTED, "合同审查", exact("counsel.contract_reviews")),
        (AFTER_AS_OF, "法律意见", 3),
        (AFTER_AS_OF, "合同审查", 2),
    ]
    records = []
    for period, kind, count in plan:
        for day in calendar.draw(period, count):
            if kind == "法律意见":
                subject = rng.choice(OPINION_SUBJECTS).format(
                    firm=rng.choice(world.firms).name, topic=rng.choice(TOPICS)
                )
            else:
                subject = f"{day.year}年{rng.choice(CONTRACT_SUBJECTS)}审查"
            records.append((day, kind, subject))
    records.sort(key=lambda r: r[0])
    numbers = yearly_numbers([day for day, _kind, _subject in records], "GW{year}-{n:03d}")
    return [
        [number, kind, day, subject, REGION_CODE]
        for number, (day, kind, subject) in zip(numbers, records, strict=True)
    ]


# Litigation --------------------------------------------------------------------------------------

CAUSES = [
    "不服行政处罚决定",
    "不服责令停产停业整顿决定",
    "不服查封扣押行政强制措施",
    "政府信息公开答复",
    "投诉举报处理（履行法定职责）",
]
LAWSUIT_RESULTS = [("判决驳回原告诉讼请求", 60), ("原告撤回起诉", 20), ("裁定驳回起诉", 10), ("审理中", 10)]
REVIEW_RESULTS = [("维持原行政行为", 60), ("驳回复议申请", 20), ("申请人撤回申请，终止审理", 20)]
LITIGATION_HEADER = [
    "案号",
    "类型",
    "收案日期",
    "案由",
    "相对人",
    "负责人应出庭",
    "负责人实际出庭",
    "审理结果",
    "区划代码",
]


def litigation_rows(world: World) -> list[list[object]]:
    rng, calendar = world.rng, world.calendar
    rows: list[list[object]] = []
    plan = [
        (LAST_YEAR, 4, 1, 1, 3),
        (
            REPORTED,
            exact("litigation.cases"),
            exact("litigation.head_required"),
            exact("litigation.head_appeared"),
            11,
        ),
        (AFTER_AS_OF, 1, 1, 1, 1),
    ]
    court_numbers: dict[int, int] = {}
    review_numbers: dict[int, int] = {}
    for period, lawsuits, required, appeared, reviews in plan:
        days = calendar.draw(period, lawsuits)
        heads = [i < required for i in range(lawsuits)]
        rng.shuffle(heads)
        shown = 0
        for day, head in zip(days, heads, strict=True):
            year = day.year
            court_numbers[year] = court_numbers.get(year, 80) + rng.randint(20, 90)
            appeal = rng.random() < 0.12
            number = (
                f"（{year}）粤06行终{court_numbers[year] // 4}号"
                if appeal
                else f"（{year}）粤0605行初{court_numbers[year]}号"
            )
            appears = head and shown < appeared
            shown += appears
            result = _choice(rng, LAWSUIT_RESULTS) if day < AS_OF - 60 * DAY else "审理中"
            rows.append(
                [
                    number,
                    "行政诉讼",
                    day,
                    rng.choice(CAUSES),
                    rng.choice(world.firms).name,
                    _yes(head),
                    _yes(appears),
                    result,
                    "",
                ]
            )
        for day in calendar.draw(period, reviews):
            review_numbers[day.year] = review_numbers.get(day.year, 0) + rng.randint(3, 12)
            rows.append(
                [
                    f"南府行复〔{day.year}〕{review_numbers[day.year]}号",
                    "行政复议",
                    day,
                    rng.choice(CAUSES),
                    rng.choice(world.firms).name,
                    "否",
                    "否",
                    _choice(rng, REVIEW_RESULTS),
                    "",
                ]
            )
    return rows


def _yes(value: bool) -> str:
    return "是" if value else "否"


def _choice(rng, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w for w, _n in weighted], weights=[n for _w, n in weighted])[0]


# Normative documents -----------------------------------------------------------------------------

NORMATIVE_HEADER = ["文号", "名称", "施行日期", "有效期至", "状态", "清理结果", "清理日期", "区划代码"]


def normative_rows() -> list[list[object]]:
    """The bureau's normative documents: the one extended in the year (the report's), others amended or
    repealed in the year or extended the year before, and two without a clean-up, one due to expire soon."""
    (extended,) = exact("normative.extended")
    d = datetime.date
    return [
        [
            "南应急规〔2018〕1号",
            extended,
            d(2018, 8, 1),
            d(2028, 7, 31),
            "有效",
            "延期保留",
            d(YEAR, 7, 14),
            "",
        ],
        [
            "南应急规〔2017〕2号",
            "佛山市南海区安全生产“黑名单”管理办法",
            d(2017, 12, 1),
            d(2027, 11, 30),
            "有效",
            "延期保留",
            d(YEAR - 1, 11, 18),
            "",
        ],
        [
            "南应急规〔2019〕2号",
            "佛山市南海区应急管理局行政处罚自由裁量权实施办法",
            d(2019, 6, 1),
            d(2024, 5, 31),
            "有效",
            "修改",
            d(YEAR, 4, 20),
            "",
        ],
        [
            "南应急规〔2019〕3号",
            "佛山市南海区危险化学品经营许可实施细则",
            d(2019, 10, 1),
            d(2024, 9, 30),
            "废止",
            "废止",
            d(YEAR, 3, 10),
            "",
        ],
        [
            "南应急规〔2019〕4号",
            "佛山市南海区应急管理局行政执法全过程记录实施办法",
            d(2019, 5, 1),
            d(2024, 4, 30),
            "有效",
            "",
            None,
            "",
        ],
        [
            "南应急规〔2022〕1号",
            "佛山市南海区村级工业园安全生产管理办法（试行）",
            d(2022, 6, 1),
            d(2024, 5, 31),
            "有效",
            "",
            None,
            "",
        ],
        [
            "南应急规〔2022〕2号",
            "佛山市南海区应急管理局重大行政执法决定法制审核办法",
            d(2022, 9, 1),
            d(2027, 8, 31),
            "有效",
            "",
            None,
            "",
        ],
    ]


# Disclosure --------------------------------------------------------------------------------------

DISCLOSURES = [
    (
        "隐患管理",
        20,
        ["南海区{y}年第{n}批重大事故隐患挂牌督办名单", "关于{firm}重大事故隐患整改销号情况的公示"],
    ),
    (
        "执法检查",
        28,
        ["南海区应急管理局{y}年{m}月执法检查情况", "{y}年“双随机、一公开”抽查结果公示（第{n}批）"],
    ),
    ("行政处罚", 20, ["南海区应急管理局{y}年{m}月行政处罚信息公示（第{n}期）"]),
    (
        "行政许可",
        10,
        ["危险化学品经营许可证核发结果公示（第{n}期）", "烟花爆竹经营（零售）许可证核发结果公示（第{n}期）"],
    ),
    (
        "预警信息",
        12,
        ["南海区应急管理局关于做好{event}防御工作的预警提示", "关于加强{m}月份安全生产工作的提示"],
    ),
    ("事故调查报告", 3, ["{firm}“{m}·{n}”一般生产安全事故调查报告"]),
    ("安全生产月", 4, ["南海区{y}年“安全生产月”活动方案", "南海区“安全生产月”宣传咨询日活动剪影（{town}）"]),
    (
        "其他",
        3,
        ["南海区应急管理局{y}年法治政府建设年度报告", "南海区应急管理局领导干部应知应会法律法规清单"],
    ),
]
EVENTS = [
    "台风“泰利”",
    "台风“杜苏芮”",
    "台风“苏拉”",
    "台风“海葵”",
    "台风“小犬”",
    "强降雨",
    "强对流天气",
    "高温天气",
    "寒潮",
]
DISCLOSURE_HEADER = ["编号", "标题", "类别", "发布日期", "区划代码"]


def disclosure_rows(world: World) -> list[list[object]]:
    rng, calendar = world.rng, world.calendar
    items = []
    for period, count in ((LAST_YEAR, 25), (REPORTED, exact("disclosure.items")), (AFTER_AS_OF, 25)):
        categories = rng.choices(DISCLOSURES, weights=[c[1] for c in DISCLOSURES], k=count)
        for n, (day, (category, _w, titles)) in enumerate(
            zip(calendar.draw(period, count), categories, strict=True), start=1
        ):
            title = rng.choice(titles).format(
                y=day.year,
                m=day.month,
                n=n % 40 + 1,
                firm=rng.choice(world.firms).name,
                event=rng.choice(EVENTS),
                town=rng.choice(TOWNS).name,
            )
            items.append((day, title, category))
    numbers = yearly_numbers([day for day, _title, _category in items], "GK{year}-{n:04d}")
    return [
        [number, title, category, day, REGION_CODE]
        for number, (day, title, category) in zip(numbers, items, strict=True)
    ]


# Study sessions ----------------------------------------------------------------------------------

STUDY_TOPICS = {
    "党委理论学习中心组专题学习": [
        "学习习近平法治思想",
        "学习党的二十大报告关于全面依法治国的部署",
        "学习《中华人民共和国行政处罚法》",
        "学习《中华人民共和国安全生产法》",
        "学习《广东省安全生产条例》",
        "学习《中华人民共和国行政复议法》（2023年修订）",
        "学习习近平总书记关于应急管理的重要论述",
        "学习《法治政府建设实施纲要（2021—2025年）》",
        "学习《中华人民共和国突发事件应对法》",
        "学习《生产安全事故应急条例》",
        "学习《中华人民共和国宪法》",
        "学习《优化营商环境条例》",
        "学习《中华人民共和国行政许可法》",
    ],
    "支部集中学习": ["“第一议题”学习：{t}", "支部集中学习：领导干部应知应会法律法规"],
    "专家专题辅导": [
        "工贸企业重大事故隐患判定标准解析",
        "行政执法案卷评查与执法文书规范使用",
        "行政应诉实务专题辅导",
    ],
    "学法考试": ["{y}年度领导干部学法考试", "{y}年度行政执法人员法律知识考试"],
    "参观法治教育基地": ["参观佛山市纪法教育基地"],
}
STUDY_PLAN = {
    "党委理论学习中心组专题学习": (3, None, 1),
    "支部集中学习": (3, 11, 1),
    "专家专题辅导": (1, 4, 0),
    "学法考试": (1, 2, 0),
    "参观法治教育基地": (0, 1, 0),
}
STUDY_HEADER = ["编号", "类型", "日期", "主题", "区划代码"]


def study_rows(world: World) -> list[list[object]]:
    rng, calendar = world.rng, world.calendar
    records = []
    for kind, (last_year, reported, after) in STUDY_PLAN.items():
        counts = (last_year, exact("study.central_group_sessions") if reported is None else reported, after)
        for period, count in zip((LAST_YEAR, REPORTED, AFTER_AS_OF), counts, strict=True):
            for i, day in enumerate(_spaced(calendar, period, count)):
                topics = STUDY_TOPICS[kind]
                topic = topics[i % len(topics)].format(
                    y=day.year, t=rng.choice(STUDY_TOPICS["党委理论学习中心组专题学习"])
                )
                records.append((day, kind, topic))
    records.sort(key=lambda r: (r[0], r[1]))
    numbers = yearly_numbers([day for day, _kind, _topic in records], "XF{year}-{n:03d}")
    return [
        [number, kind, day, topic, ""] for number, (day, kind, topic) in zip(numbers, records, strict=True)
    ]


def _spaced(calendar, period: Period, count: int) -> list[datetime.date]:
    """`count` working days spread evenly over the period (a session every few weeks)."""
    if count <= 0:
        return []
    days = calendar.workdays(period)
    sizes = split_total(calendar.rng, len(days), count, spread=0.1) if count <= len(days) else [1] * count
    picks, start = [], 0
    for size in sizes:
        picks.append(days[min(start + size // 2, len(days) - 1)])
        start += size
    return picks
