"""Warnings: the ledger with its steps, each warning as CAP 1.2 XML, the intake of CAP messages, and the
public pages (the warnings in force, their CAP messages and the Atom feed of CAP messages)."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.permissions import WARNING_ISSUERS
from emgov.preparedness import cap, procedures, queries
from emgov.preparedness.forms import WarningForm
from emgov.preparedness.forms.steps import CapUploadForm
from emgov.preparedness.models import EarlyWarning, WarningStatus
from emgov.preparedness.services.warnings import warning_from_cap
from emgov.preparedness.views.ledgers import PreparednessPages

MAX_CAP_BYTES = 512 * 1024


class WarningPages(PreparednessPages):
    name = "warnings"
    model = EarlyWarning
    title = gettext_lazy("预警信息")
    form_class = WarningForm
    procedure = procedures.WARNING
    edit_roles = WARNING_ISSUERS
    list_display = ("headline", "number", "level", "event_type", "area", "onset", "expires", "status")
    search_fields = ("number", "headline", "area")
    filter_fields = ("level", "status", "source")
    select_related = ("event_type",)
    default_ordering = ("-onset", "-pk")
    detail_template = "preparedness/warning_detail.html"

    def edit_locked(self, obj: models.Model) -> str | None:
        if obj.status != WarningStatus.DRAFT:
            return str(gettext_lazy("已发布的预警通过“调整预警”“解除预警”变更，每次变更都发出新的CAP消息。"))
        return None


def _cap_response(warning: EarlyWarning) -> HttpResponse:
    response = HttpResponse(cap.build(warning), content_type=f"{cap.CONTENT_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{warning.number}.xml"'
    return response


@login_required
def warning_cap(request: HttpRequest, pk: int) -> HttpResponse:
    return _cap_response(get_object_or_404(EarlyWarning.objects.visible_to(request.user), pk=pk))


@login_required
def warning_cap_upload(request: HttpRequest) -> HttpResponse:
    """Upload a CAP 1.2 message from another system; it becomes a draft that staff check and issue."""
    if not (request.user.sees_everything or request.user.role in WARNING_ISSUERS):
        raise Http404
    form = CapUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_CAP_BYTES:
                raise ValidationError(_("CAP消息文件不能超过512KB"), code="cap_too_large")
            warning = warning_from_cap(actor=request.user, xml=upload.read())
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("已导入为预警草稿，请核对后发布。"))
            return redirect("preparedness:warnings-detail", pk=warning.pk)
    return render(request, "preparedness/cap_upload.html", {"title": _("导入CAP预警消息"), "form": form})


# Public ---------------------------------------------------------------------------------------------


def public_warnings(request: HttpRequest) -> HttpResponse:
    from emgov.publicity.views.public import render_public

    return render_public(
        request,
        "preparedness/public_warnings.html",
        {
            "title": _("预警信息发布"),
            "section": "public_preparedness:warnings",
            "warnings": queries.warnings_in_force(),
        },
    )


def _published() -> models.QuerySet[EarlyWarning]:
    return EarlyWarning.objects.live().exclude(status=WarningStatus.DRAFT).select_related("event_type")


def public_cap(request: HttpRequest, pk: int) -> HttpResponse:
    return _cap_response(get_object_or_404(_published(), pk=pk))


class CapAtomFeed(Atom1Feed):
    """Atom entries whose link is the CAP message (type application/cap+xml), as CAP feeds publish them."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement(
            "link", "", {"href": item["link"], "rel": "related", "type": cap.CONTENT_TYPE}
        )


class WarningFeed(Feed):
    feed_type = CapAtomFeed
    title = gettext_lazy("预警信息（CAP 1.2）")
    description = gettext_lazy("生效中及近期解除的预警信息，每条链接到其CAP 1.2消息")
    recent_days = 7

    def link(self) -> str:
        return reverse("public_preparedness:warnings")

    def items(self) -> list[EarlyWarning]:
        since = timezone.now() - datetime.timedelta(days=self.recent_days)
        return list(
            _published()
            .filter(
                models.Q(status=WarningStatus.IN_FORCE, expires__gt=timezone.now())
                | models.Q(status=WarningStatus.LIFTED, sent_at__gte=since)
            )
            .order_by("-sent_at")
        )

    def item_title(self, item: EarlyWarning) -> str:
        prefix = _("【已解除】") if item.status == WarningStatus.LIFTED else f"【{item.level}预警】"
        return f"{prefix}{item.headline}"

    def item_description(self, item: EarlyWarning) -> str:
        return f"{item.area}：{item.description}"

    def item_link(self, item: EarlyWarning) -> str:
        return reverse("public_preparedness:cap", kwargs={"pk": item.pk})

    def item_guid(self, item: EarlyWarning) -> str:
        """One Atom id per CAP message (a new one for each update and the cancel)."""
        return uuid.uuid5(uuid.NAMESPACE_URL, cap.identifier(item)).urn

    def item_updateddate(self, item: EarlyWarning) -> datetime.datetime:
        return item.sent_at or item.updated_at

    def item_pubdate(self, item: EarlyWarning) -> datetime.datetime:
        return item.sent_at or item.created_at
