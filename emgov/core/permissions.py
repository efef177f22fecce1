"""Who may do what: the role sets every app's pages, steps and API refer to, defined once."""

from __future__ import annotations

from emgov.core.models import Role

ADMINS = frozenset({Role.ADMIN})
# 法制员: legal review, licensing, disclosure, publications, counsel, litigation, normative documents.
LEGAL_STAFF = frozenset({Role.ADMIN, Role.LEGAL})
# 依申请公开: those who handle the requests, and alone read an applicant's ID number and telephone.
DISCLOSURE_HANDLERS = LEGAL_STAFF
# Penalty cases: filed and run by officers, reviewed by the legal office.
CASE_STAFF = frozenset({Role.ADMIN, Role.LEGAL, Role.OFFICER})
# Inspections and hazards: the bureau's officers and the towns' officers.
FIELD_STAFF = frozenset({Role.ADMIN, Role.OFFICER, Role.TOWN})
# Field officers without the administrator (reminders are theirs).
FIELD_OFFICERS = frozenset({Role.OFFICER, Role.TOWN})
# Inspection plans: drawn up by officers and towns, approved by the leadership.
PLANNERS = frozenset({Role.ADMIN, Role.LEADER, Role.OFFICER, Role.TOWN})
# The annual report: drafted and adopted by the leadership.
REPORT_EDITORS = frozenset({Role.ADMIN, Role.LEADER})
# Everyone who works records (outreach, preparedness), not the read-only leadership.
STAFF = frozenset({Role.ADMIN, Role.LEGAL, Role.OFFICER, Role.TOWN})
# Warnings to the public: issued, adjusted and lifted by the district bureau (not the towns).
WARNING_ISSUERS = frozenset({Role.ADMIN, Role.OFFICER})
