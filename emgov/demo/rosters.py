"""An attendance list as a town sends it: 姓名, 单位, 手机号 in an .xlsx."""

from __future__ import annotations

import io
import random

from openpyxl import Workbook

from emgov.demo.names import brand, mobile, person


def roster_file(rng: random.Random, count: int) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "单位", "手机号"])
    firms = [f"佛山市南海区{brand(rng)}有限公司" for _ in range(max(1, count // 8))]
    seen: set[str] = set()
    while len(seen) < count:
        phone = mobile(rng)
        if phone not in seen:
            seen.add(phone)
            sheet.append([person(rng), rng.choice(firms), phone])
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream
