"""The answer clock of a disclosure request: 20 working days, extension, supplement, consultation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit, workdays
from emgov.publicity import services
from emgov.publicity.deadlines import compute_clock
from emgov.publicity.models import DisclosureRequest, RequestStatus
from emgov.publicity.tests.helpers import d, register


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


def test_extension_adds_working_days_once(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    extension = {
        "days": 20,
        "reason": "需要汇总多个镇街的材料",
        "approved_by": "政务公开办主任",
        "approved_on": d("2023-10-25"),
        "notified_on": d("2023-10-26"),
    }
    request = services.disclosure_request_extend(request, actor=nanhai.legal, **extension)
    assert request.due_on == workdays.add_workdays(d("2023-09-27"), 40) == d("2023-11-28")
    assert request.status == RequestStatus.EXTENDED
    with pytest.raises(ValidationError) as exc:
        services.disclosure_request_extend(request, actor=nanhai.legal, **{**extension, "days": 5})
    assert exc.value.code == "extension_once"
    assert "答复期限只能延长一次" in exc.value.messages[0]
    assert DisclosureRequest.objects.get().extension_days == 20


def test_extension_beyond_twenty_days_or_without_approver_is_refused(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        services.disclosure_request_extend(
            request,
            actor=nanhai.legal,
            days=21,
            reason="材料多",
            approved_by="",
            approved_on=d("2023-10-25"),
            notified_on=d("2023-10-25"),
        )
    errors = exc.value.message_dict
    assert "延长的期限为1至20个工作日。" in errors["extension_days"]
    assert "审批人" in errors["extension_approved_by"][0]


def test_extension_after_the_due_date_is_refused(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        services.disclosure_request_extend(
            request,
            actor=nanhai.legal,
            days=10,
            reason="材料多",
            approved_by="主任",
            approved_on=d("2023-11-01"),
            notified_on=d("2023-11-01"),
        )
    assert "延长须在答复期限（2023-10-31）届满前批准。" in exc.value.message_dict["extension_approved_on"]


def test_supplement_restarts_the_clock_from_the_completed_application(nanhai):
    request = register(nanhai.legal, "2023-09-04")
    request = services.disclosure_request_ask_supplement(
        request, actor=nanhai.legal, requested_on=d("2023-09-06"), note="请写明文件名称"
    )
    assert request.due_on is None and request.status == RequestStatus.SUPPLEMENT
    assert compute_clock(request).waiting
    request = services.disclosure_request_receive_supplement(
        request, actor=nanhai.legal, completed_on=d("2023-09-27")
    )
    assert request.due_on == d("2023-10-31") and request.status == RequestStatus.OPEN


def test_supplement_is_asked_within_seven_working_days_and_only_once(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        services.disclosure_request_ask_supplement(
            request, actor=nanhai.legal, requested_on=d("2023-10-17"), note="请写明文件名称"
        )
    latest = workdays.add_workdays(d("2023-09-27"), 7)
    assert f"本申请最迟为{latest:%Y-%m-%d}" in exc.value.message_dict["supplement_requested_on"][0]
    request = services.disclosure_request_ask_supplement(
        request, actor=nanhai.legal, requested_on=latest, note="请写明文件名称"
    )
    with pytest.raises(ValidationError) as exc:
        services.disclosure_request_ask_supplement(
            request, actor=nanhai.legal, requested_on=latest, note="再补"
        )
    assert exc.value.code == "supplement_once"


def test_consultation_working_days_do_not_count(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    request = services.disclosure_request_consult(
        request, actor=nanhai.legal, party="某化工有限公司", sent_on=d("2023-10-09")
    )
    assert request.status == RequestStatus.CONSULTING
    assert request.due_on == workdays.add_workdays(d("2023-09-27"), 35)
    request = services.disclosure_request_receive_opinion(
        request, actor=nanhai.legal, replied_on=d("2023-10-13")
    )
    # 10-10 … 10-13: four working days of consultation
    assert request.due_on == workdays.add_workdays(d("2023-10-31"), 4) == d("2023-11-06")
    assert "4个工作日不计入答复期限" in dict(compute_clock(request).steps)["征求第三方意见"]


def test_reply_is_numbered_and_late_reply_is_recorded_as_late(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    request = services.disclosure_request_reply(
        request, actor=nanhai.legal, reply_type="信息不存在", replied_on=d("2023-11-02")
    )
    assert request.reply_number == "（南海）应急公开答〔2023〕1号"
    assert request.status == RequestStatus.REPLIED and request.is_late
    with pytest.raises(ValidationError) as exc:
        services.disclosure_request_extend(
            request,
            actor=nanhai.legal,
            days=5,
            reason="x",
            approved_by="y",
            approved_on=d("2023-10-20"),
            notified_on=d("2023-10-20"),
        )
    assert exc.value.code == "replied"


def test_withholding_needs_reasons_and_takes_no_number(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        services.disclosure_request_reply(
            request, actor=nanhai.legal, reply_type="不予公开", replied_on=d("2023-10-20")
        )
    assert "须写明理由" in exc.value.message_dict["reply_content"][0]
    request = services.disclosure_request_reply(
        request, actor=nanhai.legal, reply_type="予以公开", replied_on=d("2023-10-20")
    )
    assert request.reply_number.endswith("〔2023〕1号") and not request.is_late


def test_stale_step_is_refused(nanhai):
    request = register(nanhai.legal, "2023-09-27")
    with pytest.raises(ValidationError) as exc:
        services.disclosure_request_reply(
            request, actor=nanhai.legal, reply_type="予以公开", replied_on=d("2023-10-20"), expected_version=0
        )
    assert exc.value.code == "stale"
