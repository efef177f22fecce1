"""The ledger form of penalty decisions (a decision recorded or imported, not handled in the system)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emgov.cases.models import PenaltyCase, PenaltyKind
from emgov.core.pages import LedgerForm


class PenaltyForm(LedgerForm):
    references = {"visit": ("number", "enforcement:visits-lookup")}

    penalty_kinds = forms.MultipleChoiceField(
        label=_("处罚种类"),
        choices=PenaltyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checklist"}),
    )

    class Meta:
        model = PenaltyCase
        fields = [
            "decision_number",
            "case_number",
            "filed_on",
            "decided_on",
            "party_name",
            "party_type",
            "party_credit_code",
            "department",
            "violation",
            "legal_basis",
            "penalty_kinds",
            "fine_amount",
            "procedure",
            "visit",
            "published_on",
            "region",
        ]
        widgets = {
            "violation": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "decision_number": _("例如（南海）应急罚〔2023〕12号"),
            "party_credit_code": _("当事人不是自然人时必填；与企业台账中的企业自动关联"),
            "fine_amount": _("单位：元"),
            "published_on": _("双公示的公示日期"),
        }
