"""Reads of 双公示: decisions awaiting publication with their due days, the publication records, the public list."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.cases.models import PartyType, PenaltyCase, Procedure
from emgov.core.credit_export import mask_person_name
from emgov.core.models import Role, User
from emgov.core.navigation import TodoItem
from emgov.core.workdays import WorkdayCalendar
from emgov.licensing.queries import awaiting_publication as licensing_awaiting
from emgov.publicity.models import Publication, PublicationKind
from emgov.publicity.publications import publication_due

TODO_LIMIT = 20
# Publications due within this many calendar days are on the to-do list before they are overdue.
TODO_AHEAD = datetime.timedelta(days=7)


def latest_decided_due_before(day: datetime.date, calendar: WorkdayCalendar | None = None) -> datetime.date:
    """The last decision day whose publication was due before `day`: decisions up to it are overdue on `day`."""
    calendar = calendar or WorkdayCalendar()
    decided = day - datetime.timedelta(days=1)
    while publication_due(decided, calendar) >= day:
        decided -= datetime.timedelta(days=1)
    return decided


def penalties_awaiting(user: User) -> QuerySet[PenaltyCase]:
    """Penalty decisions (普通程序) not published, oldest decision first."""
    return (
        PenaltyCase.objects.visible_to(user)
        .live()
        .filter(decided_on__isnull=False, published_on__isnull=True, procedure=Procedure.GENERAL)
        .order_by("decided_on", "decision_number", "pk")
    )


def penalties_overdue(user: User, today: datetime.date | None = None) -> QuerySet[PenaltyCase]:
    today = today or timezone.localdate()
    return penalties_awaiting(user).filter(decided_on__lte=latest_decided_due_before(today))


@dataclass(frozen=True)
class PendingDecision:
    kind: str
    slug: str
    case: object
    number: str
    party: str
    decided_on: datetime.date
    due_on: datetime.date
    overdue: bool
    url: str


def pending_row(case, today: datetime.date, calendar: WorkdayCalendar | None = None) -> PendingDecision:
    """One decision to publish (penalty or licensing), with its due day."""
    if isinstance(case, PenaltyCase):
        due = publication_due(case.decided_on, calendar)
        return PendingDecision(
            PublicationKind.PENALTY,
            "penalty",
            case,
            case.decision_number or case.case_number,
            public_party_name(case),
            case.decided_on,
            due,
            due < today,
            reverse("cases:penalties-detail", args=[case.pk]),
        )
    due = case.publication_due_on or publication_due(case.decided_on, calendar)
    return PendingDecision(
        PublicationKind.LICENSING,
        "licensing",
        case,
        case.decision_number or case.number,
        case.applicant,
        case.decided_on,
        due,
        due < today,
        reverse("licensing:licensing-detail", args=[case.pk]),
    )


def pending_decisions(user: User, *, overdue_only: bool = False) -> list[PendingDecision]:
    """待公示: the penalty and licensing decisions still to publish, the overdue first, by due day."""
    today = timezone.localdate()
    calendar = WorkdayCalendar()
    penalties = penalties_overdue(user, today) if overdue_only else penalties_awaiting(user)
    licensing = licensing_awaiting(user)
    if overdue_only:
        licensing = licensing.filter(publication_due_on__lt=today)
    rows = [pending_row(case, today, calendar) for case in [*penalties, *licensing]]
    return sorted(rows, key=lambda r: (not r.overdue, r.due_on, r.number))


def legal_officer_todos(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    """The legal officer's penalty publications: overdue, or due within a week (licensing lists its own)."""
    if not user.is_authenticated or user.role != Role.LEGAL:
        return []
    today = today or timezone.localdate()
    calendar = WorkdayCalendar()
    horizon = latest_decided_due_before(today + TODO_AHEAD + datetime.timedelta(days=1), calendar)
    url = reverse("publicity:publications-pending")
    items = []
    for case in penalties_awaiting(user).filter(decided_on__lte=horizon)[:TODO_LIMIT]:
        due = publication_due(case.decided_on, calendar)
        items.append(
            TodoItem(
                title=_("处罚决定待公示：%(case)s（%(who)s）")
                % {"case": case, "who": public_party_name(case)},
                due=due,
                url=url,
                kind=_("双公示"),
                overdue=due < today,
            )
        )
    return items


def public_party_name(case: PenaltyCase) -> str:
    return (
        mask_person_name(case.party_name) if case.party_type == PartyType.NATURAL_PERSON else case.party_name
    )


def publications(user: User) -> QuerySet[Publication]:
    return Publication.objects.visible_to(user).live().select_related("published_by", "withdrawn_by")


def public_penalties() -> QuerySet[PenaltyCase]:
    """Penalty decisions the public may read: published (not in the future), not withdrawn, not voided."""
    return PenaltyCase.objects.live().filter(
        published_on__isnull=False, published_on__lte=timezone.localdate(), decided_on__isnull=False
    )


def search_public_penalties(
    qs: QuerySet[PenaltyCase],
    *,
    party: str = "",
    number: str = "",
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> QuerySet[PenaltyCase]:
    """The public search. A natural person is found by surname only, never confirmed by a full name."""
    if party:
        organisations = Q(party_name__icontains=party) & ~Q(party_type=PartyType.NATURAL_PERSON)
        people = (
            Q(party_type=PartyType.NATURAL_PERSON, party_name__startswith=party) if len(party) == 1 else Q()
        )
        qs = qs.filter(organisations | people) if people else qs.filter(organisations)
    if number:
        qs = qs.filter(decision_number__icontains=number)
    if start:
        qs = qs.filter(decided_on__gte=start)
    if end:
        qs = qs.filter(decided_on__lte=end)
    return qs
