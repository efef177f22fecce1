"""The Nanhai demo year gives every figure of the bureau's 2023 report, and reads like a real year.

The demo is built once here for every check that only reads it: this module's own, the annual
report's (`annual_report`) and who may open which page and step (`access_matrix`)."""

from __future__ import annotations

import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth

from emgov.cases.models import PenaltyCase
from emgov.core.interchange import registry
from emgov.core.models import Officer
from emgov.core.numbering import number_take
from emgov.demo import enforcement, enterprises, people
from emgov.demo.base import ensure_base
from emgov.demo.build import SEED, build_demo
from emgov.demo.names import ORG_CODE_WEIGHTS
from emgov.demo.targets import AS_OF, REGION_CODE, SEED_FIGURES, YEAR
from emgov.demo.tests.access_matrix import *  # noqa: E402,F403  (collected here, on this module's demo)
from emgov.demo.tests.annual_report import *  # noqa: E402,F403  (collected here, on this module's demo)
from emgov.demo.tests.counts import *  # noqa: E402,F403  (collected here, on this module's demo)
from emgov.demo.tests.crawl import *  # noqa: E402,F403  (collected here, on this module's demo)
from emgov.demo.world import World
from emgov.enforcement.models import Hazard, HazardStatus, Visit, VisitNature
from emgov.enterprises.models import Enterprise
from emgov.outreach.models import OutreachActivity

EXACT = SEED_FIGURES["exact"]
RANGES = SEED_FIGURES["ranges"]
CONTAINS = SEED_FIGURES["contains"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, built once for this module in the test database and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_base()
        build_demo()
        yield
        transaction.set_rollback(True)


def run_report(as_of: datetime.date | None = AS_OF) -> dict:
    out = io.StringIO()
    options = {"as_of": as_of.isoformat()} if as_of else {}
    call_command("report", year=YEAR, region=REGION_CODE, format="json", stdout=out, **options)
    return json.loads(out.getvalue())["figures"]


@pytest.fixture(scope="module")
def figures(demo, django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        return run_report()


@pytest.mark.parametrize("key", sorted(EXACT))
def test_the_report_states_the_exact_figure(figures, key):
    assert figures[key] == EXACT[key]


@pytest.mark.parametrize("key", sorted(RANGES))
def test_the_report_states_the_rounded_figure(figures, key):
    low, high = RANGES[key]
    assert low <= figures[key] <= high


@pytest.mark.parametrize("key", sorted(CONTAINS))
def test_the_report_lists_what_it_names(figures, key):
    assert set(CONTAINS[key]) <= set(figures[key])


def bureau_inspections():
    return Visit.objects.filter(department__is_bureau=True, nature=VisitNature.ENFORCEMENT)


@pytest.mark.django_db
def test_every_record_keeping_a_place_is_placed_where_its_scope_finds_it(demo):
    from emgov.core.models.places import misplaced, placed_models

    assert {m.__name__ for m in placed_models()} >= {"Visit", "Hazard", "Order", "PenaltyCase"}
    for model in placed_models():
        assert model.objects.filter(**{f"{model.place_field}__isnull": False}).exists()
        assert not misplaced(model).exists(), model.__name__


@pytest.mark.django_db
def test_every_month_to_november_has_inspections_and_june_is_busiest(demo):
    by_month = dict(
        bureau_inspections()
        .filter(date__year=YEAR)
        .annotate(month=ExtractMonth("date"))
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    assert all(by_month.get(month, 0) >= 300 for month in range(1, 12))
    assert by_month[6] == max(by_month[m] for m in range(1, 12))
    assert by_month[1] < by_month[3] and by_month[2] < by_month[3]


@pytest.mark.django_db
def test_every_town_has_inspections(demo):
    towns = dict(
        bureau_inspections()
        .filter(date__range=(datetime.date(YEAR, 1, 1), AS_OF))
        .values_list("enterprise__town__name")
        .annotate(n=Count("pk"))
    )
    assert set(towns) == set(SEED_FIGURES["towns"])
    assert min(towns.values()) >= 500


@pytest.mark.django_db
def test_most_hazards_are_closed_some_are_open_and_some_overdue(demo):
    hazards = Hazard.objects.all()
    closed = hazards.filter(status=HazardStatus.CLOSED).count()
    overdue = hazards.filter(deadline__lt=AS_OF, rectified_on__isnull=True).count()
    still_open = hazards.filter(rectified_on__isnull=True, deadline__gte=AS_OF).count()
    assert closed / hazards.count() > 0.85
    assert 0 < overdue < 0.05 * hazards.count()
    assert still_open > 0
    assert hazards.filter(grade="重大事故隐患").count() > EXACT["joint.enterprises_suspended"]


@pytest.mark.django_db
def test_records_after_the_as_of_date_and_from_last_year_do_not_count(demo):
    after = (AS_OF + datetime.timedelta(days=1), datetime.date(YEAR, 12, 31))
    assert bureau_inspections().filter(date__range=after).count() > 100
    assert PenaltyCase.objects.filter(decided_on__range=after).count() > 10
    assert OutreachActivity.objects.filter(start_date__range=after).count() > 10
    assert Visit.objects.filter(date__year=YEAR - 1, operation__kind="联合执法").exists()
    assert PenaltyCase.objects.filter(decided_on__year=YEAR - 1).exists()
    whole_year = run_report(as_of=None)
    assert whole_year["enforcement.inspections"] > EXACT["enforcement.inspections"]
    assert whole_year["enforcement.penalties"] > EXACT["enforcement.penalties"]
    assert whole_year["joint.actions"] > EXACT["joint.actions"]
    assert whole_year["double_publicity.penalty_records"] > EXACT["double_publicity.penalty_records"]
    assert 12 in whole_year["supervision.unannounced_months"]


@pytest.mark.django_db
def test_registered_firms_carry_valid_organisation_codes(demo):
    codes = list(Enterprise.objects.values_list("credit_code", flat=True))
    assert len(codes) > 5000
    for code in codes:
        body, check = code[8:16], code[16]
        values = [int(c) if c.isdigit() else ord(c) - ord("A") + 10 for c in body]
        expected = 11 - sum(v * w for v, w in zip(values, ORG_CODE_WEIGHTS, strict=True)) % 11
        assert check == {10: "X", 11: "0"}.get(expected, str(expected)), code


@pytest.mark.django_db
def test_some_bureau_certificates_expire_within_90_days(demo):
    soon = Officer.objects.filter(
        department__is_bureau=True, valid_until__range=(AS_OF, AS_OF + datetime.timedelta(days=90))
    )
    assert 0 < soon.count() < 10
    assert Officer.objects.filter(department__is_bureau=True).count() >= 60


@pytest.mark.django_db
def test_the_signed_in_officer_is_chosen_on_the_new_visit_page(demo, client):
    officer = Officer.objects.get(user__username="officer")
    assert officer.name == "黄执法" and officer.certificate_valid_on(AS_OF)
    client.force_login(officer.user)
    page = client.get("/enforcement/visits/record/").content.decode()
    row = re.search(rf'data-cert="{officer.certificate_number}".*?</label>', page, re.S)
    assert row and re.search(rf'<input[^>]*value="{officer.pk}"[^>]*checked', row.group(0))
    # Only the signed-in officer is chosen.
    assert len(re.findall(r'name="officers"[^>]*checked|checked[^>]*name="officers"', page)) == 1


@pytest.mark.django_db
def test_penalties_include_both_procedures_natural_persons_and_sole_traders(demo):
    year = PenaltyCase.objects.filter(decided_on__year=YEAR)
    kinds = dict(year.values_list("procedure").annotate(n=Count("pk")))
    assert kinds["简易程序"] > 100 and kinds["普通程序"] > 500
    assert year.filter(party_type="自然人", party_credit_code="").exists()
    assert year.filter(party_type="个体工商户").exists()
    assert not year.filter(Q(procedure="简易程序") & Q(fine_amount__gt=3000)).exists()


@pytest.mark.django_db
def test_the_next_decision_takes_the_next_free_number(demo):
    number = number_take("行政处罚决定书", year=YEAR)
    assert number.startswith("（南海）应急罚〔2023〕")
    assert not PenaltyCase.objects.filter(decision_number=number).exists()


@pytest.mark.django_db
def test_the_same_seed_plans_the_same_year(demo):
    def plan() -> list[list[object]]:
        world = World.new(SEED)
        people.build_officers(world)
        enterprises.build_register(world)
        enforcement.plan_enforcement(world)
        return enforcement.inspection_rows(world)

    assert plan() == plan()


@pytest.mark.django_db
def test_the_demo_plans_export_and_import_again_unchanged(demo):
    ledger = registry.get("plans")
    first = io.BytesIO()
    ledger.export(ledger.export_queryset(), first, "csv")
    result = ledger.load(io.BytesIO(first.getvalue()), "csv", actor=None, via="导入 应急预案.csv")
    assert result.ok, [str(e) for e in result.errors[:3]]
    assert result.unchanged == result.total > 0 and result.created == result.updated == 0
    again = io.BytesIO()
    ledger.export(ledger.export_queryset(), again, "csv")
    assert again.getvalue() == first.getvalue()
    assert "系统启用前已发布" in first.getvalue().decode("utf-8-sig").splitlines()[0]
