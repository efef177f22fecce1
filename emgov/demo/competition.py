"""The 2023 “学习强安” online competition (its first round) with its reviewed question bank, every
participant's attempt and the prize draw; and the attendance lists of a few on-site trainings.

Built after the ledgers, with a generator of its own, so that the rows of the other ledgers stay as
they are. Each round-1 participant is a record, so the figure counts them from the records; the
rounds held elsewhere keep the 参与人数 of their ledger rows."""

from __future__ import annotations

import datetime
import random
from zoneinfo import ZoneInfo

from emgov.core import services
from emgov.core.actors import system_actor
from emgov.core.models import Region, RegionLevel
from emgov.demo.names import mobile, person
from emgov.demo.rosters import roster_file
from emgov.demo.targets import YEAR
from emgov.outreach.models import (
    Attempt,
    Competition,
    OutreachActivity,
    Participant,
    Prize,
    Question,
    QuestionBank,
    QuestionStatus,
)
from emgov.outreach.procedures import COMPETITION, PRIZE, QUESTION
from emgov.outreach.services import attendance_import, certificates_issue
from emgov.outreach.services.draws import prize_plan

VIA = "命令 demo"
TZ = ZoneInfo("Asia/Shanghai")
LAWS = [
    ("生产经营单位的主要负责人是本单位安全生产第一责任人。", "对", "安全生产法第五条"),
    (
        "从业人员发现事故隐患应当立即向现场安全生产管理人员或者本单位负责人报告。",
        "对",
        "安全生产法第五十九条",
    ),
    (
        "生产经营单位可以与从业人员订立协议，免除其对从业人员因生产安全事故伤亡依法应承担的责任。",
        "错",
        "安全生产法第五十二条",
    ),
    ("安全生产工作坚持人民至上、生命至上。", "对", "安全生产法第三条"),
    ("有限空间作业应当遵循“先通风、再检测、后作业”的原则。", "对", "工贸企业有限空间作业安全规定第十五条"),
]
CHOICES = [
    (
        "每年6月是全国“安全生产月”。下列哪一项是安全生产工作的方针？",
        ["安全第一、预防为主、综合治理", "效益优先", "先生产后安全"],
        "A",
        "安全生产法第三条",
    ),
    (
        "生产经营单位应当建立健全并落实哪项制度？",
        ["全员安全生产责任制", "末位淘汰制", "计件工资制"],
        "A",
        "安全生产法第四条",
    ),
    (
        "特种作业人员必须按照国家有关规定经专门的安全作业培训，取得什么后方可上岗作业？",
        ["相应资格", "学历证书", "健康证明"],
        "A",
        "安全生产法第三十条",
    ),
    (
        "生产经营单位应当对从业人员进行哪些教育和培训？（多选）",
        ["安全生产教育和培训", "应急处置知识", "岗位安全操作技能", "股票投资"],
        "ABC",
        "安全生产法第二十八条",
    ),
    (
        "事故调查处理应当坚持哪些原则？（多选）",
        ["科学严谨", "依法依规", "实事求是", "注重实效"],
        "ABCD",
        "安全生产法第八十六条",
    ),
]


def build_competition() -> None:
    actor = system_actor()
    rng = random.Random(YEAR * 15)
    round_one = OutreachActivity.objects.get(
        name="“学习强安”安全生产知识竞赛（第1轮）", start_date__year=YEAR
    )
    bank = _bank(actor)
    start = datetime.datetime.combine(round_one.start_date, datetime.time(9), TZ)
    competition = services.record_create(
        Competition(
            activity=round_one,
            slug=f"xxqa-{YEAR}",
            title=f"南海区{YEAR}年“学习强安”安全生产知识竞赛（第1轮）",
            bank=bank,
            opens_at=start,
            closes_at=start + datetime.timedelta(days=6, hours=9),
            questions_per_attempt=10,
            seconds_per_attempt=600,
            attempts_per_day=1,
            qualifying_score=80,
        ),
        actor=actor,
        via=VIA,
    )
    _participants(rng, competition, round_one.participants)
    COMPETITION.take(
        "draw", competition, actor=actor, via=VIA, seed=f"{YEAR}0616", plan=prize_plan(100, 20, 50, 30)
    )
    for prize in Prize.objects.filter(draw__competition=competition).order_by("rank"):
        if prize.rank % 25:
            PRIZE.take(
                "deliver", prize, actor=actor, via=VIA, delivered_on=round_one.start_date.replace(day=30)
            )
        else:
            PRIZE.take("fail", prize, actor=actor, via=VIA, note="手机号停机，待联系")
    _rosters(rng, actor)


def _bank(actor) -> QuestionBank:
    bank = services.record_create(QuestionBank(name=f"{YEAR}年“学习强安”题库"), actor=actor, via=VIA)
    rows = [(text, "判断题", [], answer, basis) for text, answer, basis in LAWS]
    rows += [
        (text, "多选题" if len(answer) > 1 else "单选题", options, answer, basis)
        for text, options, answer, basis in CHOICES
    ]
    for n, (text, kind, options, answer, basis) in enumerate(rows * 3, start=1):
        question = services.record_create(
            Question(
                bank=bank,
                code=f"XXQA{n:03d}",
                kind=kind,
                text=text if n <= len(rows) else f"{text}（第{(n - 1) // len(rows) + 1}组）",
                options=options,
                answer=answer,
                explanation=f"依据{basis}。",
                legal_reference=basis,
            ),
            actor=actor,
            via=VIA,
        )
        if n != len(rows) * 3:  # the last one still waits for review
            QUESTION.take("approve", question, actor=actor, via=VIA)
    return bank


def _participants(rng: random.Random, competition: Competition, count: int) -> None:
    towns = list(Region.objects.filter(level=RegionLevel.TOWN))
    ids = list(
        Question.objects.filter(bank=competition.bank, status=QuestionStatus.APPROVED).values_list(
            "pk", flat=True
        )
    )
    phones: set[str] = set()
    while len(phones) < count:
        phones.add(mobile(rng))
    people = []
    for phone in sorted(phones):
        correct = min(10, max(2, round(rng.gauss(8, 1.6))))
        people.append(
            Participant(
                competition=competition,
                name=person(rng),
                phone=phone,
                town=rng.choice(towns),
                best_score=correct * 10,
                best_seconds=rng.randint(90, 590),
            )
        )
    Participant.objects.bulk_create(people, batch_size=2000)
    attempts = []
    for p in Participant.objects.filter(competition=competition).order_by("pk"):
        started = competition.opens_at + datetime.timedelta(seconds=rng.randint(0, 5 * 86400))
        attempts.append(
            Attempt(
                competition=competition,
                participant=p,
                day=started.astimezone(TZ).date(),
                nonce=f"{rng.getrandbits(64):016x}",
                started_at=started,
                deadline=started + datetime.timedelta(seconds=competition.seconds_per_attempt),
                question_ids=rng.sample(ids, 10),
                answers=[],
                position=10,
                correct=p.best_score // 10,
                score=p.best_score,
                finished_at=started + datetime.timedelta(seconds=p.best_seconds),
            )
        )
    Attempt.objects.bulk_create(attempts, batch_size=2000)


def _rosters(rng: random.Random, actor) -> None:
    """Attendance lists (as the towns send them, in Excel) for three on-site trainings of June."""
    sessions = OutreachActivity.objects.filter(
        kind="线下专场培训", start_date__year=YEAR, start_date__month=6, participants__lte=150
    ).order_by("start_date", "number")[:3]
    for activity in sessions:
        stream = roster_file(rng, activity.participants)
        attendance_import(actor=actor, activity=activity, stream=stream, filename="参训名单.xlsx", via=VIA)
        certificates_issue(actor=actor, activity=activity, via=VIA)
