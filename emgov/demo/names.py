"""Names, codes and addresses that read like Nanhai's: people, phones, credit codes, firms, places."""

from __future__ import annotations

import random
from dataclasses import dataclass

from emgov.core.validators import CREDIT_CODE_ALPHABET, credit_code_check_character

# Cantonese surnames, the common ones first and more often.
SURNAMES = "陈梁黄李何冯潘关张谭麦邓吴罗周林叶杨刘钟卢陆霍邵庞苏郭曾谢欧朱胡程区招植龙莫"
SURNAME_WEIGHTS = [12, 10, 9, 8, 7, 6, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2]
GIVEN_FIRST = "志伟家俊嘉国建永少锦健浩德文子慧丽燕婉颖淑秀美思海振汉耀敏杰明伟惠雪"
GIVEN_SECOND = "明华强荣辉杰斌锋成彬东平豪坚伦聪洪良权亮玲芳红霞琪婷欣怡雯珊敏莹仪华"

ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def person(rng: random.Random) -> str:
    weights = SURNAME_WEIGHTS + [1] * (len(SURNAMES) - len(SURNAME_WEIGHTS))
    surname = rng.choices(SURNAMES, weights=weights)[0]
    if rng.random() < 0.12:
        return surname + rng.choice(GIVEN_SECOND)
    return surname + rng.choice(GIVEN_FIRST) + rng.choice(GIVEN_SECOND)


def mobile(rng: random.Random) -> str:
    prefix = rng.choice(["135", "136", "137", "138", "139", "150", "158", "159", "134", "186", "189", "133"])
    return prefix + "".join(rng.choice("0123456789") for _ in range(8))


def landline(rng: random.Random) -> str:
    return f"0757-8{rng.choice('15678')}{rng.randint(0, 999999):06d}"


def phone(rng: random.Random) -> str:
    return mobile(rng) if rng.random() < 0.7 else landline(rng)


def organisation_code(rng: random.Random) -> str:
    """A 9-character organisation code (GB 11714) whose last character is its check digit."""
    if rng.random() < 0.6:
        body = "MA" + rng.choice("4445") + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(5))
    else:
        body = rng.choice("3567") + "".join(rng.choice("0123456789") for _ in range(7))
    total = sum(_org_value(c) * w for c, w in zip(body, ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def _org_value(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - ord("A") + 10


class CreditCodes:
    """Unique 统一社会信用代码 (GB 32100): registrar and type, area, organisation code, check character."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def take(self, prefix: str = "91", area: str = "440605") -> str:
        while True:
            first17 = prefix + area + organisation_code(self.rng)
            code = first17 + credit_code_check_character(first17)
            if code not in self.used:
                self.used.add(code)
                return code


@dataclass(frozen=True)
class Town:
    name: str
    code: str
    short: str
    villages: tuple[str, ...]
    roads: tuple[str, ...]
    weight: float


TOWNS = (
    Town(
        "桂城街道",
        "440605011",
        "桂城",
        ("平洲", "夏北", "叠滘", "东二", "石肯", "三山", "平东", "夏西", "林岳", "大沙"),
        ("南海大道", "桂澜路", "海八路", "南桂路", "灯湖东路", "天佑路", "桂平路", "三山大道"),
        0.14,
    ),
    Town(
        "九江镇",
        "440605121",
        "九江",
        ("沙头", "儒林", "烟南", "下北", "璜矶", "河清", "南金", "上东", "沙口", "大谷"),
        ("九江大道", "沙龙路", "儒林大道", "振兴路", "滨江路", "镇南路"),
        0.09,
    ),
    Town(
        "西樵镇",
        "440605122",
        "西樵",
        ("官山", "民乐", "西岸", "上金瓯", "太平", "百西", "简村", "大同", "河岗", "崇北"),
        ("樵金路", "西樵大道", "樵高路", "江浦东路", "樵乐路", "置业路"),
        0.11,
    ),
    Town(
        "丹灶镇",
        "440605124",
        "丹灶",
        ("金沙", "西城", "仙湖", "罗行", "联沙", "沙滘", "石联", "南沙", "上安", "下安"),
        ("丹灶大道", "金沙大道", "桂丹路", "丹凤路", "良登路", "金港路"),
        0.10,
    ),
    Town(
        "狮山镇",
        "440605125",
        "狮山",
        ("小塘", "官窑", "松岗", "罗村", "大圃", "狮岭", "联星", "塘头", "象岗", "颜峰"),
        ("狮山大道", "桃园路", "兴业路", "广云路", "博爱路", "罗村大道", "松岗大道", "官窑大道"),
        0.24,
    ),
    Town(
        "大沥镇",
        "440605126",
        "大沥",
        ("黄岐", "盐步", "凤池", "沥东", "太平", "雅瑶", "谢边", "钟边", "河东", "泌冲"),
        ("广佛路", "沥城大道", "钟边路", "黄岐大道", "盐步大道", "谢边路"),
        0.18,
    ),
    Town(
        "里水镇",
        "440605127",
        "里水",
        ("和顺", "大步", "洲村", "沙涌", "草场", "甘蕉", "鹤峰", "北沙", "麻奢", "新联"),
        ("里和路", "同和路", "和桂路", "里广路", "桂和路", "北沙路"),
        0.14,
    ),
)
TOWN_BY_NAME = {t.name: t for t in TOWNS}

BRAND_CHARS = (
    "鸿盛华兴达丰源泰信利恒宏创金永联嘉宝顺荣祥隆新富安俊宇翔凯力坚锐精铭诚志德美辉亿"
    "汇通广怡景中天海博骏立科益佳合星洋峰昌明益润升豪威晟浩誉冠"
)


def brand(rng: random.Random) -> str:
    first, second = rng.sample(BRAND_CHARS, 2)
    return first + second


def street_address(rng: random.Random, town: Town) -> str:
    village = rng.choice(town.villages)
    return f"佛山市南海区{town.name}{village}社区{rng.choice(town.roads)}{rng.randint(1, 188)}号"


def park_address(rng: random.Random, town: Town) -> str:
    village = rng.choice(town.villages)
    zone = rng.choice(["", "A区", "B区", "C区", "一区", "二区"])
    return f"佛山市南海区{town.name}{village}村{village}工业园{zone}{rng.randint(1, 60)}号"


def site_address(rng: random.Random, town: Town) -> str:
    project = brand(rng) + rng.choice(["花园", "广场", "中心", "学校", "厂房", "安置区"])
    return f"佛山市南海区{town.name}{rng.choice(town.roads)}{project}项目施工现场"
