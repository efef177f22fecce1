"""The Nanhai 2023 demo year: every ledger, loaded in dependency order after the base (regions, departments)."""

from __future__ import annotations

from emgov.demo import enforcement, enterprises, hazards, legal, outreach, penalties, people, preparedness
from emgov.demo.case_workflows import build_case_workflows
from emgov.demo.competition import build_competition
from emgov.demo.disclosure_requests import build_disclosure_requests
from emgov.demo.hazard_workflows import build_hazard_workflows
from emgov.demo.legal_workflows import enrich_legal_year
from emgov.demo.licensing_workflows import build_licensing_workflows
from emgov.demo.loader import Progress, load
from emgov.demo.numbers import DocumentNumbers
from emgov.demo.plans import build_plans
from emgov.demo.preparedness_work import build_preparedness_work
from emgov.demo.world import World

SEED = 20231204


def build_demo(*, progress: Progress = lambda line: None) -> None:
    """Build the year in memory from one seeded generator, then load it ledger by ledger."""
    world = World.new(SEED)
    numbers = DocumentNumbers()
    people.build_officers(world)
    enterprises.build_register(world)
    enforcement.plan_enforcement(world)
    hazards.build_hazards(world)
    tables = [
        ("departments", people.DEPARTMENT_HEADER, people.department_rows),
        ("officers", people.OFFICER_HEADER, lambda: people.officer_rows(world)),
        ("enterprises", enterprises.ENTERPRISE_HEADER, lambda: enterprises.enterprise_rows(world)),
        ("operations", enforcement.OPERATION_HEADER, lambda: enforcement.operation_rows(world)),
        ("inspections", enforcement.INSPECTION_HEADER, lambda: enforcement.inspection_rows(world)),
        ("hazards", hazards.HAZARD_HEADER, lambda: hazards.hazard_rows(world)),
        ("orders", hazards.ORDER_HEADER, lambda: hazards.order_rows(world, numbers)),
        ("penalties", penalties.PENALTY_HEADER, lambda: penalties.penalty_rows(world, numbers)),
        ("licensing", legal.LICENSING_HEADER, lambda: legal.licensing_rows(world)),
        ("counsel", legal.COUNSEL_HEADER, lambda: legal.counsel_rows(world)),
        ("litigation", legal.LITIGATION_HEADER, lambda: legal.litigation_rows(world)),
        ("normative-documents", legal.NORMATIVE_HEADER, legal.normative_rows),
        ("disclosures", legal.DISCLOSURE_HEADER, lambda: legal.disclosure_rows(world)),
        ("outreach", outreach.OUTREACH_HEADER, lambda: outreach.outreach_rows(world)),
        ("study-sessions", legal.STUDY_HEADER, lambda: legal.study_rows(world)),
        ("exams", people.EXAM_HEADER, lambda: people.exam_rows(world)),
        ("event-types", preparedness.EVENT_HEADER, preparedness.event_type_rows),
        ("plans", preparedness.PLAN_HEADER, lambda: preparedness.plan_rows(world)),
        ("drills", preparedness.DRILL_HEADER, lambda: preparedness.drill_rows(world)),
        ("teams", preparedness.TEAM_HEADER, lambda: preparedness.team_rows(world)),
        ("materials", preparedness.MATERIAL_HEADER, lambda: preparedness.material_rows(world)),
    ]
    for ledger_id, header, rows in tables:
        load(ledger_id, header, rows(), progress)
    enrich_legal_year()
    build_disclosure_requests()
    build_licensing_workflows()
    build_plans()
    build_hazard_workflows()
    build_case_workflows()
    build_competition()
    build_preparedness_work()
    people.link_demo_users()
