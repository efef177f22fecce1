"""Shared fixtures: the Nanhai region tree and the named personas every test speaks of."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from django.test import Client
from django.test.utils import override_settings

from emgov.core import clock
from emgov.core.models import Region, User
from emgov.demo.base import DEMO_PASSWORD, build_base, ensure_base

# Modules that take far longer than the rest run first, so that the workers finish together.
LONGEST_FIRST = ("emgov/demo/tests/test_demo.py",)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database with the base (regions, departments, number templates, the demo users),
    built once per worker: every test runs in a transaction on top of it and rolls back to it."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        build_base(actor=None)


@pytest.fixture(autouse=True)
def _business_date_forgotten():
    """No test sees another's business date through the cache."""
    clock.forget()
    yield
    clock.forget()


@pytest.fixture(autouse=True)
def _fast_passwords(settings, tmp_path):
    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.VAR_DIR = tmp_path / "var"
    settings.AXES_ENABLED = False


@dataclass
class Nanhai:
    district: Region
    guicheng: Region
    jiujiang: Region
    admin: User
    leader: User
    legal: User
    district_officer: User
    guicheng_officer: User
    jiujiang_officer: User

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


@pytest.fixture
def nanhai(db) -> Nanhai:
    ensure_base()  # gone after a test that commits (a browser test) has emptied the database
    users = {u.username: u for u in User.objects.all()}
    regions = {r.name: r for r in Region.objects.all()}
    return Nanhai(
        district=regions["南海区"],
        guicheng=regions["桂城街道"],
        jiujiang=regions["九江镇"],
        admin=users["admin"],
        leader=users["leader"],
        legal=users["legal"],
        district_officer=users["officer"],
        guicheng_officer=users["guicheng"],
        jiujiang_officer=users["jiujiang"],
    )


@pytest.fixture
def empty_database(db) -> None:
    """No base: for tests of the base's own ledgers (regions, departments, number templates), which
    import them into an empty database. Rolled back with the test."""
    from emgov.core.models import AuditEntry, Department, DocumentNumberTemplate

    User.objects.all().delete()
    Department.objects.all().delete()
    DocumentNumberTemplate.objects.all().delete()
    for region in Region.objects.order_by("-path"):
        region.delete()
    AuditEntry.objects.all().delete()


@pytest.fixture
def demo_password() -> str:
    return DEMO_PASSWORD


@pytest.fixture(scope="session")
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait for what they expect to appear, up to the same limit as every other wait of
    # the page (30 s): on a busy machine the 5 s default ran out before a slow page answered.
    expect.set_options(timeout=30_000)
    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield instance
        instance.close()


@pytest.fixture
def artifacts_dir():
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder
