"""Procedures: the legal steps a record goes through, declared once.

A `Procedure` names the states of one kind of record and its `Step`s. A step names the states it may
be taken from, the state it leads to, the roles that may take it, its form, its guards (each rule with
the article it comes from) and the words of its audit entry; its `run` function holds only what is
particular to it. `Procedure.take` supplies the rest: one transaction, the lock with the version the
user saw (a stale step is refused like a stale edit), the scope check, the source-state check, the
guards and the audit entry. The record's page, the generic step page, the API and the to-do list all
read the same declaration (`core.pages.steps`, `api.steps`).

Another app may add a step to a procedure it does not own (`Procedure.register`): a hazard becomes a
penalty case through a step that the cases app registers on the hazard procedure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from emgov.core.models import User
from emgov.core.services import VIA_WEB, record_lock, record_update, require_scope

# A step's function: run(record, *, actor, via, **cleaned_data). It returns the field changes for the
# engine to apply (one version step, one audit entry worded by the step) or the record it has already
# written through another service.
StepRun = Callable[..., "dict[str, Any] | models.Model | None"]


# Every declared procedure by name: the rule page lists their guards.
PROCEDURES: dict[str, Procedure] = {}


@dataclass(frozen=True)
class Guard:
    """A rule a step must satisfy. `test(record)` is true when it holds; otherwise the step is refused
    with `message`, which names the rule; `article` is its legal basis."""

    test: Callable[[Any], bool]
    message: Any
    article: str = ""
    code: str = "guard"

    def refusal(self, record: Any) -> str | None:
        if self.test(record):
            return None
        message = str(self.message)
        return f"{message}（{self.article}）" if self.article and self.article not in message else message


@dataclass(frozen=True)
class Step:
    name: str
    label: Any
    run: StepRun
    # States the step may be taken from; empty: any state.
    sources: tuple[str, ...] = ()
    # The state the step leads to (None: it stays); shown to the user and in the API.
    target: str | None = None
    # Roles that may take it; None: the procedure's roles.
    roles: frozenset[str] | None = None
    form: type[forms.Form] | None = None
    # Keyword arguments for the form beyond data and initial, from the record (e.g. its choices).
    form_kwargs: Callable[[Any], dict[str, Any]] | None = None
    guards: tuple[Guard, ...] = ()
    # Whether the step belongs to this record at all (e.g. the hearing of a case that allows one);
    # a step that does not apply is not offered, rather than offered and refused.
    applies: Callable[[Any], bool] | None = None
    # The audit entry's wording; the label when empty.
    audit: Any = ""
    # The step's page asks for confirmation in these words (a step without a form).
    confirm: Any = ""

    @property
    def audit_reason(self) -> str:
        return str(self.audit or self.label)


@dataclass(frozen=True)
class Option:
    """A step offered on a record: `refusal` is None when it can be taken now, else why not."""

    step: Step
    refusal: str | None = None

    @property
    def available(self) -> bool:
        return self.refusal is None


@dataclass
class Procedure:
    name: str
    model: type[models.Model]
    # The record's current state, as one of `states`' keys.
    state: Callable[[Any], str]
    states: Mapping[str, Any]
    roles: frozenset[str]
    steps: list[Step] = field(default_factory=list)
    # What refuses a step on a voided record.
    voided: Any = ""
    # Called inside the step's transaction after it is taken: (record, step, actor, via, data).
    after_step: Callable[..., None] | None = None

    def __post_init__(self) -> None:
        self._by_name = {s.name: s for s in self.steps}
        if len(self._by_name) != len(self.steps):
            raise ValueError(f"{self.name}: two steps share a name")
        PROCEDURES[self.name] = self

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    def register(self, step: Step) -> None:
        """Add a step declared by another app; registering the same step again replaces it."""
        if step.name in self._by_name:
            self.steps[self.steps.index(self._by_name[step.name])] = step
        else:
            self.steps.append(step)
        self._by_name[step.name] = step

    def step(self, name: str) -> Step | None:
        return self._by_name.get(name)

    def state_label(self, record: Any) -> str:
        return str(self.states.get(self.state(record), ""))

    # Who and when -------------------------------------------------------------------------------

    def permits(self, user: User | None, step: Step) -> bool:
        """Whether `user`'s role may take `step` at all (None: the system, as the demo and commands)."""
        if user is None:
            return True
        roles = self.roles if step.roles is None else step.roles
        return bool(user.is_authenticated and (user.sees_everything or user.role in roles))

    def offered(self, record: Any, step: Step) -> bool:
        """Whether the step is one of this record's next steps: from its state, and applying to it."""
        if getattr(record, "voided_at", None) is not None:
            return False
        if step.sources and self.state(record) not in step.sources:
            return False
        return step.applies is None or bool(step.applies(record))

    def refusal(self, record: Any, step: Step) -> str | None:
        """Why `step` cannot be taken on `record` now, or None."""
        if getattr(record, "voided_at", None) is not None:
            return str(self.voided or _("该记录已作废，不能办理。"))
        if not self.offered(record, step):
            return _("“%(step)s”不是当前（%(state)s）可以办理的环节。") % {
                "step": step.label,
                "state": self.state_label(record),
            }
        for guard in step.guards:
            message = guard.refusal(record)
            if message:
                return message
        return None

    def options(self, record: Any, user: User | None) -> list[Option]:
        """The steps `user` may take on `record` from its state: those a guard refuses carry the reason."""
        return [
            Option(step, self.refusal(record, step))
            for step in self.steps
            if self.permits(user, step) and self.offered(record, step)
        ]

    def available(self, record: Any, user: User | None) -> list[Step]:
        return [o.step for o in self.options(record, user) if o.available]

    # Taking a step ------------------------------------------------------------------------------

    def form(
        self, step: Step, record: Any, data: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> forms.Form:
        form_class = step.form or forms.Form
        extra = step.form_kwargs(record) if step.form_kwargs else {}
        return form_class(data, **kwargs, **extra)

    def take(
        self,
        name: str,
        record: Any,
        *,
        actor: User | None,
        expected_version: int | None = None,
        via: str = VIA_WEB,
        **data: Any,
    ) -> Any:
        """Take step `name` on `record` with the form's cleaned `data`: refused, with a
        `ValidationError` that names the step or the rule, unless every check holds."""
        step = self.step(name)
        if step is None:
            raise ValidationError(_("没有名为“%(step)s”的环节。") % {"step": name}, code="unknown_step")
        if not self.permits(actor, step):
            raise ValidationError(
                _("“%(step)s”：您的角色（%(role)s）不能办理该环节。")
                % {"step": step.label, "role": actor.get_role_display() if actor else ""},
                code="forbidden",
            )
        with transaction.atomic():
            current = record_lock(record, expected_version=expected_version, voided=str(self.voided) or None)
            require_scope(current, actor)
            refusal = self.refusal(current, step)
            if refusal:
                raise ValidationError(refusal, code="step_refused")
            result = step.run(current, actor=actor, via=via, **data)
            if result is None or isinstance(result, dict):
                result = record_update(
                    current,
                    actor=actor,
                    changes=result or {},
                    expected_version=current.version,
                    via=via,
                    reason=step.audit_reason,
                )
            if self.after_step:
                self.after_step(result, step, actor, via, data)
            return result
