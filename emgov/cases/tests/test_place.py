"""A penalty case keeps the region its scope finds (PlaceField): it is scoped by that one key, and moves
with the enterprise or the visit that places it, however that record is written."""

from __future__ import annotations

import pytest

from emgov.cases.models import PenaltyCase
from emgov.cases.tests.helpers import open_case
from emgov.cases.tests.test_views import make_penalty
from emgov.core import services
from emgov.core.interchange import bulk
from emgov.core.models import User
from emgov.core.models.places import InSubquery
from emgov.enterprises.models import Enterprise


def _seen_by(user: User) -> set[int]:
    return set(PenaltyCase.objects.visible_to(User.objects.get(pk=user.pk)).values_list("pk", flat=True))


def test_a_case_is_placed_by_its_enterprise_else_its_visit_else_its_own_region(nanhai):
    by_enterprise = open_case(nanhai, nanhai.jiujiang, n=1)
    assert by_enterprise.place_id == nanhai.jiujiang.pk
    person = make_penalty(None, number="（南海）应急罚〔2023〕2号", region=nanhai.guicheng)
    assert person.place_id == nanhai.guicheng.pk
    bureau = make_penalty(None, number="（南海）应急罚〔2023〕3号")
    assert bureau.place_id is None  # the bureau's region places it
    assert _seen_by(nanhai.guicheng_officer) == {person.pk}
    assert _seen_by(nanhai.jiujiang_officer) == {by_enterprise.pk}
    assert _seen_by(nanhai.leader) == {by_enterprise.pk, person.pk, bureau.pk}


def test_moving_the_enterprise_moves_its_cases_to_the_new_towns_staff(nanhai):
    case = open_case(nanhai, nanhai.jiujiang, n=1)
    enterprise = Enterprise.objects.get(pk=case.enterprise_id)
    services.record_update(enterprise, actor=nanhai.leader, changes={"town": nanhai.guicheng})
    assert PenaltyCase.objects.get(pk=case.pk).place_id == nanhai.guicheng.pk
    assert case.pk in _seen_by(nanhai.guicheng_officer)
    assert case.pk not in _seen_by(nanhai.jiujiang_officer)


def test_a_bulk_write_of_the_enterprise_moves_its_cases_too(nanhai):
    case = open_case(nanhai, nanhai.jiujiang, n=1)
    PenaltyCase.objects.filter(pk=case.pk).update(enterprise=None)  # placed through its visit now
    enterprise = Enterprise.objects.get(pk=case.enterprise_id)
    enterprise.town = nanhai.guicheng
    bulk.update([enterprise], ["town"])
    assert PenaltyCase.objects.get(pk=case.pk).place_id == nanhai.guicheng.pk
    assert case.pk in _seen_by(nanhai.guicheng_officer) and case.pk not in _seen_by(nanhai.jiujiang_officer)


@pytest.mark.django_db
def test_the_scope_filter_is_the_one_key_not_joins_across_enterprises_and_visits(nanhai):
    sql = str(PenaltyCase.objects.visible_to(User.objects.get(pk=nanhai.guicheng_officer.pk)).query)
    assert "place_id" in sql and "enforcement_visit" not in sql and "enterprises_enterprise" not in sql
    assert any(isinstance(child, InSubquery) for child in PenaltyCase.region_q("/x/").flatten())


def test_visits_hazards_and_orders_keep_their_enterprises_town_and_move_with_it(nanhai):
    from emgov.cases.tests.helpers import make_hazard, make_visit
    from emgov.enforcement.models import Hazard, Visit

    visit = make_visit(nanhai.jiujiang, 7)
    hazard = make_hazard(visit, 7)
    assert (visit.place_id, Hazard.objects.get(pk=hazard.pk).place_id) == (nanhai.jiujiang.pk,) * 2
    town_officer = User.objects.get(pk=nanhai.jiujiang_officer.pk)
    assert list(Visit.objects.visible_to(town_officer)) == [visit]
    services.record_update(visit.enterprise, actor=nanhai.leader, changes={"town": nanhai.guicheng})
    assert Visit.objects.get(pk=visit.pk).place_id == nanhai.guicheng.pk
    assert Hazard.objects.get(pk=hazard.pk).place_id == nanhai.guicheng.pk
    assert not Visit.objects.visible_to(User.objects.get(pk=town_officer.pk)).exists()
    assert not Hazard.objects.visible_to(User.objects.get(pk=town_officer.pk)).exists()
    guicheng = User.objects.get(pk=nanhai.guicheng_officer.pk)
    assert list(Hazard.objects.visible_to(guicheng)) == [Hazard.objects.get(pk=hazard.pk)]
    sql = str(Hazard.objects.visible_to(guicheng).order_by("pk").query)  # the scope alone
    assert "enforcement_visit" not in sql and "enterprises_enterprise" not in sql
