from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from emgov.core.models import ApiToken, User
from emgov.core.models.users import TOKEN_DAYS_DEFAULT
from emgov.core.tokens import VIA_COMMAND, token_create, token_revoke


class Command(BaseCommand):
    help = "API 令牌：为用户创建（只显示一次）、列出或吊销。Create (shown once), list or revoke a user's API tokens."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="脚本", help="令牌名称（用途）")
        parser.add_argument("--days", type=int, default=TOKEN_DAYS_DEFAULT, help="有效天数")
        parser.add_argument("--list", action="store_true", help="列出该用户的令牌")
        parser.add_argument("--revoke", metavar="PREFIX", help="吊销前缀为 PREFIX 的令牌")
        parser.add_argument("--reason", default="管理员在命令行吊销", help="吊销原因")

    def handle(self, *args, username: str, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"没有用户“{username}”") from None
        if options["list"]:
            return self._list(user)
        if options["revoke"]:
            return self._revoke(user, options["revoke"], options["reason"])
        try:
            _token, raw = token_create(
                actor=None, user=user, name=options["name"], days=options["days"], via=VIA_COMMAND
            )
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from None
        self.stdout.write(raw)

    def _list(self, user: User) -> None:
        now = timezone.now()
        for t in ApiToken.objects.filter(user=user).order_by("-created_at"):
            if t.revoked_at:
                state = f"已吊销（{t.revoked_reason}）"
            else:
                state = "已过期" if t.expires_at <= now else "有效"
            used = (
                timezone.localtime(t.last_used_at).strftime("%Y-%m-%d %H:%M") if t.last_used_at else "未使用"
            )
            expires = timezone.localtime(t.expires_at).strftime("%Y-%m-%d")
            self.stdout.write(f"{t.prefix}\t{t.name}\t至 {expires}\t{state}\t最近使用：{used}")

    def _revoke(self, user: User, prefix: str, reason: str) -> None:
        tokens = list(ApiToken.objects.filter(user=user, prefix=prefix, revoked_at__isnull=True))
        if not tokens:
            raise CommandError(f"用户“{user.username}”没有前缀为“{prefix}”的有效令牌")
        for token in tokens:
            token_revoke(token, actor=None, reason=reason, via=VIA_COMMAND)
        self.stdout.write(f"已吊销 {len(tokens)} 个令牌")
