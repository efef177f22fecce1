"""The public competition refuses late, repeated, replayed and forged submissions; it scores on the server."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache

from emgov.outreach.models import Attempt, Participant
from emgov.outreach.services.attempts import bank_questions
from emgov.outreach.tests.builders import open_competition, right_answer

ENTRY = "/public/competitions/xxqa/"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def enter(client, competition, phone="13800138000"):
    from emgov.core.models import Region

    town = Region.objects.get(name="桂城街道")
    return client.post(ENTRY, {"name": "张三丰", "phone": phone, "town": town.pk})


def token_of(response) -> str:
    return re.search(r"/a/([^/]+)/", response["Location"]).group(1)


def answer(client, token, position, choice):
    return client.post(f"{ENTRY}a/{token}/answer/", {"position": position, "choice": choice})


def current_question(attempt):
    return bank_questions(attempt.competition.bank_id)[attempt.question_ids[attempt.position]]


def test_a_participant_answers_all_questions_and_is_scored_on_the_server(nanhai, client):
    competition = open_competition(questions=4)
    token = token_of(enter(client, competition))
    page = client.get(f"{ENTRY}a/{token}/").content.decode()
    assert 'id="q-number">1</span> / <span id="q-total">4<' in page
    assert "安全生产法第" not in page, "the question page shows neither basis nor answer"
    for position in range(4):
        attempt = Attempt.objects.get()
        right = right_answer(current_question(attempt))
        wrong = ["B"] if right == ["A"] else ["错"]
        response = answer(client, token, position, right if position < 3 else wrong)
        assert response.status_code == 200
    attempt = Attempt.objects.get()
    assert attempt.finished_at and attempt.correct == 3 and attempt.score == 75
    assert "得分 75 分" in response.content.decode()
    assert Participant.objects.get().best_score == 75


def test_the_page_never_receives_the_answer_key(nanhai, client):
    competition = open_competition(questions=4)
    token = token_of(enter(client, competition))
    page = client.get(f"{ENTRY}a/{token}/").content.decode()
    assert "答案" not in page and "解析" not in page and "data-answer" not in page


def test_an_answer_after_the_time_limit_is_refused(nanhai, client):
    competition = open_competition(questions=4)
    token = token_of(enter(client, competition))
    attempt = Attempt.objects.get()
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=attempt.started_at - datetime.timedelta(seconds=400),
        deadline=attempt.deadline - datetime.timedelta(seconds=400),
    )
    response = answer(client, token, 0, right_answer(current_question(attempt)))
    assert response.status_code == 409
    assert "已超过本次答题时限（300秒）" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.timed_out and attempt.answers == [] and attempt.score == 0


def test_a_second_attempt_on_the_same_day_is_refused(nanhai, client):
    competition = open_competition()
    enter(client, competition)
    response = enter(client, competition)
    assert response.status_code == 400
    assert "每个手机号每天可答题1次，今天的次数已用完" in response.content.decode()
    assert Attempt.objects.count() == 1


def test_a_replayed_answer_is_refused_and_changes_nothing(nanhai, client):
    competition = open_competition(questions=4)
    token = token_of(enter(client, competition))
    attempt = Attempt.objects.get()
    first = right_answer(current_question(attempt))
    assert answer(client, token, 0, first).status_code == 200
    replayed = answer(client, token, 0, first)
    assert replayed.status_code == 409
    assert "该题已经作答或提交顺序不对" in replayed.content.decode()
    attempt.refresh_from_db()
    assert attempt.position == 1 and attempt.correct == 1 and len(attempt.answers) == 1


def test_a_forged_score_or_token_is_refused(nanhai, client):
    competition = open_competition(questions=4)
    token = token_of(enter(client, competition))
    attempt = Attempt.objects.get()
    forged = client.post(f"{ENTRY}a/{token}x/answer/", {"position": 0, "choice": "A", "score": 100})
    assert forged.status_code == 403 and "答题凭证无效或已被篡改" in forged.content.decode()
    other = f"{attempt.pk + 1}:{attempt.nonce}"
    assert answer(client, other, 0, "A").status_code == 403
    for position in range(4):
        client.post(
            f"{ENTRY}a/{token}/answer/", {"position": position, "choice": "Z", "score": 100, "correct": 4}
        )
    attempt.refresh_from_db()
    assert attempt.score == 0 and attempt.finished_at is None, (
        "a posted score or an unknown choice counts for nothing"
    )


def test_a_phone_is_rate_limited_per_address(nanhai, client):
    competition = open_competition(requests_per_ip_minute=3)
    codes = [enter(client, competition, phone=f"1390000000{i}").status_code for i in range(5)]
    assert codes[:3] == [302, 302, 302] and codes[3] == 429


def test_an_answer_costs_few_queries(nanhai, client, django_assert_max_num_queries):
    competition = open_competition(questions=4)
    token = token_of(enter(client, competition))
    attempt = Attempt.objects.get()
    bank_questions(competition.bank_id)
    with django_assert_max_num_queries(3):
        answer(client, token, 0, right_answer(current_question(attempt)))


def test_the_script_gets_the_next_question_as_json_without_its_answer(nanhai, client):
    competition = open_competition(questions=4)
    token = token_of(enter(client, competition))
    attempt = Attempt.objects.get()
    first = current_question(attempt)
    reply = client.post(
        f"{ENTRY}a/{token}/answer/",
        {"position": 0, "choice": right_answer(first)},
        HTTP_ACCEPT="application/json",
    )
    data = reply.json()
    assert reply.status_code == 200 and data["number"] == 2 and data["position"] == 1
    assert "answer" not in data and "legal_reference" not in data and "explanation" not in data
    replayed = client.post(
        f"{ENTRY}a/{token}/answer/", {"position": 0, "choice": "A"}, HTTP_ACCEPT="application/json"
    )
    assert replayed.status_code == 409 and replayed.json()["code"] == "replayed"


def test_a_question_retired_during_an_attempt_still_counts_and_is_no_longer_drawn(nanhai, client):
    from emgov.outreach.models import Question
    from emgov.outreach.procedures import QUESTION

    competition = open_competition(questions=4)
    token = token_of(enter(client, competition))
    attempt = Attempt.objects.get()
    current = current_question(attempt)
    QUESTION.take("retire", Question.objects.get(pk=current.pk), actor=nanhai.legal)
    from emgov.outreach.services.attempts import bank_forget

    bank_forget(competition.bank_id)
    assert answer(client, token, 0, right_answer(current)).status_code == 200
    assert Attempt.objects.get().correct == 1
    drawable = [pk for pk, q in bank_questions(competition.bank_id).items() if q.usable]
    assert current.pk not in drawable and len(drawable) == 5
