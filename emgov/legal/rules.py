"""Rules of legal records that need the calendar or more than one field's wording: deadlines, appearance."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import rules
from emgov.core.workdays import WorkdayCalendar, calendar_period_end
from emgov.legal.models import LitigationCase, LitigationKind

LAWSUIT_DEFENCE_DAYS = rules.declare(
    "legal.lawsuit_defence_days",
    gettext_lazy("行政诉讼答辩期限"),
    15,
    gettext_lazy("日"),
    "行政诉讼法第六十七条第一款",
    gettext_lazy(
        "行政诉讼：自收到起诉状副本之日起提交答辩状和证据；届满日为节假日的，顺延至节假日后第一个工作日"
    ),
)
# 行政复议法 (2023) Art. 48: the reply within 10 days of receiving the application; Art. 88 counts
# "十日" in working days. The earlier law (Art. 23, Art. 40) counted it in calendar days.
REVIEW_REPLY_DAYS = rules.declare(
    "legal.review_reply_days",
    gettext_lazy("行政复议答复期限"),
    10,
    gettext_lazy("日（2024年起为工作日）"),
    "行政复议法（2023年修订）第四十八条、第八十八条；修订前第二十三条",
    gettext_lazy("行政复议：自收到申请书副本之日起提出书面答复并提交证据"),
)
REVIEW_LAW_2023_IN_FORCE = datetime.date(2024, 1, 1)


def defence_due(kind: str, served_on: datetime.date | None) -> datetime.date | None:
    """答辩期限 of a lawsuit (15 days) or the reply to a reconsideration application (10 days)."""
    if served_on is None:
        return None
    if kind == LitigationKind.RECONSIDERATION:
        days = rules.days(REVIEW_REPLY_DAYS.key, on=served_on)
        if served_on >= REVIEW_LAW_2023_IN_FORCE:
            return WorkdayCalendar().add_workdays(served_on, days)
        return calendar_period_end(served_on, days)
    return calendar_period_end(served_on, rules.days(LAWSUIT_DEFENCE_DAYS.key, on=served_on))


def derive_litigation(case: LitigationCase) -> None:
    case.defence_due_on = defence_due(case.kind, case.served_on)


def check_appearance(case: LitigationCase) -> None:
    """行政诉讼法 Art. 3: whoever appeared for the bureau is named with their position — the head when
    负责人实际出庭=是, otherwise the staff member who appeared instead."""
    if not (case.head_appeared or case.staff_appeared) or (case.head_appeared and not case.head_required):
        return
    who = _("负责人实际出庭") if case.head_appeared else _("其他工作人员出庭")
    errors = {}
    if not case.appeared_name.strip():
        errors["appeared_name"] = _("%(who)s时必须填写出庭人员姓名") % {"who": who}
    if not case.appeared_position.strip():
        errors["appeared_position"] = _("%(who)s时必须填写出庭人员职务") % {"who": who}
    if errors:
        raise ValidationError(errors, code="appearance_incomplete")
