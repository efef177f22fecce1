"""The procedures of the publicity app: an application for government information (依申请公开,
政府信息公开条例) from receipt to the reply — or, when the applicant does not complete it by the 补正期限,
its deemed withdrawal (视为放弃申请, 第三十条) — and the withdrawal of a publication (撤销公示)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.permissions import CASE_STAFF, LEGAL_STAFF
from emgov.core.workflow import Guard, Procedure, Step
from emgov.publicity.forms.publications import WithdrawForm
from emgov.publicity.forms.requests import (
    AskSupplementForm,
    ConsultForm,
    DeemWithdrawnForm,
    ExtendForm,
    ReceiveOpinionForm,
    ReceiveSupplementForm,
    ReplyForm,
)
from emgov.publicity.models import DisclosureRequest, Publication, RequestStatus
from emgov.publicity.services import publications, requests
from emgov.publicity.services.deadlines import supplement_due

# The states of a request are its 办理状态 (`RequestStatus`), derived from its dates.
OPEN, SUPPLEMENT, CONSULTING, EXTENDED, REPLIED = "open", "supplement", "consulting", "extended", "replied"
WITHDRAWN = "withdrawn"
_STATES = {
    RequestStatus.OPEN: OPEN,
    RequestStatus.SUPPLEMENT: SUPPLEMENT,
    RequestStatus.CONSULTING: CONSULTING,
    RequestStatus.EXTENDED: EXTENDED,
    RequestStatus.REPLIED: REPLIED,
    RequestStatus.WITHDRAWN: WITHDRAWN,
}
SUPPLEMENT_ARTICLE = "政府信息公开条例第三十条"


def supplement_overdue(request: DisclosureRequest) -> bool:
    """The 补正期限 has passed (today) without the completed application."""
    due = supplement_due(request)
    return bool(due and not request.supplement_completed_on and due < clock.today())


def request_state(request: DisclosureRequest) -> str:
    return _STATES[requests.request_status(request)]


DISCLOSURE_REQUEST = Procedure(
    name="disclosure_request",
    model=DisclosureRequest,
    state=request_state,
    states={key: RequestStatus(status).label for status, key in _STATES.items()},
    roles=LEGAL_STAFF,
    voided=_("该申请已作废，不能办理。"),
    steps=[
        Step(
            "supplement",
            _("通知补正"),
            requests.ask_supplement,
            sources=(OPEN,),
            target=SUPPLEMENT,
            form=AskSupplementForm,
            guards=(
                Guard(
                    lambda r: not r.supplement_requested_on,
                    _("补正应一次性告知：该申请已经通知过补正，不能再次通知"),
                    SUPPLEMENT_ARTICLE,
                    "supplement_once",
                ),
                Guard(
                    lambda r: not r.consultation_sent_on,
                    _("补正应在收到申请后一次性告知：该申请已征求第三方意见，不能再通知补正"),
                    SUPPLEMENT_ARTICLE,
                    "supplement_too_late",
                ),
            ),
        ),
        Step(
            "supplement-received",
            _("收到补正"),
            requests.receive_supplement,
            sources=(SUPPLEMENT,),
            target=OPEN,
            form=ReceiveSupplementForm,
        ),
        Step(
            "deem-withdrawn",
            _("视为放弃申请"),
            requests.deem_withdrawn,
            sources=(SUPPLEMENT,),
            target=WITHDRAWN,
            form=DeemWithdrawnForm,
            guards=(
                Guard(
                    supplement_overdue,
                    _("补正期限尚未届满：申请人无正当理由逾期不补正的，方视为放弃申请"),
                    SUPPLEMENT_ARTICLE,
                    "supplement_not_due",
                ),
            ),
            confirm=_(
                "申请人无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请（条例第三十条）。"
            ),
        ),
        Step(
            "consult",
            _("征求第三方意见"),
            requests.consult,
            sources=(OPEN, EXTENDED),
            target=CONSULTING,
            form=ConsultForm,
            guards=(
                Guard(
                    lambda r: not r.consultation_sent_on,
                    _("该申请已征求过第三方意见，不能再次征求"),
                    "政府信息公开条例第三十二条",
                    "consultation_once",
                ),
            ),
        ),
        Step(
            "opinion",
            _("收到第三方意见"),
            requests.receive_opinion,
            sources=(CONSULTING,),
            form=ReceiveOpinionForm,
        ),
        Step(
            "extend",
            _("延长答复期限"),
            requests.extend,
            sources=(OPEN, EXTENDED, CONSULTING),
            form=ExtendForm,
            guards=(
                Guard(
                    lambda r: not r.extension_days,
                    _("答复期限只能延长一次，该申请已经延期"),
                    "政府信息公开条例第三十三条第二款",
                    "extension_once",
                ),
            ),
        ),
        Step(
            "reply",
            _("答复"),
            requests.reply,
            sources=(OPEN, EXTENDED),
            target=REPLIED,
            form=ReplyForm,
        ),
    ],
)


def publication_state(publication: Publication) -> str:
    return "withdrawn" if publication.withdrawn_on else "in_force"


PUBLICATION = Procedure(
    name="publication",
    model=Publication,
    state=publication_state,
    states={"in_force": _("公示中"), "withdrawn": _("已撤销公示")},
    # Publishing and withdrawing from the publications pages and the API is the legal staff's work.
    roles=LEGAL_STAFF,
    voided=_("该公示记录已作废，不能办理。"),
    steps=[
        Step(
            "withdraw",
            _("撤销公示"),
            publications.withdraw,
            sources=("in_force",),
            target="withdrawn",
            # A correction of a published penalty decision withdraws its publication
            # (hooks.withdraw_decision), and the case staff may correct a decision.
            roles=CASE_STAFF,
            form=WithdrawForm,
            guards=(
                Guard(
                    lambda p: p.decision.published_on is not None,
                    _("只能撤回已公示的决定：该决定尚未公示或已撤销公示"),
                    "行政处罚法第四十八条",
                    "not_published",
                ),
            ),
        )
    ],
)
