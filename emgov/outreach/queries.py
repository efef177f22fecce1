"""Reads of the outreach app: how many took part, counted from the records.

An activity with an attendance list counts the people on it; an activity held as an online
competition counts its participants; an activity with neither (a street campaign's audience in
人次, a course on another platform, a row of a ledger imported from an earlier year) counts the
number reported in its 参与人数. The report's outreach figures sum `counted` over the activities.
"""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from emgov.outreach.models import Attendance, OutreachActivity, Participant


def _per_activity(records: QuerySet, link: str) -> Subquery:
    """How many of `records` belong to the activity of the outer row (`link`: their path to it)."""
    rows = (
        records.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("pk")).values("n")
    )
    return Subquery(rows, output_field=IntegerField())


def attendance_count() -> Subquery:
    return _per_activity(Attendance.objects.filter(voided_at__isnull=True), "activity")


def participant_count() -> Subquery:
    """Participants of the activity's live competition."""
    return _per_activity(
        Participant.objects.filter(competition__voided_at__isnull=True), "competition__activity"
    )


def counted() -> Coalesce:
    """The number of people an activity counts, from its records where it has them."""
    return Coalesce(attendance_count(), participant_count(), F("participants"), output_field=IntegerField())


def counted_total(activities: QuerySet) -> int:
    return activities.annotate(counted=counted()).aggregate(total=Sum("counted"))["total"] or 0


def counted_participants(activity: OutreachActivity) -> int:
    return (
        OutreachActivity.objects.filter(pk=activity.pk)
        .annotate(counted=counted())
        .values_list("counted", flat=True)
        .get()
    )
