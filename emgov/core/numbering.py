"""Document numbers (文号): one gap-free sequence per document type and year."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from emgov.core.models import DocumentNumberTemplate, DocumentSequence


def _sequence_row(doc_type: str, year: int) -> None:
    if DocumentSequence.objects.filter(doc_type=doc_type, year=year).exists():
        return
    try:
        with transaction.atomic():
            DocumentSequence.objects.create(doc_type=doc_type, year=year, last_number=0)
    except IntegrityError:
        pass  # another transaction created it first


def number_take(doc_type: str, *, year: int) -> str:
    """Take the next number of `doc_type` for `year`.

    Call it inside the transaction that stores the document: the number is taken by a row-locking
    UPDATE, so two concurrent callers get different numbers, and a rolled-back transaction gives its
    number back, leaving no gap.
    """
    try:
        template = DocumentNumberTemplate.objects.get(doc_type=doc_type)
    except DocumentNumberTemplate.DoesNotExist:
        raise ValidationError(
            _("未设置“%(type)s”的文号模板，请系统管理员在“文号模板”中设置。") % {"type": doc_type},
            code="no_template",
        ) from None
    with transaction.atomic():
        _sequence_row(doc_type, year)
        DocumentSequence.objects.filter(doc_type=doc_type, year=year).update(last_number=F("last_number") + 1)
        n = DocumentSequence.objects.get(doc_type=doc_type, year=year).last_number
    return template.render(year, n)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{year\}|\{n\})", template)
    regex = "".join(
        r"(?P<year>\d{4})" if p == "{year}" else r"(?P<n>\d+)" if p == "{n}" else re.escape(p) for p in parts
    )
    return re.compile(f"^{regex}$")


def numbers_observe(doc_type: str, numbers: Iterable[str]) -> None:
    """Move the sequences past numbers that were written without taking them (an imported ledger), so
    that the next number taken is not one already in use. Numbers not in the template's shape are ignored."""
    template = DocumentNumberTemplate.objects.filter(doc_type=doc_type).first()
    if template is None:
        return
    pattern = _pattern(template.template)
    highest: dict[int, int] = {}
    for number in numbers:
        match = pattern.match(number or "")
        if match:
            year, n = int(match["year"]), int(match["n"])
            highest[year] = max(highest.get(year, 0), n)
    with transaction.atomic():
        for year, n in highest.items():
            _sequence_row(doc_type, year)
            DocumentSequence.objects.filter(doc_type=doc_type, year=year, last_number__lt=n).update(
                last_number=n
            )
