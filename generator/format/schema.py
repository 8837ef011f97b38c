"""JSON Schemas of the file formats, from the same models that validate them."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .file_formats import AnswersFile, CohortSummary
from .model import Questionnaire
from .translation import Translation

# In the repository and in the built site. Questionnaire files point at the first,
# translation files (questionnaires/<language>/*.yml) at the second.
SCHEMAS: dict[str, type[BaseModel]] = {
    "schema/questionnaire.schema.json": Questionnaire,
    "schema/translation.schema.json": Translation,
    # The files readers hand in and the summary written from them, for anyone reading them elsewhere.
    "schema/answers.schema.json": AnswersFile,
    "schema/cohort.schema.json": CohortSummary,
}


def schema_json(model: type[BaseModel] = Questionnaire) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """The schemas in ``folder``, as this version of the package declares them; the files written
    (a file already current is left alone, so that a fork's checked-in copies do not change)."""
    written = []
    for path, model in SCHEMAS.items():
        target = Path(folder) / Path(path).name
        text = schema_json(model)
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def stale_schemas(folder: Path) -> list[Path]:
    """The schema files in ``folder`` that another version of the package wrote."""
    return [
        Path(folder) / Path(path).name
        for path, model in SCHEMAS.items()
        if (Path(folder) / Path(path).name).is_file()
        and (Path(folder) / Path(path).name).read_text(encoding="utf-8") != schema_json(model)
    ]
