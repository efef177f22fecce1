"""Order pages: issuing from a visit, the downloads, a seizure's extension and expiry, resumption, scope."""

from __future__ import annotations

import datetime

from emgov.enforcement.models import HazardStatus, Order, OrderType
from emgov.enforcement.services import orders
from emgov.enforcement.tests.hazard_helpers import make_visit, register
from emgov.enforcement.tests.test_order_documents import docx_text

D = datetime.date
ORDERS = "/enforcement/orders/"


def test_an_order_is_issued_from_a_visit_and_its_hazards(nanhai):
    visit = make_visit(nanhai.guicheng)
    a = register(visit, None, deadline=D(2023, 6, 20), text="配电房消防通道堵塞")
    b = register(visit, None, deadline=D(2023, 6, 25), text="灭火器过期")
    client = nanhai.client_for(nanhai.guicheng_officer)
    page = client.get(f"{ORDERS}issue/?visit={visit.number}").content.decode()
    assert "配电房消防通道堵塞" in page and "灭火器过期" in page
    response = client.post(
        f"{ORDERS}issue/",
        {
            "visit": visit.pk,
            "doc_type": OrderType.RECTIFY,
            "issued_on": "2023-06-01",
            "hazards": [a.pk, b.pk],
        },
    )
    order = Order.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{ORDERS}{order.pk}/"
    assert order.number == "（南海）应急责改〔2023〕1号" and order.due_date == D(2023, 6, 25)
    a.refresh_from_db()
    assert a.status == HazardStatus.ORDERED
    detail = client.get(f"{ORDERS}{order.pk}/").content.decode()
    assert f"{ORDERS}{order.pk}/document.docx" in detail and f"{ORDERS}{order.pk}/document.pdf" in detail


def test_a_refused_issue_shows_the_error_and_takes_no_number(nanhai):
    visit = make_visit(nanhai.guicheng)
    client = nanhai.client_for(nanhai.guicheng_officer)
    page = client.post(
        f"{ORDERS}issue/", {"visit": visit.pk, "doc_type": OrderType.RECTIFY, "issued_on": "2023-06-01"}
    ).content.decode()
    assert "至少一项隐患" in page and not Order.objects.exists()


def test_the_downloads_give_docx_and_pdf_and_404_otherwise(nanhai):
    visit = make_visit(nanhai.guicheng)
    hazard = register(visit, None, deadline=D(2023, 6, 20), text="配电房消防通道堵塞")
    order = orders.order_issue(
        actor=None, visit=visit, doc_type=OrderType.RECTIFY, hazards=[hazard], issued_on=D(2023, 6, 1)
    )
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.get(f"{ORDERS}{order.pk}/document.docx")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    text = docx_text(response.content)
    assert order.number in text and "配电房消防通道堵塞" in text
    assert client.get(f"{ORDERS}{order.pk}/document.pdf").content.startswith(b"%PDF")
    assert client.get(f"{ORDERS}{order.pk}/document.txt").status_code == 404
    other = nanhai.client_for(nanhai.jiujiang_officer)
    assert other.get(f"{ORDERS}{order.pk}/document.docx").status_code == 404
    assert other.get(f"{ORDERS}issue/?visit={visit.number}").status_code == 404


def test_a_seizure_page_shows_its_expiry_and_extends_once(nanhai):
    visit = make_visit(nanhai.guicheng)
    seizure = orders.order_issue(actor=None, visit=visit, doc_type=OrderType.SEIZE, issued_on=D(2023, 6, 1))
    client = nanhai.client_for(nanhai.district_officer)
    extend = f"{ORDERS}{seizure.pk}/steps/extend/"
    page = client.get(f"{ORDERS}{seizure.pk}/").content.decode()
    assert "查封扣押已于 2023-07-03 期满" in page and extend in page and "行政强制法第二十五条" in page
    leader = nanhai.leader.pk
    refused = client.post(
        extend,
        {
            "extension_days": "20",
            "extension_reason": "检测",
            "extension_approved_by": leader,
            "decided_on": "2023-07-05",
            "_version": 1,
        },
    )
    assert refused.status_code == 422 and "期满，不能再延长" in refused.content.decode()
    stale = client.post(
        extend,
        {
            "extension_days": "20",
            "extension_reason": "需委托检测",
            "extension_approved_by": leader,
            "decided_on": "2023-06-25",
            "_version": 0,
        },
    )
    assert stale.status_code == 422 and Order.objects.get().extension_days is None
    client.post(
        extend,
        {
            "extension_days": "20",
            "extension_reason": "需委托检测",
            "extension_approved_by": leader,
            "decided_on": "2023-06-25",
            "_version": 1,
        },
    )
    seizure.refresh_from_db()
    assert (seizure.due_date, seizure.extension_days) == (D(2023, 7, 21), 20)
    page = client.get(f"{ORDERS}{seizure.pk}/").content.decode()
    assert "不能再延长" in page and "只能延长一次" in page and extend not in page


def test_a_suspension_page_names_the_hazards_awaiting_review(nanhai):
    visit = make_visit(nanhai.guicheng)
    hazard = register(visit, None, grade="重大事故隐患", deadline=D(2023, 6, 20), unsafe=True)
    suspension = orders.order_issue(
        actor=None, visit=visit, doc_type=OrderType.SUSPEND, hazards=[hazard], issued_on=D(2023, 6, 1)
    )
    client = nanhai.client_for(nanhai.district_officer)
    page = client.get(f"{ORDERS}{suspension.pk}/").content.decode()
    assert "复查合格后方可恢复生产经营" in page and hazard.number in page
    resume = f"{ORDERS}{suspension.pk}/steps/resume/"
    assert resume not in page and "尚未复查合格，不能恢复生产经营" in page
    refused = client.post(resume, {"resumed_on": "2023-06-25", "_version": 1})
    assert refused.status_code == 422 and "尚未复查合格，不能恢复生产经营" in refused.content.decode()
    assert Order.objects.get().resumed_on is None


def test_a_leader_reads_an_order_but_takes_no_step(nanhai):
    seizure = orders.order_issue(
        actor=None, visit=make_visit(nanhai.guicheng), doc_type=OrderType.SEIZE, issued_on=D(2023, 6, 1)
    )
    client = nanhai.client_for(nanhai.leader)
    assert "/steps/" not in client.get(f"{ORDERS}{seizure.pk}/").content.decode()
    assert client.get(f"{ORDERS}{seizure.pk}/steps/extend/").status_code == 403


def test_the_order_list_offers_issuing_to_field_staff_only(nanhai):
    assert f"{ORDERS}issue/" in nanhai.client_for(nanhai.guicheng_officer).get(ORDERS).content.decode()
    assert f"{ORDERS}issue/" not in nanhai.client_for(nanhai.leader).get(ORDERS).content.decode()
    assert nanhai.client_for(nanhai.leader).get(f"{ORDERS}issue/").status_code == 404
