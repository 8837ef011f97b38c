"""Where a page of the site is published, and the link from one page to another.

MkDocs and Zensical publish a Markdown page by the same rule, so the generator can
work out a link between two pages from their source paths alone, without asking
either of them: ``about/benefits.md`` is published at ``about/benefits/`` (or
``about/benefits.html`` without directory URLs), an ``index.md`` or ``README.md``
as its folder's index.

They differ in what they do with a link in a page's HTML: MkDocs leaves the HTML a
Markdown extension made as it is, so the link must be the published one (``link``);
Zensical reads every link of the page, that HTML included, as relative to the
Markdown file, checks that the target exists, and rewrites it to the published URL,
so the link must be the source's (``source_link``).
"""

from __future__ import annotations

import posixpath


def page_url(source: str, directory_urls: bool = True) -> str:
    """The URL of the page made from ``source`` (a path inside the docs folder), relative to the site's root."""
    folder, name = posixpath.split(source)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        if directory_urls:
            return folder + "/" if folder else ""
        return posixpath.join(folder, "index.html")
    if directory_urls:
        return posixpath.join(folder, stem) + "/"
    return posixpath.join(folder, stem + ".html")


def link(source: str, target: str, directory_urls: bool = True) -> str:
    """The relative link, from the page made from ``source``, to the page made from ``target``."""
    here, there = page_url(source, directory_urls), page_url(target, directory_urls)
    folder = here if here.endswith("/") else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", folder or ".")
    if there.endswith("/") or not there:
        return "./" if relative == "." else relative + "/"
    return relative


def main_site_link(source: str, target: str, main: str, directory_urls: bool = True) -> str:
    """The relative link, from the page made from ``source``, to the page made from ``target`` on
    the main language's site, published at ``main`` from this site's root (e.g. "../")."""
    here, there = page_url(source, directory_urls), page_url(target, directory_urls)
    folder = here if here.endswith("/") else posixpath.dirname(here)
    path = posixpath.normpath(posixpath.join(posixpath.relpath(".", folder or "."), main, there or "."))
    return path + "/" if there.endswith("/") or not there else path


def source_link(source: str, target: str) -> str:
    """The link to the Markdown file ``target`` as written in the Markdown file ``source``."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def file_link(source: str, target: str, directory_urls: bool = True) -> str:
    """The relative address, from the page made from ``source``, of a file published as it is
    at ``target`` (a path inside the docs folder, such as a cohort summary). An address, not a
    link in the page's HTML: both generators need the published one."""
    here = page_url(source, directory_urls)
    folder = here if here.endswith("/") else posixpath.dirname(here)
    return posixpath.relpath(target, folder or ".")
