"""Each step of the case page: its form and how the form's data calls the service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms

from emgov.cases import decisions, execution, services
from emgov.cases import step_forms as f
from emgov.cases.models import PenaltyCase


@dataclass(frozen=True)
class StepForm:
    form: type[forms.Form]
    run: Callable[[PenaltyCase, forms.Form, Any], PenaltyCase]


def _data(form: forms.Form, *names: str) -> dict[str, Any]:
    return {n: form.cleaned_data.get(n) for n in names}


def _evidence(case, form, actor):
    services.evidence_add(case, actor=actor, **form.cleaned_data)
    return case


def _decide(case, form, actor):
    extra = {k: v for k, v in _data(form, "fine_amount", "discretion_reason").items() if v not in (None, "")}
    return decisions.case_decide(case, actor=actor, on=form.cleaned_data["on"], **extra)


STEP_FORMS: dict[str, StepForm] = {
    "investigate": StepForm(
        f.OnForm, lambda c, fm, a: services.case_investigate(c, actor=a, **_data(fm, "on"))
    ),
    "evidence": StepForm(f.EvidenceForm, _evidence),
    "notify": StepForm(
        f.NotifyForm,
        lambda c, fm, a: services.case_notify(
            c, actor=a, **_data(fm, "on", "major_case", "review_required"), **fm.penalty()
        ),
    ),
    "statement": StepForm(
        f.StatementForm,
        lambda c, fm, a: services.case_statement(c, actor=a, **_data(fm, "on", "note", "waives_hearing")),
    ),
    "hearing_request": StepForm(
        f.OnForm, lambda c, fm, a: services.hearing_request(c, actor=a, **_data(fm, "on"))
    ),
    "hearing_notice": StepForm(
        f.HearingNoticeForm,
        lambda c, fm, a: services.hearing_notice(c, actor=a, **_data(fm, "on", "hearing_on")),
    ),
    "hearing_hold": StepForm(
        f.NoteForm, lambda c, fm, a: services.hearing_hold(c, actor=a, **_data(fm, "on", "note"))
    ),
    "review": StepForm(
        f.ReviewForm,
        lambda c, fm, a: decisions.case_review(c, actor=a, points=fm.points(), **_data(fm, "on", "opinion")),
    ),
    "discuss": StepForm(
        f.DiscussForm, lambda c, fm, a: decisions.case_discuss(c, actor=a, **_data(fm, "on", "note"))
    ),
    "decide": StepForm(f.DecideForm, _decide),
    "extend": StepForm(
        f.ExtendForm,
        lambda c, fm, a: services.case_extend(
            c, actor=a, **_data(fm, "approved_on", "approved_by", "new_due_on", "reason")
        ),
    ),
    "serve": StepForm(
        f.NoteForm, lambda c, fm, a: execution.case_serve(c, actor=a, **_data(fm, "on", "note"))
    ),
    "pay": StepForm(f.OnForm, lambda c, fm, a: execution.case_pay(c, actor=a, **_data(fm, "on"))),
    "defer": StepForm(
        f.DeferForm,
        lambda c, fm, a: execution.case_defer(
            c, actor=a, **_data(fm, "on", "approved_by", "new_due_on", "reason")
        ),
    ),
    "court": StepForm(
        f.CourtForm, lambda c, fm, a: execution.case_court(c, actor=a, **_data(fm, "on", "demanded_on"))
    ),
    "close": StepForm(
        f.NoteForm, lambda c, fm, a: execution.case_close(c, actor=a, **_data(fm, "on", "note"))
    ),
    "archive": StepForm(f.OnForm, lambda c, fm, a: execution.case_archive(c, actor=a, **_data(fm, "on"))),
    "correct": StepForm(
        f.CorrectForm,
        lambda c, fm, a: decisions.case_correct(c, actor=a, **_data(fm, "on", "reason"), **fm.penalty()),
    ),
}
