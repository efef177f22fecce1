"""Enforcement records: operations, visits, hazards, orders."""

from emgov.enforcement.models.checklists import Answer, ChecklistAnswer, ChecklistItem, ChecklistPart
from emgov.enforcement.models.drafts import VisitDraft, VisitDraftSignature
from emgov.enforcement.models.fieldwork import Reinspection, ReinspectionFinding, SignerRole, VisitSignature
from emgov.enforcement.models.inspections import (
    Hazard,
    HazardGrade,
    HazardStatus,
    Order,
    OrderType,
    ReleaseGround,
    ReviewResult,
    SeizureDisposal,
    Visit,
    VisitNature,
    standard_clause,
)
from emgov.enforcement.models.operations import LeaderLevel, Operation, OperationKind
from emgov.enforcement.models.plans import Draw, InspectionPlan, PlanPeriod, PlanTarget, Recusal

__all__ = [
    "Answer",
    "ChecklistAnswer",
    "ChecklistItem",
    "ChecklistPart",
    "Draw",
    "Hazard",
    "HazardGrade",
    "HazardStatus",
    "InspectionPlan",
    "LeaderLevel",
    "Operation",
    "OperationKind",
    "Order",
    "OrderType",
    "PlanPeriod",
    "PlanTarget",
    "Recusal",
    "Reinspection",
    "ReinspectionFinding",
    "ReleaseGround",
    "ReviewResult",
    "SeizureDisposal",
    "SignerRole",
    "Visit",
    "VisitDraft",
    "VisitDraftSignature",
    "VisitNature",
    "VisitSignature",
    "standard_clause",
]
