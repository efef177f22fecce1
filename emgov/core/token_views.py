"""The API tokens page: a user's own under the account menu, any user's for the administrator."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emgov.core.models import ApiToken, User
from emgov.core.models.users import TOKEN_DAYS_DEFAULT, TOKEN_DAYS_MAX
from emgov.core.services import VIA_WEB
from emgov.core.tokens import may_manage, token_create, token_revoke


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("名称"), max_length=100, help_text=gettext_lazy("令牌的用途，例如“月报导出脚本”。")
    )
    days = forms.IntegerField(
        label=gettext_lazy("有效天数"), min_value=1, max_value=TOKEN_DAYS_MAX, initial=TOKEN_DAYS_DEFAULT
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("吊销原因"), max_length=200)


def _owner(request: HttpRequest, pk: int | None) -> User:
    if pk is None:
        return request.user
    owner = get_object_or_404(User, pk=pk)
    if not may_manage(request.user, owner):
        raise Http404
    return owner


def token_list(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    owner = _owner(request, pk)
    form = TokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, raw = token_create(actor=request.user, user=owner, via=VIA_WEB, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            form = TokenForm()
    tokens = ApiToken.objects.filter(user=owner).order_by("-created_at")
    context = {
        "owner": owner,
        "own": owner.pk == request.user.pk,
        "tokens": tokens,
        "form": form,
        "raw": raw,
        "revoke_form": RevokeForm(),
        "title": _("API令牌"),
    }
    return render(request, "core/tokens.html", context)


def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken.objects.select_related("user"), pk=pk)
    if not may_manage(request.user, token.user):
        raise Http404
    if request.method != "POST":
        return redirect(_back(request, token))
    form = RevokeForm(request.POST)
    if form.is_valid():
        token_revoke(token, actor=request.user, reason=form.cleaned_data["reason"], via=VIA_WEB)
        messages.success(request, _("已吊销令牌 %(t)s。") % {"t": token})
    else:
        messages.error(request, _("请填写吊销原因。"))
    return redirect(_back(request, token))


def _back(request: HttpRequest, token: ApiToken) -> str:
    if token.user_id == request.user.pk:
        return reverse("core:tokens")
    return reverse("core:users-tokens", kwargs={"pk": token.user_id})
