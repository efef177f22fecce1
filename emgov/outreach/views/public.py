"""The public competition pages (no login): enter, answer question by question, see the result.

The page holds a signed token and the number of the current question; it never receives an answer
key, a score to send back or a clock to trust. Each answer is one POST that returns the next question."""

from __future__ import annotations

import csv

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from emgov.core.models import Region
from emgov.outreach import services
from emgov.outreach.forms import EntryForm
from emgov.outreach.models import Attempt, Competition
from emgov.outreach.rules import masked_name, masked_phone
from emgov.outreach.services.attempts import competition_window_refusal
from emgov.outreach.services.draws import replay

ENTRANTS_SHOWN = 200
REFUSAL_STATUS = {"rate_limited": 429, "forged": 403, "time_limit": 409, "replayed": 409, "finished": 409}


def _competition(slug: str) -> Competition:
    return get_object_or_404(
        Competition.objects.filter(voided_at__isnull=True).select_related("activity"), slug=slug
    )


def _address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")


def competition_page(request: HttpRequest, slug: str) -> HttpResponse:
    competition = _competition(slug)
    form = EntryForm(request.POST or None)
    error, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            attempt = services.attempt_start(
                competition=competition,
                name=form.cleaned_data["name"],
                phone=form.cleaned_data["phone"],
                town=Region.objects.filter(pk=form.cleaned_data["town"]).first(),
                address=_address(request),
            )
        except ValidationError as exc:
            error, status = exc.messages[0], REFUSAL_STATUS.get(exc.code, 400)
        else:
            return redirect("competition:attempt", slug=slug, token=services.token_for(attempt))
    context = {
        "competition": competition,
        "form": form,
        "error": error,
        "closed": competition_window_refusal(competition),
    }
    return render(request, "outreach/public/competition.html", context, status=status)


def _question_page(request: HttpRequest, attempt: Attempt, token: str, error: str | None = None, status=200):
    if attempt.finished_at is not None:
        return _result_page(request, attempt, error, status)
    questions = services.bank_questions(attempt.competition.bank_id)
    question = questions.get(attempt.question_ids[attempt.position])
    context = {
        "competition": attempt.competition,
        "attempt": attempt,
        "token": token,
        "question": question,
        "number": attempt.position + 1,
        "total": len(attempt.question_ids),
        "remaining": max(0, int((attempt.deadline - timezone.now()).total_seconds())),
        "error": error,
    }
    return render(request, "outreach/public/question.html", context, status=status)


def _result_page(request: HttpRequest, attempt: Attempt, error: str | None = None, status=200):
    questions = services.bank_questions(attempt.competition.bank_id)
    closed = timezone.now() >= attempt.competition.closes_at
    review = []
    for i, qid in enumerate(attempt.question_ids):
        q = questions.get(qid)
        given = attempt.answers[i] if i < len(attempt.answers) else ""
        review.append({"q": q, "right": bool(q and given and given == q.answer), "given": given})
    context = {
        "competition": attempt.competition,
        "attempt": attempt,
        "review": review,
        "show_explanations": closed,
        "qualifies": attempt.score >= attempt.competition.qualifying_score,
        "error": error,
    }
    return render(request, "outreach/public/result.html", context, status=status)


def attempt_page(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    try:
        attempt = services.attempt_for(token)
    except ValidationError as exc:
        return render(request, "outreach/public/refused.html", {"error": exc.messages[0]}, status=403)
    if attempt.competition.slug != slug:
        return render(request, "outreach/public/refused.html", {"error": "答题凭证与竞赛不符。"}, status=403)
    if attempt.finished_at is None and timezone.now() > attempt.deadline:
        services.attempts.attempt_expire(attempt)
    return _question_page(request, attempt, token)


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def _question_json(attempt: Attempt, token: str, error: str | None = None, code: str = "", status=200):
    """What the page's script needs to show the next question (never the answer), or where the result is."""
    if attempt.finished_at is not None:
        url = reverse("competition:attempt", kwargs={"slug": attempt.competition.slug, "token": token})
        return JsonResponse({"finished": True, "url": url, "error": error, "code": code}, status=status)
    question = services.bank_questions(attempt.competition.bank_id).get(
        attempt.question_ids[attempt.position]
    )
    return JsonResponse(
        {
            "finished": False,
            "position": attempt.position,
            "number": attempt.position + 1,
            "total": len(attempt.question_ids),
            "remaining": max(0, int((attempt.deadline - timezone.now()).total_seconds())),
            "kind": question.kind,
            "text": question.text,
            "choices": question.choices,
            "error": error,
            "code": code,
        },
        status=status,
    )


@require_POST
def answer(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """One answer: the next question as a page, or as JSON for the page's script (Accept: application/json)."""
    as_json = _wants_json(request)
    try:
        position = int(request.POST.get("position", ""))
    except ValueError:
        position = -1
    try:
        attempt = services.attempt_answer(
            token=token, position=position, chosen=request.POST.getlist("choice"), address=_address(request)
        )
    except ValidationError as exc:
        status = REFUSAL_STATUS.get(exc.code, 400)
        if exc.code in ("forged", "rate_limited"):
            if as_json:
                return JsonResponse({"error": exc.messages[0], "code": exc.code}, status=status)
            return render(request, "outreach/public/refused.html", {"error": exc.messages[0]}, status=status)
        attempt = services.attempt_for(token)
        if as_json:
            return _question_json(attempt, token, exc.messages[0], exc.code, status)
        return _question_page(request, attempt, token, exc.messages[0], status)
    return _question_json(attempt, token) if as_json else _question_page(request, attempt, token)


def leaderboard(request: HttpRequest, slug: str) -> HttpResponse:
    competition = _competition(slug)
    rows = [
        {
            "name": masked_name(p.name),
            "phone": masked_phone(p.phone),
            "town": p.town,
            "score": p.best_score,
            "seconds": p.best_seconds,
        }
        for p in services.leaderboard(competition)
    ]
    return render(request, "outreach/public/leaderboard.html", {"competition": competition, "rows": rows})


def draw_page(request: HttpRequest, slug: str) -> HttpResponse:
    competition = _competition(slug)
    draw = getattr(competition, "draw", None)
    if draw is None or draw.voided_at:
        return render(request, "outreach/public/draw.html", {"competition": competition, "draw": None})
    by_id = {e[0]: e for e in draw.entrants}
    replayed = replay(draw.seed, [e[0] for e in draw.entrants], len(draw.plan))
    prizes = {p.participant_id: p for p in draw.prizes.live()}
    winners = [
        {"entry": by_id[pid], "number": list(by_id).index(pid) + 1, "prize": prizes.get(pid)}
        for pid in draw.winners
    ]
    context = {
        "competition": competition,
        "draw": draw,
        "winners": winners,
        "entrants": [(i, e) for i, e in enumerate(draw.entrants[:ENTRANTS_SHOWN], start=1)],
        "entrant_count": len(draw.entrants),
        "replays": replayed == draw.winners,
    }
    return render(request, "outreach/public/draw.html", context)


def draw_entrants_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The published entrant list, in draw order (编号, 参赛者ID, 姓名, 手机号, 镇街), for anyone to replay."""
    competition = _competition(slug)
    draw = getattr(competition, "draw", None)
    if draw is None or draw.voided_at:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-entrants.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["编号", "参赛者ID", "姓名", "手机号", "镇街"])
    for n, entry in enumerate(draw.entrants, start=1):
        writer.writerow([n, *entry])
    return response
