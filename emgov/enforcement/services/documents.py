"""The printable enforcement orders (执法文书): one builder for the five kinds, and the two decisions that
follow a seizure (延长查封扣押期限决定书, 查封扣押处理决定书), as .docx and PDF.

Each document carries the issuing body, its 文号, the enterprise (name, address, legal representative),
the decision with its legal basis, the hazards table, the appeal notice where the order is a decision
that can be challenged, the officers with their certificate numbers and the signature lines.
"""

from __future__ import annotations

import re
from operator import attrgetter

from django.utils.translation import gettext as _

from emgov.core.documents import OfficialDocument, chinese_date
from emgov.enforcement.models import Hazard, Order, OrderType, ReleaseGround, SeizureDisposal
from emgov.enforcement.queries import covered_hazards
from emgov.enforcement.services.orders import DISPOSAL_DECISION, EXTENSION_DECISION, seizure_due

T = OrderType

DEFAULT_BASIS = {
    T.RECTIFY: "《中华人民共和国安全生产法》第六十五条第一款第三项",
    T.ON_SITE: "《中华人民共和国安全生产法》第六十五条第一款第三项",
    T.SUSPEND: "《中华人民共和国安全生产法》第六十五条第一款第三项、第一百零二条",
    T.SEIZE: "《中华人民共和国安全生产法》第六十五条第一款第四项、《中华人民共和国行政强制法》第二十五条",
    T.REVIEW: "《安全生产执法程序规定》",
}
# Orders that are administrative decisions the enterprise can challenge (复议、诉讼).
APPEALABLE = {T.RECTIFY, T.ON_SITE, T.SUSPEND, T.SEIZE}
HAZARD_HEADERS = ("序号", "隐患编号", "隐患描述", "隐患等级", "判定依据", "整改期限")
HAZARD_WIDTHS = (10, 28, 56, 20, 24, 18)
REVIEW_HEADERS = ("序号", "隐患编号", "隐患描述", "隐患等级", "整改完成日期", "复查结论")


def _d(day) -> str:
    return chinese_date(day) if day else "　　年　　月　　日"


def _default_content(order: Order) -> str:
    company = order.visit.enterprise.name
    found = chinese_date(order.visit.date)
    if order.doc_type == T.RECTIFY:
        return _(
            "经查，你单位存在下列安全生产事故隐患。现责令你单位于%(due)s前整改完毕，达到有关法律法规规章和"
            "标准规定的要求。整改期间，你单位应当采取有效措施，确保安全。整改完成后，请及时向本局提出复查申请。"
        ) % {"due": _d(order.due_date)}
    if order.doc_type == T.ON_SITE:
        return _(
            "本局于%(found)s对%(company)s进行现场检查时，发现下列重大事故隐患，依法作出如下现场处理措施："
            "责令从危险区域内撤出作业人员，责令暂时停产停业或者停止使用相关设施、设备。"
        ) % {"found": found, "company": company}
    if order.doc_type == T.SUSPEND:
        return _(
            "经查，你单位存在下列重大事故隐患，逾期未整改或在整改期间无法保证安全。现责令你单位自%(issued)s起"
            "停产停业整顿。重大事故隐患排除后，经本局审查同意，方可恢复生产经营。"
        ) % {"issued": _d(order.issued_on)}
    if order.doc_type == T.SEIZE:
        text = _(
            "经查，你单位存在下列安全生产违法行为，依法对有关设施、设备、器材予以查封（扣押），"
            "查封（扣押）期限自%(issued)s起至%(due)s止。"
        ) % {"issued": _d(order.issued_on), "due": _d(order.due_date)}
        if order.extension_days:
            text += _("因%(reason)s，经本局负责人批准，查封（扣押）期限延长%(n)d日，至%(due)s止。") % {
                "reason": order.extension_reason,
                "n": order.extension_days,
                "due": _d(order.due_date),
            }
        return text
    return _("本局于%(found)s检查发现的下列隐患，经复查，意见如下。") % {"found": found}


def _hazard_rows(hazards: list[Hazard], *, review: bool) -> list[list[object]]:
    rows: list[list[object]] = []
    for i, h in enumerate(hazards, start=1):
        if review:
            rows.append(
                [i, h.number, h.description, h.grade, h.rectified_on or "", h.get_review_result_display()]
            )
        else:
            rows.append([i, h.number, h.description, h.grade, h.basis, h.deadline or ""])
    return rows


def _head(order: Order, title: str, number: str) -> OfficialDocument:
    """The issuer, the title, the 文号 and the enterprise's table, shared by every document of an order."""
    visit = order.visit
    enterprise = visit.enterprise
    doc = OfficialDocument()
    doc.title(visit.department.name)
    doc.title(title)
    doc.number(number)
    doc.addressee(enterprise.name)
    doc.form_table(
        [
            (_("单位名称"), enterprise.name),
            (_("统一社会信用代码"), enterprise.credit_code),
            (_("地址"), enterprise.address),
            (_("法定代表人（负责人）"), enterprise.legal_representative),
            (_("检查日期"), chinese_date(visit.date)),
        ]
    )
    return doc


def _appeal(doc: OfficialDocument) -> None:
    doc.paragraph(
        _(
            "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院"
            "提起行政诉讼，但本决定不停止执行，法律另有规定的除外。"
        )
    )


def _signatures(doc: OfficialDocument, order: Order, day) -> None:
    doc.blank()
    for officer in order.visit.officers.all():
        doc.line(
            _("执法人员：%(name)s（执法证号：%(cert)s）　签名：＿＿＿＿")
            % {"name": officer.name, "cert": officer.certificate_number}
        )
    doc.line(_("当事人（签名）：＿＿＿＿＿＿"))
    doc.line(_("签收日期：　　年　　月　　日"))
    doc.signature(order.visit.department.name, day)
    doc.note(_("本文书一式两份，一份送达当事人，一份存档。"))


def order_document(order: Order) -> OfficialDocument:
    """The order as a document ready to print and sign."""
    visit = order.visit
    issuer = visit.department.name
    doc = _head(order, order.get_doc_type_display(), order.number)
    doc.paragraph(order.content or _default_content(order))
    hazards = covered_hazards(order) if order.doc_type != T.SEIZE or order.hazards.exists() else []
    if hazards:
        doc.heading(_("隐患清单"), level=2)
        review = order.doc_type == T.REVIEW
        doc.table(
            REVIEW_HEADERS if review else HAZARD_HEADERS,
            _hazard_rows(hazards, review=review),
            widths_mm=HAZARD_WIDTHS,
        )
    doc.paragraph(
        _("依据%(basis)s。") % {"basis": order.basis or DEFAULT_BASIS[order.doc_type]}, label=_("法律依据：")
    )
    if order.doc_type == T.SUSPEND and order.resumed_on:
        doc.paragraph(_("经复查合格，同意自%(d)s起恢复生产经营。") % {"d": _d(order.resumed_on)})
    if order.doc_type in APPEALABLE:
        _appeal(doc)
    doc.blank()
    for officer in visit.officers.all():
        doc.line(
            _("执法人员：%(name)s（执法证号：%(cert)s）　签名：＿＿＿＿")
            % {"name": officer.name, "cert": officer.certificate_number}
        )
    doc.line(_("被检查单位负责人（签名）：＿＿＿＿＿＿"))
    doc.line(_("签收日期：　　年　　月　　日"))
    doc.signature(issuer, order.issued_on)
    doc.note(_("本文书一式两份，一份交被检查单位，一份存档。"))
    return doc


def _leader(order: Order) -> str:
    approver = order.extension_approved_by
    return (approver.full_name or approver.username) if approver else _("本局负责人")


def extension_document(order: Order) -> OfficialDocument:
    """延长查封扣押期限决定书: the extension approved by the head, told to the party in writing with its
    reasons (行政强制法第二十五条)."""
    original = seizure_due(order.issued_on, order.visit.enterprise.town)
    doc = _head(order, EXTENSION_DECISION.replace("查封扣押", "查封（扣押）"), order.extension_number)
    doc.paragraph(
        _(
            "本局于%(issued)s对你单位有关设施、设备、器材作出查封（扣押）决定（%(number)s），查封（扣押）期限至"
            "%(original)s止。因%(reason)s，情况复杂，不能在查封（扣押）期限内查清事实、作出处理决定，经本局负责人"
            "%(leader)s批准，根据《中华人民共和国行政强制法》第二十五条的规定，决定将查封（扣押）期限延长%(n)d日，"
            "至%(due)s止。"
        )
        % {
            "issued": _d(order.issued_on),
            "number": order.number,
            "original": _d(original),
            "reason": order.extension_reason.rstrip("。"),
            "leader": _leader(order),
            "n": order.extension_days or 0,
            "due": _d(order.due_date),
        }
    )
    doc.paragraph(_("依据《中华人民共和国行政强制法》第二十五条。"), label=_("法律依据："))
    _appeal(doc)
    _signatures(doc, order, order.extension_decided_on)
    return doc


def disposal_document(order: Order) -> OfficialDocument:
    """查封扣押处理决定书: the seizure released (with its ground of 第二十八条), or what was seized
    confiscated or destroyed (第二十七条)."""
    doc = _head(order, DISPOSAL_DECISION.replace("查封扣押", "查封（扣押）"), order.disposal_number)
    seized = _(
        "本局于%(issued)s对你单位有关设施、设备、器材作出查封（扣押）决定（%(number)s），查封（扣押）期限至%(due)s止。"
    ) % {"issued": _d(order.issued_on), "number": order.number, "due": _d(order.due_date)}
    if order.disposal == SeizureDisposal.RELEASE:
        ground = ReleaseGround(order.disposal_ground).label if order.disposal_ground else ""
        decision = _(
            "经查，%(ground)s。根据《中华人民共和国行政强制法》第二十八条的规定，本局决定自%(on)s起解除查封（扣押），"
            "扣押的财物立即予以退还。"
        ) % {"ground": re.split(r"[）)]", str(ground), maxsplit=1)[-1].strip(), "on": _d(order.disposed_on)}
        basis = _("《中华人民共和国行政强制法》第二十七条、第二十八条")
    else:
        what = _("予以没收") if order.disposal == SeizureDisposal.CONFISCATE else _("依法予以销毁")
        decision = _(
            "经查，违法事实清楚。根据《中华人民共和国行政强制法》第二十七条的规定，本局决定对查封（扣押）的财物%(what)s。"
        ) % {"what": what}
        basis = _("《中华人民共和国行政强制法》第二十七条")
    doc.paragraph(seized + decision)
    if order.disposal_note:
        doc.paragraph(order.disposal_note)
    doc.paragraph(_("依据%(basis)s。") % {"basis": basis}, label=_("法律依据："))
    _appeal(doc)
    _signatures(doc, order, order.disposed_on)
    return doc


# The documents a seizure's steps make, by their name in the address
# (`orders/<pk>/documents/<kind>.<fmt>`): the title, the builder, and the 文号 ("" until the step is taken).
STEP_DOCUMENTS = {
    "extension": (EXTENSION_DECISION, extension_document, attrgetter("extension_number")),
    "disposal": (DISPOSAL_DECISION, disposal_document, attrgetter("disposal_number")),
}
