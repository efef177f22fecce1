"""The forms of 依申请公开: the application, and the form of each step of its handling
(`publicity.procedures.DISCLOSURE_REQUEST`), whose field names are the request's own."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm
from emgov.publicity import rules
from emgov.publicity.models import DisclosureRequest, ReplyType

# The help texts give the national defaults; the rule table's version in force on the request's
# receipt date is what the services enforce.
SUPPLEMENT_NOTICE_DAYS = int(rules.SUPPLEMENT_NOTICE_DAYS.default)
SUPPLEMENT_PERIOD_DAYS = int(rules.SUPPLEMENT_PERIOD_DAYS.default)
CONSULTATION_DAYS = int(rules.CONSULTATION_DAYS.default)
EXTENSION_MAX_DAYS = int(rules.EXTENSION_MAX_DAYS.default)

# The application's own data: the fields of its form, in the order of the detail page.
APPLICATION_FIELDS = (
    "number",
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_address",
    "channel",
    "submitted_on",
    "received_on",
    "description",
    "format_wanted",
    "delivery_wanted",
    "region",
)


class DisclosureRequestForm(LedgerForm):
    class Meta:
        model = DisclosureRequest
        fields = list(APPLICATION_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"number": _("新登记时可留空，系统按年度自动编号")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False


def _date(label: str, help_text: str = "", *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=help_text,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class AskSupplementForm(forms.Form):
    supplement_requested_on = _date(
        _("补正通知日期"), _("收到申请之日起%(n)d个工作日内一次性告知") % {"n": SUPPLEMENT_NOTICE_DAYS}
    )
    supplement_note = forms.CharField(
        label=_("补正事项"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    supplement_due_on = _date(
        _("补正期限"),
        _("合理的补正期限，不填写时为通知之日起%(n)d个工作日；逾期无正当理由不补正的，视为放弃申请")
        % {"n": SUPPLEMENT_PERIOD_DAYS},
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The default period is computed from the notice's date: the field starts empty, not at today.
        self.initial.pop("supplement_due_on", None)


class DeemWithdrawnForm(forms.Form):
    withdrawn_on = _date(_("认定日期"), _("补正期限届满后，申请人无正当理由仍未补正"))


class ReceiveSupplementForm(forms.Form):
    supplement_completed_on = _date(_("收到补正后的申请日期"), _("答复期限自该日起重新计算"))


class ConsultForm(forms.Form):
    consultation_party = forms.CharField(label=_("征求意见对象"), max_length=200)
    consultation_sent_on = _date(
        _("征求意见发出日期"),
        _("第三方%(n)d个工作日内答复，其间不计入答复期限") % {"n": CONSULTATION_DAYS},
    )


class ReceiveOpinionForm(forms.Form):
    consultation_replied_on = _date(_("征求意见答复日期"), _("第三方逾期未答复的，填写答复期满之日"))


class ExtendForm(forms.Form):
    extension_days = forms.IntegerField(
        label=_("延长工作日数"), min_value=1, max_value=EXTENSION_MAX_DAYS, initial=EXTENSION_MAX_DAYS
    )
    extension_reason = forms.CharField(label=_("延长理由"), max_length=500)
    extension_approved_by = forms.CharField(
        label=_("审批人"), max_length=50, help_text=_("政府信息公开工作机构负责人")
    )
    extension_approved_on = _date(_("批准日期"))
    extension_notified_on = _date(_("告知申请人日期"))


class ReplyForm(forms.Form):
    reply_type = forms.ChoiceField(label=_("答复类型"), choices=[("", "---------"), *ReplyType.choices])
    replied_on = _date(_("答复日期"))
    reply_content = forms.CharField(
        label=_("答复内容"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("获取信息的方式途径、不予公开的理由或负责公开的机关等，写入答复书"),
    )
