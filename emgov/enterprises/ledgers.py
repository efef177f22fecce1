from typing import Any

from emgov.core.interchange.columns import BoolColumn, ChoiceColumn, TextColumn
from emgov.core.interchange.ledger import Ledger
from emgov.core.ledgers import town_column
from emgov.enterprises.models import Enterprise, RiskLevel


class EnterpriseLedger(Ledger):
    id = "enterprises"
    title = "企业"
    model = Enterprise
    columns = (
        TextColumn("统一社会信用代码", "credit_code", key=True),
        TextColumn("企业名称", "name", required=True),
        town_column("所属镇街", "town", required=True),
        TextColumn("行业类别", "industry", required=True),
        TextColumn("地址", "address"),
        TextColumn("法定代表人", "legal_representative"),
        TextColumn("联系电话", "phone"),
        ChoiceColumn("风险等级", "risk_level", choices=RiskLevel.values),
        BoolColumn("是否重点企业", "is_key"),
    )


def link_enterprise(instance: Any, code_field: str = "party_credit_code") -> None:
    """Point the record at the register's enterprise with its 统一社会信用代码, where there is one."""
    code = getattr(instance, code_field)
    if not code:
        instance.enterprise = None
    elif instance.enterprise is None or instance.enterprise.credit_code != code:
        instance.enterprise = Enterprise.objects.filter(credit_code=code).first()
