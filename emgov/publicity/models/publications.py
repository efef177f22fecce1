"""双公示: the publication of penalty and licensing decisions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel


class PublicationKind(models.TextChoices):
    """双公示: which kind of decision a publication carries."""

    PENALTY = "行政处罚", _("行政处罚")
    LICENSING = "行政许可", _("行政许可")


class Publication(DomainModel):
    """双公示: one publication of a decision, from its publication day to its withdrawal (撤销公示), if any.

    A decision corrected after publication is withdrawn with a reason and published again: each
    publication is its own record, the decision's 公示日期 follows the one in force.
    """

    kind = models.CharField(_("公示类别"), max_length=4, choices=PublicationKind.choices, editable=False)
    penalty_case = models.ForeignKey(
        "cases.PenaltyCase",
        verbose_name=_("行政处罚决定"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    licensing_case = models.ForeignKey(
        "licensing.LicensingCase",
        verbose_name=_("行政许可决定"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    decision_number = models.CharField(_("决定文书号"), max_length=80, blank=True)
    party_name = models.CharField(_("当事人"), max_length=200, blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    published_on = models.DateField(_("公示日期"), db_index=True)
    published_by = models.ForeignKey(
        "core.User",
        verbose_name=_("公示人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn_on = models.DateField(_("撤销公示日期"), null=True, blank=True)
    withdraw_reason = models.CharField(_("撤销公示原因"), max_length=500, blank=True)
    withdrawn_by = models.ForeignKey(
        "core.User",
        verbose_name=_("撤销人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    scope = (
        "penalty_case__enterprise__town",
        "penalty_case__visit__enterprise__town",
        "penalty_case__region",
        "licensing_case__enterprise__town",
        "licensing_case__region",
    )

    class Meta:
        verbose_name = _("双公示记录")
        verbose_name_plural = _("双公示记录")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(penalty_case__isnull=False, licensing_case__isnull=True)
                    | models.Q(penalty_case__isnull=True, licensing_case__isnull=False)
                ),
                name="publication_one_decision",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.decision_number or self.party_name} {self.published_on:%Y-%m-%d}"

    @property
    def decision(self):
        return self.penalty_case if self.penalty_case_id else self.licensing_case

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None and self.voided_at is None

    def clean(self) -> None:
        errors = {}
        if self.decided_on and self.published_on and self.published_on < self.decided_on:
            errors["published_on"] = ValidationError(
                _("公示日期不能早于决定日期"), code="published_before_decided"
            )
        if self.withdrawn_on and self.published_on and self.withdrawn_on < self.published_on:
            errors["withdrawn_on"] = ValidationError(
                _("撤销公示日期不能早于公示日期"), code="withdrawn_before_published"
            )
        if self.withdrawn_on and not (self.withdraw_reason or "").strip():
            errors["withdraw_reason"] = ValidationError(_("撤销公示必须填写原因"), code="reason_required")
        if errors:
            raise ValidationError(errors, code="invalid")
