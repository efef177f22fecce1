"""A disclosure request as the legal officer registers it, for the tests of this app."""

from __future__ import annotations

import datetime
from typing import Any

from emgov.publicity import services
from emgov.publicity.models import DisclosureRequest

ID_NUMBER = "440605199001011234"
PHONE = "13912345678"


def register(actor, received: str = "2023-09-27", **fields: Any) -> DisclosureRequest:
    day = datetime.date.fromisoformat(received)
    data = {
        "applicant_name": "陈志明",
        "applicant_id_number": ID_NUMBER,
        "applicant_phone": PHONE,
        "channel": "当面",
        "submitted_on": day,
        "received_on": day,
        "description": "2023年安全生产执法检查计划",
        "format_wanted": "电子数据",
        "delivery_wanted": "电子邮件",
        **fields,
    }
    return services.disclosure_request_register(actor=actor, **data)


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)
