"""The preparedness pages; `urls.py` and `public_urls.py` route to them."""

from emgov.preparedness.views.ledgers import (
    CommandPostCheckPages,
    DrillPages,
    EventTypePages,
    FollowUpPages,
    MaterialPages,
    PlanPages,
    StockMovementPages,
    TeamMemberPages,
    TeamPages,
)
from emgov.preparedness.views.warnings import WarningPages

__all__ = [
    "CommandPostCheckPages",
    "DrillPages",
    "EventTypePages",
    "FollowUpPages",
    "MaterialPages",
    "PlanPages",
    "StockMovementPages",
    "TeamMemberPages",
    "TeamPages",
    "WarningPages",
]
