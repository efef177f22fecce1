"""The base of the ledger forms, and the reference box that finds a record by its key as one types."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from emgov.core.forms import ScopedModelForm
from emgov.core.models import RegionLevel, User


class LookupInput(forms.TextInput):
    """A text box for a record's key (检查编号, 统一社会信用代码) that suggests matches as one types."""

    template_name = "core/pages/widgets/lookup.html"

    def __init__(self, url_name: str, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.url_name = url_name

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["list_id"] = f"{widget['attrs'].get('id') or name}-options"
        widget["lookup_url"] = reverse(self.url_name)
        return context


class LedgerForm(ScopedModelForm):
    """A ledger's form: towns among towns, references typed by their key, voided records not offered.

    `town_fields`: fields whose choices are the towns (镇街) the user may see.
    `references`: field → (key field, name of the lookup URL), for references among many records.
    """

    town_fields: tuple[str, ...] = ()
    references: dict[str, tuple[str, str]] = {}

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            if name in self.town_fields:
                field.queryset = queryset.filter(level=RegionLevel.TOWN)
            if hasattr(queryset.model, "voided_at"):
                current = self._current_ids(name)
                field.queryset = field.queryset.filter(Q(voided_at__isnull=True) | Q(pk__in=current))
        if not self.is_bound and not self.instance.pk and not user.sees_everything:
            self._preselect_own_region(("region", *self.town_fields))
        for name, (key, url_name) in self.references.items():
            old = self.fields[name]
            noun = old.queryset.model._meta.verbose_name
            self.fields[name] = forms.ModelChoiceField(
                queryset=old.queryset,
                to_field_name=key,
                required=old.required,
                label=old.label,
                help_text=old.help_text
                or _("填写%(key)s，可输入名称或编号查找")
                % {"key": old.queryset.model._meta.get_field(key).verbose_name},
                widget=LookupInput(url_name),
                error_messages={
                    "invalid_choice": _("找不到“%(value)s”对应的%(noun)s，或它不在您负责的区划内")
                    % {"value": "%(value)s", "noun": noun}
                },
            )

    def _preselect_own_region(self, names: tuple[str, ...]) -> None:
        """A user with one town (镇街人员) files records there: offer it rather than an empty choice."""
        for name in names:
            field = self.fields.get(name)
            if field is None or self.initial.get(name) or not hasattr(field, "queryset"):
                continue
            own = list(field.queryset[:2])
            if len(own) == 1:
                self.initial[name] = own[0].pk

    def _current_ids(self, name: str) -> list[int]:
        if not self.instance.pk:
            return []
        field = self.instance._meta.get_field(name)
        if field.many_to_many:
            return list(getattr(self.instance, name).values_list("pk", flat=True))
        value = getattr(self.instance, field.attname, None)
        return [value] if value else []
