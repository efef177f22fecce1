"""The case documents (安全生产执法文书): 立案审批表, 告知书, 听证告知书, 决定书, 结案审批表, 案卷首页, 卷内目录."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.cases import decision_letter
from emgov.cases.models import PartyType, PenaltyCase, PenaltyKind
from emgov.core.documents import OfficialDocument, chinese_date

EMPTY = "—"


def _money(value) -> str:
    return f"{value:,.2f}" if value is not None else EMPTY


def _date(day) -> str:
    return chinese_date(day) if day else "　　年　　月　　日"


def _issuer(case: PenaltyCase) -> str:
    return case.department.name


def _party_lines(doc: OfficialDocument, case: PenaltyCase) -> None:
    doc.line(_("当事人：%(name)s") % {"name": case.party_name})
    if case.party_type != PartyType.NATURAL_PERSON and case.party_credit_code:
        doc.line(_("统一社会信用代码：%(code)s") % {"code": case.party_credit_code})
    enterprise = case.enterprise if case.enterprise_id else None
    representative = enterprise.legal_representative if enterprise else ""
    if case.party_type != PartyType.NATURAL_PERSON and representative:
        doc.line(_("法定代表人（负责人）：%(n)s") % {"n": representative})
    address = case.party_address or (enterprise.address if enterprise else "")
    doc.line(_("地址：%(a)s") % {"a": address or EMPTY})


def _penalty_text(case: PenaltyCase) -> str:
    kinds = [k for k in case.penalty_kinds or [] if not (case.fine_amount and k == PenaltyKind.FINE)]
    text = "、".join(kinds)
    if case.fine_amount:
        fine = _("罚款人民币%(fine)s元") % {"fine": _money(case.fine_amount)}
        text = f"{text}，{fine}" if text else fine
        if case.daily_amount:
            text += _("（按日连续处罚：自%(start)s至%(end)s共%(days)d日，每日%(daily)s元）") % {
                "start": _date(case.continuous_from),
                "end": _date(case.continuous_until),
                "days": (case.continuous_until - case.continuous_from).days + 1,
                "daily": _money(case.daily_amount),
            }
    if case.confiscation_amount:
        text += _("，没收违法所得、非法财物价值人民币%(amount)s元") % {
            "amount": _money(case.confiscation_amount)
        }
    return text


def _step_on(case: PenaltyCase, action: str):
    return next((s for s in case.steps.all() if s.action == action), None)


def filing_form(case: PenaltyCase) -> OfficialDocument:
    doc = OfficialDocument()
    doc.title(_("立案审批表"))
    doc.number(case.case_number)
    opened = _step_on(case, "open")
    doc.form_table(
        [
            (_("案由"), case.violation),
            (_("案件来源"), _("检查发现（%(v)s）") % {"v": case.visit} if case.visit_id else _("其他")),
            (_("当事人"), case.party_name),
            (_("当事人类型"), case.party_type),
            (_("统一社会信用代码"), case.party_credit_code or EMPTY),
            (_("地址"), case.party_address or EMPTY),
            (_("立案依据"), case.legal_basis or EMPTY),
            (_("承办人"), opened.actor if opened and opened.actor else EMPTY),
            (_("立案日期"), _date(case.filed_on)),
            (_("审批意见"), _("同意立案")),
            (_("审批人及日期"), ""),
        ]
    )
    return doc


def _due(case: PenaltyCase) -> str:
    """The last day of the party's period, once the notice is served (it runs from receipt)."""
    return _("（即%(due)s前）") % {"due": _date(case.statement_due_on)} if case.statement_due_on else ""


def notice(case: PenaltyCase) -> OfficialDocument:
    doc = OfficialDocument()
    doc.title(_("行政处罚告知书"))
    doc.number(case.notice_number)
    doc.addressee(case.party_name)
    doc.paragraph(
        _(
            "经查，你（单位）%(v)s。以上事实违反了%(basis)s的规定。依据%(pbasis)s，本机关拟对你（单位）作出如下行政处罚：%(p)s。"
        )
        % {
            "v": case.violation,
            "basis": case.discretion_grade.item.legal_basis if case.discretion_grade_id else case.legal_basis,
            "pbasis": case.legal_basis,
            "p": _penalty_text(case),
        }
    )
    doc.paragraph(
        _(
            "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。"
            "请于收到本告知书之日起五个工作日内%(due)s向本机关提出，逾期视为放弃上述权利。"
        )
        % {"due": _due(case)}
    )
    doc.signature(_issuer(case), case.notified_on)
    return doc


def hearing_notice(case: PenaltyCase) -> OfficialDocument:
    doc = OfficialDocument()
    doc.title(_("行政处罚听证告知书"))
    doc.number(case.hearing_notice_number)
    doc.addressee(case.party_name)
    doc.paragraph(
        _("经查，你（单位）%(v)s。依据%(pbasis)s，本机关拟对你（单位）作出如下行政处罚：%(p)s。")
        % {"v": case.violation, "pbasis": case.legal_basis, "p": _penalty_text(case)}
    )
    doc.paragraph(
        _(
            "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证。"
            "如要求听证，应当在收到本告知书之日起五个工作日内%(due)s向本机关提出，逾期视为放弃听证。"
        )
        % {"due": _due(case)}
    )
    doc.signature(_issuer(case), case.notified_on)
    return doc


def decision(case: PenaltyCase) -> OfficialDocument:
    """行政处罚决定书 with what 行政处罚法第五十九条 requires: the party, the facts and evidence, the articles
    broken and applied, the penalty and how it is performed, how the statement was handled, the review
    body and the court with their time limits, the authority, its seal and the date."""
    doc = OfficialDocument()
    doc.title(_("行政处罚决定书"))
    doc.number(case.decision_number or "")
    _party_lines(doc, case)
    doc.paragraph(_("违法事实：%(v)s") % {"v": case.violation.strip().rstrip("。")} + "。")
    evidence = decision_letter.evidence_text(case)
    if evidence:
        doc.paragraph(_("以上事实有下列证据证明：%(e)s。") % {"e": evidence})
    doc.paragraph(decision_letter.articles_text(case))
    for paragraph in decision_letter.statement_paragraphs(case):
        doc.paragraph(paragraph)
    doc.paragraph(
        _("依据%(basis)s，本机关决定对你（单位）给予如下行政处罚：%(p)s。")
        % {"basis": decision_letter.penalty_basis(case), "p": _penalty_text(case)}
    )
    for paragraph in decision_letter.performance_paragraphs(case):
        doc.paragraph(paragraph)
    doc.paragraph(decision_letter.remedy_text(case))
    doc.signature(_issuer(case), case.decided_on, seal=True)
    return doc


def closing_form(case: PenaltyCase) -> OfficialDocument:
    doc = OfficialDocument()
    step = _step_on(case, "close")
    doc.title(_("结案审批表"))
    doc.number(step.document_number if step else "")
    doc.form_table(
        [
            (_("案件编号"), case.case_number),
            (_("案由"), case.violation),
            (_("当事人"), case.party_name),
            (_("处罚决定书文号"), case.decision_number or EMPTY),
            (_("处理结果"), _penalty_text(case)),
            (
                _("执行情况"),
                _("已于%(d)s缴纳") % {"d": _date(case.paid_on)}
                if case.paid_on
                else (
                    _("已于%(d)s申请人民法院强制执行") % {"d": _date(case.court_applied_on)}
                    if case.court_applied_on
                    else _("已执行")
                ),
            ),
            (_("加处罚款（元）"), _money(case.late_fee) if case.late_fee else EMPTY),
            (_("结案日期"), _date(case.closed_on)),
            (_("审批意见"), _("同意结案")),
        ]
    )
    return doc


def cover(case: PenaltyCase) -> OfficialDocument:
    doc = OfficialDocument()
    doc.title(_("案卷首页"))
    doc.number(case.case_number)
    doc.form_table(
        [
            (_("案件名称"), _("%(party)s%(v)s案") % {"party": case.party_name, "v": case.violation[:40]}),
            (_("案件编号"), case.case_number),
            (_("处罚决定书文号"), case.decision_number or EMPTY),
            (_("处理结果"), _penalty_text(case) or EMPTY),
            (_("立案日期"), _date(case.filed_on)),
            (_("结案日期"), _date(case.closed_on)),
            (_("归档日期"), _date(case.archived_on)),
            (_("保存期限"), _("永久")),
            (_("执法机关"), _issuer(case)),
        ]
    )
    return doc


def contents(case: PenaltyCase) -> OfficialDocument:
    doc = OfficialDocument()
    doc.title(_("卷内目录"))
    doc.number(case.case_number)
    rows = [
        (i, step.label, step.document_number or EMPTY, f"{step.done_on:%Y-%m-%d}", step.actor or EMPTY)
        for i, step in enumerate(case.steps.filter(voided_at__isnull=True), start=1)
    ]
    doc.table(
        [_("序号"), _("文件名称"), _("文号"), _("日期"), _("办理人")], rows, widths_mm=(14, 52, 52, 28, 24)
    )
    return doc


@dataclass(frozen=True)
class CaseDocument:
    key: str
    label: str
    available: Callable[[PenaltyCase], bool]
    build: Callable[[PenaltyCase], OfficialDocument]


DOCUMENTS = [
    CaseDocument("filing", gettext_lazy("立案审批表"), lambda c: bool(c.case_number), filing_form),
    CaseDocument("notice", gettext_lazy("行政处罚告知书"), lambda c: bool(c.notice_number), notice),
    CaseDocument(
        "hearing", gettext_lazy("行政处罚听证告知书"), lambda c: bool(c.hearing_notice_number), hearing_notice
    ),
    CaseDocument("decision", gettext_lazy("行政处罚决定书"), lambda c: bool(c.decision_number), decision),
    CaseDocument("closing", gettext_lazy("结案审批表"), lambda c: bool(c.closed_on), closing_form),
    CaseDocument("cover", gettext_lazy("案卷首页"), lambda c: bool(c.case_number), cover),
    CaseDocument("contents", gettext_lazy("卷内目录"), lambda c: bool(c.stage), contents),
]
DOCUMENTS_BY_KEY = {d.key: d for d in DOCUMENTS}


def documents_of(case: PenaltyCase) -> list[CaseDocument]:
    return [d for d in DOCUMENTS if d.available(case)]


def filename_stem(case: PenaltyCase, document: CaseDocument) -> str:
    return f"{document.label}-{case.decision_number or case.case_number or case.pk}"
