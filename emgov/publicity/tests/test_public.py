"""The public website: published information without login, and nothing private."""

from __future__ import annotations

import datetime

from django.test import Client
from django.utils import timezone

from emgov.core import services as core_services
from emgov.legal.models import NormativeDocument
from emgov.publicity.models import DisclosureItem
from emgov.publicity.tests.helpers import ID_NUMBER, PHONE, d, register, reply


def item(number: str, title: str, category: str, published_on: datetime.date) -> DisclosureItem:
    return core_services.record_create(
        DisclosureItem(number=number, title=title, category=category, published_on=published_on), actor=None
    )


def test_published_items_are_listed_searched_and_filtered_without_login(nanhai):
    item("GK2023-0001", "2023年安全生产执法检查计划", "执法检查", d("2023-03-01"))
    item("GK2023-0002", "防汛防台风预警信息", "预警信息", d("2023-06-01"))
    future = item("GK2099-0001", "尚未发布的信息", "其他", timezone.localdate() + datetime.timedelta(days=3))
    voided = item("GK2023-0003", "已撤回的信息", "其他", d("2023-04-01"))
    core_services.record_void(voided, actor=nanhai.legal, reason="录入错误")
    client = Client()
    page = client.get("/public/").content.decode()
    assert "2023年安全生产执法检查计划" in page and "防汛防台风预警信息" in page
    assert "尚未发布的信息" not in page and "已撤回的信息" not in page
    assert "退出登录" not in page and "mainnav" not in page
    page = client.get("/public/", {"category": "预警信息"}).content.decode()
    assert "防汛防台风预警信息" in page and "执法检查计划" not in page
    page = client.get("/public/", {"q": "执法"}).content.decode()
    assert "执法检查计划" in page and "防汛防台风" not in page
    assert client.get(f"/public/disclosures/{future.pk}/").status_code == 404
    assert client.get(f"/public/disclosures/{voided.pk}/").status_code == 404


def test_item_page_shows_the_item(nanhai):
    published = item("GK2023-0001", "2023年安全生产执法检查计划", "执法检查", d("2023-03-01"))
    page = Client().get(f"/public/disclosures/{published.pk}/").content.decode()
    assert "2023年安全生产执法检查计划" in page and "GK2023-0001" in page and "2023-03-01" in page


def test_only_normative_documents_in_force_are_listed(nanhai):
    for number, title, status in (
        ("南应急规〔2022〕1号", "南海区安全生产举报奖励办法", "有效"),
        ("南应急规〔2018〕2号", "南海区旧的管理办法", "废止"),
    ):
        core_services.record_create(
            NormativeDocument(number=number, title=title, effective_on=d("2022-05-01"), status=status),
            actor=None,
        )
    page = Client().get("/public/normative-documents/").content.decode()
    assert "南海区安全生产举报奖励办法" in page and "旧的管理办法" not in page


def test_public_pages_never_show_applicants_private_data(nanhai):
    request = register(nanhai.legal, "2023-09-27", applicant_name="李晓红")
    reply(request, nanhai.legal, "予以公开", "2023-10-20")
    item("GK2023-0001", "2023年安全生产执法检查计划", "执法检查", d("2023-03-01"))
    client = Client()
    for url in ("/public/", "/public/normative-documents/", "/public/?q=执法"):
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert ID_NUMBER not in page and PHONE not in page and "李晓红" not in page
    assert client.get(f"/publicity/requests/{request.pk}/").status_code == 302
