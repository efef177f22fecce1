"""`emgov bench --measure dashboard`: the dashboard over the bench data set, with valid hazards and penalties."""

from __future__ import annotations

import pytest

from emgov.cases.models import PenaltyCase
from emgov.core.actors import system_actor
from emgov.core.management.commands.bench import DISTRICT, MEASUREMENTS, Dataset, run_benchmark
from emgov.enforcement.models import Hazard
from emgov.reports.dashboard_bench import RUNS, measure_dashboard


@pytest.mark.usefixtures("empty_database")
def test_the_bench_measures_the_district_dashboard(tmp_path):
    assert MEASUREMENTS["dashboard"] is measure_dashboard
    lines: list[str] = []
    run_benchmark(
        Dataset(visits=240, enterprises=30, officers=12), fmt="csv", folder=tmp_path, out=lines.append
    )
    lines.clear()
    seconds = measure_dashboard(actor=system_actor(), district=DISTRICT, out=lines.append)
    assert len(seconds) == RUNS
    assert Hazard.objects.exists() and PenaltyCase.objects.filter(published_on__isnull=True).exists()
    assert lines[0].startswith("驾驶舱准备：导入隐患")
    assert lines[1].startswith("领导驾驶舱（南海区，2023年，") and "条查询" in lines[1]
