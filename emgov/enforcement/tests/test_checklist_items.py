"""The checklist catalogue of the 令10号 standard: seeded by a migration, maintained on its own pages."""

from __future__ import annotations

from django.apps import apps

from emgov.enforcement.models import ChecklistItem
from emgov.enforcement.tests import phone

ITEMS = "/enforcement/checklist-items/"


def test_migration_seeds_general_industry_and_special_articles(db):
    ChecklistItem.objects.all().delete()
    phone._seed.seed(apps, None)
    items = {i.article: i for i in ChecklistItem.objects.all()}
    assert {i.part for i in items.values()} == {"通用", "行业", "专项"}
    assert items["第三条第（二）项"].text.startswith("特种作业人员未按照规定")
    assert items["第四条第（一）项"].industry == "冶金" and items["第十二条"].industry == "液氨制冷"
    assert items["第十一条第（三）项"].basis == "《工贸企业重大事故隐患判定标准》第十一条第（三）项"
    assert all(i.major and i.active for i in items.values())
    assert list(ChecklistItem.objects.values_list("article", flat=True)[:2]) == [
        "第三条第（一）项",
        "第三条第（二）项",
    ]


def test_admin_adds_an_item_and_officers_only_read(nanhai):
    phone.checklist()
    admin = nanhai.client_for(nanhai.admin)
    data = {
        "article": "第十三条第（一）项",
        "part": "专项",
        "industry": "有限空间作业",
        "text": "未对有限空间进行辨识",
        "major": "on",
        "position": 500,
        "active": "on",
    }
    assert admin.post(f"{ITEMS}new/", data).status_code == 302
    assert ChecklistItem.objects.get(article="第十三条第（一）项").industry == "有限空间作业"
    officer = nanhai.client_for(nanhai.guicheng_officer)
    assert "第十三条第（一）项" in officer.get(ITEMS).content.decode()
    assert officer.get(f"{ITEMS}new/").status_code == 404


def test_inactive_item_is_not_offered_on_the_phone(nanhai):
    items = phone.checklist()
    item = items["第十二条"]
    item.active = False
    item.save()
    page = nanhai.client_for(nanhai.guicheng_officer).get(phone.RECORD).content.decode()
    assert 'data-article="第十二条"' not in page and 'data-article="第十三条"' in page
