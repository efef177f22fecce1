import json
from typing import Any

from django.http import HttpRequest
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder


class ChineseJSONRenderer(JSONRenderer):
    """JSON with Chinese text as it is, not as \\u escapes."""

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> str:
        return json.dumps(data, cls=NinjaJSONEncoder, ensure_ascii=False)


# The OpenAPI description of an endpoint that answers with an official document (.docx or PDF).
DOCUMENT_FILE = {
    "responses": {
        200: {
            "description": "文书文件",
            "content": {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
                "application/pdf": {},
            },
        }
    }
}
