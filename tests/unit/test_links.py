"""Links between pages, worked out from source paths as MkDocs and Zensical publish them."""

from __future__ import annotations

import pytest
from mentorkit.site.links import link, page_url, source_link
from mkdocs.structure.files import File

PAGES = ["index.md", "about/benefits.md", "about/index.md", "a/b/c.md", "a/x.md", "a/README.md", "a/c/d.md"]


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory URLs", "file URLs"])
def test_a_link_between_any_two_pages_is_the_one_mkdocs_writes(directory_urls):
    for source in PAGES:
        for target in PAGES:
            expected = File(target, "/docs", "/site", directory_urls).url_relative_to(
                File(source, "/docs", "/site", directory_urls)
            )
            assert link(source, target, directory_urls) == expected, (source, target)


def test_a_page_is_published_at_its_folder_or_its_name():
    assert [page_url(p) for p in ("index.md", "about/index.md", "about/benefits.md")] == [
        "",
        "about/",
        "about/benefits/",
    ]
    assert page_url("about/benefits.md", directory_urls=False) == "about/benefits.html"


def test_a_source_link_is_written_from_the_markdown_file_s_folder():
    assert source_link("about/what-is-mentoring.md", "assessments/questions-to-consider.md") == (
        "../assessments/questions-to-consider.md"
    )
    assert source_link("index.md", "about/benefits.md") == "about/benefits.md"
    assert source_link("about/a.md", "about/b.md") == "b.md"
