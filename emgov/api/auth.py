"""API authentication: the page session (with CSRF) for the browser, a bearer token for scripts."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from emgov.core.middleware import client_address
from emgov.core.tokens import token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = token_authenticate(token, client_address(request))
        if user is None:
            return None
        request.user = user
        return user


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


AUTH = [TokenAuth(), ActiveSessionAuth()]
