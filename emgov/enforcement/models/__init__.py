"""Enforcement records: operations, visits, hazards, orders."""

from emgov.enforcement.models.inspections import (
    Hazard,
    HazardGrade,
    HazardStatus,
    Order,
    OrderType,
    ReviewResult,
    Visit,
    VisitNature,
)
from emgov.enforcement.models.operations import LeaderLevel, Operation, OperationKind

__all__ = [
    "Hazard",
    "HazardGrade",
    "HazardStatus",
    "LeaderLevel",
    "Operation",
    "OperationKind",
    "Order",
    "OrderType",
    "ReviewResult",
    "Visit",
    "VisitNature",
]
