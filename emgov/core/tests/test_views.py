import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from emgov.core.models import AuditEntry, Department, Region

OPEN = ("/api/", "/public/", "/static/", "/i18n/", "/login/", "/jsi18n/")
SAMPLE_KWARGS = {"pk": 1, "fmt": "xlsx", "code": "440605", "short_name": "应急"}


def staff_urls() -> list[str]:
    found: list[str] = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                for name, value in SAMPLE_KWARGS.items():
                    route = route.replace(f"<int:{name}>", str(value)).replace(f"<str:{name}>", str(value))
                if "<" not in route and "^" not in route:
                    found.append("/" + route)

    walk(get_resolver().url_patterns)
    return [u for u in found if not u.startswith(OPEN)]


def test_there_are_staff_urls_to_check():
    assert "/core/regions/" in staff_urls() and "/" in staff_urls()


@pytest.mark.django_db
@pytest.mark.parametrize("url", staff_urls())
def test_every_staff_url_sends_an_anonymous_visitor_to_login(url):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_login_with_the_demo_password_shows_the_home_page(nanhai, demo_password):
    client = Client()
    response = client.post("/login/", {"username": "guicheng", "password": demo_password}, follow=True)
    page = response.content.decode()
    assert "梁桂城，您好" in page
    assert "我的待办" in page and "暂无待办事项" in page


def test_wrong_password_is_refused_in_chinese(nanhai):
    response = Client().post("/login/", {"username": "guicheng", "password": "wrong"})
    assert "用户名或密码不正确" in response.content.decode()


def test_logout_ends_the_session(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    client.post("/logout/")
    assert client.get("/").status_code == 302


def test_password_change(nanhai, demo_password):
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.post(
        "/password/",
        {
            "old_password": demo_password,
            "new_password1": "Lotus&River77",
            "new_password2": "Lotus&River77",
        },
    )
    assert response.status_code == 302
    assert Client().login(username="guicheng", password="Lotus&River77")


def test_interface_is_chinese_by_default_and_english_on_request(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    assert "行政区划" in client.get("/core/regions/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/core/regions/").content.decode()
    assert "Regions" in page and "Log out" in page


def test_navigation_groups_pages_by_domain_area(nanhai):
    page = nanhai.client_for(nanhai.district_officer).get("/").content.decode()
    assert "基础数据" in page and reverse("core:regions-list") in page
    assert reverse("core:holidays-list") not in page  # administrators only


def test_town_officer_gets_404_for_another_towns_record(nanhai):
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"/core/regions/{nanhai.guicheng.pk}/").status_code == 200
    assert client.get(f"/core/regions/{nanhai.jiujiang.pk}/").status_code == 404
    listing = client.get("/core/regions/").content.decode()
    assert "桂城街道" in listing and "九江镇" not in listing


def test_town_officer_export_holds_only_their_town(nanhai):
    response = nanhai.client_for(nanhai.guicheng_officer).get("/core/regions/export.csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "桂城街道" in body and "九江镇" not in body


def test_edit_leaves_an_audit_entry_with_old_and_new_values(nanhai):
    client = nanhai.client_for(nanhai.admin)
    dept = Department.objects.get(short_name="卫健")
    response = client.post(
        f"/core/departments/{dept.pk}/edit/",
        {
            "short_name": "卫健",
            "name": "佛山市南海区卫生健康局（新）",
            "region": nanhai.district.pk,
            "_version": dept.version,
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.filter(object_id=str(dept.pk), action="change").get()
    assert entry.actor == nanhai.admin and entry.via == "网页"
    assert entry.changes == {"name": ["佛山市南海区卫生健康局", "佛山市南海区卫生健康局（新）"]}
    detail = client.get(f"/core/departments/{dept.pk}/").content.decode()
    assert "修改记录" in detail and "佛山市南海区卫生健康局（新）" in detail


def test_stale_edit_is_refused_and_nothing_is_overwritten(nanhai):
    client = nanhai.client_for(nanhai.admin)
    dept = Department.objects.get(short_name="环保")
    seen_version = dept.version
    form = {"short_name": "环保", "region": nanhai.district.pk, "_version": seen_version}
    assert client.post(f"/core/departments/{dept.pk}/edit/", {**form, "name": "甲的修改"}).status_code == 302
    response = client.post(f"/core/departments/{dept.pk}/edit/", {**form, "name": "乙的修改"})
    assert response.status_code == 200
    assert "该记录已被其他人修改" in response.content.decode()
    assert Department.objects.get(pk=dept.pk).name == "甲的修改"


def test_form_errors_are_shown_next_to_the_field_in_chinese(nanhai):
    client = nanhai.client_for(nanhai.admin)
    response = client.post(
        "/core/regions/new/", {"code": "12", "name": "测试镇", "level": "镇街", "parent": nanhai.district.pk}
    )
    assert "区划代码应为9或12位数字" in response.content.decode()
    assert not Region.objects.filter(name="测试镇").exists()


def test_second_bureau_is_refused(nanhai):
    client = nanhai.client_for(nanhai.admin)
    response = client.post(
        "/core/departments/new/", {"short_name": "应急2", "name": "另一个局", "is_bureau": "on"}
    )
    assert "只能有一个部门标记为本局" in response.content.decode()


def test_non_admin_cannot_edit_reference_data(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    dept = Department.objects.get(short_name="环保")
    assert client.get(f"/core/departments/{dept.pk}/edit/").status_code == 404


def test_list_search_and_filter(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    page = client.get("/core/regions/", {"level": "镇街", "q": "镇"}).content.decode()
    assert "九江镇" in page and "桂城街道" not in page
    assert "440605</a>" not in page  # the district row is filtered out


def test_htmx_request_gets_only_the_table(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    response = client.get("/core/regions/", {"q": "九江"}, headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode() and "九江镇" in response.content.decode()


def test_region_list_query_count_is_pinned(nanhai, django_assert_num_queries):
    client = nanhai.client_for(nanhai.district_officer)
    client.get("/core/regions/")
    # session, user, user's regions, count, page (with parents)
    with django_assert_num_queries(5):
        client.get("/core/regions/")


def test_repeated_failed_logins_lock_the_account_with_a_chinese_message(nanhai, settings, demo_password):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        client.post("/login/", {"username": "guicheng", "password": "wrong"})
    response = client.post("/login/", {"username": "guicheng", "password": demo_password})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
