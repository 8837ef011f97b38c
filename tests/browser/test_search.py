"""Search as a reader meets it, at no cost until they use it: Material builds its index of the whole
site in a worker on every page load (a third of the processor time of a page here), and the site's
own worker (theme-src/javascripts/search-on-demand.js) starts Material's only when a reader
first types a search. What the reader sees is Material's search, whole: the box says what to do,
the first search finds what every later one finds, in both languages; Zensical's search, whose
worker speaks otherwise, is left as it was and works."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Worker, expect

BOX = ".md-search__input"
META = ".md-search-result__meta"
ITEMS = ".md-search-result__item"


def search_worker(page: Page) -> Worker:
    """The page's search worker, once it has started."""
    page.wait_for_function("() => document.readyState === 'complete'")
    for _ in range(50):
        workers = [w for w in page.workers if "/workers/search" in w.url]
        if workers:
            return workers[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"no search worker started on {page.url}: {[w.url for w in page.workers]}")


def built(worker: Worker) -> bool:
    """Whether Lunr, and with it Material's index, has been loaded into the worker."""
    return worker.evaluate("typeof lunr !== 'undefined'")


def opened(page: Page, url: str, placeholder: str) -> Worker:
    """The page at ``url``, its search box opened, with its search worker, which has built nothing."""
    page.goto(url)
    worker = search_worker(page)
    page.wait_for_timeout(500)  # time enough for a worker that builds at once to have begun
    assert not built(worker), "the search index was built before anyone searched"
    page.locator(BOX).click()
    expect(page.locator(META)).to_have_text(placeholder)  # answered at once, not "Initializing search"
    assert not built(worker), "opening the search box built the index"
    return worker


@pytest.mark.parametrize(
    ("path", "placeholder", "words", "found"),
    [
        ("about/what-is-mentoring/", "Type to start searching", "mentee", r"^\d+ matching documents$"),
        ("fr/", "Taper pour démarrer la recherche", "mentorée", r"^\d+ documents trouvés$"),
    ],
    ids=["en", "fr"],
)
def test_the_index_is_built_when_a_reader_first_searches_and_finds_what_later_searches_find(
    page: Page, site: str, path: str, placeholder: str, words: str, found: str
):
    worker = opened(page, site + path, placeholder)
    # Typed key by key: each key a query, sent while the index is being built.
    page.locator(BOX).press_sequentially(words)
    expect(page.locator(META)).to_have_text(re.compile(found))
    assert built(worker)

    # The same words in a second tab, given at once (one query): the first tab ends on what it shows,
    # so none of the keys typed meanwhile was lost or answered out of order.
    other = page.context.new_page()
    try:
        opened(other, site + path, placeholder)
        other.locator(BOX).fill(words)
        other.locator(BOX).press("End")  # Material searches on a key's release
        expect(other.locator(META)).to_have_text(re.compile(found))
        expect(page.locator(META)).to_have_text(other.locator(META).inner_text())
        assert page.locator(ITEMS).all_inner_texts() == other.locator(ITEMS).all_inner_texts()
        assert page.locator(ITEMS).count() > 0
    finally:
        other.close()


def test_zensicals_search_is_left_as_it_was_and_works(page: Page, zensical_site):
    """Zensical's worker, whose index this site's worker does not know, is started at once as before."""
    page.goto(zensical_site["url"] + "about/what-is-mentoring/")
    assert "search-on-demand.js?worker=" in search_worker(page).url
    page.get_by_role("button", name="Search").first.click()
    page.keyboard.type("mentee")
    expect(page.get_by_text(re.compile(r"^[1-9]\d* results$"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Choosing a mentee")).first).to_be_visible()
