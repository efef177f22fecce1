from __future__ import annotations

from typing import Any

from emgov.core.models import User
from emgov.core.pages import LedgerForm
from emgov.legal.models import StudySession


class StudySessionForm(LedgerForm):
    class Meta:
        model = StudySession
        fields = [
            "number",
            "kind",
            "date",
            "topic",
            "speaker",
            "duration_hours",
            "attendance",
            "attendees",
            "region",
        ]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["attendees"].queryset = User.objects.filter(is_active=True).order_by("username")
        self.fields["attendees"].required = False
