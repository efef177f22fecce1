"""The case page: its due dates, the steps it offers, scope; the item catalogue pages."""

from __future__ import annotations

import pytest

from emgov.enterprises.tests.test_views import make_enterprise
from emgov.licensing.models import LicensingCase, LicensingItem
from emgov.licensing.procedures import LICENSING_CASE
from emgov.licensing.tests.factories import D, accepted, apply, granted, make_item

pytestmark = pytest.mark.django_db

CASES = "/licensing/licensing/"
ITEMS = "/licensing/items/"


def step(client, case: LicensingCase, name: str, **data):
    case.refresh_from_db()
    return client.post(f"{CASES}{case.pk}/steps/{name}/", {"_version": case.version, **data}, follow=True)


def test_the_case_page_offers_only_the_next_steps(nanhai):
    case = apply(make_item())
    client = nanhai.client_for(nanhai.legal)
    page = client.get(f"{CASES}{case.pk}/").content.decode()
    assert 'id="step-accept"' in page and 'id="step-decide"' not in page
    page = step(client, case, "accept", accepted_on="2023-09-28").content.decode()
    assert "已办理：受理" in page and "2023-10-18" in page
    assert 'id="step-accept"' not in page and 'id="step-decide"' in page and 'id="step-extend"' in page
    assert 'id="step-publish"' not in page


def test_the_web_steps_run_the_case_to_publication(nanhai):
    case = accepted(make_item(), D(2023, 9, 20))
    client = nanhai.client_for(nanhai.legal)
    leader = nanhai.leader.pk
    step(client, case, "extend", extended_on="2023-10-09", reason="需现场核查", approved_by=leader)
    page = step(client, case, "extend", extended_on="2023-10-10", reason="再次", approved_by=leader)
    assert "办理期限只能延长一次" in page.content.decode() and "行政许可法第四十二条" in page.content.decode()
    step(client, case, "decide", decided_on="2023-10-16", result="准予", content="")
    # Ten working days from 10-16 end on 10-30 (行政许可法第四十四条、第八十二条): 10-31 is late.
    page = step(client, case, "certificate", issued_on="2023-10-31", certificate_number="烟零〔2023〕9号")
    assert "晚于法定期限" in page.content.decode()
    step(client, case, "publish", published_on="2023-10-20")
    case.refresh_from_db()
    assert case.stage == "已公示" and case.extension_days == 10 and case.published_on == D(2023, 10, 20)
    assert case.certificate_number == "烟零〔2023〕9号"


def test_a_step_refused_by_the_service_shows_its_message_and_writes_nothing(nanhai):
    case = accepted(make_item("应急预案备案", category="备案"), D(2023, 9, 20))
    response = step(nanhai.client_for(nanhai.legal), case, "decide", decided_on="2023-09-21", result="准予")
    assert response.status_code == 422
    assert "办理结果：备案事项的结果只能是已备案" in response.content.decode()
    assert LicensingCase.objects.get(pk=case.pk).result == ""


def test_officers_see_the_case_but_are_offered_no_steps(nanhai):
    case = apply(make_item())
    client = nanhai.client_for(nanhai.district_officer)
    assert 'id="step-accept"' not in client.get(f"{CASES}{case.pk}/").content.decode()
    response = client.post(f"{CASES}{case.pk}/steps/accept/", {"accepted_on": "2023-09-28", "_version": 1})
    assert response.status_code == 403
    assert LicensingCase.objects.get(pk=case.pk).accepted_on is None


def test_a_stale_step_is_refused_on_the_page_and_writes_nothing(nanhai):
    case = apply(make_item())
    client = nanhai.client_for(nanhai.legal)
    seen = case.version
    LICENSING_CASE.take("accept", case, actor=nanhai.admin, accepted_on=D(2023, 9, 27))
    data = {"decided_on": "2023-10-09", "result": "准予", "_version": seen}
    response = client.post(f"{CASES}{case.pk}/steps/decide/", data)
    assert response.status_code == 422 and "已被其他人修改" in response.content.decode()
    assert LicensingCase.objects.get(pk=case.pk).result == ""


def test_a_step_from_the_wrong_state_is_refused_on_its_page(nanhai):
    case = apply(make_item())
    client = nanhai.client_for(nanhai.legal)
    page = client.get(f"{CASES}{case.pk}/steps/decide/").content.decode()
    assert "“作出决定”不是当前（已申请，待受理）可以办理的环节" in page
    data = {"decided_on": "2023-10-09", "result": "准予", "_version": case.version}
    response = client.post(f"{CASES}{case.pk}/steps/decide/", data)
    assert (
        response.status_code == 422
        and "不是当前（已申请，待受理）可以办理的环节" in response.content.decode()
    )
    assert LicensingCase.objects.get(pk=case.pk).result == ""


def test_a_refused_extension_is_listed_with_its_reason(nanhai):
    case = accepted(make_item(extendable=False, extension_days=0), D(2023, 9, 20))
    page = nanhai.client_for(nanhai.legal).get(f"{CASES}{case.pk}/").content.decode()
    assert 'id="step-extend"' in page and "暂不能办理" in page and "不可延长" in page


def test_town_officer_gets_404_for_another_towns_case(nanhai):
    jiujiang = make_enterprise(nanhai.jiujiang, 1, name="九江化工")
    guicheng = make_enterprise(nanhai.guicheng, 2, name="桂城化工")
    theirs = apply(make_item(), "SL1", enterprise=jiujiang)
    ours = apply(LicensingItem.objects.get(), "SL2", enterprise=guicheng)
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"{CASES}{theirs.pk}/").status_code == 404
    assert client.get(f"/api/licensing/cases/{theirs.pk}").status_code == 404
    assert client.get(f"{CASES}{ours.pk}/").status_code == 200
    assert "SL1" not in client.get(CASES).content.decode()


def test_the_list_shows_the_due_dates_and_the_xk_export_form(nanhai):
    granted(make_item(), D(2023, 9, 27))
    page = nanhai.client_for(nanhai.legal).get(CASES).content.decode()
    assert "办理期限" in page and "公示期限" in page and "2023-10-12" in page
    assert 'action="/licensing/licensing/export-xk/"' in page


def test_the_legal_officer_maintains_the_item_catalogue(nanhai):
    client = nanhai.client_for(nanhai.legal)
    data = {
        "name": "危险化学品经营许可证核发",
        "category": "行政许可",
        "licence_type": "普通",
        "time_limit_days": 20,
        "working_days": "on",
        "extendable": "on",
        "extension_days": 10,
        "materials": "申请表\n营业执照",
    }
    assert client.post(f"{ITEMS}new/", data).status_code == 302
    item = LicensingItem.objects.get()
    assert item.materials_list == ["申请表", "营业执照"] and item.working_days
    data.update(time_limit_days=15, _version=item.version)
    assert client.post(f"{ITEMS}{item.pk}/edit/", data).status_code == 302
    assert LicensingItem.objects.get().time_limit_days == 15
    assert client.post(f"{ITEMS}{item.pk}/void/", {"reason": "事项已取消"}).status_code == 302
    assert LicensingItem.objects.get().voided_at is not None
    assert nanhai.client_for(nanhai.district_officer).get(f"{ITEMS}new/").status_code == 404


def test_a_case_created_on_the_ledger_page_takes_the_items_name_and_time_limit(nanhai):
    item = make_item(working_days=True)
    client = nanhai.client_for(nanhai.legal)
    data = {"number": "SL9", "item": item.pk, "applicant": "某公司", "accepted_on": "2023-09-28"}
    assert client.post(f"{CASES}new/", data).status_code == 302
    case = LicensingCase.objects.get(number="SL9")
    assert (case.item_name, case.category, case.decision_due_on) == (item.name, "行政许可", D(2023, 11, 1))
