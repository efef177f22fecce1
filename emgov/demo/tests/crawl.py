"""Every link a page shows its user opens for that user: each demo role starts from its home page and
follows the links of the pages it reaches (one page of each shape, e.g. /cases/penalties/N/), and
none answers 403, 404 or 500, nor speaks English."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.test import Client

from emgov.core.models import User
from emgov.demo.tests.counts import as_of_demo_day  # noqa: F401  (the fixture)

HREF = re.compile(r'href="(/[^"#]*)')
# Not pages: the language switch, the session's end, files and the API's own documents.
SKIP = re.compile(
    r"^/(static|media|i18n|logout|api)/|/(export|download)/?|[?&]format=|\.(docx|pdf|xlsx|csv|xml)\b"
)
ENGLISH = ("Not Found", "Forbidden", "Server Error", "Page not found")
PAGE_BUDGET = 400


def shape(url: str) -> str:
    parts = urlsplit(url)
    keys = sorted(re.findall(r"(?:^|&)([^=&]+)=", parts.query))
    return re.sub(r"\d+", "N", parts.path) + ("?" + "&".join(keys) if keys else "")


def crawl(client: Client) -> tuple[int, list[str]]:
    queue, seen, wrong, opened = deque(["/"]), {shape("/")}, [], 0
    while queue and opened < PAGE_BUDGET:
        url = queue.popleft()
        response = client.get(url, follow=True)
        opened += 1
        body = response.content.decode(errors="replace")
        if response.status_code != 200 or any(word in body for word in ENGLISH):
            wrong.append(f"{url}: {response.status_code}")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for link in HREF.findall(body):
            link = link.replace("&amp;", "&")
            if SKIP.search(link) or shape(link) in seen:
                continue
            seen.add(shape(link))
            queue.append(link)
    return opened, wrong


@pytest.mark.django_db
@pytest.mark.usefixtures("as_of_demo_day")
@pytest.mark.parametrize("persona", ["leader", "legal", "officer", "guicheng"])
def test_every_link_a_role_is_shown_opens_for_it(persona):
    client = Client()
    client.force_login(User.objects.get(username=persona))
    opened, wrong = crawl(client)
    assert opened > 20 and not wrong, f"{persona}: {opened} pages opened\n" + "\n".join(wrong)
