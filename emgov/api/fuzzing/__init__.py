"""Property-based fuzzing of the JSON API from its own OpenAPI description (schemathesis on Hypothesis).

Every operation gets `examples` generated requests — valid ones and, with `negative`, ones that break
the schema (wrong types, out-of-range numbers, missing fields) — sent through Django's test client as
`client` sees it; a path's `{pk}` is the key of a record the caller can read when the test names one,
so that steps and edits reach the code behind the 404. The answer to every request must not be a
server error (5xx). The test suite runs a small, seeded budget; `make fuzz` a larger one.
"""

from __future__ import annotations

import contextlib
import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import schemathesis
from django.test import Client
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.specs.openapi.formats import register_string_format

from emgov.api.api import api

# Dates as people mistype them: the far ends of the calendar as often as ordinary ones.
EDGE_DATES = (datetime.date(9999, 12, 31), datetime.date(1, 1, 1), datetime.date(2199, 12, 31))
register_string_format(
    "date", st.one_of(st.sampled_from(EDGE_DATES), st.dates()).map(datetime.date.isoformat)
)


@dataclass
class Report:
    calls: int = 0
    errors: list[str] = field(default_factory=list)
    by_status: dict[int, int] = field(default_factory=dict)


def operations(only: str = "") -> Iterator[Any]:
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    for result in schema.get_all_operations():
        operation = result.ok()
        if only in operation.path:
            yield operation


class Records:
    """Real keys for `{pk}` (the first record of the list the path hangs under), a step the record
    offers for `{step}`, and the record's version, so that generated bodies reach the step's code."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self._pks: dict[tuple[str, int], list[int]] = {}

    def pk(self, path: str) -> int | None:
        found = self.pks(path)
        return found[0] if found else None

    def pks(self, path: str, n: int = 1) -> list[int]:
        """The keys of the first `n` records of the list `path` hangs under (newest first)."""
        prefix = path[: path.index("{pk}")]
        key = (prefix, n)
        if key not in self._pks:
            self._pks[key] = self._first(prefix, n)
        return self._pks[key]

    def _first(self, prefix: str, n: int) -> list[int]:
        for candidate in (prefix, prefix.rstrip("/")):
            response = self.client.get(candidate, {"limit": n})
            if response.status_code == 200 and response.get("Content-Type", "").startswith(
                "application/json"
            ):
                body = response.json()
                items = body.get("items") if isinstance(body, dict) else body
                return [i.get("id") or i.get("pk") for i in items or [] if isinstance(i, dict)]
        return []

    def steps(self, record_path: str) -> dict[str, Any]:
        response = self.client.get(record_path.rstrip("/") + "/steps")
        return response.json() if response.status_code == 200 else {}


def send(client: Client, case: Any, records: Records | None) -> Any:
    path = case.formatted_path
    body = case.body if not _unset(case.body) else {}
    params = dict(case.path_parameters or {})
    if records is not None and "pk" in params:
        pk = records.pk(case.operation.path)
        if pk is not None:
            params["pk"] = pk
            record_path = case.operation.path[: case.operation.path.index("{pk}")] + str(pk)
            if "step" in params or isinstance(body, dict):
                offered = records.steps(record_path)
                steps = [s["name"] for s in offered.get("steps", [])]
                if "step" in params and steps:
                    params["step"] = steps[hash(str(params["step"])) % len(steps)]
                if isinstance(body, dict) and "version" in offered:
                    body = {**body, "version": offered["version"]}
            path = case.operation.path.format(**params)
    query = {k: v for k, v in (case.query or {}).items() if v is not None}
    method = case.method.lower()
    if method == "get":
        return client.get(path, query)
    url = path + ("?" + urlencode(query, doseq=True) if query else "")
    return getattr(client, method)(url, json.dumps(body, default=str), content_type="application/json")


def _unset(value: Any) -> bool:
    return type(value).__name__ == "NotSet"


def fuzz(
    client: Client,
    *,
    examples: int,
    random_seed: int = 17,
    negative: bool = True,
    only: str = "",
    real_records: bool = True,
) -> Report:
    report = Report()
    modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE] if negative else [GenerationMode.POSITIVE]
    records = Records(client) if real_records else None
    for operation in operations(only):
        for mode in modes:
            _fuzz_operation(client, operation, mode, examples, random_seed, records, report)
    return report


def _fuzz_operation(client, operation, mode, examples, random_seed, records, report) -> None:
    @seed(random_seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        phases=["generate"],
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = send(client, case, records)
        report.calls += 1
        report.by_status[response.status_code] = report.by_status.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            report.errors.append(
                f"{response.status_code} {case.method} {case.formatted_path} "
                f"query={case.query!r} body={case.body!r}"
            )

    with contextlib.suppress(Unsatisfiable):
        run()


EDGE_VALUES = ("9999-12-31", "0001-01-01", "99999999999999999999", "-1", "", "abc", None, [], {})


def sweep_steps(client: Client, *, only: str = "", records_per_list: int = 3) -> Report:
    """Every step the first records of each procedure offer, posted with its fields missing and with
    each edge value (far dates, huge numbers, wrong types) in every field: a refusal, never a 5xx."""
    report = Report()
    records = Records(client)
    for operation in operations(only):
        if operation.method.upper() != "POST" or not operation.path.endswith("/steps/{step}"):
            continue
        for pk in records.pks(operation.path, records_per_list):
            record_path = operation.path[: operation.path.index("{pk}")] + str(pk)
            _sweep_record(client, records, record_path, report)
    return report


def _sweep_record(client: Client, records: Records, record_path: str, report: Report) -> None:
    for step in records.steps(record_path).get("steps", []):
        names = [f["name"] for f in step.get("fields", [])]
        for body in [{}] + [dict.fromkeys(names, value) for value in EDGE_VALUES]:
            version = records.steps(record_path).get("version")
            url = f"{record_path}/steps/{step['name']}"
            response = client.post(
                url, json.dumps({**body, "version": version}), content_type="application/json"
            )
            report.calls += 1
            report.by_status[response.status_code] = report.by_status.get(response.status_code, 0) + 1
            if response.status_code >= 500:
                report.errors.append(f"{response.status_code} POST {url} body={body!r}")
