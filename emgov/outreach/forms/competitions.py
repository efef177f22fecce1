from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from emgov.core import clock
from emgov.core.models import Region, RegionLevel
from emgov.core.pages import LedgerForm
from emgov.outreach.models import Competition
from emgov.outreach.models.activities import PHONE
from emgov.outreach.services.draws import prize_plan


class CompetitionForm(LedgerForm):
    class Meta:
        model = Competition
        fields = [
            "activity",
            "slug",
            "title",
            "bank",
            "opens_at",
            "closes_at",
            "questions_per_attempt",
            "seconds_per_attempt",
            "attempts_per_day",
            "qualifying_score",
            "requests_per_ip_minute",
            "rules_text",
        ]


class QuestionImportForm(forms.Form):
    bank = forms.CharField(label=_("题库名称"), max_length=100)
    file = forms.FileField(label=_("题目（Excel：题号、题型、题干、选项A…选项F、答案、解析、法律依据）"))


class DrawForm(forms.Form):
    seed = forms.CharField(
        label=_("随机种子（留空则随机生成）"),
        max_length=64,
        required=False,
        help_text=_("可填写公开可查的数字（如当日开奖号码），任何人可据此复核抽奖结果"),
    )
    red_packets = forms.IntegerField(label=_("红包个数"), min_value=0, initial=0)
    red_packet_yuan = forms.DecimalField(
        label=_("红包金额（元）"), min_value=Decimal("0.01"), initial=Decimal("20")
    )
    credits = forms.IntegerField(label=_("话费份数"), min_value=0, initial=0)
    credit_yuan = forms.DecimalField(
        label=_("话费金额（元）"), min_value=Decimal("0.01"), initial=Decimal("30")
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        data["plan"] = prize_plan(
            data["red_packets"], data["red_packet_yuan"], data["credits"], data["credit_yuan"]
        )
        if not data["plan"]:
            raise ValidationError(_("请至少设置一个奖项"), code="no_prizes")
        for key in ("red_packets", "red_packet_yuan", "credits", "credit_yuan"):
            data.pop(key)
        return data


class DeliverForm(forms.Form):
    delivered_on = forms.DateField(label=_("发放日期"), initial=clock.today)
    note = forms.CharField(label=_("备注"), max_length=200, required=False)


class FailForm(forms.Form):
    note = forms.CharField(label=_("失败原因"), max_length=200)


def town_choices() -> list[tuple[str, str]]:
    return [("", "请选择")] + [
        (str(r.pk), r.name) for r in Region.objects.filter(level=RegionLevel.TOWN).order_by("code")
    ]


class EntryForm(forms.Form):
    """A participant's entry: name, phone, town and nothing more."""

    name = forms.CharField(label=_("姓名"), max_length=30)
    phone = forms.CharField(label=_("手机号"), max_length=11, validators=[PHONE])
    town = forms.TypedChoiceField(label=_("所属镇街"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].choices = town_choices()
        self.fields["phone"].widget.attrs.update(inputmode="numeric", autocomplete="tel")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请填写姓名"), code="name_required")
        return name
