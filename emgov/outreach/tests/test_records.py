"""Attendance lists and question banks come from Excel; the report's figures count the records."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from emgov.outreach import queries
from emgov.outreach.models import Attendance, OutreachActivity, Question, QuestionBank
from emgov.outreach.procedures import QUESTION
from emgov.outreach.services import (
    attendance_import,
    certificate_document,
    certificates_issue,
    questions_import,
)
from emgov.outreach.tests.builders import QUESTION_HEADER, activity, question_rows, xlsx
from emgov.reports.figures import FIGURES, Scope

ROSTER = [
    ["姓名", "单位", "手机号"],
    ["陈志明", "桂城五金有限公司", "13800138001"],
    ["李婉婷", "桂城五金有限公司", ""],
]


def test_an_attendance_list_counts_for_the_activity_and_the_report(nanhai):
    training = activity("线下专场培训", participants=999, start_date=datetime.date(2023, 3, 1))
    assert (
        attendance_import(
            actor=nanhai.district_officer, activity=training, stream=xlsx(ROSTER), filename="名单.xlsx"
        )
        == 2
    )
    training.refresh_from_db()
    assert training.participants == 2 and queries.counted_participants(training) == 2
    scope = Scope.of(year=2023, region_code="440605")
    assert FIGURES["outreach.offline_participants"].value(scope) == 2


def test_the_figure_counts_records_not_the_typed_number(nanhai):
    training = activity("线上培训", participants=10, start_date=datetime.date(2023, 3, 1))
    activity("线上培训", participants=7, start_date=datetime.date(2023, 4, 1))
    attendance_import(actor=None, activity=training, stream=xlsx(ROSTER), filename="名单.xlsx")
    OutreachActivity.objects.filter(pk=training.pk).update(participants=500)  # typed over, bypassing the list
    scope = Scope.of(year=2023, region_code="440605")
    assert FIGURES["outreach.online_trainees"].value(scope) == 2 + 7


def test_a_bad_row_refuses_the_whole_list_and_names_it(nanhai):
    training = activity("线下专场培训")
    rows = [*ROSTER, ["王强", "某公司", "12345"]]
    with pytest.raises(ValidationError) as refused:
        attendance_import(actor=None, activity=training, stream=xlsx(rows), filename="名单.xlsx")
    assert any("第4行" in m and "手机号" in m for m in refused.value.messages)
    assert not Attendance.objects.exists()


def test_certificates_are_numbered_and_rendered_as_pdf(nanhai):
    training = activity("线下专场培训", name="有限空间作业专场培训")
    attendance_import(actor=None, activity=training, stream=xlsx(ROSTER), filename="名单.xlsx")
    assert certificates_issue(actor=None, activity=training) == 2
    person = Attendance.objects.get(name="陈志明")
    assert person.certificate_number == f"{training.number}-0001"
    doc = certificate_document(person)
    assert "有限空间作业专场培训" in doc.text() and doc.to_pdf().startswith(b"%PDF")


def test_imported_questions_wait_for_review(nanhai):
    bank = QuestionBank.objects.create(name="题库")
    rows = [QUESTION_HEADER, *question_rows(3)]
    assert questions_import(actor=nanhai.legal, bank=bank, stream=xlsx(rows), filename="题库.xlsx") == (3, 0)
    question = Question.objects.get(code="Q001")
    assert question.status == "待审核"
    QUESTION.take("approve", question, actor=nanhai.legal)
    rows[1][2] = "第1题（改）"
    assert questions_import(actor=nanhai.legal, bank=bank, stream=xlsx(rows), filename="题库.xlsx") == (0, 1)
    assert Question.objects.get(code="Q001").status == "待审核", "a changed question is reviewed again"


def test_a_question_with_a_wrong_answer_letter_is_refused(nanhai):
    bank = QuestionBank.objects.create(name="题库")
    rows = [QUESTION_HEADER, ["Q1", "单选题", "题", "甲", "乙", "", "", "C", "解析", "安全生产法"]]
    with pytest.raises(ValidationError) as refused:
        questions_import(actor=None, bank=bank, stream=xlsx(rows), filename="题库.xlsx")
    assert "第2行" in refused.value.messages[0] and "答案" in refused.value.messages[0]


def test_a_town_officer_cannot_approve_a_question(nanhai):
    bank = QuestionBank.objects.create(name="题库")
    questions_import(
        actor=None, bank=bank, stream=xlsx([QUESTION_HEADER, *question_rows(1)]), filename="题库.xlsx"
    )
    with pytest.raises(ValidationError):
        QUESTION.take("approve", Question.objects.get(), actor=nanhai.guicheng_officer)
