"""Warnings: issued, updated and lifted as CAP 1.2 messages that validate against the OASIS schema; the
public page and the Atom feed; CAP messages from other systems become drafts, bad ones are refused."""

from __future__ import annotations

import datetime

import pytest
from capvalidator.validate import Validator
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from lxml import etree

from emgov.preparedness import cap
from emgov.preparedness.models import EarlyWarning, WarningStatus
from emgov.preparedness.procedures import WARNING
from emgov.preparedness.services.warnings import warning_from_cap
from emgov.preparedness.tests.factories import event_type, warning

ATOM = "{http://www.w3.org/2005/Atom}"
C = {"c": cap.NS}


def valid(xml: bytes) -> etree._Element:
    """Checked by the capvalidator package itself (the OASIS CAP 1.2 XSD it ships)."""
    ok, message = Validator(xml).schema()
    assert ok, message
    return etree.fromstring(xml)


def test_a_warning_is_issued_updated_and_lifted_each_as_a_valid_cap_message(nanhai):
    officer = nanhai.district_officer
    rain = warning(event_type("暴雨洪涝"))
    assert valid(cap.build(rain)).findtext("c:status", namespaces=C) == "Draft"
    rain = WARNING.take("issue", rain, actor=officer)
    alert = valid(cap.build(rain))
    assert alert.findtext("c:msgType", namespaces=C) == "Alert"
    assert alert.findtext("c:info/c:severity", namespaces=C) == "Moderate"
    assert alert.findtext("c:info/c:area/c:areaDesc", namespaces=C) == "南海区全境"
    first_id = alert.findtext("c:identifier", namespaces=C)
    rain = WARNING.take(
        "update",
        rain,
        actor=officer,
        level="橙色",
        area="桂城街道、九江镇",
        expires=timezone.now() + datetime.timedelta(hours=12),
        description="雨势加强",
        measures="转移",
    )
    update = valid(cap.build(rain))
    assert update.findtext("c:msgType", namespaces=C) == "Update"
    assert first_id in update.findtext("c:references", namespaces=C)
    assert update.findtext("c:info/c:severity", namespaces=C) == "Severe"
    rain = WARNING.take("lift", rain, actor=officer, lift_reason="降雨减弱，风险解除")
    cancel = valid(cap.build(rain))
    assert cancel.findtext("c:msgType", namespaces=C) == "Cancel"
    assert len(cancel.findtext("c:references", namespaces=C).split()) == 2
    assert rain.status == WarningStatus.LIFTED and rain.message_count == 3


def test_no_warning_for_a_social_security_event_and_none_after_its_expiry(nanhai):
    riot = warning(event_type("群体性事件", category="社会安全事件", lead="应急"))
    with pytest.raises(ValidationError, match="社会安全事件不发布预警.*第六十三条"):
        WARNING.take("issue", riot, actor=nanhai.district_officer)
    late = warning(event_type("台风"), number="YJ-2", hours=-1)
    assert "失效时间已过" in WARNING.refusal(late, WARNING.step("issue"))


def test_towns_cannot_issue_warnings(nanhai):
    draft = warning(event_type())
    with pytest.raises(ValidationError, match="不能办理该环节"):
        WARNING.take("issue", draft, actor=nanhai.guicheng_officer)


def test_the_public_page_and_the_feed_show_the_warnings_in_force_only(nanhai):
    officer = nanhai.district_officer
    typhoon = event_type("台风")
    in_force = WARNING.take("issue", warning(typhoon, number="YJ-1", level="黄色"), actor=officer)
    lifted = WARNING.take("issue", warning(typhoon, number="YJ-2", level="蓝色"), actor=officer)
    WARNING.take("lift", lifted, actor=officer, lift_reason="台风远离")
    warning(typhoon, number="YJ-3", level="红色")  # a draft
    page = Client().get("/public/warnings/").content.decode()
    assert "南海区台风黄色预警" in page and "南海区台风蓝色预警" not in page and "红色" not in page
    public = Client().get(f"/public/warnings/{in_force.pk}/cap.xml")
    assert public["Content-Type"].startswith("application/cap+xml")
    valid(public.content)
    draft = EarlyWarning.objects.get(number="YJ-3")
    assert Client().get(f"/public/warnings/{draft.pk}/cap.xml").status_code == 404
    feed = etree.fromstring(Client().get("/public/warnings/feed.atom").content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "【已解除】南海区台风蓝色预警",
        "【黄色预警】南海区台风黄色预警",
    ]
    links = [
        link.get("href")
        for e in entries
        for link in e.findall(f"{ATOM}link")
        if link.get("type") == cap.CONTENT_TYPE
    ]
    for href in links:
        valid(Client().get(href).content)


def _incoming(**changes: str) -> bytes:
    values = {"event": "台风", "severity": "Severe", "expires": "2099-07-01T18:00:00+08:00", **changes}
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>GD-QX-2023-0701-01</identifier><sender>qxj.foshan</sender><sent>2023-07-01T08:00:00+08:00</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>zh-CN</language><category>Met</category><event>{values["event"]}</event>
    <urgency>Expected</urgency><severity>{values["severity"]}</severity><certainty>Likely</certainty>
    <onset>2023-07-01T08:00:00+08:00</onset><expires>{values["expires"]}</expires>
    <headline>佛山市气象台发布台风橙色预警</headline><description>台风“泰利”将影响我市。</description>
    <instruction>加固门窗，停止高空作业。</instruction><area><areaDesc>南海区</areaDesc></area></info>
</alert>""".encode()


def test_a_cap_message_from_another_system_becomes_a_draft(nanhai):
    event_type("台风")
    draft = warning_from_cap(actor=nanhai.district_officer, xml=_incoming())
    assert draft.status == WarningStatus.DRAFT and draft.level == "橙色" and draft.source == "外部CAP"
    assert draft.measures == "加固门窗，停止高空作业。" and draft.area == "南海区"
    with pytest.raises(ValidationError, match="已经导入过"):
        warning_from_cap(actor=nanhai.district_officer, xml=_incoming())


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b"<alert>", "不是格式正确的XML"),
        (_incoming(severity="Dangerous"), "不符合CAP 1.2模式"),
        (_incoming().replace(b"<sender>qxj.foshan</sender>", b""), "不符合CAP 1.2模式"),
        (_incoming(event="外星人入侵"), "不是已登记的突发事件类型"),
    ],
)
def test_a_bad_cap_message_is_refused_with_a_clear_error(nanhai, xml, message):
    event_type("台风")
    with pytest.raises(ValidationError, match=message):
        warning_from_cap(actor=nanhai.district_officer, xml=xml)
    assert not EarlyWarning.objects.exists()


def test_the_upload_page_turns_a_cap_file_into_a_draft_and_explains_a_bad_one(nanhai):
    event_type("台风")
    client = nanhai.client_for(nanhai.district_officer)
    bad = client.post("/preparedness/warnings/cap-upload/", {"file": SimpleUploadedFile("a.xml", b"<x")})
    assert bad.status_code == 200 and "不是格式正确的XML" in bad.content.decode()
    good = client.post(
        "/preparedness/warnings/cap-upload/", {"file": SimpleUploadedFile("a.xml", _incoming())}
    )
    assert good.status_code == 302 and EarlyWarning.objects.get().status == WarningStatus.DRAFT
    assert (
        nanhai.client_for(nanhai.guicheng_officer).get("/preparedness/warnings/cap-upload/").status_code
        == 404
    )
