"""A list's search box: records found through their enterprise's name or code, a hazard through its
visit's enterprise, a search's few matches paged in the list's order; on PostgreSQL the enterprise's
searched text has a trigram index that serves the search."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection, transaction

from emgov.core import services
from emgov.core.pages.paging import CappedPaginator
from emgov.core.pages.search import search_q
from emgov.enforcement.models import Hazard, Visit
from emgov.enforcement.tests.hazard_helpers import bureau, register
from emgov.enterprises.models import Enterprise
from emgov.enterprises.tests.test_views import make_enterprise

VISITS = "/enforcement/visits/"
HAZARDS = "/enforcement/hazards/"


def _visit(enterprise: Enterprise, number: str, day: datetime.date) -> Visit:
    return services.record_create(
        Visit(number=number, enterprise=enterprise, date=day, department=bureau(), nature="执法检查"),
        actor=None,
    )


@pytest.fixture
def two_firms(nanhai):
    hardware = make_enterprise(nanhai.guicheng, 1, name="桂城五金制品有限公司", legal_representative="张三")
    textile = make_enterprise(nanhai.jiujiang, 2, name="九江纺织有限公司", legal_representative="李四")
    a = _visit(hardware, "JC2023-0101", datetime.date(2023, 5, 4))
    b = _visit(textile, "JC2023-0202", datetime.date(2023, 6, 8))
    register(a, nanhai.district_officer, text="配电箱前堆放杂物")
    register(b, nanhai.district_officer, text="消防通道堵塞")
    return hardware, textile


def _hazards_shown(html: str) -> set[str]:
    return {h.description for h in Hazard.objects.all() if h.number in html}


def _numbers(html: str, prefix: str) -> set[str]:
    return set(re.findall(prefix + r"[\d-]+", html))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("五金", {"JC2023-0101"}),  # the enterprise's name
        ("wjzp", {"JC2023-0101"}),  # its initials, whatever the case typed
        ("0202", {"JC2023-0202"}),  # the visit's own number
    ],
)
def test_visits_are_found_by_their_enterprise_or_their_own_number(nanhai, two_firms, query, expected):
    html = nanhai.client_for(nanhai.leader).get(VISITS, {"q": query}).content.decode()
    assert _numbers(html, "JC") == expected


def test_a_credit_code_finds_the_enterprises_visits(nanhai, two_firms):
    _hardware, textile = two_firms
    html = nanhai.client_for(nanhai.leader).get(VISITS, {"q": textile.credit_code[-8:]}).content.decode()
    assert _numbers(html, "JC") == {"JC2023-0202"}


def test_hazards_are_found_through_their_visits_enterprise_and_number(nanhai, two_firms):
    client = nanhai.client_for(nanhai.leader)
    assert _hazards_shown(client.get(HAZARDS, {"q": "纺织"}).content.decode()) == {"消防通道堵塞"}
    assert _hazards_shown(client.get(HAZARDS, {"q": "JC2023-0101"}).content.decode()) == {"配电箱前堆放杂物"}


def test_a_search_stays_within_the_users_region(nanhai, two_firms):
    html = nanhai.client_for(nanhai.guicheng_officer).get(VISITS, {"q": "有限公司"}).content.decode()
    assert _numbers(html, "JC") == {"JC2023-0101"}


def test_a_voided_enterprise_still_names_its_visits(nanhai, two_firms):
    hardware, _textile = two_firms
    services.record_void(hardware, actor=nanhai.admin, reason="重复登记")
    html = nanhai.client_for(nanhai.leader).get(VISITS, {"q": "五金"}).content.decode()
    assert _numbers(html, "JC") == {"JC2023-0101"}


@pytest.fixture
def seven_visits(nanhai):
    firm = make_enterprise(nanhai.guicheng, 3, name="桂城模具有限公司")
    for n in range(1, 8):
        _visit(firm, f"JC2023-{n:04d}", datetime.date(2023, 1, n))
    return Visit.objects.filter(search_q(Visit, ("number", "enterprise__name"), "模具")).order_by("-date")


@pytest.mark.parametrize("cap", [10, 5])
def test_a_searchs_matches_are_paged_in_the_lists_order(seven_visits, cap):
    """Under the cap the page is chosen among the matches' keys; over it, as any list's page."""
    pager = CappedPaginator(seven_visits, 3, cap, searched=True)
    pages = [[v.number for v in pager.get_page(n)] for n in (1, 2, 3)]
    assert pages == [
        ["JC2023-0007", "JC2023-0006", "JC2023-0005"],
        ["JC2023-0004", "JC2023-0003", "JC2023-0002"],
        ["JC2023-0001"],
    ]
    assert pager.capped == (cap < 7)


def test_a_searched_page_reads_its_keys_and_its_rows_in_two_statements(
    seven_visits, django_assert_num_queries
):
    with django_assert_num_queries(2):
        page = CappedPaginator(seven_visits, 3, 10, searched=True).get_page(2)
        assert page.paginator.count == 7 and len(page.object_list) == 3


def test_a_search_over_the_cap_reads_its_pages_keys_as_values(seven_visits, django_assert_num_queries):
    """Over the cap, the page's keys are read in the list's order, then its rows by those keys: the
    rows' statement names the keys, so the planner cannot apply the search to the whole table again."""
    with django_assert_num_queries(3) as captured:
        page = CappedPaginator(seven_visits, 3, 5, searched=True).get_page(2)
        assert [v.number for v in page.object_list] == ["JC2023-0004", "JC2023-0003", "JC2023-0002"]
    keys = sorted(v.pk for v in page.object_list)
    assert all(str(pk) in captured.captured_queries[-1]["sql"] for pk in keys)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
@pytest.mark.parametrize("field", Enterprise.search_indexed)
def test_the_trigram_index_serves_each_searched_enterprise_field(nanhai, field):
    sql, params = (
        Enterprise.objects.filter(**{f"{field}__icontains": "五金制品"}).values("pk").query.sql_with_params()
    )
    with transaction.atomic(), connection.cursor() as cursor:
        # Left to the planner: bitmap scans, which need an index that serves the condition.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "enterprise_search_trgm" in plan
