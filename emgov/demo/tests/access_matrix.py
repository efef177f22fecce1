"""Who may open which page and step, generated from the declarations, on the demo's records.

Every ledger (`LedgerPages`) in the URL tree, and every step of its procedure, is opened by each
persona: anonymous, each demo role, and a town officer of another town. What each must get follows
from the ledger's own rules: `queryset` (visible or 404), `can_edit` (create and edit, else 404) and
the procedure's `permits` (the step page, else 403). Each list page runs a pinned number of queries.

Collected by `test_demo.py`, which builds the demo once for all the checks on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from emgov.core.models import User
from emgov.core.navigation import menu_for, todo_for
from emgov.core.pages import LedgerPages
from emgov.demo.targets import AS_OF

PERSONAS = ("admin", "leader", "legal", "officer", "guicheng", "jiujiang")

# Queries of each list page for the legal officer: a change here is a change of the page's cost.
LIST_QUERIES: dict[str, int] = {
    "cases:discretion": 4,
    "cases:penalties": 7,
    "core:departments": 4,
    "core:holiday-years": 3,
    "core:holidays": 3,
    "core:numbering": 4,
    "core:officers": 5,
    "core:regions": 5,
    "core:rule-versions": 3,
    "enforcement:checklist-items": 4,
    "enforcement:draws": 5,
    "enforcement:hazards": 8,
    "enforcement:operations": 7,
    "enforcement:orders": 6,
    "enforcement:plans": 7,
    "enforcement:recusals": 5,
    "enforcement:visits": 9,
    "enterprises:enterprises": 7,
    "legal:counsel": 6,
    "legal:exams": 8,
    "legal:litigation": 6,
    "legal:normative-documents": 6,
    "legal:officers": 3,
    "legal:study-sessions": 6,
    "licensing:items": 4,
    "licensing:licensing": 8,  # and the bureau's credit code before the XK_ export
    "outreach:activities": 6,
    "outreach:competitions": 5,
    "outreach:prizes": 5,
    "outreach:questions": 5,
    "preparedness:command-post-checks": 6,
    "preparedness:drills": 7,
    "preparedness:event-types": 8,
    "preparedness:follow-ups": 6,
    "preparedness:materials": 9,  # and the warehouses to filter by
    "preparedness:plans": 8,
    "preparedness:stock-movements": 7,
    "preparedness:team-members": 6,
    "preparedness:teams": 8,
    "preparedness:warnings": 5,
    "publicity:disclosures": 7,
    "publicity:requests": 5,
}


def _walk(patterns, namespace: str = "") -> Iterator[tuple[str, object]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, p.namespace or namespace)
        elif isinstance(p, URLPattern):
            yield namespace, getattr(p.callback, "__self__", None)


def ledgers() -> list[LedgerPages]:
    found: dict[str, LedgerPages] = {}
    for namespace, owner in _walk(get_resolver().url_patterns):
        if isinstance(owner, LedgerPages) and owner.namespace == namespace:
            found.setdefault(f"{owner.namespace}:{owner.name}", owner)
    return [found[k] for k in sorted(found)]


def _users() -> dict[str, User]:
    return {u.username: u for u in User.objects.filter(username__in=PERSONAS)}


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _sample(pages: LedgerPages, users: dict[str, User]):
    """A live record that the 桂城 officer sees and the 九江 officer does not, else any live one."""
    live = pages.model.objects.all()
    if hasattr(pages.model, "voided_at"):
        live = live.filter(voided_at__isnull=True)
    theirs = pages.queryset(users["jiujiang"]).values("pk")
    return (
        live.filter(pk__in=pages.queryset(users["guicheng"]).values("pk")).exclude(pk__in=theirs).first()
        or live.first()
    )


def _expected(pages: LedgerPages, user: User, record, action: str, step=None) -> int:
    visible = record is None or pages.queryset(user).filter(pk=record.pk).exists()
    if action == "list":
        return 200
    if action == "create":
        return 200 if pages.can_edit(user) else 404
    if not visible:
        return 404
    if action == "detail":
        return 200
    if action == "edit":
        if not pages.can_edit(user):
            return 404
        return 302 if pages.edit_locked(record) else 200
    return 200 if pages.procedure.permits(user, step) else 403


def _urls(pages: LedgerPages, record) -> Iterator[tuple[str, str, object]]:
    yield "list", pages.url("list"), None
    if pages.form_class is not None:
        yield "create", pages.url("create"), None
    if record is None:
        return
    yield "detail", pages.url("detail", pk=record.pk), None
    if pages.form_class is not None:
        yield "edit", pages.url("edit", pk=record.pk), None
    for step in pages.procedure.steps if pages.procedure else ():
        yield f"step {step.name}", pages.url("step", pk=record.pk, step=step.name), step


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [None, *PERSONAS])
def test_every_page_and_step_answers_each_persona_as_its_rules_say(demo, django_db_blocker, persona):
    with django_db_blocker.unblock():
        users = _users()
        user = users.get(persona)
        client = _client(user)
        wrong = []
        for pages in ledgers():
            record = _sample(pages, users)
            for action, url, step in _urls(pages, record):
                got = client.get(url).status_code
                want = 302 if user is None else _expected(pages, user, record, action, step)
                if got != want:
                    wrong.append(f"{url} ({pages.namespace}:{pages.name} {action}): {got}, expected {want}")
    assert not wrong, f"{persona or '匿名'}:\n" + "\n".join(wrong)


@pytest.mark.django_db
def test_each_list_page_runs_its_pinned_number_of_queries(demo, django_db_blocker):
    with django_db_blocker.unblock():
        client = _client(_users()["legal"])
        client.get("/")
        counts = {}
        for pages in ledgers():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(pages.url("list")).status_code == 200
            counts[f"{pages.namespace}:{pages.name}"] = len(queries)
    assert counts == LIST_QUERIES


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_link_of_the_menu_and_the_todo_list_opens_for_its_persona(demo, django_db_blocker, persona):
    with django_db_blocker.unblock():
        user = _users()[persona]
        client = _client(user)
        # The ledgers' own pages are opened by the matrix above; the menu's other pages here.
        covered = {pages.url("list") for pages in ledgers()}
        links = [
            link["url"] for area in menu_for(user) for link in area["links"] if link["url"] not in covered
        ]
        kinds = {}
        for item in todo_for(user, AS_OF):
            kinds.setdefault(item.kind, item.url)  # one of each kind: they share their page
        links += [url for url in kinds.values() if url]
        wrong = [
            f"{url}: {status}"
            for url in dict.fromkeys(links)
            if (status := client.get(url).status_code) != 200
        ]
    assert links and not wrong, f"{persona}:\n" + "\n".join(wrong)
