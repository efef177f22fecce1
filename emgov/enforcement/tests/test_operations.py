"""Operation pages: what an operation reached, leader supervision shown and filtered apart."""

from __future__ import annotations

import datetime

import pytest

from emgov.core import services
from emgov.enforcement.models import Operation, OperationKind
from emgov.enforcement.tests.test_views import make_visit, two_officers
from emgov.enterprises.tests.test_views import make_enterprise

OPERATIONS = "/enforcement/operations/"


def make_operation(number: str, kind: str = OperationKind.JOINT, **fields) -> Operation:
    values = {"name": number, "start_date": datetime.date(2023, 5, 1), **fields}
    return services.record_create(Operation(number=number, kind=kind, **values), actor=None)


def test_operation_detail_shows_its_visits_enterprises_and_towns(nanhai):
    officers = two_officers()
    op = make_operation("LH2023-01")
    first = make_enterprise(nanhai.guicheng, 1, name="桂城一厂")
    make_visit(first, "JC1", officers, operation=op)
    make_visit(first, "JC2", officers, operation=op)
    make_visit(make_enterprise(nanhai.jiujiang, 2, name="九江二厂"), "JC3", officers, operation=op)
    page = nanhai.client_for(nanhai.district_officer).get(f"{OPERATIONS}{op.pk}/").content.decode()
    assert "检查 3 次，涉及企业 2 家、镇街 2 个" in page
    assert "桂城一厂" in page and "九江二厂" in page and "JC3" in page
    town_page = nanhai.client_for(nanhai.guicheng_officer).get(f"{OPERATIONS}{op.pk}/").content.decode()
    assert "检查 2 次，涉及企业 1 家、镇街 1 个" in town_page and "九江二厂" not in town_page


def test_supervision_shows_the_leader_and_level(nanhai):
    op = make_operation("DD2023-01", OperationKind.SUPERVISION, leader_name="张区长", leader_level="区领导")
    page = nanhai.client_for(nanhai.leader).get(f"{OPERATIONS}{op.pk}/").content.decode()
    assert "领导督导" in page and "张区长" in page and "区领导" in page
    assert "不计入执法检查次数" in page


def test_list_filters_leader_supervision_apart_from_enforcement(nanhai):
    make_operation("DD2023-01", OperationKind.SUPERVISION, leader_name="张区长", leader_level="区领导")
    make_operation("LH2023-01")
    client = nanhai.client_for(nanhai.leader)
    page = client.get(OPERATIONS).content.decode()
    assert "领导督导检查记录" in page and "record_class" in page
    supervision = client.get(OPERATIONS, {"record_class": "supervision"}).content.decode()
    assert "DD2023-01" in supervision and "LH2023-01" not in supervision
    enforcement = client.get(OPERATIONS, {"record_class": "enforcement"}).content.decode()
    assert "LH2023-01" in enforcement and "DD2023-01" not in enforcement


@pytest.mark.parametrize("rows", [1, 8])
def test_operation_list_query_count_does_not_grow_with_rows(nanhai, django_assert_num_queries, rows):
    for n in range(rows):
        make_operation(
            f"LH2023-{n:02d}", name=f"专项行动第{n}次", leader_name="张区长", leader_level="区领导"
        )
    client = nanhai.client_for(nanhai.leader)
    client.get(OPERATIONS)
    with django_assert_num_queries(7):
        response = client.get(OPERATIONS, {"record_class": "enforcement"})
    assert response.content.decode().count("专项行动第") == rows
