from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from emgov.core.documents import document_response
from emgov.core.pages import LedgerPages, YearFilter
from emgov.core.permissions import STAFF
from emgov.outreach import queries, services
from emgov.outreach.forms import AttendanceImportForm, OutreachForm
from emgov.outreach.models import Attendance, OutreachActivity
from emgov.outreach.models.activities import TRAININGS

ATTENDANCE_SHOWN = 200


class OutreachPages(LedgerPages):
    name = "activities"
    namespace = "outreach"
    model = OutreachActivity
    title = _("普法宣传培训")
    ledger_id = "outreach"
    form_class = OutreachForm
    list_display = ("name", "number", "kind", "start_date", "participants", "safety_month", "region")
    search_fields = ("number", "name")
    filter_fields = ("kind", "safety_month", YearFilter("start_date"))
    select_related = ("region",)
    default_ordering = ("-start_date", "-number")
    # Every staff role except the leaders, who read.
    edit_roles = STAFF
    detail_template = "outreach/activity_detail.html"

    def check(self, instance: OutreachActivity, m2m: dict) -> None:
        if instance.pk and instance.attendances.live().exists():
            count = instance.attendances.live().count()
            if instance.participants != count:
                raise ValidationError(
                    {
                        "participants": _("该活动已有参训名单（%(n)s人），参与人数按名单计数，不能另行填写。")
                        % {"n": count}
                    },
                    code="participants_from_list",
                )

    def detail_extra(self, request: HttpRequest, obj: OutreachActivity) -> dict:
        people = obj.attendances.live().order_by("pk")
        return {
            "attendance": people[:ATTENDANCE_SHOWN],
            "attendance_count": people.count(),
            "counted": queries.counted_participants(obj),
            "import_form": AttendanceImportForm(),
            "is_training": obj.kind in TRAININGS,
            "competition": getattr(obj, "competition", None),
        }


PAGES = OutreachPages()


def _editable_activity(request: HttpRequest, pk: int) -> OutreachActivity:
    if not PAGES.can_edit(request.user):
        raise Http404
    return get_object_or_404(PAGES.queryset(request.user), pk=pk)


@require_POST
def attendance_import_view(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _editable_activity(request, pk)
    form = AttendanceImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("请选择参训名单文件。"))
        return redirect(PAGES.url("detail", pk=pk))
    upload = form.cleaned_data["file"]
    try:
        added = services.attendance_import(
            actor=request.user,
            activity=activity,
            stream=upload,
            filename=upload.name,
            via=f"导入 {upload.name}",
        )
    except ValidationError as exc:
        for message in exc.messages[:50]:
            messages.error(request, message)
    else:
        messages.success(request, _("已导入参训人员%(n)s人。") % {"n": added})
    return redirect(PAGES.url("detail", pk=pk))


@require_POST
def certificates_view(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _editable_activity(request, pk)
    try:
        issued = services.certificates_issue(actor=request.user, activity=activity)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("已编号结业证书%(n)s份。") % {"n": issued})
    return redirect(PAGES.url("detail", pk=pk))


def certificate_view(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(
        Attendance.objects.visible_to(request.user).select_related("activity"), pk=pk, voided_at__isnull=True
    )
    if not person.certificate_number:
        raise Http404
    return document_response(
        services.certificate_document(person), f"结业证书-{person.certificate_number}", "pdf"
    )
