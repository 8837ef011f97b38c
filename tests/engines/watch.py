"""What a page says went wrong, heard by the server that sends it, the same way in every engine
(Chromium's, Firefox's and WebKit's drivers each see a page's console differently, or not at all).
While a Watch is set on a test server (``watched``), every HTML page it sends carries watch.js first
in its head, which reports script errors, uncaught rejections, blocked and failed requests to
``/__engine/report``; every response of 400 or more is noted too. The engine tier reads and empties
the notes after each journey at ``/__engine/seen``."""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path

SCRIPT = (Path(__file__).parent / "watch.js").read_bytes()
TAG = b'<script src="/__engine/watch.js"></script>'


class Watch:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: list[dict] = []

    def note(self, kind: str, text: str, page: str = "") -> None:
        with self._lock:
            self._seen.append({"kind": kind, "text": text, "page": page})

    def take(self) -> list[dict]:
        with self._lock:
            seen, self._seen = self._seen, []
        return seen

    def answer(self, handler) -> bool:
        """Answers the watch's own requests; False for any other (the site's)."""
        path = handler.path.split("?")[0]
        if handler.command == "POST" and path == "/__engine/report":
            body = handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
            with contextlib.suppress(ValueError, AttributeError):
                report = json.loads(body)
                self.note(report["kind"], report["text"], report.get("page", ""))
            self._send(handler, 204, b"", "text/plain")
            return True
        if path == "/__engine/watch.js":
            self._send(handler, 200, SCRIPT, "text/javascript")
            return True
        if path == "/__engine/seen":
            self._send(handler, 200, json.dumps(self.take()).encode(), "application/json")
            return True
        return False

    @staticmethod
    def _send(handler, status: int, body: bytes, kind: str) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Cache-Control", "no-store")
        handler.end_headers()
        handler.wfile.write(body)

    @staticmethod
    def page(handler) -> bytes | None:
        """The HTML page asked for, with watch.js as the first thing its head runs; None for
        anything else (a file, a folder's address without its slash, a page that is not there)."""
        if not handler.path.split("?")[0].endswith(("/", ".html")):
            return None
        path = Path(handler.translate_path(handler.path))
        page = path / "index.html" if path.is_dir() else path
        if page.suffix != ".html" or not page.is_file():
            return None
        return page.read_bytes().replace(b"<head>", b"<head>" + TAG, 1)


@contextlib.contextmanager
def watched(server):
    """A Watch on ``server`` (conftest.serve's) while the block runs."""
    server.watch = Watch()
    try:
        yield server.watch
    finally:
        server.watch = None
