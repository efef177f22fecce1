from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.enterprises.models import Enterprise


class EnterpriseForm(LedgerForm):
    town_fields = ("town",)

    class Meta:
        model = Enterprise
        fields = [
            "credit_code",
            "name",
            "town",
            "industry",
            "address",
            "legal_representative",
            "phone",
            "risk_level",
            "is_key",
        ]
        help_texts = {
            "credit_code": _("18位，按 GB 32100-2015 校验"),
            "industry": _("例如：建筑施工、燃气、村级工业园、人员密集场所、纺织制衣、危险化学品、工贸"),
        }
