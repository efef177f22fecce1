"""查封、扣押 (行政强制法第二十五条至第二十八条): the term read from the rule table on the seizure's date,
the extension approved by the head and told to the party in writing, and the disposal decision that
ends the seizure within its term — through the service (`ORDER.take`), the pages and the API."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from emgov.core import rules, services
from emgov.core.models import RuleVersion
from emgov.enforcement.models import Order, OrderType, ReleaseGround, SeizureDisposal
from emgov.enforcement.procedures import ORDER
from emgov.enforcement.services import orders
from emgov.enforcement.services.documents import disposal_document, extension_document
from emgov.enforcement.services.reminders import hazard_todo
from emgov.enforcement.tests.hazard_helpers import make_visit
from emgov.enforcement.tests.test_order_documents import docx_text

D = datetime.date
API = "/api/hazards/orders"
ORDERS = "/enforcement/orders/"


def seize(nanhai, issued_on: datetime.date, **kw) -> Order:
    visit = make_visit(nanhai.guicheng, day=issued_on, **kw)
    return orders.order_issue(actor=None, visit=visit, doc_type=OrderType.SEIZE, issued_on=issued_on)


DECIDED = D(2023, 10, 16)


def extend(seizure, actor, approver, days=25, decided_on=DECIDED, **kw):
    return ORDER.take(
        "extend",
        seizure,
        actor=actor,
        extension_days=days,
        extension_reason="需委托检验机构对钢瓶进行检测",
        extension_approved_by=approver,
        decided_on=decided_on,
        **kw,
    )


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


# 第二十五条: the term and its extension --------------------------------------------------------------


def test_art_25_a_seizure_lasts_30_calendar_days_through_the_national_day_holiday(nanhai):
    # 2023-09-20 + 30 days: the holiday (2023-09-29 to 10-06) counts, the term ends on Friday 10-20.
    seizure = seize(nanhai, D(2023, 9, 20))
    assert seizure.due_date == D(2023, 10, 20)
    assert ORDER.state_label(seizure) == "查封扣押"


def test_art_25_an_extension_needs_the_approval_of_the_bureaus_head(nanhai):
    officer = nanhai.district_officer
    seizure = seize(nanhai, D(2023, 9, 20))
    with pytest.raises(ValidationError) as refused:
        extend(seizure, officer, approver=officer)
    assert refused.value.error_dict["extension_approved_by"][0].code == "not_leader"
    assert "行政机关负责人" in str(refused.value) and "行政强制法第二十五条第一款" in str(refused.value)
    seizure.refresh_from_db()
    assert (seizure.due_date, seizure.extension_days, seizure.extension_number) == (D(2023, 10, 20), None, "")
    seizure = extend(seizure, officer, approver=nanhai.leader)
    assert seizure.extension_approved_by == nanhai.leader
    assert (seizure.due_date, seizure.extension_decided_on) == (D(2023, 11, 14), D(2023, 10, 16))
    assert seizure.extension_number == "应急查延〔2023〕1号"


def test_art_25_an_extension_is_at_most_30_days_once_and_before_the_term_ends(nanhai):
    officer = nanhai.district_officer
    seizure = seize(nanhai, D(2023, 9, 20))
    with pytest.raises(ValidationError, match="不得超过30日"):
        extend(seizure, officer, nanhai.leader, days=31)
    with pytest.raises(ValidationError, match="已于2023-10-20期满，不能再延长"):
        extend(seizure, officer, nanhai.leader, decided_on=D(2023, 10, 21))
    seizure = extend(seizure, officer, nanhai.leader, days=25)
    with pytest.raises(ValidationError, match="只能延长一次"):
        extend(seizure, officer, nanhai.leader, days=1, decided_on=D(2023, 11, 1))


def test_art_25_the_extension_is_told_to_the_party_in_writing_with_its_reasons(nanhai):
    seizure = extend(seize(nanhai, D(2023, 9, 20)), nanhai.district_officer, nanhai.leader)
    text = docx_text(extension_document(seizure).to_bytes())
    assert "延长查封（扣押）期限决定书" in text and "应急查延〔2023〕1号" in text
    assert "需委托检验机构对钢瓶进行检测" in text and "陈局长" in text
    assert "2023年10月20日" in text and "延长25日" in text and "2023年11月14日" in text
    assert "行政强制法》第二十五条" in text and "桂城五金制品有限公司" in text
    assert extension_document(seizure).to_pdf().startswith(b"%PDF")


def test_art_25_the_extension_is_taken_and_its_notice_downloaded_through_the_page_and_the_api(nanhai):
    seizure = seize(nanhai, D(2023, 9, 20))
    client = nanhai.client_for(nanhai.district_officer)
    notice = f"{ORDERS}{seizure.pk}/documents/extension.docx"
    assert client.get(notice).status_code == 404
    page = client.post(
        f"{ORDERS}{seizure.pk}/steps/extend/",
        {
            "extension_days": "25",
            "extension_reason": "需委托检测",
            "extension_approved_by": nanhai.district_officer.pk,
            "decided_on": "2023-10-16",
            "_version": 1,
        },
    )
    assert page.status_code == 422 and Order.objects.get().extension_days is None
    steps = client.get(f"/api/hazards/orders/{seizure.pk}/steps").json()
    extend_fields = next(s for s in steps["steps"] if s["name"] == "extend")["fields"]
    assert {"name": "extension_approved_by", "label": "批准的负责人", "required": True} in extend_fields
    taken = post(
        client,
        f"{API}/{seizure.pk}/steps/extend",
        {
            "version": 1,
            "extension_days": 25,
            "extension_reason": "需委托检测",
            "extension_approved_by": nanhai.leader.pk,
            "decided_on": "2023-10-16",
        },
    )
    assert taken.status_code == 200, taken.content
    body = taken.json()
    assert (body["due_date"], body["extension_approved_by"], body["extension_number"]) == (
        "2023-11-14",
        "陈局长",
        "应急查延〔2023〕1号",
    )
    detail = client.get(f"{ORDERS}{seizure.pk}/").content.decode()
    assert notice in detail and "经 陈局长 批准延长 25 日" in detail
    assert client.get(notice).status_code == 200
    assert client.get(f"{ORDERS}{seizure.pk}/documents/extension.pdf")["Content-Type"] == "application/pdf"
    api_pdf = client.get(f"{API}/{seizure.pk}/documents/extension.pdf")
    assert api_pdf.status_code == 200 and api_pdf.content.startswith(b"%PDF")


def test_art_25_a_new_version_of_the_term_applies_to_seizures_from_its_effective_date(nanhai):
    services.record_create(
        RuleVersion(
            key="enforcement.seizure_days",
            value=Decimal(20),
            effective_from=D(2024, 1, 1),
            basis="某法规第十条（测试）",
        ),
        actor=nanhai.admin,
    )
    before = seize(nanhai, D(2023, 12, 27))
    after = seize(nanhai, D(2024, 1, 29), number="JC2024001", n=2)
    assert before.due_date == D(2024, 1, 26)  # 30 days, the version in force on 2023-12-27
    assert after.due_date == D(2024, 2, 18)  # 20 days across the 2024 Spring Festival
    assert rules.value("enforcement.seizure_days", on=D(2023, 12, 27)) == 30


# 第二十七条、第二十八条: the disposal decision -------------------------------------------------------------


def dispose(seizure, actor, disposal, disposed_on, **kw):
    return ORDER.take("dispose", seizure, actor=actor, disposal=disposal, disposed_on=disposed_on, **kw)


def test_art_27_a_seizure_ends_with_its_disposal_decision_within_the_term(nanhai):
    officer = nanhai.district_officer
    seizure = seize(nanhai, D(2023, 9, 20))
    with pytest.raises(ValidationError, match="请写明没收的依据") as refused:
        dispose(seizure, officer, SeizureDisposal.CONFISCATE, D(2023, 10, 9))
    assert "行政强制法第二十七条" in str(refused.value)
    seizure = dispose(
        seizure,
        officer,
        SeizureDisposal.CONFISCATE,
        D(2023, 10, 9),
        disposal_note="依据（南海）应急罚〔2023〕5号行政处罚决定书没收非法储存的液化石油气钢瓶12瓶。",
    )
    assert ORDER.state(seizure) == "confiscated" and ORDER.state_label(seizure) == "已没收"
    assert seizure.disposal_number == "应急查处〔2023〕1号"
    assert ORDER.options(seizure, officer) == []
    text = docx_text(disposal_document(seizure).to_bytes())
    assert "查封（扣押）处理决定书" in text and "予以没收" in text and "（南海）应急罚〔2023〕5号" in text
    assert "行政强制法》第二十七条" in text


def test_art_27_what_the_law_orders_destroyed_is_destroyed(nanhai):
    seizure = dispose(
        seize(nanhai, D(2023, 9, 20)),
        nanhai.district_officer,
        SeizureDisposal.DESTROY,
        D(2023, 10, 20),
        disposal_note="依据《烟花爆竹安全管理条例》的规定，非法生产的烟花爆竹依法予以销毁。",
    )
    assert ORDER.state_label(seizure) == "已销毁"
    assert "依法予以销毁" in docx_text(disposal_document(seizure).to_bytes())


def test_art_28_a_release_names_its_ground(nanhai):
    officer = nanhai.district_officer
    seizure = seize(nanhai, D(2023, 9, 20))
    with pytest.raises(ValidationError, match="第二十八条第一款"):
        dispose(seizure, officer, SeizureDisposal.RELEASE, D(2023, 10, 9))
    seizure = dispose(
        seizure, officer, SeizureDisposal.RELEASE, D(2023, 10, 9), disposal_ground=ReleaseGround.NO_VIOLATION
    )
    assert ORDER.state_label(seizure) == "已解除查封扣押"
    text = docx_text(disposal_document(seizure).to_bytes())
    assert "经查，当事人没有违法行为" in text and "解除查封（扣押）" in text and "第二十八条" in text


def test_art_28_after_the_term_a_seizure_can_only_be_released_as_expired(nanhai):
    officer = nanhai.district_officer
    seizure = seize(nanhai, D(2023, 9, 20))  # ends 2023-10-20
    with pytest.raises(ValidationError, match="期限内未作出没收或者销毁的处理决定"):
        dispose(seizure, officer, SeizureDisposal.CONFISCATE, D(2023, 10, 23), disposal_note="没收")
    with pytest.raises(ValidationError, match="第二十八条第一款第四项"):
        dispose(
            seizure,
            officer,
            SeizureDisposal.RELEASE,
            D(2023, 10, 23),
            disposal_ground=ReleaseGround.NOT_NEEDED,
        )
    seizure.refresh_from_db()
    assert (seizure.disposal, seizure.disposal_number) == ("", "")
    seizure = dispose(
        seizure, officer, SeizureDisposal.RELEASE, D(2023, 10, 23), disposal_ground=ReleaseGround.EXPIRED
    )
    assert seizure.disposal == SeizureDisposal.RELEASE


def test_art_28_an_expired_seizure_without_its_decision_is_on_the_to_do_list(nanhai):
    seizure = seize(nanhai, D(2023, 9, 20))
    items = hazard_todo(nanhai.guicheng_officer, today=D(2023, 10, 23))
    [item] = [i for i in items if i.kind == "查封扣押逾期未处理"]
    assert item.overdue and "第二十八条第一款第四项" in item.title and item.due == D(2023, 10, 20)
    dispose(
        seizure,
        nanhai.district_officer,
        SeizureDisposal.RELEASE,
        D(2023, 10, 23),
        disposal_ground=ReleaseGround.EXPIRED,
    )
    assert not [
        i for i in hazard_todo(nanhai.guicheng_officer, today=D(2023, 10, 23)) if "查封扣押" in i.kind
    ]


def test_art_27_the_disposal_is_taken_through_the_api_and_refused_once_made(nanhai):
    seizure = seize(nanhai, D(2023, 9, 20))
    client = nanhai.client_for(nanhai.district_officer)
    body = {
        "version": 1,
        "disposal": "解除",
        "disposal_ground": "已作出处理决定",
        "disposed_on": "2023-10-09",
    }
    stale = post(client, f"{API}/{seizure.pk}/steps/dispose", {**body, "version": 0})
    assert stale.status_code == 422 and Order.objects.get().disposal == ""
    taken = post(client, f"{API}/{seizure.pk}/steps/dispose", body)
    assert taken.status_code == 200, taken.content
    assert (taken.json()["disposal"], taken.json()["disposal_number"]) == ("解除", "应急查处〔2023〕1号")
    again = post(client, f"{API}/{seizure.pk}/steps/dispose", {**body, "version": 2})
    assert again.status_code == 422 and "不是当前（已解除查封扣押）可以办理的环节" in again.content.decode()
    assert client.get(f"{API}/{seizure.pk}/documents/disposal.docx").status_code == 200


def test_art_27_the_disposal_is_taken_through_the_page_and_its_decision_downloaded(nanhai):
    seizure = seize(nanhai, D(2023, 9, 20))
    client = nanhai.client_for(nanhai.district_officer)
    step = f"{ORDERS}{seizure.pk}/steps/dispose/"
    page = client.get(f"{ORDERS}{seizure.pk}/").content.decode()
    assert step in page and "行政强制法第二十七条" in page
    data = {"disposal": "解除", "disposal_ground": "已作出处理决定", "disposed_on": "2023-10-09"}
    assert client.post(step, {**data, "_version": 0}).status_code == 422
    assert client.post(step, {**data, "_version": 1}).status_code == 302
    page = client.get(f"{ORDERS}{seizure.pk}/").content.decode()
    assert "已解除查封扣押" in page and f"{ORDERS}{seizure.pk}/documents/disposal.pdf" in page
    assert step not in page
    refused = client.post(step, {**data, "_version": 2})
    assert (
        refused.status_code == 422 and "不是当前（已解除查封扣押）可以办理的环节" in refused.content.decode()
    )
    assert client.get(f"{ORDERS}{seizure.pk}/documents/disposal.pdf").content.startswith(b"%PDF")


def test_the_rules_page_lists_the_seizure_terms_and_the_guards_with_their_articles(nanhai):
    page = nanhai.client_for(nanhai.district_officer).get("/core/rules/").content.decode()
    assert (
        "查封扣押期限" in page and "查封扣押延长期限（最长）" in page and "行政强制法第二十五条第一款" in page
    )
    assert "安全生产法第一百零二条、安全生产法第六十五条第一款第三项" in page


@pytest.mark.django_db
def test_art_25_a_seizure_term_ending_in_the_national_day_holiday_ends_on_the_next_working_day():
    from emgov.enforcement.services.orders import seizure_due

    # Issued 2023-09-01: the 30th day is Sunday 2023-10-01, inside the holiday (09-29 to 10-06).
    assert seizure_due(datetime.date(2023, 9, 1)) == datetime.date(2023, 10, 7)
    # Issued 2023-08-01: the 30th day is Thursday 2023-08-31, a working day.
    assert seizure_due(datetime.date(2023, 8, 1)) == datetime.date(2023, 8, 31)
