"""The 双公示 export in the XK_ field standard, from the list page and from `emgov export-xk`."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from emgov.enterprises.tests.test_views import make_enterprise
from emgov.licensing.procedures import LICENSING_CASE
from emgov.licensing.tests.factories import D, granted, make_item
from emgov.licensing.xk import XK_COLUMNS

pytestmark = pytest.mark.django_db

PHONE = "13800138000"


@pytest.fixture
def published(nanhai):
    firm = make_enterprise(
        nanhai.guicheng, 1, name="桂城烟花商行有限公司", legal_representative="张三", phone=PHONE
    )
    item = make_item(validity_years=1)
    case = granted(item, D(2023, 6, 1), "SL1", enterprise=firm)
    case = LICENSING_CASE.take(
        "certificate",
        case,
        actor=nanhai.legal,
        issued_on=D(2023, 6, 5),
        certificate_number="粤佛南烟零字〔2023〕1号",
    )
    LICENSING_CASE.take("publish", case, actor=nanhai.legal, published_on=D(2023, 6, 6))
    person = granted(item, D(2023, 6, 10), "SL2", applicant="李四")
    LICENSING_CASE.take("publish", person, actor=nanhai.legal, published_on=D(2023, 6, 12))
    outside = granted(item, D(2023, 8, 1), "SL3")
    LICENSING_CASE.take("publish", outside, actor=nanhai.legal, published_on=D(2023, 8, 2))
    granted(item, D(2023, 6, 2), "SL4")  # decided, not published
    return firm


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_export_has_the_xk_columns_and_values(nanhai, published):
    response = nanhai.client_for(nanhai.legal).get(
        "/licensing/licensing/export-xk/", {"start": "2023-06-01", "end": "2023-06-30", "fmt": "csv"}
    )
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header == XK_COLUMNS
    rows = read_csv(data)
    assert [r["XK_XDR_MC"] for r in rows] == ["桂城烟花商行有限公司", "李四"]
    firm = rows[0]
    assert firm["XK_XDR_LB"] == "法人及非法人组织" and firm["XK_XDR_SHXYM"] == published.credit_code
    assert firm["XK_FRDB"] == "张三"
    assert firm["XK_XKWS"] == "准予行政许可决定书" and firm["XK_WSH"] == "（南海）应急许〔2023〕1号"
    assert firm["XK_XKLB"] == "普通" and firm["XK_XKZS"] == "烟花爆竹经营（零售）许可证"
    assert firm["XK_XKBH"] == "粤佛南烟零字〔2023〕1号"
    assert (firm["XK_JDRQ"], firm["XK_YXQZ"], firm["XK_YXQZI"]) == ("2023-06-01", "2023-06-05", "2024-06-04")
    assert firm["XK_XKJG"] == firm["XK_LYDW"] == "佛山市南海区应急管理局"
    assert firm["XK_ZT"] == "1"
    person = rows[1]
    assert person["XK_XDR_LB"] == "自然人" and person["XK_XDR_SHXYM"] == ""


def test_the_export_holds_no_private_data(nanhai, published):
    response = nanhai.client_for(nanhai.legal).get(
        "/licensing/licensing/export-xk/", {"start": "2023-06-01", "end": "2023-06-30", "fmt": "csv"}
    )
    data = b"".join(response.streaming_content).decode("utf-8-sig")
    assert PHONE not in data
    for row in read_csv(data.encode()):
        assert row["XK_FR_ZJLX"] == row["XK_FR_SFZH"] == row["XK_XDR_ZJLX"] == row["XK_XDR_ZJHM"] == ""


def test_the_export_is_scoped_to_the_users_towns(nanhai, published):
    response = nanhai.client_for(nanhai.jiujiang_officer).get(
        "/licensing/licensing/export-xk/", {"start": "2023-06-01", "end": "2023-06-30", "fmt": "csv"}
    )
    names = [r["XK_XDR_MC"] for r in read_csv(b"".join(response.streaming_content))]
    assert "桂城烟花商行有限公司" not in names


def test_a_reversed_period_is_refused_in_chinese(nanhai):
    response = nanhai.client_for(nanhai.legal).get(
        "/licensing/licensing/export-xk/",
        {"start": "2023-06-30", "end": "2023-06-01", "fmt": "xlsx"},
        follow=True,
    )
    assert "公示日期至不能早于公示日期自" in response.content.decode()


def test_the_command_writes_an_xlsx_of_the_period(nanhai, published, tmp_path, capsys):
    target = tmp_path / "xk.xlsx"
    call_command("export-xk", "--from", "2023-06-01", "--to", "2023-06-30", str(target))
    assert "2 条" in capsys.readouterr().out
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert list(rows[0]) == XK_COLUMNS
    assert [r[0] for r in rows[1:]] == ["桂城烟花商行有限公司", "李四"]
    assert rows[1][XK_COLUMNS.index("XK_JDRQ")].date() == D(2023, 6, 1)
