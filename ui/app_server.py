"""The app's server: the Streamlit app (ui/app.py) plus one route, `source/<meeting id>`, that
serves a stored meeting's original document so a citation can open it (a PDF at the cited
page: `source/<id>#page=N`). `minutes ui` runs this file with `streamlit run`, which finds
the `st.App` below and serves it with uvicorn.

Only a document recorded as some stored meeting's source can be served, never an arbitrary
path. HTML is served sandboxed (no scripts, its own origin) because minutes text is data.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rag.config import offline_environment  # noqa: E402

offline_environment()

import streamlit as st  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import FileResponse, PlainTextResponse, Response  # noqa: E402
from starlette.routing import Route  # noqa: E402

from ui.app_common import _MIME, SOURCE_ROUTE_ENV, source_file, store_path  # noqa: E402

os.environ[SOURCE_ROUTE_ENV] = "1"  # tells the pages that source links can point here


def serve_source(request: Request) -> Response:
    """The original document of one stored meeting, shown in the browser where it can be."""
    from ingest.errors import MinutesError
    from rag.config import Settings
    from rag.store import MinutesStore

    meeting_id = request.path_params["meeting_id"]
    try:
        store = MinutesStore.open(Settings.from_options(store=store_path()), create=False)
        meeting = store.get_meeting(meeting_id)
    except MinutesError:
        return PlainTextResponse("No such meeting in the store.", status_code=404)
    path = source_file(meeting)
    if path is None:
        return PlainTextResponse("The original document is no longer where it was added from.", status_code=404)
    suffix = path.suffix.lower()
    mime = _MIME.get(suffix, "application/octet-stream")
    inline = suffix != ".docx"
    headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}
    if suffix in (".html", ".htm"):
        headers["Content-Security-Policy"] = "sandbox"
    if mime.startswith("text/"):
        mime += "; charset=utf-8" if _is_utf8(path) else ""
    return FileResponse(path, media_type=mime, headers=headers, filename=path.name,
                        content_disposition_type="inline" if inline else "attachment")


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


class BackendBase:
    """Tell the page where the server is, so a page opened at its own address (/meetings?...)
    connects at once instead of first probing /meetings/_stcore/health and
    /meetings/_stcore/host-config, which 404 and show as console errors on every deep link.

    Streamlit's frontend reads `window.__streamlit.BACKEND_BASE_URL`; this pure ASGI
    middleware adds that one line to the HTML page the server returns, nothing else.
    """

    _SKIP = ("/_stcore/", "/static/", "/media/", "/source/", "/component/")

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or any(p in scope["path"] for p in self._SKIP):
            return await self.app(scope, receive, send)
        from streamlit import config

        base = "/" + (config.get_option("server.baseUrlPath") or "").strip("/")
        script = ("<script>window.__streamlit=Object.assign(window.__streamlit||{},"
                  f"{{BACKEND_BASE_URL:location.origin+{json.dumps(base.rstrip('/') + '/')}}});</script>").encode()
        # Uncompressed, so the line can be added (the page is a few kilobytes).
        scope = {**scope, "headers": [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]}
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                return await send(message)
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            headers = dict(start.get("headers") or [])
            if headers.get(b"content-type", b"").startswith(b"text/html") and not headers.get(b"content-encoding") \
                    and b"<head>" in body:
                body = body.replace(b"<head>", b"<head>" + script, 1)
            out = [(k, v) for k, v in start.get("headers") or [] if k.lower() != b"content-length"]
            out.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": out})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)


app = st.App("app.py", routes=[Route("/source/{meeting_id}", serve_source, methods=["GET"])],
             middleware=[Middleware(BackendBase)])
