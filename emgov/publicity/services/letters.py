"""The letters of a disclosure request, as .docx and PDF (`core.documents.OfficialDocument`):
补正告知书 to the applicant (条例第三十条), 征求意见函 to the third party (第三十二条), 延期答复告知书 to the
applicant (第三十三条第二款) and the reply, 政府信息公开申请答复书 (第三十六条). `LETTERS` names each by its
address (`requests/<pk>/letters/<kind>.<fmt>`) with whether the request has it yet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from emgov.core.documents import OfficialDocument, chinese_date
from emgov.core.models import Department
from emgov.publicity import rules
from emgov.publicity.models import DisclosureRequest, ReplyType
from emgov.publicity.services.deadlines import request_days, supplement_due

# What the bureau decided, in the letter's words, with the article it rests on.
DECISIONS = {
    ReplyType.ALREADY_PUBLIC: "您申请获取的政府信息已经主动公开。根据《中华人民共和国政府信息公开条例》第三十六条第一项的规定，答复类型为“已主动公开”，现告知您获取该政府信息的方式和途径。",
    ReplyType.DISCLOSED: "根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，本机关决定对您申请的政府信息予以公开，答复类型为“予以公开”，现向您提供该政府信息。",
    ReplyType.PARTIAL: "根据《中华人民共和国政府信息公开条例》第三十七条的规定，您申请的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定部分公开，答复类型为“部分公开”，现向您提供可以公开的内容，并说明不予公开部分的理由。",
    ReplyType.WITHHELD: "根据《中华人民共和国政府信息公开条例》第三十六条第三项的规定，本机关决定不予公开，答复类型为“不予公开”，理由如下。",
    ReplyType.NOT_EXIST: "经检索查找，本机关未制作或获取您申请的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第四项的规定，答复类型为“信息不存在”。",
    ReplyType.NOT_OURS: "您申请的政府信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第五项的规定，答复类型为“非本机关负责”，现告知您负责公开该政府信息的机关及联系方式。",
    ReplyType.REPEAT: "您的申请属于重复申请。根据《中华人民共和国政府信息公开条例》第三十六条第六项的规定，答复类型为“重复申请”，本机关不重复处理。",
    ReplyType.OTHER_LAW: "您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据《中华人民共和国政府信息公开条例》第三十六条第七项的规定，答复类型为“按其他法律办理”，请您依照有关法律、行政法规的规定办理。",
}


def bureau_name() -> str:
    bureau = Department.objects.filter(is_bureau=True).order_by("pk").first()
    return bureau.name if bureau else _("应急管理局")


def _received(request: DisclosureRequest) -> str:
    return _(
        "本机关于%(received)s收到您通过%(channel)s方式提出的政府信息公开申请（申请编号：%(number)s），申请获取：%(what)s。"
    ) % {
        "received": chinese_date(request.received_on),
        "channel": request.channel,
        "number": request.number,
        "what": request.description.strip().rstrip("。"),
    }


def supplement_notice(request: DisclosureRequest) -> OfficialDocument:
    """补正告知书: what to complete and by when, and that an application not completed in time without good
    reason is deemed withdrawn (条例第三十条)."""
    doc = OfficialDocument()
    doc.title(_("政府信息公开申请补正告知书"))
    doc.addressee(request.applicant_name)
    doc.paragraph(_received(request))
    doc.paragraph(
        _(
            "经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您"
            "作出补正，需要补正的事项如下："
        )
    )
    doc.paragraph(request.supplement_note)
    doc.paragraph(
        _(
            "请您于%(due)s前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。您无正当理由"
            "逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"
        )
        % {"due": chinese_date(supplement_due(request))}
    )
    doc.signature(bureau_name(), request.supplement_requested_on)
    return doc


def consultation_letter(request: DisclosureRequest) -> OfficialDocument:
    """征求意见函 to the third party: the information asked for, the 15 working days to answer, and what
    follows from its answer (条例第三十二条). The applicant's identity is not given."""
    days = request_days(request, rules.CONSULTATION_DAYS)
    doc = OfficialDocument()
    doc.title(_("政府信息公开征求第三方意见函"))
    doc.addressee(request.consultation_party)
    doc.paragraph(
        _(
            "本机关于%(received)s收到政府信息公开申请（申请编号：%(number)s），申请获取：%(what)s。经审查，"
            "该信息的公开可能损害贵方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求"
            "贵方意见。"
        )
        % {
            "received": chinese_date(request.received_on),
            "number": request.number,
            "what": request.description.strip().rstrip("。"),
        }
    )
    doc.paragraph(
        _(
            "请贵方自收到本函之日起%(n)d个工作日内提出书面意见；逾期未提出意见的，由本机关依照条例的规定决定是否"
            "公开。贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，"
            "可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。"
        )
        % {"n": days}
    )
    doc.signature(bureau_name(), request.consultation_sent_on)
    return doc


def extension_notice(request: DisclosureRequest) -> OfficialDocument:
    """延期答复告知书: the extension approved by the head of the disclosure office, its reason and the new
    due day (条例第三十三条第二款)."""
    doc = OfficialDocument()
    doc.title(_("政府信息公开申请延期答复告知书"))
    doc.addressee(request.applicant_name)
    doc.paragraph(_received(request))
    doc.paragraph(
        _(
            "因%(reason)s，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的"
            "规定，经本机关政府信息公开工作机构负责人同意，答复期限延长%(n)d个工作日，本机关将于%(due)s前作出答复。"
        )
        % {
            "reason": request.extension_reason.strip().rstrip("。"),
            "n": request.extension_days or 0,
            "due": chinese_date(request.due_on) if request.due_on else _("延长后的期限内"),
        }
    )
    if request.consultation_sent_on:
        doc.paragraph(_("征求第三方意见所需时间不计算在答复期限内（条例第三十三条第三款）。"))
    doc.signature(bureau_name(), request.extension_notified_on)
    return doc


def reply_document(request: DisclosureRequest) -> OfficialDocument:
    """The letter of a replied request: number, applicant, what happened to the application, the reply."""
    doc = OfficialDocument()
    doc.title(_("政府信息公开申请答复书"))
    doc.number(request.reply_number)
    doc.addressee(request.applicant_name)
    doc.paragraph(_received(request))
    if request.supplement_completed_on:
        doc.paragraph(
            _(
                "本机关于%(asked)s一次性告知您需要补正的事项，并于%(done)s收到您补正后的申请，答复期限自该日起计算。"
            )
            % {
                "asked": chinese_date(request.supplement_requested_on),
                "done": chinese_date(request.supplement_completed_on),
            }
        )
    if request.consultation_replied_on:
        doc.paragraph(
            _(
                "因您申请公开的信息可能损害第三方合法权益，本机关于%(sent)s书面征求%(party)s的意见，征求意见所需时间不计算在答复期限内。"
            )
            % {"sent": chinese_date(request.consultation_sent_on), "party": request.consultation_party}
        )
    if request.extension_days:
        doc.paragraph(
            _(
                "经本机关政府信息公开工作机构负责人同意，答复期限延长%(n)d个工作日，本机关已于%(notified)s告知您。"
            )
            % {"n": request.extension_days, "notified": chinese_date(request.extension_notified_on)}
        )
    doc.paragraph(_("经审查，现答复如下："))
    doc.paragraph(DECISIONS[ReplyType(request.reply_type)])
    if request.reply_content:
        for line in request.reply_content.splitlines():
            if line.strip():
                doc.paragraph(line.strip())
    doc.paragraph(
        _(
            "如对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。"
        )
    )
    doc.signature(bureau_name(), request.replied_on)
    return doc


def reply_letter(request: DisclosureRequest) -> bytes:
    """The reply letter as .docx (the earlier download `requests/<pk>/letter.docx`)."""
    return reply_document(request).to_bytes()


@dataclass(frozen=True)
class Letter:
    title: str
    build: Callable[[DisclosureRequest], OfficialDocument]
    # Whether the request has the letter: the step that writes it was taken.
    made: Callable[[DisclosureRequest], bool]


LETTERS = {
    "supplement": Letter(
        "政府信息公开申请补正告知书", supplement_notice, lambda r: bool(r.supplement_requested_on)
    ),
    "consultation": Letter(
        "政府信息公开征求第三方意见函", consultation_letter, lambda r: bool(r.consultation_sent_on)
    ),
    "extension": Letter("政府信息公开申请延期答复告知书", extension_notice, lambda r: bool(r.extension_days)),
    "reply": Letter("政府信息公开申请答复书", reply_document, lambda r: bool(r.replied_on)),
}


def letters_of(request: DisclosureRequest) -> list[tuple[str, Letter]]:
    """The letters the request has, in the order of its handling."""
    return [(kind, letter) for kind, letter in LETTERS.items() if letter.made(request)]
