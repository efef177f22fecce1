"""Disclosure items: created by legal staff, listed by category and year."""

from __future__ import annotations

from emgov.core import audit
from emgov.publicity.models import DisclosureItem

LIST = "/publicity/disclosures/"


def test_disclosure_is_created_listed_and_edited(nanhai):
    client = nanhai.client_for(nanhai.legal)
    data = {
        "number": "GK2023001",
        "title": "2023年安全生产月活动方案",
        "category": "安全生产月",
        "published_on": "2023-06-01",
    }
    response = client.post(f"{LIST}new/", data)
    item = DisclosureItem.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{LIST}{item.pk}/"
    page = client.get(LIST, {"category": "安全生产月"}).content.decode()
    assert "2023年安全生产月活动方案" in page
    assert client.get(f"{LIST}{item.pk}/").status_code == 200
    data.update(title="2023年安全生产月活动实施方案", _version=item.version)
    assert client.post(f"{LIST}{item.pk}/edit/", data).status_code == 302
    assert audit.history(item).get(action="change").changes["title"][1] == "2023年安全生产月活动实施方案"


def test_officers_read_disclosures_but_do_not_edit_them(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    assert client.get(LIST).status_code == 200
    assert client.get(f"{LIST}new/").status_code == 404
