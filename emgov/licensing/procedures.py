"""The procedure of a licensing case (行政许可法): 申请 → (一次性告知补正 → 补正) → 受理 →
(不计入期限的听证、检验检测、专家评审等; 延期) → 决定 → 发证 / 双公示."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from emgov.core.permissions import LEGAL_STAFF
from emgov.core.workflow import Guard, Procedure, Step
from emgov.licensing import services
from emgov.licensing.forms import (
    AcceptForm,
    CertificateForm,
    DecideForm,
    ExcludeForm,
    ExtendForm,
    PublishForm,
    SupplementForm,
    SupplementReceivedForm,
)
from emgov.licensing.models import LicensingCase, LicensingResult


def state(case: LicensingCase) -> str:
    if not case.accepted_on:
        if case.supplement_requested_on and not case.supplement_completed_on:
            return "supplementing"
        return "applied"
    if not case.result:
        return "accepted"
    return "decided"


def _extendable(case: LicensingCase) -> bool:
    return case.item.extendable if case.item_id else True


LICENSING_CASE = Procedure(
    name="licensing_case",
    model=LicensingCase,
    state=state,
    states={
        "applied": _("已申请，待受理"),
        "supplementing": _("已告知补正，待申请人补正"),
        "accepted": _("已受理，待决定"),
        "decided": _("已作出决定"),
    },
    roles=LEGAL_STAFF,
    voided=_("该许可案件已作废，不能办理。"),
    steps=[
        Step(
            "request_supplement",
            _("一次性告知补正"),
            services.request_supplement,
            sources=("applied",),
            target="supplementing",
            applies=lambda c: bool(c.applied_on),
            form=SupplementForm,
            guards=(
                Guard(
                    lambda c: not c.supplement_requested_on,
                    _("需要补正的内容应当一次告知，已告知过补正的申请不能再次要求补正。"),
                    "行政许可法第三十二条第一款第四项",
                    "supplement_once",
                ),
            ),
        ),
        Step(
            "supplement_received",
            _("收到补正材料"),
            services.supplement_received,
            sources=("supplementing",),
            target="applied",
            form=SupplementReceivedForm,
        ),
        Step("accept", _("受理"), services.accept, sources=("applied",), target="accepted", form=AcceptForm),
        Step(
            "exclude",
            _("记录听证、检验检测、专家评审等时间"),
            services.exclude,
            sources=("accepted",),
            form=ExcludeForm,
            audit=_("记录不计入办理期限的时间"),
        ),
        Step(
            "extend",
            _("延长办理期限"),
            services.extend,
            sources=("accepted",),
            form=ExtendForm,
            guards=(
                Guard(
                    lambda c: not c.extension_days,
                    _("办理期限只能延长一次，该案件已经延期。"),
                    "行政许可法第四十二条第一款",
                    "already_extended",
                ),
                Guard(_extendable, _("该许可事项的办理期限不可延长。"), "许可事项清单", "not_extendable"),
            ),
        ),
        Step(
            "decide", _("作出决定"), services.decide, sources=("accepted",), target="decided", form=DecideForm
        ),
        Step(
            "certificate",
            _("颁发证书"),
            services.issue_certificate,
            sources=("decided",),
            applies=lambda c: c.result == LicensingResult.GRANTED and not c.certificate_number,
            form=CertificateForm,
        ),
        Step(
            "publish",
            _("双公示"),
            services.publish,
            sources=("decided",),
            applies=lambda c: c.needs_publication and not c.published_on,
            form=PublishForm,
        ),
    ],
)
