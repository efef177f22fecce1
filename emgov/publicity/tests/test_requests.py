"""The procedure of a disclosure request: the answer clock of 20 working days, extension, supplement,
consultation, the reply; the rules of 政府信息公开条例 that refuse a step, and stale steps."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit, workdays
from emgov.publicity.models import DisclosureRequest, RequestStatus
from emgov.publicity.procedures import DISCLOSURE_REQUEST
from emgov.publicity.services.deadlines import compute_clock
from emgov.publicity.tests.helpers import d, register, reply, take

EXTENSION = {
    "extension_days": 20,
    "extension_reason": "需要汇总多个镇街的材料",
    "extension_approved_by": "政务公开办主任",
    "extension_approved_on": d("2023-10-25"),
    "extension_notified_on": d("2023-10-26"),
}


def test_request_received_before_national_day_is_due_after_the_holiday(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    assert request.due_on == workdays.add_workdays(d("2023-09-27"), 20) == d("2023-10-31")
    assert request.number == "YSQ2023-0001" and request.status == RequestStatus.OPEN
    assert audit.history(request).get().action == "create"


def test_numbers_follow_each_other_within_the_year(nanhai):
    register(nanhai.legal, "2023-09-27")
    assert register(nanhai.legal, "2023-10-09").number == "YSQ2023-0002"


def test_in_person_application_is_received_the_day_it_is_submitted(nanhai):
    with pytest.raises(ValidationError) as exc:
        register(nanhai.legal, "2023-09-27", submitted_on=d("2023-09-26"))
    assert "当面提交的申请，收到日期即提交日期" in exc.value.message_dict["received_on"]
    assert not DisclosureRequest.objects.exists()


def test_extension_adds_working_days_once_citing_the_regulation(nanhai):
    request = take("extend", register(nanhai.legal, "2023-09-27"), nanhai.legal, **EXTENSION)
    assert request.due_on == workdays.add_workdays(d("2023-09-27"), 40) == d("2023-11-28")
    assert request.status == RequestStatus.EXTENDED
    assert audit.history(request).first().reason == "延长答复期限"
    with pytest.raises(ValidationError) as exc:
        take("extend", request, nanhai.legal, **{**EXTENSION, "extension_days": 5})
    assert "答复期限只能延长一次" in exc.value.messages[0]
    assert "政府信息公开条例第三十三条第二款" in exc.value.messages[0]
    assert DisclosureRequest.objects.get().extension_days == 20


def test_extension_beyond_twenty_days_or_without_approver_is_refused(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        take(
            "extend",
            request,
            nanhai.legal,
            **{**EXTENSION, "extension_days": 21, "extension_approved_by": ""},
        )
    errors = exc.value.message_dict
    assert "延长的期限为1至20个工作日（条例第三十三条第二款）。" in errors["extension_days"]
    assert "审批人" in errors["extension_approved_by"][0]
    assert DisclosureRequest.objects.get().extension_days is None


def test_extension_after_the_due_date_is_refused(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    late = {"extension_approved_on": d("2023-11-01"), "extension_notified_on": d("2023-11-01")}
    with pytest.raises(ValidationError) as exc:
        take("extend", request, nanhai.legal, **{**EXTENSION, **late})
    assert "延长须在答复期限（2023-10-31）届满前批准。" in exc.value.message_dict["extension_approved_on"]


def test_supplement_restarts_the_clock_from_the_completed_application(nanhai):
    request = register(nanhai.legal, "2023-09-04")
    request = take(
        "supplement",
        request,
        nanhai.legal,
        supplement_requested_on=d("2023-09-06"),
        supplement_note="请写明文件名称",
    )
    assert request.due_on is None and request.status == RequestStatus.SUPPLEMENT
    assert compute_clock(request).waiting
    request = take("supplement-received", request, nanhai.legal, supplement_completed_on=d("2023-09-27"))
    assert request.due_on == d("2023-10-31") and request.status == RequestStatus.OPEN


def test_supplement_is_asked_within_seven_working_days_and_only_once(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        take(
            "supplement",
            request,
            nanhai.legal,
            supplement_requested_on=d("2023-10-17"),
            supplement_note="请写明",
        )
    latest = workdays.add_workdays(d("2023-09-27"), 7)
    assert f"本申请最迟为{latest:%Y-%m-%d}" in exc.value.message_dict["supplement_requested_on"][0]
    request = take(
        "supplement", request, nanhai.legal, supplement_requested_on=latest, supplement_note="请写明"
    )
    request = take("supplement-received", request, nanhai.legal, supplement_completed_on=latest)
    assert [
        o.refusal for o in DISCLOSURE_REQUEST.options(request, nanhai.legal) if o.step.name == "supplement"
    ] == ["补正应一次性告知：该申请已经通知过补正，不能再次通知（政府信息公开条例第三十条）"]
    with pytest.raises(ValidationError) as exc:
        take("supplement", request, nanhai.legal, supplement_requested_on=latest, supplement_note="再补")
    assert "政府信息公开条例第三十条" in exc.value.messages[0]
    assert DisclosureRequest.objects.get().supplement_note == "请写明"


def test_no_step_but_the_completed_application_or_after_its_period_the_withdrawal_while_waiting(nanhai):
    request = take(
        "supplement",
        register(nanhai.legal, "2023-09-27"),
        nanhai.legal,
        supplement_requested_on=d("2023-09-28"),
        supplement_note="请写明文件名称",
    )
    # The 补正期限 (2023-10-24) is long past: the application may also be deemed withdrawn.
    assert [s.name for s in DISCLOSURE_REQUEST.available(request, nanhai.legal)] == [
        "supplement-received",
        "deem-withdrawn",
    ]
    with pytest.raises(ValidationError) as exc:
        reply(request, nanhai.legal, "予以公开", "2023-10-20")
    assert exc.value.messages == ["“答复”不是当前（待补正）可以办理的环节。"]


def test_consultation_working_days_do_not_count(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    request = take(
        "consult",
        request,
        nanhai.legal,
        consultation_party="某化工有限公司",
        consultation_sent_on=d("2023-10-09"),
    )
    assert request.status == RequestStatus.CONSULTING
    assert request.due_on == workdays.add_workdays(d("2023-09-27"), 35)
    request = take("opinion", request, nanhai.legal, consultation_replied_on=d("2023-10-13"))
    # 10-10 … 10-13: four working days of consultation
    assert request.due_on == workdays.add_workdays(d("2023-10-31"), 4) == d("2023-11-06")
    assert "4个工作日不计入答复期限" in dict(compute_clock(request).steps)["征求第三方意见"]
    with pytest.raises(ValidationError, match="第三十二条"):
        take(
            "consult",
            request,
            nanhai.legal,
            consultation_party="另一公司",
            consultation_sent_on=d("2023-10-16"),
        )


def test_reply_is_numbered_and_late_reply_is_recorded_as_late(nanhai):
    request = reply(register(nanhai.legal, "2023-09-27"), nanhai.legal, "信息不存在", "2023-11-02")
    assert request.reply_number == "（南海）应急公开答〔2023〕1号"
    assert request.status == RequestStatus.REPLIED and request.is_late
    assert DISCLOSURE_REQUEST.options(request, nanhai.legal) == []
    with pytest.raises(ValidationError) as exc:
        take("extend", request, nanhai.legal, **{**EXTENSION, "extension_approved_on": d("2023-10-20")})
    assert exc.value.code == "step_refused" and "已答复" in exc.value.messages[0]


def test_withholding_needs_reasons_and_takes_no_number(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        reply(request, nanhai.legal, "不予公开", "2023-10-20")
    assert "须写明理由" in exc.value.message_dict["reply_content"][0]
    request = reply(request, nanhai.legal, "予以公开", "2023-10-20")
    assert request.reply_number.endswith("〔2023〕1号") and not request.is_late


def test_stale_step_is_refused_and_writes_nothing(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        DISCLOSURE_REQUEST.take(
            "reply",
            request,
            actor=nanhai.legal,
            expected_version=request.version - 1,
            reply_type="予以公开",
            replied_on=d("2023-10-20"),
        )
    assert exc.value.code == "stale"
    request.refresh_from_db()
    assert request.replied_on is None and request.reply_number == ""


def test_only_the_legal_staff_take_steps(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        reply(request, nanhai.district_officer, "予以公开", "2023-10-20")
    assert exc.value.code == "forbidden"
    assert DISCLOSURE_REQUEST.options(request, nanhai.leader) == []
    assert DisclosureRequest.objects.get().replied_on is None
