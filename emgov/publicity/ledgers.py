from emgov.core.interchange.columns import DateColumn, TextColumn
from emgov.core.interchange.ledger import Ledger
from emgov.core.ledgers import region_column
from emgov.publicity.models import DisclosureItem


class DisclosureLedger(Ledger):
    id = "disclosures"
    title = "政府信息公开"
    model = DisclosureItem
    columns = (
        TextColumn("编号", "number", key=True),
        TextColumn("标题", "title", required=True),
        TextColumn("类别", "category", required=True),
        DateColumn("发布日期", "published_on", required=True),
        region_column(),
    )
