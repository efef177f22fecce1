"""Every write of the cases app. A case is created by `open` (立案, or the on-the-spot decision of the
summary procedure); every later step is taken through `cases.procedures.PENALTY_CASE.take`, which calls
the step's function in `investigation`, `hearing`, `decisions` or `execution`.

Other apps import from here: `case_open` and `hazard_case_blocker` (the hazard step of `cases.hazard_steps`).
"""

from emgov.cases.services.open import (
    HAZARD_CASE_ARTICLE,
    case_open,
    case_summary_decide,
    hazard_case,
    hazard_case_blocker,
    site_photos,
)

__all__ = [
    "HAZARD_CASE_ARTICLE",
    "case_open",
    "case_summary_decide",
    "hazard_case",
    "hazard_case_blocker",
    "site_photos",
]
