"""One masking function for everything published: ID and phone numbers in the ways people write them."""

from __future__ import annotations

import pytest

from emgov.core.credit_export import scrub_private
from emgov.core.masking import mask_person_name, mask_personal

MASKED = [
    # Resident ID numbers: whole, in groups, with dashes, the old 15 digits, a lower-case x.
    ("身份证440605199001011234。", "身份证******************。"),
    ("身份证 440605 19900101 1234 号", "身份证 ******************** 号"),
    ("身份证 4406 0519 9001 0112 3X", "身份证 **********************"),
    ("证件号440605-19900101-123x", "证件号********************"),
    ("旧证440605900101123", "旧证***************"),
    # Mobiles: plain, +86 / 86 / 0086 / (+86), spaces and dashes.
    ("电话13800138000", "电话***********"),
    ("电话：+86 138 0013 8000", "电话：*****************"),
    ("+8613800138000", "**************"),
    ("86-138-0013-8000", "****************"),
    ("0086 13800138000", "****************"),
    ("(+86)138-0013-8000", "******************"),
    ("（+86）13800138000", "****************"),
    ("138 0013 8000", "*************"),
    # Landlines: the area code in brackets (ASCII or full width), before a dash or a space, abroad.
    ("(0757)86281234", "**************"),
    ("（0757）86281234", "**************"),
    ("（0757）8628 1234", "***************"),
    ("0757-86281234", "*************"),
    ("0757 86281234", "*************"),
    ("020-8628123", "***********"),
    ("0757-86281234转801", "*****************"),
    ("+86 757 86281234", "****************"),
]

KEPT = [
    "罚款20000元，决定书（南海）应急罚〔2023〕12号",
    "2023年12月4日 14:30",
    "统一社会信用代码91440605MA4W00001D",
    "金额 1234567890123 元",
    "执法证号44060500001",
    "面积 1380 平方米，共 8000 件",
]


@pytest.mark.parametrize(("text", "masked"), MASKED)
def test_ids_and_phones_written_in_common_ways_are_masked(text, masked):
    assert mask_personal(text) == masked
    assert scrub_private(text) == masked  # the 双公示 exports use the same function


@pytest.mark.parametrize("text", KEPT)
def test_numbers_that_are_not_personal_are_kept(text):
    assert mask_personal(text) == text


@pytest.mark.parametrize(
    ("name", "shown"),
    [("张三", "张*"), ("李小明", "李**"), ("欧阳建国", "欧阳**"), ("", ""), (" 王五 ", "王*")],
)
def test_a_natural_persons_name_keeps_the_surname(name, shown):
    assert mask_person_name(name) == shown


def test_the_persons_name_is_masked_in_free_text_too():
    assert (
        mask_personal("当事人张三（电话0757-86281234）", person_name="张三")
        == "当事人张*（电话*************）"
    )
