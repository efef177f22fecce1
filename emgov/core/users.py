"""User administration for the 系统管理员: accounts, roles, the regions each user is responsible for."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core import audit, services
from emgov.core.models import Department, Region, User


class UserForm(forms.ModelForm):
    regions = forms.ModelMultipleChoiceField(
        label=gettext_lazy("负责区划"),
        queryset=Region.objects.order_by("path"),
        required=True,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=gettext_lazy("用户只能看到这些区划（含下级）的记录。按住 Ctrl 可多选。"),
    )
    department = forms.ModelChoiceField(
        label=gettext_lazy("所属部门"), queryset=Department.objects.all(), required=False
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "role", "department", "regions", "is_active"]


class NewUserForm(UserForm):
    password = forms.CharField(label=gettext_lazy("初始密码"), widget=forms.PasswordInput, strip=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            probe = User(username=cleaned.get("username", ""), full_name=cleaned.get("full_name", ""))
            try:
                validate_password(password, probe)
            except ValidationError as exc:
                self.add_error("password", exc)
        return cleaned


class PasswordResetForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("新密码"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        validate_password(password, self.user)
        return password


def _require_admin(request: HttpRequest) -> None:
    if not request.user.sees_everything:
        raise Http404


def user_list(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    users = User.objects.exclude(username="system").prefetch_related("regions").select_related("department")
    query = request.GET.get("q", "").strip()
    if query:
        users = users.filter(Q(username__icontains=query) | Q(full_name__icontains=query))
    page = Paginator(users.order_by("username"), 50).get_page(request.GET.get("page"))
    return render(request, "core/users/list.html", {"page": page, "q": query, "title": _("用户")})


def user_create(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            user = services.user_create(actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("已创建用户 %(u)s。") % {"u": user.username})
            return redirect("core:users-detail", pk=user.pk)
    return render(request, "core/users/form.html", {"form": form, "title": _("新建用户")})


def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    user = get_object_or_404(User.objects.prefetch_related("regions"), pk=pk)
    history = [{"entry": e, "changes": audit.labelled_changes(user, e.changes)} for e in audit.history(user)]
    return render(request, "core/users/detail.html", {"obj": user, "history": history, "title": _("用户")})


def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    user = get_object_or_404(User, pk=pk)
    form = UserForm(request.POST or None, instance=user, initial={"regions": user.regions.all()})
    form.fields["username"].disabled = True
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "username"}
        try:
            services.user_update(User.objects.get(pk=pk), actor=request.user, changes=changes)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("已保存修改。"))
            return redirect("core:users-detail", pk=pk)
    return render(request, "core/users/form.html", {"form": form, "obj": user, "title": _("修改用户")})


def user_password(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    user = get_object_or_404(User, pk=pk)
    form = PasswordResetForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.user_set_password(user, actor=request.user, password=form.cleaned_data["password"])
        messages.success(request, _("已重置 %(u)s 的密码。") % {"u": user.username})
        return redirect("core:users-detail", pk=pk)
    return render(request, "core/users/form.html", {"form": form, "obj": user, "title": _("重置密码")})
