"""The responsibility matrix (event type × department, the covering plans, the flags) and its export;
the query counts of the list pages."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from emgov.core import services
from emgov.preparedness.models import CommandPostCheck, TeamMember
from emgov.preparedness.procedures import DRILL, MATERIAL
from emgov.preparedness.tests.factories import dept, drill, event_type, material, plan, team, warning


def test_the_matrix_shows_lead_and_support_and_flags_types_without_a_plan(nanhai):
    typhoon = event_type("台风", lead="应急", support=("消防", "卫健"))
    event_type("燃气事故", category="事故灾难", lead="住建", support=("消防",))
    plan("YA-1", events=[typhoon])
    client = nanhai.client_for(nanhai.leader)
    page = client.get("/preparedness/matrix/").content.decode()
    assert "牵头" in page and "配合" in page and "YA-1应急预案" in page
    assert page.count("无应急预案覆盖") == 1
    flagged = client.get("/preparedness/matrix/?flagged=1").content.decode()
    assert "燃气事故" in flagged and "台风</a>" not in flagged
    accidents = client.get("/preparedness/matrix/?category=事故灾难").content.decode()
    assert "燃气事故" in accidents and "台风</a>" not in accidents


def test_the_matrix_exports_to_excel_with_one_column_per_department(nanhai):
    typhoon = event_type("台风", lead="应急", support=("消防",))
    plan("YA-1", events=[typhoon])
    response = nanhai.client_for(nanhai.district_officer).get("/preparedness/matrix/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:2] == ["事件大类", "事件类型"] and "应急" in header[2:] and "消防" in header[2:]
    line = dict(zip(header, rows[1], strict=True))
    assert line["事件类型"] == "台风" and line["应急"] == "牵头" and line["消防"] == "配合"
    assert line["覆盖的应急预案"] == "YA-1应急预案"


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/preparedness/follow-ups/", 6),
        ("/preparedness/stock-movements/", 7),
        ("/preparedness/warnings/", 5),
        ("/preparedness/command-post-checks/", 6),
        ("/preparedness/team-members/", 6),
        ("/preparedness/matrix/", 7),
    ],
)
def test_list_pages_run_a_fixed_number_of_queries(nanhai, django_assert_num_queries, url, queries):
    officer = nanhai.district_officer
    for n in range(3):
        event = event_type(f"事件{n}", support=("消防", "卫健"))
        plan(f"YA-{n}", events=[event])
        warning(event, number=f"YJ-{n}")
        held = drill(f"YL-{n}", datetime.date(2023, 5, 1), region=nanhai.guicheng)
        DRILL.take(
            "problem",
            held,
            actor=officer,
            problem=f"问题{n}",
            kind="培训",
            owner=dept("应急"),
            owner_person="李科长",
            due_on=datetime.date(2023, 6, 1),
        )
        stock = material(nanhai.guicheng, number=f"WZ-{n}")
        MATERIAL.take(
            "stock_in",
            stock,
            actor=officer,
            date=datetime.date(2023, 5, 1),
            quantity=Decimal(5),
            reference="",
        )
        services.record_create(
            CommandPostCheck(
                number=f"JC-{n}",
                town=nanhai.guicheng,
                date=datetime.date(2023, 5, 1),
                scenario="s",
                inspectors="i",
            ),
            actor=None,
        )
        services.record_create(
            TeamMember(team=team(nanhai.guicheng, number=f"DW-{n}"), name=f"队员{n}"), actor=None
        )
    client = nanhai.client_for(nanhai.district_officer)
    client.get("/")
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
