"""Warnings about a site's configuration that cost a reader something but break nothing.

Written straight to the error stream, once per process: MkDocs counts every warning logged
through its own loggers, and ``--strict`` (the toolkit's default) would then refuse to build
a site that is merely not ready for publishing, such as a preview or a test build.
"""

from __future__ import annotations

import sys

NO_SITE_URL = (
    "WARNING -  mentorkit: site_url is not set, so sitemap.xml lists no page, and Material's instant navigation, "
    "which follows only the pages listed there, does nothing: every link loads a whole page, and search engines get "
    'no sitemap. Set it for publishing, e.g. site_url: !ENV [SITE_URL, ""] in mkdocs.yml and '
    "SITE_URL=https://mentoring.example.org/ when you build."
)

_said: set[str] = set()


def warn_once(message: str) -> None:
    if message not in _said:
        _said.add(message)
        print(message, file=sys.stderr, flush=True)
