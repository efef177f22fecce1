from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models.base import ReferenceModel


class DocumentNumberTemplate(ReferenceModel):
    """文号模板: how the numbers of one document type read, e.g. （南海）应急罚〔{year}〕{n}号."""

    doc_type = models.CharField(_("文书类型"), max_length=50, unique=True)
    template = models.CharField(_("文号模板"), max_length=100)

    class Meta:
        verbose_name = _("文号模板")
        verbose_name_plural = _("文号模板")
        ordering = ["doc_type"]

    def __str__(self) -> str:
        return f"{self.doc_type}: {self.template}"

    def clean(self) -> None:
        if "{n}" not in self.template or "{year}" not in self.template:
            raise ValidationError(
                {"template": _("文号模板必须包含 {year} 和 {n}")}, code="template_placeholders"
            )
        try:
            self.render(2023, 1)
        except (KeyError, IndexError, ValueError) as exc:
            raise ValidationError(
                {"template": _("文号模板格式有误：%(e)s") % {"e": exc}}, code="template_invalid"
            ) from exc

    def render(self, year: int, n: int) -> str:
        return self.template.format(year=year, n=n)


class DocumentSequence(models.Model):
    """The last number taken for one document type in one year."""

    doc_type = models.CharField(max_length=50)
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["doc_type", "year"], name="one_sequence_per_type_year")
        ]

    def __str__(self) -> str:
        return f"{self.doc_type} {self.year}: {self.last_number}"
