"""Ledger lists stop counting at a cap, and a user whose region holds every region is not filtered."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emgov.core.models import Region, User
from emgov.core.pages import paging
from emgov.enterprises.models import Enterprise
from emgov.enterprises.tests.test_views import make_enterprise

LIST = "/enterprises/enterprises/"


def _pager_text(html: str) -> str:
    found = re.search(r'<nav class="pager".*?</nav>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))) if found else ""


@pytest.fixture
def sixty_enterprises(nanhai):
    for n in range(1, 61):
        make_enterprise(nanhai.guicheng, n)
    return Enterprise.objects.count()


def test_a_list_under_the_cap_shows_its_pages_and_count(nanhai, sixty_enterprises):
    html = nanhai.client_for(nanhai.leader).get(LIST).content.decode()
    assert f"第 1 / 2 页，共 {sixty_enterprises} 条" in _pager_text(html)


def test_a_list_over_the_cap_says_so_and_still_pages_on(nanhai, sixty_enterprises, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", 40)
    client = nanhai.client_for(nanhai.leader)
    first = _pager_text(client.get(LIST).content.decode())
    assert "第 1 页，超过 40 条" in first and "下一页" in first and "上一页" not in first
    last = client.get(LIST + "?page=2").content.decode()
    pager = _pager_text(last)
    assert "第 2 页，超过 40 条" in pager and "上一页" in pager and "下一页" not in pager
    shown = re.findall(r"测试企业\d+有限公司", last)
    assert len(shown) == sixty_enterprises - 50
    # Beyond the last page, and a page that is not a number: the first page, never an error.
    for bad in ("?page=99", "?page=abc", "?page=-3"):
        response = client.get(LIST + bad)
        assert response.status_code == 200 and "第 1 页，超过 40 条" in _pager_text(response.content.decode())


def test_the_capped_count_is_one_bounded_statement(nanhai, sixty_enterprises, monkeypatch):
    client = nanhai.client_for(nanhai.leader)
    client.get(LIST)  # the session and the caches of a first request
    with CaptureQueriesContext(connection) as uncapped:
        client.get(LIST)
    monkeypatch.setattr(paging, "COUNT_CAP", 40)
    with CaptureQueriesContext(connection) as capped:
        client.get(LIST)
    assert len(capped) == len(uncapped)
    counts = [q["sql"] for q in capped if "COUNT(" in q["sql"].upper()]
    assert counts and all("LIMIT 41" in sql for sql in counts if "enterprises_enterprise" in sql)


def test_a_user_whose_region_holds_every_region_sees_every_record_unfiltered(nanhai):
    top = Region.objects.order_by("path").first()
    province_leader = User.objects.create(username="province", role=nanhai.leader.role)
    province_leader.regions.set([top])
    outside = not Region.objects.exclude(path__startswith=top.path).exists()
    assert province_leader.covers_every_region is outside
    make_enterprise(nanhai.jiujiang, 1, name="九江五金有限公司")
    make_enterprise(nanhai.guicheng, 2, name="桂城五金有限公司")
    province_leader = User.objects.get(pk=province_leader.pk)
    assert set(Enterprise.objects.visible_to(province_leader)) == set(Enterprise.objects.all())
    with CaptureQueriesContext(connection) as queries:
        list(Enterprise.objects.visible_to(province_leader))
    assert "core_region" not in queries[-1]["sql"]  # no scope filter at all
    # A town officer is still filtered to the town, and covers nothing more.
    town = User.objects.get(pk=nanhai.guicheng_officer.pk)
    assert not town.covers_every_region
    assert [e.name for e in Enterprise.objects.visible_to(town)] == ["桂城五金有限公司"]


def test_a_region_outside_the_users_region_keeps_the_filter(nanhai):
    top = Region.objects.order_by("path").first()
    leader = User.objects.create(username="province", role=nanhai.leader.role)
    leader.regions.set([top])
    Region.objects.create(code="450000", name="广西壮族自治区", level=top.level)
    leader = User.objects.get(pk=leader.pk)
    assert not leader.covers_every_region
    make_enterprise(nanhai.guicheng, 2, name="桂城五金有限公司")
    assert [e.name for e in Enterprise.objects.visible_to(leader)] == ["桂城五金有限公司"]
