from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.models import Role, User
from emgov.core.pages import LedgerForm
from emgov.licensing.models import ExcludedKind, LicensingCase, LicensingItem, LicensingResult


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def date_field(label: str, *, required: bool = True, today: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        initial=clock.today if today else None,
        error_messages={"required": _("请填写%(label)s") % {"label": label}, "invalid": _("日期格式有误")},
    )


class LicensingForm(LedgerForm):
    class Meta:
        model = LicensingCase
        fields = [
            "number",
            "item",
            "item_name",
            "category",
            "applicant",
            "credit_code",
            "applied_on",
            "accepted_on",
            "decided_on",
            "result",
            "published_on",
            "region",
        ]
        help_texts = {
            "item": _("从事项清单选择后，事项名称和类别随之填写"),
            "credit_code": _("与企业台账中的企业自动关联"),
            "accepted_on": _("只登记申请、尚未受理的，留空并填写申请日期"),
            "published_on": _("双公示的公示日期"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item_name"].required = False
        self.fields["category"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        item = data.get("item")
        if item is not None:
            data["item_name"], data["category"] = item.name, item.category
        else:
            for name in ("item_name", "category"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("未选择许可事项时，请填写%(f)s") % {"f": self.fields[name].label})
        return data


class LicensingItemForm(LedgerForm):
    class Meta:
        model = LicensingItem
        fields = [
            "name",
            "category",
            "licence_type",
            "legal_basis",
            "time_limit_days",
            "working_days",
            "extendable",
            "extension_days",
            "materials",
            "certificate_name",
            "validity_years",
        ]
        widgets = {
            "legal_basis": forms.Textarea(attrs={"rows": 3}),
            "materials": forms.Textarea(attrs={"rows": 6}),
        }


class SupplementForm(forms.Form):
    requested_on = date_field(_("补正告知日期"))
    items = forms.CharField(
        label=_("需要补正的全部内容"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("一次告知全部内容（行政许可法第三十二条第一款第四项）"),
    )


class SupplementReceivedForm(forms.Form):
    completed_on = date_field(_("补正材料收齐日期"))


class AcceptForm(forms.Form):
    accepted_on = date_field(_("受理日期"))


class ExcludeForm(forms.Form):
    kind = forms.ChoiceField(label=_("事项"), choices=ExcludedKind.choices)
    started_on = date_field(_("开始日期"), today=False)
    ended_on = date_field(_("结束日期"), today=False)
    notified_on = date_field(_("书面告知申请人日期"))
    note = forms.CharField(label=_("说明"), max_length=300, required=False)


class LeaderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.username


class ExtendForm(forms.Form):
    extended_on = date_field(_("延期日期"))
    reason = forms.CharField(label=_("延期理由"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    approved_by = LeaderChoiceField(
        label=_("批准延期的负责人"),
        queryset=User.objects.filter(role=Role.LEADER, is_active=True).order_by("full_name", "username"),
        help_text=_("本行政机关负责人（局领导）（行政许可法第四十二条第一款）"),
        error_messages={"invalid_choice": _("请选择批准延期的局领导")},
    )


class DecideForm(forms.Form):
    decided_on = date_field(_("决定日期"))
    result = forms.ChoiceField(label=_("办理结果"), choices=LicensingResult.choices)
    content = forms.CharField(
        label=_("许可内容"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class CertificateForm(forms.Form):
    issued_on = date_field(_("发证日期"))
    certificate_name = forms.CharField(label=_("许可证书名称"), max_length=100, required=False)
    certificate_number = forms.CharField(label=_("许可证编号"), max_length=80)
    valid_from = date_field(_("有效期自"), required=False, today=False)
    valid_until = date_field(_("有效期至"), required=False, today=False)


class PublishForm(forms.Form):
    published_on = date_field(_("公示日期"))


class XkExportForm(forms.Form):
    start = date_field(_("公示日期自"), today=False)
    end = date_field(_("公示日期至"), today=False)
    fmt = forms.ChoiceField(
        label=_("格式"), choices=[("xlsx", "Excel (.xlsx)"), ("csv", "CSV")], initial="xlsx"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("公示日期至不能早于公示日期自"))
        return data
