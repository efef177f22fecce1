"""The rules of 行政处罚法 on a case, one test per rule, named after its article, through the service
(`PENALTY_CASE.take`) and through the API: the decision no heavier than the notice, the party's period
from the notice's service, separation of duties, the time limit and its extension, hearing triggers,
evidence from the inspection and its files, and rule versions by filing date."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from emgov.cases import rules, services
from emgov.cases.models import CaseStage, CaseStep, PenaltyCase
from emgov.cases.procedures import PENALTY_CASE
from emgov.cases.services.decisions import ALL_POINTS_PASS
from emgov.cases.tests.helpers import (
    available,
    make_visit,
    notified_case,
    open_case,
    qualify,
    take,
)
from emgov.core import services as core_services
from emgov.core.models import Attachment, Role, RuleVersion, User
from emgov.enterprises.tests.test_views import credit_code

D = datetime.date
PDF = b"%PDF-1.4\n%scan\n"
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 16


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def refusals(case, user=None) -> dict[str, str]:
    return {o.step.name: o.refusal for o in PENALTY_CASE.options(case, user)}


def api(username: str, capsys) -> Client:
    from django.core.management import call_command

    call_command("api_token", username)
    return Client(headers={"Authorization": f"Bearer {capsys.readouterr().out.strip()}"})


def post(client: Client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def waived(nanhai, case, on=None):
    return take(
        "statement",
        case,
        nanhai.district_officer,
        on=on or D(2023, 3, 21),
        note="当事人书面放弃陈述申辩",
        waives_hearing=True,
    )


def second_reviewer(nanhai) -> User:
    """A qualified member of the legal office who handled none of the cases."""
    user = User.objects.create_user(
        "legal2", full_name="何法制", role=Role.LEGAL, department=nanhai.legal.department
    )
    user.regions.set([nanhai.district])
    qualify(user, "A20239999")
    return user


# 行政处罚法第四十五条第二款、第六十二条: no decision heavier than the notice -----------------------------


def test_art_45_a_penalty_kind_not_notified_is_refused_and_writes_nothing(nanhai):
    case = waived(nanhai, notified_case(nanhai, fine="20000"))
    with pytest.raises(ValidationError) as error:
        take("decide", case, nanhai.leader, on=D(2023, 3, 28), penalty_kinds=["罚款", "责令停产停业"])
    assert "penalty_kinds" in error.value.message_dict
    assert "告知书未告知责令停产停业" in str(error.value) and "重新告知" in str(error.value)
    case.refresh_from_db()
    assert case.decided_on is None and not case.decision_number
    assert not CaseStep.objects.filter(case=case, action="decide").exists()


def test_art_45_a_higher_confiscation_than_notified_is_refused(nanhai):
    case = open_case(nanhai)
    case = take("investigate", case, nanhai.district_officer, on=D(2023, 3, 3))
    case = take(
        "evidence",
        case,
        nanhai.district_officer,
        evidence_type="书证",
        title="账册",
        collected_on=D(2023, 3, 3),
    )
    case = take(
        "notify",
        case,
        nanhai.district_officer,
        on=D(2023, 3, 20),
        served_on=D(2023, 3, 20),
        penalty_kinds=["罚款", "没收违法所得"],
        fine_amount=Decimal("5000"),
        confiscation_amount=Decimal("8000"),
        legal_basis="《安全生产法》第九十四条",
    )
    case = waived(nanhai, case)
    with pytest.raises(ValidationError, match="决定的没收数额9,000.00元高于告知的8,000.00元"):
        take("decide", case, nanhai.leader, on=D(2023, 3, 28), confiscation_amount=Decimal("9000"))


def test_art_45_the_head_may_drop_a_kind_and_lower_the_fine(nanhai):
    case = open_case(nanhai)
    case = take("investigate", case, nanhai.district_officer, on=D(2023, 3, 3))
    case = take(
        "evidence",
        case,
        nanhai.district_officer,
        evidence_type="书证",
        title="台账",
        collected_on=D(2023, 3, 3),
    )
    case = take(
        "notify",
        case,
        nanhai.district_officer,
        on=D(2023, 3, 20),
        served_on=D(2023, 3, 20),
        penalty_kinds=["警告", "罚款"],
        fine_amount=Decimal("20000"),
        legal_basis="《安全生产法》第九十七条",
    )
    case = waived(nanhai, case)
    case = take(
        "decide", case, nanhai.leader, on=D(2023, 3, 28), penalty_kinds=["罚款"], fine_amount=Decimal("15000")
    )
    assert case.penalty_kinds == ["罚款"] and case.fine_amount == Decimal("15000")


def test_art_63_and_58_a_new_notice_of_a_heavier_penalty_rechecks_the_hearing_and_the_review(nanhai):
    """告知 罚款2万元 (no hearing, no review); the head wants 责令停产停业 added: a new notice is issued,
    which gives the right to a hearing (Art. 63), needs the legal review (Art. 58) and the heads'
    collective discussion (Art. 57), and restarts the party's period."""
    case = waived(nanhai, notified_case(nanhai, fine="20000"))
    assert not case.hearing_notice_number and not rules.review_applies(case)
    case = take(
        "renotify",
        case,
        nanhai.district_officer,
        on=D(2023, 3, 24),
        served_on=D(2023, 3, 27),
        penalty_kinds=["罚款", "责令停产停业"],
        fine_amount=Decimal("20000"),
    )
    assert case.stage == CaseStage.NOTIFIED and case.hearing_notice_number.startswith("应急听告〔2023〕")
    assert case.statement_on is None and not case.hearing_waived
    assert case.statement_due_on == D(2023, 4, 3)  # 5 working days from receipt on Mar 27
    assert "hearing_request" in available(case, nanhai.district_officer)
    refused = refusals(case, nanhai.leader)["decide"]
    assert "行政处罚法第五十八条" in refused  # the legal review comes first
    notices = CaseStep.objects.filter(case=case, action__in=["notify", "renotify"]).exclude(
        document_number=""
    )
    assert notices.count() == 2  # both notices stay in the case's history


def test_art_45_through_the_api_a_heavier_decision_is_refused_with_its_field(nanhai, capsys):
    case = waived(nanhai, notified_case(nanhai, fine="20000"))
    leader = api("leader", capsys)
    body = {"on": "2023-03-28", "fine_amount": "25000", "version": case.version}
    refused = post(leader, f"/api/cases/{case.pk}/steps/decide", body)
    assert refused.status_code == 422 and "高于告知的20,000.00元" in str(refused.json()["detail"])
    case.refresh_from_db()
    assert case.decided_on is None and case.fine_amount == Decimal("20000")


# 行政处罚法第四十四条、第六十二条、第六十四条: the party's period runs from the notice's service ------------


def test_art_64_the_period_counts_from_the_day_the_party_received_the_notice(nanhai):
    """Issued 2023-09-25, received by post 2023-09-28: 5 working days from receipt across National Day
    end 2023-10-11 (from the issue date they would have ended 2023-10-08, a worked Sunday)."""
    case = notified_case(nanhai, on=D(2023, 9, 25), filed_on=D(2023, 9, 1), served_on=None)
    assert case.notice_served_on is None and case.statement_due_on is None
    refused = refusals(case, nanhai.leader)
    assert (
        "告知书尚未送达当事人" in refused["decide"]
        and "行政处罚法第四十四条、第六十二条、第六十四条" in refused["decide"]
    )
    with pytest.raises(ValidationError, match="告知书尚未送达当事人"):
        take("decide", case, nanhai.leader, on=D(2023, 10, 20))
    with pytest.raises(ValidationError, match="不能早于告知日期"):
        take("notice_serve", case, nanhai.district_officer, on=D(2023, 9, 24))
    case = take("notice_serve", case, nanhai.district_officer, on=D(2023, 9, 28))
    assert case.statement_due_on == D(2023, 10, 11)
    assert rules.statement_due(case, D(2023, 9, 25)) == D(2023, 10, 8)
    with pytest.raises(ValidationError, match="期限至2023-10-11"):
        take("decide", case, nanhai.leader, on=D(2023, 10, 11))
    case = take("decide", case, nanhai.leader, on=D(2023, 10, 12))
    assert case.stage == CaseStage.DECIDED


def test_art_62_a_written_waiver_lets_the_decision_come_before_the_period_ends(nanhai):
    case = notified_case(nanhai, on=D(2023, 9, 25), filed_on=D(2023, 9, 1), served_on=D(2023, 9, 28))
    case = waived(nanhai, case, on=D(2023, 9, 28))
    case = take("decide", case, nanhai.leader, on=D(2023, 10, 9))
    assert case.decided_on == D(2023, 10, 9)


def test_art_64_a_statement_without_waiving_the_hearing_waits_for_the_period(nanhai):
    case = notified_case(
        nanhai, fine="60000", on=D(2023, 9, 25), filed_on=D(2023, 9, 1), served_on=D(2023, 9, 28)
    )
    case = take("statement", case, nanhai.district_officer, on=D(2023, 9, 28), note="对罚款数额有异议")
    qualify(nanhai.legal)
    case = take("review", case, nanhai.legal, on=D(2023, 10, 9), opinion="同意", **ALL_POINTS_PASS)
    with pytest.raises(ValidationError, match="期限至2023-10-11"):
        take("decide", case, nanhai.leader, on=D(2023, 10, 10))


# 行政处罚法第五十七条、第五十八条: separation of duties ------------------------------------------------------


def test_art_58_the_reviewer_is_not_a_handler_of_the_case(nanhai):
    case = notified_case(nanhai, fine="60000")
    take(
        "evidence_attach",
        case,
        nanhai.legal,
        evidence=case.evidence.get(),
        file=SimpleUploadedFile("现场检查记录.pdf", PDF),
    )  # the legal officer handled the case: uploaded its evidence
    case = PenaltyCase.objects.get(pk=case.pk)
    case = take(
        "statement", case, nanhai.district_officer, on=D(2023, 3, 21), note="放弃听证", waives_hearing=True
    )
    qualify(nanhai.legal)
    with pytest.raises(ValidationError, match="法制审核人员不能审核自己承办的案件") as error:
        take("review", case, nanhai.legal, on=D(2023, 3, 28), opinion="同意", **ALL_POINTS_PASS)
    assert error.value.code == "reviewer_is_handler"
    case.refresh_from_db()
    assert case.reviewed_on is None
    other = second_reviewer(nanhai)
    case = take("review", case, other, on=D(2023, 3, 28), opinion="同意", **ALL_POINTS_PASS)
    assert case.reviewer == other


def test_art_57_the_decision_is_approved_by_the_head_himself(nanhai, capsys):
    case = waived(nanhai, notified_case(nanhai))
    assert "decide" not in available(case, nanhai.legal)
    assert "decide" in available(case, nanhai.leader)
    url = f"/cases/penalties/{case.pk}/"
    assert 'id="step-decide"' in nanhai.client_for(nanhai.leader).get(url).content.decode()
    assert 'id="step-decide"' not in nanhai.client_for(nanhai.legal).get(url).content.decode()
    response = nanhai.client_for(nanhai.legal).post(
        f"{url}steps/decide/", {"on": "2023-03-28", "_version": case.version}
    )
    assert response.status_code == 403
    with pytest.raises(ValidationError, match="不能办理该环节"):
        take("decide", case, nanhai.legal, on=D(2023, 3, 28))
    body = {"on": "2023-03-28", "version": case.version}
    assert post(api("legal", capsys), f"/api/cases/{case.pk}/steps/decide", body).status_code == 403
    done = post(api("leader", capsys), f"/api/cases/{case.pk}/steps/decide", body)
    assert done.status_code == 200 and done.json()["decision_approver"] == "陈局长"
    assert CaseStep.objects.get(case_id=case.pk, action="decide").actor == nanhai.leader
    page = nanhai.client_for(nanhai.leader).get(f"/cases/penalties/{case.pk}/").content.decode()
    assert "处罚决定经负责人 陈局长 批准" in page


def test_art_57_a_heavy_penalty_is_decided_by_the_heads_collectively(nanhai):
    case = open_case(nanhai)
    case = take("investigate", case, nanhai.district_officer, on=D(2023, 3, 3))
    case = take(
        "evidence",
        case,
        nanhai.district_officer,
        evidence_type="书证",
        title="台账",
        collected_on=D(2023, 3, 3),
    )
    case = take(
        "notify",
        case,
        nanhai.district_officer,
        on=D(2023, 3, 20),
        served_on=D(2023, 3, 20),
        penalty_kinds=["责令停产停业"],
        legal_basis="《安全生产法》第一百零二条",
    )
    case = waived(nanhai, case)
    qualify(nanhai.legal)
    case = take("review", case, nanhai.legal, on=D(2023, 3, 27), opinion="同意", **ALL_POINTS_PASS)
    assert "行政处罚法第五十七条第二款" in refusals(case, nanhai.leader)["decide"]
    case = take("discuss", case, nanhai.legal, on=D(2023, 3, 28), note="局长办公会：同意责令停产停业")
    case = take("decide", case, nanhai.leader, on=D(2023, 3, 29))
    assert case.penalty_kinds == ["责令停产停业"]


# 行政处罚法第六十条: the time limit and its extension ----------------------------------------------------


def test_art_60_an_extension_only_before_the_limit_runs_out_and_within_the_rule_table(nanhai):
    case = notified_case(nanhai, filed_on=D(2023, 3, 2))
    assert case.decision_due_on == D(2023, 5, 31)
    late = {"approved_on": D(2023, 6, 1), "new_due_on": D(2023, 6, 20), "reason": "需鉴定"}
    with pytest.raises(ValidationError, match="决定期限已于2023-05-31届满，届满后不能再批准延长") as error:
        take("extend", case, nanhai.leader, **late)
    assert "approved_on" in error.value.message_dict
    with pytest.raises(ValidationError, match="延长后的期限最晚为2023-06-30") as error:
        take(
            "extend",
            case,
            nanhai.leader,
            approved_on=D(2023, 5, 30),
            new_due_on=D(2023, 7, 3),
            reason="需鉴定",
        )
    assert "new_due_on" in error.value.message_dict
    with pytest.raises(ValidationError, match="不能办理该环节"):
        take(
            "extend",
            case,
            nanhai.legal,
            approved_on=D(2023, 5, 30),
            new_due_on=D(2023, 6, 30),
            reason="需鉴定",
        )
    case = take(
        "extend", case, nanhai.leader, approved_on=D(2023, 5, 30), new_due_on=D(2023, 6, 30), reason="需鉴定"
    )
    assert case.decision_due_on == D(2023, 6, 30) and case.extensions.get().approver == nanhai.leader


def test_art_60_the_extension_bound_moves_past_a_holiday(nanhai):
    """Filed 2023-07-05: the 90 days end 2023-10-03 in the National Day holiday, so on 2023-10-07;
    30 more days end 2023-11-06 (a Monday)."""
    case = open_case(nanhai, filed_on=D(2023, 7, 5))
    assert case.decision_due_on == D(2023, 10, 7)
    assert rules.extension_bound(case) == D(2023, 11, 6)


def test_art_60_a_new_rule_version_changes_the_limit_of_cases_filed_after_it_only(nanhai):
    core_services.record_create(
        RuleVersion(
            key=rules.DECISION_DAYS.key,
            value=Decimal("60"),
            effective_from=D(2023, 6, 1),
            basis="某规章第三十条",
        ),
        actor=nanhai.admin,
    )
    before = open_case(nanhai, n=1, filed_on=D(2023, 5, 31))
    after = open_case(nanhai, n=2, filed_on=D(2023, 6, 1))
    assert before.decision_due_on == D(2023, 8, 29)  # 90 days
    assert after.decision_due_on == D(2023, 7, 31)  # 60 days


# 行政处罚法第六十三条: hearing triggers by party type, and large confiscations --------------------------------


def _notified_party(nanhai, party_type: str, *, kinds=("罚款",), fine=None, confiscation=None) -> PenaltyCase:
    party = {"party_name": "李记五金店", "party_type": party_type}
    if party_type != "自然人":
        party["party_credit_code"] = credit_code(60)
    case = services.case_open(
        actor=nanhai.district_officer, filed_on=D(2023, 3, 2), violation="未按规定设置安全警示标志", **party
    )
    case = take("investigate", case, nanhai.district_officer, on=D(2023, 3, 3))
    case = take(
        "evidence",
        case,
        nanhai.district_officer,
        evidence_type="物证",
        title="现场照片",
        collected_on=D(2023, 3, 3),
    )
    return take(
        "notify",
        case,
        nanhai.district_officer,
        on=D(2023, 3, 20),
        served_on=D(2023, 3, 20),
        penalty_kinds=list(kinds),
        fine_amount=Decimal(fine) if fine else None,
        confiscation_amount=Decimal(confiscation) if confiscation else None,
        legal_basis="《安全生产法》第九十九条",
    )


def test_art_63_a_sole_trader_has_its_own_hearing_amount(nanhai):
    assert rules.value(rules.HEARING_FINE_SOLE_TRADER) == 30000
    person = _notified_party(nanhai, "自然人", fine="20000")
    trader = _notified_party(nanhai, "个体工商户", fine="20000")
    assert rules.hearing_applies(person) and not rules.hearing_applies(trader)
    assert "对公民拟罚款20,000.00元" in rules.hearing_reason(person)
    core_services.record_create(
        RuleVersion(
            key=rules.HEARING_FINE_SOLE_TRADER.key,
            value=Decimal("10000"),
            effective_from=D(2023, 3, 1),
            basis="广东省规定（测试）",
            region=nanhai.district,
        ),
        actor=nanhai.admin,
    )
    # The version for the district applies to a case placed there (a case on its own: by its department).
    trader = _notified_party(nanhai, "个体工商户", fine="20000")
    assert rules.case_region(trader) == nanhai.district
    assert rules.hearing_applies(trader) and trader.hearing_notice_number


def test_art_63_2_a_large_confiscation_gives_the_right_to_a_hearing(nanhai):
    small = _notified_party(nanhai, "法人", kinds=("没收违法所得",), confiscation="29999")
    large = _notified_party(nanhai, "法人", kinds=("没收违法所得",), confiscation="30000")
    assert not small.hearing_notice_number and large.hearing_notice_number
    assert "第六十三条第一款第（二）项" in rules.hearing_reason(large)
    assert "hearing_request" in available(large, nanhai.district_officer)


def test_art_63_2_a_confiscation_needs_its_amount(nanhai):
    with pytest.raises(ValidationError) as error:
        _notified_party(nanhai, "法人", kinds=("没收非法财物",))
    assert "confiscation_amount" in error.value.message_dict


# 行政处罚法第四十六条、第五十四条: evidence from the inspection, and its files ---------------------------------


def test_art_54_the_site_record_made_at_the_visit_before_filing_is_evidence(nanhai):
    visit = make_visit(nanhai.guicheng, day=D(2023, 3, 1))
    case = services.case_open(
        actor=nanhai.district_officer, visit=visit, filed_on=D(2023, 3, 2), violation="x"
    )
    case = take(
        "evidence",
        case,
        nanhai.district_officer,
        evidence_type="勘验笔录、现场笔录",
        title="现场检查记录",
        collected_on=D(2023, 3, 1),
    )
    assert case.evidence.get().collected_on == D(2023, 3, 1)
    with pytest.raises(ValidationError, match="立案前取得的只有立案所依据的检查") as error:
        take(
            "evidence",
            case,
            nanhai.district_officer,
            evidence_type="书证",
            title="营业执照",
            collected_on=D(2023, 3, 1),
        )
    assert "collected_on" in error.value.message_dict
    with pytest.raises(ValidationError, match="立案前取得的只有"):
        take(
            "evidence",
            case,
            nanhai.district_officer,
            evidence_type="勘验笔录、现场笔录",
            title="另一份笔录",
            collected_on=D(2023, 2, 28),
        )


def test_art_46_evidence_carries_its_scan_and_its_video(nanhai):
    case = open_case(nanhai)
    case = take(
        "evidence",
        case,
        nanhai.district_officer,
        evidence_type="勘验笔录、现场笔录",
        title="现场检查记录",
        collected_on=D(2023, 3, 2),
        file=SimpleUploadedFile("现场检查记录.pdf", PDF),
    )
    item = case.evidence.get()
    case = take(
        "evidence_attach",
        case,
        nanhai.district_officer,
        evidence=item,
        file=SimpleUploadedFile("执法记录仪.mp4", MP4),
    )
    names = sorted(a.original_name for a in item.attachments.all())
    assert names == ["执法记录仪.mp4", "现场检查记录.pdf"]
    assert item.attachments.get(original_name="执法记录仪.mp4").mime_type == "video/mp4"
    with pytest.raises(ValidationError, match="内容与扩展名.mp4不符"):
        take(
            "evidence_attach",
            case,
            nanhai.district_officer,
            evidence=item,
            file=SimpleUploadedFile("假.mp4", PDF),
        )
    assert Attachment.objects.count() == 2
    page = nanhai.client_for(nanhai.legal).get(f"/cases/penalties/{case.pk}/").content.decode()
    assert "执法记录仪.mp4" in page and "/core/attachments/" in page


def test_art_46_through_the_page_and_the_api_an_evidence_file_is_uploaded(nanhai, capsys):
    case = open_case(nanhai)
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(
        f"/cases/penalties/{case.pk}/steps/evidence/",
        {
            "evidence_type": "书证",
            "title": "营业执照复印件",
            "collected_on": "2023-03-02",
            "file": SimpleUploadedFile("营业执照.pdf", PDF),
            "_version": case.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    item = case.evidence.get()
    assert item.attachments.get().original_name == "营业执照.pdf"
    case.refresh_from_db()
    officer = api("officer", capsys)
    url = f"/api/cases/{case.pk}/evidence/{item.pk}/files"
    stale = officer.post(
        url,
        {
            "file": SimpleUploadedFile("照片.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16),
            "version": case.version - 1,
        },
    )
    assert stale.status_code == 422 and item.attachments.count() == 1
    done = officer.post(
        url,
        {"file": SimpleUploadedFile("照片.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16), "version": case.version},
    )
    assert done.status_code == 200, done.content
    listed = officer.get(f"/api/cases/{case.pk}/evidence").json()
    assert sorted(f["original_name"] for f in listed[0]["files"]) == ["照片.jpg", "营业执照.pdf"]
    town = api("jiujiang", capsys)
    assert (
        town.post(url, {"file": SimpleUploadedFile("x.pdf", PDF), "version": case.version + 1}).status_code
        == 404
    )


def test_the_rules_page_lists_the_case_rules_and_the_guards_with_their_articles(nanhai):
    page = nanhai.client_for(nanhai.legal).get("/core/rules/").content.decode()
    for rule in (
        rules.STATEMENT_DAYS,
        rules.DECISION_DAYS,
        rules.HEARING_FINE_SOLE_TRADER,
        rules.COURT_WINDOW_MONTHS,
    ):
        assert str(rule.label) in page
    assert "行政处罚法第六十三条第一款第（二）项" in page and "行政强制法第五十三条" in page
    assert "行政处罚法第四十四条、第六十二条、第六十四条" in page  # the guard on an unserved notice
