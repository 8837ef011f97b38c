"""JSON Schemas of the file formats, from the same models that validate them."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .model import Questionnaire
from .translation import Translation

# In the repository and in the built site. Questionnaire files point at the first,
# translation files (questionnaires/<language>/*.yml) at the second.
SCHEMAS: dict[str, type[BaseModel]] = {
    "schema/questionnaire.schema.json": Questionnaire,
    "schema/translation.schema.json": Translation,
}


def schema_json(model: type[BaseModel] = Questionnaire) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
