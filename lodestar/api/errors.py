"""The error answers every operation of the API documents, added to the OpenAPI schema in one place.

Each app's router declares its successful answers; the failures come from layers every operation
shares, so they are documented by rule rather than by hand in 49 places (and so cannot drift):

- 400: the edge refused the input (a NUL, a control character, a lone surrogate, an integer outside
  64 bits: core/edge.py) or the action refused it (a ValidationError, with its message);
- 401: no valid token and no session (every operation is authenticated);
- 403: signed in, but without the role or the right on that object;
- 404: an object in the path or the body that does not exist or that the caller may not see, or
  nothing of the caller's there (an authenticated operation: /experts/me without a profile);
- 409: the object is not in a state that allows the move (workflow transition refused);
- 413: a body larger than the site accepts;
- 422: a parameter or a body field of the wrong type or out of bounds (pydantic's list of errors).
An answer an operation already declares keeps its own description and schema.
"""

from __future__ import annotations

from typing import Any

DESCRIPTIONS = {
    "400": "Refused input: characters that cannot be stored, a number out of range, or a rule of the "
    "action broken. `detail` says which, in the caller's language.",
    "401": "Not authenticated: send `Authorization: Bearer <token>` or sign in.",
    "403": "Not allowed: the caller lacks the role or the right on this object.",
    "404": "Not found, or not visible to the caller.",
    "409": "The object's current state does not allow this change.",
    "413": "The request body is too large.",
    "422": "A parameter or a field has the wrong type or is out of bounds.",
}
WRITE_METHODS = {"post", "put", "patch", "delete"}

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {"detail": {"title": "Detail", "type": "string"}},
    "required": ["detail"],
}
VALIDATION_SCHEMA = {
    "title": "ValidationErrors",
    "type": "object",
    "properties": {"detail": {"title": "Detail", "type": "array", "items": {"type": "object"}}},
    "required": ["detail"],
}


def error_statuses(method: str, operation: dict[str, Any]) -> list[str]:
    """Which error answers one operation can give (see the module's docstring)."""
    parameters = operation.get("parameters") or []
    has_body = "requestBody" in operation
    statuses = ["400"]
    if operation.get("security"):
        # Authenticated operations also answer 404 when the caller has nothing there (an expert
        # profile for /experts/me) or may not see the object.
        statuses += ["401", "403", "404"]
    elif has_body or any(p.get("in") == "path" for p in parameters):
        statuses.append("404")
    if method in WRITE_METHODS:
        statuses.append("409")
    if has_body:
        statuses.append("413")
    if has_body or parameters:
        statuses.append("422")
    return statuses


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Adds the error answers to every operation of `schema` (in place) and returns it."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", ERROR_SCHEMA)
    components.setdefault("ValidationErrors", VALIDATION_SCHEMA)
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for status in error_statuses(method, operation):
                if status in responses or int(status) in responses:
                    continue
                ref = "ValidationErrors" if status == "422" else "Error"
                responses[int(status)] = {
                    "description": DESCRIPTIONS[status],
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
                }
    return schema
