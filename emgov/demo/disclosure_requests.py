"""Applications for government information (依申请公开) in 2023, one in each state of their handling,
registered and handled through their procedure (`publicity.procedures.DISCLOSURE_REQUEST`): the 补正
notices give the rule table's 补正期限, and one application not completed in time is deemed withdrawn
(条例第三十条)."""

from __future__ import annotations

import datetime

from emgov.core.models import User
from emgov.demo.base import VIA
from emgov.publicity.models import DeliveryRoute, InformationFormat, ReplyType, RequestChannel
from emgov.publicity.procedures import DISCLOSURE_REQUEST
from emgov.publicity.services.requests import disclosure_request_register


def _d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _register(actor: User | None, n: int, name: str, channel: str, received: str, what: str, **extra):
    received_on = _d(received)
    submitted_on = received_on - datetime.timedelta(days=0 if channel == RequestChannel.IN_PERSON else 2)
    return disclosure_request_register(
        actor=actor,
        via=VIA,
        number=f"YSQ2023-{n:04d}",
        applicant_name=name,
        applicant_id_number=f"44060519800101{n:03d}X",
        applicant_phone=f"1380757{n:04d}",
        applicant_address=extra.pop("address", "佛山市南海区桂城街道南海大道北"),
        channel=channel,
        submitted_on=submitted_on,
        received_on=received_on,
        description=what,
        format_wanted=extra.pop("format_wanted", InformationFormat.ELECTRONIC),
        delivery_wanted=extra.pop("delivery_wanted", DeliveryRoute.EMAIL),
        **extra,
    )


def build_disclosure_requests() -> None:
    actor = User.objects.filter(username="legal").first()
    step = {"actor": actor, "via": VIA}
    take = DISCLOSURE_REQUEST.take

    on_time = _register(
        actor, 1, "陈志明", RequestChannel.ONLINE, "2023-03-13", "2023年南海区安全生产执法检查计划"
    )
    take(
        "reply",
        on_time,
        reply_type=ReplyType.ALREADY_PUBLIC,
        replied_on=_d("2023-03-24"),
        reply_content="该信息已在本局政府信息公开专栏“执法检查”类别中公开，可通过网站查阅。",
        **step,
    )

    supplemented = _register(
        actor,
        2,
        "佛山市某某五金制品有限公司",
        RequestChannel.POST,
        "2023-04-17",
        "本公司2022年被检查的相关记录",
    )
    supplemented = take(
        "supplement",
        supplemented,
        supplement_requested_on=_d("2023-04-20"),
        supplement_note="请明确所需信息的检查日期和文书名称。",
        **step,
    )
    supplemented = take("supplement-received", supplemented, supplement_completed_on=_d("2023-05-04"), **step)
    take("reply", supplemented, reply_type=ReplyType.DISCLOSED, replied_on=_d("2023-05-25"), **step)

    consulted = _register(
        actor,
        3,
        "李晓红",
        RequestChannel.IN_PERSON,
        "2023-06-12",
        "某化工企业安全评价报告",
        format_wanted=InformationFormat.PAPER,
        delivery_wanted=DeliveryRoute.PICKUP,
    )
    consulted = take(
        "consult",
        consulted,
        consultation_party="佛山市南海区某化工有限公司",
        consultation_sent_on=_d("2023-06-14"),
        **step,
    )
    consulted = take("opinion", consulted, consultation_replied_on=_d("2023-06-30"), **step)
    take(
        "reply",
        consulted,
        reply_type=ReplyType.PARTIAL,
        replied_on=_d("2023-07-20"),
        reply_content="报告中涉及企业商业秘密的工艺参数部分不予公开，其余部分予以公开。",
        **step,
    )

    late = _register(
        actor, 4, "王建国", RequestChannel.ONLINE, "2023-07-03", "2015年某仓库火灾事故的调查材料"
    )
    take(
        "reply",
        late,
        reply_type=ReplyType.NOT_EXIST,
        replied_on=_d("2023-08-10"),
        reply_content="经检索，本机关未制作或获取该信息。",
        **step,
    )

    extended = _register(
        actor, 5, "黄丽萍", RequestChannel.FAX, "2023-11-20", "2023年全区危险化学品企业名单及监管情况"
    )
    take(
        "extend",
        extended,
        extension_days=15,
        extension_reason="申请内容涉及多个镇街的数据，需汇总核实",
        extension_approved_by="区应急管理局政务公开办公室主任",
        extension_approved_on=_d("2023-12-14"),
        extension_notified_on=_d("2023-12-15"),
        **step,
    )

    consulting = _register(
        actor, 6, "何志强", RequestChannel.POST, "2023-12-04", "某企业停产整顿期间的复查意见"
    )
    take(
        "consult",
        consulting,
        consultation_party="佛山市南海区某陶瓷有限公司",
        consultation_sent_on=_d("2023-12-08"),
        **step,
    )

    waiting = _register(actor, 7, "梁志伟", RequestChannel.ONLINE, "2023-12-18", "有关安全生产的文件")
    take(
        "supplement",
        waiting,
        supplement_requested_on=_d("2023-12-20"),
        supplement_note="所需信息描述不明确，请写明文件名称、文号或内容。",
        **step,
    )

    _register(actor, 8, "张敏", RequestChannel.IN_PERSON, "2023-12-25", "2023年安全生产月活动开展情况")

    # Asked to complete it before the National Day holiday; 补正期限 2023-10-24 passed without it.
    abandoned = _register(actor, 9, "罗国华", RequestChannel.ONLINE, "2023-09-25", "关于某企业的材料")
    abandoned = take(
        "supplement",
        abandoned,
        supplement_requested_on=_d("2023-09-27"),
        supplement_note="所需信息描述不明确，请写明企业名称及所需材料的名称或文号。",
        **step,
    )
    take("deem-withdrawn", abandoned, withdrawn_on=_d("2023-10-26"), **step)
