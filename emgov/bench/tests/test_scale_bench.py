"""`emgov bench --scale` at a tiny size: the project's figures equal the hand-written SQL's, every page
opens, the imports load their rows; and the measured district's figures do not depend on the scale.
Nothing here is timed: the times are the benchmark's output, never a test's pass mark."""

from __future__ import annotations

import json

import pytest
from django.core.management.base import CommandError
from django.db import connection

from emgov.bench import bounds, scales
from emgov.bench.run import run_scale
from emgov.core import clock
from emgov.core.management.commands import bench
from emgov.reports import tallies
from emgov.reports.figures import Scope


@pytest.fixture(autouse=True)
def _calendar_again():
    yield
    clock.forget()


def _wipe() -> None:
    """Everything the bench wrote, so that a second scale is built into the same test database."""
    from emgov.cases.models import PenaltyCase
    from emgov.core.models import AuditEntry, Department, Officer, Region, User
    from emgov.enforcement.models import Hazard, Operation, Order, Visit
    from emgov.enterprises.models import Enterprise

    for model in (
        AuditEntry,
        PenaltyCase,
        Order.hazards.through,
        Order,
        Hazard,
        Visit.officers.through,
        Visit,
    ):
        model.objects.all().delete()
    for model in (Operation.departments.through, Operation, Enterprise, Officer, User, Department):
        model.objects.all().delete()
    for region in Region.objects.order_by("-path"):
        region.delete()


def _district_values(result: dict) -> dict:
    return {
        key: value
        for t in result["figures"]
        if t["region"] == scales.MEASURED_DISTRICT and t["block"] in bounds.BLOCKS
        for key, value in t["values"].items()
    }


@pytest.mark.usefixtures("empty_database")
def test_the_district_bench_equals_its_bound_and_opens_every_page(tmp_path):
    lines: list[str] = []
    result = run_scale(
        "district",
        seed=7,
        factor=0.01,
        runs=1,
        import_rows=40,
        folder=tmp_path,
        out=lines.append,
        as_json=True,
    )
    assert json.loads(lines[-1])["scale"] == "district"
    blocks = {t["block"] for t in result["figures"]}
    assert set(bounds.BLOCKS) | {"other", "all"} == blocks
    values = _district_values(result)
    assert values["enforcement.inspections"] > 0 and values["joint.actions"] > 0
    assert values["supervision.unannounced_months"], "some months meet the 四不两直 rule"
    assert {p["status"] for p in result["pages"]} == {200}
    imports = {r["label"]: r["rows"] for r in result["imports"]}
    assert imports["首次导入（全部新增）"] == imports["无校验批量写入"] == 40
    seconds = {r["label"]: r["seconds"] for r in result["imports"]}
    if connection.vendor == "postgresql":  # the write's deferred foreign-key checks, a part of its time
        assert 0 < seconds["其中：提交时的外键检查"] < seconds["无校验批量写入"]
    else:
        assert "其中：提交时的外键检查" not in seconds
    assert not list(tmp_path.iterdir())
    # The dashboard's tallies of the generated and imported records (written by COPY) equal a count of them.
    assert set(result["tallies"]) == {"every_place", "every_sum", "one_town", "district_sum", "top_sum"}
    found = tallies.totals(
        Scope.of(year=scales.YEAR, region_code=scales.MEASURED_DISTRICT, as_of=scales.AS_OF)
    )
    assert found.inspections > values["enforcement.inspections"]  # the imported visits are counted
    assert found == tallies.counted(
        Scope.of(year=scales.YEAR, region_code=scales.MEASURED_DISTRICT, as_of=scales.AS_OF)
    )


@pytest.mark.usefixtures("empty_database")
def test_the_measured_district_is_the_same_at_city_scale(tmp_path):
    common = {
        "seed": 7,
        "factor": 0.01,
        "runs": 1,
        "import_rows": 0,
        "folder": tmp_path,
        "out": lambda line: None,
    }
    district = _district_values(run_scale("district", **common))
    _wipe()
    city = run_scale("city", **common)
    assert city["districts"] == 8
    assert {t["region"] for t in city["figures"]} == {scales.MEASURED_DISTRICT, "440600"}
    assert _district_values(city) == district
    # Timed again over the same rows (`--reuse`): the same values, the rows counted from the tables.
    again = run_scale("city", reuse=True, **common)
    assert _district_values(again) == district
    audit = {"core_auditentry": again["rows"]["core_auditentry"]}
    assert again["rows"] == city["rows"] | audit


@pytest.mark.usefixtures("empty_database")
def test_reusing_a_database_without_the_data_set_is_refused_in_chinese(tmp_path):
    with pytest.raises(CommandError, match="没有 440000 的测试数据"):
        run_scale(
            "province", seed=7, factor=0.01, runs=1, import_rows=0, folder=tmp_path, out=print, reuse=True
        )


def test_the_command_offers_the_scales():
    assert "run" in bench.SCALE_BENCH
    parser = bench.Command().create_parser("emgov", "bench")
    options = parser.parse_args(["--scale", "province", "--json"])
    assert options.scale == "province" and options.json
