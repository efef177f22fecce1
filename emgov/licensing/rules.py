"""The time limits of a licensing case, declared once (`core.rules`).

A case reads each on its application date, or its acceptance date where no application was registered
(`value(case, key)`), so that a later version changes only cases applied for after it takes effect.
行政许可法第八十二条: the law's periods are counted in working days, statutory holidays excluded. The
item catalogue's own time limits (办理时限, 可延长天数) stay per item; the rules below apply where a
case has no item, and give the items their defaults.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from emgov.core import rules

if TYPE_CHECKING:
    from emgov.licensing.models import LicensingCase

WORKDAYS = _("工作日")

DECISION_DAYS = rules.declare(
    "licensing.decision_days",
    _("作出行政许可决定的期限"),
    20,
    WORKDAYS,
    "行政许可法第四十二条第一款、第八十二条",
    _("行政许可：自受理之日起作出决定（未选择许可事项的案件；许可事项清单的办理时限默认值）"),
)
EXTENSION_DAYS = rules.declare(
    "licensing.extension_days",
    _("延长办理期限（经本行政机关负责人批准，一次）"),
    10,
    WORKDAYS,
    "行政许可法第四十二条第一款、第八十二条",
    _("行政许可：延长办理期限（未选择许可事项的案件；许可事项清单的可延长天数默认值）"),
)
SUPPLEMENT_NOTICE_DAYS = rules.declare(
    "licensing.supplement_notice_days",
    _("一次性告知补正期限"),
    5,
    WORKDAYS,
    "行政许可法第三十二条第一款第四项、第八十二条",
    _(
        "行政许可：申请材料不齐全或不符合法定形式的，自收到申请材料之日起一次告知需要补正的全部内容；逾期不告知的，自收到申请材料之日起即为受理"
    ),
)
CERTIFICATE_DAYS = rules.declare(
    "licensing.certificate_days",
    _("颁发、送达行政许可证件期限"),
    10,
    WORKDAYS,
    "行政许可法第四十四条、第八十二条",
    _("行政许可：自作出准予行政许可决定之日起颁发、送达许可证件"),
)
PUBLICATION_DAYS = rules.declare(
    "licensing.publication_days",
    _("行政许可决定双公示期限"),
    7,
    WORKDAYS,
    "国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见（国办发〔2015〕51号）第十八条；"
    "国家发展改革委关于认真做好行政许可和行政处罚等信用信息公示工作的通知（发改电〔2015〕557号）",
    _("行政许可：自作出准予许可决定之日起上网公示（双公示）"),
)


def rule_date(case: LicensingCase) -> datetime.date | None:
    """The day whose rule versions a case follows: its application date, else its acceptance date."""
    return case.applied_on or case.accepted_on


def value(case: LicensingCase, rule: rules.Rule) -> int:
    """The rule's number of days in force for `case` (on its `rule_date`, for its region)."""
    region = case.enterprise.town if case.enterprise_id and case.enterprise.town_id else case.region
    return rules.days(rule.key, on=rule_date(case), region=region)
