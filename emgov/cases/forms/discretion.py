from emgov.cases.models import DiscretionGrade
from emgov.core.pages import LedgerForm


class DiscretionGradeForm(LedgerForm):
    class Meta:
        model = DiscretionGrade
        fields = ["item", "circumstance", "description", "fine_min", "fine_max"]
