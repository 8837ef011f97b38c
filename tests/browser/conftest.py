from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium: Playwright's own browser download does not work here.
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture
def site(built_site):
    return built_site["url"]


# What a test may do to its tab that a page load does not undo: listeners and dialog handlers,
# routes, scripts run before every page, screen and media, more tabs, closing. A test that does
# any of it leaves its tab to no one.
_LASTING = {
    "page": (
        "on", "once", "route", "route_from_har", "route_web_socket", "add_init_script", "expose_function",
        "expose_binding", "set_viewport_size", "emulate_media", "set_extra_http_headers",
        "set_default_timeout", "set_default_navigation_timeout", "close",
    ),
    "context": (
        "on", "once", "route", "route_from_har", "add_init_script", "expose_function", "expose_binding",
        "new_page", "set_offline", "grant_permissions", "clear_permissions", "add_cookies", "set_geolocation",
        "set_extra_http_headers", "set_default_timeout", "close",
    ),
}  # fmt: skip


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class _Tab:
    """A browser tab handed from one test to the next while none of them changed more than the
    pages it loaded: each test still starts from a page load with empty storage, and a new tab
    costs a new renderer process (about 0.7 s of processor time, more than most tests take)."""

    def __init__(self, browser: Browser, context_args: dict):
        self.context_args = context_args
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.origins: set[str] = set()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("framenavigated", lambda frame: self.origins.add(_origin(frame.url)))
        self.lasting: list[str] = []

    def _lasting_methods(self):
        """(page or context, method name, label) of every method _LASTING names."""
        for owner, target in (("page", self.page), ("context", self.context)):
            for name in _LASTING[owner]:
                yield target, name, f"{owner}.{name}"

    def lend(self) -> Page:
        """The tab, watching for what a test does that would outlast it."""
        self.errors.clear()
        self.origins.clear()
        for target, name, label in self._lasting_methods():
            setattr(target, name, self._watched(target, name, label))
        return self.page

    def _watched(self, target, name: str, label: str):
        original = getattr(type(target), name).__get__(target)

        def call(*args, **kwargs):
            self.lasting.append(label)
            return original(*args, **kwargs)

        return call

    def take_back(self) -> bool:
        """Whether the next test may have this tab: nothing lasting was done, and every page loaded
        was on one origin, whose storage is then emptied (as a new context's is)."""
        for target, name, _ in self._lasting_methods():
            target.__dict__.pop(name, None)
        here = _origin(self.page.url) if not self.page.is_closed() else ""
        if self.lasting or len(self.context.pages) != 1 or self.origins - {here} or not here.startswith("http"):
            return False
        try:
            self.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            self.context.clear_cookies()
        except Exception:  # a page that went away while being emptied: not lent again
            return False
        return True


@pytest.fixture(scope="session")
def _tab_holder(browser: Browser) -> Iterator[dict]:
    holder: dict = {"tab": None, "browser": browser}
    yield holder
    if holder["tab"]:
        holder["tab"].context.close()


@pytest.fixture
def page(_tab_holder: dict, browser_context_args: dict, request) -> Iterator[Page]:
    """A tab of its own to each test, as pytest-playwright gives, but one already open when the
    test before left it as it found it. Any script error on any page fails the test that caused
    it, except errors a test provokes on purpose and names with
    @pytest.mark.expected_page_errors("message")."""
    tab: _Tab | None = _tab_holder["tab"]
    if tab is not None and tab.context_args != browser_context_args:  # a module's own locale, say
        tab.context.close()
        tab = None
    if tab is None:
        tab = _tab_holder["tab"] = _Tab(_tab_holder["browser"], browser_context_args)
    yield tab.lend()
    errors = list(tab.errors)
    if not tab.take_back():
        _tab_holder["tab"] = None
        tab.context.close()
    marker = request.node.get_closest_marker("expected_page_errors")
    expected = set(marker.args) if marker else set()
    assert [e for e in errors if e not in expected] == [], errors
