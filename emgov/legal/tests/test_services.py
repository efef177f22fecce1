"""The legal office's steps: deadlines, appearance, evaluation of normative documents, certificates."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from emgov.core import audit, services
from emgov.core.interchange import registry
from emgov.core.models import Department, Officer
from emgov.legal import queries, rules
from emgov.legal.models import CounselRecord, LitigationCase, NormativeDocument, StudySession
from emgov.legal.procedures import CERTIFICATE, COUNSEL, LITIGATION, NORMATIVE_DOCUMENT
from emgov.legal.services.study import study_session_record_attendance

D = datetime.date
CREDIT_CODE = "91440605MA4W00001D"

pytestmark = pytest.mark.django_db


def lawsuit(nanhai, number="（2023）粤0605行初101号", **fields) -> LitigationCase:
    values = {"kind": "行政诉讼", "received_on": D(2023, 9, 10), "cause": "不服行政处罚决定", **fields}
    return services.record_create(LitigationCase(number=number, **values), actor=nanhai.legal)


def titles(user, today) -> list[str]:
    return [item.title for item in queries.todo_items(user, today)]


# Litigation deadlines ---------------------------------------------------------------------------


def test_defence_is_due_15_days_after_service():
    assert rules.defence_due("行政诉讼", D(2023, 7, 3)) == D(2023, 7, 18)


def test_defence_due_on_a_national_day_holiday_moves_to_the_first_working_day_after_it():
    # 2023-09-16 + 15 days = 2023-10-01, inside the 9-29..10-06 holiday; 10-07 is a make-up working day.
    assert rules.defence_due("行政诉讼", D(2023, 9, 16)) == D(2023, 10, 7)


def test_defence_due_on_a_sunday_moves_to_monday():
    assert rules.defence_due("行政诉讼", D(2023, 4, 15)) == D(2023, 5, 4)  # 04-30 Sun, 05-01..03 holiday


def test_reconsideration_reply_counts_ten_working_days_under_the_2023_law():
    # 2024 National Day: 10-01..07 off, 09-29 (Sun) and 10-12 (Sat) are working days.
    assert rules.defence_due("行政复议", D(2024, 9, 26)) == D(2024, 10, 15)


def test_reconsideration_reply_before_2024_counts_calendar_days():
    assert rules.defence_due("行政复议", D(2023, 9, 20)) == D(2023, 10, 7)


def test_service_sets_the_defence_deadline_and_the_to_do_shows_it_until_filed(nanhai):
    case = lawsuit(nanhai)
    case = LITIGATION.take("serve", case, actor=nanhai.legal, served_on=D(2023, 9, 16))
    assert case.defence_due_on == D(2023, 10, 7)
    assert not any(case.number in t for t in titles(nanhai.legal, D(2023, 9, 29)))
    assert any(case.number in t for t in titles(nanhai.legal, D(2023, 9, 30)))
    overdue = [i for i in queries.todo_items(nanhai.legal, D(2023, 10, 9)) if case.number in i.title]
    assert overdue and overdue[0].overdue
    case = LITIGATION.take("defend", case, actor=nanhai.legal, defence_filed_on=D(2023, 10, 7))
    assert LITIGATION.state(case) == "defended"
    assert not any(case.number in t for t in titles(nanhai.legal, D(2023, 10, 9)))
    assert titles(nanhai.district_officer, D(2023, 10, 9)) == []


# Appearance --------------------------------------------------------------------------------------


def served(nanhai, **fields) -> LitigationCase:
    return LITIGATION.take("serve", lawsuit(nanhai, **fields), actor=nanhai.legal, served_on=D(2023, 9, 12))


def test_appearance_is_recorded_only_once_the_complaint_has_been_served(nanhai):
    case = lawsuit(nanhai, head_required=True)
    assert [o.step.name for o in LITIGATION.options(case, nanhai.legal)] == ["serve"]
    with pytest.raises(ValidationError) as exc:
        LITIGATION.take(
            "appearance",
            case,
            actor=nanhai.legal,
            head_appeared=True,
            appeared_name="陈局长",
            appeared_position="局长",
        )
    assert "不是当前（已收案，待登记送达）可以办理的环节" in exc.value.messages[0]
    assert not LitigationCase.objects.get().head_appeared


def test_head_appearance_needs_the_name_and_position_of_who_appeared(nanhai):
    case = served(nanhai, head_required=True)
    with pytest.raises(ValidationError) as exc:
        LITIGATION.take("appearance", case, actor=nanhai.legal, head_appeared=True)
    assert "负责人实际出庭时必须填写出庭人员姓名" in exc.value.message_dict["appeared_name"]
    assert "负责人实际出庭时必须填写出庭人员职务" in exc.value.message_dict["appeared_position"]
    case = LITIGATION.take(
        "appearance",
        case,
        actor=nanhai.legal,
        head_appeared=True,
        appeared_name="陈局长",
        appeared_position="局长",
        hearing_on=D(2023, 11, 2),
    )
    assert (case.head_appeared, case.appeared_name, case.hearing_dates) == (True, "陈局长", ["2023-11-02"])
    assert audit.history(case).first().reason == "登记出庭应诉情况（行政诉讼法第三条第三款）"


def test_the_head_appears_only_where_required(nanhai):
    case = served(nanhai, head_required=False)
    with pytest.raises(ValidationError) as exc:
        LITIGATION.take(
            "appearance",
            case,
            actor=nanhai.legal,
            head_appeared=True,
            appeared_name="陈局长",
            appeared_position="局长",
        )
    assert exc.value.message_dict == {"head_appeared": ["只有负责人应出庭的案件才能填写负责人实际出庭"]}


def test_staff_appearing_instead_of_the_head_is_named_too(nanhai):
    case = served(nanhai, head_required=True)
    with pytest.raises(ValidationError) as exc:
        LITIGATION.take(
            "appearance",
            case,
            actor=nanhai.legal,
            head_appeared=False,
            staff_appeared=True,
            appeared_name="林法制",
        )
    assert exc.value.message_dict == {"appeared_position": ["其他工作人员出庭时必须填写出庭人员职务"]}
    LITIGATION.take(
        "appearance",
        case,
        actor=nanhai.legal,
        head_appeared=False,
        staff_appeared=True,
        appeared_name="林法制",
        appeared_position="法制股股长",
    )
    assert LitigationCase.objects.get().staff_appeared


def test_appearance_rate_is_appeared_over_required_in_the_year(nanhai):
    for n, (required, appeared) in enumerate([(True, True), (True, True), (True, False), (False, False)]):
        case = served(nanhai, number=f"（2023）粤0605行初{n}号", head_required=required)
        if appeared:
            LITIGATION.take(
                "appearance",
                case,
                actor=nanhai.legal,
                head_appeared=True,
                appeared_name="陈局长",
                appeared_position="局长",
            )
    lawsuit(nanhai, number="（2022）粤0605行初9号", received_on=D(2022, 5, 1), head_required=True)
    summary = queries.appearance_summary(nanhai.legal, 2023)
    assert (summary["cases"], summary["required"], summary["appeared"]) == (4, 3, 2)
    assert summary["rate"] == pytest.approx(2 / 3)
    page = nanhai.client_for(nanhai.legal).get("/legal/litigation/summary/", {"year": 2023}).content.decode()
    assert "67%（2/3）" in page


# Counsel ------------------------------------------------------------------------------------------


def test_counsel_requests_are_on_the_to_do_when_overdue_or_due_within_a_week(nanhai):
    def request(number: str, due: datetime.date) -> CounselRecord:
        record = services.record_create(
            CounselRecord(number=number, kind="法律意见", date=D(2023, 11, 1), subject=f"事项{number}"),
            actor=nanhai.legal,
        )
        return COUNSEL.take(
            "request", record, actor=nanhai.legal, matter="重大决策", requested_on=D(2023, 11, 1), due_on=due
        )

    overdue = request("GW1", D(2023, 12, 1))
    request("GW2", D(2023, 12, 11))
    request("GW3", D(2023, 12, 12))
    today = D(2023, 12, 4)
    items = {i.title: i for i in queries.todo_items(nanhai.legal, today)}
    assert items["法律顾问意见待答复：事项GW1"].overdue
    assert items["法律顾问意见待答复：事项GW1"].url == f"/legal/counsel/{overdue.pk}/steps/answer/"
    assert not items["法律顾问意见待答复：事项GW2"].overdue
    assert "法律顾问意见待答复：事项GW3" not in items
    with pytest.raises(ValidationError) as exc:
        COUNSEL.take("answer", overdue, actor=nanhai.legal, adviser="李律师", opinion="", answered_on=today)
    assert exc.value.message_dict["opinion"] == ["填写答复日期时必须填写意见内容"]
    with pytest.raises(ValidationError) as exc:
        COUNSEL.take("answer", overdue, actor=nanhai.legal, adviser=" ", opinion="同意", answered_on=today)
    assert exc.value.message_dict == {"adviser": ["答复时必须填写承办法律顾问"]}
    answered = COUNSEL.take(
        "answer", overdue, actor=nanhai.legal, adviser="李律师", opinion="同意", answered_on=today
    )
    assert COUNSEL.state(answered) == "answered"
    assert audit.history(answered).first().reason == "登记法律顾问答复意见"
    assert "法律顾问意见待答复：事项GW1" not in titles(nanhai.legal, today)
    assert [o.step.name for o in COUNSEL.options(answered, nanhai.legal)] == ["attach"]


# Normative documents --------------------------------------------------------------------------------


TRIAL_EXPIRY = D(2024, 5, 31)


def document(nanhai, valid_until: datetime.date = TRIAL_EXPIRY) -> NormativeDocument:
    return services.record_create(
        NormativeDocument(
            number="南应急规〔2022〕1号",
            title="村级工业园安全生产管理办法（试行）",
            effective_on=D(2022, 6, 1),
            valid_until=valid_until,
            status="有效",
        ),
        actor=nanhai.legal,
    )


def test_evaluation_falls_due_180_days_before_expiry_and_shows_from_30_days_before(nanhai):
    doc = document(nanhai)
    assert doc.evaluation_due == D(2023, 12, 3)
    name = "规范性文件待评估清理：《村级工业园安全生产管理办法（试行）》"
    assert name not in titles(nanhai.legal, D(2023, 11, 2))
    assert name in titles(nanhai.legal, D(2023, 11, 3))
    assert name not in titles(nanhai.guicheng_officer, D(2023, 11, 3))


def test_extension_sets_the_new_validity_and_ends_the_reminder(nanhai):
    doc = document(nanhai)
    with pytest.raises(ValidationError) as exc:
        NORMATIVE_DOCUMENT.take(
            "clean_up", doc, actor=nanhai.legal, cleanup_result="延期保留", cleanup_on=D(2023, 11, 20)
        )
    assert exc.value.message_dict == {"valid_until": ["延期保留必须填写新的有效期至"]}
    doc = NORMATIVE_DOCUMENT.take(
        "clean_up",
        doc,
        actor=nanhai.legal,
        cleanup_result="延期保留",
        cleanup_on=D(2023, 11, 20),
        valid_until=D(2026, 5, 31),
    )
    assert (doc.valid_until, doc.cleanup_result, doc.cleanup_on, doc.status) == (
        D(2026, 5, 31),
        "延期保留",
        D(2023, 11, 20),
        "有效",
    )
    assert not any("村级工业园" in t for t in titles(nanhai.legal, D(2023, 11, 21)))
    entry = audit.history(doc).filter(action="change").get()
    assert entry.reason == "规范性文件清理：延期保留"
    assert NormativeDocument.objects.live().filter(status="有效").count() == 1


def test_amendment_ends_the_reminder_and_repeal_takes_the_document_out_of_force(nanhai):
    doc = NORMATIVE_DOCUMENT.take(
        "clean_up", document(nanhai), actor=nanhai.legal, cleanup_result="修改", cleanup_on=D(2023, 11, 10)
    )
    assert not any("村级工业园" in t for t in titles(nanhai.legal, D(2023, 12, 4)))
    with pytest.raises(ValidationError) as exc:
        NORMATIVE_DOCUMENT.take(
            "clean_up", doc, actor=nanhai.legal, cleanup_result="废止", cleanup_on=D(2023, 11, 1)
        )
    assert exc.value.message_dict == {"cleanup_on": ["清理日期不能早于上次清理日期2023-11-10"]}
    doc = NORMATIVE_DOCUMENT.take(
        "clean_up", doc, actor=nanhai.legal, cleanup_result="废止", cleanup_on=D(2023, 12, 1)
    )
    assert doc.status == "废止" and NORMATIVE_DOCUMENT.state(doc) == "repealed"
    assert not NormativeDocument.objects.live().filter(status="有效").exists()
    assert NORMATIVE_DOCUMENT.options(doc, nanhai.legal) == []
    with pytest.raises(ValidationError) as exc:
        NORMATIVE_DOCUMENT.take(
            "clean_up", doc, actor=nanhai.legal, cleanup_result="修改", cleanup_on=D(2023, 12, 2)
        )
    assert exc.value.messages == ["“登记清理结果”不是当前（废止）可以办理的环节。"]
    assert NormativeDocument.objects.get(pk=doc.pk).cleanup_result == "废止"


# Certificates -------------------------------------------------------------------------------------


def officer(number: str, name: str, valid_until: datetime.date | None) -> Officer:
    return services.record_create(
        Officer(
            certificate_number=number,
            name=name,
            department=Department.objects.get(is_bureau=True),
            valid_until=valid_until,
        ),
        actor=None,
    )


def test_certificates_expiring_within_90_days_are_on_the_admin_and_legal_to_do(nanhai):
    today = D(2023, 12, 4)
    officer("YJ090", "王九十", today + datetime.timedelta(days=90))
    officer("YJ091", "赵九一", today + datetime.timedelta(days=91))
    for user in (nanhai.legal, nanhai.admin):
        found = titles(user, today)
        assert "执法证即将到期：王九十（YJ090）" in found
        assert not any("赵九一" in t for t in found)
    assert titles(nanhai.district_officer, today) == []
    assert titles(nanhai.leader, today) == []


def test_suspension_is_audited_with_its_reason_and_reinstatement_follows(nanhai):
    person = officer("YJ001", "李执法", D(2025, 1, 1))
    with pytest.raises(ValidationError) as exc:
        CERTIFICATE.take("suspend", person, actor=nanhai.legal, reason=" ")
    assert exc.value.message_dict == {"reason": ["暂扣执法证必须填写原因"]}
    person = CERTIFICATE.take("suspend", person, actor=nanhai.legal, reason="涉嫌违规执法")
    assert person.status == "暂扣" and not person.certificate_valid_on(D(2023, 12, 4))
    entry = audit.history(person).filter(action="change").get()
    assert entry.reason == "暂扣执法证：涉嫌违规执法" and entry.changes == {"status": ["有效", "暂扣"]}
    assert [o.step.name for o in CERTIFICATE.options(person, nanhai.legal)] == ["revoke", "reinstate"]
    with pytest.raises(ValidationError) as exc:
        CERTIFICATE.take("suspend", person, actor=nanhai.legal, reason="再次")
    assert exc.value.messages == ["“暂扣执法证”不是当前（暂扣）可以办理的环节。"]
    person = CERTIFICATE.take("reinstate", person, actor=nanhai.legal, reason="调查结束")
    assert person.status == "有效"


def test_a_revoked_certificate_is_not_reinstated_and_officers_may_not_change_certificates(nanhai):
    person = CERTIFICATE.take(
        "revoke", officer("YJ001", "李执法", None), actor=nanhai.legal, reason="调离执法岗位"
    )
    assert CERTIFICATE.options(person, nanhai.legal) == []
    with pytest.raises(ValidationError):
        CERTIFICATE.take("reinstate", person, actor=nanhai.legal, reason="复岗")
    other = officer("YJ002", "张执法", None)
    with pytest.raises(ValidationError) as exc:
        CERTIFICATE.take("suspend", other, actor=nanhai.district_officer, reason="调查")
    assert exc.value.code == "forbidden"
    assert Officer.objects.get(pk=other.pk).status == "有效"


def _inspection_import(nanhai, certificates: str, day: str = "2023-12-04"):
    enterprises = registry.get("enterprises").load_rows(
        [
            ["统一社会信用代码", "企业名称", "所属镇街", "行业类别"],
            [CREDIT_CODE, "南海某五金厂", "桂城街道", "工贸"],
        ],
        actor=None,
        via="测试",
    )
    assert enterprises.ok, enterprises.errors
    return registry.get("inspections").load_rows(
        [
            ["检查编号", "检查日期", "统一社会信用代码", "执法部门", "检查性质", "执法人员证号"],
            ["JC2023-0001", day, CREDIT_CODE, "应急", "执法检查", certificates],
        ],
        actor=None,
        via="测试",
    )


def test_a_suspended_certificate_is_refused_on_a_visit_import_naming_the_officer(nanhai):
    officer("YJ001", "李执法", D(2025, 1, 1))
    suspended = officer("YJ002", "张暂扣", D(2025, 1, 1))
    CERTIFICATE.take("suspend", suspended, actor=nanhai.legal, reason="调查")
    result = _inspection_import(nanhai, "YJ001；YJ002")
    assert not result.ok
    message = " ".join(str(e) for e in result.errors)
    assert "张暂扣（YJ002）" in message and "李执法" not in message
    CERTIFICATE.take("reinstate", suspended, actor=nanhai.legal, reason="调查结束")
    assert (
        registry.get("inspections")
        .load_rows(
            [
                ["检查编号", "检查日期", "统一社会信用代码", "执法部门", "检查性质", "执法人员证号"],
                ["JC2023-0001", "2023-12-04", CREDIT_CODE, "应急", "执法检查", "YJ001；YJ002"],
            ],
            actor=None,
            via="测试",
        )
        .ok
    )


def test_an_expired_certificate_is_refused_on_a_visit_import(nanhai):
    officer("YJ001", "李执法", D(2025, 1, 1))
    officer("YJ003", "钱过期", D(2023, 12, 3))
    result = _inspection_import(nanhai, "YJ001；YJ003")
    assert "钱过期（YJ003）" in " ".join(str(e) for e in result.errors)


# Study sessions -----------------------------------------------------------------------------------


def test_attendance_lists_people_and_may_not_count_fewer_than_it_lists(nanhai):
    session = services.record_create(
        StudySession(number="XF2023-001", kind="专家专题辅导", date=D(2023, 6, 1), topic="安全生产法解读"),
        actor=None,
    )
    with pytest.raises(ValidationError) as exc:
        study_session_record_attendance(
            actor=nanhai.legal, session=session, attendance=1, attendees=[nanhai.legal, nanhai.leader]
        )
    assert exc.value.message_dict == {"attendance": ["参加人数（1）少于所列参加人员（2人）"]}
    study_session_record_attendance(
        actor=nanhai.legal, session=session, attendance=35, attendees=[nanhai.legal], speaker="王教授"
    )
    session = StudySession.objects.get()
    assert (session.attendance, session.speaker, list(session.attendees.all())) == (
        35,
        "王教授",
        [nanhai.legal],
    )
    groups = {g["kind"]: g for g in queries.study_by_kind(nanhai.legal, 2023)}
    assert groups["专家专题辅导"]["count"] == 1 and groups["专家专题辅导"]["attendance"] == 35
    assert groups["学法考试"]["count"] == 0
