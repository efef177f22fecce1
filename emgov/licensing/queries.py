"""Reads of the licensing app that are reused: the legal officer's to-dos and the decisions published."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core.models import Role, User
from emgov.core.navigation import TodoItem
from emgov.licensing.models import LicensingCase, LicensingCategory, LicensingResult

TODO_LIMIT = 20
# Deadlines shown on the to-do list before they pass.
TODO_AHEAD = datetime.timedelta(days=7)


def awaiting_publication(user: User) -> QuerySet[LicensingCase]:
    """Decisions to grant that are not yet published (双公示), by their publication due date."""
    return (
        LicensingCase.objects.visible_to(user)
        .filter(
            voided_at__isnull=True,
            result=LicensingResult.GRANTED,
            published_on__isnull=True,
            publication_due_on__isnull=False,
        )
        .exclude(category=LicensingCategory.FILING)
        .order_by("publication_due_on", "number")
    )


def awaiting_decision(user: User) -> QuerySet[LicensingCase]:
    """Accepted cases with no decision yet, by their decision due date."""
    return (
        LicensingCase.objects.visible_to(user)
        .filter(voided_at__isnull=True, result="", decision_due_on__isnull=False)
        .order_by("decision_due_on", "number")
    )


def legal_officer_todos(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    """The legal officer's licensing deadlines: publications and decisions overdue or due within a week."""
    if not user.is_authenticated or user.role != Role.LEGAL:
        return []
    today = today or timezone.localdate()
    horizon = today + TODO_AHEAD
    items = []
    for case in awaiting_publication(user).filter(publication_due_on__lte=horizon)[:TODO_LIMIT]:
        items.append(
            TodoItem(
                title=_("许可决定待公示：%(case)s（%(who)s）") % {"case": case, "who": case.applicant},
                due=case.publication_due_on,
                url=reverse("licensing:licensing-detail", args=[case.pk]),
                kind=_("双公示"),
                overdue=case.publication_due_on < today,
            )
        )
    for case in awaiting_decision(user).filter(decision_due_on__lte=horizon)[:TODO_LIMIT]:
        items.append(
            TodoItem(
                title=_("许可待决定：%(case)s（%(who)s）") % {"case": case, "who": case.applicant},
                due=case.decision_due_on,
                url=reverse("licensing:licensing-detail", args=[case.pk]),
                kind=_("行政许可"),
                overdue=case.decision_due_on < today,
            )
        )
    return items


def published_decisions(
    queryset: QuerySet[LicensingCase], start: datetime.date, end: datetime.date
) -> QuerySet[LicensingCase]:
    """Decisions published (公示日期) in start..end, inclusive: the rows of the XK export."""
    return (
        queryset.filter(voided_at__isnull=True, published_on__range=(start, end))
        .exclude(result="")
        .select_related("enterprise", "item")
        .order_by("published_on", "number")
    )
