"""The visit recorded on a phone: officers' certificates, the checklist's hazards, files, drafts, data scope."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from emgov.core import audit, services
from emgov.core.models import AuditAction
from emgov.enforcement.models import ChecklistAnswer, Hazard, Visit, VisitDraft
from emgov.enforcement.tests import phone
from emgov.enterprises.services import name_initials
from emgov.reports import figures

RECORD = phone.RECORD
SEARCH = f"{RECORD}enterprises/"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def counted(nanhai) -> tuple[int, int]:
    """The report's count of the bureau's inspections and of the hazards they found."""
    values = figures.compute(figures.Scope.of(year=2023, region_code=nanhai.district.code))
    return values["enforcement.inspections"], values["enforcement.hazards_found"]


@pytest.fixture
def guicheng_firm(nanhai):
    return phone.enterprise(nanhai.guicheng, 1, "桂城五金制品有限公司")


def test_enterprise_name_initials_are_filled_from_the_name(guicheng_firm):
    assert guicheng_firm.name_initials == "gcwjzpyxgs"
    assert name_initials("ABC电子(佛山)厂") == "abcdzfsc"
    renamed = services.record_update(guicheng_firm, actor=None, changes={"name": "平洲玉器厂"})
    assert renamed.name_initials == "pzyqc"


@pytest.mark.parametrize("query", ["gcwj", "GCWJ", "五金", "91440605000000001"])
def test_enterprise_is_found_by_initials_name_or_credit_code(nanhai, guicheng_firm, query):
    page = nanhai.client_for(nanhai.guicheng_officer).get(SEARCH, {"q": query}).content.decode()
    assert "桂城五金制品有限公司" in page and f'value="{guicheng_firm.pk}"' in page


def test_town_officer_does_not_find_another_towns_enterprise(nanhai, guicheng_firm):
    phone.enterprise(nanhai.jiujiang, 2, "九江五金厂")
    page = nanhai.client_for(nanhai.guicheng_officer).get(SEARCH, {"q": "wj"}).content.decode()
    assert "桂城五金制品有限公司" in page and "九江五金厂" not in page


def test_enterprise_search_query_count_is_fixed(nanhai, guicheng_firm, django_assert_num_queries):
    for n in range(2, 8):
        phone.enterprise(nanhai.guicheng, n, f"桂城五金{n}厂")
    client = nanhai.client_for(nanhai.guicheng_officer)
    client.get(SEARCH, {"q": "gcwj"})
    with django_assert_num_queries(4):  # session, user, the user's regions, the enterprises with their towns
        page = client.get(SEARCH, {"q": "gcwj"}).content.decode()
    assert page.count('type="radio"') == 7


def test_phone_form_records_visit_with_checklist_hazards_and_photo(nanhai, guicheng_firm):
    items = phone.checklist()
    officers = phone.officer_pair()
    data = phone.form_data(
        guicheng_firm,
        officers,
        answers={
            items["第三条第（一）项"]: ("符合", ""),
            items["第三条第（二）项"]: ("不符合", "叉车司机无证上岗"),
            items["第十一条第（十）项"]: ("不符合", ""),
            items["第十二条"]: ("不适用", "无液氨制冷"),
        },
        av_recorded="on",
        files=SimpleUploadedFile("现场.png", PNG, content_type="image/png"),
    )
    response = nanhai.client_for(nanhai.guicheng_officer).post(RECORD, data)
    visit = Visit.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/enforcement/visits/{visit.pk}/"
    assert visit.number == "YJ-20230601-001" and visit.av_recorded
    assert sorted(a.answer for a in ChecklistAnswer.objects.filter(visit=visit)) == [
        "不符合",
        "不符合",
        "不适用",
        "符合",
    ]
    hazards = {h.basis: h for h in Hazard.objects.filter(visit=visit)}
    assert set(hazards) == {
        "《工贸企业重大事故隐患判定标准》第三条第（二）项",
        "《工贸企业重大事故隐患判定标准》第十一条第（十）项",
    }
    assert {h.grade for h in hazards.values()} == {"重大事故隐患"}
    assert hazards["《工贸企业重大事故隐患判定标准》第三条第（二）项"].description == "叉车司机无证上岗"
    assert (
        hazards["《工贸企业重大事故隐患判定标准》第十一条第（十）项"].description
        == items["第十一条第（十）项"].text
    )
    assert [a.original_name for a in visit.attachments.all()] == ["现场.png"]
    assert audit.history(visit).filter(action=AuditAction.CREATE, actor=nanhai.guicheng_officer).exists()
    page = nanhai.client_for(nanhai.guicheng_officer).get(f"/enforcement/visits/{visit.pk}/").content.decode()
    assert "叉车司机无证上岗" in page and "现场.png" in page and "第十一条第（十）项" in page


def test_checklist_item_not_marked_major_gives_a_general_hazard(nanhai, guicheng_firm):
    item = phone.checklist()["第三条第（一）项"]
    item.major = False
    item.save()
    data = phone.form_data(guicheng_firm, phone.officer_pair(), answers={item: ("不符合", "未签安全协议")})
    nanhai.client_for(nanhai.guicheng_officer).post(RECORD, data)
    assert Hazard.objects.get().grade == "一般隐患"


def test_expired_certificate_is_refused_naming_the_officer_on_the_field(nanhai, guicheng_firm):
    officers = [
        phone.officer("YJ101", "李执法"),
        phone.officer("YJ103", "赵过期", valid_until=datetime.date(2023, 5, 31)),
    ]
    response = nanhai.client_for(nanhai.guicheng_officer).post(
        RECORD, phone.form_data(guicheng_firm, officers)
    )
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert "赵过期（YJ103）" in errors["officers"][0] and "2023-06-01" in errors["officers"][0]
    assert not Visit.objects.exists() and not Hazard.objects.exists()


def test_suspended_certificate_is_refused(nanhai, guicheng_firm):
    officers = [phone.officer("YJ101", "李执法"), phone.officer("YJ104", "钱暂扣", status="暂扣")]
    response = nanhai.client_for(nanhai.guicheng_officer).post(
        RECORD, phone.form_data(guicheng_firm, officers)
    )
    assert "钱暂扣（YJ104）" in response.context["form"].errors["officers"][0]
    assert not Visit.objects.exists()


def test_one_officer_is_refused_for_enforcement_but_enough_for_assistance(nanhai, guicheng_firm):
    one = [phone.officer("YJ101", "李执法")]
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.post(RECORD, phone.form_data(guicheng_firm, one))
    assert "只有1名" in response.context["form"].errors["officers"][0]
    assert client.post(RECORD, phone.form_data(guicheng_firm, one, nature="帮扶指导")).status_code == 302
    assert Visit.objects.get().nature == "帮扶指导"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("现场.exe", b"MZ\x90\x00", "类型不允许上传"),
        ("现场.png", b"%PDF-1.4 not an image", "内容与扩展名.png不符"),
    ],
)
def test_bad_attachment_is_refused_and_nothing_written(nanhai, guicheng_firm, name, content, message):
    item = phone.checklist()["第三条第（二）项"]
    data = phone.form_data(
        guicheng_firm,
        phone.officer_pair(),
        answers={item: ("不符合", "无证上岗")},
        files=SimpleUploadedFile(name, content),
    )
    response = nanhai.client_for(nanhai.guicheng_officer).post(RECORD, data)
    assert response.status_code == 422 and message in response.context["form"].errors["files"][0]
    assert not Visit.objects.exists() and not Hazard.objects.exists() and not ChecklistAnswer.objects.exists()


def test_attachment_over_the_size_limit_is_refused(nanhai, guicheng_firm, settings):
    settings.EMGOV_UPLOAD_MAX_BYTES = 16
    data = phone.form_data(guicheng_firm, phone.officer_pair(), files=SimpleUploadedFile("大.png", PNG))
    response = nanhai.client_for(nanhai.guicheng_officer).post(RECORD, data)
    assert "超过上限" in response.content.decode() and not Visit.objects.exists()


def test_town_officer_cannot_post_for_another_towns_enterprise(nanhai):
    other = phone.enterprise(nanhai.jiujiang, 2, "九江五金厂")
    response = nanhai.client_for(nanhai.guicheng_officer).post(
        RECORD, phone.form_data(other, phone.officer_pair())
    )
    assert response.status_code == 422 and "enterprise" in response.context["form"].errors
    assert not Visit.objects.exists()


def test_draft_is_kept_apart_from_visits_figures_and_exports(nanhai, guicheng_firm):
    item = phone.checklist()["第三条第（二）项"]
    officers = phone.officer_pair()
    client = nanhai.client_for(nanhai.guicheng_officer)
    data = phone.form_data(guicheng_firm, officers, answers={item: ("不符合", "无证上岗")}, action="draft")
    data["files"] = SimpleUploadedFile("现场.png", PNG)
    response = client.post(RECORD, data)
    draft = VisitDraft.objects.get()
    assert response["Location"] == f"{RECORD}{draft.pk}/"
    assert not Visit.objects.exists() and not Hazard.objects.exists()
    assert counted(nanhai) == (0, 0)
    visits_page = client.get("/enforcement/visits/").content.decode()
    assert "桂城五金制品有限公司" not in visits_page
    assert "桂城五金制品有限公司" in client.get(RECORD).content.decode()  # listed among the user's drafts
    page = client.get(f"{RECORD}{draft.pk}/").content.decode()
    assert "无证上岗" in page and "现场.png" in page and "checked" in page
    # Another user neither sees nor continues it.
    assert nanhai.client_for(nanhai.district_officer).get(f"{RECORD}{draft.pk}/").status_code == 404

    response = client.post(f"{RECORD}{draft.pk}/", {**data, "action": "submit", "files": []})
    visit = Visit.objects.get()
    assert response["Location"] == f"/enforcement/visits/{visit.pk}/"
    assert [a.original_name for a in visit.attachments.all()] == ["现场.png"]
    assert Hazard.objects.get().visit == visit
    assert counted(nanhai) == (1, 1)
    draft.refresh_from_db()
    assert draft.visit == visit
    assert client.get(f"{RECORD}{draft.pk}/").status_code == 404
    assert "我的草稿" not in client.get(RECORD).content.decode()


def test_draft_can_be_discarded(nanhai, guicheng_firm):
    client = nanhai.client_for(nanhai.guicheng_officer)
    client.post(RECORD, phone.form_data(guicheng_firm, [], action="draft"))
    draft = VisitDraft.objects.get()
    client.post(f"{RECORD}{draft.pk}/discard/")
    draft.refresh_from_db()
    assert draft.discarded_at is not None and "我的草稿" not in client.get(RECORD).content.decode()


def test_leader_cannot_record_visits(nanhai):
    assert nanhai.client_for(nanhai.leader).get(RECORD).status_code == 404


def test_visit_list_counts_assistance_apart_from_enforcement(nanhai, guicheng_firm):
    client = nanhai.client_for(nanhai.guicheng_officer)
    officers = phone.officer_pair()
    for day, nature in (("2023-06-01", "执法检查"), ("2023-06-02", "执法检查"), ("2023-06-03", "帮扶指导")):
        client.post(RECORD, phone.form_data(guicheng_firm, officers, date=day, nature=nature))
    page = client.get("/enforcement/visits/").content.decode()
    assert (
        "全部（3）" in page
        and "执法检查（2）" in page
        and "帮扶指导（1）" in page
        and "督导检查（0）" in page
    )
    page = client.get("/enforcement/visits/", {"nature": "帮扶指导"}).content.decode()
    assert "YJ-20230603-001" in page and "YJ-20230601-001" not in page
    assert 'aria-current="page">帮扶指导（1）' in page


def test_ledger_import_fills_the_name_initials(nanhai, tmp_path):
    from django.core.management import call_command

    from emgov.enterprises.models import Enterprise
    from emgov.enterprises.tests.test_views import credit_code

    ledger = tmp_path / "enterprises.csv"
    ledger.write_text(
        f"统一社会信用代码,企业名称,所属镇街,行业类别\n{credit_code(9)},九江双蒸酒厂,九江镇,轻工\n"
    )
    call_command("import", "enterprises", str(ledger))
    assert Enterprise.objects.get(credit_code=credit_code(9)).name_initials == "jjszjc"
