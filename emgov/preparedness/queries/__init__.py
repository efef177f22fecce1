"""Reads of emergency preparedness that are reused: what is overdue, the responsibility matrix, the
warnings in force, the town comparison of command-post checks, the figures and the to-do providers."""

from emgov.preparedness.queries.overdue import (
    Due,
    enterprises_undrilled,
    evaluation_due,
    follow_ups_open,
    materials_below_minimum,
    materials_expiring,
    plans_in_force,
    plans_to_evaluate,
    plans_undrilled,
    teams_to_check,
    towns_undrilled,
)
from emgov.preparedness.queries.reads import matrix, town_comparison, warnings_in_force, year_figures
from emgov.preparedness.queries.todo import plan_todo, resources_todo, warning_todo

__all__ = [
    "Due",
    "enterprises_undrilled",
    "evaluation_due",
    "follow_ups_open",
    "materials_below_minimum",
    "materials_expiring",
    "matrix",
    "plan_todo",
    "plans_in_force",
    "plans_to_evaluate",
    "plans_undrilled",
    "resources_todo",
    "teams_to_check",
    "town_comparison",
    "towns_undrilled",
    "warning_todo",
    "warnings_in_force",
    "year_figures",
]
