from emgov.core.models.attachments import Attachment
from emgov.core.models.audit import AuditAction, AuditEntry
from emgov.core.models.base import DomainModel, DomainQuerySet, ReferenceModel
from emgov.core.models.calendar import BusinessDate, HolidayOverride, HolidayYear
from emgov.core.models.jobs import ExportJob, ExportState, ImportJob, ImportState
from emgov.core.models.numbering import DocumentNumberTemplate, DocumentSequence
from emgov.core.models.officers import Officer
from emgov.core.models.regions import Department, Region, RegionLevel
from emgov.core.models.rules import RuleVersion
from emgov.core.models.users import ApiToken, Role, User

__all__ = [
    "ApiToken",
    "Attachment",
    "BusinessDate",
    "AuditAction",
    "AuditEntry",
    "Department",
    "DocumentNumberTemplate",
    "DocumentSequence",
    "DomainModel",
    "DomainQuerySet",
    "HolidayOverride",
    "HolidayYear",
    "ExportJob",
    "ExportState",
    "ImportJob",
    "ImportState",
    "Officer",
    "ReferenceModel",
    "Region",
    "RegionLevel",
    "Role",
    "RuleVersion",
    "User",
]
