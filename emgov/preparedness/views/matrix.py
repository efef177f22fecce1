"""The responsibility matrix: event types × departments (牵头 / 配合), the plans covering each, the flags;
filterable, printable, exported to Excel."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from emgov.core.models import Department
from emgov.preparedness import queries
from emgov.preparedness.models import EventCategory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _params(request: HttpRequest) -> dict:
    category = request.GET.get("category", "")
    department = request.GET.get("department", "")
    return {
        "category": category if category in EventCategory.values else "",
        "department": int(department) if department.isdigit() else None,
        "flagged": request.GET.get("flagged") == "1",
    }


@login_required
def matrix_page(request: HttpRequest) -> HttpResponse:
    params = _params(request)
    data = queries.matrix(request.user, **params)
    return render(
        request,
        "preparedness/matrix.html",
        {
            "title": _("突发事件应对职责矩阵"),
            **data,
            "params": params,
            "categories": EventCategory.choices,
            "all_departments": Department.objects.order_by("name"),
            "flag_count": sum(1 for r in data["rows"] if r["flags"]),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def matrix_export(request: HttpRequest) -> HttpResponse:
    data = queries.matrix(request.user, **_params(request))
    book = Workbook()
    sheet = book.active
    sheet.title = _("职责矩阵")
    header = [
        _("事件大类"),
        _("事件类型"),
        *(d.short_name or d.name for d in data["departments"]),
        _("覆盖的应急预案"),
        _("提示"),
    ]
    sheet.append(header)
    lead_fill = PatternFill("solid", fgColor="FDE68A")
    for row in data["rows"]:
        sheet.append(
            [
                row["event"].category,
                row["event"].name,
                *row["cells"],
                "、".join(p.name for p in row["plans"]),
                "；".join(row["flags"]),
            ]
        )
        for column, cell in enumerate(row["cells"], start=3):
            if cell == "牵头":
                sheet.cell(sheet.max_row, column).fill = lead_fill
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''%E8%81%8C%E8%B4%A3%E7%9F%A9%E9%98%B5.xlsx"
    return response
