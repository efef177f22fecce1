"""Chinese official documents (公文): one description, rendered as .docx (for editing and filing) and PDF.

`OfficialDocument` records the blocks of a document (title, 文号, headings, paragraphs, tables,
signature) and renders them to .docx through named paragraph styles (so the bureau can restyle a
document in WPS or Word) and to HTML/PDF through WeasyPrint with the same layout: A4, GB/T 9704
margins, 仿宋 三号 body at a 28 pt line, headings in 黑体/楷体 by level.
"""

from __future__ import annotations

from emgov.core.documents.base import (
    DOCX_CONTENT_TYPE,
    PDF_CONTENT_TYPE,
    OfficialDocument,
    chinese_date,
    chinese_number,
    document_response,
)

__all__ = [
    "DOCX_CONTENT_TYPE",
    "PDF_CONTENT_TYPE",
    "OfficialDocument",
    "chinese_date",
    "chinese_number",
    "document_response",
]
