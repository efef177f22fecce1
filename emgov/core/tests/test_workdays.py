import datetime

import pytest
from django.core.exceptions import ValidationError

from emgov.core import services, workdays
from emgov.core.models import HolidayOverride

D = datetime.date


@pytest.mark.django_db
def test_national_day_holiday_and_adjusted_working_day():
    assert workdays.is_workday(D(2023, 10, 6)) is False
    assert workdays.is_workday(D(2023, 10, 7)) is True  # a Saturday worked in lieu
    assert workdays.is_workday(D(2023, 9, 29)) is False  # Mid-Autumn Festival


@pytest.mark.django_db
def test_twenty_working_days_from_september_27_skip_the_national_day_holiday():
    # 9-28 is the 1st; 9-29..10-6 are off; 10-7 and 10-8 are worked; then weekdays.
    assert workdays.add_workdays(D(2023, 9, 27), 1) == D(2023, 9, 28)
    assert workdays.add_workdays(D(2023, 9, 27), 2) == D(2023, 10, 7)
    assert workdays.add_workdays(D(2023, 9, 27), 20) == D(2023, 10, 31)


@pytest.mark.django_db
def test_seven_working_days_from_a_friday_before_the_holiday():
    assert workdays.add_workdays(D(2023, 9, 22), 7) == D(2023, 10, 9)


def test_calendar_days_ignore_holidays():
    assert workdays.add_days(D(2023, 9, 27), 15) == D(2023, 10, 12)


@pytest.mark.django_db
def test_override_table_wins_over_the_statutory_data():
    services.record_create(
        HolidayOverride(date=D(2023, 10, 9), is_workday=False, note="台风停工"), actor=None
    )
    assert workdays.is_workday(D(2023, 10, 9)) is False
    assert workdays.add_workdays(D(2023, 10, 8), 1) == D(2023, 10, 10)


@pytest.mark.django_db
def test_year_without_holiday_data_warns_and_counts_weekdays():
    calendar = workdays.WorkdayCalendar()
    assert workdays.coverage_warning(2023) is None
    warning = workdays.coverage_warning(2031)
    assert warning is not None and "2031" in warning
    # 2031-01-01 is a Wednesday: without data it is counted as a working day.
    assert calendar.add_workdays(D(2030, 12, 31), 1) == D(2031, 1, 1)
    assert workdays.SOURCE_WEEKDAYS in calendar.sources


@pytest.mark.parametrize(
    "start", [datetime.date(9999, 12, 31), datetime.date(1, 1, 1), datetime.date(2199, 12, 30)]
)
def test_a_deadline_beyond_the_calendar_is_refused_in_chinese(db, start):
    with pytest.raises(ValidationError) as refused:
        workdays.calendar_period_end(start, 15)
    assert refused.value.code == "date_out_of_range"
    assert "超出系统可计算期限的范围" in refused.value.messages[0]
    with pytest.raises(ValidationError):
        workdays.add_workdays(start, 20)
