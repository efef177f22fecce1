from typing import Any

from emgov.core.interchange.columns import ChoiceColumn, DateColumn, TextColumn
from emgov.core.interchange.ledger import Ledger
from emgov.core.ledgers import region_column
from emgov.licensing.models import LicensingCase, LicensingCategory, LicensingResult
from emgov.licensing.services import derive_fields, link_item


class LicensingLedger(Ledger):
    id = "licensing"
    title = "行政许可"
    model = LicensingCase
    columns = (
        TextColumn("受理编号", "number", key=True),
        TextColumn("事项名称", "item_name", required=True),
        ChoiceColumn("事项类别", "category", required=True, choices=LicensingCategory.values),
        TextColumn("申请人", "applicant", required=True),
        TextColumn("统一社会信用代码", "credit_code"),
        DateColumn("受理日期", "accepted_on", required=True),
        DateColumn("办结日期", "decided_on"),
        ChoiceColumn("办理结果", "result", choices=LicensingResult.values),
        DateColumn("公示日期", "published_on"),
        region_column(),
    )

    def prepare(self, instance: LicensingCase, m2m: dict[str, list[Any]]) -> None:
        link_item(instance)
        derive_fields(instance)
