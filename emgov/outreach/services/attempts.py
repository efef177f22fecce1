"""Taking part in a competition: every answer, the remaining time and the score stay on the server.

A participant holds only a signed token naming their attempt and the number of the question they are
on. An answer is accepted once, for the current question, before the deadline: the update that
records it matches the attempt's stored position, so a replayed or reordered submission changes
nothing. The score is computed here from the stored answers; nothing the page sends can set it.
An answer costs two queries (three for the last one).
"""

from __future__ import annotations

import datetime
import random
import secrets
import time
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from emgov.core import clock
from emgov.core.models import Region
from emgov.outreach.models import Attempt, Competition, Participant, Question, QuestionKind, QuestionStatus
from emgov.outreach.rules import ATTEMPT_STARTS_PER_PHONE_HOUR, RATE_WINDOW_SECONDS

SALT = "outreach.attempt"
BANK_SECONDS = 60
_banks: dict[int, tuple[float, dict[int, QuestionView]]] = {}


@dataclass(frozen=True)
class QuestionView:
    pk: int
    kind: str
    text: str
    choices: tuple[tuple[str, str], ...]
    answer: str
    legal_reference: str
    explanation: str
    usable: bool = True


def bank_questions(bank_id: int) -> dict[int, QuestionView]:
    """The reviewed questions of a bank (and those retired since, which attempts under way still score),
    kept in the process for a minute; only `usable` ones are drawn."""
    expires, questions = _banks.get(bank_id, (0.0, {}))
    if expires > time.monotonic():
        return questions
    questions = {
        q.pk: QuestionView(
            q.pk,
            q.kind,
            q.text,
            tuple(q.choices()),
            q.answer,
            q.legal_reference,
            q.explanation,
            q.status == QuestionStatus.APPROVED,
        )
        for q in Question.objects.filter(bank_id=bank_id).exclude(status=QuestionStatus.PENDING)
    }
    _banks[bank_id] = (time.monotonic() + BANK_SECONDS, questions)
    return questions


def bank_forget(bank_id: int) -> None:
    _banks.pop(bank_id, None)


def refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def rate_limit(key: str, limit: int, seconds: int, message: str) -> None:
    """Count one request under `key` in Django's cache; refuse beyond `limit` in the window."""
    if cache.add(key, 1, seconds):
        return
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, seconds)
        return
    if count > limit:
        raise refuse(message, "rate_limited")


def limit_address(competition: Competition, address: str) -> None:
    window = int(time.time()) // RATE_WINDOW_SECONDS
    rate_limit(
        f"outreach:ip:{competition.pk}:{address}:{window}",
        competition.requests_per_ip_minute,
        RATE_WINDOW_SECONDS,
        _("同一网络地址的请求过于频繁，请稍后再试。"),
    )


def token_for(attempt: Attempt) -> str:
    return signing.dumps([attempt.pk, attempt.nonce], salt=SALT, compress=False)


def attempt_for(token: str) -> Attempt:
    """The attempt a token names; a token not signed by us, or of another attempt, is refused."""
    try:
        pk, nonce = signing.loads(token, salt=SALT)
        return Attempt.objects.select_related("competition").get(pk=int(pk), nonce=str(nonce))
    except (signing.BadSignature, ValueError, TypeError, Attempt.DoesNotExist):
        raise refuse(_("答题凭证无效或已被篡改。"), "forged") from None


def competition_window_refusal(competition: Competition) -> str | None:
    now = timezone.now()
    if now < competition.opens_at:
        return _("竞赛尚未开始。")
    if now >= competition.closes_at:
        return _("竞赛已结束。")
    return None


def attempt_start(
    *, competition: Competition, name: str, phone: str, town: Region | None, address: str
) -> Attempt:
    """Register (or recognise) the participant by phone and draw their questions."""
    refusal = competition_window_refusal(competition)
    if refusal:
        raise refuse(refusal, "closed")
    limit_address(competition, address)
    rate_limit(
        f"outreach:phone:{competition.pk}:{phone}:{int(time.time()) // 3600}",
        ATTEMPT_STARTS_PER_PHONE_HOUR,
        3600,
        _("该手机号操作过于频繁，请一小时后再试。"),
    )
    questions = [pk for pk, q in bank_questions(competition.bank_id).items() if q.usable]
    if len(questions) < competition.questions_per_attempt:
        raise refuse(_("题库中审核通过的题目不足，竞赛暂不能参加。"), "bank_short")
    day = clock.today()
    now = timezone.now()
    with transaction.atomic():
        try:
            participant, _created = Participant.objects.get_or_create(
                competition=competition, phone=phone, defaults={"name": name, "town": town}
            )
        except IntegrityError:
            participant = Participant.objects.get(competition=competition, phone=phone)
        Participant.objects.select_for_update().filter(pk=participant.pk).first()
        taken = Attempt.objects.filter(participant=participant, day=day).count()
        if taken >= competition.attempts_per_day:
            raise refuse(
                _("每个手机号每天可答题%(n)s次，今天的次数已用完，请明天再来。")
                % {"n": competition.attempts_per_day},
                "attempts_used",
            )
        return Attempt.objects.create(
            competition=competition,
            participant=participant,
            day=day,
            nonce=secrets.token_hex(8),
            started_at=now,
            deadline=now + datetime.timedelta(seconds=competition.seconds_per_attempt),
            question_ids=random.SystemRandom().sample(questions, competition.questions_per_attempt),
        )


def normalized(question: QuestionView, chosen: list[str]) -> str:
    values = {value for value, _label in question.choices}
    picked = sorted({c for c in chosen if c in values})
    if question.kind != QuestionKind.MULTIPLE:
        picked = picked[:1]
    return "".join(picked)


def attempt_answer(*, token: str, position: int, chosen: list[str], address: str) -> Attempt:
    """Record the answer to question `position` (0-based) of the attempt; the last one finishes it."""
    attempt = attempt_for(token)
    competition = attempt.competition
    limit_address(competition, address)
    if attempt.finished_at is not None:
        raise refuse(_("本次答题已经结束，不能再提交答案。"), "finished")
    now = timezone.now()
    if now > attempt.deadline:
        attempt_expire(attempt)
        raise refuse(
            _("已超过本次答题时限（%(s)s秒），该答案不计分。") % {"s": competition.seconds_per_attempt},
            "time_limit",
        )
    if position != attempt.position:
        raise refuse(_("该题已经作答或提交顺序不对，提交未被接受。"), "replayed")
    question = bank_questions(competition.bank_id).get(attempt.question_ids[position])
    answer = normalized(question, chosen) if question else ""
    if not answer:
        raise refuse(_("请选择答案后再提交。"), "no_answer")
    right = question.answer == answer
    changes = {
        "answers": [*attempt.answers, answer],
        "position": position + 1,
        "correct": attempt.correct + int(right),
    }
    last = position + 1 == len(attempt.question_ids)
    if last:
        changes["score"] = round(100 * changes["correct"] / len(attempt.question_ids))
        changes["finished_at"] = now
    stored = Attempt.objects.filter(pk=attempt.pk, position=position, finished_at__isnull=True).update(
        **changes
    )
    if stored != 1:
        raise refuse(_("该题已经作答或提交顺序不对，提交未被接受。"), "replayed")
    for name, value in changes.items():
        setattr(attempt, name, value)
    if last:
        best_update(attempt)
    return attempt


def attempt_expire(attempt: Attempt) -> None:
    """Close an attempt whose time ran out: what was answered in time is scored."""
    score = round(100 * attempt.correct / len(attempt.question_ids))
    if Attempt.objects.filter(pk=attempt.pk, finished_at__isnull=True).update(
        finished_at=attempt.deadline, timed_out=True, score=score
    ):
        attempt.finished_at, attempt.timed_out, attempt.score = attempt.deadline, True, score
        best_update(attempt)


def best_update(attempt: Attempt) -> None:
    seconds = attempt.seconds
    better = (
        Q(best_score__lt=attempt.score)
        | Q(best_score=attempt.score, best_seconds__gt=seconds)
        | Q(best_seconds__isnull=True)
    )
    Participant.objects.filter(better, pk=attempt.participant_id).update(
        best_score=attempt.score, best_seconds=seconds
    )


def leaderboard(competition: Competition, size: int = 20) -> list[Participant]:
    return list(
        Participant.objects.filter(competition=competition, best_seconds__isnull=False)
        .select_related("town")
        .order_by("-best_score", "best_seconds", "pk")[:size]
    )
