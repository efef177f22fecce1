"""The schemas of the enforcement planning API (emgov.api.enforcement)."""

from __future__ import annotations

import datetime

from ninja import Schema

from emgov.enforcement.models import InspectionPlan, Operation, PlanPeriod
from emgov.enterprises.models import RiskLevel


class TargetOut(Schema):
    id: int
    town_code: str | None
    town_name: str | None
    industry: str
    risk_level: str
    count: int
    done: int


class InspectionPlanOut(Schema):
    id: int
    number: str
    name: str
    period: str
    year: int
    month: int | None
    department: str | None
    region_code: str | None
    version: int

    @staticmethod
    def resolve_department(obj: InspectionPlan) -> str | None:
        return str(obj.department) if obj.department_id else None

    @staticmethod
    def resolve_region_code(obj: InspectionPlan) -> str | None:
        return obj.region.code if obj.region_id else None


class PlanDetailOut(InspectionPlanOut):
    targets: list[TargetOut]

    @staticmethod
    def resolve_targets(obj: InspectionPlan) -> list[dict]:
        return obj.target_rows


class PlanIn(Schema):
    number: str
    name: str
    period: PlanPeriod
    year: int
    month: int | None = None
    notes: str = ""
    region_code: str | None = None


class TargetIn(Schema):
    count: int
    town_code: str | None = None
    industry: str = ""
    risk_level: RiskLevel | None = None


class DrawIn(Schema):
    size: int
    drawn_on: datetime.date | None = None
    town_code: str | None = None
    industry: str = ""
    risk_level: RiskLevel | None = None


class DrawnOfficer(Schema):
    name: str
    certificate_number: str


class DrawnRow(Schema):
    enterprise_id: int
    enterprise_name: str
    officers: list[DrawnOfficer]


class DrawOut(Schema):
    id: int
    number: str
    plan_id: int
    drawn_on: datetime.date
    size: int
    industry: str
    risk_level: str
    seed: int
    candidate_ids: list[int]
    officer_ids: list[int]
    recusal_pairs: list[list[int]]
    published_on: datetime.date | None


class DrawDetailOut(DrawOut):
    rows: list[DrawnRow]
    verified: bool


class OperationOut(Schema):
    id: int
    number: str
    kind: str
    name: str
    start_date: datetime.date
    end_date: datetime.date | None
    lead_department: str | None
    leader_name: str
    leader_level: str
    unannounced: bool
    visits: int
    enterprises: int
    towns: int

    @staticmethod
    def resolve_lead_department(obj: Operation) -> str | None:
        return str(obj.lead_department) if obj.lead_department_id else None

    @staticmethod
    def resolve_visits(obj: Operation) -> int:
        return obj.visits_n

    @staticmethod
    def resolve_enterprises(obj: Operation) -> int:
        return obj.enterprises_n

    @staticmethod
    def resolve_towns(obj: Operation) -> int:
        return obj.towns_n


class MonthOut(Schema):
    month: int
    met: bool
    operations: int
    missing_operations: int
    short_operations: list[str]
    towns_visited: int
    towns_total: int
    missing_towns: list[str]
