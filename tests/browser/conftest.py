from __future__ import annotations

import contextlib
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.build.conftest import make_project
from tests.conftest import CHROMIUM_ARGS, CHROMIUM_HEADLESS, listening, mkdocs_build


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, headless build: Playwright's own browser download does not work here.
    return {**browser_type_launch_args, "executable_path": CHROMIUM_HEADLESS, "args": CHROMIUM_ARGS}


@pytest.fixture
def site(built_site):
    return built_site["url"]


# What a test may do to its tab that a page load does not undo. Some of it is undone when the
# test ends (listeners, scripts run before every page, screen and media): the next test gets the
# tab as a new one would be. The rest leaves the tab to no one: routes, more tabs, cookies and
# permissions, closing.
_UNDONE = {
    "page": ("on", "once", "add_init_script", "emulate_media", "set_viewport_size"),
    "context": (),
}
_LASTING = {
    "page": (
        "route", "route_from_har", "route_web_socket", "expose_function", "expose_binding",
        "set_extra_http_headers", "set_default_timeout", "set_default_navigation_timeout", "close",
    ),
    "context": (
        "on", "once", "route", "route_from_har", "add_init_script", "expose_function", "expose_binding",
        "new_page", "set_offline", "grant_permissions", "clear_permissions", "add_cookies", "set_geolocation",
        "set_extra_http_headers", "set_default_timeout", "close",
    ),
}  # fmt: skip
# What emulate_media leaves as a new context has it, for the media features a context may set.
_MEDIA = {
    "color_scheme": "light",
    "reduced_motion": "no-preference",
    "forced_colors": "none",
    "contrast": "no-preference",
}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class _Tab:
    """A browser tab handed from one test to the next while none of them changed more than the
    pages it loaded, or changed only what can be put back: each test still starts from a page
    load with empty storage, and a new tab costs a new renderer process (about 0.7 s of processor
    time, more than most tests take)."""

    def __init__(self, browser: Browser, context_args: dict):
        self.context_args = context_args
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.viewport = self.page.viewport_size
        self.media = {name: context_args.get(name, default) for name, default in _MEDIA.items()}
        self.errors: list[str] = []
        self.origins: set[str] = set()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("framenavigated", lambda frame: self.origins.add(_origin(frame.url)))
        self.lasting: list[str] = []
        self.undo: list = []

    def _watched_methods(self):
        """(page or context, method name, label) of every method watched."""
        for owner, target in (("page", self.page), ("context", self.context)):
            for name in _UNDONE[owner] + _LASTING[owner]:
                yield target, name, f"{owner}.{name}"

    def lend(self) -> Page:
        """The tab, watching for what a test does that would outlast it."""
        self.errors.clear()
        self.origins.clear()
        for target, name, label in self._watched_methods():
            setattr(target, name, self._watched(target, name, label))
        return self.page

    def _watched(self, target, name: str, label: str):
        original = getattr(type(target), name).__get__(target)
        undo = getattr(self, "_undo_" + name, None) if name in _UNDONE["page"] and target is self.page else None

        def call(*args, **kwargs):
            result = original(*args, **kwargs)
            if undo:
                self.undo.append(lambda: undo(result, *args, **kwargs))
            else:
                self.lasting.append(label)
            return result

        return call

    def _undo_on(self, _, event: str, handler) -> None:
        with contextlib.suppress(KeyError):  # a "once" listener that has run is gone already
            self.page.remove_listener(event, handler)

    _undo_once = _undo_on

    def _undo_add_init_script(self, script, *_, **__) -> None:
        script.close()

    def _undo_emulate_media(self, *_, **__) -> None:
        self.page.emulate_media(media="null", **self.media)

    def _undo_set_viewport_size(self, *_, **__) -> None:
        if self.viewport:
            self.page.set_viewport_size(self.viewport)

    def take_back(self) -> bool:
        """Whether the next test may have this tab: nothing lasting was done, what can be undone
        was, and every page loaded was on one origin, whose storage is then emptied (as a new
        context's is)."""
        for target, name, _ in self._watched_methods():
            target.__dict__.pop(name, None)
        undo, self.undo = self.undo[::-1], []
        here = _origin(self.page.url) if not self.page.is_closed() else ""
        if self.lasting or len(self.context.pages) != 1 or self.origins - {here} or not here.startswith("http"):
            return False
        try:
            for step in undo:
                step()
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


@pytest.fixture
def small_site(tmp_path):
    """A programme's own small site whose questionnaire can be edited and rebuilt at the same address."""
    project = make_project(tmp_path)
    out = tmp_path / "site"
    server, url = listening(out)
    assert mkdocs_build(project, out, site_url=url).returncode == 0

    def rebuild(text: str) -> None:
        (tmp_path / "questionnaires" / "small.yml").write_text(text, encoding="utf-8")
        result = mkdocs_build(project, out, site_url=url)
        assert result.returncode == 0, result.stderr

    yield url + "assessments/small/", rebuild
    server.shutdown()
