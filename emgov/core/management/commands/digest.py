"""The daily digest: each active user's to-do list from every registered provider, printed, and with
`--send` e-mailed through Django's mail settings (EMGOV_EMAIL_*; the console backend by default).

Every to-do provider answers for the day given (`--date`, default today).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError

from emgov.core import clock
from emgov.core.models import User
from emgov.core.navigation import TodoItem, todo_count, todo_for


def digest_text(user: User, items: list[TodoItem], today: datetime.date) -> str:
    base = settings.EMGOV_BASE_URL.rstrip("/")
    lines = [
        f"{user.full_name or user.username}，您好：",
        f"截至{today:%Y-%m-%d}，您有{todo_count(items)}项待办：",
        "",
    ]
    for item in items:
        due = f" 期限{item.due:%Y-%m-%d}" if item.due else ""
        late = "（已逾期）" if item.overdue else ""
        lines.append(f"- [{item.kind}] {item.title}{due}{late}")
        lines.append(f"  {base}{item.url}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "每日待办摘要：列出每位用户的待办事项，--send 时发送邮件。The daily to-do digest of every user."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="摘要日期 YYYY-MM-DD（默认今天）")
        parser.add_argument("--send", action="store_true", help="以邮件发送给有邮箱的用户")

    def handle(self, *args, date: str | None, send: bool, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else clock.today()
        except ValueError:
            raise CommandError(f"日期“{date}”格式不正确，应为 YYYY-MM-DD") from None
        sent = 0
        for user in User.objects.filter(is_active=True).order_by("username"):
            items = todo_for(user, today)
            if not items:
                continue
            text = digest_text(user, items, today)
            self.stdout.write(f"== {user.username} ==")
            self.stdout.write(text)
            self.stdout.write("")
            if send and user.email:
                send_mail(
                    f"EMGov 每日待办（{today:%Y-%m-%d}）：{todo_count(items)}项", text, None, [user.email]
                )
                sent += 1
        if send:
            self.stdout.write(f"已发送{sent}封邮件。")
