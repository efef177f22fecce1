"""Reads of the publicity app: open disclosure requests by due date and the year's statistics; the
decisions awaiting publication (双公示) with their due days, the publication records, the public list;
and the legal officer's to-do items of both."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from emgov.cases.models import PartyType, PenaltyCase, Procedure
from emgov.core import clock
from emgov.core.credit_export import mask_person_name
from emgov.core.models import Role, User
from emgov.core.navigation import TodoItem, capped
from emgov.core.workdays import WorkdayCalendar
from emgov.licensing.queries import awaiting_publication as licensing_awaiting
from emgov.licensing.xk import applicant_name
from emgov.publicity.models import (
    DisclosureItem,
    DisclosureRequest,
    Publication,
    PublicationKind,
    ReplyType,
    RequestChannel,
    RequestStatus,
)
from emgov.publicity.services.deadlines import publication_due, supplement_due
from emgov.publicity.services.periods import on_display

# Requests due within this many working days are on the to-do list before they are overdue.
SOON_WORKDAYS = 5
# Publications due within this many calendar days are on the to-do list before they are overdue.
TODO_AHEAD = datetime.timedelta(days=7)


# 依申请公开 ---------------------------------------------------------------------------------------


def open_requests(user: User) -> QuerySet[DisclosureRequest]:
    """Requests still to be answered: neither replied nor deemed withdrawn (条例第三十条)."""
    return (
        DisclosureRequest.objects.visible_to(user)
        .live()
        .filter(replied_on__isnull=True, withdrawn_on__isnull=True)
    )


def published_items() -> QuerySet[DisclosureItem]:
    """主动公开 items that the public may read: published (not in the future) and not voided."""
    return DisclosureItem.objects.live().filter(published_on__lte=clock.today())


def _counts(qs: QuerySet, field: str, choices: list[str]) -> list[tuple[str, int]]:
    found = dict(qs.order_by().values_list(field).annotate(n=Count("pk")))
    return [(value, found.get(value, 0)) for value in choices]


def year_statistics(user: User, year: int) -> dict[str, Any]:
    """The year's disclosure work: applications received, how they came, how they were answered, items published."""
    requests = DisclosureRequest.objects.visible_to(user).live().filter(received_on__year=year)
    totals = requests.aggregate(
        received=Count("pk"),
        replied=Count("pk", filter=Q(replied_on__isnull=False)),
        on_time=Count("pk", filter=Q(replied_on__isnull=False, replied_on__lte=F("due_on"))),
        late=Count("pk", filter=Q(replied_on__isnull=False, replied_on__gt=F("due_on"))),
        pending=Count("pk", filter=Q(replied_on__isnull=True, withdrawn_on__isnull=True)),
        withdrawn=Count("pk", filter=Q(withdrawn_on__isnull=False)),
        extended=Count("pk", filter=Q(extension_days__isnull=False)),
        supplemented=Count("pk", filter=Q(supplement_requested_on__isnull=False)),
        consulted=Count("pk", filter=Q(consultation_sent_on__isnull=False)),
    )
    items = DisclosureItem.objects.visible_to(user).live().filter(published_on__year=year)
    by_category = list(
        items.order_by().values_list("category").annotate(n=Count("pk")).order_by("-n", "category")
    )
    return {
        "year": year,
        **totals,
        "by_channel": _counts(requests, "channel", RequestChannel.values),
        "by_reply_type": _counts(requests.filter(replied_on__isnull=False), "reply_type", ReplyType.values),
        "items_total": sum(n for _c, n in by_category),
        "items_by_category": by_category,
    }


def request_todos(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    """Open requests overdue or due within five working days, and those whose 补正期限 has passed without
    the completed application (to be deemed withdrawn, 条例第三十条), on the legal officer's home page."""
    if user.role != Role.LEGAL:
        return []
    today = today or clock.today()
    calendar = WorkdayCalendar()
    soon = calendar.add_workdays(today, SOON_WORKDAYS)
    list_url = reverse("publicity:requests-list")
    items = capped(
        open_requests(user)
        .filter(due_on__lte=soon)
        .exclude(status=RequestStatus.SUPPLEMENT)
        .order_by("due_on", "number"),
        _("依申请公开"),
        f"{list_url}?replied=0",
        lambda r: TodoItem(
            title=_("答复政府信息公开申请 %(number)s（%(name)s）")
            % {"number": r.number, "name": r.applicant_name},
            due=r.due_on,
            url=reverse("publicity:requests-detail", kwargs={"pk": r.pk}),
            kind=_("依申请公开"),
            overdue=r.due_on < today,
        ),
    )
    waiting = (
        open_requests(user)
        .filter(status=RequestStatus.SUPPLEMENT)
        .order_by("supplement_requested_on", "number")
    )
    lapsed = [(r, due) for r in waiting if (due := supplement_due(r, calendar)) and due < today]
    items += capped(
        lapsed,
        _("补正逾期"),
        f"{list_url}?status={RequestStatus.SUPPLEMENT}",
        lambda pair: TodoItem(
            title=_(
                "申请 %(number)s（%(name)s）补正期限已于%(due)s届满，未收到补正的，视为放弃申请"
                "（政府信息公开条例第三十条）"
            )
            % {"number": pair[0].number, "name": pair[0].applicant_name, "due": f"{pair[1]:%Y-%m-%d}"},
            due=pair[1],
            url=reverse("publicity:requests-detail", kwargs={"pk": pair[0].pk}),
            kind=_("补正逾期"),
            overdue=True,
        ),
        overdue=True,
    )
    return items


# 双公示 -------------------------------------------------------------------------------------------


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
    today = today or clock.today()
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
        applicant_name(case),
        case.decided_on,
        due,
        due < today,
        reverse("licensing:licensing-detail", args=[case.pk]),
    )


def pending_decisions(user: User, *, overdue_only: bool = False) -> list[PendingDecision]:
    """待公示: the penalty and licensing decisions still to publish, the overdue first, by due day."""
    today = clock.today()
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
    today = today or clock.today()
    calendar = WorkdayCalendar()
    horizon = latest_decided_due_before(today + TODO_AHEAD + datetime.timedelta(days=1), calendar)
    url = reverse("publicity:publications-pending")

    def item(case: PenaltyCase) -> TodoItem:
        due = publication_due(case.decided_on, calendar)
        return TodoItem(
            title=_("处罚决定待公示：%(case)s（%(who)s）") % {"case": case, "who": public_party_name(case)},
            due=due,
            url=url,
            kind=_("双公示"),
            overdue=due < today,
        )

    return capped(penalties_awaiting(user).filter(decided_on__lte=horizon), _("双公示"), url, item)


def public_party_name(case: PenaltyCase) -> str:
    return (
        mask_person_name(case.party_name) if case.party_type == PartyType.NATURAL_PERSON else case.party_name
    )


def publications(user: User) -> QuerySet[Publication]:
    return Publication.objects.visible_to(user).live().select_related("published_by", "withdrawn_by")


def public_penalties() -> QuerySet[PenaltyCase]:
    """Penalty decisions the public may read: published (not in the future), not withdrawn, not voided,
    and not past their longest period (公示截止期, `services.periods`)."""
    today = clock.today()
    published = PenaltyCase.objects.live().filter(
        published_on__isnull=False, published_on__lte=today, decided_on__isnull=False
    )
    return on_display(published, today)


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
