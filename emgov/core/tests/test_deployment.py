"""Production settings come from the environment, `emgov check --deploy` is clean with the documented
production environment, and every page keeps a Content-Security-Policy without inline script."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from emgov.demo.base import DEMO_PASSWORD
from emgov.env import EnvError, env_float

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "EMGOV_HTTPS": "true",
    "EMGOV_SECRET_KEY": "k7#Qz9!vLw2@pX4$rN8^tY6&uB3*eH5(mJ1)cF0_gD-sA+oI=lK",
    "EMGOV_ALLOWED_HOSTS": "emgov.example.gov.cn",
    "EMGOV_CSRF_TRUSTED_ORIGINS": "https://emgov.example.gov.cn",
    "EMGOV_PROXY_SSL_HEADER": "true",
    "EMGOV_TRUSTED_PROXIES": "127.0.0.1",
}


def _clean_environ() -> dict[str, str]:
    """This process's environment without EMGov's settings and without what the browser tests set
    for themselves (`DJANGO_ALLOW_ASYNC_UNSAFE`, which a deployment check rightly refuses)."""
    return {
        k: v for k, v in os.environ.items() if not k.startswith("EMGOV_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }


def _settings_in(env: dict[str, str], code: str) -> str:
    clean = _clean_environ()
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; {code}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "emgov.settings", **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_environment_turns_on_https_settings(tmp_path):
    env = {**PRODUCTION, "EMGOV_VAR_DIR": str(tmp_path)}
    values = _settings_in(
        env,
        "print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE,"
        " settings.CSRF_COOKIE_SECURE, settings.SECURE_PROXY_SSL_HEADER, settings.SESSION_COOKIE_AGE)",
    )
    assert values == "True 31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https') 28800"


def test_development_defaults_stay_plain_http(tmp_path):
    values = _settings_in(
        {"EMGOV_VAR_DIR": str(tmp_path)},
        "print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE)",
    )
    assert values == "False 0 False"


def test_check_deploy_is_clean_with_the_documented_environment(tmp_path):
    clean = _clean_environ()
    result = subprocess.run(
        [str(Path(sys.executable).parent / "emgov"), "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean, **PRODUCTION, "EMGOV_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_documented_environment_is_the_one_tested():
    doc = (ROOT / "docs" / "security.md").read_text()
    for name in PRODUCTION:
        assert name in doc


def test_pages_send_a_policy_without_inline_script(nanhai):
    response = nanhai.client_for(nanhai.admin).get("/")
    policy = response["Content-Security-Policy"]
    script = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script.strip() == "'self'"
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_a_session_lasts_a_working_day(nanhai, client):
    response = client.post("/login/", {"username": "guicheng", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.session.get_expiry_age() == 8 * 3600
    assert not response.cookies["sessionid"]["max-age"]  # and ends when the browser closes


INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>|\son[a-z]+=|javascript:", re.I)


def test_no_template_holds_inline_script():
    found = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "emgov").rglob("templates/**/*.html")
        if INLINE.search(path.read_text())
    }
    assert not found, found


@pytest.mark.parametrize("name", ["core/static/core/emgov.js"])
def test_the_static_script_submits_marked_fields(name):
    script = (ROOT / "emgov" / name).read_text()
    assert "data-autosubmit" in script and "data-back" in script


def test_postgresql_plans_for_tables_in_memory_unless_told_otherwise(tmp_path):
    url = {"EMGOV_VAR_DIR": str(tmp_path), "DATABASE_URL": "postgres://emgov@127.0.0.1:5432/emgov"}
    show = "print(settings.DATABASES['default']['OPTIONS']['options'])"
    assert _settings_in(url, show) == "-c random_page_cost=1.1"
    assert _settings_in({**url, "EMGOV_PG_RANDOM_PAGE_COST": "4"}, show) == "-c random_page_cost=4.0"


@pytest.mark.parametrize("raw", ["fast", "0", "-1", "inf", "nan"])
def test_a_planner_cost_that_is_not_a_positive_number_is_refused(monkeypatch, raw):
    monkeypatch.setenv("EMGOV_PG_RANDOM_PAGE_COST", raw)
    with pytest.raises(EnvError, match="EMGOV_PG_RANDOM_PAGE_COST"):
        env_float("EMGOV_PG_RANDOM_PAGE_COST", 1.1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_the_connection_carries_the_planner_cost(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
