from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from emgov.core import audit
from emgov.core.models import Officer, Role, User
from emgov.core.models.officers import CertificateStatus
from emgov.core.pages import LedgerPages, RelatedFilter, ValuesFilter, YearFilter
from emgov.core.pages.steps import add_errors
from emgov.legal import queries, rules, services
from emgov.legal.forms import (
    AppearanceForm,
    AttachmentForm,
    CertificateStepForm,
    CleanUpForm,
    CounselAnswerForm,
    CounselForm,
    ExamForm,
    LitigationForm,
    NormativeDocumentForm,
    StudySessionForm,
)
from emgov.legal.models import (
    Attachment,
    CounselRecord,
    ExamResult,
    LitigationCase,
    NormativeDocument,
    StudySession,
)

LEGAL_STAFF = frozenset({Role.ADMIN, Role.LEGAL})


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


def _days_note(day: datetime.date | None, today: datetime.date) -> str:
    if day is None:
        return "—"
    delta = (day - today).days
    if delta < 0:
        return _("%(d)s（已逾期%(n)s天）") % {"d": day, "n": -delta}
    if delta == 0:
        return _("%(d)s（今天到期）") % {"d": day}
    return _("%(d)s（还有%(n)s天）") % {"d": day, "n": delta}


class StepPages(LedgerPages):
    """Ledger pages with workflow steps: small views on one record that call one service."""

    def urls(self) -> list:
        return [*super().urls(), *self.step_urls()]

    def step_urls(self) -> list:
        return []

    def step(
        self,
        request: HttpRequest,
        pk: int,
        *,
        form_class: type[forms.Form],
        heading: str,
        run: Callable[[models.Model, dict[str, Any]], Any],
        initial: dict[str, Any] | None = None,
        notes: list[tuple[str, Any]] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> HttpResponse:
        self._require_edit(request)
        obj = self.get_object(request, pk)
        if getattr(obj, "voided_at", None):
            messages.error(request, _("该记录已作废，不能修改。"))
            return redirect(self.url("detail", pk=pk))
        form = form_class(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                run(obj, form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已保存。"))
                return redirect(self.url("detail", pk=pk))
        context = {
            **self.base_context(request),
            "obj": obj,
            "form": form,
            "heading": heading,
            "notes": notes or [],
            **(extra or {}),
        }
        return render(request, "legal/step.html", context)


# Counsel -------------------------------------------------------------------------------------------


class CounselPages(StepPages):
    name = "counsel"
    namespace = "legal"
    model = CounselRecord
    title = _lazy("法律顾问")
    ledger_id = "counsel"
    form_class = CounselForm
    list_display = ("number", "kind", "matter", "date", "subject", "due_on", "answered_on", "region")
    search_fields = ("number", "subject", "requester", "adviser")
    filter_fields = ("kind", "matter", YearFilter("date"))
    select_related = ("region",)
    default_ordering = ("-date", "-number")
    edit_roles = LEGAL_STAFF

    def step_urls(self) -> list:
        return [
            path("counsel/<int:pk>/answer/", self.answer_view, name="counsel-answer"),
            path("counsel/<int:pk>/attach/", self.attach_view, name="counsel-attach"),
        ]

    def related_sections(self, obj: models.Model, user: User) -> list[dict[str, Any]]:
        today = timezone.localdate()
        items = [
            {"text": _("答复期限：%(d)s") % {"d": _days_note(obj.due_on, today)}, "url": None}
            if obj.is_open()
            else {"text": _("已于%(d)s答复") % {"d": obj.answered_on}, "url": None},
        ]
        if self.can_edit(user):
            items.append({"text": _("登记答复意见、上传附件"), "url": self.url("answer", pk=obj.pk)})
        items += [
            {
                "text": _("附件：%(n)s（%(s)s）") % {"n": a.original_name, "s": _size(a.size)},
                "url": _download(a),
            }
            for a in obj.attachments.all()
        ]
        return [
            {"title": _("答复与附件"), "items": items, "more": False},
            *super().related_sections(obj, user),
        ]

    def answer_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object(request, pk)
        return self.step(
            request,
            pk,
            form_class=CounselAnswerForm,
            heading=_("登记答复意见"),
            initial={
                "adviser": obj.adviser,
                "opinion": obj.opinion,
                "answered_on": obj.answered_on or timezone.localdate(),
            },
            notes=[(_("答复期限"), _days_note(obj.due_on, timezone.localdate()))],
            run=lambda o, d: services.counsel_answer(
                actor=request.user,
                record=o,
                adviser=d["adviser"],
                opinion=d["opinion"],
                answered_on=d["answered_on"],
            ),
            extra={
                "attachments": [(a, _download(a)) for a in obj.attachments.all()],
                "attach_form": AttachmentForm(),
                "attach_url": self.url("attach", pk=obj.pk),
            },
        )

    def attach_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self._require_edit(request)
        obj = self.get_object(request, pk)
        if request.method != "POST":
            return redirect(self.url("answer", pk=pk))
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.attachment_add(actor=request.user, target=obj, upload=form.cleaned_data["file"])
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("附件已上传。"))
                return redirect(self.url("answer", pk=pk))
        context = {
            **self.base_context(request),
            "obj": obj,
            "form": None,
            "heading": _("上传附件"),
            "attachments": [(a, _download(a)) for a in obj.attachments.all()],
            "attach_form": form,
            "attach_url": self.url("attach", pk=obj.pk),
        }
        return render(request, "legal/step.html", context, status=400)


def _size(n: int) -> str:
    from django.template.defaultfilters import filesizeformat

    return filesizeformat(n)


def _download(attachment: Attachment) -> str:
    return reverse("legal:attachment", kwargs={"pk": attachment.pk})


@login_required
def attachment_view(request: HttpRequest, pk: int) -> FileResponse:
    """Serve an attachment to whoever may see the record it belongs to; anyone else gets 404."""
    attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
    model = ContentType.objects.get_for_id(attachment.content_type_id).model_class()
    if model is None or not model.objects.visible_to(request.user).filter(pk=attachment.object_id).exists():
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.mime_type
    )


# Litigation ----------------------------------------------------------------------------------------


class LitigationPages(StepPages):
    name = "litigation"
    namespace = "legal"
    model = LitigationCase
    title = _lazy("行政诉讼与复议")
    ledger_id = "litigation"
    form_class = LitigationForm
    list_display = (
        "number",
        "kind",
        "received_on",
        "cause",
        "counterparty",
        "defence_due_on",
        "head_required",
        "head_appeared",
        "result",
    )
    search_fields = ("number", "cause", "counterparty", "result", "appeared_name")
    filter_fields = ("kind", "head_required", "head_appeared", YearFilter("received_on"))
    default_ordering = ("-received_on", "-number")
    edit_roles = LEGAL_STAFF
    derived_fields = ("defence_due_on",)

    def prepare(self, instance: models.Model) -> None:
        rules.derive_litigation(instance)

    def check(self, instance: models.Model, m2m: dict[str, list[models.Model]]) -> None:
        rules.check_appearance(instance)

    def step_urls(self) -> list:
        return [
            path("litigation/summary/", self.summary_view, name="litigation-summary"),
            path("litigation/<int:pk>/appearance/", self.appearance_view, name="litigation-appearance"),
        ]

    def related_sections(self, obj: models.Model, user: User) -> list[dict[str, Any]]:
        today = timezone.localdate()
        noun = _("答复期限") if obj.kind == "行政复议" else _("答辩期限")
        items = [
            {
                "text": f"{noun}：{_days_note(obj.defence_due_on, today)}"
                + (_("，已于%(d)s提交") % {"d": obj.defence_filed_on} if obj.defence_filed_on else ""),
                "url": None,
            },
            {"text": _("开庭日期：%(d)s") % {"d": "、".join(obj.hearing_dates) or "—"}, "url": None},
        ]
        if self.can_edit(user):
            items.append({"text": _("登记出庭应诉情况"), "url": self.url("appearance", pk=obj.pk)})
        return [
            {"title": _("期限与出庭"), "items": items, "more": False},
            *super().related_sections(obj, user),
        ]

    def appearance_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object(request, pk)
        return self.step(
            request,
            pk,
            form_class=AppearanceForm,
            heading=_("登记出庭应诉情况"),
            initial={
                "head_appeared": obj.head_appeared,
                "staff_appeared": obj.staff_appeared,
                "appeared_name": obj.appeared_name,
                "appeared_position": obj.appeared_position,
            },
            notes=[
                (_("负责人应出庭"), _("是") if obj.head_required else _("否")),
                (_("开庭日期"), "、".join(obj.hearing_dates) or "—"),
            ],
            run=lambda o, d: services.litigation_appearance_record(
                actor=request.user,
                case=o,
                head_appeared=d["head_appeared"],
                staff_appeared=d["staff_appeared"],
                name=d["appeared_name"],
                position=d["appeared_position"],
                hearing_on=d["hearing_on"],
            ),
        )

    def summary_view(self, request: HttpRequest) -> HttpResponse:
        year = _year(request)
        return render(
            request,
            "legal/litigation_summary.html",
            {
                **self.base_context(request),
                "title": _("行政诉讼与复议统计"),
                "year": year,
                "summary": queries.appearance_summary(request.user, year),
            },
        )


# Normative documents -------------------------------------------------------------------------------


class NormativeDocumentPages(StepPages):
    name = "normative-documents"
    namespace = "legal"
    model = NormativeDocument
    title = _lazy("规范性文件")
    ledger_id = "normative-documents"
    form_class = NormativeDocumentForm
    list_display = (
        "number",
        "title",
        "effective_on",
        "valid_until",
        "status",
        "cleanup_result",
        "cleanup_on",
    )
    search_fields = ("number", "title")
    filter_fields = ("status", "cleanup_result", YearFilter("effective_on", label=_lazy("施行年度")))
    default_ordering = ("-effective_on", "-pk")
    edit_roles = LEGAL_STAFF

    def step_urls(self) -> list:
        return [
            path(
                "normative-documents/<int:pk>/clean-up/",
                self.clean_up_view,
                name="normative-documents-clean-up",
            )
        ]

    def related_sections(self, obj: models.Model, user: User) -> list[dict[str, Any]]:
        today = timezone.localdate()
        if obj.evaluation_due is None:
            text = _("未填写有效期至，无法计算评估期限")
        elif obj.evaluation_pending(today):
            text = _("评估期限：%(d)s，待评估清理") % {"d": _days_note(obj.evaluation_due, today)}
        else:
            text = _("评估期限：%(d)s（有效期至前180天）") % {"d": obj.evaluation_due}
        items = [{"text": text, "url": None}]
        if self.can_edit(user) and obj.status == "有效":
            items.append({"text": _("登记清理结果"), "url": self.url("clean-up", pk=obj.pk)})
        return [
            {"title": _("评估与清理"), "items": items, "more": False},
            *super().related_sections(obj, user),
        ]

    def clean_up_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object(request, pk)
        return self.step(
            request,
            pk,
            form_class=CleanUpForm,
            heading=_("登记清理结果"),
            initial={"cleanup_on": timezone.localdate()},
            notes=[
                (_("有效期至"), obj.valid_until or "—"),
                (_("评估期限"), _days_note(obj.evaluation_due, timezone.localdate())),
            ],
            run=lambda o, d: services.normative_document_clean_up(
                actor=request.user,
                document=o,
                result=d["cleanup_result"],
                on=d["cleanup_on"],
                new_valid_until=d["valid_until"],
            ),
        )


# Study sessions ------------------------------------------------------------------------------------


class StudySessionPages(StepPages):
    name = "study-sessions"
    namespace = "legal"
    model = StudySession
    title = _lazy("学法活动")
    ledger_id = "study-sessions"
    form_class = StudySessionForm
    list_display = ("date", "number", "kind", "topic", "speaker", "attendance")
    search_fields = ("number", "topic", "speaker")
    filter_fields = ("kind", YearFilter("date"))
    default_ordering = ("-date", "-pk")
    edit_roles = LEGAL_STAFF

    def check(self, instance: models.Model, m2m: dict[str, list[models.Model]]) -> None:
        services.check_attendance(instance.attendance, m2m.get("attendees"))

    def step_urls(self) -> list:
        return [path("study-sessions/summary/", self.summary_view, name="study-sessions-summary")]

    def summary_view(self, request: HttpRequest) -> HttpResponse:
        year = _year(request)
        groups = queries.study_by_kind(request.user, year)
        return render(
            request,
            "legal/study_summary.html",
            {
                **self.base_context(request),
                "title": _("学法活动年度情况"),
                "year": year,
                "groups": groups,
                "total": sum(g["count"] for g in groups),
            },
        )


# Exams and officers --------------------------------------------------------------------------------


class ExamPages(StepPages):
    name = "exams"
    namespace = "legal"
    model = ExamResult
    title = _lazy("执法证考试")
    ledger_id = "exams"
    form_class = ExamForm
    list_display = (
        "officer",
        "year",
        ("officer__certificate_number", _lazy("执法证号")),
        ("officer__department", _lazy("所属部门")),
        "score",
        "passed",
    )
    search_fields = ("officer__name", "officer__certificate_number")
    filter_fields = (
        ValuesFilter("year", newest_first=True),
        "passed",
        RelatedFilter("officer__department", name="department"),
    )
    select_related = ("officer__department",)
    default_ordering = ("-year", "officer__certificate_number")
    edit_roles = LEGAL_STAFF

    def step_urls(self) -> list:
        return [path("exams/summary/", self.summary_view, name="exams-summary")]

    def summary_view(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "legal/exams_summary.html",
            {
                **self.base_context(request),
                "title": _("执法证考试通过率"),
                "rows": queries.exam_pass_rates(request.user),
            },
        )


OFFICER_STATES = ("有效", "即将到期", "已过期", "暂扣", "注销")


def _require_legal_staff(user: User) -> None:
    if not (user.sees_everything or user.role in LEGAL_STAFF):
        raise Http404


@login_required
def officer_list_view(request: HttpRequest) -> HttpResponse:
    """执法人员与执法证: every certificate with its validity as of today."""
    today = timezone.localdate()
    officers = Officer.objects.visible_to(request.user).select_related("department")
    department = request.GET.get("department", "")
    if department:
        officers = officers.filter(department__short_name=department)
    query = request.GET.get("q", "").strip()
    if query:
        officers = officers.filter(
            models.Q(name__icontains=query) | models.Q(certificate_number__icontains=query)
        )
    rows = [
        (o, queries.certificate_state(o, today))
        for o in officers.order_by("department__short_name", "certificate_number")
    ]
    state = request.GET.get("state", "")
    if state:
        rows = [(o, s) for o, s in rows if s == state]
    return render(
        request,
        "legal/officers.html",
        {
            "title": _("执法证管理"),
            "rows": rows,
            "states": OFFICER_STATES,
            "state": state,
            "q": query,
            "today": today,
            "soon": queries.CERTIFICATE_SOON_DAYS,
        },
    )


@login_required
def officer_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    officer = get_object_or_404(Officer.objects.visible_to(request.user).select_related("department"), pk=pk)
    can_edit = request.user.sees_everything or request.user.role in LEGAL_STAFF
    form = CertificateStepForm(request.POST or None)
    if request.method == "POST":
        _require_legal_staff(request.user)
        if form.is_valid():
            try:
                services.officer_certificate_change(
                    actor=request.user,
                    officer=officer,
                    step=form.cleaned_data["step"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("已保存。"))
                return redirect("legal:officers-detail", pk=pk)
    history = [
        {"entry": e, "changes": audit.labelled_changes(officer, e.changes)} for e in audit.history(officer)
    ]
    return render(
        request,
        "legal/officer_detail.html",
        {
            "title": _("执法证管理"),
            "obj": officer,
            "state": queries.certificate_state(officer, timezone.localdate()),
            "exams": ExamResult.objects.visible_to(request.user)
            .live()
            .filter(officer=officer)
            .order_by("-year"),
            "form": form if can_edit else None,
            "history": history,
            "suspended": officer.status != CertificateStatus.VALID,
        },
    )


def urls() -> list:
    return [
        *CounselPages().urls(),
        *LitigationPages().urls(),
        *NormativeDocumentPages().urls(),
        *StudySessionPages().urls(),
        *ExamPages().urls(),
        path("attachments/<int:pk>/", attachment_view, name="attachment"),
        path("officers/", officer_list_view, name="officers-list"),
        path("officers/<int:pk>/", officer_detail_view, name="officers-detail"),
    ]
