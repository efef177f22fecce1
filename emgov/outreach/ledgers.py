from emgov.core.interchange.columns import BoolColumn, ChoiceColumn, DateColumn, IntColumn, TextColumn
from emgov.core.interchange.ledger import Ledger
from emgov.core.ledgers import region_column
from emgov.outreach.models import OutreachActivity, OutreachKind


class OutreachLedger(Ledger):
    id = "outreach"
    title = "普法宣传培训"
    model = OutreachActivity
    columns = (
        TextColumn("编号", "number", key=True),
        ChoiceColumn("活动类型", "kind", required=True, choices=OutreachKind.values),
        TextColumn("名称", "name", required=True),
        DateColumn("开始日期", "start_date", required=True),
        IntColumn("参与人数", "participants", required=True, minimum=0),
        BoolColumn("是否安全生产月", "safety_month"),
        region_column(),
    )
