"""The time limits of 行政许可法 at each step, named after their articles, through the procedure, the
case page and the API, with dates across the 2023 National Day and the 2024 Spring Festival.

2023: 9-29 to 10-6 are off, Saturday 10-7 and Sunday 10-8 are worked.
2024: 2-10 to 2-17 are off, Sunday 2-4 and Sunday 2-18 are worked.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit, services
from emgov.core.models import RuleVersion
from emgov.core.navigation import todo_for
from emgov.licensing import services as licensing
from emgov.licensing.models import ExcludedPeriod, LicensingCase
from emgov.licensing.procedures import LICENSING_CASE
from emgov.licensing.tests.factories import D, accepted, apply, make_item

pytestmark = pytest.mark.django_db

CASES = "/licensing/licensing/"


def working_item(name: str = "危险化学品经营许可证核发", **fields):
    return make_item(name, working_days=True, **fields)


def page(client, case: LicensingCase) -> str:
    return client.get(f"{CASES}{case.pk}/").content.decode()


def post(client, url: str, body: dict):
    return client.post(url, json.dumps(body), content_type="application/json")


# 第三十二条: 补正 told once within 5 working days, else accepted on receipt ------------------------------


def test_art_32_without_a_supplement_notice_in_five_working_days_the_application_counts_as_accepted_on_receipt(
    nanhai,
):
    # Received Monday 9-25: the five working days are 9-26, 9-27, 9-28, 10-7 and 10-8 (worked weekend).
    case = apply(working_item(), applied_on=D(2023, 9, 25))
    case = LICENSING_CASE.take("accept", case, actor=nanhai.legal, accepted_on=D(2023, 10, 9))
    # Twenty working days run from 9-25, not from the 受理 of 10-9 (which would end 11-6).
    assert case.decision_due_on == D(2023, 10, 27)
    text = page(nanhai.client_for(nanhai.legal), case)
    assert "未在2023-10-08前告知补正" in text and "自收到申请材料之日（2023-09-25）起即为受理" in text
    assert 'data-due="decision">2023-10-27' in text
    body = nanhai.client_for(nanhai.legal).get(f"/api/licensing/cases/{case.pk}").json()
    assert (body["deemed_accepted"], body["clock_start_on"], body["supplement_due_on"]) == (
        True,
        "2023-09-25",
        "2023-10-08",
    )


def test_art_32_an_application_accepted_within_five_working_days_runs_from_its_acceptance(nanhai):
    case = apply(working_item(), applied_on=D(2023, 9, 25))
    case = LICENSING_CASE.take("accept", case, actor=nanhai.legal, accepted_on=D(2023, 10, 8))
    assert case.decision_due_on == D(2023, 11, 3)
    assert "即为受理" not in page(nanhai.client_for(nanhai.legal), case)


def test_art_32_a_supplement_notice_after_five_working_days_is_refused(nanhai):
    # Received Wednesday 2024-02-07: 2-8, 2-9, Sunday 2-18 (worked), 2-19, 2-20 — the Spring Festival between.
    case = apply(working_item(), applied_on=D(2024, 2, 7))
    with pytest.raises(ValidationError) as caught:
        LICENSING_CASE.take(
            "request_supplement", case, actor=nanhai.legal, requested_on=D(2024, 2, 21), items="营业执照副本"
        )
    assert caught.value.message_dict["requested_on"][0].startswith(
        "补正须在收到申请材料后5个工作日内（2024-02-20前）"
    )
    assert "行政许可法第三十二条第一款第四项" in caught.value.message_dict["requested_on"][0]
    assert LicensingCase.objects.get(pk=case.pk).supplement_requested_on is None


def test_art_32_supplement_is_told_once_and_the_time_limit_runs_from_acceptance_after_it(nanhai):
    case = apply(working_item(), applied_on=D(2024, 2, 7))
    case = LICENSING_CASE.take(
        "request_supplement",
        case,
        actor=nanhai.legal,
        requested_on=D(2024, 2, 20),
        items="主要负责人安全考核合格证明\n经营场所租赁合同",
    )
    assert (case.stage, LICENSING_CASE.state(case)) == ("待补正", "supplementing")
    with pytest.raises(ValidationError, match="不是当前（已告知补正，待申请人补正）可以办理的环节"):
        LICENSING_CASE.take("accept", case, actor=nanhai.legal, accepted_on=D(2024, 2, 21))
    case = LICENSING_CASE.take("supplement_received", case, actor=nanhai.legal, completed_on=D(2024, 2, 26))
    refusal = LICENSING_CASE.refusal(case, LICENSING_CASE.step("request_supplement"))
    assert "一次告知" in refusal and "行政许可法第三十二条第一款第四项" in refusal
    case = LICENSING_CASE.take("accept", case, actor=nanhai.legal, accepted_on=D(2024, 2, 26))
    # Late 受理 after a timely notice is not deemed: 20 working days from 2-26.
    assert case.decision_due_on == D(2024, 3, 25)
    assert audit.history(case).filter(reason="一次性告知补正").exists()


def test_art_32_the_supplement_steps_through_the_page_and_the_api(nanhai):
    case = apply(working_item(), applied_on=D(2023, 9, 25))
    client = nanhai.client_for(nanhai.legal)
    text = page(client, case)
    assert 'id="step-request_supplement"' in text and "补正告知期限" in text and "2023-10-08" in text
    late = client.post(
        f"{CASES}{case.pk}/steps/request_supplement/",
        {"requested_on": "2023-10-09", "items": "营业执照", "_version": case.version},
    )
    assert late.status_code == 422 and "即为受理" in late.content.decode()
    url = f"/api/licensing/cases/{case.pk}/steps"
    body = post(
        client, f"{url}/request_supplement", {"requested_on": "2023-10-08", "items": "营业执照", "version": 1}
    )
    assert body.status_code == 200 and body.json()["stage"] == "待补正"
    assert body.json()["supplement_due_on"] == "2023-10-08"
    body = post(client, f"{url}/supplement_received", {"completed_on": "2023-10-10", "version": 2}).json()
    body = post(client, f"{url}/accept", {"accepted_on": "2023-10-10", "version": body["version"]}).json()
    assert (body["deemed_accepted"], body["clock_start_on"], body["decision_due_on"]) == (
        False,
        "2023-10-10",
        "2023-11-07",
    )


def test_art_32_an_application_neither_accepted_nor_told_to_supplement_is_on_the_todo_list(nanhai):
    case = apply(working_item(), applied_on=D(2023, 9, 25))
    todo = [t for t in todo_for(nanhai.legal, D(2023, 10, 9)) if t.kind == "许可受理"]
    assert [(t.due, t.overdue) for t in todo] == [(D(2023, 10, 8), True)]
    text = page(nanhai.client_for(nanhai.legal), case)
    assert "未在2023-10-08前告知补正" in text and "应于2023-10-27前作出决定" in text
    LICENSING_CASE.take(
        "request_supplement", case, actor=nanhai.legal, requested_on=D(2023, 10, 8), items="x"
    )
    assert not [t for t in todo_for(nanhai.legal, D(2023, 10, 9)) if t.kind == "许可受理"]


# 第四十五条: hearings, tests and expert reviews are not counted ----------------------------------


def test_art_45_an_expert_review_across_the_spring_festival_extends_the_time_limit_by_its_working_days(
    nanhai,
):
    case = accepted(working_item(), D(2024, 1, 29))
    assert case.decision_due_on == D(2024, 2, 29)
    case = LICENSING_CASE.take(
        "exclude",
        case,
        actor=nanhai.legal,
        kind="专家评审",
        started_on=D(2024, 2, 5),
        ended_on=D(2024, 2, 19),
        notified_on=D(2024, 2, 5),
        note="组织专家对安全设施设计进行评审",
    )
    # 2-5..2-9, Sunday 2-18 and 2-19: seven working days, so 27 working days from 1-29.
    assert case.decision_due_on == D(2024, 3, 11)
    period = ExcludedPeriod.objects.get(case=case)
    assert (period.kind, period.notified_on) == ("专家评审", D(2024, 2, 5))
    entry = audit.history(case).filter(reason="记录不计入办理期限的时间").get()
    assert entry.changes["decision_due_on"] == ["2024-02-29", "2024-03-11"]
    text = page(nanhai.client_for(nanhai.legal), case)
    assert "不计入期限：专家评审" in text and "7个工作日" in text and "行政许可法第四十五条" in text


def test_art_45_periods_do_not_overlap_and_start_before_the_time_limit_runs_out(nanhai):
    case = accepted(working_item(), D(2024, 1, 29))
    LICENSING_CASE.take(
        "exclude",
        case,
        actor=nanhai.legal,
        kind="检测",
        started_on=D(2024, 2, 5),
        ended_on=D(2024, 2, 8),
        notified_on=D(2024, 2, 5),
    )
    with pytest.raises(ValidationError) as caught:
        LICENSING_CASE.take(
            "exclude",
            case,
            actor=nanhai.legal,
            kind="专家评审",
            started_on=D(2024, 2, 8),
            ended_on=D(2024, 2, 9),
            notified_on=D(2024, 2, 8),
        )
    assert "重叠" in caught.value.message_dict["started_on"][0]
    with pytest.raises(ValidationError, match="已于2024-03-06届满"):
        LICENSING_CASE.take(
            "exclude",
            case,
            actor=nanhai.legal,
            kind="听证",
            started_on=D(2024, 3, 7),
            ended_on=D(2024, 3, 8),
            notified_on=D(2024, 3, 7),
        )
    assert ExcludedPeriod.objects.count() == 1


def test_art_45_a_hearing_through_the_api_moves_the_due_date(nanhai):
    case = accepted(working_item(), D(2023, 9, 28))
    assert case.decision_due_on == D(2023, 11, 1)
    client = nanhai.client_for(nanhai.legal)
    body = {
        "kind": "听证",
        "started_on": "2023-10-09",
        "ended_on": "2023-10-10",
        "notified_on": "2023-10-09",
        "version": case.version,
    }
    response = post(client, f"/api/licensing/cases/{case.pk}/steps/exclude", body)
    assert response.status_code == 200
    assert response.json()["decision_due_on"] == "2023-11-03"
    assert response.json()["excluded_periods"][0]["kind"] == "听证"


# 第四十二条: one extension, approved by the head of the agency ----------------------------------------


def test_art_42_an_extension_is_approved_by_a_leader_not_by_anyone_named(nanhai):
    case = accepted(working_item(), D(2023, 9, 28))
    with pytest.raises(ValidationError) as caught:
        LICENSING_CASE.take(
            "extend",
            case,
            actor=nanhai.legal,
            extended_on=D(2023, 10, 9),
            reason="需现场核查",
            approved_by=nanhai.legal,
        )
    assert "局领导" in caught.value.message_dict["approved_by"][0]
    case = LICENSING_CASE.take(
        "extend",
        case,
        actor=nanhai.legal,
        extended_on=D(2023, 10, 9),
        reason="需现场核查",
        approved_by=nanhai.leader,
    )
    # Ten more working days: 11-1 becomes 11-15.
    assert (case.extension_days, case.decision_due_on, case.extension_approver) == (
        10,
        D(2023, 11, 15),
        nanhai.leader,
    )
    assert "陈局长于2023-10-09批准" in page(nanhai.client_for(nanhai.legal), case)


def test_art_42_the_extension_form_offers_only_leaders_and_the_api_refuses_another_user(nanhai):
    case = accepted(working_item(), D(2023, 9, 28))
    client = nanhai.client_for(nanhai.legal)
    form = client.get(f"{CASES}{case.pk}/steps/extend/").content.decode()
    assert f'value="{nanhai.leader.pk}"' in form and f'value="{nanhai.legal.pk}"' not in form
    body = {
        "extended_on": "2023-10-09",
        "reason": "核查",
        "approved_by": nanhai.legal.pk,
        "version": case.version,
    }
    response = post(client, f"/api/licensing/cases/{case.pk}/steps/extend", body)
    assert response.status_code == 422 and "请选择批准延期的局领导" in response.json()["detail"]
    assert LicensingCase.objects.get(pk=case.pk).extension_days == 0


# 第四十四条 and 双公示 ------------------------------------------------------------------------------


def test_art_44_the_certificate_is_due_ten_working_days_after_the_decision_across_national_day(nanhai):
    case = accepted(make_item(), D(2023, 9, 20))
    case = LICENSING_CASE.take("decide", case, actor=nanhai.legal, decided_on=D(2023, 9, 27), result="准予")
    body = nanhai.client_for(nanhai.legal).get(f"/api/licensing/cases/{case.pk}").json()
    assert body["certificate_due_on"] == "2023-10-17"
    assert body["publication_due_on"] == "2023-10-12"


# The rule table: a version applies to cases applied for after it takes effect ------------------------


def test_a_new_version_of_the_supplement_period_changes_only_applications_received_after_it(nanhai):
    services.record_create(
        RuleVersion(
            key="licensing.supplement_notice_days",
            value=Decimal(3),
            effective_from=D(2024, 1, 1),
            basis="某省行政许可实施办法第十条",
        ),
        actor=nanhai.admin,
    )
    before = apply(working_item(), "SL1", applied_on=D(2023, 12, 27))
    after = apply(working_item("另一事项"), "SL2", applied_on=D(2024, 1, 2))
    # 2023-12-27 + 5 working days (1-1 is off) = 2024-01-04; 2024-01-02 + 3 = 2024-01-05.
    before = LICENSING_CASE.take("accept", before, actor=nanhai.legal, accepted_on=D(2024, 1, 4))
    after = LICENSING_CASE.take("accept", after, actor=nanhai.legal, accepted_on=D(2024, 1, 8))
    assert before.decision_due_on == D(2024, 2, 1)  # accepted in time: from 1-4
    assert after.decision_due_on == D(2024, 1, 30)  # deemed accepted on 1-2


def test_a_new_version_of_the_certificate_period_changes_only_cases_applied_for_after_it(nanhai):
    services.record_create(
        RuleVersion(
            key="licensing.certificate_days",
            value=Decimal(5),
            effective_from=D(2024, 1, 1),
            basis="某法第四十四条",
        ),
        actor=nanhai.admin,
    )
    before = accepted(make_item(), D(2023, 12, 29), "SL1")
    after = accepted(make_item("另一事项"), D(2024, 1, 2), "SL2")
    before = LICENSING_CASE.take(
        "decide", before, actor=nanhai.legal, decided_on=D(2024, 1, 8), result="准予"
    )
    after = LICENSING_CASE.take("decide", after, actor=nanhai.legal, decided_on=D(2024, 1, 8), result="准予")
    assert licensing.certificate_due(before) == D(2024, 1, 22)
    assert licensing.certificate_due(after) == D(2024, 1, 15)


def test_the_rules_page_lists_the_licensing_rules_with_their_articles(nanhai):
    text = nanhai.client_for(nanhai.legal).get("/core/rules/").content.decode()
    for key, article in (
        ("licensing.decision_days", "行政许可法第四十二条第一款"),
        ("licensing.supplement_notice_days", "行政许可法第三十二条第一款第四项"),
        ("licensing.certificate_days", "行政许可法第四十四条"),
        ("licensing.publication_days", "国办发〔2015〕51号"),
    ):
        assert key in text and article in text
    assert "需要补正的内容应当一次告知" in text
