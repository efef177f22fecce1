"""Writes of the reports app: the annual report's narrative, per year and region."""

from __future__ import annotations

from django.db import transaction

from emgov.core.models import Region, User
from emgov.core.services import VIA_WEB, record_create, record_update
from emgov.reports.default_narrative import DEFAULT_BODY, DEFAULT_TITLE
from emgov.reports.models import ReportNarrative


def narrative_stored(year: int, region: Region) -> ReportNarrative | None:
    return ReportNarrative.objects.filter(year=year, region=region).first()


def narrative_for(year: int, region: Region) -> tuple[str, str, ReportNarrative | None]:
    """(title, body, the stored narrative or None): the year's own text, else the latest earlier
    year's text of the region (a fresh year starts from the previous one), else the shipped default."""
    own = narrative_stored(year, region)
    if own:
        return own.title, own.body, own
    earlier = ReportNarrative.objects.filter(region=region, year__lt=year).order_by("-year").first()
    if earlier:
        return earlier.title, earlier.body, None
    return DEFAULT_TITLE, DEFAULT_BODY, None


@transaction.atomic
def narrative_save(
    *,
    actor: User | None,
    year: int,
    region: Region,
    title: str,
    body: str,
    expected_version: int | None = None,
    via: str = VIA_WEB,
) -> ReportNarrative:
    """Store the year's narrative for the region: the first save creates it, later ones change it."""
    body = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").split("\n")).strip() + "\n"
    current = ReportNarrative.objects.filter(year=year, region=region).first()
    if current is None:
        narrative = ReportNarrative(year=year, region=region, title=title.strip(), body=body)
        return record_create(narrative, actor=actor, via=via)
    return record_update(
        current,
        actor=actor,
        changes={"title": title.strip(), "body": body},
        expected_version=expected_version,
        via=via,
    )
