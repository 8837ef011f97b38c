"""Render a questionnaire as a real HTML form, independent of any site generator.

The form is complete without JavaScript: every statement can be read and
printed. The runtime finds its parts through data attributes and reads the
scoring rules as JSON from an inert <template>, so the page holds no inline code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .catalogue import agree, locale_tag, page_catalogue, translate, worded_about
from .markup import render_inline, render_markdown
from ..format.model import Questionnaire
from .spec import Guidance, runtime_spec

if TYPE_CHECKING:
    from .journal import Related

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


def json_for_html(data: object) -> Markup:
    """JSON that reads the same as HTML text (Jinja's htmlsafe_json_dumps: no character the HTML
    parser would act on), compact, and ASCII only (json's default): one curly quote in the
    runtime's sentences would otherwise make Python hold the whole page as two bytes a character,
    doubling the memory and time of every pass over it in a large build."""
    return htmlsafe_json_dumps(data, separators=(",", ":"))


def render_questionnaire(
    q: Questionnaire,
    *,
    guidance_urls: Mapping[str, Guidance] | None = None,
    only: list[str] | None = None,
    page_url: str | None = None,
    language: str = "en",
    region: str | None = None,
    links: Callable[[str], str] | None = None,
    own: Mapping[str, Mapping[str, str]] | None = None,
    cohort_url: str | None = None,
    related: Related | None = None,
) -> str:
    """The HTML of a questionnaire: the whole page body, or with ``only`` (group ids)
    a block of those groups inside another page, linking to the whole page at ``page_url``;
    ``region``: whose ways of writing dates and numbers the page's runtime follows, with ``language``;
    ``own``: the programme's own sentences by language, over the package's; ``cohort_url``: where
    the page finds the questionnaire's cohort summary, if it declares one; ``related``: what the
    site adds from the questionnaires this one is related to (journal.py)."""
    # What the site adds from related questionnaires is not runtime_spec's: it is declared by hand
    # (types/journal.d.ts), and merged in as JSON.
    spec: dict[str, Any] = dict(runtime_spec(q, guidance_urls, None if only is not None else cohort_url))
    for key, value in (related.spec if related else {}).items():
        spec[key] = {**spec[key], **value} if isinstance(spec.get(key), dict) and isinstance(value, dict) else value
    groups = [g for g in q.groups if only is None or g.id in only]
    messages = sentences(q, language, own, related)
    template = "journal.html.j2" if q.scoring.method == "journal" else "questionnaire.html.j2"
    return TEMPLATES.get_template(template).render(
        q=q,
        groups=groups,
        block=only is not None,
        page_url=page_url,
        related=related,
        runtime=q.scoring.method,  # its bundle: theme/.../mentorkit-runtime/<method>.js
        results_title=_results_title(q, messages),
        spec_json=json_for_html(spec),
        item_count=sum(1 for _ in q.items()),
        t=lambda key, **values: translate(messages, key, language, **values),
        messages_json=json_for_html(
            {"language": language, "locale": locale_tag(language, region), "messages": messages}
        ),
        links=links,
    )


def sentences(
    q: Questionnaire,
    language: str,
    own: Mapping[str, Mapping[str, str]] | None = None,
    related: Related | None = None,
) -> dict[str, str]:
    """The sentences around ``q``'s questions, in agreement with its group noun's gender, and worded
    for what its statements are about when another person answers them (observer.about). A journal's
    sentences name what its entries are tagged with (« Toutes » the categories, by category), so
    they agree with that questionnaire's noun, not with the journal's own."""
    about = q.observer.about if q.observer is not None else "person"
    gender = q.group_noun.gender
    if q.scoring.method == "journal" and related is not None and related.tag_noun:
        gender = related.tag_noun.get("gender")
    return worded_about(agree(page_catalogue(language, own), gender), about)


# The sections of a journal's page: (id after the questionnaire's, catalogue key of the heading).
JOURNAL_SECTIONS = [
    ("add", "journalAdd"),
    ("todo", "journalTodo"),
    ("entries", "journalEntries"),
    ("by-tag", "journalByTag"),
    ("summary", "journalSummary"),
    ("take", "journalTake"),
]


def _results_title(q: Questionnaire, messages: dict[str, str]) -> str:
    return q.results_title or translate(messages, "answersTitle" if q.scoring.method == "none" else "resultsTitle")


def questionnaire_headings(
    q: Questionnaire,
    *,
    language: str = "en",
    own: Mapping[str, Mapping[str, str]] | None = None,
    related: Related | None = None,
) -> list[tuple[str, str]]:
    """The (id, text) of each heading of a whole questionnaire's page, in order: its
    groups, then its results; a journal's sections; a prompts' groups. The ids are those
    the templates give them (tests/build/test_site.py follows every link to them)."""
    messages = sentences(q, language, own, related)
    if q.scoring.method == "journal":
        noun = (related.tag_noun if related and related.tag_noun else {}).get("singular", "")
        return [
            (f"{q.id}-{part}", translate(messages, key, language, noun=noun))
            for part, key in JOURNAL_SECTIONS
            if part != "by-tag" or (related and related.tags)
        ]
    groups = [(f"{q.id}-group--{g.id}", g.title) for g in q.groups]
    if q.scoring.method == "prompts":
        return groups
    return groups + [(f"{q.id}-results-title", _results_title(q, messages))]
