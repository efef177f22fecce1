"""The legal office's steps on the demo year, taken through its procedures (`legal.procedures`) after
the ledgers are loaded: counsel requests and answers, litigation service and appearance, a normative document's
clean-up, a suspended certificate, study attendance. No report figure depends on these fields."""

from __future__ import annotations

import datetime
from decimal import Decimal

from emgov.core.models import Department, Officer, User
from emgov.core.models.officers import CertificateStatus
from emgov.core.workdays import WorkdayCalendar
from emgov.demo.targets import AS_OF, YEAR
from emgov.legal.models import (
    CleanupResult,
    CounselKind,
    CounselMatter,
    CounselRecord,
    LitigationCase,
    LitigationKind,
    NormativeDocument,
    StudyKind,
    StudySession,
)
from emgov.legal.procedures import CERTIFICATE, COUNSEL, LITIGATION, NORMATIVE_DOCUMENT
from emgov.legal.services.study import study_session_record_attendance

VIA = "命令 demo"
ADVISER = "广东南海律师事务所 李律师"
COUNSEL_DAYS = 10
HEAD = ("陈局长", "局长")
DEPUTY = ("周副局长", "副局长")
STAFF = ("林法制", "法制股股长")


def enrich_legal_year() -> None:
    calendar = WorkdayCalendar()
    _counsel(calendar)
    _litigation(calendar)
    _normative()
    _certificate()
    _study()


def _matter(record: CounselRecord) -> str:
    if record.kind == CounselKind.CONTRACT:
        return CounselMatter.CONTRACT
    if "合法性审查" in record.subject:
        return CounselMatter.NORMATIVE
    if "复议" in record.subject or "强制执行" in record.subject:
        return CounselMatter.DISPUTE
    if "行政处罚" in record.subject or "挂牌督办" in record.subject:
        return CounselMatter.CASE
    return CounselMatter.OTHER


def _counsel(calendar: WorkdayCalendar) -> None:
    """The year's requests to counsel: asked on the record's day, due ten working days later and
    answered within them, except two still open on the as-of date: the last request (due in the
    coming week) and one from mid-November (overdue)."""
    bureau = Department.objects.get(is_bureau=True)
    records = list(CounselRecord.objects.filter(date__year=YEAR, date__lte=AS_OF).order_by("date", "number"))
    late = [r for r in records if r.date <= AS_OF - datetime.timedelta(days=20)][-1:]
    still_open = {r.pk for r in [*late, *records[-1:]]}
    for n, record in enumerate(records):
        due = calendar.add_workdays(record.date, COUNSEL_DAYS)
        if record is records[-1]:
            due = max(AS_OF + datetime.timedelta(days=3), record.date)
        record = COUNSEL.take(
            "request",
            record,
            actor=None,
            via=VIA,
            matter=_matter(record),
            requested_on=record.date,
            due_on=due,
            requesting_department=bureau,
            requester=("执法监察大队" if n % 2 else "综合股"),
        )
        if record.pk not in still_open:
            COUNSEL.take(
                "answer",
                record,
                actor=None,
                via=VIA,
                adviser=ADVISER,
                opinion=f"经审查，{record.subject}所涉事项符合法律规定，建议按程序办理。",
                answered_on=min(calendar.add_workdays(record.date, 3 + n % 6), due, AS_OF),
            )


def _litigation(calendar: WorkdayCalendar) -> None:
    """Each case of the year was served three days after it was received; the defence was filed in
    time; the head appeared where required, and a staff member appeared in some other lawsuits."""
    cases = LitigationCase.objects.filter(received_on__year=YEAR, received_on__lte=AS_OF).order_by(
        "received_on", "number"
    )
    for n, case in enumerate(cases):
        served = calendar.add_workdays(case.received_on, 3)
        body = "佛山市南海区人民法院" if case.kind == LitigationKind.LAWSUIT else "佛山市南海区人民政府"
        case = LITIGATION.take("serve", case, actor=None, via=VIA, served_on=served, body=body)
        if case.defence_due_on and case.defence_due_on < AS_OF:
            filed = min(calendar.add_workdays(served, 5), case.defence_due_on)
            case = LITIGATION.take("defend", case, actor=None, via=VIA, defence_filed_on=filed)
        if case.kind != LitigationKind.LAWSUIT:
            continue
        hearing = calendar.add_workdays(served, 30)
        hearing_on = hearing if hearing <= AS_OF else None
        if case.head_appeared:
            name, position = HEAD if n % 3 else DEPUTY
            LITIGATION.take(
                "appearance",
                case,
                actor=None,
                via=VIA,
                head_appeared=True,
                appeared_name=name,
                appeared_position=position,
                hearing_on=hearing_on,
            )
        elif hearing_on and n % 2:
            LITIGATION.take(
                "appearance",
                case,
                actor=None,
                via=VIA,
                head_appeared=False,
                staff_appeared=True,
                appeared_name=STAFF[0],
                appeared_position=STAFF[1],
                hearing_on=hearing_on,
            )


def _normative() -> None:
    """The record-keeping rules (全过程记录办法), due for evaluation on 2023-11-02, were evaluated and
    amended; the trial rules for village industrial parks fall due on 2023-12-03 and wait."""
    document = NormativeDocument.objects.filter(number="南应急规〔2019〕4号").first()
    if document and not document.cleanup_result:
        NORMATIVE_DOCUMENT.take(
            "clean_up",
            document,
            actor=None,
            via=VIA,
            cleanup_result=CleanupResult.AMEND,
            cleanup_on=datetime.date(YEAR, 11, 20),
        )


def _certificate() -> None:
    """One bureau officer's certificate suspended pending an investigation."""
    officer = (
        Officer.objects.filter(
            department__is_bureau=True,
            status=CertificateStatus.VALID,
            valid_until__gt=AS_OF.replace(year=YEAR + 1),
        )
        .order_by("-certificate_number")
        .first()
    )
    if officer:
        CERTIFICATE.take("suspend", officer, actor=None, via=VIA, reason="涉嫌违规执法，调查期间暂扣执法证")


def _study() -> None:
    """Speakers, length and attendance of the year's central-group sessions and expert lectures."""
    leaders = list(User.objects.filter(username__in=["leader", "legal"]).order_by("username"))
    sessions = StudySession.objects.filter(
        date__year=YEAR, kind__in=[StudyKind.CENTRAL_GROUP, StudyKind.EXPERT]
    ).order_by("date", "number")
    for n, session in enumerate(sessions):
        central = session.kind == StudyKind.CENTRAL_GROUP
        study_session_record_attendance(
            actor=None,
            session=session,
            attendance=(12 + n % 5) if central else (40 + 3 * (n % 7)),
            attendees=leaders,
            speaker="陈局长" if central else "省应急管理厅法规处专家",
            duration_hours=Decimal("2.0") if central else Decimal("3.0"),
            via=VIA,
        )
