"""The rounded wording of the report, rendered from exact figures the way the 2023 report words them."""

from decimal import Decimal

import pytest

from emgov.reports import wording


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (20320000, "约2032万元"),
        (20324999, "约2032万元"),
        (20315000, "约2032万元"),
        (Decimal("20325000.00"), "约2033万元"),
    ],
)
def test_fines_read_as_about_so_many_ten_thousand_yuan(value, words):
    assert wording.approx_wan_yuan(value) == words


def test_small_fines_stay_in_yuan():
    assert wording.wan_yuan(4200) == "4200元"
    assert wording.wan_yuan(50000) == "5万元"


@pytest.mark.parametrize(
    ("value", "words"), [(35955, "3万多"), (30001, "3万多"), (39999, "3万多"), (30000, "3万"), (9500, "9500")]
)
def test_participants_read_as_so_many_ten_thousand_and_more(value, words):
    assert wording.wan_plus(value) == words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (429000, "42.9万"),
        (429241, "42.9万"),
        (428500, "42.9万"),
        (428499, "42.8万"),
        (420000, "42万"),
        (800, "800"),
    ],
)
def test_audience_reads_in_ten_thousands_with_one_decimal(value, words):
    assert wording.wan_one_decimal(value) == words


@pytest.mark.parametrize(("value", "words"), [(1.0, "100%"), (0.9856, "98.6%"), (0.5, "50%"), (0, "0%")])
def test_rates_read_as_percentages(value, words):
    assert wording.percent(value) == words


@pytest.mark.parametrize(
    ("value", "words"), [(4, "四"), (10, "十"), (12, "十二"), (69, "六十九"), (100, "100")]
)
def test_small_counts_read_in_chinese_numerals(value, words):
    assert wording.chinese_number(value) == words


def test_lists_read_as_titles_months_or_joined():
    assert wording.book_titles(["佛山市南海区安全生产举报奖励办法"]) == "《佛山市南海区安全生产举报奖励办法》"
    assert wording.book_titles(["甲办法", "乙规定"]) == "《甲办法》、《乙规定》"
    assert wording.months([1, 2, 11]) == "1月、2月、11月"
    assert wording.plain(["燃气", "工贸"]) == "燃气、工贸"
    assert wording.plain(21285) == "21285"
    assert wording.plain(20320000.5) == "20320000.5"


def test_every_format_is_explained_on_the_edit_page():
    explained = {name.partition(":")[0] for name, _example in wording.FORMAT_HELP}
    assert explained == set(wording.FORMATS) - {"plain"} | set(wording.ARGUMENT_FORMATS)
