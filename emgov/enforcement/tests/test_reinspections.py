"""复查 as a record of its own (≥ 2 officers with valid certificates, a conclusion per hazard, the 整改复查意见书
naming them), and a voided visit taking what hangs on it along, its steps refused."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from emgov.enforcement.models import Hazard, HazardStatus, Order, OrderType, Reinspection, Visit
from emgov.enforcement.procedures import HAZARD, ORDER
from emgov.enforcement.services.fieldwork import GeneralHazard, visit_void
from emgov.enforcement.services.orders import order_issue
from emgov.enforcement.services.reinspections import FindingEntry, reinspection_record
from emgov.enforcement.services.site_documents import reinspection_document
from emgov.enforcement.services.visits import visit_record
from emgov.enforcement.tests import phone

DAY = datetime.date(2023, 6, 1)
LATER = datetime.date(2023, 6, 20)


@pytest.fixture
def visit(nanhai) -> Visit:
    firm = phone.enterprise(nanhai.guicheng, 1, "桂城五金制品有限公司")
    return visit_record(
        actor=None,
        enterprise=firm,
        department=phone.bureau(),
        nature="执法检查",
        date=DAY,
        officers=phone.officer_pair(),
        general_hazards=[
            GeneralHazard("消防通道堵塞", "仓库"),
            GeneralHazard("未设安全警示标志", "冲压车间"),
        ],
    )


def review_requested(visit: Visit) -> list[Hazard]:
    hazards = list(visit.hazards.order_by("number"))
    for hazard in hazards:
        HAZARD.take("order", hazard, actor=None, deadline=datetime.date(2023, 6, 15))
        HAZARD.take("start", hazard, actor=None)
        HAZARD.take("request-review", hazard, actor=None, rectified_on=datetime.date(2023, 6, 14))
    return [Hazard.objects.get(pk=h.pk) for h in hazards]


def test_two_officers_close_one_hazard_and_not_the_other_and_the_opinion_names_them(nanhai, visit):
    fixed, unfixed = review_requested(visit)
    chen = phone.officer("YJ201", "陈复查")
    huang = phone.officer("YJ202", "黄复查")
    reinspection = reinspection_record(
        actor=nanhai.guicheng_officer,
        visit=visit,
        date=LATER,
        officers=[chen, huang],
        findings=[FindingEntry(fixed, True, "已清理"), FindingEntry(unfixed, False, "仍未设置")],
        opinion="请于7月1日前完成整改",
    )
    fixed.refresh_from_db()
    unfixed.refresh_from_db()
    assert fixed.status == HazardStatus.CLOSED and unfixed.status == HazardStatus.FAILED
    assert fixed.reviewed_on == LATER
    docx = reinspection_document(reinspection).to_bytes()
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        text = z.read("word/document.xml").decode()
    assert "整改复查意见书" in text
    assert "陈复查（执法证号：YJ201）" in text and "黄复查（执法证号：YJ202）" in text
    assert "已整改" in text and "未整改" in text


def test_one_officer_or_an_expired_certificate_is_refused_with_the_article(nanhai, visit):
    hazard = review_requested(visit)[0]
    chen = phone.officer("YJ201", "陈复查")
    expired = phone.officer("YJ203", "赵过期", valid_until=datetime.date(2023, 6, 1))
    for officers, words in (([chen], "本条只有1名"), ([chen, expired], "赵过期（YJ203）")):
        with pytest.raises(ValidationError) as refused:
            reinspection_record(
                actor=None, visit=visit, date=LATER, officers=officers, findings=[FindingEntry(hazard, True)]
            )
        message = " ".join(refused.value.messages)
        assert words in message and "行政处罚法第四十二条第一款" in message
    assert not Reinspection.objects.exists()
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.REVIEW_REQUESTED


def test_reinspection_page_records_it_with_photos(nanhai, visit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from emgov.enforcement.tests.test_fieldwork import jpeg

    fixed, unfixed = review_requested(visit)
    chen, huang = phone.officer("YJ201", "陈复查"), phone.officer("YJ202", "黄复查")
    client = nanhai.client_for(nanhai.guicheng_officer)
    url = f"/enforcement/visits/{visit.pk}/reinspect/"
    assert "消防通道堵塞" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "date": LATER.isoformat(),
            "officers": [chen.pk, huang.pk],
            f"passed_{fixed.pk}": "1",
            f"photos_{fixed.pk}": SimpleUploadedFile("复查.jpg", jpeg(), content_type="image/jpeg"),
            f"passed_{unfixed.pk}": "0",
        },
    )
    assert response.status_code == 302
    reinspection = Reinspection.objects.get()
    finding = reinspection.findings.get(hazard=fixed)
    assert [a.original_name for a in finding.attachments.all()] == ["复查.jpg"]
    page = client.get(f"/enforcement/visits/{visit.pk}/").content.decode()
    assert reinspection.number in page
    assert client.get(f"/enforcement/reinspections/{reinspection.pk}/document.pdf").content.startswith(
        b"%PDF"
    )


def test_voiding_a_visit_voids_its_hazards_and_orders_with_the_same_reason(nanhai, visit):
    hazard = visit.hazards.order_by("number").first()
    order = order_issue(
        actor=None, visit=visit, doc_type=OrderType.RECTIFY, hazards=[hazard], issued_on=DAY, due_date=LATER
    )
    visit_void(visit, actor=nanhai.district_officer, reason="录入错误，重复登记")
    for record in (Visit.objects.get(pk=visit.pk), Order.objects.get(pk=order.pk), *visit.hazards.all()):
        assert record.voided_at is not None and record.void_reason == "录入错误，重复登记"
    with pytest.raises(ValidationError) as refused:
        HAZARD.take("order", Hazard.objects.get(pk=hazard.pk), actor=None, deadline=LATER)
    assert "作废" in " ".join(refused.value.messages)


def test_a_visit_with_a_seizure_in_force_is_not_voided(nanhai, visit):
    seizure = order_issue(actor=None, visit=visit, doc_type=OrderType.SEIZE, issued_on=DAY)
    with pytest.raises(ValidationError) as refused:
        visit_void(visit, actor=None, reason="录入错误")
    assert "尚在执行" in " ".join(refused.value.messages)
    assert Visit.objects.get(pk=visit.pk).voided_at is None
    assert not Hazard.objects.filter(voided_at__isnull=False).exists()
    assert ORDER.refusal(Order.objects.get(pk=seizure.pk), ORDER.step("extend")) is None


def test_the_ledger_void_page_voids_through_the_visit_service(nanhai, visit):
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(f"/enforcement/visits/{visit.pk}/void/", {"reason": "企业名称录错"})
    assert response.status_code == 302
    assert set(visit.hazards.values_list("void_reason", flat=True)) == {"企业名称录错"}
