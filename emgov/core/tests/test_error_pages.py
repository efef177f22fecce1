"""Refusals answer in Chinese, in the site's layout, with a way back."""

from __future__ import annotations

from django.test import Client

from emgov.licensing.tests.factories import apply, make_item


def test_a_missing_page_says_so_in_chinese_with_the_menu_and_a_way_home(nanhai):
    response = nanhai.client_for(nanhai.guicheng_officer).get("/licensing/licensing/999999/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "找不到该页面" in page and "不在您负责的区划内" in page and "返回首页" in page
    assert "Not Found" not in page and "梁桂城" in page  # the site's own header, with the user


def test_a_step_the_role_may_not_take_says_so_in_chinese(nanhai):
    case = apply(make_item())
    response = nanhai.client_for(nanhai.district_officer).get(f"/licensing/licensing/{case.pk}/steps/accept/")
    page = response.content.decode()
    assert response.status_code == 403 and "无权办理" in page and "返回上一页" in page


def test_an_expired_form_says_so_in_chinese(nanhai):
    client = Client(enforce_csrf_checks=True)
    client.force_login(nanhai.legal)
    response = client.post("/core/rule-versions/new/", {"key": "x"})
    page = response.content.decode()
    assert response.status_code == 403 and "页面已过期" in page and "操作没有保存" in page
