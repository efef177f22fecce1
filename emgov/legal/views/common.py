from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _


def year_param(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


def days_note(day: datetime.date | None, today: datetime.date) -> str:
    if day is None:
        return "—"
    delta = (day - today).days
    if delta < 0:
        return _("%(d)s（已逾期%(n)s天）") % {"d": day, "n": -delta}
    if delta == 0:
        return _("%(d)s（今天到期）") % {"d": day}
    return _("%(d)s（还有%(n)s天）") % {"d": day, "n": delta}
