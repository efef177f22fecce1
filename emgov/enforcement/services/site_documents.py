"""The documents written on site: the 现场检查记录 of a visit, with the signatures drawn on the phone
(安全生产法第六十八条: the time, place, content, findings and their handling, signed by the officers and the
party's person in charge, a refusal put on record), and the 整改复查意见书 of a re-inspection naming the
officers who made it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from emgov.core.documents import OfficialDocument, chinese_date
from emgov.enforcement.models import Reinspection, SignerRole, Visit, VisitSignature
from emgov.enforcement.services.fieldwork import REFUSAL_ARTICLE

SIGNATURE_HEIGHT_MM = 12
HAZARD_HEADERS = ("序号", "隐患描述", "部位", "隐患等级", "违反条款", "建议整改期限")
HAZARD_WIDTHS = (10, 52, 24, 20, 34, 20)
REVIEW_HEADERS = ("序号", "隐患编号", "隐患描述", "复查情况", "复查结论")
REVIEW_WIDTHS = (10, 30, 56, 40, 20)


def _time(visit: Visit) -> str:
    day = chinese_date(visit.date)
    if visit.arrived_at and visit.left_at:
        return f"{day} {visit.arrived_at:%H:%M}—{visit.left_at:%H:%M}"
    if visit.arrived_at:
        return f"{day} {visit.arrived_at:%H:%M}"
    return day


def _place(visit: Visit) -> str:
    place = visit.location or visit.enterprise.address
    if visit.latitude is not None and visit.longitude is not None:
        place += _("（北纬%(lat)s，东经%(lon)s）") % {"lat": visit.latitude, "lon": visit.longitude}
    return place


def _sign(doc: OfficialDocument, label: str, signature: VisitSignature | None) -> None:
    if signature is not None and signature.image:
        with signature.image.open("rb") as f:
            doc.image_line(label, f.read(), SIGNATURE_HEIGHT_MM)
    else:
        doc.line(label + "＿＿＿＿＿＿")


def inspection_record_document(visit: Visit) -> OfficialDocument:
    """现场检查记录: who, where, when, what was found, and the signatures drawn on site."""
    enterprise = visit.enterprise
    officers = list(visit.officers.all())
    signatures = list(visit.signatures.filter(voided_at__isnull=True).select_related("officer"))
    doc = OfficialDocument()
    doc.title(visit.department.name)
    doc.title(_("现场检查记录"))
    doc.number(visit.number)
    doc.form_table(
        [
            (_("被检查单位"), enterprise.name),
            (_("统一社会信用代码"), enterprise.credit_code),
            (_("地址"), enterprise.address),
            (_("法定代表人（负责人）"), enterprise.legal_representative),
            (_("检查场所"), _place(visit)),
            (_("检查时间"), _time(visit)),
            (_("检查性质"), visit.get_nature_display()),
            (
                _("执法人员"),
                "、".join(
                    _("%(n)s（执法证号：%(c)s）") % {"n": o.name, "c": o.certificate_number} for o in officers
                ),
            ),
        ]
    )
    doc.paragraph(
        _("我们是%(dept)s的执法人员，已向你出示执法证件。现依法对你单位进行现场检查，请予配合。")
        % {"dept": visit.department.name}
    )
    doc.heading(_("检查情况"), level=1)
    doc.paragraph(visit.findings or _("按检查项目逐项检查。"))
    hazards = list(visit.hazards.filter(voided_at__isnull=True).order_by("number"))
    if hazards:
        rows = [
            (i, h.description, h.location, h.grade, h.basis, chinese_date(h.deadline) if h.deadline else "")
            for i, h in enumerate(hazards, start=1)
        ]
        doc.table(HAZARD_HEADERS, rows, widths_mm=HAZARD_WIDTHS)
    else:
        doc.paragraph(_("未发现事故隐患。"))
    if visit.result:
        doc.paragraph(visit.result, label=_("处理情况："))
    doc.blank()
    by_officer = {s.officer_id: s for s in signatures if s.role == SignerRole.OFFICER}
    for officer in officers:
        _sign(doc, _("执法人员（签名）%(n)s：") % {"n": officer.name}, by_officer.get(officer.pk))
    party = next((s for s in signatures if s.role == SignerRole.PARTY), None)
    if party is not None and party.refused:
        witness = next((s for s in signatures if s.role == SignerRole.WITNESS), None)
        doc.line(
            _("被检查单位现场负责人%(n)s拒绝签名，已记录在案（%(a)s）。")
            % {"n": party.name, "a": REFUSAL_ARTICLE}
        )
        _sign(doc, _("见证人（签名）%(n)s：") % {"n": witness.name if witness else ""}, witness)
    else:
        name = party.name if party else ""
        _sign(doc, _("被检查单位现场负责人（签名）%(n)s：") % {"n": name}, party)
    doc.signature(visit.department.name, visit.date)
    return doc


def reinspection_document(reinspection: Reinspection) -> OfficialDocument:
    """整改复查意见书: the hazards looked at again, each concluded, and the officers who did it."""
    visit = reinspection.visit
    officers = list(reinspection.officers.all())
    findings = list(reinspection.findings.filter(voided_at__isnull=True).select_related("hazard"))
    doc = OfficialDocument()
    doc.title(visit.department.name)
    doc.title(_("整改复查意见书"))
    doc.number(reinspection.number)
    doc.addressee(visit.enterprise.name)
    names = "、".join(
        _("%(n)s（执法证号：%(c)s）") % {"n": o.name, "c": o.certificate_number} for o in officers
    )
    doc.paragraph(
        _(
            "本局于%(found)s对你单位进行检查，发现事故隐患（%(number)s）。%(day)s，本局执法人员%(names)s对整改情况进行了复查，意见如下："
        )
        % {
            "found": chinese_date(visit.date),
            "number": visit.number,
            "day": chinese_date(reinspection.date),
            "names": names,
        }
    )
    rows = [
        (i, f.hazard.number, f.hazard.description, f.note, _("已整改") if f.passed else _("未整改"))
        for i, f in enumerate(findings, start=1)
    ]
    doc.table(REVIEW_HEADERS, rows, widths_mm=REVIEW_WIDTHS)
    if reinspection.opinion:
        doc.paragraph(reinspection.opinion, label=_("复查意见："))
    if any(not f.passed for f in findings):
        doc.paragraph(_("未整改的隐患，本局将依法另行限期整改或者依法处理。"))
    doc.blank()
    for officer in officers:
        doc.line(
            _("复查人员（签名）：%(n)s（执法证号：%(c)s）＿＿＿＿")
            % {"n": officer.name, "c": officer.certificate_number}
        )
    doc.line(_("被复查单位负责人（签名）：＿＿＿＿＿＿"))
    doc.signature(visit.department.name, reinspection.date)
    return doc
