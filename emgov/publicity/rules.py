"""The time limits of the publicity app, declared once (`core.rules`); a request reads each on its
receipt date (`rules.value(key, on=request.received_on)`), so a later version changes only requests
received after it takes effect. The page 法定期限与规则 lists them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from emgov.core import rules

WORKDAYS = _("工作日")

# 依申请公开 (政府信息公开条例) -------------------------------------------------------------------

ANSWER_DAYS = rules.declare(
    "publicity.answer_days",
    _("依申请公开答复期限"),
    20,
    WORKDAYS,
    "政府信息公开条例第三十三条第二款",
    _("依申请公开：自收到申请（或收到补正后的申请）之日起答复"),
)
EXTENSION_MAX_DAYS = rules.declare(
    "publicity.extension_max_days",
    _("依申请公开延长答复期限（最长）"),
    20,
    WORKDAYS,
    "政府信息公开条例第三十三条第二款",
    _("依申请公开：延长答复期限，经政府信息公开工作机构负责人同意并告知申请人"),
)
SUPPLEMENT_NOTICE_DAYS = rules.declare(
    "publicity.supplement_notice_days",
    _("一次性告知补正期限"),
    7,
    WORKDAYS,
    "政府信息公开条例第三十条",
    _("依申请公开：自收到申请之日起一次性告知申请人补正"),
)
SUPPLEMENT_PERIOD_DAYS = rules.declare(
    "publicity.supplement_period_days",
    _("申请人补正期限（默认）"),
    15,
    WORKDAYS,
    "政府信息公开条例第三十条",
    _("依申请公开：补正告知书写明的补正期限；逾期无正当理由不补正的，视为放弃申请"),
    to_confirm=_(
        "条例第三十条只要求告知“合理的补正期限”，未规定天数；15个工作日为本系统默认，待本局或广东省规定确认"
    ),
)
CONSULTATION_DAYS = rules.declare(
    "publicity.consultation_days",
    _("第三方提出意见期限"),
    15,
    WORKDAYS,
    "政府信息公开条例第三十二条",
    _("依申请公开：征求第三方意见，该期间不计入答复期限"),
)

# 双公示：行政处罚信息的公示期限 ---------------------------------------------------------------------
# A decision is shown on the public pages and exported to the credit platform from its publication until
# its longest period ends (公示截止期, counted from the decision day); after the shortest period the party
# may apply for 信用修复. Each decision reads these on its decision day (`publicity.services.periods`),
# nationally (a region's version is not applied: the periods are those of the national credit platform).

MONTHS = _("个月")
CREDIT_REPAIR = (
    "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）；"
    "2026年4月1日起《信用修复管理办法》（国家发展改革委令2025年第36号）"
)
ARTICLE_UNCHECKED = _(
    "期限取自转载58号令、36号令的页面（36号令摘要：一般失信最短3个月、最长1年，严重失信最短1年、最长3年）；"
    "未取得两令全文，条、款待核对"
)

LONGEST_USED_IN = _(
    "双公示：自处罚决定之日起；期满（公示截止期）后不再在公开网站显示，也不再导出cf_数据（cf_gsjzq、cf_yxq）"
)

PENALTY_GENERAL_MIN_MONTHS = rules.declare(
    "publicity.penalty_general_min_months",
    _("行政处罚信息最短公示期（涉及一般失信行为）"),
    3,
    MONTHS,
    CREDIT_REPAIR,
    _("双公示：自处罚决定之日起，期满后当事人可申请信用修复（公开网站“最短公示期至”）"),
    to_confirm=ARTICLE_UNCHECKED,
)
PENALTY_GENERAL_MAX_MONTHS = rules.declare(
    "publicity.penalty_general_max_months",
    _("行政处罚信息最长公示期（涉及一般失信行为）"),
    12,
    MONTHS,
    CREDIT_REPAIR,
    LONGEST_USED_IN,
    to_confirm=ARTICLE_UNCHECKED,
)
PENALTY_SERIOUS_MIN_MONTHS = rules.declare(
    "publicity.penalty_serious_min_months",
    _("行政处罚信息最短公示期（涉及严重失信行为）"),
    12,
    MONTHS,
    CREDIT_REPAIR,
    _("双公示：自处罚决定之日起，期满后当事人可申请信用修复（公开网站“最短公示期至”）"),
    to_confirm=ARTICLE_UNCHECKED,
)
PENALTY_SERIOUS_MAX_MONTHS = rules.declare(
    "publicity.penalty_serious_max_months",
    _("行政处罚信息最长公示期（涉及严重失信行为）"),
    36,
    MONTHS,
    CREDIT_REPAIR,
    LONGEST_USED_IN,
    to_confirm=ARTICLE_UNCHECKED,
)
PENALTY_WORK_SAFETY_MIN_MONTHS = rules.declare(
    "publicity.penalty_work_safety_min_months",
    _("安全生产、消防领域行政处罚信息最短公示期"),
    12,
    MONTHS,
    _("特种设备、安全生产、消防领域的行政处罚信息最短公示期为一年（深圳市双公示信用修复说明转述）"),
    _("双公示：本系统的处罚决定均属安全生产或消防领域，最短公示期取此值与上两项中的较长者"),
    to_confirm=_("出处文件未查到（转载页面未注明文号），是否仍适用于36号令待广东省信用主管部门确认"),
)


# 双公示: when a penalty decision goes on line ------------------------------------------------------

PENALTY_PUBLICATION_DAYS = rules.declare(
    "publicity.penalty_publication_days",
    _("行政处罚决定双公示期限"),
    7,
    WORKDAYS,
    "国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见（国办发〔2015〕51号）第十八条；"
    "国家发展改革委关于认真做好行政许可和行政处罚等信用信息公示工作的通知（发改电〔2015〕557号）",
    _("行政处罚：自作出处罚决定之日起上网公示（双公示）"),
)
