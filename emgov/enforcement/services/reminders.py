"""The enforcement officer's to-do list (home page and daily digest): major hazards awaiting 挂牌督办 and
those that cannot be kept safe until removed awaiting their suspension, rectification deadlines due within
a week, re-inspections requested, seizures expiring within a week or expired without their disposal
decision, overdue hazards; each in the user's scope.

Each kind lists at most `navigation.TODO_LIMIT` records; beyond that one line links to the full list.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.models import User
from emgov.core.navigation import TodoItem, capped
from emgov.core.permissions import FIELD_OFFICERS
from emgov.enforcement import queries
from emgov.enforcement.models import Hazard, HazardGrade, HazardStatus, Order, OrderType

SOON_DAYS = 7


def _hazard_url(hazard: Hazard) -> str:
    return reverse("enforcement:hazards-detail", kwargs={"pk": hazard.pk})


def _order_url(order: Order) -> str:
    return reverse("enforcement:orders-detail", kwargs={"pk": order.pk})


def hazard_todo(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    if user.role not in FIELD_OFFICERS:
        return []
    today = today or clock.today()
    visible = Hazard.objects.visible_to(user).live().select_related("visit__enterprise")
    hazards_url = reverse("enforcement:hazards-list")
    major_url = f"{hazards_url}?grade={HazardGrade.MAJOR}"
    items: list[TodoItem] = []

    kind = _("挂牌督办")
    items += capped(
        queries.awaiting_supervision(visible).order_by("visit__date", "number"),
        kind,
        major_url,
        lambda h: TodoItem(
            title=_("重大事故隐患%(number)s（%(name)s）待挂牌督办（安全生产法第四十一条第三款）")
            % {"number": h.number, "name": h.visit.enterprise},
            due=h.visit.date,
            url=_hazard_url(h),
            kind=kind,
        ),
    )

    kind = _("责令暂时停产停业")
    items += capped(
        queries.unsafe_unsuspended(visible).order_by("visit__date", "number"),
        kind,
        major_url,
        lambda h: TodoItem(
            title=_(
                "重大事故隐患%(number)s（%(name)s）排除前无法保证安全，应责令撤出作业人员、暂时停产停业"
                "（安全生产法第六十五条第一款第三项）"
            )
            % {"number": h.number, "name": h.visit.enterprise},
            due=h.visit.date,
            url=_hazard_url(h),
            kind=kind,
            overdue=True,
        ),
        overdue=True,
    )

    kind = _("整改期限")
    items += capped(
        queries.due_within(visible, SOON_DAYS, today).order_by("deadline", "number"),
        kind,
        f"{hazards_url}?status={HazardStatus.RECTIFYING}",
        lambda h: TodoItem(
            title=_("隐患%(number)s（%(name)s）整改期限将到")
            % {"number": h.number, "name": h.visit.enterprise},
            due=h.deadline,
            url=_hazard_url(h),
            kind=kind,
        ),
    )

    kind = _("复查申请")
    items += capped(
        visible.filter(status=HazardStatus.REVIEW_REQUESTED).order_by("rectified_on", "number"),
        kind,
        f"{hazards_url}?status={HazardStatus.REVIEW_REQUESTED}",
        lambda h: TodoItem(
            title=_("复查隐患%(number)s（%(name)s），企业已申请复查")
            % {"number": h.number, "name": h.visit.enterprise},
            due=h.rectified_on,
            url=_hazard_url(h),
            kind=kind,
        ),
    )

    undisposed = (
        queries.undisposed_seizures(Order.objects.visible_to(user))
        .select_related("visit__enterprise")
        .order_by("due_date", "number")
    )
    seizures_url = reverse("enforcement:orders-list") + f"?doc_type={OrderType.SEIZE}"
    kind = _("查封扣押期满")
    items += capped(
        undisposed.filter(due_date__gte=today, due_date__lte=today + datetime.timedelta(days=SOON_DAYS)),
        kind,
        seizures_url,
        lambda o: TodoItem(
            title=_("查封扣押%(number)s（%(name)s）将于%(d)s期满，期限内应当作出处理决定")
            % {"number": o.number, "name": o.visit.enterprise, "d": f"{o.due_date:%Y-%m-%d}"},
            due=o.due_date,
            url=_order_url(o),
            kind=kind,
        ),
    )

    kind = _("查封扣押逾期未处理")
    items += capped(
        undisposed.filter(due_date__lt=today),
        kind,
        seizures_url,
        lambda o: TodoItem(
            title=_(
                "查封扣押%(number)s（%(name)s）已于%(d)s期满，尚未作出处理决定，应当及时解除"
                "（行政强制法第二十八条第一款第四项）"
            )
            % {"number": o.number, "name": o.visit.enterprise, "d": f"{o.due_date:%Y-%m-%d}"},
            due=o.due_date,
            url=_order_url(o),
            kind=kind,
            overdue=True,
        ),
        overdue=True,
    )

    kind = _("逾期隐患")
    items += capped(
        queries.overdue(visible, today).order_by("deadline", "number"),
        kind,
        f"{hazards_url}?overdue=1",
        lambda h: TodoItem(
            title=_("隐患%(number)s（%(name)s）逾期未整改")
            % {"number": h.number, "name": h.visit.enterprise},
            due=h.deadline,
            url=_hazard_url(h),
            kind=kind,
            overdue=True,
        ),
        overdue=True,
    )
    return items
