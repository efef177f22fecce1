from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from emgov.core import clock, rules, services, workflow
from emgov.core.forms import (
    DepartmentForm,
    DocumentNumberTemplateForm,
    HolidayOverrideForm,
    HolidayYearForm,
    LoginForm,
    OfficerForm,
    RegionForm,
    RuleVersionForm,
)
from emgov.core.models import (
    AuditEntry,
    Department,
    DocumentNumberTemplate,
    HolidayOverride,
    HolidayYear,
    Officer,
    Region,
    Role,
    RuleVersion,
)
from emgov.core.navigation import todo_groups
from emgov.core.pages import LedgerPages
from emgov.core.permissions import ADMINS

# Panels shown above the to-do list (the leaders' dashboard): apps append a function of the request
# returning rendered HTML, or "" for none, in their AppConfig.ready().
HOME_PANELS: list[Callable[[HttpRequest], str]] = []


def home(request: HttpRequest) -> HttpResponse:
    panels = [html for html in (panel(request) for panel in HOME_PANELS) if html]
    return render(request, "core/home.html", {"todo": todo_groups(request.user), "panels": panels})


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "core/password_change.html"
    success_url = reverse_lazy("password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "core/password_change_done.html"


def audit_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (user.sees_everything or user.role == Role.LEADER):
        from django.http import Http404

        raise Http404
    entries = AuditEntry.objects.select_related("actor", "content_type").order_by("-at", "-id")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_list.html", {"page": page, "title": _("审计记录")})


class RegionPages(LedgerPages):
    name = "regions"
    namespace = "core"
    model = Region
    title = _("行政区划")
    ledger_id = "regions"
    form_class = RegionForm
    list_display = ("code", "name", "level", "parent")
    search_fields = ("code", "name")
    filter_fields = ("level",)
    select_related = ("parent",)
    default_ordering = ("path",)

    def create(self, *, actor, data):
        return services.region_create(actor=actor, **data)

    def update(self, obj, *, actor, changes, expected_version):
        return services.region_update(obj, actor=actor, changes=changes, expected_version=expected_version)


class DepartmentPages(LedgerPages):
    name = "departments"
    namespace = "core"
    model = Department
    title = _("部门")
    ledger_id = "departments"
    form_class = DepartmentForm
    list_display = ("short_name", "name", "is_bureau", "region")
    search_fields = ("short_name", "name")
    filter_fields = ("is_bureau",)
    select_related = ("region",)
    default_ordering = ("-is_bureau", "short_name")


class OfficerPages(LedgerPages):
    name = "officers"
    namespace = "core"
    model = Officer
    title = _("执法人员")
    ledger_id = "officers"
    form_class = OfficerForm
    list_display = ("certificate_number", "name", "department", "valid_until", "title", "status")
    search_fields = ("certificate_number", "name")
    filter_fields = ("department", "status")
    select_related = ("department",)
    default_ordering = ("department__short_name", "certificate_number")


class HolidayPages(LedgerPages):
    """节假日调整: a change recomputes the due dates the apps store (`services.holiday_override_*`)."""

    name = "holidays"
    namespace = "core"
    model = HolidayOverride
    title = _("节假日调整")
    form_class = HolidayOverrideForm
    list_display = ("date", "is_workday", "note")
    default_ordering = ("-date",)
    edit_roles = ADMINS

    def create(self, *, actor, data):
        return services.holiday_override_create(actor=actor, **data)

    def update(self, obj, *, actor, changes, expected_version):
        return services.holiday_override_update(
            obj, actor=actor, changes=changes, expected_version=expected_version
        )


class HolidayYearPages(LedgerPages):
    """节假日年度: the administrator marks a year's holidays complete once entered from the State
    Council's notice; until then every deadline in that year carries a warning."""

    name = "holiday-years"
    namespace = "core"
    model = HolidayYear
    title = _("节假日年度")
    form_class = HolidayYearForm
    list_display = ("year", "complete", "notice", "note")
    default_ordering = ("-year",)
    edit_roles = ADMINS


class NumberingPages(LedgerPages):
    name = "numbering"
    namespace = "core"
    model = DocumentNumberTemplate
    title = _("文号模板")
    form_class = DocumentNumberTemplateForm
    list_display = ("doc_type", "template")
    default_ordering = ("doc_type",)


class RuleVersionPages(LedgerPages):
    """规则版本: the administrator adds a rule's new version with its effective date; one entered in
    error is voided with a reason."""

    name = "rule-versions"
    namespace = "core"
    model = RuleVersion
    title = _("规则版本")
    form_class = RuleVersionForm
    list_display = ("key", "value", "effective_from", "region", "basis")
    search_fields = ("key", "basis", "note")
    default_ordering = ("key", "-effective_from")
    select_related = ("region",)
    edit_roles = ADMINS

    def edit_locked(self, obj: RuleVersion) -> str | None:
        return _("规则版本不修改：录入有误的，作废后重新添加。")


def rules_page(request: HttpRequest) -> HttpResponse:
    """法定期限与规则: every rule with its legal basis, the value in force today and where the system
    uses it, and every step's guard with its article — so that a reviewer can audit the encoded law."""
    today = clock.today()
    versions: dict[str, list[RuleVersion]] = {}
    for version in RuleVersion.objects.filter(voided_at__isnull=True).select_related("region"):
        versions.setdefault(version.key, []).append(version)
    rows = []
    for key, rule in sorted(rules.RULES.items()):
        own = sorted(versions.get(key, []), key=lambda v: v.effective_from, reverse=True)
        national = [v for v in own if v.region_id is None and v.effective_from <= today]
        rows.append(
            {
                "rule": rule,
                "in_force": national[0].value if national else rule.default,
                "since": national[0].effective_from if national else None,
                "versions": own,
            }
        )
    guards = [
        {"procedure": procedure, "step": step, "guard": guard}
        for procedure in workflow.PROCEDURES.values()
        for step in procedure.steps
        for guard in step.guards
    ]
    context = {
        "rows": rows,
        "guards": guards,
        "today": today,
        "can_add": request.user.sees_everything or request.user.role in ADMINS,
    }
    return render(request, "core/rules.html", context)
