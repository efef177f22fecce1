from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from emgov.api.auth import AUTH
from emgov.api.core import router as core_router
from emgov.api.renderers import ChineseJSONRenderer

api = NinjaAPI(
    title="EMGov API",
    version="1.0.0",
    description="应急管理法治政府建设平台的数据接口。脚本使用 `Authorization: Bearer <令牌>`，网页使用登录会话。",
    auth=AUTH,
    docs_url="/docs",
    renderer=ChineseJSONRenderer(),
)
api.add_router("/", core_router)
api.add_router("/legal/", "emgov.api.legal.router")
api.add_router("/publicity/", "emgov.api.publicity.router")
api.add_router("/licensing/", "emgov.api.licensing.router")
api.add_router("/inspections/", "emgov.api.inspections.router")
api.add_router("/enforcement/", "emgov.api.enforcement.router")
api.add_router("/dashboard/", "emgov.api.dashboard.router")
api.add_router("/hazards/", "emgov.api.hazards.router")
api.add_router("/cases/", "emgov.api.cases.router")
api.add_router("/preparedness/", "emgov.api.preparedness.router")


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError):
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, {"detail": "未找到"}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError):
    return api.create_response(request, {"detail": "未登录或令牌无效"}, status=401)


@api.exception_handler(OverflowError)
@api.exception_handler(DataError)
def out_of_range(request: HttpRequest, exc: Exception):
    return api.create_response(request, {"detail": "参数中的数值超出允许范围"}, status=422)
