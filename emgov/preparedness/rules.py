"""The rules of emergency preparedness, declared once in the rule table (法定期限与规则).

Plans are evaluated and drilled at the intervals below; each overdue list and to-do reads its interval
here, on the day it judges, so an administrator's new `RuleVersion` changes every list at once.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy

from emgov.core import rules

PLAN_EVALUATION_YEARS = rules.declare(
    "preparedness.plan_evaluation_years",
    gettext_lazy("应急预案定期评估周期"),
    3,
    gettext_lazy("年"),
    "《突发事件应急预案管理办法》（国办发〔2024〕5号）第七章“评估和修订”：县级以上地方人民政府及其有关部门"
    "应急预案原则上每3年评估一次；《生产安全事故应急预案管理办法》（应急管理部令第2号修正）第三十五条：每三年进行一次应急预案评估",
    gettext_lazy("应急预案：自发布或上次评估之日起计算下次评估期限，逾期列入待办和逾期清单"),
    to_confirm=gettext_lazy("国办发〔2024〕5号中该句所在条号未逐字核对"),
)
SPECIAL_PLAN_DRILL_YEARS = rules.declare(
    "preparedness.special_plan_drill_years",
    gettext_lazy("专项、部门应急预案演练周期"),
    3,
    gettext_lazy("年"),
    "《突发事件应急预案管理办法》（国办发〔2013〕101号）第二十二条第二款：专项应急预案、部门应急预案至少每3年"
    "进行一次应急演练；国办发〔2024〕5号保留该要求",
    gettext_lazy("应急演练：每项专项、部门应急预案在周期内至少演练一次，未演练的列为逾期"),
    to_confirm=gettext_lazy("国办发〔2024〕5号中的条号未逐字核对"),
)
LOCAL_DRILL_YEARS = rules.declare(
    "preparedness.local_drill_years",
    gettext_lazy("县级政府和镇街生产安全事故应急演练周期"),
    2,
    gettext_lazy("年"),
    "《生产安全事故应急条例》第八条第一款：县级以上地方人民政府以及县级以上人民政府负有安全生产监督管理职责的部门，"
    "乡、镇人民政府以及街道办事处等地方人民政府派出机关，应当至少每2年组织1次生产安全事故应急救援预案演练",
    gettext_lazy("应急演练：每个镇街在周期内至少组织一次演练，未组织的列为逾期"),
)
HIGH_RISK_DRILL_MONTHS = rules.declare(
    "preparedness.high_risk_drill_months",
    gettext_lazy("高危生产经营单位应急演练周期"),
    6,
    gettext_lazy("个月"),
    "《生产安全事故应急条例》第八条第二款：危险物品的生产、经营、储存、运输单位，矿山、金属冶炼、城市轨道交通运营、"
    "建筑施工单位，以及宾馆、商场、娱乐场所、旅游景区等人员密集场所经营单位，应当至少每半年组织1次演练",
    gettext_lazy("企业应急演练：登记的高危单位演练记录超过周期的列为逾期"),
)
TEAM_CHECK_MONTHS = rules.declare(
    "preparedness.team_check_months",
    gettext_lazy("应急救援队伍更新核查周期"),
    12,
    gettext_lazy("个月"),
    "《中华人民共和国突发事件应对法》（2024年修订）第三十九条、第四十条（应急救援队伍建设与保障）",
    gettext_lazy("应急救援队伍：每年开展一次队伍和人员装备的更新核查"),
    to_confirm=gettext_lazy("法律未规定核查周期；按本区每年开展的应急救援队伍调查和数据更新工作设定"),
)
EXPIRY_WARNING_DAYS = rules.declare(
    "preparedness.material_expiry_warning_days",
    gettext_lazy("应急物资临期提醒天数"),
    30,
    gettext_lazy("日"),
    "《中华人民共和国突发事件应对法》（2024年修订）第四十五条（应急物资储备保障，及时更新）",
    gettext_lazy("应急物资：有效期在该天数内到期的列为临期，已过期的列为过期"),
    to_confirm=gettext_lazy("提醒天数为本局管理要求，非法定期限"),
)
WEAK_SCORE_PERCENT = rules.declare(
    "preparedness.command_post_weak_percent",
    gettext_lazy("现场指挥部检查薄弱项得分率"),
    60,
    "%",
    "《中华人民共和国突发事件应对法》（2024年修订）第十九条、第二十条（应急指挥机构）",
    gettext_lazy("现场指挥部双盲拉动检查：得分率低于该值的检查项为薄弱项，须登记整改"),
    to_confirm=gettext_lazy("得分率阈值为本局检查方案设定"),
)
# 国办发〔2024〕5号 covers 审批、发布、备案 in that order (domain.md: S): a plan is published once approved, so a
# published plan carries its approval, or is marked as published before the system came into use. The
# article that says so is not cited in domain.md: to confirm against the official text.
PLAN_APPROVAL_ARTICLE = "《突发事件应急预案管理办法》（国办发〔2024〕5号）关于应急预案审批、发布的规定"

# 突发事件应对法（2024年修订）第六十三条: warnings are for natural disasters, accidents and
# public-health events; 第六十四条、第六十六条: the county government issues, adjusts and lifts them.
WARNING_ARTICLE = "《中华人民共和国突发事件应对法》（2024年修订）第六十三条"
WARNING_LIFT_ARTICLE = "《中华人民共和国突发事件应对法》（2024年修订）关于调整、解除预警的规定"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)


def years_value(key: str, on: datetime.date) -> int:
    found = rules.value(key, on=on)
    return int(found) if isinstance(found, int | Decimal) else int(found)


def evaluation_due(base: datetime.date | None, on: datetime.date) -> datetime.date | None:
    """The next evaluation of a plan published (or last evaluated) on `base`."""
    if base is None:
        return None
    return add_months(base, 12 * years_value(PLAN_EVALUATION_YEARS.key, on))


# 《生产安全事故应急条例》第八条第二款: the industries (as the enterprise ledger names them) whose units drill
# at least every six months.
HIGH_RISK_INDUSTRIES = ("危险化学品", "烟花爆竹", "燃气", "建筑施工", "人员密集场所")
