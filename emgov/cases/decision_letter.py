"""The parts of 行政处罚决定书 that 行政处罚法第五十九条 requires beyond the party and the facts: the articles
broken and applied, how the party's statement was handled, how and where the penalty is performed, and
the review body and the court with their time limits.

The review body follows 行政复议法 (2023年修订，2024-01-01施行) 第二十四条第一款第（一）项: the people's
government of the same level for a decision of one of its departments; before 2024, the government or
the department one level up (修订前第十二条). The court is the basic people's court where the authority
sits (行政诉讼法第十八条第一款). Where a province concentrates administrative cases in other courts, the
deployment names the body and the court in the settings `EMGOV_REVIEW_BODY` and `EMGOV_COURT`, and the
place and account for fines in `EMGOV_FINE_PAYMENT_PLACE` and `EMGOV_FINE_ACCOUNT`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils.translation import gettext as _

from emgov.cases import rules as case_rules
from emgov.cases.models import PenaltyCase, PenaltyKind
from emgov.core import rules
from emgov.core.documents import chinese_date, chinese_number
from emgov.core.models import AuditEntry, Region
from emgov.core.models.regions import RegionLevel, bureau_region

REVIEW_LAW_REVISED = datetime.date(2024, 1, 1)
LIGHTER_FIELDS = ("penalty_kinds", "fine_amount", "confiscation_amount")
PERFORMED_ON_RECEIPT = {
    PenaltyKind.SUSPEND_LICENCE,
    PenaltyKind.DOWNGRADE,
    PenaltyKind.REVOKE_LICENCE,
    PenaltyKind.RESTRICT_BUSINESS,
    PenaltyKind.SUSPEND_BUSINESS,
    PenaltyKind.CLOSE,
    PenaltyKind.BAN_PRACTICE,
}


def evidence_text(case: PenaltyCase) -> str:
    items = []
    for e in case.evidence.all():
        if e.voided_at:
            continue
        shown = f"{e.evidence_type}：{e.title}"
        items.append(f"{shown}（{e.description.strip().rstrip('。')}）" if e.description.strip() else shown)
    return "；".join(items)


def articles_text(case: PenaltyCase) -> str:
    """The articles broken, and the discretion standard the penalty follows."""
    grade = case.discretion_grade if case.discretion_grade_id else None
    broken = grade.item.legal_basis if grade else ""
    text = (
        _("你（单位）的上述行为违反了%(basis)s的规定。") % {"basis": broken}
        if broken
        else _("你（单位）的上述行为违反了%(basis)s的规定。")
        % {"basis": case.legal_basis or _("有关法律法规")}
    )
    if grade:
        text += _("依照%(standard)s，该违法行为属于%(c)s情节（%(d)s）。") % {
            "standard": grade.item.version.title,
            "c": grade.circumstance,
            "d": grade.description.strip().rstrip("。"),
        }
    return text


def penalty_basis(case: PenaltyCase) -> str:
    grade = case.discretion_grade if case.discretion_grade_id else None
    return (grade.item.penalty_basis if grade else "") or case.legal_basis or _("有关法律、法规、规章")


def _step(case: PenaltyCase, action: str):
    steps = [s for s in case.steps.all() if s.action == action and not s.voided_at and s.note]
    return steps[-1] if steps else None


def _decision_lightened(case: PenaltyCase) -> bool:
    """Whether the decision lowered or dropped what the notice intended (the audit of the decision)."""
    entry = (
        AuditEntry.objects.filter(
            content_type__app_label="cases",
            content_type__model="penaltycase",
            object_id=str(case.pk),
            changes__has_key="decided_on",
        )
        .order_by("-at")
        .first()
    )
    return bool(entry and any(field in entry.changes for field in LIGHTER_FIELDS))


def statement_paragraphs(case: PenaltyCase) -> list[str]:
    """陈述申辩及采纳情况 (Arts. 44, 45, 63–65)."""
    paragraphs = []
    hearing = _("和要求听证") if case.hearing_notice_number else ""
    if case.notified_on:
        paragraphs.append(
            _(
                "本机关于%(on)s以《行政处罚告知书》（%(number)s）告知你（单位）拟作出行政处罚的内容及事实、理由、"
                "依据，并告知你（单位）依法享有陈述、申辩%(hearing)s的权利。"
            )
            % {"on": chinese_date(case.notified_on), "number": case.notice_number, "hearing": hearing}
        )
    else:
        paragraphs.append(
            _("本机关已依法告知你（单位）拟作出行政处罚的内容及事实、理由、依据和依法享有的陈述、申辩权利。")
        )
    statement = _step(case, "statement")
    if statement and "放弃" in statement.note:
        paragraphs.append(
            _("你（单位）于%(on)s书面放弃陈述、申辩%(hearing)s的权利。")
            % {"on": chinese_date(statement.done_on), "hearing": hearing}
        )
    elif statement:
        adopted = (
            _("本机关经复核，认为你（单位）提出的理由成立部分予以采纳，对拟作出的行政处罚予以调整。")
            if _decision_lightened(case)
            else _("本机关经复核，认为你（单位）提出的事实、理由和证据不足以改变拟作出的行政处罚，不予采纳。")
        )
        paragraphs.append(
            _("你（单位）于%(on)s提出陈述、申辩：%(note)s。%(adopted)s")
            % {
                "on": chinese_date(statement.done_on),
                "note": statement.note.strip().rstrip("。"),
                "adopted": adopted,
            }
        )
    elif case.notified_on and case.statement_due_on:
        paragraphs.append(_("你（单位）在法定期限内未提出陈述、申辩，视为放弃上述权利。"))
    if case.hearing_held:
        held = _step(case, "hearing_hold")
        paragraphs.append(
            _("本机关于%(on)s依法举行了听证%(note)s。")
            % {
                "on": chinese_date(held.done_on if held else case.hearing_on),
                "note": f"，{held.note.strip().rstrip('。')}" if held else "",
            }
        )
    return paragraphs


def _days(rule: rules.Rule, case: PenaltyCase) -> str:
    """The rule's number of days or months in force on the decision day, in Chinese numerals."""
    return chinese_number(int(rules.value(rule.key, on=case.decided_on)))


def _percent_words(rate) -> str:
    """0.03 → 百分之三 (as 行政处罚法第七十二条 words it); a rate with decimals as digits: 2.5%."""
    percent = rate * 100
    if percent == int(percent):
        return f"百分之{chinese_number(int(percent))}"
    return f"{percent.normalize():f}%"


def performance_paragraphs(case: PenaltyCase) -> list[str]:
    """How and where the penalty is performed: the fine's deadline, place and account, the late fee."""
    paragraphs = []
    if case.fine_amount or case.confiscation_amount:
        deadline = _("自收到本决定书之日起%(n)s日内") % {"n": _days(case_rules.PAYMENT_DAYS, case)}
        if case.payment_due_on:
            deadline += _("（即%(d)s前）") % {"d": chinese_date(case.payment_due_on)}
        place = getattr(settings, "EMGOV_FINE_PAYMENT_PLACE", "") or _(
            "到本机关指定的代收罚款银行缴纳，或者通过电子支付系统缴纳"
        )
        account = getattr(settings, "EMGOV_FINE_ACCOUNT", "")
        paragraphs.append(
            _("罚没款项请%(deadline)s%(place)s%(account)s。缴款时请注明本决定书文号%(number)s。")
            % {
                "deadline": deadline,
                "place": place,
                "account": _("（收款账户：%(a)s）") % {"a": account} if account else "",
                "number": case.decision_number or "",
            }
        )
        rate = rules.value(case_rules.LATE_FEE_RATE.key, on=case.decided_on)
        paragraphs.append(
            _(
                "到期不缴纳罚款的，本机关将每日按罚款数额的%(rate)s加处罚款，加处罚款的数额不超过罚款的数额"
                "（行政处罚法第七十二条第一款第（一）项）。"
            )
            % {"rate": _percent_words(rate)}
        )
    performed = [k for k in case.penalty_kinds or [] if k in PERFORMED_ON_RECEIPT]
    if performed:
        paragraphs.append(_("%(kinds)s自收到本决定书之日起执行。") % {"kinds": "、".join(performed)})
    return paragraphs


def _authority_region(case: PenaltyCase) -> Region | None:
    return case.department.region if case.department.region_id else bureau_region()


def _full_name(region: Region) -> str:
    parent = region.parent
    return f"{parent.name}{region.name}" if parent and parent.level == RegionLevel.CITY else region.name


def review_body(case: PenaltyCase) -> str:
    configured = getattr(settings, "EMGOV_REVIEW_BODY", "")
    region = _authority_region(case)
    if configured or region is None:
        return configured or _("本级人民政府")
    government = _("%(r)s人民政府") % {"r": _full_name(region)}
    if case.decided_on and case.decided_on < REVIEW_LAW_REVISED and region.parent:
        return _("%(g)s或者%(p)s应急管理局") % {"g": government, "p": region.parent.name}
    return government


def court(case: PenaltyCase) -> str:
    configured = getattr(settings, "EMGOV_COURT", "")
    region = _authority_region(case)
    if configured or region is None:
        return configured or _("有管辖权的人民法院")
    return _("%(r)s人民法院") % {"r": _full_name(region)}


def remedy_text(case: PenaltyCase) -> str:
    return _(
        "如不服本决定，可以在收到本决定书之日起%(days)s日内向%(body)s申请行政复议，或者在%(months)s个月内依法向"
        "%(court)s提起行政诉讼。申请行政复议或者提起行政诉讼的，本决定不停止执行，法律另有规定的除外"
        "（行政处罚法第七十三条第一款）。逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本机关将依法申请"
        "人民法院强制执行。"
    ) % {
        "days": _days(case_rules.REVIEW_PERIOD_DAYS, case),
        "body": review_body(case),
        "months": _days(case_rules.LAWSUIT_PERIOD_MONTHS, case),
        "court": court(case),
    }
