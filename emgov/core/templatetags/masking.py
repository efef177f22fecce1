"""`{{ text|mask_personal }}`: free text on a public page with ID and telephone numbers masked."""

from django import template

from emgov.core.masking import mask_personal as _mask_personal

register = template.Library()


@register.filter
def mask_personal(text: object) -> str:
    return _mask_personal("" if text is None else str(text))
