"""Markdown from questionnaire files, rendered so that it can carry no code.

Questionnaire text is trusted no more than any other input: raw HTML is shown
as text and links may only use safe schemes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import cast
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

_SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")


def safe_url(url: str) -> bool:
    """Judge the URL the browser will see: character references decoded, and the
    tabs, newlines and controls it skips removed ('java&#x09;script:' is 'javascript:')."""
    seen = _IGNORED_BY_BROWSERS.sub("", html.unescape(url))
    scheme = _SCHEME.match(seen)
    return scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES


class _SafeLinks(Treeprocessor):
    """Links with unsafe schemes go nowhere; the others go where ``links`` (if set) sends them."""

    links: Callable[[str], str] | None = None  # set for one conversion by render_markdown

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is not None and not safe_url(url):
                    element.set(attribute, "#")
                elif url is not None and self.links is not None:
                    element.set(attribute, self.links(url))


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML blocks become escaped text
    md.inlinePatterns.deregister("html")  # and so do inline tags
    md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
    return md


_MD = _converter()


def render_markdown(text: str, links: Callable[[str], str] | None = None) -> str:
    """``text`` as HTML; ``links`` maps each link target (href or src) to the one written, e.g. a link
    between Markdown files to the link between the pages they become (qlinks.py)."""
    if not text:
        return ""
    _MD.reset()
    safe = cast(_SafeLinks, _MD.treeprocessors["safe_links"])
    safe.links = links
    try:
        return _MD.convert(text)
    finally:
        safe.links = None


# Nothing that Markdown reads inline: such a hint is shown as it is, escaped, without a conversion.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>&!]")


def render_inline(text: str, links: Callable[[str], str] | None = None) -> str:
    """One line of Markdown (a hint) as inline HTML: links and emphasis, no paragraph around it."""
    if not _INLINE_SYNTAX.search(text):
        return html.escape(text, quote=False)
    rendered = render_markdown(text, links)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered
