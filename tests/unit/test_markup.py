"""Markdown from questionnaire files can format text but can carry no code."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from mentorkit.site.markup import render_markdown


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    """The tags a browser would build, with attribute values decoded as a browser decodes them."""
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def urls(html: str) -> list[str]:
    return [attrs[name] for _, attrs in elements(html) for name in ("href", "src") if name in attrs]


def as_browser_reads(url: str) -> str:
    # Browsers drop ASCII tab/newline anywhere in a URL and leading control characters and spaces.
    return "".join(c for c in url if c not in "\t\n\r").lstrip("".join(map(chr, range(0x21)))).lower()


# --- raw HTML ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Hello <img src=x onerror=alert(1)> there",
        '<div onclick="alert(1)">click</div>',
        "<iframe src=https://example.org></iframe>",
        "**bold <svg onload=alert(1)>**",
    ],
)
def test_raw_html_is_shown_as_text_not_run(text):
    html = render_markdown(text)
    assert {tag for tag, _ in elements(html)} <= {"p", "strong"}
    assert "&lt;" in html


def test_a_script_tag_comes_out_escaped():
    assert render_markdown("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


# --- links ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[click]( javascript:alert(1) )",
        "[click](<javascript:alert(1)>)",
        "[click][evil]\n\n[evil]: javascript:alert(1)",
        "![pic](javascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ],
)
def test_unsafe_link_schemes_are_neutralised(text):
    assert urls(render_markdown(text)) == ["#"]


@pytest.mark.parametrize(
    "text",
    [
        "[click](javascript&#58;alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](javascript&colon;alert(1))",
    ],
)
def test_entity_encoded_javascript_links_are_neutralised(text):
    # Browsers decode character references in attributes before they read the scheme,
    # so href="javascript&#58;alert(1)" would run script when clicked.
    (url,) = urls(render_markdown(text))
    assert not as_browser_reads(url).startswith("javascript:")


# --- ordinary Markdown still works -------------------------------------------------


def test_bold_and_emphasis_still_work():
    assert render_markdown("I **always** listen, *mostly*.") == (
        "<p>I <strong>always</strong> listen, <em>mostly</em>.</p>"
    )


def test_lists_still_work():
    assert render_markdown("- listen\n- summarise\n") == "<ul>\n<li>listen</li>\n<li>summarise</li>\n</ul>"


@pytest.mark.parametrize(
    "url",
    [
        "../competences/levels.md",
        "competences/evaluation.md#at-foundation-level",
        "/programme/",
        "#levels",
        "https://www.emccglobal.org/",
        "mailto:programme@example.org",
    ],
)
def test_ordinary_links_are_kept(url):
    assert urls(render_markdown(f"See [the page]({url}).")) == [url]


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""


def test_rendering_twice_gives_the_same_html():
    text = "[a][ref]\n\n[ref]: levels.md"
    assert render_markdown(text) == render_markdown(text) == '<p><a href="levels.md">a</a></p>'
