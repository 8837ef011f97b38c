"""Markdown from questionnaire files, rendered so that it can carry no code.

Questionnaire text is trusted no more than any other input: raw HTML is shown
as text and links may only use safe schemes.
"""

from __future__ import annotations

import re

import markdown
from markdown.treeprocessors import Treeprocessor

_SAFE_URL = re.compile(r"^(https?:|mailto:|#|/|\.|[^:/?#]+(?:[/?#]|$))", re.IGNORECASE)


class _SafeLinks(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is not None and not _SAFE_URL.match(url.strip()):
                    element.set(attribute, "#")


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML blocks become escaped text
    md.inlinePatterns.deregister("html")  # and so do inline tags
    md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
    return md


_MD = _converter()


def render_markdown(text: str) -> str:
    if not text:
        return ""
    _MD.reset()
    return _MD.convert(text)
