"""Validators shared by every app: the same rule, the same Chinese words, in forms and imports."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code_check_character(first17: str) -> str:
    """The 18th character of a 统一社会信用代码 (GB 32100-2015) for its first 17."""
    total = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    code = (value or "").strip()
    if len(code) != 18:
        raise ValidationError(
            _("统一社会信用代码应为18位，“%(v)s”为%(n)s位") % {"v": code, "n": len(code)},
            code="credit_code_length",
        )
    bad = [c for c in code if c not in CREDIT_CODE_ALPHABET]
    if bad:
        raise ValidationError(
            _("统一社会信用代码“%(v)s”含有不允许的字符“%(c)s”") % {"v": code, "c": bad[0]},
            code="credit_code_chars",
        )
    if credit_code_check_character(code[:17]) != code[17]:
        raise ValidationError(
            _("统一社会信用代码“%(v)s”校验位不正确") % {"v": code}, code="credit_code_check"
        )


def strip_book_title_marks(value: str) -> str:
    return value.strip().removeprefix("《").removesuffix("》")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's rule with the message worded in the interface language (Django's own Chinese catalogue
    lacks the current wording of this one)."""

    def validate(self, password: str, user=None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                _("密码太短，至少需要%(min_length)d个字符。") % {"min_length": self.min_length},
                code="password_too_short",
            )

    def get_help_text(self) -> str:
        return _("密码至少需要%(min_length)d个字符。") % {"min_length": self.min_length}
