from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.pages import parse_year


def year_param(request: HttpRequest) -> int:
    return parse_year(request.GET.get("year", "")) or clock.today().year


def days_note(day: datetime.date | None, today: datetime.date) -> str:
    if day is None:
        return "—"
    delta = (day - today).days
    if delta < 0:
        return _("%(d)s（已逾期%(n)s天）") % {"d": day, "n": -delta}
    if delta == 0:
        return _("%(d)s（今天到期）") % {"d": day}
    return _("%(d)s（还有%(n)s天）") % {"d": day, "n": delta}
