"""What an officer records on site beyond the visit itself: the signatures on the 现场检查记录, and the
re-inspection (复查) of the hazards found, a record of its own with its officers and a conclusion and
photos per hazard."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from emgov.core.models import DomainModel, Officer
from emgov.enforcement.models.inspections import Hazard, Visit


class SignerRole(models.TextChoices):
    OFFICER = "执法人员", _("执法人员")
    PARTY = "被检查单位", _("被检查单位现场负责人")
    WITNESS = "见证人", _("见证人")


def signature_path(instance: VisitSignature, filename: str) -> str:
    return f"signatures/{instance.visit.date:%Y/%m}/{instance.visit.number}-{filename}"


class SignatureFields(models.Model):
    """Who signs the 现场检查记录 and how: an officer, the party's person in charge (or their refusal), a
    witness; the same on a visit and on its draft."""

    role = models.CharField(_("签名人身份"), max_length=5, choices=SignerRole.choices)
    name = models.CharField(_("签名人"), max_length=50)
    officer = models.ForeignKey(
        Officer, verbose_name=_("执法人员"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    refused = models.BooleanField(_("拒绝签名"), default=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.name}"

    def clean(self) -> None:
        if self.refused and self.role != SignerRole.PARTY:
            raise ValidationError(
                {"refused": _("只有被检查单位可以记录为拒绝签名")}, code="refused_not_party"
            )
        if not self.refused and not self.image:
            raise ValidationError({"image": _("%(who)s未签名") % {"who": self.name}}, code="unsigned")


class VisitSignature(DomainModel, SignatureFields):
    """A signature on the 现场检查记录, drawn on the screen; a party who refuses to sign is recorded as such,
    with the witness who saw it."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("检查记录"), on_delete=models.PROTECT, related_name="signatures"
    )
    image = models.FileField(_("签名"), upload_to=signature_path, max_length=200, blank=True)

    scope = ("visit__enterprise__town",)
    # The image is the record's content, not a value to list in its history.
    audit_exclude = (*DomainModel.audit_exclude, "image")

    class Meta:
        verbose_name = _("现场签名")
        verbose_name_plural = _("现场签名")
        ordering = ["visit", "pk"]


class Reinspection(DomainModel):
    """复查: the hazards of a visit looked at again on site by at least two officers, each concluded."""

    number = models.CharField(_("复查编号"), max_length=60, unique=True)
    visit = models.ForeignKey(
        Visit, verbose_name=_("检查记录"), on_delete=models.PROTECT, related_name="reinspections"
    )
    date = models.DateField(_("复查日期"), db_index=True)
    officers = models.ManyToManyField(Officer, verbose_name=_("复查人员"), related_name="reinspections")
    opinion = models.TextField(_("复查意见"), blank=True)

    scope = ("visit__enterprise__town",)

    class Meta:
        verbose_name = _("整改复查")
        verbose_name_plural = _("整改复查")
        ordering = ["-date", "-number"]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        if self.visit_id and self.date and self.date < self.visit.date:
            raise ValidationError(
                {"date": _("复查日期不能早于检查日期（%(d)s）") % {"d": self.visit.date}}, code="before_visit"
            )


class ReinspectionFinding(DomainModel):
    """One hazard's conclusion on a re-inspection, with its photos."""

    reinspection = models.ForeignKey(
        Reinspection, verbose_name=_("整改复查"), on_delete=models.PROTECT, related_name="findings"
    )
    hazard = models.ForeignKey(
        Hazard, verbose_name=_("隐患"), on_delete=models.PROTECT, related_name="reinspection_findings"
    )
    passed = models.BooleanField(_("整改合格"))
    note = models.CharField(_("复查情况"), max_length=500, blank=True)
    attachments = GenericRelation("core.Attachment")

    scope = ("reinspection__visit__enterprise__town",)

    class Meta:
        verbose_name = _("复查结论")
        verbose_name_plural = _("复查结论")
        ordering = ["reinspection", "hazard__number"]
        constraints = [
            models.UniqueConstraint(fields=["reinspection", "hazard"], name="reinspection_hazard_once")
        ]

    def __str__(self) -> str:
        return f"{self.hazard} {'合格' if self.passed else '不合格'}"
