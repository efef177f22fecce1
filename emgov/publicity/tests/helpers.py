"""A disclosure request as the legal officer registers it and handles it, for the tests of this app."""

from __future__ import annotations

import datetime
from typing import Any

from emgov.publicity.models import DisclosureRequest
from emgov.publicity.procedures import DISCLOSURE_REQUEST
from emgov.publicity.services.requests import disclosure_request_register

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
    return disclosure_request_register(actor=actor, **data)


def take(step: str, request: DisclosureRequest, actor, **data: Any) -> DisclosureRequest:
    """Take a step of the request's procedure as the legal officer does on its page."""
    return DISCLOSURE_REQUEST.take(step, request, actor=actor, **data)


def reply(
    request: DisclosureRequest, actor, reply_type: str, replied_on: str, **data: Any
) -> DisclosureRequest:
    return take("reply", request, actor, reply_type=reply_type, replied_on=d(replied_on), **data)


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)
