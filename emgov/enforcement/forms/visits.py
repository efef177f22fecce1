"""Forms of visits: the ledger's desk form, and the form for a phone (the enterprise found as one types, the
officers, the checklist, the files)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emgov.core.models import Department, Officer, User
from emgov.core.models.attachments import ATTACHMENT_EXTENSIONS
from emgov.core.pages import LedgerForm
from emgov.enforcement.models import Answer, ChecklistItem, ChecklistPart, Operation, Visit, VisitNature
from emgov.enforcement.services.visits import ChecklistEntry
from emgov.enterprises.models import Enterprise

RECENT_OPERATIONS = 30
# A reference to a visit on another ledger's form: typed as its 检查编号.
VISIT_REFERENCE = {"visit": ("number", "enforcement:visits-lookup")}


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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/*," + ",".join(ATTACHMENT_EXTENSIONS)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class OfficerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Officer) -> str:
        return str(obj)


class PhoneVisitForm(forms.Form):
    """Fields named as the Visit's; the checklist adds `answer_<item>` and `note_<item>` per item."""

    enterprise = forms.ModelChoiceField(
        label=_("企业"),
        queryset=Enterprise.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("请先查找并选择被检查的企业")},
    )
    date = forms.DateField(
        label=_("检查日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    department = forms.ModelChoiceField(label=_("执法部门"), queryset=Department.objects.all())
    nature = forms.ChoiceField(label=_("检查性质"), choices=VisitNature.choices, widget=forms.RadioSelect)
    operation = forms.ModelChoiceField(label=_("执法行动"), queryset=Operation.objects.none(), required=False)
    officers = OfficerChoiceField(
        label=_("执法人员"),
        queryset=Officer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("本局的执法检查须有至少两名执法证在检查当日有效的执法人员"),
    )
    findings = forms.CharField(label=_("检查发现"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    result = forms.CharField(label=_("检查结果"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    av_recorded = forms.BooleanField(
        label=_("已全程音像记录"), required=False, help_text=_("执法全过程记录（执法记录仪）")
    )
    files = MultipleFileField(
        label=_("照片和其他附件"),
        required=False,
        help_text=_("可多选；接受照片（JPG、PNG）和 PDF、Word、Excel 文件"),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.items = list(ChecklistItem.objects.filter(active=True).order_by("position", "article"))
        self.fields["enterprise"].queryset = Enterprise.objects.visible_to(user).live().select_related("town")
        self.fields["operation"].queryset = Operation.objects.visible_to(user).live()
        recent = (
            Operation.objects.visible_to(user).live().order_by("-start_date", "-number")[:RECENT_OPERATIONS]
        )
        self.fields["operation"].widget.choices = [("", "—"), *((o.pk, str(o)) for o in recent)]
        own = user.department_id
        officers = Officer.objects.select_related("department").order_by("certificate_number")
        self.fields["officers"].queryset = officers.filter(department_id=own) if own else officers
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("nature", VisitNature.ENFORCEMENT)
            self.initial.setdefault("department", own or Department.objects.filter(is_bureau=True).first())
            mine = Officer.objects.filter(user=user).values_list("pk", flat=True).first()
            if mine:
                self.initial.setdefault("officers", [mine])
        for item in self.items:
            self.fields[f"answer_{item.pk}"] = forms.ChoiceField(
                label=item.article, choices=Answer.choices, required=False, widget=forms.RadioSelect
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(label=_("说明"), max_length=500, required=False)

    def selected_enterprise(self) -> Enterprise | None:
        """The enterprise chosen (bound form or draft), to show it checked before any search."""
        value = self.data.get("enterprise") if self.is_bound else self.initial.get("enterprise")
        if not value:
            return None
        try:
            return self.fields["enterprise"].queryset.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def checklist_groups(self) -> list[dict[str, Any]]:
        groups: dict[str, dict[str, Any]] = {}
        for item in self.items:
            group = groups.setdefault(item.part, {"part": ChecklistPart(item.part).label, "rows": []})
            group["rows"].append(
                {"item": item, "answer": self[f"answer_{item.pk}"], "note": self[f"note_{item.pk}"]}
            )
        return list(groups.values())

    def checklist(self) -> list[ChecklistEntry]:
        entries = []
        for item in self.items:
            answer = self.cleaned_data.get(f"answer_{item.pk}")
            if answer:
                entries.append(ChecklistEntry(item, answer, self.cleaned_data.get(f"note_{item.pk}") or ""))
        return entries

    def visit_fields(self) -> dict[str, Any]:
        names = (
            "enterprise",
            "department",
            "nature",
            "date",
            "operation",
            "findings",
            "result",
            "av_recorded",
        )
        return {
            **{n: self.cleaned_data.get(n) for n in names},
            "officers": list(self.cleaned_data.get("officers") or []),
            "checklist": self.checklist(),
        }


def draft_data(post: Any) -> dict[str, Any]:
    """The form's posted values as JSON for a draft (lists where a field takes several)."""
    data: dict[str, Any] = {}
    for key in post:
        if key in ("csrfmiddlewaretoken", "action", "q"):
            continue
        values = post.getlist(key)
        data[key] = values if key == "officers" else values[-1]
    return data
