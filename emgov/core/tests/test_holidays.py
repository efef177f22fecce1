"""Deadlines that stay true: a 节假日调整 recomputes every stored due date it moves, audited, and a year
the built-in data does not cover warns until the administrator marks its calendar complete.

The built-in holiday data ends with 2026: 2027 is counted Monday to Friday until entered.
"""

from __future__ import annotations

import datetime

import pytest

from emgov.cases.tests.helpers import open_case
from emgov.core import audit, services, workdays
from emgov.core.models import HolidayOverride, HolidayYear
from emgov.legal.models import LitigationCase
from emgov.legal.procedures import LITIGATION
from emgov.licensing.procedures import LICENSING_CASE
from emgov.licensing.tests.factories import apply, make_item
from emgov.publicity.tests.helpers import register

pytestmark = pytest.mark.django_db

D = datetime.date
REASON = "节假日调整后重新计算期限"
NEW_YEAR_2027 = {"date": "2027-01-01", "is_workday": "", "note": "元旦"}


def add_holiday(nanhai, data=NEW_YEAR_2027):
    response = nanhai.client_for(nanhai.admin).post("/core/holidays/new/", data)
    assert response.status_code == 302
    return HolidayOverride.objects.get(date=data["date"])


def test_a_disclosure_request_received_2026_12_20_is_due_later_once_new_year_2027_is_entered(nanhai):
    request = register(nanhai.legal, "2026-12-20")
    # Twenty working days after Sunday 12-20, 2027-01-01 counted as a weekday.
    assert request.due_on == D(2027, 1, 15)
    add_holiday(nanhai)
    request.refresh_from_db()
    assert request.due_on == D(2027, 1, 18)
    entry = audit.history(request).get(reason=REASON)
    assert entry.actor == nanhai.admin and entry.changes["due_on"] == ["2027-01-15", "2027-01-18"]


def test_a_licensing_case_due_in_2027_moves_when_a_2027_holiday_is_added_and_back_when_it_is_corrected(
    nanhai,
):
    case = apply(make_item(working_days=True), applied_on=D(2026, 12, 21))
    case = LICENSING_CASE.take("accept", case, actor=nanhai.legal, accepted_on=D(2026, 12, 21))
    assert case.decision_due_on == D(2027, 1, 18)
    holiday = add_holiday(nanhai)
    case.refresh_from_db()
    assert case.decision_due_on == D(2027, 1, 19)
    # Corrected to a working day (an edit of the override): the due date follows back.
    client = nanhai.client_for(nanhai.admin)
    data = {"date": "2027-01-01", "is_workday": "on", "note": "录入有误", "_version": holiday.version}
    assert client.post(f"/core/holidays/{holiday.pk}/edit/", data).status_code == 302
    case.refresh_from_db()
    assert case.decision_due_on == D(2027, 1, 18)
    assert audit.history(case).filter(reason=REASON).count() == 2


def test_a_penalty_case_decision_limit_in_2027_moves_with_the_holiday(nanhai):
    case = open_case(nanhai, filed_on=D(2026, 12, 1))
    # 90 days after 12-01 is Monday 2027-03-01; a holiday that day moves the limit to the next working day.
    assert case.decision_due_on == D(2027, 3, 1)
    add_holiday(nanhai, {"date": "2027-03-01", "is_workday": "", "note": "调休"})
    case.refresh_from_db()
    assert case.decision_due_on == D(2027, 3, 2)
    assert audit.history(case).get(reason=REASON).changes["decision_due_on"] == ["2027-03-01", "2027-03-02"]


def test_a_reconsideration_reply_due_in_2027_moves_with_the_holiday(nanhai):
    case = services.record_create(
        LitigationCase(
            number="（2026）复1号",
            kind="行政复议",
            received_on=D(2026, 12, 21),
            cause="不服行政处罚决定",
        ),
        actor=None,
    )
    case = LITIGATION.take("serve", case, actor=nanhai.legal, served_on=D(2026, 12, 21))
    # 行政复议法 (2023) Art. 48 and 88: ten working days.
    assert case.defence_due_on == D(2027, 1, 4)
    client = nanhai.client_for(nanhai.legal)
    assert "系统未收录2027年的法定节假日安排" in client.get(f"/legal/litigation/{case.pk}/").content.decode()
    add_holiday(nanhai)
    case.refresh_from_db()
    assert case.defence_due_on == D(2027, 1, 5)
    assert (
        "2027年的法定节假日安排尚未标记为已完整录入"
        in client.get(f"/legal/litigation/{case.pk}/").content.decode()
    )


def test_a_holiday_that_changes_nothing_writes_nothing(nanhai):
    request = register(nanhai.legal, "2026-12-20")
    add_holiday(nanhai, {"date": "2027-03-01", "is_workday": "", "note": "不在期限内"})
    request.refresh_from_db()
    assert request.due_on == D(2027, 1, 15) and not audit.history(request).filter(reason=REASON).exists()


def test_a_2027_deadline_warns_until_the_year_is_marked_complete(nanhai):
    assert workdays.coverage_warning(2026) is None
    assert "系统未收录2027年的法定节假日安排" in workdays.coverage_warning(2027)
    request = register(nanhai.legal, "2026-12-20")
    add_holiday(nanhai)
    # One override does not make the year complete.
    assert "2027年的法定节假日安排尚未标记为已完整录入" in workdays.coverage_warning(2027)
    client = nanhai.client_for(nanhai.legal)
    assert "尚未标记为已完整录入" in client.get(f"/publicity/requests/{request.pk}/").content.decode()
    admin = nanhai.client_for(nanhai.admin)
    missing_notice = admin.post("/core/holiday-years/new/", {"year": 2027, "complete": "on"})
    assert missing_notice.status_code == 200 and "国务院办公厅放假通知" in missing_notice.content.decode()
    data = {"year": 2027, "complete": "on", "notice": "国务院办公厅关于2027年部分节假日安排的通知"}
    assert admin.post("/core/holiday-years/new/", data).status_code == 302
    assert HolidayYear.objects.get().complete and workdays.coverage_warning(2027) is None
    assert "2027年的法定节假日安排" not in client.get(f"/publicity/requests/{request.pk}/").content.decode()


def test_a_licensing_case_page_warns_for_2027_until_the_year_is_complete(nanhai):
    case = apply(make_item(working_days=True), applied_on=D(2026, 12, 21))
    case = LICENSING_CASE.take("accept", case, actor=nanhai.legal, accepted_on=D(2026, 12, 21))
    client = nanhai.client_for(nanhai.legal)
    assert (
        "系统未收录2027年的法定节假日安排" in client.get(f"/licensing/licensing/{case.pk}/").content.decode()
    )
    services.record_create(HolidayYear(year=2027, complete=True, notice="国办发明电〔2026〕×号"), actor=None)
    assert "2027年" not in client.get(f"/licensing/licensing/{case.pk}/").content.decode()


def test_a_penalty_case_page_warns_for_its_2027_decision_limit_until_the_year_is_complete(nanhai):
    case = open_case(nanhai, filed_on=D(2026, 12, 1))
    client = nanhai.client_for(nanhai.legal)
    assert "系统未收录2027年的法定节假日安排" in client.get(f"/cases/penalties/{case.pk}/").content.decode()
    services.record_create(HolidayYear(year=2027, complete=True, notice="国办发明电〔2026〕×号"), actor=None)
    assert "2027年的法定节假日安排" not in client.get(f"/cases/penalties/{case.pk}/").content.decode()


def test_only_the_administrator_enters_holidays_and_marks_a_year(nanhai):
    client = nanhai.client_for(nanhai.legal)
    assert client.post("/core/holidays/new/", NEW_YEAR_2027).status_code == 404
    assert client.post("/core/holiday-years/new/", {"year": 2027}).status_code == 404
    assert not HolidayOverride.objects.exists() and not HolidayYear.objects.exists()
    assert client.get("/core/holiday-years/").status_code == 200
