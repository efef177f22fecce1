"""`emgov report`: the JSON object of figures.md, and clear Chinese errors for bad arguments."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from emgov.reports.figures import FIGURES
from emgov.reports.tests import builders as b
from emgov.reports.tests.builders import day

# The keys of the table in shared/spec/figures.md, in its order.
FIGURES_MD_KEYS = [
    "study.central_group_sessions",
    "joint.actions",
    "joint.towns_covered",
    "joint.industries",
    "joint.enterprise_visits",
    "joint.hazards_found",
    "joint.enterprises_suspended",
    "assistance.enterprise_visits",
    "supervision.leader_led",
    "supervision.unannounced_months",
    "double_publicity.penalty_records",
    "double_publicity.licensing_records",
    "certificates.exam_takers",
    "certificates.exam_pass_rate",
    "licensing.cases",
    "counsel.opinions",
    "counsel.contract_reviews",
    "litigation.cases",
    "litigation.head_required",
    "litigation.head_appeared",
    "normative.extended",
    "disclosure.items",
    "outreach.online_trainees",
    "outreach.offline_sessions",
    "outreach.offline_participants",
    "outreach.safety_month_online",
    "outreach.safety_month_audience",
    "enforcement.officer_turnouts",
    "enforcement.enterprises_inspected",
    "enforcement.inspections",
    "enforcement.hazards_found",
    "enforcement.penalties",
    "enforcement.fines_yuan",
    "preparedness.event_categories",
    "preparedness.event_types",
]
LISTS = {"joint.industries", "supervision.unannounced_months", "normative.extended"}
RATES = {"certificates.exam_pass_rate"}
MONEY = {"enforcement.fines_yuan"}


def report(*args: str) -> dict:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return json.loads(out.getvalue())


def test_every_figure_of_figures_md_is_computed_and_no_other():
    assert len(FIGURES_MD_KEYS) == len(set(FIGURES_MD_KEYS))
    assert sorted(FIGURES) == sorted(FIGURES_MD_KEYS)


def test_report_prints_year_region_as_of_and_every_figure(districts):
    b.study(day("2023-12-04"))
    b.study(day("2023-12-05"))
    b.visit(b.enterprise(industry="燃气"), day("2023-03-01"), operation=b.operation(day("2023-03-01")))
    b.penalty(day("2023-05-01"), fine="1234.5")
    b.exam(2023, b.BUREAU_OFFICERS[0], passed=True)
    payload = report("--year", "2023", "--region", "440605", "--as-of", "2023-12-04", "--format", "json")
    assert list(payload) == ["year", "region", "as_of", "figures"]
    assert (payload["year"], payload["region"], payload["as_of"]) == (2023, "440605", "2023-12-04")
    assert sorted(payload["figures"]) == sorted(FIGURES_MD_KEYS)
    figures = payload["figures"]
    assert figures["study.central_group_sessions"] == 1
    assert figures["joint.industries"] == ["燃气"]
    assert figures["enforcement.fines_yuan"] == 1234.5
    assert figures["certificates.exam_pass_rate"] == 1


def test_report_values_have_the_types_of_figures_md(districts):
    b.penalty(day("2023-05-01"))
    figures = report("--year", "2023", "--region", "440605")["figures"]
    for key, value in figures.items():
        if key in LISTS:
            assert isinstance(value, list), key
        elif key in RATES:
            assert isinstance(value, int | float) and 0 <= value <= 1, key
        elif key in MONEY:
            assert isinstance(value, int | float) and not isinstance(value, bool), key
        else:
            assert isinstance(value, int) and not isinstance(value, bool), key


def test_report_without_as_of_runs_to_31_december(districts):
    b.study(day("2023-12-31"))
    payload = report("--year", "2023", "--region", "440605")
    assert payload["as_of"] == "2023-12-31"
    assert payload["figures"]["study.central_group_sessions"] == 1


def test_report_for_a_town_or_another_district(districts):
    b.visit(b.enterprise("大良街道"), day("2023-03-01"))
    b.visit(b.enterprise("九江镇"), day("2023-03-01"))
    inspections = {
        code: report("--year", "2023", "--region", code)["figures"]["enforcement.inspections"]
        for code in ("440605", "440605121", "440605011", "440606", "440600")
    }
    assert inspections == {"440605": 1, "440605121": 1, "440605011": 0, "440606": 1, "440600": 2}


def test_unknown_region_code_is_refused_in_chinese(districts):
    with pytest.raises(CommandError, match="没有区划代码为“999999”的区划"):
        report("--year", "2023", "--region", "999999")


@pytest.mark.parametrize("as_of", ["2023-13-01", "2023/12/04", "昨天"])
def test_malformed_as_of_date_is_refused_in_chinese(districts, as_of):
    with pytest.raises(CommandError, match=f"截止日期“{as_of}”格式应为 YYYY-MM-DD"):
        report("--year", "2023", "--region", "440605", "--as-of", as_of)


def test_as_of_date_outside_the_year_is_refused_in_chinese(districts):
    with pytest.raises(CommandError, match="截止日期 2024-01-01 不在 2023 年内"):
        report("--year", "2023", "--region", "440605", "--as-of", "2024-01-01")
