"""The form of a 主动公开 item."""

from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.publicity.models import DisclosureItem


class DisclosureForm(LedgerForm):
    class Meta:
        model = DisclosureItem
        fields = ["number", "title", "category", "published_on", "region"]
        help_texts = {
            "category": _(
                "例如：隐患管理、执法检查、事故调查报告、安全生产月、预警信息、行政处罚、行政许可、其他"
            )
        }
