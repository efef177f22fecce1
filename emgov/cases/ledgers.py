from typing import Any

from emgov.cases.models import DECISION_DOC_TYPE, PartyType, PenaltyCase, PenaltyKind, Procedure
from emgov.core import numbering
from emgov.core.interchange.columns import (
    ChoiceColumn,
    ChoiceListColumn,
    DateColumn,
    DecimalColumn,
    TextColumn,
)
from emgov.core.interchange.ledger import Ledger, PlannedRow
from emgov.core.ledgers import department_column, region_column
from emgov.enforcement.ledgers import visit_column
from emgov.enterprises.ledgers import link_enterprise


class PenaltyLedger(Ledger):
    id = "penalties"
    title = "行政处罚"
    model = PenaltyCase
    columns = (
        TextColumn("决定书文号", "decision_number", key=True),
        TextColumn("案件编号", "case_number"),
        DateColumn("立案日期", "filed_on", required=True),
        DateColumn("决定日期", "decided_on", required=True),
        TextColumn("当事人名称", "party_name", required=True),
        ChoiceColumn("当事人类型", "party_type", required=True, choices=PartyType.values),
        TextColumn("统一社会信用代码", "party_credit_code"),
        department_column("执法部门", "department", required=True),
        TextColumn("违法行为", "violation", required=True),
        TextColumn("处罚依据", "legal_basis", required=True),
        ChoiceListColumn("处罚种类", "penalty_kinds", required=True, choices=PenaltyKind.values),
        DecimalColumn("罚款金额", "fine_amount", money=True),
        ChoiceColumn("程序类型", "procedure", required=True, choices=Procedure.values),
        visit_column(),
        DateColumn("公示日期", "published_on"),
        region_column(),
    )

    def prepare(self, instance: PenaltyCase, m2m: dict[str, list[Any]]) -> None:
        link_enterprise(instance)

    def after_write(self, created: list[PlannedRow], updated: list[PlannedRow]) -> None:
        numbering.numbers_observe(DECISION_DOC_TYPE, (p.instance.decision_number for p in created + updated))
