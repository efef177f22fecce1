"""`emgov digest`: every user's list from every provider, printed, and e-mailed with --send."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from emgov.core import services
from emgov.enforcement.tests.test_reminders import fill


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("digest", *args, stdout=out)
    return out.getvalue()


def test_the_digest_prints_each_users_list_for_the_date(nanhai):
    fill(nanhai)
    text = run("--date", "2023-06-20")
    assert "== guicheng ==" in text and "== officer ==" in text and "== jiujiang ==" not in text
    assert "截至2023-06-20" in text and "逾期未整改" in text and "将于2023-06-25期满" in text
    assert "/enforcement/hazards/" in text
    assert not mail.outbox


def test_send_mails_the_users_with_an_address(nanhai, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    fill(nanhai)
    services.user_update(nanhai.guicheng_officer, actor=None, changes={"email": "guicheng@example.gov.cn"})
    text = run("--date", "2023-06-20", "--send")
    assert "已发送1封邮件" in text
    (message,) = mail.outbox
    assert message.to == ["guicheng@example.gov.cn"] and "2023-06-20" in message.subject
    assert "逾期未整改" in message.body


def test_a_bad_date_is_refused(nanhai):
    with pytest.raises(CommandError, match="格式不正确"):
        run("--date", "2023-13-01")


def test_every_providers_items_are_judged_on_the_digests_date(nanhai):
    from emgov.cases.tests.helpers import FILED_ON, open_case

    case = open_case(nanhai)  # the decision is due 90 days after filing
    due = case.decision_due_on
    before = run("--date", (due - datetime.timedelta(days=3)).isoformat())
    after = run("--date", (due + datetime.timedelta(days=1)).isoformat())
    line = f"处罚决定期限：{case.case_number}"
    assert due > FILED_ON
    assert line in before and f"期限{due:%Y-%m-%d}（已逾期）" not in before
    assert f"期限{due:%Y-%m-%d}（已逾期）" in after
