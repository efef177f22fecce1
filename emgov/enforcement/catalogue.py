"""Common clauses a 一般隐患 breaks, offered as the officer types (a searchable list on the phone page).

Articles of the 安全生产法 as amended in 2021 (in force from 2021-09-01); the officer may write any other
clause instead. Each clause says how far its article number is checked, in the marks of the project's
domain notes: V read in the statute's full text, S from a secondary source, U not yet checked against the
official text (the number as the 2021 text is remembered)."""

from __future__ import annotations

from typing import NamedTuple

LAW = "《中华人民共和国安全生产法》"

VERIFIED, SECONDARY, UNVERIFIED = "V", "S", "U"
# Where the V marks were read: the 2021 text in LawRefBook/Laws, 社会法/安全生产法(2021-06-10).md.
STATUTE_SOURCE = "LawRefBook/Laws@2f4c5c2 社会法/安全生产法(2021-06-10).md"


class Clause(NamedTuple):
    law: str
    article: str
    summary: str
    verified: str
    source: str = ""

    @property
    def text(self) -> str:
        return f"{self.law}{self.article}（{self.summary}）"


CLAUSES: tuple[Clause, ...] = (
    Clause(LAW, "第二十一条", "主要负责人安全生产职责", UNVERIFIED),
    Clause(LAW, "第二十二条", "全员安全生产责任制", UNVERIFIED),
    Clause(LAW, "第二十四条", "安全生产管理机构或者安全生产管理人员", UNVERIFIED),
    Clause(LAW, "第二十七条", "主要负责人和安全生产管理人员的安全生产知识和管理能力", UNVERIFIED),
    Clause(LAW, "第二十八条", "从业人员安全生产教育和培训及其档案", UNVERIFIED),
    Clause(LAW, "第三十条", "特种作业人员持证上岗", UNVERIFIED),
    Clause(LAW, "第三十五条", "安全警示标志", UNVERIFIED),
    Clause(LAW, "第三十六条", "安全设备的维护、保养和定期检测", UNVERIFIED),
    Clause(LAW, "第三十八条", "不得使用应当淘汰的工艺、设备", UNVERIFIED),
    Clause(LAW, "第三十九条", "危险物品的安全管理制度和安全措施", UNVERIFIED),
    Clause(LAW, "第四十条", "重大危险源登记建档、检测、评估、监控", UNVERIFIED),
    Clause(LAW, "第四十一条", "安全风险分级管控和事故隐患排查治理", VERIFIED, STATUTE_SOURCE),
    Clause(LAW, "第四十二条", "出口、疏散通道畅通，危险物品场所与员工宿舍分开", UNVERIFIED),
    Clause(LAW, "第四十三条", "爆破、吊装、动火、临时用电等危险作业的现场安全管理", UNVERIFIED),
    Clause(LAW, "第四十四条", "教育和督促从业人员执行安全生产规章制度和操作规程", UNVERIFIED),
    Clause(LAW, "第四十五条", "为从业人员提供劳动防护用品", UNVERIFIED),
    Clause(LAW, "第四十九条", "发包、出租的安全生产条件和统一协调管理", UNVERIFIED),
    Clause(LAW, "第八十一条", "生产安全事故应急救援预案", UNVERIFIED),
    Clause(LAW, "第一百零二条", "未采取措施消除事故隐患", VERIFIED, STATUTE_SOURCE),
)


def options() -> list[str]:
    """The clauses as the officer picks them: the law, the article and what it requires."""
    return [c.text for c in CLAUSES]
