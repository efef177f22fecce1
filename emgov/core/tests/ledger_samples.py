"""Hand-made ledger files covering every column of spec/interchange.md, and helpers to import them."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable
from typing import Any

from django.db import models
from openpyxl import Workbook

from emgov.core.interchange import registry
from emgov.core.interchange.ledger import ImportResult
from emgov.core.models import AuditEntry

CODE_A = "91440605MA4W00001D"
CODE_B = "91440605MA4W00002G"
CODE_C = "92440605MA4W00003G"
CODE_UNREGISTERED = "91440605MA4W00004N"

# The order in which ledgers can be imported: every reference points to an earlier ledger.
ORDER = [
    "regions",
    "departments",
    "officers",
    "enterprises",
    "operations",
    "inspections",
    "hazards",
    "orders",
    "penalties",
    "licensing",
    "counsel",
    "litigation",
    "normative-documents",
    "disclosures",
    "outreach",
    "study-sessions",
    "exams",
    "event-types",
    "plans",
    "drills",
    "teams",
    "materials",
]

# fmt: off
SAMPLES: dict[str, list[list[str]]] = {
    "regions": [
        ["区划代码", "名称", "上级区划代码", "层级"],
        ["440605011", "桂城街道", "440605", "镇街"],
        ["440000", "广东省", "", "省"],
        ["440600", "佛山市", "440000", "市"],
        ["440605", "南海区", "440600", "区县"],
        ["440605121", "九江镇", "440605", "镇街"],
    ],
    "departments": [
        ["部门简称", "部门名称", "是否本局", "区划代码"],
        ["应急", "佛山市南海区应急管理局", "是", "440605"],
        ["住建", "佛山市南海区住房城乡建设和水利局", "否", "440605"],
        ["消防", "佛山市南海区消防救援大队", "", ""],
        ["卫健", "佛山市南海区卫生健康局", "N", ""],
    ],
    "officers": [
        ["执法证号", "姓名", "所属部门", "证件有效期至", "职务"],
        ["44060500001", "张三", "应急", "2026/12/31", "科长"],
        ["44060500002", "李四", "佛山市南海区应急管理局", "2026年12月31日", "科员"],
        ["44060500003", "王五", "应急", "2023-03-31", "科员"],
        ["44060500004", "赵六", "住建", "", ""],
    ],
    "enterprises": [
        ["统一社会信用代码", "企业名称", "所属镇街", "行业类别", "地址", "法定代表人", "联系电话", "风险等级", "是否重点企业"],
        [CODE_A, "佛山市南海区甲五金制品有限公司", "桂城街道", "工贸", "南海大道1号", "陈一", "0757-86000001", "较大风险", "是"],
        [CODE_B, "佛山市南海区乙燃气有限公司", "440605121", "燃气", "", "", "", "", ""],
        [CODE_C, "佛山市南海区丙纺织有限公司", "九江镇", "纺织制衣", "九江工业园", "", "13800000000", "一般风险", "否"],
    ],
    "operations": [
        ["行动编号", "行动类型", "行动名称", "开始日期", "结束日期", "牵头部门", "参与部门", "带队领导", "带队领导级别", "是否四不两直", "区划代码"],
        ["XD2023001", "联合执法", "燃气安全联合执法", "2023-03-01", "2023/3/31", "应急", "应急；住建;消防", "周区长", "区领导", "是", "440605"],
        ["XD2023002", "督导检查", "汛前督导", "2023年5月10日", "", "", "", "", "", "", ""],
        ["XD2023003", "回头看", "隐患整改回头看", "2023-09-01", "2023-09-30", "应急", "住建、消防", "", "", "否", "440605121"],
    ],
    "inspections": [
        ["检查编号", "检查日期", "统一社会信用代码", "执法部门", "检查性质", "行动编号", "执法人员证号", "检查结果", "音像记录"],
        ["JC2023001", "2023-03-15", CODE_A, "应急", "执法检查", "XD2023001", "44060500001；44060500002", "发现隐患2项", "是"],
        ["JC2023002", "2023/6/1", CODE_B, "住建", "帮扶指导", "", "", "", ""],
        ["JC2023003", "2023年9月5日", CODE_C, "应急", "督导检查", "XD2023003", "44060500001", "现场检查，资料齐全", "Y"],
        ["JC2023004", "2023-10-10", CODE_A, "应急", "执法检查", "", "44060500002、44060500004", "", "0"],
    ],
    "hazards": [
        ["隐患编号", "检查编号", "隐患描述", "隐患等级", "判定依据", "整改期限", "整改完成日期", "复查日期", "复查结论"],
        ["YH2023001", "JC2023001", "消防通道堵塞", "一般隐患", "", "2023-03-30", "2023/3/25", "2023-03-28", "已整改"],
        ["YH2023002", "JC2023001", "除尘系统未按规定设置", "重大事故隐患", "工贸企业重大事故隐患判定标准第十一条", "2023年4月15日", "", "", ""],
        ["YH2023003", "JC2023003", "应急预案未演练", "一般隐患", "", "", "", "", ""],
    ],
    "orders": [
        ["文书编号", "检查编号", "文书类型", "签发日期", "期限"],
        ["（南海）应急责改〔2023〕1号", "JC2023001", "责令限期整改指令书", "2023-03-15", "2023/3/30"],
        ["（南海）应急复查〔2023〕1号", "JC2023001", "整改复查意见书", "2023年3月28日", ""],
    ],
    "penalties": [
        ["决定书文号", "案件编号", "立案日期", "决定日期", "当事人名称", "当事人类型", "统一社会信用代码", "执法部门", "违法行为", "处罚依据", "处罚种类", "罚款金额", "程序类型", "检查编号", "公示日期", "区划代码"],
        ["（南海）应急罚〔2023〕1号", "AJ2023001", "2023-03-20", "2023/5/10", "佛山市南海区甲五金制品有限公司", "法人", CODE_A, "应急", "未按规定设置除尘系统", "《安全生产法》第九十九条", "罚款；警告", "23456.78", "普通程序", "JC2023001", "2023年5月12日", "440605"],
        ["（南海）应急罚〔2023〕2号", "", "2023-06-01", "2023-06-01", "刘某", "自然人", "", "应急", "未佩戴安全帽", "《安全生产法》第一百零七条", "警告", "", "简易程序", "", "", ""],
        ["（南海）应急罚〔2023〕3号", "AJ2023003", "2023-07-01", "2023-07-02", "南海区某五金店", "个体工商户", CODE_UNREGISTERED, "应急", "未如实记录安全生产教育培训", "《安全生产法》第九十七条", "罚款", "1500.5", "简易程序", "", "", ""],
    ],
    "licensing": [
        ["受理编号", "事项名称", "事项类别", "申请人", "统一社会信用代码", "受理日期", "办结日期", "办理结果", "公示日期", "区划代码"],
        ["XK2023001", "危险化学品经营许可证核发", "行政许可", "佛山市南海区乙燃气有限公司", CODE_B, "2023-02-01", "2023/2/20", "准予", "2023年2月22日", "440605"],
        ["XK2023002", "生产安全事故应急预案备案", "备案", "某个体户", "", "2023-04-01", "", "", "", ""],
    ],
    "counsel": [
        ["编号", "类型", "日期", "事项", "区划代码"],
        ["FG2023001", "法律意见", "2023-01-10", "关于执法案件移送的法律意见", "440605"],
        ["FG2023002", "合同审查", "2023/7/1", "应急物资采购合同审查", ""],
    ],
    "litigation": [
        ["案号", "类型", "收案日期", "案由", "相对人", "负责人应出庭", "负责人实际出庭", "审理结果", "区划代码"],
        ["（2023）粤0605行初1号", "行政诉讼", "2023-04-01", "不服行政处罚决定", "某公司", "是", "是", "驳回诉讼请求", "440605"],
        ["南府复〔2023〕2号", "行政复议", "2023/8/1", "不服责令限期整改", "", "否", "", "", ""],
    ],
    "normative-documents": [
        ["文号", "名称", "施行日期", "有效期至", "状态", "清理结果", "清理日期", "区划代码"],
        ["南应规〔2021〕1号", "佛山市南海区安全生产约谈办法", "2021-06-01", "2026-05-31", "有效", "延期保留", "2023/11/30", "440605"],
        ["南应规〔2018〕2号", "南海区应急物资管理规定", "2018年3月1日", "2023-02-28", "失效", "", "", ""],
    ],
    "disclosures": [
        ["编号", "标题", "类别", "发布日期", "区划代码"],
        ["GK2023001", "2023年安全生产执法检查计划", "执法检查", "2023-02-15", "440605"],
        ["GK2023002", "关于发布高温预警的通知", "预警信息", "2023/7/20", ""],
    ],
    "outreach": [
        ["编号", "活动类型", "名称", "开始日期", "参与人数", "是否安全生产月", "区划代码"],
        ["PF2023001", "线上培训", "安全生产法网络培训", "2023-06-01", "1200", "是", "440605"],
        ["PF2023002", "知识竞赛", "应急知识竞赛", "2023/9/9", "0", "", ""],
    ],
    "study-sessions": [
        ["编号", "类型", "日期", "主题", "区划代码"],
        ["XF2023001", "党委理论学习中心组专题学习", "2023-03-08", "学习习近平法治思想", "440605"],
        ["XF2023002", "学法考试", "2023年12月1日", "年度学法考试", ""],
    ],
    "exams": [
        ["年度", "执法证号", "成绩", "是否通过"],
        ["2023", "44060500001", "92.5", "是"],
        ["2023", "44060500004", "", "否"],
        ["2022", "44060500001", "58", "0"],
    ],
    "event-types": [
        ["事件类型", "事件大类", "牵头部门", "配合部门"],
        ["森林火灾", "自然灾害", "应急", "消防；住建"],
        ["危险化学品事故", "事故灾难", "应急", ""],
    ],
    "plans": [
        ["预案编号", "预案名称", "预案类型", "适用事件类型", "编制单位", "发布日期", "下次评估日期", "区划代码", "批准日期", "批准机关", "系统启用前已发布"],
        ["YA2023001", "佛山市南海区突发事件总体应急预案", "总体应急预案", "森林火灾；危险化学品事故", "应急", "2023-01-20", "2026/1/20", "440605", "2023-01-12", "佛山市南海区人民政府", "否"],
        ["YA2023002", "南海区森林火灾应急预案", "专项应急预案", "森林火灾", "应急", "2022年6月1日", "", "", "", "", "是"],
    ],
    "drills": [
        ["演练编号", "演练名称", "演练日期", "演练形式", "预案编号", "组织单位", "参演人数", "区划代码"],
        ["YL2023001", "危化品泄漏综合演练", "2023-06-16", "综合演练", "YA2023001", "应急", "150", "440605"],
        ["YL2023002", "森林防灭火桌面推演", "2023/11/8", "桌面推演", "", "消防", "", ""],
    ],
    "teams": [
        ["队伍编号", "队伍名称", "队伍类型", "人数", "所属镇街", "联系人", "联系电话"],
        ["DW001", "南海区森林消防队", "专业救援", "45", "九江镇", "周队长", "13900000001"],
        ["DW002", "桂城街道应急救援队", "基层应急", "20", "", "", ""],
    ],
    "materials": [
        ["物资编号", "物资名称", "类别", "数量", "单位", "存放地点", "所属镇街", "有效期至"],
        ["WZ001", "救生衣", "防汛抗旱", "500", "件", "九江镇应急物资仓库", "九江镇", "2028-12-31"],
        ["WZ002", "应急照明灯", "生活保障", "120.5", "台", "区应急物资储备库", "", ""],
    ],
}
# fmt: on

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
WHOLE = re.compile(r"^[1-9]\d{0,14}$|^0$")
DECIMAL = re.compile(r"^\d+\.\d+$")


def as_spreadsheet_cell(value: Any) -> Any:
    """How Excel holds what a user typed: ISO dates become date cells, numbers become number cells."""
    if not isinstance(value, str):
        return value
    if m := ISO_DATE.match(value):
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    if WHOLE.match(value):
        return int(value)
    if DECIMAL.match(value):
        return float(value)
    return value


def table_file(rows: Iterable[Iterable[Any]], fmt: str) -> io.BytesIO:
    out = io.BytesIO()
    if fmt == "csv":
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        out.write(text.getvalue().encode("utf-8-sig"))
    else:
        book = Workbook()
        for row in rows:
            book.active.append([as_spreadsheet_cell(v) for v in row])
        book.save(out)
    out.seek(0)
    return out


def load(ledger_id: str, rows: list[list[Any]], fmt: str = "csv", *, dry_run: bool = False) -> ImportResult:
    return registry.get(ledger_id).load(
        table_file(rows, fmt), fmt, actor=None, via="导入 测试", dry_run=dry_run
    )


def load_ok(ledger_id: str, rows: list[list[Any]], fmt: str = "csv") -> ImportResult:
    result = load(ledger_id, rows, fmt)
    assert result.ok, [str(e) for e in result.errors]
    return result


def messages(result: ImportResult) -> list[str]:
    return [str(e) for e in result.errors]


def load_samples(*, through: str, fmt: str = "csv", skip: Iterable[str] = ()) -> None:
    """Import the sample files of every ledger up to and including `through`."""
    for ledger_id in ORDER[: ORDER.index(through) + 1]:
        if ledger_id not in skip:
            load_ok(ledger_id, SAMPLES[ledger_id], fmt)


def load_before(ledger_id: str, fmt: str = "csv") -> None:
    """Import the sample files of every ledger that `ledger_id` may refer to."""
    for earlier in ORDER[: ORDER.index(ledger_id)]:
        load_ok(earlier, SAMPLES[earlier], fmt)


def sample_rows(ledger_id: str, *changes: dict[str, Any], base: int = 1) -> list[list[Any]]:
    """The sample header, then one row per `changes`: sample row `base` with those cells replaced."""
    header = SAMPLES[ledger_id][0]
    rows = [list(header)]
    for change in changes:
        unknown = set(change) - set(header)
        assert not unknown, f"no such column: {unknown}"
        row = list(SAMPLES[ledger_id][base])
        for title, value in change.items():
            row[header.index(title)] = value
        rows.append(row)
    return rows


def with_cell(rows: list[list[Any]], row: int, title: str, value: Any) -> list[list[Any]]:
    """A copy of `rows` with one cell replaced; `row` counts like the spreadsheet (header = 1)."""
    copy = [list(r) for r in rows]
    copy[row - 1][copy[0].index(title)] = value
    return copy


def without_column(rows: list[list[Any]], title: str) -> list[list[Any]]:
    index = rows[0].index(title)
    return [r[:index] + r[index + 1 :] for r in rows]


class Counts:
    """Records and audit rows, to show that a refused file wrote nothing."""

    def __init__(self, *models_: type[models.Model]) -> None:
        self.models = models_
        self.before = self.now()

    def now(self) -> tuple[int, ...]:
        return (AuditEntry.objects.count(), *(m._default_manager.count() for m in self.models))

    def unchanged(self) -> bool:
        return self.now() == self.before
