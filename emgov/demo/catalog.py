"""What inspectors find, by sector: hazards (一般隐患, 重大事故隐患) and the rules they break."""

from __future__ import annotations

import datetime

LAW = "《中华人民共和国安全生产法》"
TRADE_STANDARD = "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）"
TRADE_STANDARD_2017 = "《工贸行业重大生产安全事故隐患判定标准（2017版）》"
# The 2023 standard for industry and trade replaced the 2017 one on this day.
TRADE_STANDARD_IN_FORCE = datetime.date(2023, 5, 15)
CHEMICAL_STANDARD = "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》"
BUILDING_STANDARD = "《房屋市政工程生产安全重大事故隐患判定标准（2022版）》"
GAS_STANDARD = "《城镇燃气经营安全重大隐患判定标准》"
FIRE_STANDARD = "《重大火灾隐患判定方法》（GB 35181-2017）"

COMMON = [
    ("未如实记录安全生产教育和培训情况，培训档案缺失", f"{LAW}第二十八条", False),
    ("未在有较大危险因素的生产经营场所设置明显的安全警示标志", f"{LAW}第三十五条", False),
    ("配电箱未设置漏电保护装置，电线私拉乱接", f"{LAW}第三十六条", True),
    ("消防通道、安全出口被货物堵塞", f"{LAW}第四十二条", True),
    ("未为从业人员提供符合国家标准的劳动防护用品", f"{LAW}第四十五条", False),
    ("未建立健全事故隐患排查治理制度，隐患排查记录不完整", f"{LAW}第四十一条", False),
    ("生产安全事故应急预案未按规定组织演练", f"{LAW}第八十一条", False),
    ("灭火器压力不足或过期未更换", "", True),
    ("安全生产责任制未明确各岗位责任人员、责任范围和考核标准", f"{LAW}第二十二条", False),
]
TRADE = [
    ("冲压设备未安装光电保护装置，双手操作按钮失效", f"{LAW}第三十六条", True),
    ("砂轮机防护罩缺失，托架间隙过大", f"{LAW}第三十六条", True),
    ("叉车司机未取得特种设备作业人员证上岗作业", f"{LAW}第三十条", False),
    ("有限空间未设置明显的安全警示标志，未建立有限空间管理台账", f"{LAW}第三十五条", False),
    ("电焊作业人员未持特种作业操作证上岗", f"{LAW}第三十条", False),
    ("动火作业未办理审批手续，现场无专人监护", f"{LAW}第四十三条", False),
    ("行车吊钩防脱钩装置失效", f"{LAW}第三十六条", True),
    ("除尘系统积尘未及时清理，作业现场积尘明显", "", True),
    ("厂房内设置员工休息区，与生产区域未有效分隔", f"{LAW}第四十二条", True),
    ("未与承租单位签订专门的安全生产管理协议", f"{LAW}第四十九条", False),
]
TEXTILE = [
    ("定型机热媒炉周边堆放布匹等可燃物", "", True),
    ("保险粉储存场所未采取防水防潮措施", "", True),
    ("缝纫车间电气线路未穿管保护，线路老化", f"{LAW}第三十六条", True),
    ("仓库内堆垛与灯具距离不足", "", True),
]
CONSTRUCTION = [
    ("脚手架连墙件设置不符合规范要求", "", True),
    ("临边洞口防护栏杆缺失", "", True),
    ("施工升降机防坠安全器超过检定有效期", f"{LAW}第三十六条", False),
    ("塔吊司机、信号司索工未持证上岗", f"{LAW}第三十条", False),
    ("施工现场临时用电未按“三级配电、两级保护”设置", "", True),
    ("基坑周边堆载超过设计要求", "", True),
    ("高处作业人员未正确系挂安全带", f"{LAW}第四十五条", False),
]
GAS = [
    ("餐饮场所使用燃气未安装可燃气体报警装置", f"{LAW}第三十六条", True),
    ("液化石油气钢瓶与灶具间连接软管超过2米且老化", "", True),
    ("瓶装燃气供应站未建立气瓶充装、配送台账", "", False),
    ("燃气管道未设置紧急切断阀", "", True),
    ("液化石油气钢瓶存放在地下室或半地下室", "", True),
]
CROWDED = [
    ("疏散指示标志、应急照明灯损坏", "", True),
    ("防火卷帘下方堆放杂物", "", True),
    ("厨房油烟管道未定期清洗", "", True),
    ("员工未经消防安全培训，不会使用消防器材", f"{LAW}第二十八条", False),
    ("电动自行车在楼道内停放充电", "", True),
]
CHEMICAL = [
    ("危险化学品仓库未设置防泄漏围堰", "", True),
    ("危险化学品与禁忌物料混合储存", "", True),
    ("危险化学品储存场所未设置可燃、有毒气体检测报警装置", f"{LAW}第三十六条", True),
    ("危险化学品安全技术说明书和安全标签缺失", "", False),
    ("装卸作业人员未取得相应资格", f"{LAW}第三十条", False),
    ("重大危险源未登记建档、未进行定期检测评估", f"{LAW}第四十条", False),
]
WAREHOUSE = [
    ("货物堆垛超高，主通道宽度不足", "", True),
    ("高位货架未设置防撞、防倾倒设施", f"{LAW}第三十六条", True),
    ("叉车未定期检验", f"{LAW}第三十六条", False),
]

# Major hazards: what, and the article of the standard that makes it one (and the 2017 class before).
MAJOR_TRADE = [
    ("粉尘爆炸危险场所设置在非框架结构的多层建筑物内", "第十一条第（一）项", "粉尘防爆类"),
    ("干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施", "第十一条第（三）项", "粉尘防爆类"),
    ("铝镁金属粉尘除尘系统采用正压吹送粉尘且未采取火花探测消除措施", "第十一条第（四）项", "粉尘防爆类"),
    ("未落实粉尘清理制度，作业现场积尘严重", "第十一条第（十）项", "粉尘防爆类"),
    (
        "未对有限空间进行辨识、建立安全管理台账，且未设置明显的安全警示标志",
        "第十三条第（一）项",
        "有限空间作业类",
    ),
    (
        "有限空间作业未执行“先通风、再检测、后作业”要求，现场未设置监护人员",
        "第十三条第（二）项",
        "有限空间作业类",
    ),
    ("特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业", "第三条第（二）项", "通用类"),
    ("未对承租单位的安全生产工作统一协调、管理，未定期进行安全检查", "第三条第（一）项", "通用类"),
]
MAJOR_OTHER = {
    "危险化学品": [
        ("主要负责人和安全生产管理人员未依法经考核合格", f"{CHEMICAL_STANDARD}第一条"),
        ("特种作业人员未持证上岗", f"{CHEMICAL_STANDARD}第二条"),
        (
            "危险化学品重大危险源未配备温度、压力、液位等信息的不间断采集和监测系统",
            f"{CHEMICAL_STANDARD}第十一条",
        ),
    ],
    "建筑施工": [
        ("深基坑未按规定进行第三方监测", f"{BUILDING_STANDARD}第六条"),
        ("起重机械安装、拆卸未编制专项施工方案", f"{BUILDING_STANDARD}第九条"),
        ("高支模工程未按规定组织专家论证", f"{BUILDING_STANDARD}第八条"),
    ],
    # A major hazard names its clause of the standard (enforcement's Hazard.clean).
    "燃气": [
        ("未取得燃气经营许可证从事瓶装液化石油气经营活动", f"{GAS_STANDARD}第四条第（一）项"),
        ("燃气储罐未设置压力、液位显示等监测装置，不具有超限报警功能", f"{GAS_STANDARD}第五条第（一）项"),
    ],
    "人员密集场所": [
        ("商场安全出口数量不足，总净宽度小于规定值的80%", f"{FIRE_STANDARD}第6.5条"),
        ("人员密集场所违反消防安全规定储存、使用易燃易爆危险品", f"{FIRE_STANDARD}第6.8条"),
    ],
}
# Each sector's own findings; the common ones follow them.
SECTORS = {
    "工贸": TRADE,
    "村级工业园": TRADE,
    "纺织制衣": TEXTILE + TRADE,
    "建筑施工": CONSTRUCTION,
    "燃气": GAS,
    "人员密集场所": CROWDED,
    "危险化学品": CHEMICAL,
    "烟花爆竹": CHEMICAL,
    "仓储物流": WAREHOUSE,
}
# What partner departments find on their own visits of a joint action.
OCCUPATIONAL_LAW = "《中华人民共和国职业病防治法》"
WASTE_LAW = "《中华人民共和国固体废物污染环境防治法》"
FIRE_LAW = "《中华人民共和国消防法》"
EQUIPMENT_LAW = "《中华人民共和国特种设备安全法》"
PARTNER_FINDINGS = {
    "卫健": [
        ("未按规定对工作场所职业病危害因素进行检测", f"{OCCUPATIONAL_LAW}第二十六条", False),
        ("未组织接触职业病危害的劳动者进行上岗前职业健康检查", f"{OCCUPATIONAL_LAW}第三十五条", False),
        ("产生噪声、粉尘的作业岗位未设置职业病危害警示标识", f"{OCCUPATIONAL_LAW}第二十四条", True),
        ("未为劳动者配备符合要求的防尘口罩、耳塞等个人防护用品", f"{OCCUPATIONAL_LAW}第二十二条", False),
    ],
    "环保": [
        ("危险废物贮存场所未设置识别标志", f"{WASTE_LAW}第七十七条", True),
        ("危险废物未建立管理台账", f"{WASTE_LAW}第七十八条", False),
        ("挥发性有机物废气收集处理设施未正常运行", "《中华人民共和国大气污染防治法》第四十五条", True),
        ("雨污管网混接，初期雨水未收集处理", "", True),
    ],
    "消防": [
        ("室内消火栓箱内水带、水枪缺失", f"{FIRE_LAW}第十六条", True),
        ("常闭式防火门处于开启状态，闭门器损坏", f"{FIRE_LAW}第十六条", True),
        ("自动喷水灭火系统末端试水装置压力不足", f"{FIRE_LAW}第十六条", True),
        ("疏散通道堆放杂物", f"{FIRE_LAW}第二十八条", True),
        ("电动自行车在室内停放充电", "", True),
    ],
    "市场监管": [
        ("叉车未按规定进行定期检验", f"{EQUIPMENT_LAW}第四十条", True),
        ("压力容器安全阀超过校验有效期", f"{EQUIPMENT_LAW}第三十九条", True),
        ("电梯维护保养记录不完整", f"{EQUIPMENT_LAW}第四十五条", False),
        ("起重机械作业人员未持证上岗", f"{EQUIPMENT_LAW}第十四条", False),
    ],
    "住建": [
        ("厂房内违规搭建夹层、铁皮房", "", True),
        ("钢结构厂房屋面锈蚀严重，存在坍塌风险", "", True),
        ("瓶装液化石油气用户未使用合格的减压阀和连接软管", "", True),
    ],
}
MAJOR_GROUPS = {"烟花爆竹": "危险化学品", "仓储物流": "人员密集场所"}


def general_hazard(industry: str, first: int, k: int, department: str = "") -> tuple[str, str, bool]:
    """The k-th general hazard found on a visit: its description, its basis, and whether it is somewhere
    on site rather than in the paperwork. A visit finds its sector's (or its department's) own problems
    first, from a place set by `first`, then the common ones; the hazards of one visit differ."""
    own_sector = department == "住建" and industry in ("建筑施工", "燃气")
    own = (
        SECTORS[industry]
        if own_sector or department not in PARTNER_FINDINGS
        else PARTNER_FINDINGS[department]
    )
    found = own + COMMON
    return found[(first % len(own) + k) % len(found)]


def major_hazard(industry: str, day: datetime.date, pick: int) -> tuple[str, str]:
    """A major hazard of the sector and its basis; 工贸 cites the standard in force on the day."""
    sector = MAJOR_GROUPS.get(industry, industry)
    if sector in MAJOR_OTHER:
        items = MAJOR_OTHER[sector]
        return items[pick % len(items)]
    description, article, old_class = MAJOR_TRADE[pick % len(MAJOR_TRADE)]
    if day >= TRADE_STANDARD_IN_FORCE:
        return description, f"{TRADE_STANDARD}{article}"
    return description, f"{TRADE_STANDARD_2017}{old_class}"
