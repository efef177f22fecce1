"""Pages of a list that may hold millions of rows: the count stops at a cap.

A province's visits list would otherwise count every visit of the province on every page view. Above
`COUNT_CAP` rows the list says "超过 10,000 条" and pages on by offset, knowing only whether a next page
exists (one row more is read for that).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

COUNT_CAP = 10_000
# A search matches few rows of many: counting 10,000 matches would read most of the table.
SEARCH_COUNT_CAP = 1_000
MAX_PAGE = 100_000  # a page number beyond this is read as the last page that can be asked for


class CappedPaginator(Paginator):
    """`searched`: the rows are the few matches of a search. Their keys are then read first, up to the cap
    and in no order, which counts them in the same statement; a page is ordered among those keys. Ordered
    and limited to a page, the planner would expect many matches and walk the whole table in the list's
    order until it had found a page of them."""

    def __init__(
        self, object_list: Any, per_page: int, cap: int | None = None, *, searched: bool = False
    ) -> None:
        super().__init__(object_list, per_page)
        self.cap = COUNT_CAP if cap is None else cap
        self.searched = searched

    @cached_property
    def keys(self) -> list | None:
        rows = self.object_list
        if not (self.searched and _keyed(rows)):
            return None
        return list(rows.order_by().values_list("pk", flat=True)[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        """The number of rows, or `cap + 1` when there are more than `cap` (one bounded statement)."""
        if self.keys is not None:
            return len(self.keys)
        if hasattr(self.object_list, "order_by"):
            return self.object_list.order_by()[: self.cap + 1].count()
        return min(len(self.object_list), self.cap + 1)

    @property
    def cap_display(self) -> str:
        return f"{self.cap:,}"

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    def validate_number(self, number: Any) -> int:
        if not self.capped:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("页码不是整数")) from None
        if number < 1:
            raise EmptyPage(_("页码小于1"))
        return min(number, MAX_PAGE)

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if not self.capped:
            top = min(bottom + self.per_page, self.count)
            return self._get_page(self.rows(bottom, top), number, self)
        rows = self.rows(bottom, bottom + self.per_page + 1)
        if not rows and number > 1:
            raise EmptyPage(_("该页没有记录"))
        return CappedPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)

    def rows(self, bottom: int, top: int) -> list:
        """The rows from `bottom` to `top`. The page's keys are chosen first, over the list's own table
        (its filters and its order), and only those rows are joined to what the page shows: a deep page
        or a large region then never joins every row before it to the enterprises and regions."""
        rows = self.object_list
        if self.keys is not None and not self.capped:
            return list(rows.filter(pk__in=self.keys)[bottom:top])
        if _keyed(rows) and self.searched:
            # More matches than the cap: the page's keys are read first, as values. As a subquery, the
            # planner (expecting a search to match half the table) applied the search again to every row.
            return list(rows.filter(pk__in=list(rows.values_list("pk", flat=True)[bottom:top])))
        if _keyed(rows):
            return list(rows.filter(pk__in=rows.values("pk")[bottom:top]))
        return list(rows[bottom:top])

    def get_page(self, number: Any) -> Page:
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            if not self.capped:
                return self.page(self.num_pages)
            return self.page(1)


def _keyed(rows: Any) -> bool:
    """Whether a page of `rows` can be chosen by their keys (a plain queryset: no DISTINCT, no UNION)."""
    return isinstance(rows, QuerySet) and not rows.query.distinct and not rows.query.combinator


class CappedPage(Page):
    def __init__(self, object_list: list, number: int, paginator: CappedPaginator, *, more: bool) -> None:
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - 1


def count_cap(request: HttpRequest) -> int:
    """How far a list counts: less far when it is searched."""
    return SEARCH_COUNT_CAP if request.GET.get("q", "").strip() else COUNT_CAP


def paginate(request: HttpRequest, object_list: Any, per_page: int) -> Page:
    """The page of `object_list` that `?page=` asks for; a bad page number gives the first or last page."""
    cap = count_cap(request)
    searched = bool(request.GET.get("q", "").strip())
    try:
        return CappedPaginator(object_list, per_page, cap, searched=searched).get_page(
            request.GET.get("page")
        )
    except InvalidPage:
        return CappedPaginator(object_list, per_page, cap, searched=searched).page(1)


def grouped_counts(qs: QuerySet, field: str, cap: int | None = None) -> dict[Any, int] | None:
    """Rows per value of `field`, in one statement that reads at most `cap` + 1 rows; None above the cap."""
    cap = COUNT_CAP if cap is None else cap
    rows_read = qs.order_by().annotate(bucket=F(field)).values_list("bucket")[: cap + 1]
    sql, params = rows_read.query.sql_with_params()
    with connections[qs.db].cursor() as cursor:
        cursor.execute(f"SELECT t.bucket, COUNT(*) FROM ({sql}) t GROUP BY t.bucket", params)
        rows = cursor.fetchall()
    if sum(n for _value, n in rows) > cap:
        return None
    return dict(rows)
