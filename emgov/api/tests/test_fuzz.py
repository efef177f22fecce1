"""The API answers every generated request — valid, or breaking its OpenAPI description — without a
server error, with a fixed seed and a bounded budget (`make fuzz` runs a larger one: EMGOV_FUZZ_EXAMPLES)."""

import os

import pytest

from emgov.api.fuzzing import fuzz, sweep_steps
from emgov.cases.tests.helpers import make_hazard, make_visit

EXAMPLES = int(os.environ.get("EMGOV_FUZZ_EXAMPLES", "2"))


@pytest.fixture
def records(nanhai):
    """A visit with a hazard in 桂城, so that record paths and steps reach real records."""
    visit = make_visit(nanhai.guicheng)
    make_hazard(visit)
    return visit


# The suite fuzzes as the district officer; `make fuzz` as every persona named in EMGOV_FUZZ_PERSONAS.
PERSONAS = os.environ.get("EMGOV_FUZZ_PERSONAS", "district_officer").split(",")


@pytest.mark.parametrize("persona", PERSONAS)
def test_generated_requests_never_answer_a_server_error(nanhai, records, persona):
    client = nanhai.client_for(getattr(nanhai, persona))
    client.raise_request_exception = False
    report = fuzz(client, examples=EXAMPLES, random_seed=17)
    assert report.calls > 300
    assert report.errors == []
    assert {200, 404, 422} <= set(report.by_status)


def test_every_offered_step_refuses_missing_and_out_of_range_fields(nanhai, records):
    client = nanhai.client_for(nanhai.district_officer)
    client.raise_request_exception = False
    report = sweep_steps(client)
    assert report.calls > 10
    assert report.errors == []
    assert 422 in report.by_status


@pytest.mark.parametrize(
    "url",
    [
        "/api/legal/counsel?year=99999999999999999999999",
        "/api/enforcement/monthly-check?year=0",
        "/api/regions?limit=1e20",
        "/api/regions?limit=100000000000000000000",
        "/api/regions?offset=100000000000000000000",
        "/api/regions?level=%00",
    ],
)
def test_the_reported_parameters_are_refused_with_422(nanhai, url):
    client = nanhai.client_for(nanhai.district_officer)
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_a_key_no_database_holds_finds_nothing(nanhai):
    client = nanhai.client_for(nanhai.district_officer)
    client.raise_request_exception = False
    response = client.get("/api/enforcement/draws?plan_id=100000000000000000000")
    # SQLite cannot take the number (422); PostgreSQL compares it and finds no draw.
    assert response.status_code == 422 or response.json()["count"] == 0
