"""Render a questionnaire as a real HTML form, independent of any site generator.

The form is complete without JavaScript: every statement can be read and
printed. The runtime finds its parts through data attributes and reads the
scoring rules as JSON from an inert <template>, so the page holds no inline code.
"""

from __future__ import annotations

import json

import jinja2

from .markup import render_markdown
from .model import Questionnaire
from .spec import runtime_spec

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
_ENV.filters["markdown"] = render_markdown


def json_for_html(data: object) -> str:
    """JSON that reads the same as HTML text: no character the HTML parser would act on."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_questionnaire(q: Questionnaire, *, guidance_urls: dict[str, str] | None = None) -> str:
    """The HTML of a questionnaire page's body. ``guidance_urls`` maps group id to a link."""
    spec = runtime_spec(q, guidance_urls)
    level_names = {level.id: level.name for level in q.scoring.levels}
    return _ENV.get_template("questionnaire.html.j2").render(
        q=q, level_names=level_names, spec_json=jinja2.utils.markupsafe.Markup(json_for_html(spec)),
        item_count=sum(1 for _ in q.items()),
    )
