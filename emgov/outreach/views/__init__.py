from emgov.outreach.views.activities import (
    OutreachPages,
    attendance_import_view,
    certificate_view,
    certificates_view,
)
from emgov.outreach.views.competitions import (
    CompetitionPages,
    PrizePages,
    QuestionPages,
    questions_import_view,
)

__all__ = [
    "CompetitionPages",
    "OutreachPages",
    "PrizePages",
    "QuestionPages",
    "attendance_import_view",
    "certificate_view",
    "certificates_view",
    "questions_import_view",
]
