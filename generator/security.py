"""The Content-Security-Policy of the built site.

The site runs no inline code of its own. Material's base template carries a few
small inline scripts (scope, palette, tabs); each is allowed by the hash of its
exact text, so nothing else inline can run. The policy travels twice: as a meta
element in every page (works on any static host) and in a ``_headers`` file for
hosts that read one (Netlify, Cloudflare Pages), where headers that a meta
element cannot carry are added.

One policy serves the whole published folder: under instant navigation the first
page's meta element stays in force while later pages' are added, and a browser
enforces all of them at once, so per-page policies would block each other's
scripts; and hosts read one _headers file, at the root. Pages are written with a
placeholder; ``seal`` fills in one policy from every page's hashes, for one site
after its build, or for several (English at the root, French in fr/) after all of them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


_ARTICLE = re.compile(r"<article\b", re.IGNORECASE)
_ARTICLE_END = re.compile(r"</article>", re.IGNORECASE)


def _content_spans(html: str) -> list[tuple[int, int]]:
    """Each <article> up to its first </article>, or to the end if left open (a lazy
    regex over whole pages, or lowercasing them, took half the time of sealing)."""
    spans, start = [], 0
    while (opening := _ARTICLE.search(html, start)) is not None:
        closing = _ARTICLE_END.search(html, opening.end())
        start = closing.end() if closing else len(html)
        spans.append((opening.start(), start))
    return spans


def inline_script_hashes(html: str) -> set[str]:
    """CSP hashes of the inline scripts a browser would run (not JSON data, not src=),
    outside the page's content: a script inside <article> came from content, never
    from the theme, and is never allowed."""
    hashes = set()
    content = _content_spans(html)
    for match in _SCRIPT.finditer(html):
        if any(start <= match.start() < end for start, end in content):
            continue
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE) or (kind and kind.group(1).lower() not in _EXECUTABLE_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return hashes


def policy(hashes: set[str]) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(sorted(hashes)) if hashes else "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",  # Material sets style attributes; styles cannot run code
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
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def mark_page(html: str) -> str:
    """The page with a policy placeholder as the first element of <head>, before any script."""
    head = _HEAD.search(html)
    if head is None or _META.search(html):
        return html
    return html[: head.end()] + PLACEHOLDER + html[head.end() :]


def seal(folder: Path) -> str:
    """Give every page under ``folder`` the one policy that allows all their theme
    scripts, and write it to ``folder/_headers``. Returns the policy."""
    pages = {page: page.read_text(encoding="utf-8") for page in Path(folder).rglob("*.html")}
    hashes = set().union(*(inline_script_hashes(html) for html in pages.values()))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    for page, html in pages.items():
        sealed = _META.sub(meta, html, count=1)
        if sealed != html:
            page.write_text(sealed, encoding="utf-8")
    (Path(folder) / "_headers").write_text(headers_file(hashes), encoding="utf-8")
    return policy(hashes)


def headers_file(hashes: set[str]) -> str:
    """A _headers file: the same policy for every path, with what only a header can say."""
    return "\n".join(
        [
            "/*",
            f"  Content-Security-Policy: {policy(hashes)}; frame-ancestors 'none'",
            "  X-Content-Type-Options: nosniff",
            "  Referrer-Policy: no-referrer",
            "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
            "",
        ]
    )
