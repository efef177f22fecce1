import ipaddress

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired
from django.db import DataError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation

# The JSON API answers 401 by itself; the public pages and static files need no login.
OPEN_PREFIXES = ("/api/", "/public/", "/static/", "/i18n/")


class LoginRequiredMiddleware(DjangoLoginRequired):
    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.path.startswith(OPEN_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class LanguageMiddleware:
    """Simplified Chinese unless the user chose another language (cookie); the browser's own
    Accept-Language is not consulted, so an English-language browser still shows the bureau's Chinese."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.EMGOV_TRUSTED_PROXIES)


def client_address(request: HttpRequest) -> str:
    """The address of the person at the keyboard. Behind the reverse proxies named in
    EMGOV_TRUSTED_PROXIES, the right-most X-Forwarded-For entry that is not one of them; a header sent
    by anyone else is ignored, so that a client cannot pose as another address."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not _trusted(remote):
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    for address in reversed(forwarded):
        if not _trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote
    return remote


class BadInputMiddleware:
    """Input no database can store is the sender's mistake, answered 400 (422 from the API), not 500:
    a NUL character in a parameter or a JSON body (PostgreSQL refuses it in text), or a number in the
    address that the database cannot hold (a key or a filter of 10**30)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if "%00" in request.META.get("QUERY_STRING", "") or self._nul_in_body(request):
            return self._refuse(request)
        return self.get_response(request)

    @staticmethod
    def _nul_in_body(request: HttpRequest) -> bool:
        if request.method not in ("POST", "PUT", "PATCH") or not request.path.startswith("/api/"):
            return False
        if request.content_type != "application/json":
            return False
        return b"\\u0000" in request.body or b"\x00" in request.body

    @staticmethod
    def _refuse(request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": "参数含有不允许的空字符（\\u0000）"}, status=422)
        return render(request, "400.html", status=400)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OverflowError | DataError):
            return self._refuse(request) if not request.path.startswith("/api/") else None
        return None
