"""回头看: the enterprises of an industry visited last year, and the round proposed from them."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit, services
from emgov.enforcement.models import Operation, OperationKind, Visit
from emgov.enforcement.queries import revisit_candidates
from emgov.enforcement.services.revisits import revisit_propose
from emgov.enforcement.tests.test_views import make_visit, two_officers
from emgov.enterprises.models import Enterprise
from emgov.enterprises.tests.test_views import make_enterprise

PARK = "村级工业园"


@pytest.fixture
def park_visits(nanhai):
    officers = two_officers()
    b = make_enterprise(nanhai.jiujiang, 1, name="乙园区企业", industry=PARK)
    a = make_enterprise(nanhai.guicheng, 2, name="甲园区企业", industry=PARK)
    c = make_enterprise(nanhai.guicheng, 3, name="丙园区企业", industry=PARK)
    make_visit(b, "JC1", officers)
    make_visit(a, "JC2", officers)
    make_visit(a, "JC3", officers, date=datetime.date(2023, 9, 1))  # twice: listed once
    make_visit(c, "JC4", officers)
    make_visit(make_enterprise(nanhai.guicheng, 4, industry="工贸"), "JC5", officers)  # other industry
    make_visit(
        make_enterprise(nanhai.guicheng, 5, industry=PARK), "JC6", officers, date=datetime.date(2022, 5, 1)
    )
    gone = make_enterprise(nanhai.guicheng, 6, industry=PARK)
    make_visit(gone, "JC7", officers)
    services.record_void(gone, actor=None, reason="注销")
    voided_visit = make_visit(make_enterprise(nanhai.guicheng, 7, industry=PARK), "JC8", officers)
    services.record_void(voided_visit, actor=None, reason="录入错误")
    return a, b, c


def test_candidates_are_distinct_live_enterprises_of_the_industry_by_town_then_name(park_visits):
    a, b, c = park_visits
    # 桂城街道 (440605011) comes before 九江镇 (440605121); within a town, by name.
    assert list(revisit_candidates(Visit.objects.all(), 2023)) == sorted([a, c], key=lambda e: e.name) + [b]
    assert list(revisit_candidates(Visit.objects.all(), 2023, "工贸"))[0].industry == "工贸"
    assert not revisit_candidates(Visit.objects.all(), 2021).exists()


def test_candidates_follow_the_scope_of_the_visits_given(nanhai, park_visits):
    a, b, c = park_visits
    scoped = Visit.objects.visible_to(nanhai.jiujiang_officer)
    assert list(revisit_candidates(scoped, 2023)) == [b]
    # The region's enterprises given beside its visits: the same candidates, found from them.
    among = Enterprise.objects.visible_to(nanhai.jiujiang_officer)
    assert list(revisit_candidates(scoped, 2023, enterprises=among)) == [b]
    everyone = Visit.objects.visible_to(nanhai.leader)
    assert list(
        revisit_candidates(everyone, 2023, enterprises=Enterprise.objects.visible_to(nanhai.leader))
    ) == [
        *sorted([a, c], key=lambda e: e.name),
        b,
    ]


def test_revisit_round_is_created_with_its_planned_enterprises_and_audited(nanhai, park_visits):
    operation = revisit_propose(
        actor=nanhai.district_officer,
        visits=Visit.objects.all(),
        year=2023,
        number="HTK2024-01",
        start_date=datetime.date(2024, 3, 1),
    )
    assert operation.kind == OperationKind.REVISIT and operation.name == f"2024年{PARK}回头看"
    assert set(operation.planned_enterprises.all()) == set(park_visits)
    [entry] = audit.history(operation)
    assert "2023年检查记录" in entry.reason and "3家企业" in entry.reason


def test_no_candidates_means_no_round(nanhai, park_visits):
    with pytest.raises(ValidationError, match="没有“危化”企业的检查记录"):
        revisit_propose(
            actor=nanhai.district_officer,
            visits=Visit.objects.all(),
            year=2023,
            industry="危化",
            number="HTK2024-01",
            start_date=datetime.date(2024, 3, 1),
        )
    assert not Operation.objects.exists()


def test_leader_lists_candidates_and_creates_the_round_on_the_page(nanhai, park_visits):
    client = nanhai.client_for(nanhai.leader)
    page = client.get("/enforcement/revisits/", {"year": 2023, "industry": PARK}).content.decode()
    assert "甲园区企业" in page and "乙园区企业" in page and "3 家" in page
    response = client.post(
        "/enforcement/revisits/",
        {"year": 2023, "industry": PARK, "number": "HTK2024-01", "start_date": "2024-03-01"},
    )
    operation = Operation.objects.get(number="HTK2024-01")
    assert response["Location"] == f"/enforcement/operations/{operation.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "计划检查企业（3 家）" in detail and "丙园区企业" in detail


def test_round_starting_in_the_visited_year_is_refused(nanhai, park_visits):
    client = nanhai.client_for(nanhai.leader)
    page = client.post(
        "/enforcement/revisits/",
        {"year": 2023, "industry": PARK, "number": "HTK2024-01", "start_date": "2023-12-01"},
    ).content.decode()
    assert "回头看行动应在2024年或以后开始" in page
    assert not Operation.objects.exists()


def test_legal_officer_cannot_open_the_revisit_page(nanhai):
    assert nanhai.client_for(nanhai.legal).get("/enforcement/revisits/").status_code == 404
