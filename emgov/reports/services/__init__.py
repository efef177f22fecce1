"""Writes of the reports app: the annual report's narrative, per year and region."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

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


def stale_narrative(year: int) -> ValidationError:
    return ValidationError(
        _(
            "%(year)s年报告文稿已由他人先行保存，您的修改未保存。您的文字保留在编辑框中，请对照下方的最新文稿后"
            "再次保存（再次保存将以您的文字替换最新文稿）。"
        )
        % {"year": year},
        code="stale",
    )


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
    """Store the year's narrative for the region: the first save creates it, later ones change it.

    Every save is checked against the version the writer started from (`expected_version`, None when
    the year had no narrative of its own): a writer whose year was saved by someone else in between is
    refused (`stale_narrative`), the first save included, so that two people editing the same year never
    overwrite each other unseen."""
    try:
        with transaction.atomic():
            return _save(actor, year, region, title, body, expected_version, via)
    except IntegrityError:  # two first saves at once: the unique (year, region) refuses the second
        raise stale_narrative(year) from None


def _save(actor, year, region, title, body, expected_version, via) -> ReportNarrative:
    body = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").split("\n")).strip() + "\n"
    current = ReportNarrative.objects.select_for_update().filter(year=year, region=region).first()
    if current is None:
        if expected_version is not None:
            raise stale_narrative(year)
        narrative = ReportNarrative(year=year, region=region, title=title.strip(), body=body)
        return record_create(narrative, actor=actor, via=via)
    if expected_version is None or expected_version != current.version:
        raise stale_narrative(year)
    return record_update(
        current,
        actor=actor,
        changes={"title": title.strip(), "body": body},
        expected_version=expected_version,
        via=via,
    )


def narrative_last_writer(narrative: ReportNarrative) -> User | None:
    """Who saved the narrative last (its latest audit entry)."""
    from emgov.core.models import AuditEntry

    entry = (
        AuditEntry.objects.filter(
            content_type__app_label="reports",
            content_type__model="reportnarrative",
            object_id=str(narrative.pk),
        )
        .select_related("actor")
        .order_by("-at", "-id")
        .first()
    )
    return entry.actor if entry else None
