"""How long a penalty decision stays published (信用修复办法: 国家发展改革委令2023年第58号, and from
2026-04-01 令2025年第36号): 一般失信 3 months at least and 1 year at most, 严重失信 1 to 3 years, 安全生产
and 消防 1 year at least. A decision leaves the public pages and the cf_ export by itself the day after its
公示截止期; the periods are calendar months from the decision day, holidays included."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from emgov.core import services
from emgov.core.models import RuleVersion
from emgov.publicity.rules import PENALTY_GENERAL_MAX_MONTHS
from emgov.publicity.services.cf import public_penalty
from emgov.publicity.services.periods import PeriodRules, add_months, earliest_decided
from emgov.publicity.services.publications import publication_publish
from emgov.publicity.tests.publication_helpers import d, firm_penalty

pytestmark = pytest.mark.django_db

LIST = "/public/penalties/"
EXPORT = "/publicity/publications/export/"
API_EXPORT = "/api/publicity/publications/export"


def published(nanhai, today, number: str, n: int, *, decided: str, on: str, **fields):
    today(on)
    case = firm_penalty(nanhai.guicheng, number, n, decided=decided, **fields)
    publication_publish(actor=nanhai.legal, case=case, on=d(on))
    return case


def listed(number: str) -> bool:
    return number in Client().get(LIST).content.decode()


def exported(client, url: str, start: str, end: str) -> list[dict[str, str]]:
    response = client.get(url, {"start": start, "end": end, "fmt": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_credit_repair_rules_a_general_decision_is_shown_for_one_year_and_then_leaves(nanhai, today):
    """Decided on 2023-09-28, the eve of the 2023 National Day holiday: the year counts the holiday."""
    case = published(nanhai, today, "（南海）应急罚〔2023〕1号", 1, decided="2023-09-28", on="2023-10-09")
    detail = f"{LIST}{case.pk}/"
    today("2024-09-28")  # the last day of the longest period (公示截止期)
    assert listed("（南海）应急罚〔2023〕1号") and Client().get(detail).status_code == 200
    page = Client().get(detail).content.decode()
    assert 'id="ends-on">2024-09-28<' in page
    assert "涉及一般失信行为的行政处罚信息" in page and "最短公示12个月（至2024-09-28" in page
    [row] = exported(nanhai.client_for(nanhai.legal), EXPORT, "2023-10-01", "2023-10-31")
    assert row["cf_gsjzq"] == row["cf_yxq"] == "2024/09/28"
    response = nanhai.client_for(nanhai.legal).get(EXPORT, {"start": "2023-10-01", "end": "2023-10-31"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert [dict(zip(header, r, strict=True))["cf_gsjzq"] for r in rows] == ["2024/09/28"]

    today("2024-09-29")
    assert not listed("（南海）应急罚〔2023〕1号")
    assert Client().get(detail).status_code == 404
    assert exported(nanhai.client_for(nanhai.legal), EXPORT, "2023-10-01", "2023-10-31") == []
    assert exported(nanhai.client_for(nanhai.legal), API_EXPORT, "2023-10-01", "2023-10-31") == []


def test_credit_repair_rules_a_serious_decision_is_shown_for_three_years(nanhai, today):
    """责令停产停业 (a heavy penalty of 行政处罚法第六十三条) involves 严重失信: 1 to 3 years."""
    case = published(
        nanhai,
        today,
        "（南海）应急罚〔2024〕5号",
        5,
        decided="2024-02-08",  # before the 2024 Spring Festival holiday
        on="2024-02-18",
        penalty_kinds=["罚款", "责令停产停业"],
    )
    today("2025-06-30")
    assert listed("（南海）应急罚〔2024〕5号")
    shown = public_penalty(case)
    assert shown.period.serious and (shown.period.min_until, shown.ends_on) == (
        d("2025-02-08"),
        d("2027-02-08"),
    )
    [row] = exported(nanhai.client_for(nanhai.legal), API_EXPORT, "2024-02-01", "2024-02-29")
    assert row["cf_gsjzq"] == "2027/02/08"
    today("2027-02-08")
    assert listed("（南海）应急罚〔2024〕5号")
    today("2027-02-09")
    assert not listed("（南海）应急罚〔2024〕5号")


def test_credit_repair_rules_a_major_case_involves_serious_dishonesty(nanhai, today):
    """A 重大案件 decided by collective discussion (行政处罚法第五十七条第二款) is shown up to three years."""
    published(
        nanhai, today, "（南海）应急罚〔2023〕7号", 7, decided="2023-03-01", on="2023-03-06", major_case=True
    )
    published(nanhai, today, "（南海）应急罚〔2023〕8号", 8, decided="2023-03-01", on="2023-03-06")
    today("2024-06-01")
    assert listed("（南海）应急罚〔2023〕7号") and not listed("（南海）应急罚〔2023〕8号")


def test_a_2022_decision_no_longer_shows_with_its_publication_end_in_the_past(nanhai, today):
    published(nanhai, today, "（南海）应急罚〔2022〕3号", 3, decided="2022-05-10", on="2022-05-16")
    published(nanhai, today, "（南海）应急罚〔2023〕4号", 4, decided="2023-09-01", on="2023-09-05")
    today("2023-10-20")
    assert not listed("（南海）应急罚〔2022〕3号") and listed("（南海）应急罚〔2023〕4号")
    page = nanhai.client_for(nanhai.legal).get("/publicity/publications/").content.decode()
    assert '2023-05-10 <span class="ended">已期满，不再公示</span>' in page
    assert "2024-09-01</td>" in page


def test_the_command_leaves_out_what_has_ended_and_says_how_many(nanhai, today, tmp_path, capsys):
    published(nanhai, today, "（南海）应急罚〔2022〕3号", 3, decided="2022-05-10", on="2022-05-16")
    published(nanhai, today, "（南海）应急罚〔2022〕9号", 9, decided="2022-12-01", on="2022-12-05")
    today("2023-06-01")
    target = tmp_path / "cf.csv"
    call_command("export-cf", "--from", "2022-01-01", "--to", "2022-12-31", "-o", str(target))
    out = capsys.readouterr().out
    assert "1 条" in out and "另有 1 条已超过最长公示期" in out
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert [r["cf_wsh"] for r in rows] == ["（南海）应急罚〔2022〕9号"]


def test_a_new_version_of_the_period_changes_decisions_made_after_it_and_not_before(nanhai, today):
    """An administrator's version (2 years for 一般失信 from 2024-01-01) follows the decision day."""
    before = published(nanhai, today, "（南海）应急罚〔2023〕20号", 20, decided="2023-12-29", on="2024-01-03")
    after = published(nanhai, today, "（南海）应急罚〔2024〕21号", 21, decided="2024-02-19", on="2024-02-20")
    services.record_create(
        RuleVersion(
            key=PENALTY_GENERAL_MAX_MONTHS.key,
            value=24,
            effective_from=d("2024-01-01"),
            basis="测试：假定的新规章",
        ),
        actor=nanhai.admin,
    )
    assert public_penalty(before).ends_on == d("2024-12-29")
    assert public_penalty(after).ends_on == d("2026-02-19")
    today("2025-03-01")
    assert not listed("（南海）应急罚〔2023〕20号") and listed("（南海）应急罚〔2024〕21号")
    [row] = exported(nanhai.client_for(nanhai.legal), EXPORT, "2024-01-01", "2024-02-29")
    assert (row["cf_wsh"], row["cf_gsjzq"]) == ("（南海）应急罚〔2024〕21号", "2026/02/19")
    today("2026-02-20")
    assert not listed("（南海）应急罚〔2024〕21号")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2023-09-28", 12, "2024-09-28"),
        ("2024-02-29", 12, "2025-02-28"),  # no 29 February: the month's last day
        ("2023-11-30", 3, "2024-02-29"),
        ("2024-02-08", 36, "2027-02-08"),
        ("2024-03-31", -1, "2024-02-29"),
    ],
)
def test_civil_code_art_202_a_period_ends_on_the_corresponding_day(day, months, expected):
    assert add_months(d(day), months) == d(expected)


@pytest.mark.parametrize("today_text", ["2024-02-29", "2024-03-31", "2025-02-28", "2024-09-28", "2024-01-01"])
@pytest.mark.parametrize("months", [1, 3, 12, 36])
def test_the_first_decision_day_still_shown_is_exact(today_text, months):
    today = d(today_text)
    first = earliest_decided(today, months)
    assert add_months(first, months) >= today
    assert add_months(first - datetime.timedelta(days=1), months) < today


def test_the_period_rules_are_read_once_for_a_page(nanhai, today, django_assert_num_queries):
    case = published(nanhai, today, "（南海）应急罚〔2023〕1号", 1, decided="2023-09-28", on="2023-10-09")
    periods = PeriodRules.load()
    with django_assert_num_queries(0):
        assert periods.of(case).until == d("2024-09-28")


def test_the_rules_page_lists_the_periods_with_the_credit_repair_rules(nanhai):
    page = nanhai.client_for(nanhai.legal).get("/core/rules/").content.decode()
    for key in PeriodRules.KEYS:
        assert key in page
    assert "国家发展改革委令2023年第58号" in page and "国家发展改革委令2025年第36号" in page
