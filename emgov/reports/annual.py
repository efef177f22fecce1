"""The annual rule-of-law report assembled from its narrative and the figures of its year and region."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from emgov.reports import tallies
from emgov.reports.checks import CHECKS, STATEMENTS, Problem, contradictions, revisit_enterprises
from emgov.reports.figures import FIGURES, Figure, Scope
from emgov.reports.models import ReportNarrative
from emgov.reports.narrative import Block, parse_blocks, render_segments, used_keys
from emgov.reports.services import narrative_for

SUGGESTION_KEYS = (
    "problems.visits_without_av",
    "problems.decisions_published_late",
    "problems.decisions_past_limit",
    "problems.hazards_overdue",
    "problems.certificates_expiring",
)
REVISIT_PREVIEW = 20


def figure_for(key: str) -> Figure:
    """A figure of the spec, a check or a statement; KeyError for anything else."""
    for registry in (FIGURES, CHECKS, STATEMENTS):
        if key in registry:
            return registry[key]
    raise KeyError(key)


def previous_scope(scope: Scope) -> Scope:
    """The same stretch of the year before (1 January to the same day), for 同比."""
    as_of = scope.as_of
    try:
        end = as_of.replace(year=as_of.year - 1)
    except ValueError:  # 29 February
        end = datetime.date(as_of.year - 1, 2, 28)
    return Scope(year=scope.year - 1, region=scope.region, as_of=end, bureau=scope.bureau)


@dataclass
class Suggestion:
    key: str
    words: str
    count: int
    unit: str


@dataclass
class AnnualReport:
    scope: Scope
    title: Block
    blocks: list[Block]
    issuer: str
    narrative: ReportNarrative | None
    values: dict[str, Any] = field(default_factory=dict)
    previous: dict[str, Any] = field(default_factory=dict)
    _problems: list[Problem] | None = field(default=None, repr=False)

    @property
    def date(self) -> datetime.date:
        return self.scope.as_of

    @property
    def text(self) -> str:
        lines = [self.title.text, *(b.text for b in self.blocks), self.issuer]
        return "\n".join(lines)

    @property
    def problems(self) -> list[Problem]:
        """The facts of the text that the records contradict (`checks.CLAIMS`): while there is one, the
        report is not exported (Word, PDF, the `report` command) until the writer edits the narrative."""
        if self._problems is None:
            self._problems = contradictions(self.scope, self.text)
        return self._problems


def report_words(scope: Scope) -> dict[str, str]:
    bureau = scope.bureau.name if scope.bureau else scope.region.name
    return {
        "year": str(scope.year),
        "next_year": str(scope.year + 1),
        "last_year": str(scope.year - 1),
        "region": scope.region.name,
        "bureau": bureau,
    }


def figure_values(scope: Scope, keys: list[str]) -> dict[str, Any]:
    tallies.prime_for(scope, keys)
    return {key: figure_for(key).value(scope) for key in keys}


def build_report(
    scope: Scope, *, compare: bool = False, title: str | None = None, body: str | None = None
) -> AnnualReport:
    """The report of `scope`: its stored (or carried-over, or default) narrative unless `title` and
    `body` are given, with the figures it names computed; with `compare`, last year's values too."""
    stored = None
    if title is None or body is None:
        title, body, stored = narrative_for(scope.year, scope.region)
    keys = used_keys(f"{title}\n{body}")
    values = figure_values(scope, keys)
    compared = [key for key in keys if key not in STATEMENTS]  # words, not numbers to compare
    previous = figure_values(previous_scope(scope), compared) if compare else {}
    words = report_words(scope)
    return AnnualReport(
        scope=scope,
        title=Block("title", render_segments(title, values, words, previous)),
        blocks=parse_blocks(body, values, words, previous),
        issuer=words["bureau"],
        narrative=stored,
        values=values,
        previous=previous,
    )


def suggestions(scope: Scope) -> list[Suggestion]:
    """The problems section's prompts: each check with its count in the year."""
    return [
        Suggestion(key, CHECKS[key].words, CHECKS[key].value(scope), CHECKS[key].unit)
        for key in SUGGESTION_KEYS
    ]


def revisit_preview(scope: Scope) -> tuple[int, list]:
    """How many enterprises the next year's 回头看 list holds, and the first of them."""
    enterprises = revisit_enterprises(scope)
    return enterprises.count(), list(enterprises[:REVISIT_PREVIEW])
