"""Crafted files are refused before they cost memory or time; exports neutralise formulas (OWASP)."""

from __future__ import annotations

import io
import resource
import time
import zipfile

import pytest
from openpyxl import load_workbook

from emgov.core.interchange import registry
from emgov.core.interchange.files import FileError, open_sheet, write_rows
from emgov.core.tests.ledger_samples import load, load_before, messages, sample_rows, table_file
from emgov.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def crafted_xlsx(cells: str, dimension: str | None, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal hand-written .xlsx whose first sheet holds `cells` (sheetData XML)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{cells}</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


CORNERS = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def corners_under_a_header() -> str:
    """The enterprises' header in row 1 (so that the rows are read on), one cell at XFD1048576."""
    header = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for i, h in enumerate(registry.get("enterprises").headers)
    )
    return f'<row r="1">{header}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("dimension", ["A1:XFD1048576", None])
def test_a_tiny_xlsx_with_cells_at_a1_and_xfd1048576_is_refused_at_once(dimension):
    data = crafted_xlsx(corners_under_a_header() if dimension is None else CORNERS, dimension)
    assert len(data) < 2500
    before, started = peak_rss_mb(), time.monotonic()
    result = registry.get("enterprises").load(io.BytesIO(data), "xlsx", actor=None, via="导入 测试")
    assert time.monotonic() - started < 5
    assert peak_rss_mb() - before < 100
    assert not result.ok and Enterprise.objects.count() == 0
    (message,) = messages(result)
    assert "XFD1048576" in message and "超出了导入的上限" in message, message


def test_a_cell_far_to_the_right_is_refused_even_when_the_dimension_says_less():
    data = crafted_xlsx('<row r="2"><c r="GR2"><v>1</v></c></row>', "A1:B2")
    with pytest.raises(FileError, match="GR2"):
        list(open_sheet(io.BytesIO(data), "xlsx"))


def test_too_many_rows_are_refused_with_the_limit_named(settings):
    settings.EMGOV_IMPORT_MAX_ROWS = 3
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 6))
    with pytest.raises(FileError, match="最多 3 行"):
        list(open_sheet(io.BytesIO(crafted_xlsx(rows, None)), "xlsx"))


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = b"<x/>" * (8 * 1024 * 1024)  # 32 MB that packs to a few kB
    data = crafted_xlsx(CORNERS, None, {"xl/media/padding.xml": bomb})
    with pytest.raises(FileError, match="解压后过大"):
        open_sheet(io.BytesIO(data), "xlsx")


def test_oversized_shared_strings_are_refused(settings):
    settings.EMGOV_IMPORT_MAX_SHARED_STRINGS_BYTES = 1024
    strings = "<sst>" + "".join(f"<si><t>{n}</t></si>" for n in range(500)) + "</sst>"
    data = crafted_xlsx(CORNERS, None, {"xl/sharedStrings.xml": strings.encode()})
    with pytest.raises(FileError, match="共享字符串"):
        open_sheet(io.BytesIO(data), "xlsx")


def test_a_csv_row_with_too_many_columns_is_refused():
    data = ("a," * 500 + "\n").encode()
    with pytest.raises(FileError, match="超出了导入的上限"):
        list(open_sheet(io.BytesIO(data), "csv"))


# Formula injection -----------------------------------------------------------------------------

RISKY = ["=1+1", "+1", "-5 人", "@SUM(A1)", "\tx", "\rx"]


def test_xlsx_export_writes_formula_like_text_as_text_and_numbers_as_numbers():
    out = io.BytesIO()
    write_rows(out, "xlsx", ["文字", "数"], [[value, -5] for value in RISKY])
    sheet = load_workbook(io.BytesIO(out.getvalue())).worksheets[0]
    for n, value in enumerate(RISKY, start=2):
        text, number = sheet.cell(n, 1), sheet.cell(n, 2)
        assert (text.value, text.data_type) == (value, "s")
        assert (number.value, number.data_type) == (-5, "n")


def test_csv_export_prefixes_formula_like_text_and_reads_it_back():
    out = io.BytesIO()
    write_rows(out, "csv", ["文字", "数"], [[value, -5] for value in RISKY])
    text = out.getvalue().decode("utf-8-sig")
    assert "'=1+1,-5" in text and "'-5 人,-5" in text and "'@SUM(A1)" in text
    rows = list(open_sheet(io.BytesIO(out.getvalue()), "csv"))
    assert [row[0] for row in rows[1:]] == RISKY
    assert {row[1] for row in rows[1:]} == {"-5"}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_apps_own_export_with_formula_like_text_imports_again(fmt, tmp_path):
    load_before("enterprises")
    rows = sample_rows("enterprises", {"企业名称": "=1+1", "地址": "-5 人"})
    assert load("enterprises", rows).ok
    ledger = registry.get("enterprises")
    exported = io.BytesIO()
    ledger.export(ledger.export_queryset(), exported, fmt)
    Enterprise.objects.all().delete()
    exported.seek(0)
    result = ledger.load(exported, fmt, actor=None, via="导入 测试")
    assert result.ok, result.errors
    enterprise = Enterprise.objects.get()
    assert (enterprise.name, enterprise.address) == ("=1+1", "-5 人")
    again = io.BytesIO()
    ledger.export(ledger.export_queryset(), again, fmt)
    assert list(open_sheet(io.BytesIO(again.getvalue()), fmt)) == list(
        open_sheet(io.BytesIO(exported.getvalue()), fmt)
    )


def test_the_credit_exports_go_through_the_same_writer():
    from emgov.core.credit_export import write_credit

    out = io.BytesIO()
    write_credit(out, "csv", ["cf_xdr_mc"], [{"cf_xdr_mc": "=HYPERLINK(1)"}])
    assert "'=HYPERLINK(1)" in out.getvalue().decode("utf-8-sig")


def test_table_file_is_still_read(tmp_path):
    rows = list(open_sheet(table_file([["a", "b"], ["1", "2"]], "xlsx"), "xlsx"))
    assert rows[0] == ["a", "b"]


# Streaming --------------------------------------------------------------------------------------


def enterprise_code(n: int) -> str:
    from emgov.core.validators import credit_code_check_character

    first = f"91440605{n:09d}"
    return first + credit_code_check_character(first)


def test_a_streamed_file_finds_duplicates_across_chunks_and_writes_all_or_nothing(monkeypatch):
    from emgov.core.interchange import planning

    monkeypatch.setattr(planning, "STREAM_ROWS", 3)
    load_before("enterprises")
    assert registry.get("enterprises").streams
    header, first = sample_rows("enterprises", {})
    rows = [header] + [[enterprise_code(n), *first[1:]] for n in range(1, 9)]
    checked = load("enterprises", rows, dry_run=True)
    assert checked.ok and checked.created == 8 and Enterprise.objects.count() == 0

    rows.append([enterprise_code(2), *first[1:]])  # row 10 repeats row 3, two chunks later
    result = load("enterprises", rows)
    assert messages(result) == ["第10行 统一社会信用代码: 与第3行重复"]
    assert Enterprise.objects.count() == 0  # the chunks written before the error were undone

    assert load("enterprises", rows[:-1]).created == 8 and Enterprise.objects.count() == 8
