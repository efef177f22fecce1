"""Reads of the publicity app: open requests by due date, the year's disclosure statistics."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from emgov.core.models import User
from emgov.publicity.models import DisclosureItem, DisclosureRequest, ReplyType, RequestChannel

SOON_WORKDAYS = 5


def open_requests(user: User) -> QuerySet[DisclosureRequest]:
    return DisclosureRequest.objects.visible_to(user).live().filter(replied_on__isnull=True)


def published_items() -> QuerySet[DisclosureItem]:
    """主动公开 items that the public may read: published (not in the future) and not voided."""
    return DisclosureItem.objects.live().filter(published_on__lte=timezone.localdate())


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
        pending=Count("pk", filter=Q(replied_on__isnull=True)),
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
