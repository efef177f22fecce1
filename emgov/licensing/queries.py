"""Reads of the licensing app that are reused: the legal officer's to-dos and the decisions published."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.models import Role, User
from emgov.core.navigation import TodoItem, capped
from emgov.core.workdays import WorkdayCalendar
from emgov.licensing.models import LicensingCase, LicensingCategory, LicensingResult
from emgov.licensing.services.deadlines import supplement_due

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


def awaiting_acceptance(user: User) -> QuerySet[LicensingCase]:
    """Applications neither accepted nor told what to supplement, oldest first."""
    return (
        LicensingCase.objects.visible_to(user)
        .filter(
            voided_at__isnull=True,
            accepted_on__isnull=True,
            applied_on__isnull=False,
            supplement_requested_on__isnull=True,
        )
        .select_related("enterprise__town", "region")
        .order_by("applied_on", "number")
    )


def legal_officer_todos(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    """The legal officer's licensing deadlines: publications and decisions overdue or due within a week,
    and applications to accept or to ask to supplement before they count as accepted (第三十二条)."""
    if not user.is_authenticated or user.role != Role.LEGAL:
        return []
    today = today or clock.today()
    horizon = today + TODO_AHEAD
    calendar = WorkdayCalendar()
    list_url = reverse("licensing:licensing-list")
    to_accept = [
        (case, due)
        for case in awaiting_acceptance(user).filter(applied_on__lte=horizon)
        if (due := supplement_due(case, calendar)) is not None and due <= horizon
    ]
    items = capped(
        to_accept,
        _("许可受理"),
        f"{list_url}?accepted=0",
        lambda pair: TodoItem(
            title=_("许可申请待受理或一次性告知补正：%(case)s（%(who)s），逾期未告知补正的即视为受理")
            % {"case": pair[0], "who": pair[0].applicant},
            due=pair[1],
            url=reverse("licensing:licensing-detail", args=[pair[0].pk]),
            kind=_("许可受理"),
            overdue=pair[1] < today,
        ),
    )
    items += capped(
        awaiting_publication(user).filter(publication_due_on__lte=horizon),
        _("双公示"),
        f"{list_url}?result={LicensingResult.GRANTED}&published=0",
        lambda case: TodoItem(
            title=_("许可决定待公示：%(case)s（%(who)s）") % {"case": case, "who": case.applicant},
            due=case.publication_due_on,
            url=reverse("licensing:licensing-detail", args=[case.pk]),
            kind=_("双公示"),
            overdue=case.publication_due_on < today,
        ),
    )
    items += capped(
        awaiting_decision(user).filter(decision_due_on__lte=horizon),
        _("行政许可"),
        f"{list_url}?decided=0",
        lambda case: TodoItem(
            title=_("许可待决定：%(case)s（%(who)s）") % {"case": case, "who": case.applicant},
            due=case.decision_due_on,
            url=reverse("licensing:licensing-detail", args=[case.pk]),
            kind=_("行政许可"),
            overdue=case.decision_due_on < today,
        ),
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
