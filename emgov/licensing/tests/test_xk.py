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
    assert [r["XK_XDR_MC"] for r in rows] == ["桂城烟花商行有限公司", "李*"]
    firm = rows[0]
    assert firm["XK_XDR_LB"] == "法人及非法人组织" and firm["XK_XDR_SHXYM"] == published.credit_code
    assert firm["XK_FRDB"] == "张三"
    assert firm["XK_XKWS"] == "准予行政许可决定书" and firm["XK_WSH"] == "（南海）应急许〔2023〕1号"
    assert firm["XK_XKLB"] == "普通" and firm["XK_XKZS"] == "烟花爆竹经营（零售）许可证"
    assert firm["XK_XKBH"] == "粤佛南烟零字〔2023〕1号"
    assert (firm["XK_JDRQ"], firm["XK_YXQZ"], firm["XK_YXQZI"]) == ("2023/06/01", "2023/06/05", "2024/06/04")
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


def test_the_command_takes_the_options_of_export_cf(nanhai, published, tmp_path, capsys):
    target = tmp_path / "xk.out"
    call_command(
        "export-xk", "--from", "2023-06-01", "--to", "2023-06-30", "--format", "xlsx", "-o", str(target)
    )
    assert "2 条" in capsys.readouterr().out
    rows = list(load_workbook(io.BytesIO(target.read_bytes())).active.iter_rows(values_only=True))
    assert list(rows[0]) == XK_COLUMNS
    assert [r[0] for r in rows[1:]] == ["桂城烟花商行有限公司", "李*"]
    assert rows[1][XK_COLUMNS.index("XK_JDRQ")] == "2023/06/01"  # text, as the platform's template has it
    csv_file = tmp_path / "xk.csv"
    call_command("export-xk", "--from", "2023-06-01", "--to", "2023-06-30", "-o", str(csv_file))
    assert [r["XK_WSH"] for r in read_csv(csv_file.read_bytes())][0] == "（南海）应急许〔2023〕1号"


def test_the_command_still_takes_the_file_as_its_last_argument(nanhai, published, tmp_path):
    target = tmp_path / "xk.csv"
    call_command("export-xk", "--from", "2023-06-01", "--to", "2023-06-30", str(target))
    assert len(read_csv(target.read_bytes())) == 2


def test_without_an_output_file_the_command_names_it_by_the_period(nanhai, published, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("export-xk", "--from", "2023-06-01", "--to", "2023-06-30", "--format", "csv")
    assert (tmp_path / "行政许可双公示_XK_20230601-20230630.csv").exists()


def test_a_natural_person_is_masked_as_on_the_penalty_pages_and_in_cf(nanhai, published):
    """The same `public_party` as the public penalty pages and cf_: the surname kept, no ID, no code."""
    from emgov.core.credit_export import PARTY_NATURAL, mask_person_name, public_party

    response = nanhai.client_for(nanhai.legal).get(
        "/licensing/licensing/export-xk/", {"start": "2023-06-01", "end": "2023-06-30", "fmt": "csv"}
    )
    data = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "李四" not in data
    person = read_csv(data.encode())[1]
    assert (
        person["XK_XDR_MC"]
        == mask_person_name("李四")
        == public_party(name="李四", category=PARTY_NATURAL).name
    )
    assert person["XK_XDR_LB"] == "自然人" and person["XK_FRDB"] == ""
    assert person["XK_XDR_ZJLX"] == person["XK_XDR_ZJHM"] == person["XK_XDR_SHXYM"] == ""


def test_a_bureau_without_a_credit_code_is_warned_of_before_the_export(nanhai, published, capsys, tmp_path):
    from emgov.core.models import Department

    Department.objects.filter(is_bureau=True).update(credit_code="")
    page = nanhai.client_for(nanhai.legal).get("/licensing/licensing/").content.decode()
    assert 'id="xk-warnings"' in page and "“佛山市南海区应急管理局”未登记统一社会信用代码" in page
    call_command("export-xk", "--from", "2023-06-01", "--to", "2023-06-30", "-o", str(tmp_path / "x.csv"))
    assert "佛山市南海区应急管理局”未登记统一社会信用代码" in capsys.readouterr().err


def test_a_bureau_with_its_credit_code_exports_it_and_is_not_warned_of(nanhai, published):
    from emgov.core.models import Department
    from emgov.publicity.tests.publication_helpers import org_code

    Department.objects.filter(is_bureau=True).update(credit_code=org_code(1))
    client = nanhai.client_for(nanhai.legal)
    assert 'id="xk-warnings"' not in client.get("/licensing/licensing/").content.decode()
    response = client.get(
        "/licensing/licensing/export-xk/", {"start": "2023-06-01", "end": "2023-06-30", "fmt": "csv"}
    )
    rows = read_csv(b"".join(response.streaming_content))
    assert {(r["XK_XKJGDM"], r["XK_LYDWDM"]) for r in rows} == {(org_code(1), org_code(1))}
