"""The JSON Schema of the questionnaire format, from the same models that validate it."""

from __future__ import annotations

import json

from .model import Questionnaire

SCHEMA_PATH = "schema/questionnaire.schema.json"  # in the repository and in the built site


def schema_json() -> str:
    schema = Questionnaire.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
