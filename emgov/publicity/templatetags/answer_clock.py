"""`{% answer_clock request as clock %}`: the answer clock of a disclosure request, for the pages that
show it without a view of their own (the generic step page)."""

from django import template

from emgov.publicity.services.deadlines import Clock, compute_clock

register = template.Library()


@register.simple_tag
def answer_clock(request) -> Clock:
    return compute_clock(request)
