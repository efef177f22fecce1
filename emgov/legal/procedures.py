"""The procedures of the legal office, declared once for the pages, the API and the demo:

- `COUNSEL` (法律顾问): 待答复 → 已答复; the request (who asked, by when) and attachments on the way;
- `LITIGATION` (行政诉讼与复议): 收案 → 送达 (the defence deadline follows) → 答辩（答复）; who appeared
  at the hearing once the complaint has been served;
- `NORMATIVE_DOCUMENT` (规范性文件): the evaluation's clean-up result while the document is in force;
- `CERTIFICATE` (执法证, on `core.Officer`): 有效 ⇄ 暂扣 → 注销.

What the law fixes about the order of these steps is in their `sources` (no defence before service,
no clean-up of a repealed document, no reinstatement of a revoked certificate). The rules the law
sets on what is entered — the name and position of whoever appeared in court for the bureau
(行政诉讼法第三条第三款), the deadlines of 行政诉讼法第六十七条 and 行政复议法第四十八条 — depend on the
form's values, so they stay in the `run` functions (`legal.services`) and `legal.rules`; no step
has a rule on the record alone that would make it a `Guard`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from emgov.core.attachments import AttachmentForm
from emgov.core.models import Officer
from emgov.core.models.officers import CertificateStatus
from emgov.core.permissions import LEGAL_STAFF
from emgov.core.workflow import Procedure, Step
from emgov.legal.forms.base import with_record
from emgov.legal.forms.counsel import CounselAnswerForm, CounselRequestForm
from emgov.legal.forms.litigation import AppearanceForm, DefenceForm, ServiceForm
from emgov.legal.forms.normative import CleanUpForm
from emgov.legal.forms.officers import CertificateReasonForm
from emgov.legal.models import CounselRecord, LitigationCase, NormativeDocument, NormativeStatus
from emgov.legal.services import counsel, litigation, normative, officers

# Counsel -------------------------------------------------------------------------------------------


def counsel_state(record: CounselRecord) -> str:
    return "answered" if record.answered_on else "open"


COUNSEL = Procedure(
    name="legal_counsel",
    model=CounselRecord,
    state=counsel_state,
    states={"open": _("待答复"), "answered": _("已答复")},
    roles=LEGAL_STAFF,
    voided=_("该法律顾问记录已作废，不能办理。"),
    steps=[
        Step(
            "request",
            _("登记提出情况"),
            counsel.request,
            sources=("open",),
            form=CounselRequestForm,
            audit=_("登记法律顾问事项的提出部门、提出日期和答复期限"),
        ),
        Step(
            "answer",
            _("登记答复意见"),
            counsel.answer,
            sources=("open",),
            target="answered",
            form=CounselAnswerForm,
            form_kwargs=with_record,
            audit=_("登记法律顾问答复意见"),
        ),
        # Any time, answered or not; the history names the file (core.attachments.attachment_add).
        Step("attach", _("上传附件"), counsel.attach, form=AttachmentForm),
    ],
)


# Litigation ----------------------------------------------------------------------------------------


def litigation_state(case: LitigationCase) -> str:
    if case.defence_filed_on:
        return "defended"
    if case.served_on:
        return "served"
    return "received"


LITIGATION = Procedure(
    name="litigation_case",
    model=LitigationCase,
    state=litigation_state,
    states={
        "received": _("已收案，待登记送达"),
        "served": _("已送达，待提交答辩（答复）"),
        "defended": _("已提交答辩（答复）"),
    },
    roles=LEGAL_STAFF,
    voided=_("该行政诉讼与复议案件已作废，不能办理。"),
    steps=[
        Step(
            "serve",
            _("登记送达"),
            litigation.serve,
            sources=("received",),
            target="served",
            form=ServiceForm,
            audit=_("起诉状或行政复议申请书副本送达，计算答辩（答复）期限"),
        ),
        Step(
            "defend",
            _("提交答辩（答复）"),
            litigation.defend,
            sources=("served",),
            target="defended",
            form=DefenceForm,
            audit=_("提交答辩状或行政复议答复书及证据"),
        ),
        Step(
            "appearance",
            _("登记出庭应诉情况"),
            litigation.appearance,
            sources=("served", "defended"),
            form=AppearanceForm,
            form_kwargs=with_record,
            audit=_("登记出庭应诉情况（行政诉讼法第三条第三款）"),
        ),
    ],
)


# Normative documents -------------------------------------------------------------------------------

_NORMATIVE_STATES = {
    NormativeStatus.VALID: "in_force",
    NormativeStatus.EXPIRED: "expired",
    NormativeStatus.REPEALED: "repealed",
}


def normative_state(document: NormativeDocument) -> str:
    return _NORMATIVE_STATES.get(document.status, "in_force")


NORMATIVE_DOCUMENT = Procedure(
    name="normative_document",
    model=NormativeDocument,
    state=normative_state,
    states={"in_force": _("有效"), "expired": _("失效"), "repealed": _("废止")},
    roles=LEGAL_STAFF,
    voided=_("该规范性文件记录已作废，不能办理。"),
    steps=[
        # The history reads “规范性文件清理：<result>” (written by the run, which knows the result).
        Step(
            "clean_up",
            _("登记清理结果"),
            normative.clean_up,
            sources=("in_force",),
            form=CleanUpForm,
            audit=_("规范性文件清理"),
        ),
    ],
)


# Certificates --------------------------------------------------------------------------------------

_CERTIFICATE_STATES = {
    CertificateStatus.VALID: "valid",
    CertificateStatus.SUSPENDED: "suspended",
    CertificateStatus.REVOKED: "revoked",
}


def certificate_state(officer: Officer) -> str:
    return _CERTIFICATE_STATES.get(officer.status, "valid")


SUSPEND = _("暂扣执法证")
REVOKE = _("注销执法证")
REINSTATE = _("恢复执法证")

# Each run writes “<wording>：<reason>” into the officer's history.
CERTIFICATE = Procedure(
    name="officer_certificate",
    model=Officer,
    state=certificate_state,
    states={"valid": _("有效"), "suspended": _("暂扣"), "revoked": _("注销")},
    roles=LEGAL_STAFF,
    steps=[
        Step(
            "suspend",
            SUSPEND,
            officers.certificate_change(CertificateStatus.SUSPENDED, SUSPEND),
            sources=("valid",),
            target="suspended",
            form=CertificateReasonForm,
            audit=SUSPEND,
        ),
        Step(
            "revoke",
            REVOKE,
            officers.certificate_change(CertificateStatus.REVOKED, REVOKE),
            sources=("valid", "suspended"),
            target="revoked",
            form=CertificateReasonForm,
            audit=REVOKE,
        ),
        Step(
            "reinstate",
            REINSTATE,
            officers.certificate_change(CertificateStatus.VALID, REINSTATE),
            sources=("suspended",),
            target="valid",
            form=CertificateReasonForm,
            audit=REINSTATE,
        ),
    ],
)
