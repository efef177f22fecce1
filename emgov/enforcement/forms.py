from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, User
from emgov.core.pages import LedgerForm
from emgov.enforcement.models import Hazard, Operation, Order, Visit, VisitNature

VISIT_REFERENCE = {"visit": ("number", "enforcement:visits-lookup")}


class OperationForm(LedgerForm):
    class Meta:
        model = Operation
        fields = [
            "number",
            "kind",
            "name",
            "start_date",
            "end_date",
            "lead_department",
            "departments",
            "leader_name",
            "leader_level",
            "unannounced",
            "region",
        ]
        widgets = {"departments": forms.CheckboxSelectMultiple(attrs={"class": "checklist"})}
        help_texts = {
            "unannounced": _("不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场"),
            "region": _("尚未录入检查记录的行动按此区划归属"),
        }


class VisitForm(LedgerForm):
    references = {
        "enterprise": ("credit_code", "enterprises:enterprises-lookup"),
        "operation": ("number", "enforcement:operations-lookup"),
    }

    class Meta:
        model = Visit
        fields = [
            "number",
            "date",
            "enterprise",
            "department",
            "nature",
            "operation",
            "officers",
            "findings",
            "result",
            "av_recorded",
        ]
        widgets = {
            "officers": forms.CheckboxSelectMultiple(attrs={"class": "checklist"}),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "result": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "officers": _("本局的执法检查须有至少两名执法证在检查当日有效的执法人员"),
            "av_recorded": _("执法全过程记录"),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["officers"].queryset = self.fields["officers"].queryset.select_related("department")
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("nature", VisitNature.ENFORCEMENT)
            self.initial.setdefault("department", Department.objects.filter(is_bureau=True).first())


class HazardForm(LedgerForm):
    references = VISIT_REFERENCE

    class Meta:
        model = Hazard
        fields = [
            "number",
            "visit",
            "description",
            "grade",
            "basis",
            "deadline",
            "rectified_on",
            "reviewed_on",
            "review_result",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"basis": _("例如《工贸企业重大事故隐患判定标准》的条款")}


class OrderForm(LedgerForm):
    references = VISIT_REFERENCE

    class Meta:
        model = Order
        fields = ["number", "visit", "doc_type", "issued_on", "due_date"]
