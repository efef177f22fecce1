"""Records for the dashboard tests: bureau visits, hazards and penalties in two towns, and the records
the dashboard leaves out."""

from __future__ import annotations

import pytest

from emgov.publicity.tests.helpers import register
from emgov.reports.tests.builders import DALIANG, day, enterprise, load, penalty, visit


def hazard(visit_number: str, number: str, **columns: object) -> str:
    load(
        "hazards",
        {
            "隐患编号": number,
            "检查编号": visit_number,
            "隐患描述": "消防通道堵塞",
            "隐患等级": columns.pop("grade", "一般隐患"),
            **{key: value for key, value in columns.items()},
        },
    )
    return number


@pytest.fixture(name="records")
def records_fixture(districts):
    """Bureau visits, hazards and penalties in 桂城 and 九江 (南海区), and the same kind of records that
    the dashboard leaves out: another department, another nature, last year, another district."""
    gc_trade = enterprise("桂城街道", "工贸")
    gc_gas = enterprise("桂城街道", "燃气")
    jj_gas = enterprise("九江镇", "燃气")
    dl_trade = enterprise(DALIANG.town, "工贸")
    v_march = visit(gc_trade, day("2023-03-10"))
    visit(gc_gas, day("2023-03-20"))
    v_july = visit(jj_gas, day("2023-07-05"))
    v_last_year = visit(jj_gas, day("2022-12-20"))
    visit(gc_trade, day("2023-05-01"), department="住建")
    visit(gc_trade, day("2023-04-01"), nature="帮扶指导")
    v_shunde = visit(dl_trade, day("2023-03-10"))
    hazard(
        v_march,
        "YH-CLOSED",
        整改期限="2023-04-10",
        整改完成日期="2023-04-08",
        复查日期="2023-04-09",
        复查结论="已整改",
    )
    hazard(v_march, "YH-OVERDUE", 整改期限="2023-11-30")
    hazard(
        v_july,
        "YH-DUE",
        整改期限="2023-12-06",
        grade="重大事故隐患",
        判定依据="《工贸企业重大事故隐患判定标准》第十一条第（一）项",
    )
    hazard(v_last_year, "YH-OLD", 整改期限="2023-01-10", 复查日期="2023-01-15", 复查结论="已整改")
    hazard(v_shunde, "YH-SHUNDE", 整改期限="2023-11-01")
    penalty(
        day("2023-03-15"), party_type="法人", party_code=gc_trade, fine="5000", published_on=day("2023-03-20")
    )
    penalty(day("2023-07-10"), party_type="法人", party_code=jj_gas, fine="20000")
    penalty(day("2023-11-20"), party_type="法人", party_code=gc_gas, fine="3000")
    penalty(day("2023-11-28"), party_type="法人", party_code=gc_trade, kinds="警告")
    penalty(day("2023-07-10"), department="住建", party_type="法人", party_code=gc_trade, fine="9000")
    penalty(day("2023-07-10"), party_type="法人", party_code=dl_trade, fine="7000")
    register(None, received="2023-10-09")
    return districts
