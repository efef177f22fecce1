from django.http import HttpRequest

from emgov.core import clock
from emgov.core.navigation import menu_for


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_menu": menu_for(user), "business_date": clock.business_date()}
