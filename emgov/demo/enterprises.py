"""The enterprise register (企业台账): about six thousand firms of Nanhai's seven towns."""

from __future__ import annotations

import random
from collections.abc import Callable

from emgov.demo import names
from emgov.demo.names import TOWNS, Town
from emgov.demo.world import Firm, World

FIRM_COUNT = 6080

# The bureau's sectors and their share of the register; towns lean to their own trades
# (西樵 and 大沥 textiles and underwear, 桂城 shops and sites, 狮山 factories and village parks).
INDUSTRY_SHARES = {
    "工贸": 36,
    "纺织制衣": 9,
    "村级工业园": 15,
    "建筑施工": 7,
    "燃气": 4,
    "人员密集场所": 15,
    "危险化学品": 6,
    "仓储物流": 6,
    "烟花爆竹": 1,
}
TOWN_LEANINGS = {
    "桂城街道": {"人员密集场所": 2.5, "建筑施工": 1.8, "工贸": 0.5, "村级工业园": 0.4, "纺织制衣": 0.5},
    "西樵镇": {"纺织制衣": 3.0},
    "大沥镇": {"纺织制衣": 1.8, "仓储物流": 1.5},
    "狮山镇": {"工贸": 1.2, "村级工业园": 1.3, "危险化学品": 1.3},
    "丹灶镇": {"工贸": 1.3, "危险化学品": 1.2},
    "里水镇": {"仓储物流": 1.3},
    "九江镇": {"人员密集场所": 1.2},
}
RISKS = {
    "危险化学品": (("重大风险", 15), ("较大风险", 45), ("一般风险", 40)),
    "燃气": (("重大风险", 10), ("较大风险", 50), ("一般风险", 40)),
    "烟花爆竹": (("较大风险", 60), ("一般风险", 40)),
    "建筑施工": (("较大风险", 35), ("一般风险", 55), ("低风险", 10)),
}
DEFAULT_RISK = (("较大风险", 10), ("一般风险", 55), ("低风险", 35))
KEY_SHARE = {"危险化学品": 0.6, "燃气": 0.6, "建筑施工": 0.3, "人员密集场所": 0.2, "工贸": 0.12}

PRODUCTS = {
    "工贸": (
        "五金制品",
        "铝型材",
        "金属制品",
        "机械设备",
        "塑料制品",
        "家具",
        "陶瓷",
        "电器",
        "精密铸造",
        "不锈钢制品",
        "包装材料",
        "卫浴",
        "汽车配件",
        "灯饰",
        "玻璃制品",
        "木业",
        "纸品",
        "印刷",
        "橡胶制品",
        "食品",
        "电子科技",
        "铜材",
        "模具",
        "门窗",
        "酒业",
    ),
    "纺织制衣": ("纺织", "制衣", "针织", "服装", "内衣", "印染", "布业", "织造", "服饰"),
    "村级工业园": (
        "五金加工",
        "塑料",
        "家具",
        "铝材加工",
        "不锈钢加工",
        "包装",
        "木器",
        "喷涂",
        "电器配件",
        "模具",
    ),
    "仓储物流": ("物流", "仓储", "供应链管理", "货运"),
}


def _factory(industry: str) -> Callable[[random.Random, Town], tuple[str, str, str]]:
    """Name, party type and address of a firm of a manufacturing or logistics trade."""

    def make(rng: random.Random, town: Town) -> tuple[str, str, str]:
        product, brand = rng.choice(PRODUCTS[industry]), names.brand(rng)
        if industry == "村级工业园":
            suffix = "厂" if rng.random() < 0.45 else "有限公司"
            return f"佛山市南海区{brand}{product}{suffix}", "法人", names.park_address(rng, town)
        if rng.random() < 0.04:
            return f"南海区{town.short}{brand}{product}加工店", "个体工商户", names.park_address(rng, town)
        pattern = rng.choices(
            ["佛山市南海区{b}{p}有限公司", "佛山市{b}{p}有限公司", "广东{b}{p}股份有限公司"],
            weights=[72, 20, 8],
        )[0]
        address = names.park_address(rng, town) if rng.random() < 0.4 else names.street_address(rng, town)
        return pattern.format(b=brand, p=product), "法人", address

    return make


def _construction(rng: random.Random, town: Town) -> tuple[str, str, str]:
    kind = rng.choice(["建设工程", "建筑工程", "建工集团", "市政工程", "建筑安装工程", "装饰工程"])
    place = rng.choices(["广东", "佛山市", "佛山市南海区"], weights=[35, 35, 30])[0]
    return f"{place}{names.brand(rng)}{kind}有限公司", "法人", names.site_address(rng, town)


def _gas(rng: random.Random, town: Town) -> tuple[str, str, str]:
    village, brand = rng.choice(town.villages), names.brand(rng)
    choice = rng.random()
    if choice < 0.45:
        return f"佛山市南海区{brand}燃气有限公司", "法人", names.street_address(rng, town)
    if choice < 0.8:
        name = f"佛山市南海区{brand}液化气有限公司{village}供应站"
        return name, "非法人组织", names.street_address(rng, town)
    return f"佛山市南海区{brand}天然气加气站有限公司", "法人", names.street_address(rng, town)


def _crowded(rng: random.Random, town: Town) -> tuple[str, str, str]:
    brand, village = names.brand(rng), rng.choice(town.villages)
    choice = rng.random()
    if choice < 0.12:
        return f"南海区{town.short}{brand}餐馆", "个体工商户", names.street_address(rng, town)
    pattern = rng.choice(
        [
            "佛山市南海区{b}商业管理有限公司",
            "佛山市南海区{b}酒店有限公司",
            "佛山市南海区{b}餐饮管理有限公司",
            "佛山市南海区{b}娱乐有限公司",
            "佛山市南海区{v}{b}农贸市场经营管理有限公司",
            "佛山市南海区{b}购物广场有限公司",
            "佛山市南海区{b}酒楼有限公司",
        ]
    )
    return pattern.format(b=brand, v=village), "法人", names.street_address(rng, town)


def _chemicals(rng: random.Random, town: Town) -> tuple[str, str, str]:
    brand, village = names.brand(rng), rng.choice(town.villages)
    choice = rng.random()
    if choice < 0.15:
        owner = rng.choice(["中国石化销售股份有限公司广东佛山", "中国石油天然气股份有限公司广东佛山"])
        return f"{owner}南海{village}{brand}加油站", "非法人组织", names.street_address(rng, town)
    pattern = rng.choice(
        [
            "佛山市南海区{b}化工有限公司",
            "佛山市南海区{b}涂料有限公司",
            "佛山市{b}化工贸易有限公司",
            "佛山市南海区{b}新材料有限公司",
            "佛山市南海区{b}气体有限公司",
        ]
    )
    return pattern.format(b=brand), "法人", names.park_address(rng, town)


def _fireworks(rng: random.Random, town: Town) -> tuple[str, str, str]:
    return (
        f"南海区{town.short}{names.brand(rng)}烟花爆竹零售店",
        "个体工商户",
        names.street_address(rng, town),
    )


MAKERS: dict[str, Callable[[random.Random, Town], tuple[str, str, str]]] = {
    "工贸": _factory("工贸"),
    "纺织制衣": _factory("纺织制衣"),
    "村级工业园": _factory("村级工业园"),
    "仓储物流": _factory("仓储物流"),
    "建筑施工": _construction,
    "燃气": _gas,
    "人员密集场所": _crowded,
    "危险化学品": _chemicals,
    "烟花爆竹": _fireworks,
}


def build_register(world: World) -> None:
    rng = world.rng
    taken: set[str] = set()
    towns = rng.choices(TOWNS, weights=[t.weight for t in TOWNS], k=FIRM_COUNT)
    for town in towns:
        leanings = TOWN_LEANINGS.get(town.name, {})
        industries = list(INDUSTRY_SHARES)
        weights = [INDUSTRY_SHARES[i] * leanings.get(i, 1.0) for i in industries]
        industry = rng.choices(industries, weights=weights)[0]
        name, party_type, address = MAKERS[industry](rng, town)
        while name in taken:
            name, party_type, address = MAKERS[industry](rng, town)
        taken.add(name)
        world.firms.append(_firm(world, town, industry, name, party_type, address))


def _firm(world: World, town: Town, industry: str, name: str, party_type: str, address: str) -> Firm:
    rng = world.rng
    prefix = "92" if party_type == "个体工商户" else "91"
    area = "440605" if prefix == "92" or rng.random() < 0.88 else rng.choice(["440600", "440604", "440106"])
    risks = RISKS.get(industry, DEFAULT_RISK)
    risk = rng.choices([r for r, _w in risks], weights=[w for _r, w in risks])[0]
    return Firm(
        code=world.codes.take(prefix, area),
        name=name,
        town=town,
        industry=industry,
        party_type=party_type,
        address=address,
        representative=names.person(rng),
        phone=names.phone(rng),
        risk=risk,
        is_key=rng.random() < KEY_SHARE.get(industry, 0.08) or risk == "重大风险",
    )


ENTERPRISE_HEADER = [
    "统一社会信用代码",
    "企业名称",
    "所属镇街",
    "行业类别",
    "地址",
    "法定代表人",
    "联系电话",
    "风险等级",
    "是否重点企业",
]


def enterprise_rows(world: World) -> list[list[object]]:
    return [
        [
            f.code,
            f.name,
            f.town.name,
            f.industry,
            f.address,
            f.representative,
            f.phone,
            f.risk,
            "是" if f.is_key else "否",
        ]
        for f in world.firms
    ]
