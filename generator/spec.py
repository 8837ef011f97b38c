"""The runtime spec: the part of a questionnaire the browser needs, as plain JSON data.

Both scoring implementations read this same structure, the Python reference
(``scoring.py``) and the JavaScript runtime, so parity vectors can be checked
against one input.
"""

from __future__ import annotations

import hashlib
import json

from .model import Questionnaire


def content_version(q: Questionnaire) -> str:
    """Changes when saved answers may no longer fit: statements added or removed, or the scale changed.

    Rewording a statement keeps the version, so a typo fix costs readers nothing.
    """
    basis = {"scale": [p.value for p in q.scale], "items": [item.id for _, item in q.items()]}
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()[:12]


def runtime_spec(q: Questionnaire, guidance_urls: dict[str, str] | None = None) -> dict:
    scoring = q.scoring
    return {
        "id": q.id,
        "version": content_version(q),
        "title": q.title,
        "group_noun": q.group_noun.model_dump(),
        "scale": [{"value": p.value, "label": p.label} for p in q.scale],
        "scoring": {
            "method": scoring.method,
            "overall": {"at_least": scoring.overall.at_least},
            "levels": [
                {"id": lv.id, "name": lv.name, "summary": lv.summary,
                 "threshold": lv.threshold if lv.threshold is not None else scoring.threshold}
                for lv in scoring.levels
            ],
        },
        "groups": [
            {
                "id": group.id,
                "title": group.title,
                "guidance": (guidance_urls or {}).get(group.id),
                "items": [{"id": item.id, "level": item.level, "text": item.text} for item in group.items],
            }
            for group in q.groups
        ],
    }
