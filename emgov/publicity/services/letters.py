"""The reply letter to a disclosure request (政府信息公开申请答复书), as a .docx."""

from __future__ import annotations

from django.utils.translation import gettext as _

from emgov.core.documents import OfficialDocument, chinese_date
from emgov.core.models import Department
from emgov.publicity.models import DisclosureRequest, ReplyType

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


def reply_letter(request: DisclosureRequest) -> bytes:
    """The letter of a replied request: number, applicant, what happened to the application, the reply."""
    doc = OfficialDocument()
    doc.title(_("政府信息公开申请答复书"))
    doc.number(request.reply_number)
    doc.addressee(request.applicant_name)
    doc.paragraph(
        _(
            "本机关于%(received)s收到您通过%(channel)s方式提出的政府信息公开申请（申请编号：%(number)s），申请获取：%(what)s。"
        )
        % {
            "received": chinese_date(request.received_on),
            "channel": request.channel,
            "number": request.number,
            "what": request.description.strip().rstrip("。"),
        }
    )
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
    return doc.to_bytes()
