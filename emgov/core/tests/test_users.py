from django.test import Client

from emgov.core.models import AuditEntry, User


def test_administrator_creates_a_town_user_who_sees_only_that_town(nanhai):
    admin = nanhai.client_for(nanhai.admin)
    response = admin.post(
        "/core/users/new/",
        {
            "username": "xiqiao",
            "full_name": "西樵镇人员",
            "role": "镇街人员",
            "password": "Xiqiao#2023a",
            "regions": [nanhai.jiujiang.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    client = Client()
    assert client.login(username="xiqiao", password="Xiqiao#2023a")
    assert client.get(f"/core/regions/{nanhai.jiujiang.pk}/").status_code == 200
    assert client.get(f"/core/regions/{nanhai.guicheng.pk}/").status_code == 404


def test_role_and_region_changes_are_audited(nanhai):
    admin = nanhai.client_for(nanhai.admin)
    user = nanhai.guicheng_officer
    response = admin.post(
        f"/core/users/{user.pk}/edit/",
        {
            "full_name": user.full_name,
            "role": "执法人员",
            "regions": [nanhai.district.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_id=str(user.pk), action="change")
    assert entry.actor == nanhai.admin
    assert entry.changes["role"] == ["镇街人员", "执法人员"]
    assert entry.changes["regions"] == [["桂城街道"], ["南海区"]]
    assert "修改记录" in admin.get(f"/core/users/{user.pk}/").content.decode()


def test_weak_initial_password_is_refused(nanhai):
    admin = nanhai.client_for(nanhai.admin)
    response = admin.post(
        "/core/users/new/",
        {
            "username": "weak",
            "role": "执法人员",
            "password": "12345678",
            "regions": [nanhai.district.pk],
        },
    )
    assert not User.objects.filter(username="weak").exists()
    assert "密码" in response.content.decode()


def test_deactivated_user_cannot_log_in(nanhai, demo_password):
    admin = nanhai.client_for(nanhai.admin)
    user = nanhai.jiujiang_officer
    admin.post(
        f"/core/users/{user.pk}/edit/",
        {"full_name": user.full_name, "role": user.role, "regions": [nanhai.jiujiang.pk]},
    )
    assert not Client().login(username="jiujiang", password=demo_password)


def test_only_administrators_manage_users(nanhai):
    for persona in (nanhai.leader, nanhai.district_officer, nanhai.guicheng_officer):
        assert nanhai.client_for(persona).get("/core/users/").status_code == 404
