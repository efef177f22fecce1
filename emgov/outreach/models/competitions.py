"""The public online knowledge competition (知识竞赛): participants, attempts, the prize draw."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel
from emgov.outreach.models.activities import PHONE, OutreachActivity, OutreachKind
from emgov.outreach.models.questions import QuestionBank


class Competition(DomainModel):
    """A competition held on the public pages within its time window, on one reviewed question bank."""

    activity = models.OneToOneField(
        OutreachActivity, verbose_name=_("活动"), on_delete=models.PROTECT, related_name="competition"
    )
    slug = models.SlugField(_("公开地址"), max_length=40, unique=True)
    title = models.CharField(_("竞赛名称"), max_length=200)
    bank = models.ForeignKey(QuestionBank, verbose_name=_("题库"), on_delete=models.PROTECT, related_name="+")
    opens_at = models.DateTimeField(_("开始时间"))
    closes_at = models.DateTimeField(_("结束时间"))
    questions_per_attempt = models.PositiveSmallIntegerField(_("每次抽题数"), default=10)
    seconds_per_attempt = models.PositiveIntegerField(_("每次答题限时（秒）"), default=300)
    attempts_per_day = models.PositiveSmallIntegerField(_("每个手机号每日答题次数"), default=1)
    qualifying_score = models.PositiveSmallIntegerField(_("参与抽奖的最低得分"), default=80)
    requests_per_ip_minute = models.PositiveIntegerField(_("同一网络地址每分钟请求上限"), default=120)
    rules_text = models.TextField(_("竞赛规则"), blank=True)

    scope = ("activity__region",)

    class Meta:
        verbose_name = _("知识竞赛")
        verbose_name_plural = _("知识竞赛")
        ordering = ["-opens_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("结束时间应晚于开始时间")
        if self.activity_id and self.activity.kind != OutreachKind.COMPETITION:
            errors["activity"] = _("只有活动类型为“知识竞赛”的活动才能设置在线竞赛")
        if not 1 <= (self.questions_per_attempt or 0) <= 100:
            errors["questions_per_attempt"] = _("每次抽题数应在1至100之间")
        if not 0 <= (self.qualifying_score or 0) <= 100:
            errors["qualifying_score"] = _("最低得分应在0至100之间")
        if errors:
            raise ValidationError(errors, code="competition")


class Participant(models.Model):
    """参赛者: only what the competition needs: name, phone and town (masked wherever shown)."""

    competition = models.ForeignKey(Competition, on_delete=models.PROTECT, related_name="participants")
    name = models.CharField(_("姓名"), max_length=30)
    phone = models.CharField(_("手机号"), max_length=11, validators=[PHONE])
    town = models.ForeignKey(
        "core.Region", verbose_name=_("所属镇街"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    best_score = models.PositiveSmallIntegerField(_("最高得分"), default=0)
    best_seconds = models.PositiveIntegerField(_("最高得分用时（秒）"), null=True)
    created_at = models.DateTimeField(_("报名时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("参赛者")
        verbose_name_plural = _("参赛者")
        constraints = [
            models.UniqueConstraint(fields=["competition", "phone"], name="outreach_participant_phone_once")
        ]
        indexes = [models.Index(fields=["competition", "-best_score", "best_seconds"])]

    def __str__(self) -> str:
        return self.name


class Attempt(models.Model):
    """One attempt: the questions drawn, the answers given and the score, all kept on the server."""

    competition = models.ForeignKey(Competition, on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="attempts")
    day = models.DateField(_("答题日期"))
    nonce = models.CharField(max_length=32)
    started_at = models.DateTimeField(_("开始时间"))
    deadline = models.DateTimeField(_("截止时间"))
    question_ids = models.JSONField(default=list)
    answers = models.JSONField(default=list)
    position = models.PositiveSmallIntegerField(default=0)
    correct = models.PositiveSmallIntegerField(default=0)
    score = models.PositiveSmallIntegerField(_("得分"), default=0)
    finished_at = models.DateTimeField(_("交卷时间"), null=True)
    timed_out = models.BooleanField(_("超时"), default=False)

    class Meta:
        verbose_name = _("答题记录")
        verbose_name_plural = _("答题记录")
        indexes = [models.Index(fields=["participant", "day"])]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.day}"

    @property
    def seconds(self) -> int:
        end = self.finished_at or self.deadline
        return max(0, int((end - self.started_at).total_seconds()))


class PrizeKind(models.TextChoices):
    RED_PACKET = "红包", _("红包")
    PHONE_CREDIT = "话费", _("话费")


class PrizeStatus(models.TextChoices):
    PENDING = "待发放", _("待发放")
    DELIVERED = "已发放", _("已发放")
    FAILED = "发放失败", _("发放失败")


class Draw(DomainModel):
    """抽奖: the seed and the published entrant list from which anyone can replay the winners."""

    competition = models.OneToOneField(Competition, on_delete=models.PROTECT, related_name="draw")
    seed = models.CharField(_("随机种子"), max_length=64)
    entrants = models.JSONField(_("抽奖名单"), default=list)
    winners = models.JSONField(_("中奖序号"), default=list)
    plan = models.JSONField(_("奖项设置"), default=list)
    drawn_at = models.DateTimeField(_("抽奖时间"))

    scope = ("competition__activity__region",)

    class Meta:
        verbose_name = _("抽奖")
        verbose_name_plural = _("抽奖")

    def __str__(self) -> str:
        return f"{self.competition}抽奖"


class Prize(DomainModel):
    """奖品: one winner's prize and whether it has reached them."""

    draw = models.ForeignKey(Draw, on_delete=models.PROTECT, related_name="prizes")
    participant = models.ForeignKey(
        Participant, verbose_name=_("中奖者"), on_delete=models.PROTECT, related_name="+"
    )
    rank = models.PositiveIntegerField(_("中奖顺序"))
    kind = models.CharField(_("奖品类型"), max_length=2, choices=PrizeKind.choices)
    amount = models.DecimalField(_("金额（元）"), max_digits=8, decimal_places=2)
    status = models.CharField(
        _("发放状态"), max_length=4, choices=PrizeStatus.choices, default=PrizeStatus.PENDING
    )
    delivered_on = models.DateField(_("发放日期"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    scope = ("draw__competition__activity__region",)

    class Meta:
        verbose_name = _("奖品")
        verbose_name_plural = _("奖品")
        ordering = ["draw", "rank"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}元"
