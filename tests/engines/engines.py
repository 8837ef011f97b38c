"""The engines readers use, as the suite and `make look` start them: each script of tests/engines
runs in Node, in one engine (drivers.mjs), and WebKitGTK's browser needs a display (Xvfb)."""

from __future__ import annotations

import shutil

ENGINES = ("chromium", "firefox", "webkit")
# What each engine needs on the machine; `make browser` (scripts/ensure-browsers) installs it.
NEEDED = {
    "chromium": ["/usr/bin/chromium-headless-shell"],
    "firefox": ["/usr/bin/firefox-esr"],
    "webkit": ["/usr/bin/WebKitWebDriver", "xvfb-run"],
}


def command(script: str, engine: str, *args: str) -> list[str]:
    """The command that runs tests/engines/<script> in ``engine`` (from the repository's root)."""
    missing = [tool for tool in NEEDED[engine] if not shutil.which(tool)]
    if missing:
        raise RuntimeError(f"{engine} needs {', '.join(missing)}: `make browser` installs it (scripts/ensure-browsers)")
    run = ["node", f"tests/engines/{script}", engine, *args]
    return ["xvfb-run", "-a", *run] if engine == "webkit" else run  # its headless mode hangs here
