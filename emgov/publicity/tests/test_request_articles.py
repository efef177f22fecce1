"""依申请公开 (政府信息公开条例第三十条、第三十二条、第三十三条): the 补正期限 and the deemed withdrawal of
an application not completed in time, the periods read from the rule table on the receipt date, and the
letters of each step (补正告知书, 征求意见函, 延期答复告知书, 答复书) as .docx and PDF — through the
service (`DISCLOSURE_REQUEST.take`), the pages and the API."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from docx import Document

from emgov.core import services
from emgov.core.models import RuleVersion
from emgov.publicity.models import DisclosureRequest, RequestStatus
from emgov.publicity.procedures import DISCLOSURE_REQUEST
from emgov.publicity.queries import open_requests, request_todos, year_statistics
from emgov.publicity.services.letters import letters_of
from emgov.publicity.tests.helpers import d, register, take

LIST = "/publicity/requests/"
API = "/api/publicity/disclosure-requests"
NOTE = "请写明文件名称、文号或内容"


def ask(request, actor, on: str = "2023-09-27", **kw) -> DisclosureRequest:
    return take("supplement", request, actor, supplement_requested_on=d(on), supplement_note=NOTE, **kw)


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


# 第三十条: the 补正 notice, its period, and the deemed withdrawal ------------------------------------


def test_art_30_the_supplement_period_runs_the_rules_working_days_across_the_national_day_holiday(nanhai):
    # 15 working days from 2023-09-27: 09-28, the holiday 09-29 to 10-06 does not count, 10-07 and 10-08 do.
    request = ask(register(nanhai.legal, "2023-09-25"), nanhai.legal)
    assert request.supplement_due_on == d("2023-10-24")
    assert request.status == RequestStatus.SUPPLEMENT and request.due_on is None


def test_art_30_the_notice_may_give_its_own_reasonable_period_but_not_none(nanhai):
    request = register(nanhai.legal, "2023-09-25")
    with pytest.raises(ValidationError) as refused:
        ask(request, nanhai.legal, supplement_due_on=d("2023-09-27"))
    assert refused.value.error_dict["supplement_due_on"][0].code == "supplement_due_too_early"
    assert "第三十条" in str(refused.value)
    assert ask(request, nanhai.legal, supplement_due_on=d("2023-10-31")).supplement_due_on == d("2023-10-31")


def test_art_30_the_notice_is_given_within_7_working_days_of_receipt(nanhai):
    request = register(nanhai.legal, "2023-09-25")  # the 7th working day is 2023-10-10
    with pytest.raises(ValidationError, match="最迟为2023-10-10（条例第三十条）"):
        ask(request, nanhai.legal, on="2023-10-11")
    assert ask(request, nanhai.legal, on="2023-10-10").supplement_requested_on == d("2023-10-10")


def test_art_30_an_application_not_completed_in_time_is_deemed_withdrawn(nanhai):
    request = ask(register(nanhai.legal, "2023-09-25"), nanhai.legal)
    with pytest.raises(ValidationError) as refused:
        take("deem-withdrawn", request, nanhai.legal, withdrawn_on=d("2023-10-24"))
    assert refused.value.error_dict["withdrawn_on"][0].code == "supplement_not_due"
    request = take("deem-withdrawn", request, nanhai.legal, withdrawn_on=d("2023-10-25"))
    assert (request.status, request.withdrawn_on, request.due_on) == (
        RequestStatus.WITHDRAWN,
        d("2023-10-25"),
        None,
    )
    assert DISCLOSURE_REQUEST.state_label(request) == "视为放弃申请"
    assert DISCLOSURE_REQUEST.available(request, nanhai.legal) == []
    with pytest.raises(ValidationError, match="“答复”不是当前（视为放弃申请）可以办理的环节"):
        take("reply", request, nanhai.legal, reply_type="予以公开", replied_on=d("2023-10-26"))
    assert not open_requests(nanhai.legal).exists()
    stats = year_statistics(nanhai.legal, 2023)
    assert (stats["withdrawn"], stats["pending"]) == (1, 0)


def test_art_30_the_withdrawal_is_refused_until_the_period_has_passed(nanhai):
    today = timezone.localdate()
    request = ask(register(nanhai.legal, today.isoformat()), nanhai.legal, on=today.isoformat())
    [option] = [
        o for o in DISCLOSURE_REQUEST.options(request, nanhai.legal) if o.step.name == "deem-withdrawn"
    ]
    assert "补正期限尚未届满" in option.refusal and "政府信息公开条例第三十条" in option.refusal
    with pytest.raises(ValidationError, match="补正期限尚未届满"):
        take("deem-withdrawn", request, nanhai.legal, withdrawn_on=today)


def test_art_30_the_to_do_list_names_a_request_whose_supplement_period_has_passed(nanhai):
    request = ask(register(nanhai.legal, "2023-09-25"), nanhai.legal)
    assert not [
        i for i in request_todos(nanhai.legal, today=datetime.date(2023, 10, 24)) if i.kind == "补正逾期"
    ]
    [item] = [
        i for i in request_todos(nanhai.legal, today=datetime.date(2023, 10, 25)) if i.kind == "补正逾期"
    ]
    assert item.overdue and request.number in item.title and "视为放弃申请" in item.title
    assert item.due == d("2023-10-24") and item.url == f"{LIST}{request.pk}/"
    take("supplement-received", request, nanhai.legal, supplement_completed_on=d("2023-10-20"))
    assert not [
        i for i in request_todos(nanhai.legal, today=datetime.date(2023, 10, 25)) if i.kind == "补正逾期"
    ]


def test_art_30_the_withdrawal_through_the_page_and_the_api(nanhai):
    client = nanhai.client_for(nanhai.legal)
    request = ask(register(nanhai.legal, "2023-09-25"), nanhai.legal)
    page = client.get(f"{LIST}{request.pk}/").content.decode()
    assert 'id="step-deem-withdrawn"' in page and "补正期限至2023-10-24" in page
    stale = client.post(
        f"{LIST}{request.pk}/steps/deem-withdrawn/",
        {"withdrawn_on": "2023-10-25", "_version": request.version - 1},
    )
    assert stale.status_code == 422 and DisclosureRequest.objects.get().withdrawn_on is None
    steps = client.get(f"{API}/{request.pk}/steps").json()
    assert "deem-withdrawn" in [s["name"] for s in steps["steps"] if s["available"]]
    taken = post(
        client,
        f"{API}/{request.pk}/steps/deem-withdrawn",
        {"version": request.version, "withdrawn_on": "2023-10-25"},
    )
    assert taken.status_code == 200, taken.content
    assert (taken.json()["status"], taken.json()["withdrawn_on"], taken.json()["due_on"]) == (
        "视为放弃",
        "2023-10-25",
        None,
    )
    again = post(
        client,
        f"{API}/{request.pk}/steps/reply",
        {"version": request.version + 1, "reply_type": "予以公开", "replied_on": "2023-10-26"},
    )
    assert again.status_code == 422 and "不是当前（视为放弃申请）可以办理的环节" in again.content.decode()
    page = client.get(f"{LIST}{request.pk}/").content.decode()
    assert "视为放弃申请" in page and "不再处理该申请" in page


def test_art_30_the_supplement_notice_tells_what_by_when_and_what_follows(nanhai):
    request = ask(register(nanhai.legal, "2023-09-25", applicant_name="罗国华"), nanhai.legal)
    [(kind, letter)] = letters_of(request)
    assert kind == "supplement"
    text = docx_text(letter.build(request).to_bytes())
    assert "政府信息公开申请补正告知书" in text and "罗国华" in text and NOTE in text
    assert "2023年10月24日前" in text and "视为放弃申请" in text and "第三十条" in text


# 第三十二条: the third party's 15 working days -----------------------------------------------------


def test_art_32_the_consultation_letter_gives_the_third_party_15_working_days(nanhai):
    request = register(nanhai.legal, "2023-09-25", applicant_name="李晓红")
    request = take(
        "consult",
        request,
        nanhai.legal,
        consultation_party="佛山市南海区某化工有限公司",
        consultation_sent_on=d("2023-09-27"),
    )
    text = docx_text(dict(letters_of(request))["consultation"].build(request).to_bytes())
    assert "征求第三方意见函" in text and "佛山市南海区某化工有限公司" in text
    assert "15个工作日内" in text and "第三十二条" in text and "李晓红" not in text


# 第三十三条: the answer period and its extension -------------------------------------------------------


def test_art_33_the_answer_is_due_20_working_days_after_receipt_across_the_spring_festival(nanhai):
    # 2024-01-29 + 20 working days: the holiday 02-10 to 02-17 does not count, 02-04 and 02-18 do.
    assert register(nanhai.legal, "2024-01-29").due_on == d("2024-02-29")


def test_art_33_the_extension_is_told_to_the_applicant_in_its_notice(nanhai):
    request = take(
        "extend",
        register(nanhai.legal, "2024-01-29", applicant_name="黄丽萍"),
        nanhai.legal,
        extension_days=15,
        extension_reason="申请内容涉及多个镇街的数据，需汇总核实",
        extension_approved_by="政务公开办公室主任",
        extension_approved_on=d("2024-02-26"),
        extension_notified_on=d("2024-02-27"),
    )
    assert request.due_on == d("2024-03-21")
    text = docx_text(dict(letters_of(request))["extension"].build(request).to_bytes())
    assert "政府信息公开申请延期答复告知书" in text and "黄丽萍" in text
    assert "需汇总核实" in text and "延长15个工作日" in text and "2024年3月21日前" in text
    assert "第三十三条第二款" in text and "2024年2月27日" in text


def test_art_33_a_new_version_of_the_answer_period_applies_to_requests_received_after_it(nanhai):
    services.record_create(
        RuleVersion(
            key="publicity.answer_days",
            value=Decimal(15),
            effective_from=d("2024-03-01"),
            basis="某规定第五条（测试）",
        ),
        actor=nanhai.admin,
    )
    before = register(nanhai.legal, "2024-02-29")
    after = register(nanhai.legal, "2024-03-01")
    assert (before.due_on, after.due_on) == (d("2024-03-28"), d("2024-03-22"))
    page = nanhai.client_for(nanhai.legal).get(f"{LIST}{after.pk}/").content.decode()
    assert "15个工作日（条例第三十三条第二款）" in page


# Every letter, from the request's page and the API -------------------------------------------------


def test_every_letter_is_downloaded_as_docx_and_pdf_from_the_request_page_and_the_api(nanhai):
    client = nanhai.client_for(nanhai.legal)
    request = register(nanhai.legal, "2023-09-25")
    assert client.get(f"{LIST}{request.pk}/letters/supplement.docx").status_code == 404
    request = ask(request, nanhai.legal)
    request = take("supplement-received", request, nanhai.legal, supplement_completed_on=d("2023-10-09"))
    request = take(
        "consult", request, nanhai.legal, consultation_party="某公司", consultation_sent_on=d("2023-10-10")
    )
    request = take("opinion", request, nanhai.legal, consultation_replied_on=d("2023-10-20"))
    request = take(
        "extend",
        request,
        nanhai.legal,
        extension_days=10,
        extension_reason="材料较多",
        extension_approved_by="主任",
        extension_approved_on=d("2023-10-23"),
        extension_notified_on=d("2023-10-23"),
    )
    request = take("reply", request, nanhai.legal, reply_type="予以公开", replied_on=d("2023-11-10"))
    page = client.get(f"{LIST}{request.pk}/").content.decode()
    kinds = ("supplement", "consultation", "extension", "reply")
    for kind in kinds:
        assert f'data-letter="{kind}"' in page
        docx = client.get(f"{LIST}{request.pk}/letters/{kind}.docx")
        assert docx.status_code == 200 and "attachment" in docx["Content-Disposition"]
        assert request.number in docx_text(docx.content)
        pdf = client.get(f"{LIST}{request.pk}/letters/{kind}.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        api = client.get(f"{API}/{request.pk}/letters/{kind}.docx")
        assert api.status_code == 200 and docx_text(api.content) == docx_text(docx.content)
    assert client.get(f"{LIST}{request.pk}/letters/unknown.docx").status_code == 404
    assert client.get(f"{LIST}{request.pk}/letters/reply.txt").status_code == 404


def test_the_rules_page_lists_the_disclosure_periods_and_what_is_to_confirm(nanhai):
    page = nanhai.client_for(nanhai.legal).get("/core/rules/").content.decode()
    for label in ("依申请公开答复期限", "一次性告知补正期限", "申请人补正期限（默认）", "第三方提出意见期限"):
        assert label in page
    assert "合理的补正期限" in page and "补正期限尚未届满" in page
