"""The request pages: register, the steps offered and taken, the clock explained, scope, the to-do list,
the statistics."""

from __future__ import annotations

import datetime

from django.utils import timezone

from emgov.core.models import AuditEntry, HolidayOverride, HolidayYear
from emgov.publicity.models import DisclosureItem, DisclosureRequest
from emgov.publicity.tests.helpers import ID_NUMBER, d, register, reply, take

LIST = "/publicity/requests/"
EXTENSION = {
    "extension_days": 10,
    "extension_reason": "材料多",
    "extension_approved_by": "主任",
    "extension_approved_on": "2023-10-20",
    "extension_notified_on": "2023-10-20",
}


def step(client, request: DisclosureRequest, name: str, **data):
    request.refresh_from_db()
    return client.post(f"{LIST}{request.pk}/steps/{name}/", {"_version": request.version, **data})


def test_legal_officer_registers_a_request_and_sees_its_due_date(nanhai):
    client = nanhai.client_for(nanhai.legal)
    response = client.post(
        f"{LIST}new/",
        {
            "applicant_name": "王建国",
            "applicant_id_number": ID_NUMBER,
            "applicant_phone": "13912345678",
            "channel": "邮寄",
            "submitted_on": "2023-09-25",
            "received_on": "2023-09-27",
            "description": "某仓库火灾事故调查报告",
            "format_wanted": "纸质文本",
            "delivery_wanted": "邮寄",
        },
    )
    request = DisclosureRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{LIST}{request.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "2023-10-31" in page and "2023-09-27后第20个工作日" in page
    assert "国务院节假日安排" in page and "延长答复期限" in page


def test_the_request_page_offers_the_steps_of_its_state(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.legal)
    page = client.get(f"{LIST}{request.pk}/").content.decode()
    for name in ("supplement", "consult", "extend", "reply"):
        assert f'id="step-{name}"' in page and f'action="{LIST}{request.pk}/steps/{name}/"' in page
    assert 'id="step-opinion"' not in page and 'id="step-supplement-received"' not in page
    step(client, request, "extend", **EXTENSION)
    page = client.get(f"{LIST}{request.pk}/").content.decode()
    assert "答复期限只能延长一次，该申请已经延期（政府信息公开条例第三十三条第二款）" in page
    assert 'id="step-supplement"' not in page  # not from 已延期


def test_step_errors_are_shown_in_chinese_next_to_the_field(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.legal)
    late = {**EXTENSION, "extension_approved_on": "2023-11-02", "extension_notified_on": "2023-11-02"}
    response = step(client, request, "extend", **late)
    assert response.status_code == 422
    assert "延长须在答复期限（2023-10-31）届满前批准。" in response.content.decode()
    assert DisclosureRequest.objects.get().extension_days is None


def test_reply_step_then_the_letter_is_offered(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.legal)
    response = step(client, request, "reply", reply_type="予以公开", replied_on="2023-10-20")
    assert response.status_code == 302 and response["Location"] == f"{LIST}{request.pk}/"
    page = client.get(f"{LIST}{request.pk}/").content.decode()
    assert "已办理：答复" in page and "按期答复" in page and f"{LIST}{request.pk}/letter.docx" in page
    assert 'id="step-' not in page


def test_a_stale_step_page_is_refused_and_writes_nothing(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.legal)
    seen = request.version
    dates = {"extension_approved_on": d("2023-10-20"), "extension_notified_on": d("2023-10-20")}
    take("extend", request, nanhai.legal, **{**EXTENSION, **dates})
    response = client.post(
        f"{LIST}{request.pk}/steps/reply/",
        {"_version": seen, "reply_type": "予以公开", "replied_on": "2023-10-20"},
    )
    assert response.status_code == 422 and "已被其他人修改" in response.content.decode()
    request.refresh_from_db()
    assert request.replied_on is None and request.reply_number == ""
    assert not AuditEntry.objects.filter(reason="答复").exists()


def test_a_step_not_of_the_current_state_is_refused_by_the_page(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.legal)
    response = step(client, request, "opinion", consultation_replied_on="2023-10-09")
    assert response.status_code == 422
    assert "“收到第三方意见”不是当前（办理中）可以办理的环节。" in response.content.decode()
    assert DisclosureRequest.objects.get().consultation_replied_on is None
    assert client.get(f"{LIST}{request.pk}/steps/nothing/").status_code == 404


def test_the_earlier_step_address_leads_to_the_step(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.legal)
    moved = client.get(f"{LIST}{request.pk}/reply/")
    assert moved.status_code == 307 and moved["Location"] == f"{LIST}{request.pk}/steps/reply/"
    response = client.post(
        f"{LIST}{request.pk}/reply/",
        {"_version": request.version, "reply_type": "予以公开", "replied_on": "2023-10-20"},
        follow=True,
    )
    assert response.status_code == 200 and "已办理：答复" in response.content.decode()
    assert DisclosureRequest.objects.get().reply_number
    assert client.get(f"{LIST}{request.pk}/nothing/").status_code == 404


def test_town_officer_cannot_see_a_request_of_another_region(nanhai):
    own = register(nanhai.legal, "2023-09-27", region=nanhai.guicheng)
    other = register(nanhai.legal, "2023-09-27", region=nanhai.jiujiang)
    bureau = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"{LIST}{own.pk}/").status_code == 200
    assert client.get(f"{LIST}{other.pk}/").status_code == 404
    assert client.get(f"{LIST}{bureau.pk}/").status_code == 404
    assert client.get(f"{LIST}{other.pk}/letter.docx").status_code == 404
    assert client.get(f"{LIST}{other.pk}/steps/reply/").status_code == 404
    assert client.get(f"{LIST}{own.pk}/steps/reply/").status_code == 403


def test_officer_cannot_handle_requests(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    client = nanhai.client_for(nanhai.district_officer)
    assert 'id="step-' not in client.get(f"{LIST}{request.pk}/").content.decode()
    assert client.get(f"{LIST}{request.pk}/steps/extend/").status_code == 403
    assert step(client, request, "reply", reply_type="予以公开", replied_on="2023-10-20").status_code == 403
    assert client.get(f"{LIST}new/").status_code == 404
    assert DisclosureRequest.objects.get().replied_on is None


def test_overdue_and_soon_due_requests_are_on_the_legal_officers_todo_list(nanhai):
    today = timezone.localdate()
    overdue = register(nanhai.legal, "2023-09-27")
    soon = register(nanhai.legal, today.isoformat())
    reply(register(nanhai.legal, "2023-09-28"), nanhai.legal, "予以公开", "2023-10-09")
    DisclosureRequest.objects.filter(pk=soon.pk).update(due_on=today + datetime.timedelta(days=1))
    page = nanhai.client_for(nanhai.legal).get("/").content.decode()
    assert overdue.number in page and soon.number in page and "已逾期" in page
    assert "YSQ2023-0003" not in page
    assert overdue.number not in nanhai.client_for(nanhai.district_officer).get("/").content.decode()


def test_clock_warns_when_the_year_has_no_holiday_data(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    DisclosureRequest.objects.filter(pk=request.pk).update(
        received_on=d("2099-03-02"), submitted_on=d("2099-03-02")
    )
    page = nanhai.client_for(nanhai.legal).get(f"{LIST}{request.pk}/").content.decode()
    assert "系统未收录2099年的法定节假日安排" in page
    HolidayOverride.objects.create(date=d("2099-10-01"), is_workday=False, note="国庆节")
    page = nanhai.client_for(nanhai.legal).get(f"{LIST}{request.pk}/").content.decode()
    assert "2099年的法定节假日安排尚未标记为已完整录入" in page  # one override is not the whole year
    HolidayYear.objects.create(year=2099, complete=True, notice="国务院办公厅关于2099年部分节假日安排的通知")
    page = nanhai.client_for(nanhai.legal).get(f"{LIST}{request.pk}/").content.decode()
    assert "2099年的法定节假日安排" not in page


def test_statistics_count_the_year(nanhai):
    reply(register(nanhai.legal, "2023-09-27"), nanhai.legal, "予以公开", "2023-10-20")
    reply(
        register(nanhai.legal, "2023-09-27", channel="网络", submitted_on=d("2023-09-26")),
        nanhai.legal,
        "信息不存在",
        "2023-11-01",
    )
    register(nanhai.legal, "2023-12-01")
    DisclosureItem.objects.create(
        number="GK1", title="执法检查计划", category="执法检查", published_on=d("2023-03-01")
    )
    response = nanhai.client_for(nanhai.legal).get("/publicity/requests/statistics/", {"year": 2023})
    stats = response.context["stats"]
    assert (stats["received"], stats["replied"], stats["on_time"], stats["late"], stats["pending"]) == (
        3,
        2,
        1,
        1,
        1,
    )
    assert dict(stats["by_channel"]) == {"当面": 2, "邮寄": 0, "网络": 1, "传真": 0}
    assert dict(stats["by_reply_type"])["信息不存在"] == 1
    assert stats["items_by_category"] == [("执法检查", 1)]
