from emgov.cases.models.case import (
    DECISION_DOC_TYPE,
    REVIEW_POINTS,
    SUMMARY_FINE_LIMIT_ORGANISATION,
    SUMMARY_FINE_LIMIT_PERSON,
    SUMMARY_KINDS,
    CaseStage,
    PartyType,
    PenaltyCase,
    PenaltyKind,
    Procedure,
)
from emgov.cases.models.discretion import Circumstance, DiscretionGrade, DiscretionItem, DiscretionVersion
from emgov.cases.models.steps import (
    CaseChallenge,
    CaseStep,
    ChallengeKind,
    DeadlineExtension,
    Evidence,
    EvidenceType,
)

__all__ = [
    "DECISION_DOC_TYPE",
    "REVIEW_POINTS",
    "SUMMARY_FINE_LIMIT_ORGANISATION",
    "SUMMARY_FINE_LIMIT_PERSON",
    "SUMMARY_KINDS",
    "CaseChallenge",
    "CaseStage",
    "CaseStep",
    "ChallengeKind",
    "Circumstance",
    "DeadlineExtension",
    "DiscretionGrade",
    "DiscretionItem",
    "DiscretionVersion",
    "Evidence",
    "EvidenceType",
    "PartyType",
    "PenaltyCase",
    "PenaltyKind",
    "Procedure",
]
