"""The records of the publicity app, one module per workflow; imported from here by every other module."""

from emgov.publicity.models.disclosures import DisclosureItem
from emgov.publicity.models.publications import Publication, PublicationKind
from emgov.publicity.models.requests import (
    DeliveryRoute,
    DisclosureRequest,
    InformationFormat,
    ReplyType,
    RequestChannel,
    RequestStatus,
)

__all__ = [
    "DeliveryRoute",
    "DisclosureItem",
    "DisclosureRequest",
    "InformationFormat",
    "Publication",
    "PublicationKind",
    "ReplyType",
    "RequestChannel",
    "RequestStatus",
]
