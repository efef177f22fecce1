"""Reads of the legal office that are reused: the to-do items, the litigation, exam and study summaries."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.models import Officer, User
from emgov.core.models.officers import CertificateStatus
from emgov.core.navigation import TodoItem, capped
from emgov.core.permissions import LEGAL_STAFF
from emgov.legal.models import (
    EVALUATION_LEAD_DAYS,
    EVALUATION_REMINDER_DAYS,
    CounselRecord,
    ExamResult,
    LitigationCase,
    LitigationKind,
    NormativeDocument,
    NormativeStatus,
    StudyKind,
    StudySession,
)

COUNSEL_SOON_DAYS = 7
HEARING_SOON_DAYS = 7
CERTIFICATE_SOON_DAYS = 90
# The state of a certificate due within CERTIFICATE_SOON_DAYS, as the register's filter takes it.
CERTIFICATE_EXPIRING = "即将到期"
DAY = datetime.timedelta(days=1)


def _is_legal_staff(user: User) -> bool:
    return user.is_authenticated and (user.sees_everything or user.role in LEGAL_STAFF)


def counsel_open(user: User, today: datetime.date) -> QuerySet[CounselRecord]:
    """Unanswered requests that are overdue or fall due within the week."""
    return (
        CounselRecord.objects.visible_to(user)
        .live()
        .filter(answered_on__isnull=True, due_on__lte=today + COUNSEL_SOON_DAYS * DAY)
        .order_by("due_on", "number")
    )


def litigation_defence_open(user: User, today: datetime.date) -> QuerySet[LitigationCase]:
    """Cases whose defence (reply) is not filed and falls due within the week, or is overdue."""
    return (
        LitigationCase.objects.visible_to(user)
        .live()
        .filter(defence_filed_on__isnull=True, defence_due_on__lte=today + COUNSEL_SOON_DAYS * DAY)
        .order_by("defence_due_on", "number")
    )


def litigation_hearings_soon(user: User, today: datetime.date) -> list[tuple[LitigationCase, datetime.date]]:
    """Hearings from today to a week ahead (hearing dates are a short list on each case)."""
    horizon = today + HEARING_SOON_DAYS * DAY
    cases = LitigationCase.objects.visible_to(user).live().filter(result="").exclude(hearing_dates=[])
    out = []
    for case in cases:
        out.extend((case, day) for day in case.hearing_days if today <= day <= horizon)
    return sorted(out, key=lambda pair: pair[1])


def normative_evaluations_due(user: User, today: datetime.date) -> list[NormativeDocument]:
    """Documents in force whose evaluation reminder window has opened and that are not cleaned up yet."""
    horizon = today + (EVALUATION_LEAD_DAYS + EVALUATION_REMINDER_DAYS) * DAY
    candidates = (
        NormativeDocument.objects.visible_to(user)
        .live()
        .filter(status=NormativeStatus.VALID, valid_until__lte=horizon)
        .order_by("valid_until", "number")
    )
    return [d for d in candidates if d.evaluation_pending(today)]


def certificates_expiring(today: datetime.date) -> QuerySet[Officer]:
    """Valid certificates whose 有效期至 falls within the next 90 days (inclusive)."""
    return (
        Officer.objects.filter(
            status=CertificateStatus.VALID,
            valid_until__gte=today,
            valid_until__lte=today + CERTIFICATE_SOON_DAYS * DAY,
        )
        .select_related("department")
        .order_by("valid_until", "certificate_number")
    )


def certificate_state(officer: Officer, today: datetime.date) -> str:
    """How a certificate reads on the register: 暂扣 / 注销 / 已过期 / 即将到期 / 有效."""
    if officer.status != CertificateStatus.VALID:
        return officer.get_status_display()
    if officer.valid_until is None:
        return _("有效")
    if officer.valid_until < today:
        return _("已过期")
    if officer.valid_until <= today + CERTIFICATE_SOON_DAYS * DAY:
        return _("即将到期")
    return _("有效")


def todo_items(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    today = today or clock.today()
    if not _is_legal_staff(user):
        return []
    items = capped(
        counsel_open(user, today),
        _("法律顾问"),
        _list_url("legal:counsel-list", answered="0"),
        lambda record: TodoItem(
            title=_("法律顾问意见待答复：%(s)s") % {"s": record.subject},
            due=record.due_on,
            url=reverse("legal:counsel-step", kwargs={"pk": record.pk, "step": "answer"}),
            kind=_("法律顾问"),
            overdue=record.due_on < today,
        ),
    )
    defences = litigation_defence_open(user, today)
    hearings = litigation_hearings_soon(user, today)
    for kind in LitigationKind.values:
        noun = _("答复") if kind == LitigationKind.RECONSIDERATION else _("答辩")
        items += capped(
            defences.filter(kind=kind),
            kind,
            _list_url("legal:litigation-list", kind=kind, defence_filed="0"),
            lambda case, noun=noun: TodoItem(
                title=_("%(n)s待提交%(what)s：%(c)s") % {"n": case.number, "what": noun, "c": case.cause},
                due=case.defence_due_on,
                url=reverse("legal:litigation-detail", kwargs={"pk": case.pk}),
                kind=case.kind,
                overdue=case.defence_due_on < today,
            ),
            label=_("待提交%(what)s") % {"what": noun},
        )
        items += capped(
            [(case, day) for case, day in hearings if case.kind == kind],
            kind,
            _list_url("legal:litigation-list", kind=kind),
            lambda pair: TodoItem(
                title=_("%(n)s开庭：%(c)s") % {"n": pair[0].number, "c": pair[0].cause},
                due=pair[1],
                url=reverse("legal:litigation-step", kwargs={"pk": pair[0].pk, "step": "appearance"}),
                kind=pair[0].kind,
            ),
            label=_("开庭"),
        )
    items += capped(
        normative_evaluations_due(user, today),
        _("规范性文件"),
        _list_url("legal:normative-documents-list", status=NormativeStatus.VALID),
        lambda document: TodoItem(
            title=_("规范性文件待评估清理：%(d)s") % {"d": document},
            due=document.evaluation_due,
            url=reverse("legal:normative-documents-step", kwargs={"pk": document.pk, "step": "clean_up"}),
            kind=_("规范性文件"),
            overdue=document.evaluation_due < today,
        ),
    )
    items += capped(
        certificates_expiring(today),
        _("执法证"),
        _list_url("legal:officers-list", state=CERTIFICATE_EXPIRING),
        lambda officer: TodoItem(
            title=_("执法证即将到期：%(o)s") % {"o": officer},
            due=officer.valid_until,
            url=reverse("legal:officers-detail", kwargs={"pk": officer.pk}),
            kind=_("执法证"),
        ),
    )
    return items


def _list_url(name: str, **params: str) -> str:
    return f"{reverse(name)}?{urlencode(params)}"


def provide_todo(user: User, today: datetime.date | None = None) -> list[TodoItem]:
    return todo_items(user, today)


def appearance_summary(user: User, year: int) -> dict[str, object]:
    """The year's lawsuits: how many, how often the head had to appear, how often he or she did."""
    lawsuits = (
        LitigationCase.objects.visible_to(user)
        .live()
        .filter(kind=LitigationKind.LAWSUIT, received_on__year=year)
    )
    counts = lawsuits.aggregate(
        cases=Count("pk"),
        required=Count("pk", filter=Q(head_required=True)),
        appeared=Count("pk", filter=Q(head_required=True, head_appeared=True)),
        staff=Count("pk", filter=Q(head_required=True, head_appeared=False, staff_appeared=True)),
    )
    reviews = (
        LitigationCase.objects.visible_to(user)
        .live()
        .filter(kind=LitigationKind.RECONSIDERATION, received_on__year=year)
    )
    counts["reviews"] = reviews.count()
    counts["rate"] = counts["appeared"] / counts["required"] if counts["required"] else None
    counts["absent"] = list(
        lawsuits.filter(head_required=True, head_appeared=False).order_by("received_on", "number")
    )
    return counts


def exam_pass_rates(user: User) -> list[dict[str, object]]:
    rows = (
        ExamResult.objects.visible_to(user)
        .live()
        .values("year")
        .annotate(takers=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
        .order_by("-year")
    )
    return [{**r, "rate": r["passed"] / r["takers"] if r["takers"] else 0} for r in rows]


def study_by_kind(user: User, year: int) -> list[dict[str, object]]:
    """The year's study sessions grouped by type, every type listed even when empty."""
    sessions = StudySession.objects.visible_to(user).live().filter(date__year=year).order_by("date", "number")
    groups: dict[str, list[StudySession]] = {kind: [] for kind in StudyKind.values}
    for session in sessions:
        groups.setdefault(session.kind, []).append(session)
    return [
        {
            "kind": kind,
            "sessions": items,
            "count": len(items),
            "attendance": sum(s.attendance or 0 for s in items),
        }
        for kind, items in groups.items()
    ]
