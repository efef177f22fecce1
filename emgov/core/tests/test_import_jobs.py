"""Imports through the web page: upload → background check → preview → confirm → background write.

Tasks run on django-tasks' immediate backend (the `immediate_tasks` fixture); they are enqueued after
commit, so each request that queues one runs inside `django_capture_on_commit_callbacks(execute=True)`.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from emgov.core import audit, jobs
from emgov.core.models import ImportJob, ImportState
from emgov.core.validators import credit_code_check_character
from emgov.enterprises.models import Enterprise

BASE = "/enterprises/enterprises/import/"
HEADER = "统一社会信用代码,企业名称,所属镇街,行业类别,风险等级\n"


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def code(n: int) -> str:
    first = f"91440605{n:09d}"
    return first + credit_code_check_character(first)


def csv_file(rows: list[str], name: str = "企业台账.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ("\ufeff" + HEADER + "".join(rows)).encode(), content_type="text/csv")


def good_rows(count: int) -> list[str]:
    towns = ("桂城街道", "九江镇")
    return [f"{code(n)},企业{n},{towns[n % 2]},工贸,一般风险\n" for n in range(1, count + 1)]


def upload(client, file, capture) -> ImportJob:
    with capture(execute=True):
        response = client.post(BASE, {"file": file})
    assert response.status_code == 302, response.content.decode()
    job = ImportJob.objects.latest("pk")
    assert response["Location"] == f"{BASE}{job.pk}/"
    return job


def test_a_bad_file_shows_every_error_and_writes_nothing(nanhai, django_capture_on_commit_callbacks):
    client = nanhai.client_for(nanhai.district_officer)
    rows = good_rows(3)
    rows[1] = f"{code(2)[:-1]}0,企业2,九江镇,工贸,一般风险\n" if code(2)[-1] != "0" else rows[1]
    rows.append(f"{code(9)},企业9,不存在镇,工贸,极高风险\n")
    job = upload(client, csv_file(rows), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.state == ImportState.INVALID
    page = client.get(f"{BASE}{job.pk}/").content.decode()
    assert "发现错误，未写入" in page and "确认导入" not in page
    assert "第3行 统一社会信用代码: 统一社会信用代码" in page and "校验位不正确" in page
    assert "第5行 所属镇街:" in page and "第5行 风险等级:" in page
    assert Enterprise.objects.count() == 0
    assert not jobs.stored_path(job).exists()
    errors = client.get(f"{BASE}{job.pk}/errors.csv").content.decode("utf-8-sig")
    assert errors.splitlines()[0] == "行,列,原因"
    assert "3,统一社会信用代码," in errors


def test_upload_then_confirm_writes_the_file_with_progress_to_the_end(
    nanhai, django_capture_on_commit_callbacks
):
    client = nanhai.client_for(nanhai.district_officer)
    job = upload(client, csv_file(good_rows(2500)), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.state == ImportState.CHECKED and job.summary["created"] == 2500
    assert Enterprise.objects.count() == 0  # the check wrote nothing
    preview = client.get(f"{BASE}{job.pk}/").content.decode()
    assert "检查通过：共 2500 行，确认后将新增 2500 条" in preview and "确认导入" in preview

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{BASE}{job.pk}/confirm/")
    assert response.status_code == 302 and response["Location"] == f"{BASE}{job.pk}/"
    job.refresh_from_db()
    assert job.state == ImportState.DONE
    assert job.step == "写入" and job.done == job.total == 2500
    assert Enterprise.objects.count() == 2500
    entry = audit.history(Enterprise.objects.get(credit_code=code(1))).get()
    assert entry.actor == nanhai.district_officer and entry.via == "导入 企业台账.csv"
    page = client.get(f"{BASE}{job.pk}/").content.decode()
    assert "已导入：共 2500 行，新增 2500 条，更新 0 条，0 条无变化" in page
    assert 'hx-trigger="every 1s"' not in page  # finished: the page stops polling
    assert not jobs.stored_path(job).exists()
    again = client.post(f"{BASE}{job.pk}/confirm/", follow=True).content.decode()
    assert "不能再次确认" in again and Enterprise.objects.count() == 2500


def test_another_user_cannot_see_or_confirm_someone_elses_upload(nanhai, django_capture_on_commit_callbacks):
    owner = nanhai.client_for(nanhai.district_officer)
    job = upload(owner, csv_file(good_rows(2)), django_capture_on_commit_callbacks)
    for other in (nanhai.admin, nanhai.legal):
        client = nanhai.client_for(other)
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(f"{BASE}{job.pk}/confirm/").status_code == 404
        assert client.get(f"{BASE}{job.pk}/").status_code == 404
        assert client.get(f"{BASE}{job.pk}/status/").status_code == 404
        assert client.post(f"{BASE}{job.pk}/cancel/").status_code == 404
    job.refresh_from_db()
    assert job.state == ImportState.CHECKED and Enterprise.objects.count() == 0
    assert jobs.stored_path(job).exists()


def test_a_running_job_is_polled_and_survives_a_reload(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    with transaction.atomic():  # queued, not yet run: the worker has not picked it up
        job = jobs.import_job_create(
            actor=nanhai.district_officer, ledger_id="enterprises", upload=csv_file(good_rows(2))
        )
    for _ in range(2):
        page = client.get(f"{BASE}{job.pk}/").content.decode()
        assert "等待检查" in page and f'hx-get="{BASE}{job.pk}/status/"' in page
    fragment = client.get(f"{BASE}{job.pk}/status/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and 'hx-trigger="every 1s"' in fragment
    listing = client.get(BASE).content.decode()
    assert "我最近的导入" in listing and f"{BASE}{job.pk}/" in listing


def test_progress_inside_the_write_transaction_reaches_the_status_page(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    job = ImportJob.objects.create(
        ledger_id="enterprises",
        user=nanhai.district_officer,
        original_name="大文件.csv",
        fmt="csv",
        state=ImportState.WRITING,
    )
    report = jobs.ProgressReporter(job.pk)
    with transaction.atomic():
        report("写入", 12000, 30000)
    assert jobs.live_progress(job) == ("写入", 12000, 30000)
    page = client.get(f"{BASE}{job.pk}/status/").content.decode()
    assert 'value="12000" max="30000"' in page and "写入：12,000 / 30,000 行" in page and "40%" in page


def test_a_job_that_fails_says_so_in_chinese(nanhai, django_capture_on_commit_callbacks):
    client = nanhai.client_for(nanhai.district_officer)
    job = upload(client, csv_file(good_rows(2)), django_capture_on_commit_callbacks)
    stored = jobs.stored_path(job)
    stored.unlink()
    stored.mkdir()  # the stored file can no longer be read as a file
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}{job.pk}/confirm/")
    job.refresh_from_db()
    stored.rmdir()
    assert job.state == ImportState.FAILED
    page = client.get(f"{BASE}{job.pk}/").content.decode()
    assert "处理失败" in page and "导入失败：后台处理时出现意外错误" in page and "没有写入任何数据" in page
    assert Enterprise.objects.count() == 0


def test_cancel_after_the_check_deletes_the_upload(nanhai, django_capture_on_commit_callbacks):
    client = nanhai.client_for(nanhai.district_officer)
    job = upload(client, csv_file(good_rows(2)), django_capture_on_commit_callbacks)
    response = client.post(f"{BASE}{job.pk}/cancel/", follow=True)
    assert "已取消导入" in response.content.decode()
    job.refresh_from_db()
    assert job.state == ImportState.CANCELLED and not jobs.stored_path(job).exists()
    assert client.post(f"{BASE}{job.pk}/confirm/").status_code == 302
    assert Enterprise.objects.count() == 0


def xlsx_bytes(with_workbook: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if with_workbook:
            archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("企业.xls", b"\xd0\xcf\x11\xe0", "只支持 .xlsx 和 .csv 文件"),
        ("企业.xlsx", b"not a spreadsheet", "文件不是有效的 .xlsx 表格"),
        ("企业.xlsx", xlsx_bytes(with_workbook=False), "文件不是有效的 .xlsx 表格"),
        ("企业.csv", xlsx_bytes(), "这是一个 Excel 表格，不是 CSV 文件"),
        ("企业.csv", HEADER.encode("gb18030"), "CSV 文件必须是 UTF-8 编码"),
        ("企业.csv", b"\x00\x01\x02binary", "不是文本格式的 CSV 表格"),
        ("企业.csv", b"", "所提交的是空文件"),
    ],
)
def test_uploads_are_checked_before_anything_is_stored(nanhai, name, content, message):
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(BASE, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200 and message in response.content.decode()
    assert not ImportJob.objects.exists()
    folder = Path(jobs.upload_dir())
    assert not any(folder.iterdir())


def test_an_upload_over_the_size_limit_is_refused(nanhai, settings):
    settings.EMGOV_UPLOAD_MAX_BYTES = 1024 * 1024
    client = nanhai.client_for(nanhai.district_officer)
    rows = good_rows(2) + ["#" * 200 + "\n"] * 6000
    response = client.post(BASE, {"file": csv_file(rows)})
    assert "超过了 1 MB 的上限" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_town_officers_import_their_towns_rows_only(nanhai, django_capture_on_commit_callbacks):
    town = nanhai.client_for(nanhai.guicheng_officer)
    rows = [f"{code(1)},企业1,桂城街道,工贸,一般风险\n", f"{code(2)},企业2,九江镇,工贸,一般风险\n"]
    job = upload(town, csv_file(rows), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.state == ImportState.INVALID
    page = town.get(f"{BASE}{job.pk}/").content.decode()
    assert "第3行 统一社会信用代码: 该行记录不在您负责的区划内，不能导入" in page and "第2行" not in page
    assert not Enterprise.objects.exists()

    job = upload(town, csv_file(rows[:1]), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        town.post(f"{BASE}{job.pk}/confirm/")
    assert list(Enterprise.objects.values_list("name", "town__name")) == [("企业1", "桂城街道")]


def test_a_town_import_cannot_change_or_move_another_towns_record(nanhai, django_capture_on_commit_callbacks):
    district = nanhai.client_for(nanhai.district_officer)
    job = upload(
        district, csv_file([f"{code(2)},企业2,九江镇,工贸,一般风险\n"]), django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        district.post(f"{BASE}{job.pk}/confirm/")
    town = nanhai.client_for(nanhai.guicheng_officer)
    moved = f"{code(2)},企业2,桂城街道,工贸,一般风险\n"  # into the town's own region
    job = upload(town, csv_file([moved]), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.state == ImportState.INVALID
    assert "该记录不在您负责的区划内，不能通过导入修改" in town.get(f"{BASE}{job.pk}/").content.decode()
    assert Enterprise.objects.get().town.name == "九江镇"


def test_reference_ledgers_are_imported_by_the_bureau_and_leaders_import_nothing(nanhai):
    town = nanhai.client_for(nanhai.guicheng_officer)
    assert town.get("/core/regions/import/").status_code == 404
    assert town.post("/core/regions/import/", {"file": csv_file(good_rows(1))}).status_code == 404
    assert not ImportJob.objects.exists()
    assert nanhai.client_for(nanhai.leader).get(BASE).status_code == 404


def test_a_checked_upload_left_unconfirmed_expires(nanhai, django_capture_on_commit_callbacks):
    client = nanhai.client_for(nanhai.district_officer)
    job = upload(client, csv_file(good_rows(2)), django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=job.pk).update(
        finished_at=timezone.now() - datetime.timedelta(hours=jobs.UNCONFIRMED_HOURS + 1)
    )
    upload(client, csv_file(good_rows(1), name="另一份.csv"), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.state == ImportState.CANCELLED and not jobs.stored_path(job).exists()
    assert "未确认，已自动取消" in client.get(f"{BASE}{job.pk}/").content.decode()
