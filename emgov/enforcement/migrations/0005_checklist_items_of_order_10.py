"""The articles of 《工贸企业重大事故隐患判定标准》(应急管理部令第10号, in force 2023-05-15) as checklist items."""

from django.db import migrations

GENERAL, INDUSTRY, SPECIAL = "通用", "行业", "专项"

ITEMS = [
    ("第三条第（一）项", GENERAL, "", "未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查"),
    ("第三条第（二）项", GENERAL, "", "特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业"),
    ("第三条第（三）项", GENERAL, "", "金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格"),
    (
        "第四条第（一）项",
        INDUSTRY,
        "冶金",
        "会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，"
        "以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运跨的地坪区域内",
    ),
    ("第四条第（二）项", INDUSTRY, "冶金", "熔融金属泄漏、喷溅影响范围内的6类区域存在积水"),
    ("第四条", INDUSTRY, "冶金", "冶金企业存在本条所列其他重大事故隐患情形"),
    ("第五条", INDUSTRY, "有色", "有色企业存在本条所列重大事故隐患情形"),
    ("第六条", INDUSTRY, "建材", "建材企业存在本条所列重大事故隐患情形"),
    ("第七条", INDUSTRY, "机械", "机械企业存在本条所列重大事故隐患情形"),
    ("第八条", INDUSTRY, "轻工", "轻工企业存在本条所列重大事故隐患情形"),
    ("第九条", INDUSTRY, "纺织", "纺织企业存在本条所列重大事故隐患情形"),
    ("第十条", INDUSTRY, "烟草", "烟草企业存在本条所列重大事故隐患情形"),
    (
        "第十一条第（一）项",
        SPECIAL,
        "粉尘涉爆",
        "粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，"
        "或者粉尘爆炸危险场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所",
    ),
    ("第十一条第（三）项", SPECIAL, "粉尘涉爆", "干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施"),
    (
        "第十一条第（四）项",
        SPECIAL,
        "粉尘涉爆",
        "铝镁等金属粉尘除尘系统采用正压除尘方式，未采取火花探测消除等防范点燃源措施",
    ),
    ("第十一条第（十）项", SPECIAL, "粉尘涉爆", "未落实粉尘清理制度，造成作业现场积尘严重"),
    ("第十一条", SPECIAL, "粉尘涉爆", "存在粉尘爆炸危险的企业存在本条所列其他重大事故隐患情形"),
    ("第十二条", SPECIAL, "液氨制冷", "使用液氨制冷的企业存在本条所列重大事故隐患情形"),
    (
        "第十三条",
        SPECIAL,
        "有限空间作业",
        "存在硫化氢、一氧化碳等中毒风险的有限空间作业的企业存在本条所列重大事故隐患情形",
    ),
    ("第十四条", GENERAL, "", "本标准所列情形中直接关系生产安全的监控、报警、防护等设施、设备、装置失效或者无效"),
]


def seed(apps, schema_editor):
    ChecklistItem = apps.get_model("enforcement", "ChecklistItem")
    for position, (article, part, industry, text) in enumerate(ITEMS, start=1):
        ChecklistItem.objects.get_or_create(
            article=article,
            defaults={"part": part, "industry": industry, "text": text, "major": True, "position": position * 10},
        )


def unseed(apps, schema_editor):
    ChecklistItem = apps.get_model("enforcement", "ChecklistItem")
    ChecklistItem.objects.filter(article__in=[a for a, *_ in ITEMS], answers__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("enforcement", "0004_inspection_plans_draws_recusals"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
