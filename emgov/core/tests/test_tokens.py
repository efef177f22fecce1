import datetime
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from emgov.core import services, tokens
from emgov.core.models import ApiToken, AuditEntry


def _api(raw: str, **headers) -> Client:
    return Client(headers={"Authorization": f"Bearer {raw}", **headers})


def _create_on_page(client: Client, url: str, name: str = "月报脚本", days: int = 30) -> str:
    page = client.post(url, {"name": name, "days": days}).content.decode()
    return re.search(r'data-testid="new-token">([^<]+)<', page).group(1)


def test_owner_creates_a_named_expiring_token_shown_once_and_audited(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    raw = _create_on_page(client, "/core/account/tokens/")
    token = ApiToken.objects.get(user=nanhai.guicheng_officer)
    assert token.name == "月报脚本" and token.digest != raw and raw.startswith(token.prefix)
    assert token.expires_at.date() == (timezone.now() + datetime.timedelta(days=30)).date()
    entry = AuditEntry.objects.get(object_id=str(token.pk), content_type__model="apitoken")
    assert entry.action == "create" and entry.actor == nanhai.guicheng_officer
    assert "digest" not in entry.changes
    page = client.get("/core/account/tokens/").content.decode()
    assert "月报脚本" in page and raw not in page and "未使用" in page


def test_use_is_recorded_with_time_and_client_address(nanhai, settings):
    settings.EMGOV_TRUSTED_PROXIES = ["10.0.0.1"]
    raw = _create_on_page(nanhai.client_for(nanhai.guicheng_officer), "/core/account/tokens/")
    response = _api(raw).get("/api/regions", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 200
    token = ApiToken.objects.get()
    assert token.last_used_at is not None and token.last_used_from == "203.0.113.9"


def test_expired_and_revoked_tokens_are_refused(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    raw = _create_on_page(client, "/core/account/tokens/")
    token = ApiToken.objects.get()
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert _api(raw).get("/api/regions").status_code == 401
    raw = _create_on_page(client, "/core/account/tokens/", name="第二个")
    second = ApiToken.objects.get(name="第二个")
    client.post(f"/core/account/tokens/{second.pk}/revoke/", {"reason": "脚本停用"})
    second.refresh_from_db()
    assert second.revoked_reason == "脚本停用"
    assert _api(raw).get("/api/regions").status_code == 401
    assert AuditEntry.objects.filter(object_id=str(second.pk), action="void", reason="脚本停用").exists()


def test_another_users_tokens_are_out_of_reach_but_the_administrator_manages_them(nanhai):
    owner = nanhai.guicheng_officer
    _create_on_page(nanhai.client_for(owner), "/core/account/tokens/")
    token = ApiToken.objects.get()
    other = nanhai.client_for(nanhai.jiujiang_officer)
    assert other.get(f"/core/users/{owner.pk}/tokens/").status_code == 404
    assert other.post(f"/core/account/tokens/{token.pk}/revoke/", {"reason": "x"}).status_code == 404
    admin = nanhai.client_for(nanhai.admin)
    assert "月报脚本" in admin.get(f"/core/users/{owner.pk}/tokens/").content.decode()
    admin.post(f"/core/account/tokens/{token.pk}/revoke/", {"reason": "人员调岗"})
    token.refresh_from_db()
    assert token.revoked_at is not None
    raw = _create_on_page(admin, f"/core/users/{owner.pk}/tokens/", name="管理员代建")
    assert ApiToken.objects.get(name="管理员代建").user == owner and raw


def test_a_password_change_revokes_every_token(nanhai):
    user = nanhai.guicheng_officer
    client = nanhai.client_for(user)
    raw = _create_on_page(client, "/core/account/tokens/")
    user.set_password("Old#Pass2024x")
    user.save()  # revokes too (a password set by any path)
    client = nanhai.client_for(user)
    raw = _create_on_page(client, "/core/account/tokens/", name="第二个")
    response = client.post(
        "/password/",
        {"old_password": "Old#Pass2024x", "new_password1": "Lotus&River77", "new_password2": "Lotus&River77"},
    )
    assert response.status_code == 302
    assert _api(raw).get("/api/regions").status_code == 401
    assert set(ApiToken.objects.values_list("revoked_reason", flat=True)) == {"用户密码已更改"}


def test_deactivating_the_user_revokes_every_token(nanhai):
    user = nanhai.guicheng_officer
    _create_on_page(nanhai.client_for(user), "/core/account/tokens/")
    services.user_update(user, actor=nanhai.admin, changes={"is_active": False})
    assert ApiToken.objects.get().revoked_reason == "用户已停用"


def test_logging_in_does_not_revoke(nanhai):
    user = nanhai.guicheng_officer
    _create_on_page(nanhai.client_for(user), "/core/account/tokens/")
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    assert ApiToken.objects.get().revoked_at is None


def test_command_creates_lists_and_revokes(nanhai, capsys):
    call_command("api_token", "guicheng", "--name", "导出", "--days", "7")
    raw = capsys.readouterr().out.strip()
    assert _api(raw).get("/api/regions").status_code == 200
    call_command("api_token", "guicheng", "--list")
    listing = capsys.readouterr().out
    assert "导出" in listing and "有效" in listing
    call_command("api_token", "guicheng", "--revoke", raw[:8], "--reason", "离职")
    assert ApiToken.objects.get().revoked_reason == "离职"
    with pytest.raises(CommandError, match="有效期应为1至366天"):
        call_command("api_token", "guicheng", "--days", "0")


def test_a_token_never_starts_with_a_dash_so_its_prefix_can_be_revoked_from_the_command_line(
    nanhai, monkeypatch
):
    drawn = iter(["-G9zc4IFdashfirst", "Abc12345second"])
    monkeypatch.setattr(tokens.secrets, "token_urlsafe", lambda n: next(drawn))
    _token, raw = tokens.token_create(
        actor=None, user=nanhai.district_officer, name="脚本", days=7, via="测试"
    )
    assert raw == "Abc12345second"
    call_command("api_token", nanhai.district_officer.username, "--revoke", raw[:8], "--reason", "离职")
    assert ApiToken.objects.get().revoked_reason == "离职"
