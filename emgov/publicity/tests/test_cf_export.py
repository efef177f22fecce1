"""The 双公示 export of penalty decisions in the credit platform's "cf_" standard: page, command, privacy, scope."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from emgov.core.credit_export import mask_person_name, scrub_private, wan_yuan
from emgov.publicity.services.cf import CF_COLUMNS
from emgov.publicity.services.publications import publication_publish
from emgov.publicity.tests.publication_helpers import (
    ADDRESS,
    ID_NUMBER,
    PERSON,
    PERSON_MASKED,
    PHONE,
    d,
    firm_penalty,
    person_penalty,
)

pytestmark = pytest.mark.django_db

EXPORT = "/publicity/publications/export/"
PERIOD = {"start": "2023-10-01", "end": "2023-10-31"}


@pytest.fixture
def published(nanhai, today):
    today("2023-11-20")
    firm = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕1号", decided="2023-09-28", fine="12345.67")
    person = person_penalty(nanhai.jiujiang, "（南海）应急罚〔2023〕2号", decided="2023-10-09", fine="200")
    outside = firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕3号", 3, decided="2023-11-01")
    firm_penalty(nanhai.guicheng, "（南海）应急罚〔2023〕4号", 4, decided="2023-10-09")  # not published
    publication_publish(actor=nanhai.legal, case=firm, on=d("2023-10-09"))
    publication_publish(actor=nanhai.legal, case=person, on=d("2023-10-10"))
    publication_publish(actor=nanhai.legal, case=outside, on=d("2023-11-02"))
    return firm, person


def download(client, fmt: str, **params) -> bytes:
    response = client.get(EXPORT, {**PERIOD, "fmt": fmt, **params})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel opens it as UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def xlsx_rows(data: bytes) -> list[dict]:
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert list(rows[0]) == CF_COLUMNS
    return [dict(zip(CF_COLUMNS, row, strict=True)) for row in rows[1:]]


def test_the_csv_has_the_cf_columns_amounts_in_wan_yuan_and_standard_dates(nanhai, published):
    firm, _person = published
    data = download(nanhai.client_for(nanhai.legal), "csv")
    assert next(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == CF_COLUMNS
    rows = csv_rows(data)
    assert [r["cf_wsh"] for r in rows] == ["（南海）应急罚〔2023〕1号", "（南海）应急罚〔2023〕2号"]
    row = rows[0]
    assert row["cf_xdr_mc"] == firm.party_name and row["cf_xdr_lb"] == "法人及非法人组织"
    assert row["cf_xdr_shxym"] == firm.party_credit_code and row["cf_frdb"] == "黄志强"
    assert row["cf_nr_fk"] == "1.234567"  # 12,345.67 yuan
    assert row["cf_jdrq"] == "2023/09/28" and row["cf_gsjzq"] == "2024/09/28"
    assert row["cf_cflb"] == "罚款" and row["cf_yj"].startswith("《中华人民共和国安全生产法》")
    assert row["cf_cfjg"] == row["cf_sjly"] == "佛山市南海区应急管理局"
    assert rows[1]["cf_nr_fk"] == "0.020000"


def test_the_xlsx_cells(nanhai, published):
    rows = xlsx_rows(download(nanhai.client_for(nanhai.legal), "xlsx"))
    assert len(rows) == 2
    assert Decimal(str(rows[0]["cf_nr_fk"])) == Decimal("1.234567")
    assert rows[0]["cf_jdrq"] == "2023/09/28"


def test_a_natural_persons_private_data_is_not_exported(nanhai, published):
    client = nanhai.client_for(nanhai.legal)
    text = download(client, "csv").decode("utf-8-sig")
    cells = [str(v) for row in xlsx_rows(download(client, "xlsx")) for v in row.values() if v is not None]
    for private in (PERSON, ID_NUMBER, PHONE, ADDRESS):
        assert private not in text
        assert not any(private in cell for cell in cells)
    person = csv_rows(download(client, "csv"))[1]
    assert person["cf_xdr_mc"] == PERSON_MASKED and person["cf_xdr_lb"] == "自然人"
    assert person["cf_xdr_zjlx"] == person["cf_xdr_zjhm"] == person["cf_xdr_shxym"] == ""


def test_a_town_officers_export_holds_only_their_town(nanhai, published):
    rows = csv_rows(download(nanhai.client_for(nanhai.jiujiang_officer), "csv"))
    assert [r["cf_wsh"] for r in rows] == ["（南海）应急罚〔2023〕2号"]


def test_a_bad_period_is_refused_in_chinese(nanhai):
    client = nanhai.client_for(nanhai.legal)
    page = client.get(EXPORT, {"start": "2023-10-31", "end": "2023-10-01"}, follow=True).content.decode()
    assert "公示日期至不能早于公示日期自" in page
    page = client.get(EXPORT, {"start": "2023-13-01", "end": "2023-10-01"}, follow=True).content.decode()
    assert "格式有误" in page


def test_the_command_writes_the_period(nanhai, published, tmp_path, capsys):
    target = tmp_path / "cf.csv"
    call_command("export-cf", "--from", "2023-10-01", "--to", "2023-10-31", "-o", str(target))
    assert "2 条" in capsys.readouterr().out
    assert [r["cf_wsh"] for r in csv_rows(target.read_bytes())][0] == "（南海）应急罚〔2023〕1号"
    xlsx = tmp_path / "cf.out"
    call_command(
        "export-cf", "--from", "2023-10-01", "--to", "2023-11-30", "--format", "xlsx", "-o", str(xlsx)
    )
    assert len(xlsx_rows(xlsx.read_bytes())) == 3


def test_the_helpers():
    assert wan_yuan(Decimal("50000")) == Decimal("5.000000")
    assert wan_yuan(Decimal("0.05")) == Decimal("0.000005")
    assert mask_person_name("张三") == "张*" and mask_person_name("欧阳建国") == "欧阳**"
    assert scrub_private(f"张三，电话{PHONE}，身份证{ID_NUMBER}", person_name="张三") == (
        "张*，电话***********，身份证******************"
    )


def test_the_deciding_agency_carries_the_bureaus_credit_code(nanhai, published):
    from emgov.core.models import Department
    from emgov.reports.tests.builders import credit_code

    code = credit_code(99)
    Department.objects.filter(is_bureau=True).update(credit_code=code)
    rows = csv_rows(download(nanhai.client_for(nanhai.legal), "csv"))
    assert rows and {(r["cf_cfjg"], r["cf_cfjgdm"]) for r in rows} == {("佛山市南海区应急管理局", code)}


def test_a_fire_brigade_decision_names_the_brigade_on_the_page_and_in_cf_not_the_bureau(nanhai, today):
    """处罚机关 (cf_cfjg, cf_cfjgdm) is the department that decided; 数据来源单位 the bureau that reports."""
    from emgov.core.models import Department
    from emgov.publicity.tests.publication_helpers import org_code

    today("2023-10-20")
    brigade = Department.objects.get(short_name="消防")
    Department.objects.filter(pk=brigade.pk).update(credit_code=org_code(119))
    Department.objects.filter(is_bureau=True).update(credit_code=org_code(12))
    case = firm_penalty(
        nanhai.guicheng,
        "南（消）行罚决字〔2023〕0001号",
        decided="2023-10-09",
        department=brigade,
        legal_basis="《中华人民共和国消防法》第六十条第一款第（三）项",
    )
    publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-10"))
    page = Client().get(f"/public/penalties/{case.pk}/").content.decode()
    assert 'id="agency">佛山市南海区消防救援大队<' in page and f'id="agency-code">{org_code(119)}<' in page
    assert "佛山市南海区应急管理局" not in page.split('id="agency"')[1].split("</dl>")[0]
    [row] = csv_rows(download(nanhai.client_for(nanhai.legal), "csv"))
    assert (row["cf_cfjg"], row["cf_cfjgdm"]) == ("佛山市南海区消防救援大队", org_code(119))
    assert (row["cf_sjly"], row["cf_sjlydm"]) == ("佛山市南海区应急管理局", org_code(12))


def test_a_deciding_department_without_a_credit_code_is_warned_of_before_the_export(
    nanhai, today, tmp_path, capsys
):
    from emgov.core.models import Department
    from emgov.publicity.tests.publication_helpers import org_code

    today("2023-10-20")
    Department.objects.filter(is_bureau=True).update(credit_code=org_code(12))
    housing = Department.objects.get(short_name="住建")
    case = firm_penalty(nanhai.guicheng, "南住建罚〔2023〕1号", decided="2023-10-09", department=housing)
    publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-10"))
    warning = "“佛山市南海区住房城乡建设和水利局”未登记统一社会信用代码"
    page = nanhai.client_for(nanhai.legal).get("/publicity/publications/pending/").content.decode()
    assert 'id="export-warnings"' in page and warning in page
    call_command("export-cf", "--from", "2023-10-01", "--to", "2023-10-31", "-o", str(tmp_path / "cf.csv"))
    assert warning in capsys.readouterr().err
    [row] = csv_rows((tmp_path / "cf.csv").read_bytes())
    assert (row["cf_cfjg"], row["cf_cfjgdm"]) == ("佛山市南海区住房城乡建设和水利局", "")

    Department.objects.filter(pk=housing.pk).update(credit_code=org_code(77))
    page = nanhai.client_for(nanhai.legal).get("/publicity/publications/pending/").content.decode()
    assert 'id="export-warnings"' not in page


def test_a_natural_person_is_masked_alike_on_the_page_in_cf_and_in_xk(nanhai, today):
    """One `public_party` for all three: the name masked, no credit code, no representative, no ID, and
    the ID and phone numbers scrubbed from the free text."""
    from emgov.core import services
    from emgov.licensing.procedures import LICENSING_CASE
    from emgov.licensing.tests.factories import granted, make_item

    today("2023-10-20")
    case = person_penalty(nanhai.jiujiang, "（南海）应急罚〔2023〕2号", decided="2023-10-09")
    publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-10"))
    licence = granted(make_item(), d("2023-10-09"), "SL1", applicant=PERSON, region=nanhai.jiujiang)
    licence = services.record_update(
        licence,
        actor=None,
        changes={"decision_content": f"准予{PERSON}（身份证{ID_NUMBER}）经营烟花爆竹零售"},
    )
    LICENSING_CASE.take("publish", licence, actor=nanhai.legal, published_on=d("2023-10-10"))
    client = nanhai.client_for(nanhai.legal)

    page = Client().get(f"/public/penalties/{case.pk}/").content.decode()
    [cf] = csv_rows(download(client, "csv"))
    response = client.get(
        "/licensing/licensing/export-xk/", {"start": "2023-10-01", "end": "2023-10-31", "fmt": "csv"}
    )
    [xk] = csv_rows(b"".join(response.streaming_content))
    assert PERSON_MASKED in page and cf["cf_xdr_mc"] == xk["XK_XDR_MC"] == PERSON_MASKED
    assert cf["cf_xdr_lb"] == xk["XK_XDR_LB"] == "自然人"
    ids = (cf["cf_xdr_zjlx"], cf["cf_xdr_zjhm"], xk["XK_XDR_ZJLX"], xk["XK_XDR_ZJHM"])
    assert ids == ("", "", "", "") and cf["cf_xdr_shxym"] == xk["XK_XDR_SHXYM"] == ""
    assert xk["XK_NR"] == f"准予{PERSON_MASKED}（身份证{'*' * 18}）经营烟花爆竹零售"
    for private in (PERSON, ID_NUMBER, PHONE):
        assert private not in page and private not in str(cf) and private not in str(xk)
