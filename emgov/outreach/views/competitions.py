from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from emgov.core.pages import LedgerForm, LedgerPages
from emgov.core.permissions import STAFF
from emgov.outreach import services
from emgov.outreach.forms import CompetitionForm, QuestionImportForm
from emgov.outreach.models import Competition, Prize, Question
from emgov.outreach.procedures import COMPETITION, PRIZE, QUESTION
from emgov.outreach.rules import masked_name, masked_phone
from emgov.outreach.services.questions import bank_for


class QuestionForm(LedgerForm):
    class Meta:
        model = Question
        fields = ["bank", "code", "kind", "text", "options", "answer", "explanation", "legal_reference"]


class QuestionPages(LedgerPages):
    name = "questions"
    namespace = "outreach"
    model = Question
    title = _("竞赛题库")
    form_class = QuestionForm
    procedure = QUESTION
    list_display = ("code", "bank", "kind", "text", "legal_reference", "status")
    search_fields = ("code", "text", "legal_reference")
    filter_fields = ("bank", "kind", "status")
    select_related = ("bank",)
    default_ordering = ("bank", "code")
    edit_roles = STAFF

    def edit_locked(self, obj: Question) -> str | None:
        return str(_("题目通过“从 Excel 导入题目”修改，修改后须重新审核。"))


class CompetitionPages(LedgerPages):
    name = "competitions"
    namespace = "outreach"
    model = Competition
    title = _("在线知识竞赛")
    form_class = CompetitionForm
    procedure = COMPETITION
    list_display = (
        "title",
        "activity",
        "opens_at",
        "closes_at",
        "questions_per_attempt",
        "seconds_per_attempt",
    )
    search_fields = ("title", "slug")
    select_related = ("activity", "bank")
    default_ordering = ("-opens_at",)
    edit_roles = STAFF
    detail_template = "outreach/competition_detail.html"

    def detail_extra(self, request: HttpRequest, obj: Competition) -> dict:
        draw = getattr(obj, "draw", None)
        board = [
            {"name": masked_name(p.name), "phone": masked_phone(p.phone), "town": p.town, "p": p}
            for p in services.leaderboard(obj)
        ]
        return {
            "participant_count": obj.participants.count(),
            "qualifying_count": services.qualifying(obj).count(),
            "board": board,
            "draw": draw,
            "prizes": draw.prizes.live().select_related("participant") if draw else [],
        }


class PrizeForm(LedgerForm):
    class Meta:
        model = Prize
        fields = ["note"]


class PrizePages(LedgerPages):
    name = "prizes"
    namespace = "outreach"
    model = Prize
    title = _("竞赛奖品发放")
    form_class = PrizeForm
    procedure = PRIZE
    list_display = ("participant", "draw", "rank", "kind", "amount", "status", "delivered_on")
    filter_fields = ("kind", "status")
    select_related = ("participant", "draw__competition")
    default_ordering = ("draw", "rank")
    edit_roles = STAFF

    def edit_locked(self, obj: Prize) -> str | None:
        return str(_("奖品由抽奖产生，发放状态通过“登记已发放”“登记发放失败”办理。"))

    def can_edit(self, user) -> bool:
        return False  # prizes come from the draw; their delivery is recorded through the steps


def questions_import_view(request: HttpRequest) -> HttpResponse:
    if not QuestionPages().can_edit(request.user):
        raise Http404
    form = QuestionImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bank = bank_for(form.cleaned_data["bank"], actor=request.user)
        upload = form.cleaned_data["file"]
        try:
            added, changed = services.questions_import(
                actor=request.user, bank=bank, stream=upload, filename=upload.name, via=f"导入 {upload.name}"
            )
        except ValidationError as exc:
            for message in exc.messages[:50]:
                form.add_error(None, message)
        else:
            messages.success(
                request, _("新增题目%(a)s道，修改%(c)s道，均待审核。") % {"a": added, "c": changed}
            )
            return redirect("outreach:questions-list")
    return render(request, "outreach/questions_import.html", {"form": form, "title": _("从 Excel 导入题目")})
