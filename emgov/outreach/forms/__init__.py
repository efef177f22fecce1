from emgov.outreach.forms.activities import AttendanceImportForm, OutreachForm
from emgov.outreach.forms.competitions import (
    CompetitionForm,
    DeliverForm,
    DrawForm,
    EntryForm,
    FailForm,
    QuestionImportForm,
)

__all__ = [
    "AttendanceImportForm",
    "CompetitionForm",
    "DeliverForm",
    "DrawForm",
    "EntryForm",
    "FailForm",
    "OutreachForm",
    "QuestionImportForm",
]
