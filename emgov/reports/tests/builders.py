"""Hand-made ledger rows for the figure tests, written through the ledger engine as an import writes them.

Every builder loads one row of its ledger (spec/interchange.md, Chinese column names) and returns the
record's key, so that a test reads like the spreadsheet a bureau would import.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from typing import Any

from emgov.core import services
from emgov.core.interchange import registry
from emgov.core.models import Region, RegionLevel
from emgov.core.validators import credit_code_check_character
from emgov.reports.figures import FIGURES, Scope, compute

VIA = "测试"
YEAR = 2023
AS_OF = datetime.date(2023, 12, 4)

# The bureau's officers (应急) and two of 住建, loaded by the `officers` fixture.
BUREAU_OFFICERS = ("YJ001", "YJ002", "YJ003")
OTHER_OFFICERS = ("ZJ001", "ZJ002")

_serial = itertools.count(1)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


@dataclass(frozen=True)
class Place:
    """Where a record is: the town of its enterprise, or the 区划代码 written on it (empty: none)."""

    name: str
    town: str | None
    code: str


GUICHENG = Place("桂城", "桂城街道", "440605011")
JIUJIANG = Place("九江", "九江镇", "440605121")
DALIANG = Place("大良", "大良街道", "440606101")
NOWHERE = Place("本局", None, "")


def load(ledger_id: str, *records: dict[str, Any]) -> None:
    header = list(dict.fromkeys(column for record in records for column in record))
    rows = [[record.get(column, "") for column in header] for record in records]
    result = registry.get(ledger_id).load_rows([header, *rows], actor=None, via=VIA)
    assert result.ok, [str(error) for error in result.errors]


def add_shunde() -> Region:
    """A second district of 佛山市 in the same database: 顺德区 with its town 大良街道."""
    city = Region.objects.get(code="440600")
    shunde = services.region_create(
        actor=None, via=VIA, code="440606", name="顺德区", level=RegionLevel.COUNTY, parent=city
    )
    services.region_create(
        actor=None, via=VIA, code=DALIANG.code, name=DALIANG.town, level=RegionLevel.TOWN, parent=shunde
    )
    return shunde


def load_officers() -> None:
    rows = [
        {"执法证号": number, "姓名": f"执法员{number}", "所属部门": "应急", "证件有效期至": "2026-12-31"}
        for number in BUREAU_OFFICERS
    ]
    rows += [{"执法证号": number, "姓名": f"住建员{number}", "所属部门": "住建"} for number in OTHER_OFFICERS]
    load("officers", *rows)


def credit_code(n: int, county: str = "440605") -> str:
    first = f"91{county}{n:09d}"
    return first + credit_code_check_character(first)


def enterprise(town: str = "桂城街道", industry: str = "工贸") -> str:
    n = next(_serial)
    code = credit_code(n, "440606" if town == DALIANG.town else "440605")
    load(
        "enterprises",
        {
            "统一社会信用代码": code,
            "企业名称": f"{town}测试企业{n}号",
            "所属镇街": town,
            "行业类别": industry,
        },
    )
    return code


def operation(
    start: datetime.date,
    *,
    kind: str = "联合执法",
    unannounced: bool = False,
    leader_level: str = "",
    region: str = "",
) -> str:
    number = f"XD{next(_serial):05d}"
    load(
        "operations",
        {
            "行动编号": number,
            "行动类型": kind,
            "开始日期": start,
            "是否四不两直": "是" if unannounced else "否",
            "带队领导级别": leader_level,
            "区划代码": region,
        },
    )
    return number


def visit(
    company: str,
    date: datetime.date,
    *,
    department: str = "应急",
    nature: str = "执法检查",
    operation: str = "",
    officers: tuple[str, ...] | None = None,
) -> str:
    number = f"JC{next(_serial):05d}"
    if officers is None:
        officers = BUREAU_OFFICERS[:2] if department == "应急" and nature == "执法检查" else ()
    load(
        "inspections",
        {
            "检查编号": number,
            "检查日期": date,
            "统一社会信用代码": company,
            "执法部门": department,
            "检查性质": nature,
            "行动编号": operation,
            "执法人员证号": "；".join(officers),
        },
    )
    return number


def hazard(visit_number: str) -> str:
    number = f"YH{next(_serial):05d}"
    load(
        "hazards",
        {"隐患编号": number, "检查编号": visit_number, "隐患描述": "消防通道堵塞", "隐患等级": "一般隐患"},
    )
    return number


def order(visit_number: str, issued_on: datetime.date, *, doc_type: str = "责令停产停业整顿") -> str:
    number = f"WS{next(_serial):05d}"
    load(
        "orders", {"文书编号": number, "检查编号": visit_number, "文书类型": doc_type, "签发日期": issued_on}
    )
    return number


def penalty(
    decided_on: datetime.date,
    *,
    department: str = "应急",
    party_type: str = "自然人",
    party_code: str = "",
    visit_number: str = "",
    region: str = "",
    kinds: str = "罚款",
    fine: str = "5000",
    published_on: datetime.date | None = None,
) -> str:
    number = f"（南海）应急罚〔{decided_on.year}〕{next(_serial)}号"
    load(
        "penalties",
        {
            "决定书文号": number,
            "立案日期": decided_on,
            "决定日期": decided_on,
            "当事人名称": "张三" if party_type == "自然人" else "测试企业",
            "当事人类型": party_type,
            "统一社会信用代码": party_code,
            "执法部门": department,
            "违法行为": "未按规定开展安全生产教育培训",
            "处罚依据": "《中华人民共和国安全生产法》第九十七条",
            "处罚种类": kinds,
            "罚款金额": fine if "罚款" in kinds else "",
            "程序类型": "普通程序",
            "检查编号": visit_number,
            "公示日期": published_on or "",
            "区划代码": region,
        },
    )
    return number


def licensing(
    accepted_on: datetime.date,
    *,
    published_on: datetime.date | None = None,
    party_code: str = "",
    region: str = "",
) -> str:
    number = f"XK{next(_serial):05d}"
    load(
        "licensing",
        {
            "受理编号": number,
            "事项名称": "危险化学品经营许可",
            "事项类别": "行政许可",
            "申请人": "测试企业",
            "统一社会信用代码": party_code,
            "受理日期": accepted_on,
            "办结日期": published_on or "",
            "公示日期": published_on or "",
            "区划代码": region,
        },
    )
    return number


def counsel(date: datetime.date, *, kind: str = "法律意见", region: str = "") -> str:
    number = f"GW{next(_serial):05d}"
    load(
        "counsel", {"编号": number, "类型": kind, "日期": date, "事项": "执法文书合法性", "区划代码": region}
    )
    return number


def litigation(
    received_on: datetime.date,
    *,
    kind: str = "行政诉讼",
    head_required: bool = False,
    head_appeared: bool = False,
    region: str = "",
) -> str:
    number = f"（{received_on.year}）粤0605行初{next(_serial)}号"
    load(
        "litigation",
        {
            "案号": number,
            "类型": kind,
            "收案日期": received_on,
            "案由": "不服行政处罚决定",
            "负责人应出庭": "是" if head_required else "否",
            "负责人实际出庭": "是" if head_appeared else "否",
            "区划代码": region,
        },
    )
    return number


def normative(
    title: str, *, cleanup_on: datetime.date | None, result: str = "延期保留", region: str = ""
) -> str:
    number = f"南应急规〔2018〕{next(_serial)}号"
    load(
        "normative-documents",
        {
            "文号": number,
            "名称": title,
            "施行日期": "2018-09-01",
            "状态": "有效",
            "清理结果": result if cleanup_on else "",
            "清理日期": cleanup_on or "",
            "区划代码": region,
        },
    )
    return number


def disclosure(published_on: datetime.date, *, region: str = "") -> str:
    number = f"GK{next(_serial):05d}"
    load(
        "disclosures",
        {
            "编号": number,
            "标题": "隐患排查治理情况",
            "类别": "隐患管理",
            "发布日期": published_on,
            "区划代码": region,
        },
    )
    return number


def outreach(
    start: datetime.date, *, kind: str, participants: int, safety_month: bool = False, region: str = ""
) -> str:
    number = f"PF{next(_serial):05d}"
    load(
        "outreach",
        {
            "编号": number,
            "活动类型": kind,
            "名称": f"{kind}活动",
            "开始日期": start,
            "参与人数": participants,
            "是否安全生产月": "是" if safety_month else "否",
            "区划代码": region,
        },
    )
    return number


def study(date: datetime.date, *, kind: str = "党委理论学习中心组专题学习", region: str = "") -> str:
    number = f"XF{next(_serial):05d}"
    load(
        "study-sessions",
        {"编号": number, "类型": kind, "日期": date, "主题": "习近平法治思想", "区划代码": region},
    )
    return number


def exam(year: int, officer: str, *, passed: bool) -> None:
    load(
        "exams",
        {
            "年度": year,
            "执法证号": officer,
            "成绩": "92" if passed else "41",
            "是否通过": "是" if passed else "否",
        },
    )


def event_type(name: str, category: str) -> str:
    load("event-types", {"事件类型": name, "事件大类": category, "牵头部门": "应急"})
    return name


def figures(
    region: str = "440605", *, year: int = YEAR, as_of: datetime.date | None = None
) -> dict[str, Any]:
    return compute(Scope.of(year=year, region_code=region, as_of=as_of))


def figure(key: str, region: str = "440605", *, year: int = YEAR, as_of: datetime.date | None = None) -> Any:
    return FIGURES[key].value(Scope.of(year=year, region_code=region, as_of=as_of))


def records(key: str, region: str = "440605", *, year: int = YEAR, as_of: datetime.date | None = None):
    return FIGURES[key].records(Scope.of(year=year, region_code=region, as_of=as_of))
