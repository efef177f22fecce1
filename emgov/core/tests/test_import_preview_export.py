"""The confirmation shows each updated row's changes (old → new); ledger exports carry the names a
reader needs (ignored on import); a long export is written in the background with progress."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from emgov.core import exports
from emgov.core.interchange import registry
from emgov.core.models import ExportJob, ExportState, ImportState
from emgov.core.tests.ledger_samples import SAMPLES, load_before, load_ok
from emgov.core.tests.test_import_jobs import BASE, code, csv_file, good_rows, upload
from emgov.enterprises.models import Enterprise

EXPORT = "/enterprises/enterprises/export"


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_the_confirmation_shows_old_and_new_values_of_each_updated_row(
    nanhai, django_capture_on_commit_callbacks
):
    client = nanhai.client_for(nanhai.district_officer)
    first = upload(client, csv_file(good_rows(3)), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}{first.pk}/confirm/")
    rows = good_rows(3)
    rows[1] = rows[1].replace("企业2,", "新名称2,").replace("一般风险", "较大风险")
    job = upload(client, csv_file(rows), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.state == ImportState.CHECKED and job.summary["updated"] == 1
    (change,) = job.summary["changes"]
    assert change["row"] == 3 and change["key"] == code(2)
    assert ["企业名称", "企业2", "新名称2"] in change["fields"]
    assert ["风险等级", "一般风险", "较大风险"] in change["fields"]
    page = client.get(f"{BASE}{job.pk}/").content.decode()
    assert "将要更新的记录及其变化" in page
    assert '<td class="old">企业2</td><td class="new">→ 新名称2</td>' in page


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_database")
def test_the_hazards_export_names_the_enterprise_its_town_and_the_state_and_imports_again():
    load_before("hazards")
    load_ok("hazards", SAMPLES["hazards"])
    ledger = registry.get("hazards")
    out = io.BytesIO()
    ledger.export(ledger.export_queryset(), out, "xlsx")
    sheet = load_workbook(io.BytesIO(out.getvalue()), read_only=True).worksheets[0]
    header, first, *_rest = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header[:4] == ["隐患编号", "检查编号", "企业名称", "镇街"] and header[-1] == "状态"
    row = dict(zip(header, first, strict=True))
    assert row["企业名称"] and row["镇街"] and row["状态"]
    out.seek(0)
    result = ledger.load(out, "xlsx", actor=None, via="导入 测试")
    assert result.ok and not result.warnings and result.unchanged == result.total


@pytest.mark.django_db
@pytest.mark.usefixtures("empty_database")
def test_every_ledger_export_shows_names_beside_keys():
    expected = {
        "inspections": {"企业名称", "镇街", "执法人员姓名"},
        "orders": {"企业名称", "镇街"},
        "exams": {"姓名"},
        "drills": {"预案名称"},
        "operations": {"区划名称"},
        "regions": {"上级区划名称"},
    }
    for ledger_id, headers in expected.items():
        assert headers <= registry.get(ledger_id).shown_headers, ledger_id
        assert not registry.get(ledger_id).shown_headers & set(registry.get(ledger_id).headers)


def test_a_long_export_runs_in_the_background_with_progress_for_its_user_alone(
    nanhai, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(exports, "INLINE_ROWS", 1)
    client = nanhai.client_for(nanhai.district_officer)
    first = upload(client, csv_file(good_rows(3)), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}{first.pk}/confirm/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"{EXPORT}.xlsx?q=企业")
    job = ExportJob.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == f"/enterprises/enterprises/export/{job.pk}/"
    )
    job.refresh_from_db()
    assert job.state == ExportState.DONE and job.done == job.total == 3
    page = client.get(response["Location"]).content.decode()
    assert "已导出 3 行" in page and "下载文件" in page
    download = client.get(f"/enterprises/enterprises/export/{job.pk}/download/")
    data = b"".join(download.streaming_content)
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    assert len(list(sheet.iter_rows(values_only=True))) == 4
    other = nanhai.client_for(nanhai.admin)
    assert other.get(f"/enterprises/enterprises/export/{job.pk}/").status_code == 404
    assert other.get(f"/enterprises/enterprises/export/{job.pk}/download/").status_code == 404


def test_a_short_export_is_downloaded_at_once(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    response = client.get(f"{EXPORT}.csv")
    assert response.status_code == 200 and not ExportJob.objects.exists()
    assert Enterprise.objects.count() <= exports.INLINE_ROWS
