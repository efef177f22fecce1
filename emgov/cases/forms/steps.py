"""The forms of a case's steps (`cases.procedures`: the page and the API validate a step with its form),
and of the two ways a case starts: 立案 and the on-the-spot decision of the summary procedure."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.cases.models import (
    REVIEW_POINTS,
    CaseChallenge,
    ChallengeKind,
    DiscretionGrade,
    Evidence,
    EvidenceType,
    PartyType,
    PenaltyCase,
    PenaltyKind,
)
from emgov.cases.queries import current_grades
from emgov.core import clock
from emgov.core.attachments import AttachmentForm
from emgov.core.models.attachments import ATTACHMENT_EXTENSIONS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def date_field(label: str, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        initial=clock.today,
        error_messages={"required": _("请填写%(label)s") % {"label": label}, "invalid": _("日期格式有误")},
    )


def text(label: str, *, required: bool = True, rows: int = 0, max_length: int = 2000) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(label=label, required=required, widget=widget, max_length=max_length)


def money(label: str, *, required: bool = False) -> forms.DecimalField:
    return forms.DecimalField(label=label, required=required, max_digits=14, decimal_places=2, min_value=0)


class OpenForm(forms.Form):
    filed_on = date_field(_("立案日期"))
    visit_number = text(_("检查编号"), required=False, max_length=50)
    hazard_number = text(_("隐患编号"), required=False, max_length=50)
    party_name = text(_("当事人名称"), required=False, max_length=200)
    party_type = forms.ChoiceField(
        label=_("当事人类型"), choices=[("", "—"), *PartyType.choices], required=False
    )
    party_credit_code = text(_("统一社会信用代码"), required=False, max_length=18)
    party_address = text(_("当事人地址"), required=False, max_length=300)
    violation = text(_("案由（违法行为）"), required=False, rows=3)
    legal_basis = text(_("立案依据"), required=False, rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["visit_number"].help_text = _("由检查记录立案时填写；当事人从企业带出")
        self.fields["hazard_number"].help_text = _("逾期未整改的隐患立案时填写")


class SummaryForm(forms.Form):
    decided_on = date_field(_("决定日期"))
    visit_number = text(_("检查编号"), required=False, max_length=50)
    party_name = text(_("当事人名称"), required=False, max_length=200)
    party_type = forms.ChoiceField(
        label=_("当事人类型"), choices=[("", "—"), *PartyType.choices], required=False
    )
    party_credit_code = text(_("统一社会信用代码"), required=False, max_length=18)
    violation = text(_("违法行为"), rows=2)
    legal_basis = text(_("处罚依据"), rows=2)
    penalty_kinds = forms.MultipleChoiceField(
        label=_("处罚种类"),
        choices=[(k, v) for k, v in PenaltyKind.choices if k in (PenaltyKind.WARNING, PenaltyKind.FINE)],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checklist"}),
        error_messages={"required": _("请选择处罚种类")},
    )
    fine_amount = money(_("罚款金额（元）"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fine_amount"].help_text = _("简易程序：对公民不超过200元，对法人或其他组织不超过3000元")


class OnForm(forms.Form):
    on = date_field(_("办理日期"))


class NoteForm(OnForm):
    note = text(_("说明"), required=False, rows=3)


def optional_date(label: str) -> forms.DateField:
    """A date left empty unless the user gives one (not today, unlike the step's own date)."""
    field = date_field(label, required=False)
    field.initial = None
    return field


class EvidenceForm(forms.Form):
    evidence_type = forms.ChoiceField(label=_("证据种类"), choices=EvidenceType.choices)
    title = text(_("证据名称"), max_length=200)
    collected_on = date_field(_("取证日期"))
    collected_by = text(_("取证人"), required=False, max_length=100)
    is_inquiry = forms.BooleanField(label=_("询问笔录"), required=False)
    interviewee = text(_("被询问人"), required=False, max_length=100)
    description = text(_("证明内容"), required=False, rows=2)
    file = forms.FileField(
        label=_("证据文件（扫描件、照片、录音录像）"),
        required=False,
        help_text=_("接受 %(kinds)s 文件") % {"kinds": "、".join(ATTACHMENT_EXTENSIONS)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ATTACHMENT_EXTENSIONS)}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["collected_on"].help_text = _(
            "立案前在立案所依据的检查中制作的现场检查记录（勘验笔录、现场笔录），填写检查日期"
        )


class EvidenceAttachForm(AttachmentForm):
    """A file added to an item of the case's evidence list."""

    evidence = forms.ModelChoiceField(label=_("证据"), queryset=Evidence.objects.none())
    field_order = ["evidence", "file"]

    def __init__(self, *args: Any, case: PenaltyCase | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["evidence"].queryset = case.evidence.filter(voided_at__isnull=True)


class PenaltyFields(forms.Form):
    """The penalty as 告知 intends it or a correction changes it; what is left empty stays as it was."""

    penalty_kinds = forms.MultipleChoiceField(
        label=_("处罚种类"),
        choices=PenaltyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checklist"}),
    )
    fine_amount = money(_("罚款金额（元）"))
    confiscation_amount = money(_("没收违法所得、非法财物数额（元）"))
    legal_basis = text(_("处罚依据"), required=False, rows=2)
    discretion_grade = forms.ModelChoiceField(
        label=_("裁量基准"), queryset=DiscretionGrade.objects.none(), required=False
    )
    discretion_reason = text(_("超出裁量幅度的理由"), required=False, rows=2)
    daily_amount = money(_("按日连续处罚：原处罚数额（元/日）"))
    continuous_from = date_field(_("按日连续处罚起始日（责令改正之日的次日）"), required=False)
    continuous_until = date_field(_("按日连续处罚截止日"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["discretion_grade"].queryset = current_grades()
        for name in ("continuous_from", "continuous_until"):  # not today, unlike the step's own date
            self.fields[name].initial = None
            self.initial.pop(name, None)
        self.fields["daily_amount"].help_text = _(
            "适用安全生产法第一百一十二条时填写；罚款金额按天数自动计算"
        )


class NotifyForm(OnForm, PenaltyFields):
    served_on = optional_date(_("告知书送达日期"))
    major_case = forms.BooleanField(label=_("情节复杂或重大违法行为（须负责人集体讨论）"), required=False)
    review_required = forms.BooleanField(
        label=_("须法制审核（涉及重大公共利益、案情复杂或法律规定）"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["served_on"].help_text = _(
            "当场送达的填写当日；邮寄等方式送达的，当事人签收后通过“告知书送达”登记。陈述申辩、申请听证的期限自送达之日起计算"
        )


class StatementForm(OnForm):
    note = text(_("陈述申辩内容（或当事人书面放弃陈述申辩）"), rows=3)
    waives_hearing = forms.BooleanField(label=_("当事人书面放弃听证"), required=False)


class HearingNoticeForm(OnForm):
    hearing_on = date_field(_("听证日期"))


class ReviewForm(OnForm):
    opinion = text(_("审核意见"), rows=3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in REVIEW_POINTS:
            self.fields[f"point_{key}"] = forms.BooleanField(label=label, required=False)


class DiscussForm(OnForm):
    note = text(_("参加人员及讨论结论"), rows=3)


class DecideForm(OnForm):
    penalty_kinds = forms.MultipleChoiceField(
        label=_("处罚种类（不选则按告知）"),
        choices=PenaltyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checklist"}),
    )
    fine_amount = money(_("罚款金额（元，不填则按告知）"))
    confiscation_amount = money(_("没收数额（元，不填则按告知）"))
    discretion_reason = text(_("超出裁量幅度的理由"), required=False, rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["penalty_kinds"].help_text = _(
            "只能减去告知的种类或降低数额；增加种类或提高数额须先重新告知（行政处罚法第四十五条第二款）"
        )


class ExtendForm(forms.Form):
    approved_on = date_field(_("批准日期"))
    new_due_on = date_field(_("延长后的期限"))
    reason = text(_("延期理由"), rows=2)


class DeferForm(OnForm):
    approved_by = text(_("批准人"), max_length=100)
    new_due_on = date_field(_("延期后的缴款期限"))
    reason = text(_("理由及分期安排"), rows=2)


class CourtForm(OnForm):
    demanded_on = optional_date(_("催告书送达日期（已登记催告的不填）"))


class ChallengeForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=ChallengeKind.choices)
    filed_on = date_field(_("申请复议或起诉日期"))
    number = text(_("案号（行政诉讼与复议台账）"), required=False, max_length=80)
    body = text(_("复议机关或人民法院"), required=False, max_length=100)


class ChallengeEndForm(forms.Form):
    challenge = forms.ModelChoiceField(label=_("复议、诉讼"), queryset=CaseChallenge.objects.none())
    ended_on = date_field(_("审结日期"))
    result = text(_("结果"), max_length=300)

    def __init__(self, *args: Any, case: PenaltyCase | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["challenge"].queryset = case.challenges.filter(
                voided_at__isnull=True, ended_on__isnull=True
            )


class CorrectForm(OnForm, PenaltyFields):
    reason = text(_("更正原因"), rows=2)
