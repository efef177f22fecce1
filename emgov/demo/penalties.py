"""Administrative penalties (行政处罚): the bureau's decisions of the year, the fines, their publication (双公示)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from emgov.demo.dates import AFTER_AS_OF, LAST_YEAR, REPORTED, YEAR_END, Period
from emgov.demo.numbers import DocumentNumbers
from emgov.demo.targets import AS_OF, exact, middle
from emgov.demo.world import BUREAU, Visit, World

DAY = datetime.timedelta(days=1)
LAW = "《中华人民共和国安全生产法》"


@dataclass(frozen=True)
class Violation:
    conduct: str
    basis: str
    low: int
    high: int
    kinds: tuple[str, ...] = ("罚款",)
    sectors: tuple[str, ...] = ()
    role: str = ""


def _law(conduct: str, broken: str, article: str, low: int, high: int, **extra: object) -> Violation:
    return Violation(f"{conduct}，违反了{LAW}{broken}的规定", f"{LAW}{article}", low, high, **extra)  # type: ignore[arg-type]


VIOLATIONS = [
    _law(
        "未按照规定对从业人员进行安全生产教育和培训", "第二十八条第一款", "第九十七条第（三）项", 10000, 50000
    ),
    _law("未如实记录安全生产教育和培训情况", "第二十八条第四款", "第九十七条第（四）项", 5000, 30000),
    _law(
        "特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业",
        "第三十条第一款",
        "第九十七条第（七）项",
        10000,
        60000,
    ),
    _law(
        "未将事故隐患排查治理情况如实记录并向从业人员通报",
        "第四十一条第二款",
        "第九十七条第（五）项",
        5000,
        30000,
    ),
    _law("未按照规定定期组织生产安全事故应急救援演练", "第八十一条", "第九十七条第（六）项", 5000, 30000),
    _law(
        "未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志",
        "第三十五条",
        "第九十九条第（一）项",
        5000,
        30000,
    ),
    _law(
        "未对安全设备进行经常性维护、保养和定期检测", "第三十六条第一款", "第九十九条第（三）项", 10000, 50000
    ),
    _law(
        "关闭、破坏直接关系生产安全的监控、报警、防护设备、设施",
        "第三十六条第二款",
        "第九十九条第（四）项",
        20000,
        50000,
    ),
    _law(
        "未为从业人员提供符合国家标准或者行业标准的劳动防护用品",
        "第四十五条",
        "第九十九条第（五）项",
        5000,
        30000,
    ),
    _law(
        "餐饮场所使用燃气未安装可燃气体报警装置",
        "第三十六条第三款",
        "第九十九条第（八）项",
        10000,
        50000,
        sectors=("燃气", "人员密集场所"),
    ),
    _law(
        "进行动火、临时用电等危险作业未安排专门人员进行现场安全管理",
        "第四十三条",
        "第一百零一条第（三）项",
        20000,
        100000,
    ),
    _law("未建立事故隐患排查治理制度", "第四十一条第二款", "第一百零一条第（五）项", 20000, 80000),
    _law("未采取措施消除事故隐患", "第四十一条第二款", "第一百零二条", 10000, 50000),
    _law("未与承租单位签订专门的安全生产管理协议", "第四十九条第二款", "第一百零三条第二款", 10000, 50000),
    _law(
        "生产经营场所的出口、疏散通道被占用、封堵", "第四十二条第二款", "第一百零五条第（二）项", 10000, 50000
    ),
    _law(
        "危险物品仓库与员工宿舍在同一座建筑物内",
        "第四十二条第一款",
        "第一百零五条第（一）项",
        20000,
        50000,
        sectors=("危险化学品", "烟花爆竹"),
    ),
    Violation(
        "未取得危险化学品经营许可证从事危险化学品经营",
        "《危险化学品安全管理条例》第七十七条第三款",
        100000,
        200000,
        ("罚款", "没收违法所得"),
        ("危险化学品",),
    ),
    Violation(
        "未经许可经营烟花爆竹制品",
        "《烟花爆竹安全管理条例》第三十六条第二款",
        20000,
        100000,
        ("罚款", "没收非法财物", "没收违法所得"),
        ("烟花爆竹",),
    ),
]
SUMMARY_VIOLATIONS = [VIOLATIONS[i] for i in (1, 5, 8, 14)]
PERSON_VIOLATIONS = [
    _law(
        "未履行本法规定的安全生产管理职责", "第二十一条", "第九十四条第一款", 20000, 50000, role="主要负责人"
    ),
    _law(
        "未履行本法规定的安全生产管理职责", "第二十五条", "第九十六条", 10000, 30000, role="安全生产管理人员"
    ),
]
ACCIDENT = _law(
    "对发生的一般生产安全事故负有责任", "第四条", "第一百一十四条第一款第（一）项", 300000, 600000
)
PERSON_ACCIDENT = _law(
    "未履行安全生产管理职责，导致发生一般生产安全事故",
    "第二十一条",
    "第九十五条第（一）项",
    40000,
    120000,
    role="主要负责人",
)
OTHER_VIOLATIONS = {
    "消防": Violation(
        "占用、堵塞、封闭疏散通道、安全出口", "《中华人民共和国消防法》第六十条第一款第（三）项", 5000, 50000
    ),
    "住建": Violation(
        "安全防护用具、机械设备、施工机具及配件在进入施工现场前未经查验即投入使用",
        "《建设工程安全生产管理条例》第六十五条第（一）项",
        100000,
        300000,
    ),
}
ACCIDENTS_IN_YEAR = 5
ACCIDENT_SECTORS = ("工贸", "村级工业园", "纺织制衣", "建筑施工", "危险化学品")


@dataclass
class Case:
    decided_on: datetime.date
    general: bool
    period: Period
    published_on: datetime.date | None = None
    filed_on: datetime.date | None = None
    visit: Visit | None = None
    person: bool = False
    violation: Violation | None = None
    kinds: list[str] = field(default_factory=list)
    fine: int | None = None
    department: str = BUREAU
    number: str = ""
    case_number: str = ""
    adjustable: bool = True


class PenaltyBook:
    """The penalty cases of the demo, built period by period; the reported ones to the report's figures."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng
        self.cases: list[Case] = []
        self.used: set[int] = set()
        self.by_day: dict[datetime.date, list[Visit]] = defaultdict(list)
        for visit in world.visits:
            if visit.is_bureau_enforcement and visit.hazard_count:
                self.by_day[visit.date].append(visit)
        self.days = sorted(self.by_day)

    def build(self) -> None:
        self._period(LAST_YEAR, 75, first_day=datetime.date(LAST_YEAR.end.year, 11, 10))
        reported = self._reported()
        self._period(AFTER_AS_OF, 50)
        self._others()
        for case in self.cases:
            self._content(case)
        self._tune_fines(reported)

    def _reported(self) -> list[Case]:
        rng = self.rng
        days = self.world.calendar.draw(REPORTED, exact("enforcement.penalties"))
        cases = [Case(day, rng.random() < 0.66, REPORTED) for day in days]
        for case in cases:
            self._publish(case)
        for case in rng.sample([c for c in cases if c.general and c.decided_on.month < 11], 6):
            case.published_on = None
        carried = sum(1 for c in self.cases if c.published_on and c.published_on in REPORTED)
        wanted = exact("double_publicity.penalty_records") - carried
        published = [c for c in cases if c.published_on and c.published_on <= AS_OF]
        summary = [c for c in cases if not c.general and c.decided_on.month < 11]
        rng.shuffle(summary)
        while len(published) < wanted:
            case = summary.pop()
            case.general = True
            self._publish(case, late=False)
            published.append(case)
        while len(published) > wanted:
            case = published.pop(rng.randrange(len(published)))
            case.general, case.published_on = False, None
        accidents = rng.sample([c for c in cases if c.general and c.published_on], ACCIDENTS_IN_YEAR)
        for case in accidents:
            case.violation, case.adjustable = ACCIDENT, False
        self.cases.extend(cases)
        return cases

    def _period(self, period: Period, count: int, first_day: datetime.date | None = None) -> None:
        for day in self.world.calendar.draw(Period(first_day or period.start, period.end), count):
            case = Case(day, self.rng.random() < 0.66, period)
            self._publish(case)
            self.cases.append(case)

    def _publish(self, case: Case, late: bool = True) -> None:
        """双公示 within 7 working days of the decision, now and then later; simple-procedure decisions are not."""
        if not case.general:
            case.published_on = None
            return
        delay = self.rng.randint(8, 15) if late and self.rng.random() < 0.03 else self.rng.randint(1, 7)
        published = self.world.calendar.add_workdays(case.decided_on, delay)
        case.published_on = published if published <= YEAR_END else None

    def _others(self) -> None:
        """A few decisions of 消防 and 住建 on their joint visits: in the ledger, not the bureau's figures."""
        visits = [
            v
            for v in self.world.visits
            if v.department in ("消防", "住建")
            and v.date in REPORTED
            and v.operation is not None
            and (v.department == "消防" or v.firm.industry == "建筑施工")
        ]
        for visit in self.rng.sample(visits, 8):
            decided = self.world.calendar.on_or_after(visit.date + 20 * DAY)
            case = Case(decided, True, REPORTED, visit=visit, department=visit.department, adjustable=False)
            case.violation = OTHER_VIOLATIONS[visit.department]
            case.published_on = self.world.calendar.add_workdays(decided, 5)
            case.filed_on = visit.date
            self.cases.append(case)

    def _content(self, case: Case) -> None:
        rng = self.rng
        if case.visit is None:
            case.visit = self._visit_for(case)
        firm = case.visit.firm
        case.person = case.general and case.violation is None and rng.random() < 0.07
        if case.violation is None:
            case.violation = self._violation(case, firm.industry)
        elif case.violation is ACCIDENT and rng.random() < 0.5:
            case.violation, case.person = PERSON_ACCIDENT, True
        violation = case.violation
        if case.general:
            case.kinds = (["警告"] if rng.random() < 0.05 else []) + list(violation.kinds)
            case.fine = _round(rng.uniform(violation.low, violation.high), 1000)
        else:
            case.kinds = rng.choices([["警告"], ["罚款"], ["警告", "罚款"]], weights=[20, 65, 15])[0]
            case.fine = rng.choice([500, 1000, 1500, 2000, 2000, 3000]) if "罚款" in case.kinds else None
            case.adjustable = False

    def _visit_for(self, case: Case) -> Visit:
        """The inspection the case came from: the same day for an on-the-spot decision, weeks before otherwise."""
        rng = self.rng
        if case.general:
            taken = rng.randint(95, 115) if rng.random() < 0.005 else rng.randint(20, 80)
            taken = min(taken, (case.decided_on - self.days[0]).days)
            case.filed_on = self.world.calendar.on_or_before(case.decided_on - taken * DAY)
            windows = [(case.filed_on - 20 * DAY, case.filed_on), (self.days[0], case.decided_on - 10 * DAY)]
        else:
            start = case.period.start
            windows = [(max(case.decided_on - 20 * DAY, start), case.decided_on), (start, case.decided_on)]
        accident = case.violation is ACCIDENT
        for earliest, latest in windows:
            choices = [
                v
                for d in self.days
                if earliest <= d <= latest
                for v in self.by_day[d]
                if id(v) not in self.used and (not accident or v.firm.industry in ACCIDENT_SECTORS)
            ]
            if choices:
                visit = rng.choice(choices)
                break
        else:
            raise ValueError(f"no inspection to base a case decided on {case.decided_on} on")
        self.used.add(id(visit))
        if not case.general:
            case.decided_on = case.filed_on = visit.date
        else:
            case.filed_on = max(case.filed_on or visit.date, visit.date)
        return visit

    def _violation(self, case: Case, industry: str) -> Violation:
        if not case.general:
            return self.rng.choice(SUMMARY_VIOLATIONS)
        if case.person:
            return self.rng.choice(PERSON_VIOLATIONS)
        fitting = [v for v in VIOLATIONS if not v.sectors or industry in v.sectors]
        weights = [0.3 if v.sectors and v.low >= 100000 else 1.0 for v in fitting]
        return self.rng.choices(fitting, weights=weights)[0]

    def _tune_fines(self, reported: list[Case]) -> None:
        """Bring the year's fines to the report's total (约2032万元), each fine inside its legal range."""
        rng = self.rng
        adjustable = [c for c in reported if c.adjustable and c.fine and c.violation]
        fixed = sum(c.fine or 0 for c in reported if c not in adjustable)
        floors = [c.violation.low // 500 for c in adjustable if c.violation]
        ceilings = [c.violation.high // 500 for c in adjustable if c.violation]
        wanted = (middle("enforcement.fines_yuan") - fixed) // 500
        scale = wanted / sum((c.fine or 0) // 500 for c in adjustable)
        steps = [
            min(max(round((c.fine or 0) // 500 * scale), low), high)
            for c, low, high in zip(adjustable, floors, ceilings, strict=True)
        ]
        difference = wanted - sum(steps)
        if not sum(floors) <= wanted <= sum(ceilings):
            raise ValueError(f"fines cannot add up to {wanted * 500} yuan")
        while difference:
            i = rng.randrange(len(steps))
            if difference > 0 and steps[i] < ceilings[i]:
                steps[i], difference = steps[i] + 1, difference - 1
            elif difference < 0 and steps[i] > floors[i]:
                steps[i], difference = steps[i] - 1, difference + 1
        for case, step in zip(adjustable, steps, strict=True):
            case.fine = step * 500

    def number(self, numbers: DocumentNumbers) -> None:
        general = [c for c in self.cases if c.general and c.department == BUREAU]
        numbers.assign(general, day=lambda c: c.decided_on, doc_type="行政处罚决定书")
        numbers.assign(general, day=lambda c: c.filed_on, doc_type="立案审批表", field="case_number")
        summary = [c for c in self.cases if not c.general]
        numbers.assign(summary, day=lambda c: c.decided_on, doc_type="当场处罚决定书", template=ON_THE_SPOT)
        for department, template in OTHER_TEMPLATES.items():
            theirs = [c for c in self.cases if c.department == department]
            numbers.assign(theirs, day=lambda c: c.decided_on, doc_type=department, template=template)


ON_THE_SPOT = "（南海）应急罚当〔{year}〕{n}号"
OTHER_TEMPLATES = {"消防": "南（消）行罚决字〔{year}〕{n:04d}号", "住建": "南住建罚〔{year}〕{n}号"}
PENALTY_HEADER = [
    "决定书文号",
    "案件编号",
    "立案日期",
    "决定日期",
    "当事人名称",
    "当事人类型",
    "统一社会信用代码",
    "执法部门",
    "违法行为",
    "处罚依据",
    "处罚种类",
    "罚款金额",
    "程序类型",
    "检查编号",
    "公示日期",
    "区划代码",
]


def _round(value: float, step: int) -> int:
    return max(step, int(round(value / step)) * step)


def penalty_rows(world: World, numbers: DocumentNumbers) -> list[list[object]]:
    book = PenaltyBook(world)
    book.build()
    book.number(numbers)
    rows = []
    for case in sorted(book.cases, key=lambda c: (c.decided_on, c.number)):
        visit, violation = case.visit, case.violation
        assert visit is not None and violation is not None
        firm = visit.firm
        conduct = violation.conduct
        if case.person:
            name, party_type, code = firm.representative, "自然人", ""
            conduct = f"{name}作为{firm.name}{violation.role}，{conduct}"
        else:
            name, party_type, code = firm.name, firm.party_type, firm.code
        rows.append(
            [
                case.number,
                case.case_number,
                case.filed_on,
                case.decided_on,
                name,
                party_type,
                code,
                case.department,
                conduct,
                violation.basis,
                "；".join(case.kinds),
                case.fine,
                "普通程序" if case.general else "简易程序",
                visit.number,
                case.published_on,
                "",
            ]
        )
    return rows
