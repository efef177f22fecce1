"""The prize draw replays from its published seed and entrant list; prizes are delivered through steps."""

from __future__ import annotations

import datetime

from django.utils import timezone

from emgov.outreach.models import Competition, Participant, Prize
from emgov.outreach.procedures import COMPETITION, PRIZE
from emgov.outreach.services import replay
from emgov.outreach.services.draws import prize_plan
from emgov.outreach.tests.builders import open_competition


def finished_competition(nanhai, scores: list[int]) -> Competition:
    competition = open_competition()
    for i, score in enumerate(scores):
        Participant.objects.create(
            competition=competition,
            name=f"参赛者{i}",
            phone=f"1380000{i:04d}",
            town=nanhai.guicheng,
            best_score=score,
            best_seconds=100 + i,
        )
    Competition.objects.filter(pk=competition.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    competition.refresh_from_db()
    return competition


def test_the_draw_replays_to_the_same_winners_from_its_seed(nanhai):
    competition = finished_competition(nanhai, [100, 40, 90, 80, 50, 100, 70, 60])
    COMPETITION.take(
        "draw", competition, actor=nanhai.district_officer, seed="20230616", plan=prize_plan(2, 20, 1, 30)
    )
    draw = Competition.objects.get().draw
    qualifying = [e[0] for e in draw.entrants]
    assert len(qualifying) == 7, "only those at or above the qualifying score (50) enter"
    assert replay("20230616", qualifying, 3) == draw.winners
    assert replay("20230617", qualifying, 3) != draw.winners
    assert [p.kind for p in Prize.objects.order_by("rank")] == ["红包", "红包", "话费"]
    assert all(e[2].startswith("138****") for e in draw.entrants), "the published list masks phones"


def test_the_public_draw_page_publishes_seed_method_and_entrants(nanhai, client):
    competition = finished_competition(nanhai, [100, 90, 80])
    COMPETITION.take(
        "draw", competition, actor=nanhai.district_officer, seed="abc", plan=prize_plan(1, 20, 0, 30)
    )
    page = client.get(f"/public/competitions/{competition.slug}/draw/").content.decode()
    assert "abc" in page and "SHA-256" in page and "结果与公布的中奖名单一致" in page
    assert "13800000000" not in page and "138****0000" in page


def test_a_second_draw_is_refused(nanhai):
    competition = finished_competition(nanhai, [100])
    COMPETITION.take("draw", competition, actor=nanhai.district_officer, plan=prize_plan(1, 20, 0, 30))
    option = COMPETITION.options(Competition.objects.get(), nanhai.district_officer)
    assert not any(o.step.name == "draw" and o.available for o in option)


def test_a_prize_is_delivered_then_shown_as_such(nanhai):
    competition = finished_competition(nanhai, [100])
    COMPETITION.take("draw", competition, actor=nanhai.district_officer, plan=prize_plan(0, 20, 1, 30))
    prize = Prize.objects.get()
    PRIZE.take(
        "deliver", prize, actor=nanhai.district_officer, delivered_on=datetime.date(2023, 6, 30), note=""
    )
    prize.refresh_from_db()
    assert prize.status == "已发放" and prize.delivered_on == datetime.date(2023, 6, 30)
