"""The Content-Security-Policy of the built site.

The site runs no inline code of its own. The theme's templates (Material's, or Zensical's
copy of them) write a few small inline scripts (scope, palette, tabs); each is allowed by the
hash of its exact text, so nothing else inline can run. Which scripts are the theme's is
decided by the theme's own templates, never by where a script sits in a page: a content page
can put text anywhere (a ``</article>`` closes the content early; a front-matter title is
printed unescaped in ``<title>`` and in every page's navigation), so a script is trusted only
when its text is one a template writes, with nothing but a path where the template fills
one in. Inline ``<style>`` elements are hashed too (a style runs no code), so style-src needs
no 'unsafe-inline'. Pages are read with an HTML parser, as a browser tokenizes them.

The policy travels twice: as a meta element in every page (works on any static host) and in
a ``_headers`` file for hosts that read one (Netlify, Cloudflare Pages), where headers that a
meta element cannot carry are added. A referrer meta element goes with it, since the hosts
that ignore ``_headers`` (GitHub Pages, GitLab Pages) send no Referrer-Policy.

One policy serves the whole published folder: under instant navigation the first
page's meta element stays in force while later pages' are added, and a browser
enforces all of them at once, so per-page policies would block each other's
scripts; and hosts read one _headers file, at the root. Pages are written with a
placeholder; ``seal`` fills in one policy from every page's hashes, for one site
after its build, or for several (English at the root, French in fr/) after all of them.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.resources
import importlib.util
import re
from collections.abc import Set as AbstractSet
from html.parser import HTMLParser
from pathlib import Path

_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
# Packages whose templates write Material's inline scripts, and the templates left out:
# a redirect page's script takes its target from a page's front matter; analytics are never ours.
_THEMES = ("material", "zensical")
_NOT_TRUSTED = {"redirect.html", "analytics.html", "google.html"}
# What a template fills in inside a script: a path such as "../.." or "/fr/" (base_url,
# extra.scope). No quote, backslash or angle bracket: it stays inside its string literal.
_FILLED_IN = r"[\w.~%/:-]*"
_JINJA = re.compile(r"\{\{.*?\}\}", re.DOTALL)


class _Inline(HTMLParser):
    """The inline scripts and style elements of a page, each with its attributes and exact text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict[str, str | None], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs), [])
        elif tag == "form" and ("data-form", None) in attrs:
            # A questionnaire's form is most of a large page and holds only text the renderer
            # escaped: read to its end like a script's body, without parsing each of its tags.
            # A page that imitates it only hides its own scripts and styles, which stay blocked.
            self.set_cdata_mode("form")

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[2].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open[0]:
            kind, attrs, parts = self._open
            if kind == "script":
                self.scripts.append((attrs, "".join(parts)))
            else:
                self.styles.append("".join(parts))
            self._open = None


def _read(html: str) -> _Inline:
    parser = _Inline()
    parser.feed(html)
    parser.close()
    return parser


def _runs(attrs: dict[str, str | None]) -> bool:
    """An inline script the browser would run: not src=, not JSON data."""
    return "src" not in attrs and (attrs.get("type") or "").strip().lower() in _EXECUTABLE_TYPES


def _template_folders() -> list[Path]:
    folders = [Path(str(importlib.resources.files("mentorkit.theme")))]
    for name in _THEMES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            folders.append(Path(spec.origin).parent / "templates")
    return [folder for folder in folders if folder.is_dir()]


@functools.cache
def theme_scripts() -> tuple[re.Pattern[str], ...]:
    """The inline scripts the installed themes' templates write, as patterns of their exact text."""
    patterns = set()
    for folder in _template_folders():
        for template in folder.rglob("*.html"):
            if template.name in _NOT_TRUSTED:
                continue
            for attrs, body in _read(template.read_text(encoding="utf-8")).scripts:
                if _runs(attrs) and "{%" not in body and "{#" not in body:  # a statement could write anything
                    patterns.add(_FILLED_IN.join(re.escape(part) for part in _JINJA.split(body)))
    return tuple(re.compile(pattern) for pattern in sorted(patterns))


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_hashes(html: str) -> tuple[set[str], set[str]]:
    """CSP hashes of the page's inline scripts that the theme's templates write, and of its
    inline style elements. Any other inline script, wherever it stands, gets none."""
    page = _read(html)
    themes = theme_scripts()
    scripts = {
        _hash(body)
        for attrs, body in page.scripts
        if _runs(attrs) and any(pattern.fullmatch(body) for pattern in themes)
    }
    return scripts, {_hash(style) for style in page.styles}


def policy(scripts: set[str], styles: AbstractSet[str] = frozenset()) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *sorted(scripts)]),
            " ".join(["style-src 'self'", *sorted(styles)]),  # no style attributes: the runtime sets classes
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


PLACEHOLDER = '<meta http-equiv="Content-Security-Policy" content="mentorkit-policy">'
# Written by the theme (theme/main.html) after the placeholder: hosts that ignore _headers
# still get the referrer policy.
REFERRER = '<meta name="referrer" content="no-referrer">'
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_ZENSICAL = re.compile(r'<meta name="generator" content="zensical-')


def seal(folder: Path) -> str:
    """Give every page under ``folder`` the one policy that allows all their theme
    scripts and inline styles, and write it to ``folder/_headers``. Returns the policy."""
    pages = {page: page.read_text(encoding="utf-8") for page in Path(folder).rglob("*.html")}
    scripts: set[str] = set()
    styles: set[str] = set()
    for html in pages.values():
        found_scripts, found_styles = inline_hashes(html)
        scripts |= found_scripts
        styles |= found_styles
    if any(_ZENSICAL.search(html) for html in pages.values()):
        # Zensical 0.0.73's search draws itself in a shadow root with a <style> element made by
        # its bundle, whose text no page holds to hash: styles stay allowed inline there (a style
        # cannot run code; scripts are still allowed by hash only). A hash beside 'unsafe-inline'
        # would switch it off, so it stands alone. test_zensical.py records this.
        styles = {"'unsafe-inline'"}
    text = policy(scripts, styles)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    for page, html in pages.items():
        sealed = _META.sub(meta, html, count=1)
        if sealed != html:
            page.write_text(sealed, encoding="utf-8")
    (Path(folder) / "_headers").write_text(headers_file(scripts, styles), encoding="utf-8")
    return text


def headers_file(scripts: set[str], styles: AbstractSet[str] = frozenset()) -> str:
    """A _headers file: the same policy for every path, with what only a header can say."""
    return "\n".join(
        [
            "/*",
            f"  Content-Security-Policy: {policy(scripts, styles)}; frame-ancestors 'none'",
            "  X-Content-Type-Options: nosniff",
            "  Referrer-Policy: no-referrer",
            "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
            "",
        ]
    )
