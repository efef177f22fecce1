from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.licensing.models import LicensingCase


class LicensingForm(LedgerForm):
    class Meta:
        model = LicensingCase
        fields = [
            "number",
            "item_name",
            "category",
            "applicant",
            "credit_code",
            "accepted_on",
            "decided_on",
            "result",
            "published_on",
            "region",
        ]
        help_texts = {
            "credit_code": _("与企业台账中的企业自动关联"),
            "published_on": _("双公示的公示日期"),
        }
