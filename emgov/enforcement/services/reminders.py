"""The enforcement officer's to-do list (home page and daily digest): major hazards awaiting 挂牌督办 and
those that cannot be kept safe until removed awaiting their suspension, rectification deadlines due within
a week, re-inspections requested, seizures expiring within a week or expired without their disposal
decision, overdue hazards; each in the user's scope.

Each kind lists at most `LIMIT` records; beyond that one line links to the full list.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.models import User
from emgov.core.navigation import TodoItem
from emgov.core.permissions import FIELD_OFFICERS
from emgov.enforcement import queries
from emgov.enforcement.models import Hazard, HazardGrade, HazardStatus, Order, OrderType

SOON_DAYS = 7
LIMIT = 20


def _hazard_url(hazard: Hazard) -> str:
    return reverse("enforcement:hazards-detail", kwargs={"pk": hazard.pk})


def _order_url(order: Order) -> str:
    return reverse("enforcement:orders-detail", kwargs={"pk": order.pk})


def _more(qs: QuerySet, kind: str, url: str) -> list[TodoItem]:
    extra = qs.count() - LIMIT
    if extra <= 0:
        return []
    return [TodoItem(title=_("另有%(n)d项，查看全部") % {"n": extra}, due=None, url=url, kind=kind)]


def hazard_todo(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    if user.role not in FIELD_OFFICERS:
        return []
    today = today or clock.today()
    visible = Hazard.objects.visible_to(user).live().select_related("visit__enterprise")
    hazards_url = reverse("enforcement:hazards-list")
    items: list[TodoItem] = []

    kind = _("挂牌督办")
    awaiting = queries.awaiting_supervision(visible).order_by("visit__date", "number")
    for h in awaiting[:LIMIT]:
        items.append(
            TodoItem(
                title=_("重大事故隐患%(number)s（%(name)s）待挂牌督办（安全生产法第四十一条第三款）")
                % {"number": h.number, "name": h.visit.enterprise},
                due=h.visit.date,
                url=_hazard_url(h),
                kind=kind,
            )
        )
    items += _more(awaiting, kind, f"{hazards_url}?grade={HazardGrade.MAJOR}")

    kind = _("责令暂时停产停业")
    unsafe = queries.unsafe_unsuspended(visible).order_by("visit__date", "number")
    for h in unsafe[:LIMIT]:
        items.append(
            TodoItem(
                title=_(
                    "重大事故隐患%(number)s（%(name)s）排除前无法保证安全，应责令撤出作业人员、暂时停产停业"
                    "（安全生产法第六十五条第一款第三项）"
                )
                % {"number": h.number, "name": h.visit.enterprise},
                due=h.visit.date,
                url=_hazard_url(h),
                kind=kind,
                overdue=True,
            )
        )
    items += _more(unsafe, kind, f"{hazards_url}?grade={HazardGrade.MAJOR}")

    kind = _("整改期限")
    due = queries.due_within(visible, SOON_DAYS, today).order_by("deadline", "number")
    for h in due[:LIMIT]:
        items.append(
            TodoItem(
                title=_("隐患%(number)s（%(name)s）整改期限将到")
                % {"number": h.number, "name": h.visit.enterprise},
                due=h.deadline,
                url=_hazard_url(h),
                kind=kind,
            )
        )
    items += _more(due, kind, f"{hazards_url}?status={HazardStatus.RECTIFYING}")

    kind = _("复查申请")
    requested = visible.filter(status=HazardStatus.REVIEW_REQUESTED).order_by("rectified_on", "number")
    for h in requested[:LIMIT]:
        items.append(
            TodoItem(
                title=_("复查隐患%(number)s（%(name)s），企业已申请复查")
                % {"number": h.number, "name": h.visit.enterprise},
                due=h.rectified_on,
                url=_hazard_url(h),
                kind=kind,
            )
        )
    items += _more(requested, kind, f"{hazards_url}?status={HazardStatus.REVIEW_REQUESTED}")

    kind = _("查封扣押期满")
    undisposed = (
        queries.undisposed_seizures(Order.objects.visible_to(user))
        .select_related("visit__enterprise")
        .order_by("due_date", "number")
    )
    seizures = undisposed.filter(
        due_date__gte=today, due_date__lte=today + datetime.timedelta(days=SOON_DAYS)
    )
    seizures_url = reverse("enforcement:orders-list") + f"?doc_type={OrderType.SEIZE}"
    for o in seizures[:LIMIT]:
        items.append(
            TodoItem(
                title=_("查封扣押%(number)s（%(name)s）将于%(d)s期满，期限内应当作出处理决定")
                % {"number": o.number, "name": o.visit.enterprise, "d": f"{o.due_date:%Y-%m-%d}"},
                due=o.due_date,
                url=_order_url(o),
                kind=kind,
            )
        )
    items += _more(seizures, kind, seizures_url)

    kind = _("查封扣押逾期未处理")
    expired = undisposed.filter(due_date__lt=today)
    for o in expired[:LIMIT]:
        items.append(
            TodoItem(
                title=_(
                    "查封扣押%(number)s（%(name)s）已于%(d)s期满，尚未作出处理决定，应当及时解除"
                    "（行政强制法第二十八条第一款第四项）"
                )
                % {"number": o.number, "name": o.visit.enterprise, "d": f"{o.due_date:%Y-%m-%d}"},
                due=o.due_date,
                url=_order_url(o),
                kind=kind,
                overdue=True,
            )
        )
    items += _more(expired, kind, seizures_url)

    kind = _("逾期隐患")
    late = queries.overdue(visible, today).order_by("deadline", "number")
    for h in late[:LIMIT]:
        items.append(
            TodoItem(
                title=_("隐患%(number)s（%(name)s）逾期未整改")
                % {"number": h.number, "name": h.visit.enterprise},
                due=h.deadline,
                url=_hazard_url(h),
                kind=kind,
                overdue=True,
            )
        )
    items += _more(late, kind, f"{hazards_url}?overdue=1")
    return items
