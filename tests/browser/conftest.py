import pytest

from tests.conftest import CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium: Playwright's own browser download does not work here.
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture
def site(built_site):
    return built_site["url"]


@pytest.fixture(autouse=True)
def _fail_on_page_errors(page, request):
    """Any script error on any page fails the test that caused it, except errors a test
    provokes on purpose and names with @pytest.mark.expected_page_errors("message")."""
    marker = request.node.get_closest_marker("expected_page_errors")
    expected = set(marker.args) if marker else set()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield
    assert [e for e in errors if e not in expected] == [], errors
