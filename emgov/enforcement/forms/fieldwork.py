"""Forms of the work on site: the 一般隐患 written on the phone (a formset), the signatures drawn on the
screen, and the re-inspection (复查) with a conclusion and photos per hazard."""

from __future__ import annotations

import base64
import datetime
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.models import Officer
from emgov.core.models.attachments import ATTACHMENT_EXTENSIONS
from emgov.enforcement import catalogue
from emgov.enforcement.models import Hazard, SignerRole
from emgov.enforcement.models.fieldwork import SignatureFields
from emgov.enforcement.services.fieldwork import GeneralHazard, SignatureEntry, signature_image
from emgov.enforcement.services.reinspections import FindingEntry

# The deadline suggested for a 一般隐患 written on site, in days after the visit (editable).
SUGGESTED_DAYS = 15
PHOTO_ACCEPT = "image/*"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (photos, attachments)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/*," + ",".join(ATTACHMENT_EXTENSIONS)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class PhotoField(MultipleFileField):
    """Photos taken with the phone's camera (several); shrunk on the phone before they are sent."""

    def __init__(self, **kwargs: Any) -> None:
        attrs = {"accept": PHOTO_ACCEPT, "capture": "environment", "class": "photo-input"}
        kwargs.setdefault("widget", MultipleFileInput(attrs=attrs))
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("照片"))
        super().__init__(**kwargs)


class GeneralHazardForm(forms.Form):
    description = forms.CharField(
        label=_("隐患描述"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    location = forms.CharField(label=_("隐患部位"), max_length=200, required=False)
    basis = forms.CharField(
        label=_("违反条款"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"list": "clause-catalogue", "autocomplete": "off"}),
        help_text=_("输入关键字查找常见条款，也可直接填写"),
    )
    deadline = forms.DateField(
        label=_("建议整改期限"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    photos = PhotoField()

    def entry(self) -> GeneralHazard:
        data = self.cleaned_data
        return GeneralHazard(
            description=data["description"],
            location=data.get("location") or "",
            basis=data.get("basis") or "",
            deadline=data.get("deadline"),
            photos=tuple(data.get("photos") or ()),
        )


class BaseGeneralHazards(forms.BaseFormSet):
    def entries(self) -> list[GeneralHazard]:
        return [f.entry() for f in self.forms if f.cleaned_data.get("description")]


GeneralHazardFormSet = forms.formset_factory(GeneralHazardForm, formset=BaseGeneralHazards, extra=0)


def suggested_deadline(day: datetime.date | None = None) -> datetime.date:
    return (day or clock.today()) + datetime.timedelta(days=SUGGESTED_DAYS)


def catalogue_options() -> list[str]:
    return catalogue.options()


class SignatureForm(forms.Form):
    """The party's signature or refusal with a witness; each officer's signature is `sign_officer_<pk>`."""

    party_name = forms.CharField(label=_("被检查单位现场负责人"), max_length=50, required=False)
    party_signature = forms.CharField(required=False, widget=forms.HiddenInput)
    party_refused = forms.BooleanField(label=_("拒绝签名"), required=False)
    witness_name = forms.CharField(label=_("见证人"), max_length=50, required=False)
    witness_signature = forms.CharField(required=False, widget=forms.HiddenInput)

    def signature_entries(self, officers: list[Officer]) -> list[SignatureEntry]:
        """The signatures given (raises ValidationError on an image that is not a drawn PNG)."""
        data = self.cleaned_data
        entries = []
        for officer in officers:
            image = signature_image(
                self.data.get(f"sign_officer_{officer.pk}", ""), field="officers", who=officer.name
            )
            if image:
                entries.append(SignatureEntry(SignerRole.OFFICER, officer.name, image, officer=officer))
        party = data.get("party_name") or ""
        party_image = signature_image(
            data.get("party_signature", ""), field="party_name", who=party or _("当事人")
        )
        if data.get("party_refused"):
            entries.append(SignatureEntry(SignerRole.PARTY, party or _("现场负责人"), refused=True))
        elif party_image:
            entries.append(SignatureEntry(SignerRole.PARTY, party or _("现场负责人"), party_image))
        witness = data.get("witness_name") or ""
        witness_image = signature_image(
            data.get("witness_signature", ""), field="witness_name", who=witness or _("见证人")
        )
        if witness_image:
            entries.append(SignatureEntry(SignerRole.WITNESS, witness or _("见证人"), witness_image))
        return entries


def signature_values(signatures: Iterable[SignatureFields]) -> dict[str, str]:
    """Signatures kept with a draft as the values of the form's signature fields: each image as the
    `data:` address the page's signature pad draws and sends back."""
    fields = {SignerRole.PARTY: "party_signature", SignerRole.WITNESS: "witness_signature"}
    values = {}
    for signature in signatures:
        if not signature.image:
            continue
        with signature.image.open("rb") as f:
            image = base64.b64encode(f.read()).decode()
        field = fields.get(signature.role) or f"sign_officer_{signature.officer_id}"
        values[field] = f"data:image/png;base64,{image}"
    return values


class ReinspectionForm(forms.Form):
    """复查: the date, the officers, and per hazard `passed_<pk>` (合格/不合格), `note_<pk>`, `photos_<pk>`."""

    date = forms.DateField(
        label=_("复查日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    officers = forms.ModelMultipleChoiceField(
        label=_("复查人员"),
        queryset=Officer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("至少两名执法证在复查当日有效的执法人员（行政处罚法第四十二条第一款）"),
    )
    opinion = forms.CharField(label=_("复查意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, hazards: list[Hazard], officers, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hazards = hazards
        self.fields["officers"].queryset = officers
        self.initial.setdefault("date", clock.today())
        for hazard in hazards:
            self.fields[f"passed_{hazard.pk}"] = forms.ChoiceField(
                label=hazard.number,
                choices=[("", _("本次不复查")), ("1", _("已整改（合格）")), ("0", _("未整改（不合格）"))],
                required=False,
            )
            self.fields[f"note_{hazard.pk}"] = forms.CharField(
                label=_("复查情况"), max_length=500, required=False
            )
            self.fields[f"photos_{hazard.pk}"] = PhotoField()

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "hazard": h,
                "passed": self[f"passed_{h.pk}"],
                "note": self[f"note_{h.pk}"],
                "photos": self[f"photos_{h.pk}"],
            }
            for h in self.hazards
        ]

    def findings(self) -> list[FindingEntry]:
        data = self.cleaned_data
        return [
            FindingEntry(
                h,
                data[f"passed_{h.pk}"] == "1",
                data.get(f"note_{h.pk}") or "",
                tuple(data.get(f"photos_{h.pk}") or ()),
            )
            for h in self.hazards
            if data.get(f"passed_{h.pk}")
        ]
