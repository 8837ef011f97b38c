"""Render a questionnaire as a real HTML form, independent of any site generator.

The form is complete without JavaScript: every statement can be read and
printed. The runtime finds its parts through data attributes and reads the
scoring rules as JSON from an inert <template>, so the page holds no inline code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

import jinja2
from markupsafe import Markup

from .catalogue import agree, catalogue, translate
from .markup import render_inline, render_markdown
from .model import Questionnaire
from .spec import runtime_spec

# The package's templates (questionnaire pages, the cohort report): HTML escaped by default.
TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("mentorkit", "templates"),
    undefined=jinja2.StrictUndefined,
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
# Links in a questionnaire's Markdown are written for the page it lands on: render_questionnaire
# hands the template that page's rewriter (qlinks.py) as ``links``.
TEMPLATES.filters["markdown"] = jinja2.pass_context(lambda context, text: render_markdown(text, context.get("links")))
TEMPLATES.filters["inline_markdown"] = jinja2.pass_context(
    lambda context, text: Markup(render_inline(text, context.get("links")))
)
TEMPLATES.filters["choices"] = lambda points: [(point.value, point.label) for point in points]


def json_for_html(data: object) -> str:
    """JSON that reads the same as HTML text: no character the HTML parser would act on.
    ASCII only: one curly quote in the runtime's sentences would otherwise make Python hold
    the whole page as two bytes a character, doubling the memory and time of every pass
    over it in a large build (an English page is otherwise ASCII)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_questionnaire(
    q: Questionnaire,
    *,
    guidance_urls: dict[str, str] | None = None,
    only: list[str] | None = None,
    page_url: str | None = None,
    language: str = "en",
    links: Callable[[str], str] | None = None,
    own: Mapping[str, Mapping[str, str]] | None = None,
    cohort_url: str | None = None,
) -> str:
    """The HTML of a questionnaire: the whole page body, or with ``only`` (group ids)
    a block of those groups inside another page, linking to the whole page at ``page_url``;
    ``own``: the programme's own sentences by language, over the package's; ``cohort_url``: where
    the page finds the questionnaire's cohort summary, if it declares one."""
    spec = runtime_spec(q, guidance_urls, None if only is not None else cohort_url)
    groups = [g for g in q.groups if only is None or g.id in only]
    messages = sentences(q, language, own)
    return TEMPLATES.get_template("questionnaire.html.j2").render(
        q=q,
        groups=groups,
        block=only is not None,
        page_url=page_url,
        results_title=_results_title(q, messages),
        spec_json=Markup(json_for_html(spec)),
        item_count=sum(1 for _ in q.items()),
        t=lambda key, **values: translate(messages, key, language, **values),
        messages_json=Markup(json_for_html({"language": language, "messages": messages})),
        links=links,
    )


def sentences(q: Questionnaire, language: str, own: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, str]:
    """The sentences around ``q``'s questions, in agreement with its group noun's gender."""
    return agree(catalogue(language, own), q.group_noun.gender)


def _results_title(q: Questionnaire, messages: dict[str, str]) -> str:
    return q.results_title or translate(messages, "answersTitle" if q.scoring.method == "none" else "resultsTitle")


def questionnaire_headings(
    q: Questionnaire, *, language: str = "en", own: Mapping[str, Mapping[str, str]] | None = None
) -> list[tuple[str, str]]:
    """The (id, text) of each heading of a whole questionnaire's page, in order: its
    groups, then its results. The ids are those the template gives the groups' fieldsets
    and the results' heading (tests/build/test_site.py follows every link to them)."""
    return [(f"{q.id}-group--{g.id}", g.title) for g in q.groups] + [
        (f"{q.id}-results-title", _results_title(q, sentences(q, language, own)))
    ]
