"""The HTML and PDF rendering: the .docx layout in CSS, printed by WeasyPrint with an embedded CJK font.

The font lists name the Windows fonts of a bureau's PCs first and Debian's Noto CJK (fonts-noto-cjk)
after them; WeasyPrint embeds the subset it uses, so the PDF reads the same on any machine.
"""

from __future__ import annotations

import base64
from html import escape

from emgov.core.documents.base import Block, OfficialDocument
from emgov.core.documents.layout import numeric_columns, title_lines

SERIF = '"FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Noto Serif CJK", serif'
SONG = '"SimSun", "STSong", "宋体", "Noto Serif CJK SC", "Noto Serif CJK", serif'
HEI = '"SimHei", "STHeiti", "黑体", "Noto Sans CJK SC", "Noto Sans CJK", sans-serif'
KAI = '"KaiTi", "STKaiti", "楷体", "Noto Serif CJK SC", "Noto Serif CJK", serif'

# GB/T 9704 7.5: "— n —" in 4号 半角宋体 7 mm below the type area, odd pages right and even pages left,
# one character in from the edge of the type area.
PAGE_NUMBER = f'content: "— " counter(page) " —"; font-family: {SONG}; font-size: 14pt; vertical-align: top; padding-top: 7mm'
CSS = f"""
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
@page :right {{ @bottom-right {{ {PAGE_NUMBER}; text-align: right; padding-right: 14pt; }} }}
@page :left {{ @bottom-left {{ {PAGE_NUMBER}; text-align: left; padding-left: 14pt; }} }}
body {{ font-family: {SERIF}; font-size: 16pt; line-height: 28pt; margin: 0; }}
p {{ margin: 0; min-height: 28pt; }}
.title {{ font-family: {SONG}; font-size: 22pt; line-height: 36pt; font-weight: bold; text-align: center;
  break-inside: avoid; break-after: avoid; }}
.keep {{ break-after: avoid; }}
.signature {{ break-inside: avoid; break-before: avoid; }}
.number {{ text-align: center; }}
.paragraph, .heading1, .heading2, .heading3 {{ text-indent: 2em; }}
.heading1 {{ font-family: {HEI}; font-weight: normal; }}
.heading2 {{ font-family: {KAI}; font-weight: normal; }}
.heading3 {{ font-weight: bold; }}
.signature {{ text-align: right; padding-right: 4em; }}
table {{ border-collapse: collapse; width: 100%; margin: 4pt 0; }}
thead {{ display: table-header-group; }}
th, td {{ border: 0.75pt solid #000; font-size: 12pt; line-height: 20pt; padding: 2pt 4pt;
  vertical-align: top; text-align: left; }}
th, td.label {{ font-weight: bold; }}
th {{ text-align: center; }}
td.num {{ text-align: right; }}
tr {{ break-inside: avoid; }}
td.label {{ width: 40mm; }}
.page-break {{ break-after: page; }}
"""


def _cells(tag: str, values: tuple[str, ...], widths: tuple[float, ...] = (), numbers=frozenset()) -> str:
    out = []
    for i, value in enumerate(values):
        style = f' style="width:{widths[i]}mm"' if widths else ""
        css = ' class="num"' if i in numbers else ""
        out.append(f"<{tag}{css}{style}>{escape(value)}</{tag}>")
    return "<tr>" + "".join(out) + "</tr>"


def _block(block: Block) -> str:
    if block.kind == "table":
        head = f"<thead>{_cells('th', block.headers, block.widths_mm)}</thead>" if block.headers else ""
        numbers = numeric_columns(block.rows)
        body = "".join(_cells("td", row, numbers=numbers) for row in block.rows)
        return f"<table>{head}<tbody>{body}</tbody></table>"
    if block.kind == "form":
        rows = "".join(
            f'<tr><td class="label">{escape(label)}</td><td>{escape(value)}</td></tr>'
            for label, value in block.rows
        )
        return f"<table><tbody>{rows}</tbody></table>"
    if block.kind == "page_break":
        return '<div class="page-break"></div>'
    if block.kind == "image":
        kind = "jpeg" if block.image[:2] == b"\xff\xd8" else "png"
        source = f"data:image/{kind};base64,{base64.b64encode(block.image).decode()}"
        style = f"height:{block.image_height_mm}mm;vertical-align:middle"
        return f'<p class="line">{escape(block.text)}<img src="{source}" style="{style}" alt=""></p>'
    css = f"heading{block.level}" if block.kind == "heading" else block.kind
    if block.keep_with_next:
        css += " keep"
    label = f"<b>{escape(block.label)}</b>" if block.label else ""
    if block.kind == "title":
        return f'<p class="{css}">{"<br>".join(escape(line) for line in title_lines(block.text))}</p>'
    return f'<p class="{css}">{label}{escape(block.text)}</p>'


def render_body(doc: OfficialDocument) -> str:
    """The blocks as HTML, for a page that shows the document inside its own layout."""
    return "\n".join(_block(block) for block in doc.blocks)


def render_html(doc: OfficialDocument) -> str:
    title = next((b.text for b in doc.blocks if b.kind == "title"), "")
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>"
        f"<body>{render_body(doc)}</body></html>"
    )


def render_pdf(doc: OfficialDocument) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(doc)).write_pdf()
