"""Forms of visits: the ledger's desk form, and the form for a phone (the enterprise found as one types, the
officers, the checklist, the files)."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.models import Department, Officer, User
from emgov.core.pages import LedgerForm
from emgov.enforcement import rules
from emgov.enforcement.forms.fieldwork import (
    GeneralHazardForm,
    GeneralHazardFormSet,
    MultipleFileField,
    PhotoField,
    SignatureForm,
)
from emgov.enforcement.models import Answer, ChecklistItem, ChecklistPart, Operation, Visit, VisitNature
from emgov.enforcement.services.fieldwork import SignatureEntry
from emgov.enforcement.services.visits import ChecklistEntry
from emgov.enterprises.models import Enterprise

RECENT_OPERATIONS = 30
# The place and time on site, as the Visit's fields.
WHERE = ("location", "latitude", "longitude", "arrived_at", "left_at")
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
            self.initial.setdefault("date", clock.today())
            self.initial.setdefault("nature", VisitNature.ENFORCEMENT)
            self.initial.setdefault("department", Department.objects.filter(is_bureau=True).first())


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
    location = forms.CharField(
        label=_("检查地点"),
        max_length=200,
        required=False,
        help_text=_("可用手机定位（须您同意）；定位不准时请直接修改"),
    )
    latitude = forms.DecimalField(
        label=_("纬度"), max_digits=9, decimal_places=6, required=False, min_value=-90, max_value=90
    )
    longitude = forms.DecimalField(
        label=_("经度"), max_digits=9, decimal_places=6, required=False, min_value=-180, max_value=180
    )
    arrived_at = forms.TimeField(
        label=_("到达时间"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    left_at = forms.TimeField(
        label=_("离开时间"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    client_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    enterprise_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        data = self.data
        if self.is_bound and "gh-TOTAL_FORMS" not in data:
            data = data.copy()
            data["gh-TOTAL_FORMS"], data["gh-INITIAL_FORMS"] = "0", "0"
        bound = (data, self.files) if self.is_bound else ()
        self.general = GeneralHazardFormSet(
            *bound, prefix="gh", initial=None if bound else self._kept_hazards()
        )
        self.signing = SignatureForm(*bound[:1], initial=None if bound else self.initial)
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
            self.initial.setdefault("date", clock.today())
            self.initial.setdefault("nature", VisitNature.ENFORCEMENT)
            self.initial.setdefault("department", own or Department.objects.filter(is_bureau=True).first())
            mine = Officer.objects.filter(user=user).values_list("pk", flat=True).first()
            if mine:
                self.initial.setdefault("officers", [mine])
            self.initial.setdefault("client_key", uuid.uuid4().hex)
        for item in self.items:
            self.fields[f"answer_{item.pk}"] = forms.ChoiceField(
                label=item.article, choices=Answer.choices, required=False, widget=forms.RadioSelect
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(label=_("说明"), max_length=500, required=False)
            self.fields[f"photo_{item.pk}"] = PhotoField()

    def _kept_hazards(self) -> list[dict[str, Any]]:
        """The 一般隐患 of a draft, as the formset's initial forms."""
        try:
            total = int(self.initial.get("gh-TOTAL_FORMS") or 0)
        except (TypeError, ValueError):
            return []
        names = [n for n in GeneralHazardForm.base_fields if n != "photos"]
        kept = [{n: self.initial.get(f"gh-{i}-{n}", "") for n in names} for i in range(min(total, 50))]
        return [k for k in kept if k["description"]]

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
                {
                    "item": item,
                    "answer": self[f"answer_{item.pk}"],
                    "note": self[f"note_{item.pk}"],
                    "photo": self[f"photo_{item.pk}"],
                }
            )
        return list(groups.values())

    def checklist(self) -> list[ChecklistEntry]:
        entries = []
        for item in self.items:
            answer = self.cleaned_data.get(f"answer_{item.pk}")
            if answer:
                note = self.cleaned_data.get(f"note_{item.pk}") or ""
                photos = tuple(self.cleaned_data.get(f"photo_{item.pk}") or ())
                entries.append(ChecklistEntry(item, answer, note, photos))
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
        officers = list(self.cleaned_data.get("officers") or [])
        return {
            **{n: self.cleaned_data.get(n) for n in (*names, *WHERE)},
            "officers": officers,
            "checklist": self.checklist(),
            "general_hazards": self.general.entries(),
            "signatures": self.signing.signature_entries(officers),
            "client_key": self.cleaned_data.get("client_key") or "",
        }

    def draft_signatures(self) -> list[SignatureEntry]:
        """The signatures drawn so far, for a draft: the form need not be complete, but every image is
        checked as on submission (raises ValidationError)."""
        posted = [str(v) for v in self.data.getlist("officers")]
        chosen = self.fields["officers"].queryset.filter(pk__in=[int(v) for v in posted if v.isdigit()])
        self.signing.is_valid()
        return self.signing.signature_entries(list(chosen))

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return self.general.is_valid() and self.signing.is_valid() and valid

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen, seen = data.get("enterprise"), data.get("enterprise_version")
        if chosen is not None and seen is not None and chosen.version != seen:
            self.add_error(
                "enterprise",
                ValidationError(
                    _("企业%(name)s的信息在您填写期间已被修改，请核对企业信息后重新提交")
                    % {"name": chosen.name},
                    code="enterprise_changed",
                ),
            )
        return data

    def officer_rows(self) -> list[dict[str, Any]]:
        """Each officer's checkbox with why the certificate is not valid on the visit's date ("" if it is)."""
        day = self._day()
        by_pk = {o.pk: o for o in self.fields["officers"].queryset}
        rows = []
        for box in self["officers"]:
            officer = by_pk.get(int(str(box.data["value"])))
            if officer is not None:
                rows.append(
                    {
                        "box": box,
                        "officer": officer,
                        "problem": rules.certificate_problem(officer, day),
                        "signature": (self.data if self.is_bound else self.initial).get(
                            f"sign_officer_{officer.pk}", ""
                        ),
                    }
                )
        return rows

    def _day(self) -> datetime.date:
        value = self.data.get("date") if self.is_bound else self.initial.get("date")
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            return clock.today()

    def error_summary(self) -> list[dict[str, str]]:
        """Every problem, each with the anchor of its field, for the summary at the top of the page."""
        found = []
        for form in (self, self.signing):
            for name, errors in form.errors.items():
                anchor = "main" if name == NON_FIELD_ERRORS else f"field-{name}"
                label = "" if name == NON_FIELD_ERRORS else str(form.fields[name].label or "")
                found += [{"anchor": anchor, "label": label, "message": e} for e in errors]
        for n, errors in enumerate(self.general.errors if self.general.is_bound else []):
            for name, messages in errors.items():
                label = _("一般隐患%(n)s · %(f)s") % {
                    "n": n + 1,
                    "f": GeneralHazardForm.base_fields[name].label,
                }
                found += [{"anchor": f"gh-{n}", "label": label, "message": m} for m in messages]
        return found


def draft_data(post: Any) -> dict[str, Any]:
    """The form's posted values as JSON for a draft (lists where a field takes several)."""
    data: dict[str, Any] = {}
    for key in post:
        if (
            key in ("csrfmiddlewaretoken", "action", "q")
            or key.startswith("sign_")
            or key.endswith("_signature")
        ):
            continue
        values = post.getlist(key)
        data[key] = values if key == "officers" else values[-1]
    return data
