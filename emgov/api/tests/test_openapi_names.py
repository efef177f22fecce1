"""Every schema in the OpenAPI description has one name: two classes of the same name would share one
component, and an operation would be documented with the other's body (the disclosure request POST
once showed the hazard's)."""

import typing

import pydantic

from emgov.api.api import api


def _models(annotation, found: dict[str, set[type]]) -> None:
    for arg in typing.get_args(annotation):
        _models(arg, found)
    t = annotation
    if isinstance(t, type) and issubclass(t, pydantic.BaseModel) and t not in found.get(t.__name__, set()):
        found.setdefault(t.__name__, set()).add(t)
        for field in t.model_fields.values():
            _models(field.annotation, found)


def schema_classes() -> dict[str, set[type]]:
    found: dict[str, set[type]] = {}
    for bound in api._get_bound_routers():
        for path_view in bound.template.path_operations.values():
            for operation in path_view.operations:
                for params in operation.models:
                    for field in params.model_fields.values():
                        _models(field.annotation, found)
                for response in operation.response_models.values():
                    _models(response, found)
    return found


def test_every_schema_name_is_unique():
    classes = schema_classes()
    assert len(classes) > 50
    classes.pop("NinjaResponseSchema", None)  # ninja's per-operation wrapper, not a component
    clashes = {name: sorted(c.__module__ for c in cls) for name, cls in classes.items() if len(cls) > 1}
    assert clashes == {}


def test_the_disclosure_request_post_is_documented_with_its_own_body():
    schema = api.get_openapi_schema()
    post = schema["paths"]["/api/publicity/disclosure-requests"]["post"]
    ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    body = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert "applicant" in str(body["properties"]) and "visit_id" not in body["properties"]
