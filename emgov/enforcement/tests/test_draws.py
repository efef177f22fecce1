"""双随机: a draw is reproducible from its stored inputs, respects certificates and recusals, and is published."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from emgov.core import audit, services
from emgov.enforcement.models import Draw, Recusal
from emgov.enforcement.procedures import DRAW
from emgov.enforcement.services import draws
from emgov.enforcement.tests.test_plans import make_officer, make_plan
from emgov.enterprises.tests.test_views import make_enterprise

DAY = datetime.date(2023, 3, 1)


def setup_pool(nanhai, enterprises: int = 6, officers: int = 4):
    companies = [
        make_enterprise(
            nanhai.guicheng if n % 2 else nanhai.jiujiang, n, name=f"抽查企业{n}", phone="13800000000"
        )
        for n in range(1, enterprises + 1)
    ]
    people = [make_officer(f"YJ{n:03d}", f"执法{n}") for n in range(1, officers + 1)]
    return companies, people


def test_draw_is_reproduced_identically_from_its_stored_inputs(nanhai):
    setup_pool(nanhai)
    plan = make_plan()
    draw = draws.draw_run(actor=nanhai.district_officer, plan=plan, size=4, drawn_on=DAY)
    draw.refresh_from_db()
    assert len(draw.result) == 4 and len({r["enterprise"] for r in draw.result}) == 4
    assert all(len(set(r["officers"])) == 2 for r in draw.result)
    assert draw.candidate_ids == sorted(draw.candidate_ids) and len(draw.candidate_ids) == 6
    assert draw.officer_ids == sorted(draw.officer_ids) and len(draw.officer_ids) == 4
    assert draws.draw_replay(draw) == draw.result
    assert draws.draw_verified(draw)
    again = draws.draw_run(actor=None, plan=plan, size=4, drawn_on=DAY, seed=draw.seed)
    assert again.result == draw.result and again.number != draw.number
    assert [e.action for e in audit.history(draw)] == ["create"]


def test_a_tampered_result_no_longer_verifies(nanhai):
    setup_pool(nanhai)
    draw = draws.draw_run(actor=None, plan=make_plan(), size=3, drawn_on=DAY, seed=7)
    draw.result = list(reversed(draw.result))
    assert not draws.draw_verified(draw)


def test_draw_filters_candidates_by_town_and_industry(nanhai):
    setup_pool(nanhai)
    make_enterprise(nanhai.guicheng, 50, name="桂城危化", industry="危化")
    draw = draws.draw_run(
        actor=None, plan=make_plan(), size=1, drawn_on=DAY, town=nanhai.guicheng, industry="危化"
    )
    assert [r["enterprise"] for r in draw.result] == draw.candidate_ids
    assert len(draw.candidate_ids) == 1


def test_officers_without_a_valid_certificate_on_the_day_are_never_drawn(nanhai):
    setup_pool(nanhai, officers=2)
    expired = make_officer("YJ900", "过期", valid_until=datetime.date(2023, 2, 28))
    suspended = make_officer("YJ901", "暂扣", status="暂扣")
    draw = draws.draw_run(actor=None, plan=make_plan(), size=6, drawn_on=DAY)
    assert expired.pk not in draw.officer_ids and suspended.pk not in draw.officer_ids
    drawn = {o for r in draw.result for o in r["officers"]}
    assert expired.pk not in drawn and suspended.pk not in drawn


def test_a_recused_officer_is_never_paired_with_that_enterprise(nanhai):
    companies, people = setup_pool(nanhai, enterprises=3, officers=3)
    target, recused = companies[0], people[0]
    services.record_create(Recusal(officer=recused, enterprise=target, reason="亲属任职"), actor=None)
    for seed in range(40):
        draw = draws.draw_run(actor=None, plan=make_plan(f"JH{seed}"), size=3, drawn_on=DAY, seed=seed)
        row = next(r for r in draw.result if r["enterprise"] == target.pk)
        assert recused.pk not in row["officers"]
        assert draw.recusal_pairs == [[recused.pk, target.pk]]


def test_draw_fails_naming_the_enterprise_that_lacks_two_officers(nanhai):
    companies, people = setup_pool(nanhai, enterprises=1, officers=2)
    services.record_create(Recusal(officer=people[0], enterprise=companies[0], reason="利害关系"), actor=None)
    with pytest.raises(ValidationError, match="抽查企业1"):
        draws.draw_run(actor=None, plan=make_plan(), size=1, drawn_on=DAY)
    assert not Draw.objects.exists()


def test_drawing_more_than_the_candidates_is_refused(nanhai):
    setup_pool(nanhai, enterprises=2)
    with pytest.raises(ValidationError, match="候选企业只有2家"):
        draws.draw_run(actor=None, plan=make_plan(), size=3, drawn_on=DAY)
    assert not Draw.objects.exists()


def test_draw_on_the_plan_page_then_publish_and_the_public_sees_names_only(nanhai):
    setup_pool(nanhai)
    plan = make_plan()
    client = nanhai.client_for(nanhai.district_officer)
    response = client.post(
        f"/enforcement/plans/{plan.pk}/draw/", {"draw-size": 2, "draw-drawn_on": "2023-03-01"}
    )
    draw = Draw.objects.get()
    assert response["Location"] == f"/enforcement/draws/{draw.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "结果一致" in detail and str(draw.seed) in detail
    public = Client()
    assert "抽查企业" not in public.get("/public/draws/").content.decode()
    publish = f"/enforcement/draws/{draw.pk}/steps/publish/"
    assert publish in detail
    stale = client.post(publish, {"published_on": "2023-03-03", "_version": 0})
    assert stale.status_code == 422 and Draw.objects.get().published_on is None
    client.post(publish, {"published_on": "2023-03-03", "_version": draw.version})
    draw.refresh_from_db()
    assert draw.published_on == datetime.date(2023, 3, 3)
    assert "公布抽查结果" in [e.reason for e in audit.history(draw)]
    page = public.get("/public/draws/").content.decode()
    names = [row["enterprise"] for row in draws.draw_rows([draw])[draw.pk]]
    assert all(e.name in page for e in names)
    assert "YJ00" in page and "执法" in page
    assert "13800000000" not in page and names[0].credit_code not in page
    assert "双随机抽查结果" in page  # the public menu names the section
    assert publish not in client.get(f"/enforcement/draws/{draw.pk}/").content.decode()
    second = client.post(publish, {"_version": draw.version})
    assert second.status_code == 422 and "不是当前（已公布）可以办理的环节" in second.content.decode()


def test_town_officer_cannot_see_or_publish_a_district_draw(nanhai):
    setup_pool(nanhai)
    draw = draws.draw_run(actor=None, plan=make_plan(region=nanhai.jiujiang), size=1, drawn_on=DAY)
    client = nanhai.client_for(nanhai.guicheng_officer)
    assert client.get(f"/enforcement/draws/{draw.pk}/").status_code == 404
    assert client.post(f"/enforcement/draws/{draw.pk}/steps/publish/", {"_version": 1}).status_code == 404
    draw.refresh_from_db()
    assert draw.published_on is None


def test_a_draw_cannot_be_edited(nanhai):
    setup_pool(nanhai)
    draw = draws.draw_run(actor=None, plan=make_plan(), size=1, drawn_on=DAY)
    assert (
        nanhai.client_for(nanhai.district_officer).get(f"/enforcement/draws/{draw.pk}/edit/").status_code
        == 404
    )


@pytest.mark.parametrize("rows", [1, 5])
def test_public_draw_list_query_count_does_not_grow(nanhai, django_assert_num_queries, rows):
    setup_pool(nanhai)
    plan = make_plan()
    for n in range(rows):
        draw = draws.draw_run(actor=None, plan=plan, size=2, drawn_on=DAY, seed=n)
        DRAW.take("publish", draw, actor=None)
    client = Client()
    client.get("/public/draws/")
    with django_assert_num_queries(5):
        client.get("/public/draws/")


def test_recusal_is_recorded_on_its_page_and_the_next_draw_respects_it(nanhai):
    companies, people = setup_pool(nanhai, enterprises=1, officers=3)
    client = nanhai.client_for(nanhai.district_officer)
    assert client.get("/enforcement/recusals/new/").status_code == 200
    response = client.post(
        "/enforcement/recusals/new/",
        {"officer": people[0].pk, "enterprise": companies[0].credit_code, "reason": "曾在该企业任职"},
    )
    assert response.status_code == 302
    assert "曾在该企业任职" in client.get("/enforcement/recusals/").content.decode()
    draw = draws.draw_run(actor=None, plan=make_plan(), size=1, drawn_on=DAY)
    assert draw.result[0]["officers"] == sorted(o.pk for o in people[1:])


def test_draw_list_and_plan_pages_render(nanhai):
    setup_pool(nanhai)
    plan = make_plan()
    draws.draw_run(actor=None, plan=plan, size=2, drawn_on=DAY)
    client = nanhai.client_for(nanhai.district_officer)
    assert f"{plan.number}-01" in client.get("/enforcement/draws/").content.decode()
    assert client.get("/enforcement/draws/new/")["Location"] == "/enforcement/plans/"
    page = client.get(f"/enforcement/plans/{plan.pk}/").content.decode()
    assert "随机抽取企业和执法人员" in page and f"{plan.number}-01" in page
    assert client.get("/enforcement/plans/new/").status_code == 200
