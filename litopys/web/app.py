"""The litopys web interface: an ASGI app (Starlette) over a stored chronicle.

Every HTML page has a ``.json`` twin that its script reads. The store is
opened read-only, one connection per worker thread: page handlers are plain
functions that Starlette runs in its thread pool (as Datasette's
``execute_fn``), so a slow query never holds up the event loop or a fast
page. Long documents are read a page at a time. A store SQLite cannot read
gives a coded error page (503), not a traceback. Every page escapes every text (Jinja autoescape; scripts
use ``textContent``); responses carry a strict Content-Security-Policy with
no inline scripts; static and vendor files come from allow-lists, so no path
from a request ever reaches the file system.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from litopys.errors import LitopysError
from litopys.export import EXPORTERS, export_bytes
from litopys.store import queries as q
from litopys.store.db import Store, store_error, upgrade
from litopys.web import pages as views

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

MAX_LIMIT = q.MAX_LIMIT
MAX_PARAM_CHARS = 200

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
"""No inline or foreign scripts. Inline *styles* are allowed because vis-timeline
and Cytoscape set element styles at run time; styles cannot run code."""

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

VENDOR_FILES: tuple[str, ...] = (
    "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
    "vis-timeline/styles/vis-timeline-graph2d.min.css",
    "cytoscape/dist/cytoscape.min.js",
    "chart.js/dist/chart.umd.min.js",
)
"""The only files ``/vendor/`` serves, as paths under ``node_modules``."""

MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".map": "application/json",
}


def node_modules_dir() -> Path:
    """Where the front-end libraries are: ``$LITOPYS_NODE_MODULES`` or the repo's.

    RETURNS (Path): the ``node_modules`` directory (it may not exist).
    """
    env = os.environ.get("LITOPYS_NODE_MODULES")
    if env:
        return Path(env)
    return HERE.parents[1] / "node_modules"


class SecurityHeaders:
    """ASGI middleware adding CSP, nosniff and friends to every response.

    app (ASGIApp): the wrapped app.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_PARAM_CHARS:
        raise HTTPException(400, f"Parameter '{name}' is longer than {MAX_PARAM_CHARS} characters.")
    return value


def parse_filter(request: Request, default_limit: int = MAX_LIMIT) -> q.EventFilter:
    """Read the shared filters from the query string, or fail with 400.

    request (Request): the request.
    default_limit (int): limit when none is given.
    RETURNS (EventFilter): validated filters; ``limit`` within 1..MAX_LIMIT.
    """
    f = q.EventFilter(
        actor=_param(request, "actor"),
        actor_id=None,
        cameo=_param(request, "cameo"),
        mode=_param(request, "mode"),
        date_from=_param(request, "date_from"),
        date_to=_param(request, "date_to"),
        document=_param(request, "document"),
        q=_param(request, "q"),
        limit=default_limit,
    )
    if f.cameo and not (f.cameo.isdigit() and len(f.cameo) <= 4):
        raise HTTPException(400, "cameo must be a CAMEO code or root of digits, e.g. 04 or 042.")
    if f.mode and f.mode not in q.MODES:
        raise HTTPException(400, f"mode must be one of: {', '.join(q.MODES)}.")
    for name in ("date_from", "date_to"):
        value = getattr(f, name)
        if value and not q.is_date(value):
            raise HTTPException(400, f"Invalid date '{value}' for {name}: use YYYY, YYYY-MM "
                                     "or YYYY-MM-DD.")
    raw = _param(request, "min_confidence")
    if raw is not None:
        try:
            f.min_confidence = float(raw)
        except ValueError:
            f.min_confidence = -1.0
        if not 0.0 <= f.min_confidence <= 1.0:
            raise HTTPException(400, "min_confidence must be a number from 0 to 1.")
    f.date_source = _param(request, "date_source")
    if f.date_source and f.date_source not in q.DATE_SOURCES:
        raise HTTPException(400, f"date_source must be one of: {', '.join(q.DATE_SOURCES)}.")
    raw = _param(request, "limit")
    if raw is not None:
        try:
            f.limit = int(raw)
        except ValueError:
            raise HTTPException(400, "limit must be a whole number.") from None
        if not 1 <= f.limit <= MAX_LIMIT:
            raise HTTPException(400, f"limit must be between 1 and {MAX_LIMIT}.")
    return f


PAGE_CHARS = 60_000
"""The reader shows a long document in pages of about this many characters."""


def page_bounds(text: str, size: int = PAGE_CHARS) -> list[tuple[int, int]]:
    """Cut a text into pages of at most about ``size`` characters at paragraph breaks.

    A cut falls after a blank line in the second half of the window, else after
    a line break, else after a space, else anywhere; the pages cover the text.
    RETURNS (list[tuple[int, int]]): [start, end) of each page (one for a short text).
    """
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n or not out:
        end = min(start + size, n)
        if end < n:
            for sep in ("\n\n", "\n", " "):
                k = text.rfind(sep, start + size // 2, end)
                if k != -1:
                    end = k + len(sep)
                    break
        out.append((start, end))
        start = end
    return out


def reader_page(payload: dict[str, Any], number: int,
                size: int = PAGE_CHARS) -> dict[str, Any] | None:
    """One page of a reader payload: the page's text and the spans inside it.

    Offsets in the page are into the page's text; ``page.start`` is where that
    text begins in the document. Events are those whose trigger is on the page.
    payload (dict): from ``views.reader``.
    number (int): 1-based page number.
    RETURNS (dict | None): the paged payload with a ``page`` entry
        (number, pages, start, end), or None when there is no such page.
    """
    text: str = payload["document"]["text"]
    bounds = page_bounds(text, size)
    if not 1 <= number <= len(bounds):
        return None
    lo, hi = bounds[number - 1]
    info = {"number": number, "pages": len(bounds), "start": lo, "end": hi}
    if len(bounds) == 1:
        return {**payload, "page": info}

    def inside(s: int, e: int) -> bool:
        return lo <= s and e <= hi

    entities = []
    for ent in payload["entities"]:
        spans = [[s - lo, e - lo] for s, e in ent["spans"] if inside(s, e)]
        if spans:
            entities.append({**ent, "spans": spans})
    timexes = [{**t, "start": t["start"] - lo, "end": t["end"] - lo}
               for t in payload["timexes"] if inside(t["start"], t["end"])]
    events = []
    for ev in payload["events"]:
        if inside(ev["start"], ev["end"]):
            events.append({**ev, "start": ev["start"] - lo, "end": ev["end"] - lo,
                           "evidence_start": max(ev["evidence_start"], lo) - lo,
                           "evidence_end": min(ev["evidence_end"], hi) - lo})
    document = {**payload["document"], "text": text[lo:hi]}
    return {**payload, "document": document, "entities": entities, "timexes": timexes,
            "events": events, "page": info}


class App:
    """Routes and rendering around one read-only store, one connection per thread.

    db_path (str): the SQLite file to serve.
    """

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()
        Store(db_path, read_only=True).close()  # a bad file fails at start, with its code
        self.env = Environment(
            loader=FileSystemLoader(str(TEMPLATES_DIR)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["gs_class"] = views.goldstein_class
        self.env.globals["event_link"] = views.event_link
        self.static = {
            p.name: p for p in STATIC_DIR.iterdir()
            if p.is_file() and p.suffix in MEDIA_TYPES
        }
        nm = node_modules_dir()
        self.vendor = {name: nm / name for name in VENDOR_FILES}
        self.vendor.update({f"{name}.map": nm / f"{name}.map" for name in VENDOR_FILES})
        self.vendor_ok = all(p.is_file() for name, p in self.vendor.items()
                             if not name.endswith(".map"))

    @property
    def store(self) -> Store:
        """This thread's read-only connection to the store (opened on first use)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.db_path, read_only=True)
            with self._lock:
                self._stores.append(store)
        return store

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            stores, self._stores = self._stores, []
        for store in stores:
            store.close()

    # -- helpers -------------------------------------------------------------
    def render(self, request: Request, template: str, status_code: int = 200,
               **context: Any) -> HTMLResponse:
        """Render a page with the shared context (filters, nav, JSON twin URL)."""
        path = request.url.path
        query = request.url.query
        context.setdefault("json_url", f"{path}.json" + (f"?{query}" if query else ""))
        filters: q.EventFilter | None = context.get("filters")
        qs = urlencode(filters.query_string_items()) if filters else ""
        html = self.env.get_template(template).render(
            request_path=path,
            qs=qs,
            vendor_ok=self.vendor_ok,
            modes=q.MODES,
            cameo_codes=q.cameo_codes(self.store),
            documents=self.store.documents(),
            **context,
        )
        return HTMLResponse(html, status_code=status_code)

    @staticmethod
    def want_json(request: Request) -> bool:
        return request.url.path.endswith(".json")

    # -- pages ---------------------------------------------------------------
    def index(self, request: Request) -> Response:
        data = {
            "overview": q.overview(self.store),
            "documents": q.document_summaries(self.store),
            "actors": q.top_actors(self.store, 50),
        }
        if self.want_json(request):
            return JSONResponse(data)
        return self.render(request, "index.html", json_url="/index.json",
                           filters=q.EventFilter(), overview=data["overview"],
                           actors=data["actors"], summaries=data["documents"])

    def search(self, request: Request) -> Response:
        f = parse_filter(request, default_limit=500)
        events = q.search_events(self.store, f)
        total = q.count_events(self.store, f)
        if self.want_json(request):
            return JSONResponse({"filters": f.to_dict(), "count": total,
                                 "truncated": total > len(events), "events": events})
        return self.render(request, "search.html", filters=f, count=total,
                           truncated=total > len(events), events=events)

    def timeline(self, request: Request) -> Response:
        f = parse_filter(request)
        group_by = request.query_params.get("group", "actor")
        if group_by not in views.GROUP_BY:
            raise HTTPException(400, f"group must be one of: {', '.join(views.GROUP_BY)}.")
        if self.want_json(request):
            return JSONResponse(views.timeline(self.store, f, group_by))
        return self.render(request, "timeline.html", filters=f, group_by=group_by,
                           group_choices=views.GROUP_BY)

    def network(self, request: Request) -> Response:
        f = parse_filter(request)
        if self.want_json(request):
            data = q.network(self.store, f)
            data["filters"] = f.to_dict()
            return JSONResponse(data)
        return self.render(request, "network.html", filters=f,
                           level=request.query_params.get("level"))

    def document(self, request: Request) -> Response:
        doc_id = request.path_params["id"]
        as_json = doc_id.endswith(".json")
        if as_json:
            doc_id = doc_id[: -len(".json")]
        raw = _param(request, "page")
        if raw is not None and not raw.isdigit():
            raise HTTPException(400, "page must be a whole number from 1.")
        whole = views.reader(self.store, doc_id)
        if whole is None:
            raise HTTPException(404, "No such document.")
        event = _param(request, "event")
        if raw is None and event:  # a link to an event: the page that shows it
            at = next((e["start"] for e in whole["events"] if e["local_id"] == event), 0)
            bounds = page_bounds(whole["document"]["text"])
            raw = str(next(i for i, (_, hi) in enumerate(bounds, 1)
                           if at < hi or i == len(bounds)))
        raw = raw or "1"
        payload = reader_page(whole, int(raw))
        if payload is None:
            raise HTTPException(404, f"No page {raw}: the document has "
                                     f"{len(page_bounds(whole['document']['text']))} pages.")
        del whole
        page = payload["page"]
        n = page["number"]
        page["prev"] = f"/documents/{doc_id}?page={n - 1}" if n > 1 else None
        page["next"] = f"/documents/{doc_id}?page={n + 1}" if n < page["pages"] else None
        query = f"?page={n}" if page["pages"] > 1 else ""
        if as_json:
            return JSONResponse(payload)
        return self.render(request, "document.html", filters=q.EventFilter(document=doc_id),
                           doc=payload["document"], events=payload["events"],
                           entities=payload["entities"], timexes=payload["timexes"],
                           body=views.reader_html(payload), page=page,
                           json_url=f"/documents/{doc_id}.json{query}")

    def actor(self, request: Request) -> Response:
        entity_id = request.path_params["id"]
        as_json = entity_id.endswith(".json")
        if as_json:
            entity_id = entity_id[: -len(".json")]
        f = parse_filter(request)
        payload = views.actor(self.store, entity_id, f)
        if payload is None:
            raise HTTPException(404, "No such actor.")
        if as_json:
            return JSONResponse(payload)
        return self.render(request, "actor.html", filters=f, json_url=None, **payload)

    def dyad(self, request: Request) -> Response:
        a, b = _param(request, "a"), _param(request, "b")
        f = parse_filter(request)
        payload = views.dyad(self.store, a, b, f) if a and b else None
        if self.want_json(request):
            if payload is None:
                raise HTTPException(404, "Give two known actor ids as ?a=..&b=..")
            return JSONResponse(payload)
        status = 200 if payload is not None or not (a or b) else 404
        return self.render(request, "dyad.html", status_code=status, filters=f,
                           payload=payload, a=a or "", b=b or "",
                           actors=q.top_actors(self.store, 200))

    # -- files ---------------------------------------------------------------
    async def static_file(self, request: Request) -> Response:
        path = self.static.get(request.path_params["name"])
        if path is None:
            raise HTTPException(404, "Not found.")
        return FileResponse(path, media_type=MEDIA_TYPES[path.suffix])

    async def vendor_file(self, request: Request) -> Response:
        path = self.vendor.get(request.path_params["name"])
        if path is None or not path.is_file():
            raise HTTPException(404, "Not found. Run `npm ci` in the litopys checkout.")
        return FileResponse(path, media_type=MEDIA_TYPES.get(path.suffix, "text/plain"),
                            headers={"cache-control": "max-age=3600"})

    async def download(self, request: Request) -> Response:
        """``/export/{format}``: the export registry's file (a zip for directory formats)."""
        fmt = request.path_params["format"]
        if fmt not in EXPORTERS:
            raise HTTPException(404, f"format must be one of: {', '.join(EXPORTERS)}.")
        content, media_type, name = export_bytes(self.store, fmt)
        return Response(content, media_type=media_type,
                        headers={"content-disposition": f'attachment; filename="{name}"'})

    def routes(self) -> list[Route]:
        return [
            Route("/", self.index),
            Route("/index.json", self.index),
            Route("/search", self.search),
            Route("/search.json", self.search),
            Route("/timeline", self.timeline),
            Route("/timeline.json", self.timeline),
            Route("/network", self.network),
            Route("/network.json", self.network),
            Route("/documents/{id:path}", self.document),
            Route("/actors/{id:path}", self.actor),
            Route("/dyad", self.dyad),
            Route("/dyad.json", self.dyad),
            Route("/static/{name:path}", self.static_file),
            Route("/vendor/{name:path}", self.vendor_file),
            Route("/export/{format}", self.download),
        ]


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if request.url.path.endswith(".json"):
        return JSONResponse({"error": exc.detail, "status": exc.status_code},
                            status_code=exc.status_code)
    return Response(str(exc.detail), status_code=exc.status_code,
                    media_type="text/plain; charset=utf-8")


async def _store_error(request: Request, exc: Exception) -> Response:
    """A store SQLite cannot read (damaged, vanished): a coded 503, page or JSON."""
    if isinstance(exc, sqlite3.Error):
        db = request.app.state.litopys.db_path
        exc = store_error(exc, db)
    message = str(exc)
    if request.url.path.endswith(".json"):
        return JSONResponse({"error": message, "status": 503}, status_code=503)
    return Response(f"litopys cannot read its store.\n\n{message}\n", status_code=503,
                    media_type="text/plain; charset=utf-8")




def create_app(db_path: str, edit: bool = False) -> Starlette:
    """Build the web app over a litopys database, opened read-only.

    db_path (str): the SQLite file written by ``litopys extract``.
    edit (bool): mount the correction routes (``serve --edit``); off, no write route exists.
    RETURNS (Starlette): the ASGI app (``app.state.litopys`` holds the :class:`App`).
    """
    from litopys.web.edit import Editor, UILanguage, corrections_routes

    upgrade(db_path)
    core = App(db_path)
    extra = corrections_routes(core) + (Editor(core).routes() if edit else [])
    exception_handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        HTTPException: _http_error,
        sqlite3.Error: _store_error,
        LitopysError: _store_error,
    }
    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        core.close()

    app = Starlette(routes=extra + core.routes(), exception_handlers=exception_handlers,
                    lifespan=lifespan)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(UILanguage)  # ?lang=uk|en (litopys/web/edit.py)
    app.state.litopys = core
    return app


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000, edit: bool = False) -> None:
    """Serve a database with uvicorn until interrupted (binds loopback by default).

    db_path (str): the SQLite file.
    host (str): interface to bind; keep 127.0.0.1 unless others must reach it.
    port (int): TCP port.
    """
    import uvicorn

    uvicorn.run(create_app(db_path, edit=edit), host=host, port=port, log_level="info")
