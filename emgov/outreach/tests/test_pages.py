"""Staff pages of the outreach app: who sees what, attendance upload, the menu."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from emgov.core.navigation import menu_for
from emgov.outreach.models import Attendance
from emgov.outreach.tests.builders import activity, open_competition, xlsx

ROSTER = [["姓名", "单位", "手机号"], ["陈志明", "桂城五金有限公司", "13800138001"]]


def upload(rows) -> SimpleUploadedFile:
    return SimpleUploadedFile("名单.xlsx", xlsx(rows).read())


def test_town_officer_uploads_an_attendance_list_on_the_activity_page(nanhai):
    training = activity("线下专场培训", region=nanhai.guicheng)
    client = nanhai.client_for(nanhai.guicheng_officer)
    response = client.post(f"/outreach/activities/{training.pk}/attendance/import/", {"file": upload(ROSTER)})
    assert response.status_code == 302
    page = client.get(f"/outreach/activities/{training.pk}/").content.decode()
    assert "陈志明" in page and "名单 1 人；报表计入 1 人" in page


def test_a_bad_list_shows_the_row_and_writes_nothing(nanhai):
    training = activity("线下专场培训")
    client = nanhai.client_for(nanhai.district_officer)
    bad = [*ROSTER, ["", "某公司", "13800000000"], ["王强", "某公司", "1380"]]
    response = client.post(
        f"/outreach/activities/{training.pk}/attendance/import/", {"file": upload(bad)}, follow=True
    )
    assert "第4行" in response.content.decode() and not Attendance.objects.exists()


def test_leader_cannot_upload_and_another_town_gets_404(nanhai):
    training = activity("线下专场培训", region=nanhai.guicheng)
    url = f"/outreach/activities/{training.pk}/attendance/import/"
    assert nanhai.client_for(nanhai.leader).post(url, {"file": upload(ROSTER)}).status_code == 404
    assert nanhai.client_for(nanhai.jiujiang_officer).post(url, {"file": upload(ROSTER)}).status_code == 404


def test_the_menu_offers_the_question_import_only_to_staff(nanhai):
    def labels(user):
        return [link["label"] for area in menu_for(user) for link in area["links"]]

    assert "从 Excel 导入题目" in labels(nanhai.legal)
    assert "从 Excel 导入题目" not in labels(nanhai.leader)
    assert "在线知识竞赛" in labels(nanhai.leader)


def test_the_competition_page_shows_participants_masked(nanhai, client):
    competition = open_competition()
    competition.participants.create(
        name="张三丰", phone="13812345678", town=nanhai.guicheng, best_score=90, best_seconds=100
    )
    page = client.get("/public/competitions/xxqa/leaderboard/").content.decode()
    assert "张**" in page and "138****5678" in page and "13812345678" not in page
    staff = (
        nanhai.client_for(nanhai.district_officer)
        .get(f"/outreach/competitions/{competition.pk}/")
        .content.decode()
    )
    assert "参赛 1 人" in staff
