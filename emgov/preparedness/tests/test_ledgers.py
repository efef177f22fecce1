"""The plans ledger: a published plan comes with its approval, or says it was published before the system;
the import, the form and the steps refuse an unapproved publication alike."""

from __future__ import annotations

import csv
import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from emgov.core import services
from emgov.core.models import AuditEntry
from emgov.preparedness.models import EmergencyPlan
from emgov.preparedness.procedures import PLAN
from emgov.preparedness.rules import PLAN_APPROVAL_ARTICLE
from emgov.preparedness.tests.factories import plan

D = datetime.date
HEADER = [
    "预案编号",
    "预案名称",
    "预案类型",
    "编制单位",
    "发布日期",
    "批准日期",
    "批准机关",
    "系统启用前已发布",
]
UNAPPROVED = (
    "已发布的应急预案须先经批准：请填写批准日期和批准机关，本系统启用前已发布的预案请注明“系统启用前已发布”"
    f"（{PLAN_APPROVAL_ARTICLE}）"
)


def plans_file(tmp_path, *rows: list[str]) -> str:
    path = tmp_path / "应急预案台账.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows([HEADER, *rows])
    return str(path)


def import_refused(path: str, capsys) -> list[str]:
    with pytest.raises(SystemExit) as exc:
        call_command("import", "plans", path)
    assert exc.value.code == 1
    return capsys.readouterr().err.splitlines()


def row(number: str, published: str, approved: str = "", body: str = "", legacy: str = "") -> list[str]:
    return [number, f"{number}应急预案", "专项应急预案", "应急", published, approved, body, legacy]


def test_the_import_refuses_a_published_plan_without_approval_and_writes_nothing(nanhai, tmp_path, capsys):
    audit_rows = AuditEntry.objects.count()
    path = plans_file(
        tmp_path,
        row("YA-1", "2023-03-10", "2023-03-01", "佛山市南海区人民政府"),
        row("YA-2", "2023-03-10"),
        row("YA-3", "2023-03-10", "2023-03-01"),
        row("YA-4", "2023-03-10", "2023-03-20", "佛山市南海区人民政府"),
    )
    assert import_refused(path, capsys) == [
        f"第3行 批准日期: {UNAPPROVED}",
        f"第4行 批准机关: {UNAPPROVED}",
        f"第5行 发布日期: 发布日期不能早于批准日期2023-03-20：应急预案经批准后方可发布（{PLAN_APPROVAL_ARTICLE}）",
        "共4行，发现3处错误，未写入任何数据。",
    ]
    assert not EmergencyPlan.objects.exists() and AuditEntry.objects.count() == audit_rows


def test_a_plan_published_before_the_system_is_imported_with_its_approval_or_its_marker(
    nanhai, tmp_path, capsys
):
    path = plans_file(
        tmp_path,
        row("YA-1", "2019-05-10", "2019-04-28", "佛山市南海区人民政府"),
        row("YA-2", "2018年6月1日", legacy="是"),
        row("YA-3", ""),
    )
    call_command("import", "plans", path)
    assert capsys.readouterr().out.strip() == "已导入：共3行，新增3条，更新0条，无变化0条。"
    approved, legacy, draft = EmergencyPlan.objects.order_by("number")
    assert (approved.approved_on, approved.approved_by) == (D(2019, 4, 28), "佛山市南海区人民政府")
    assert not approved.published_before_system and legacy.published_before_system
    assert [PLAN.state(p) for p in (approved, legacy, draft)] == ["published", "published", "draft"]


def test_the_import_does_not_turn_a_published_plan_back_into_a_draft(nanhai, tmp_path, capsys):
    plan("YA-1", published_on=D(2022, 1, 1))
    errors = import_refused(plans_file(tmp_path, row("YA-1", "")), capsys)
    assert errors[0] == "第2行 发布日期: 已发布的应急预案不能改回草案：修订请在预案页面“启动修订”"
    assert EmergencyPlan.objects.get().published_on == D(2022, 1, 1)


def test_the_steps_and_the_record_refuse_to_publish_an_unapproved_plan(nanhai):
    officer = nanhai.district_officer
    draft = plan("YA-NEW", published_on=None)
    with pytest.raises(ValidationError, match="不是当前（草案）可以办理的环节"):
        PLAN.take("publish", draft, actor=officer, published_on=D(2023, 3, 10))
    with pytest.raises(ValidationError) as refused:
        services.record_update(draft, actor=officer, changes={"published_on": D(2023, 3, 10)})
    assert refused.value.message_dict == {"approved_on": [UNAPPROVED]}
    draft.refresh_from_db()
    assert draft.published_on is None and PLAN.state(draft) == "draft"


def test_an_unapproved_plan_cannot_be_published_through_the_api(nanhai):
    draft = plan("YA-NEW", published_on=None)
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(
        f"/api/preparedness/plans/{draft.pk}/steps/publish",
        json.dumps({"version": draft.version, "published_on": "2023-03-10"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == {"__all__": ["“登记发布”不是当前（草案）可以办理的环节。"]}
    draft.refresh_from_db()
    assert draft.published_on is None
