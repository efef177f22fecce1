"""Every list page answers any combination of its parameters — sort, each declared filter, page, year,
search — with a page, never a server error: generated from each LedgerPages' own filters and columns,
with a fixed seed and a bounded budget (`make fuzz`: EMGOV_FUZZ_EXAMPLES)."""

import os

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from emgov.core.pages.base import _PAGES_BY_MODEL

EXAMPLES = int(os.environ.get("EMGOV_FUZZ_EXAMPLES", "3"))
# The suite fuzzes as the administrator (every page opens); `make fuzz` as every persona named.
PERSONAS = os.environ.get("EMGOV_FUZZ_PERSONAS", "admin").split(",")
BAD = [
    "",
    "abc",
    "0",
    "-1",
    "1e20",
    "99999999999999999999999",
    "9999-12-31",
    "２０２３",
    "--",
    "%",
    "\x00",
    "x" * 300,
]
SKIP = ("api/", "export", "template.", "logout", "i18n/", "jsi18n", "static/", "lookup/")


def _plain_urls(resolver=None, prefix: str = "") -> list[str]:
    """The GET pages that take no argument in their path (lists, summaries, statistics)."""
    out = []
    for p in (resolver or get_resolver()).url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            out += _plain_urls(p, route)
        elif isinstance(p, URLPattern) and not any(s in route for s in (*SKIP, "<", "(")):
            out.append("/" + route)
    return out


def _targets() -> list[tuple[str, list[str], list[str]]]:
    """(url, filter names, sortable columns) for every list page; the plain pages with none."""
    urls = _plain_urls()
    declared = {}
    for pages in _PAGES_BY_MODEL.values():
        declared[pages.url("list")] = (
            [f.name for f in pages.filters()],
            sorted(pages.sortable()),
        )
    return [(url, *declared.get(url, ([], []))) for url in sorted(set(urls))]


TARGETS = _targets()


def _params(filters: list[str], sortable: list[str]):
    sorts = [s for c in sortable for s in (c, f"-{c}", f"--{c}")] + ["-", "pk", "nonexistent"]
    value = st.sampled_from(BAD) | st.text(max_size=8)
    keys = {name: value for name in filters}
    keys |= {"sort": st.sampled_from(sorts), "page": value, "year": value, "q": value, "voided": value}
    return st.fixed_dictionaries({}, optional=keys)


def test_every_list_page_is_a_target():
    urls = {t[0] for t in TARGETS}
    assert len(_PAGES_BY_MODEL) > 20
    assert {pages.url("list") for pages in _PAGES_BY_MODEL.values()} <= urls


def _fuzz_url(client, url: str, filters: list[str], sortable: list[str], errors: list) -> None:
    @seed(17)
    @settings(
        max_examples=EXAMPLES,
        database=None,
        deadline=None,
        phases=["generate"],
        suppress_health_check=list(HealthCheck),
    )
    @given(params=_params(filters, sortable))
    def visit(params):
        response = client.get(url, params)
        if response.status_code >= 500:
            errors.append((url, params, response.status_code))

    visit()


@pytest.mark.parametrize("persona", PERSONAS)
def test_list_parameters_never_answer_a_server_error(nanhai, persona):
    client = nanhai.client_for(getattr(nanhai, persona))
    client.raise_request_exception = False
    errors: list = []
    for url, filters, sortable in TARGETS:
        _fuzz_url(client, url, filters, sortable, errors)
    assert errors == []


@pytest.mark.parametrize(
    "url",
    [
        "/core/regions/?sort=--name",
        "/enterprises/enterprises/?sort=-",
        "/enforcement/visits/?year=abc",
        "/enforcement/visits/?year=0",
        "/enforcement/visits/?year=99999999999999999999999",
        "/enforcement/plans/?year=abc",
        "/legal/exams/?year=abc",
        "/legal/litigation/summary/?year=0",
        "/legal/study-sessions/summary/?year=99999999999999999999999",
        "/publicity/requests/statistics/?year=0",
        "/enforcement/hazards/?visit__enterprise__town=99999999999999999999999&page=1e20",
    ],
)
def test_the_reported_inputs_show_the_page(nanhai, url):
    response = nanhai.client_for(nanhai.admin).get(url)
    assert response.status_code == 200


def test_a_nul_character_is_refused_clearly(nanhai):
    client = nanhai.client_for(nanhai.admin)
    response = client.get("/enterprises/enterprises/?q=%00")
    assert response.status_code == 400 and "请求有误" in response.content.decode()
