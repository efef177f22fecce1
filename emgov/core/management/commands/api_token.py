import secrets

from django.core.management.base import BaseCommand, CommandError

from emgov.core.models import ApiToken, User


class Command(BaseCommand):
    help = "为用户生成 API 令牌（只显示一次）。Create an API token for a user."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="脚本")

    def handle(self, *args, username: str, name: str, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"没有用户“{username}”") from None
        raw = secrets.token_urlsafe(32)
        ApiToken.objects.create(user=user, name=name, prefix=raw[:8], digest=ApiToken.hash(raw))
        self.stdout.write(raw)
