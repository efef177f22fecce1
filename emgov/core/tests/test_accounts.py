"""Sign-in lockout behind a reverse proxy, and the password rules, all in Chinese."""

import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from emgov.core.middleware import client_address
from emgov.demo.base import DEMO_PASSWORD

PROXY = "10.0.0.1"


@pytest.fixture
def lockout(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.EMGOV_TRUSTED_PROXIES = [PROXY]


def _login(username: str, password: str, client_ip: str, remote: str = PROXY):
    return Client().post(
        "/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=client_ip,
    )


def test_the_client_address_is_read_through_trusted_proxies_only(rf, settings):
    settings.EMGOV_TRUSTED_PROXIES = ["10.0.0.0/8"]
    behind = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5, 10.0.0.2")
    assert client_address(behind) == "203.0.113.5"
    direct = rf.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_address(direct) == "198.51.100.9"  # a header from anyone else is ignored
    garbage = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address")
    assert client_address(garbage) == "10.0.0.1"


def test_failures_lock_that_user_from_that_address_only(nanhai, lockout):
    for _ in range(3):
        _login("guicheng", "wrong-password", "203.0.113.5")
    locked = _login("guicheng", DEMO_PASSWORD, "203.0.113.5")
    assert locked.status_code == 429 and "锁定" in locked.content.decode()
    # The same user from elsewhere, and another user from the same address, still sign in.
    assert _login("guicheng", DEMO_PASSWORD, "203.0.113.6").status_code == 302
    assert _login("jiujiang", DEMO_PASSWORD, "203.0.113.5").status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_lockout(nanhai, lockout):
    for n in range(3):
        _login("guicheng", "wrong-password", f"198.51.100.{n}", remote="192.0.2.50")
    assert _login("guicheng", DEMO_PASSWORD, "198.51.100.99", remote="192.0.2.50").status_code == 429


def _messages(password: str, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return exc.messages
    return []


CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("password", ["short", "12345678", "password123", "guicheng2024"])
def test_every_password_rule_answers_in_chinese(nanhai, password):
    messages = _messages(password, nanhai.guicheng_officer)
    assert messages
    assert all(CJK.search(m) for m in messages), messages


def test_a_password_like_the_username_is_refused(nanhai):
    assert any("相似" in m for m in _messages("guicheng2024", nanhai.guicheng_officer))


def test_the_administrator_cannot_set_a_password_like_the_username(nanhai):
    admin = nanhai.client_for(nanhai.admin)
    user = nanhai.guicheng_officer
    response = admin.post(f"/core/users/{user.pk}/password/", {"password": "guicheng2024"})
    assert response.status_code == 200 and "相似" in response.content.decode()


def test_the_password_change_form_speaks_chinese(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.post(
        "/password/", {"old_password": "nope", "new_password1": "abc", "new_password2": "abd"}
    )
    page = response.content.decode()
    assert "旧密码不正确" in page or "你的旧密码不正确" in page
    assert "两个密码字段不一致" in page or "不一致" in page


def test_the_password_rules_are_explained_in_chinese():
    from django.contrib.auth.password_validation import password_validators_help_texts

    texts = password_validators_help_texts()
    assert len(texts) == 4 and all(CJK.search(t) for t in texts)
