"""Every write of the preparedness app: the step functions of its procedures and the CAP intake."""

from emgov.preparedness.services import drills, plans, stock, warnings

__all__ = ["drills", "plans", "stock", "warnings"]
