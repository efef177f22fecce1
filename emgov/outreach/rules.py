"""The rules of the public competition, declared once.

Minimal personal data (个人信息保护法第六条：收集个人信息应当限于实现处理目的的最小范围): a participant
gives only name, phone and town; public pages show them masked (`masked_name`, `masked_phone`).
The rate limits guard the public pages against scripted use; they are operational settings, not law.
"""

from __future__ import annotations

PERSONAL_DATA_BASIS = "个人信息保护法第六条"

ATTEMPT_STARTS_PER_PHONE_HOUR = 6
RATE_WINDOW_SECONDS = 60


def masked_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***."""
    return name[:1] + "*" * max(1, len(name) - 1) if name else ""


def masked_phone(phone: str) -> str:
    """13812345678 → 138****5678."""
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) == 11 else "****"
