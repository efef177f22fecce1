"""执法证考试: the officers' certificate exams (the officers and certificates are core.Officer)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel, Officer


class ExamResult(DomainModel):
    """执法证考试: an officer's result in one year's certificate exam."""

    year = models.PositiveIntegerField(_("年度"), db_index=True)
    officer = models.ForeignKey(
        Officer, verbose_name=_("执法人员"), on_delete=models.PROTECT, related_name="exams"
    )
    score = models.DecimalField(_("成绩"), max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField(_("是否通过"))

    scope = ()

    class Meta:
        verbose_name = _("执法证考试")
        verbose_name_plural = _("执法证考试")
        ordering = ["-year", "officer__certificate_number"]
        constraints = [models.UniqueConstraint(fields=["year", "officer"], name="one_exam_result_per_year")]

    def __str__(self) -> str:
        return f"{self.year} {self.officer.name}"
