"""Licensing case pages: legal officers record them; the record links to the register by its code."""

from __future__ import annotations

import datetime

from emgov.core import audit, services
from emgov.enterprises.tests.test_views import make_enterprise
from emgov.licensing.models import LicensingCase

LIST = "/licensing/licensing/"


def make_case(number: str, **fields) -> LicensingCase:
    values = {
        "item_name": "危险化学品经营许可",
        "category": "行政许可",
        "applicant": "某化工有限公司",
        "accepted_on": datetime.date(2023, 5, 4),
        **fields,
    }
    return services.record_create(LicensingCase(number=number, **values), actor=None)


def test_list_and_detail(nanhai):
    case = make_case("SL2023001", result="准予", decided_on=datetime.date(2023, 5, 20))
    client = nanhai.client_for(nanhai.leader)
    page = client.get(LIST).content.decode()
    assert "SL2023001" in page and "危险化学品经营许可" in page and "准予" in page
    assert client.get(f"{LIST}{case.pk}/").status_code == 200


def test_legal_officer_creates_and_edits_a_case(nanhai):
    enterprise = make_enterprise(nanhai.guicheng, 1, name="桂城化工")
    client = nanhai.client_for(nanhai.legal)
    data = {
        "number": "SL2023002",
        "item_name": "危险化学品经营许可",
        "category": "行政许可",
        "applicant": "桂城化工",
        "credit_code": enterprise.credit_code,
        "accepted_on": "2023-05-04",
    }
    assert client.post(f"{LIST}new/", data).status_code == 302
    case = LicensingCase.objects.get()
    assert case.enterprise == enterprise
    data.update(decided_on="2023-05-02", result="准予", _version=case.version)
    assert "办结日期不能早于受理日期" in client.post(f"{LIST}{case.pk}/edit/", data).content.decode()
    data["decided_on"] = "2023-05-18"
    assert client.post(f"{LIST}{case.pk}/edit/", data).status_code == 302
    assert audit.history(case).get(action="change").changes["result"] == ["", "准予"]


def test_officers_read_but_only_legal_staff_edit(nanhai):
    case = make_case("SL2023001")
    client = nanhai.client_for(nanhai.district_officer)
    assert client.get(f"{LIST}{case.pk}/").status_code == 200
    assert client.get(f"{LIST}{case.pk}/edit/").status_code == 404
    assert client.get(f"{LIST}new/").status_code == 404


def test_list_filters_unpublished_decisions(nanhai):
    make_case("SL2023001", published_on=datetime.date(2023, 5, 25), decided_on=datetime.date(2023, 5, 20))
    make_case("SL2023002")
    page = nanhai.client_for(nanhai.legal).get(LIST, {"published": "0"}).content.decode()
    assert "SL2023002" in page and "SL2023001" not in page
