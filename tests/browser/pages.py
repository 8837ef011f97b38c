"""The built site's pages, one of each kind: what a browser check must see at least once.

Every page of a kind comes from the same templates and the same runtime: the guidance pages
differ in their words, the questionnaire pages by their scoring method. Checking one page of
each kind (in each palette) finds what checking all of them found, in a fraction of the time.
"""

from __future__ import annotations

import re
from pathlib import Path

_METHOD = re.compile(r'data-questionnaire="[^"]*" data-method="(\w+)"')


def kind_of(path: str, html: str) -> str:
    language = "fr " if path.startswith("fr/") else ""
    if path.endswith("404.html"):
        return language + "not found"
    if path in ("", "fr/"):
        return language + "home"
    if "data-block" in html:
        return language + "guidance with questions"
    method = _METHOD.search(html)
    if method:
        return f"{language}questionnaire scored by {method.group(1)}"
    return language + ("section index" if path.count("/") == 1 else "guidance")


def one_of_each_kind(built_site) -> dict[str, str]:
    """{kind: path below the site's address}, the first page of each kind in path order."""
    root = Path(built_site["dir"])
    found: dict[str, str] = {}
    for html in sorted(root.rglob("*.html")):
        if html.name not in ("index.html", "404.html"):
            continue
        relative = html.relative_to(root).as_posix()
        path = relative if html.name == "404.html" else relative.removesuffix("index.html")
        found.setdefault(kind_of(path, html.read_text(encoding="utf-8")), path)
    return found
