"""Corrections in the browser: the write routes of ``litopys serve --edit``, and the
corrections page (read-only, always there).

Writes exist only when the app is built with ``edit=True``; without it every
``/edit/...`` URL is a 404 (no route). Each write must

- name the server by ``localhost`` or an IP address in ``Host`` (not a domain name,
  which could be DNS rebinding);
- come from the page's own origin: the ``Origin`` header (or, if absent, the
  ``Referer``) must equal the scheme and ``Host`` of the request;
- carry the server's CSRF token in ``X-CSRF-Token`` (a random token made at
  start-up and put in every page as ``<meta name="csrf-token">``);
- send a JSON body (``Content-Type: application/json``).

All writes go through :mod:`litopys.store.corrections` on one writable
connection; the pages keep reading through the read-only one.

DOCS: docs/TRUST.md
"""

from __future__ import annotations

import ipaddress
import json
import secrets
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import yaml
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from litopys.errors import LitopysError
from litopys.lang import load
from litopys.pipeline.confidence import display_date
from litopys.store import queries as q
from litopys.store.corrections import KINDS, add_correction, list_corrections, undo_correction
from litopys.store.db import Store

if TYPE_CHECKING:
    from litopys.web.app import App

MAX_BODY = 64 * 1024


def trusted_host(host: str | None) -> bool:
    """RETURNS (bool): whether a Host header names the server by ``localhost`` or an IP
    address. A domain name is refused: a page on a domain that resolves to this machine
    (DNS rebinding) would otherwise count as this server's own origin."""
    if not host:
        return False
    name = urlsplit(f"//{host}").hostname or ""
    if name == "localhost":
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def same_origin(request: Request) -> bool:
    """RETURNS (bool): whether Origin (or Referer) names the host the request was sent to."""
    host = request.headers.get("host")
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not host or not claimed or claimed == "null":
        return False
    parts = urlsplit(claimed)
    return parts.scheme in ("http", "https") and parts.netloc == host and \
        parts.scheme == request.url.scheme


class Editor:
    """The write routes over one writable :class:`Store`.

    core (App): the read-only app whose pages get the token.
    """

    def __init__(self, core: App) -> None:
        self.core = core
        self.store = Store(core.db_path)
        self.token = secrets.token_urlsafe(32)
        core.env.globals["csrf_token"] = self.token
        from litopys.data.lexicon import label

        core.env.globals["cameo_roots"] = [(f"{k:02d}", label(f"{k:02d}").capitalize())
                                           for k in range(1, 21)]

    async def _body(self, request: Request) -> dict[str, Any]:
        if not trusted_host(request.headers.get("host")):
            raise HTTPException(403, "Write refused: open the server as http://127.0.0.1:PORT, "
                                     "http://localhost:PORT or by its IP address.")
        if not same_origin(request):
            raise HTTPException(403, "Cross-origin write refused: the Origin (or Referer) "
                                     "header must name this server.")
        if not secrets.compare_digest(request.headers.get("x-csrf-token", ""), self.token):
            raise HTTPException(403, "Missing or wrong CSRF token: reload the page and retry.")
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            raise HTTPException(415, "Send the correction as application/json.")
        raw = await request.body()
        if len(raw) > MAX_BODY:
            raise HTTPException(413, f"A correction is at most {MAX_BODY} bytes.")
        try:
            data = json.loads(raw or b"{}")
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HTTPException(400, "The body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise HTTPException(400, "The body must be a JSON object.")
        return data

    def _event_anchor(self, doc_id: str, local_id: Any) -> dict[str, Any]:
        ev = q.event(self.store, f"{doc_id}:{local_id}")
        if ev is None:
            raise HTTPException(404, f"No event {local_id} in document {doc_id}.")
        return {"start": ev["start"], "end": ev["end"]}

    def _entity_anchor(self, doc_id: str, entity_id: Any) -> dict[str, Any]:
        ch = self.store.chronicle(doc_id)
        ent = ch.entity(str(entity_id)) if ch else None
        if ent is None:
            raise HTTPException(404, f"No entity {entity_id} in document {doc_id}.")
        return {"entity": ent.id, "mentions": [[m.start, m.end] for m in ent.mentions]}

    async def correct(self, request: Request) -> Response:
        """POST /edit/documents/{id}/{kind}: record one correction of a document."""
        data = await self._body(request)
        doc_id, kind = request.path_params["id"], request.path_params["kind"]
        if kind not in KINDS:
            raise HTTPException(404, f"Unknown correction '{kind}': use {', '.join(KINDS)}.")
        if not self.store.has_document(doc_id):
            raise HTTPException(404, "No such document.")
        value = {k: v for k, v in data.items() if k not in ("event", "entity", "start", "end")}
        if kind in ("event_update", "event_delete"):
            anchor = self._event_anchor(doc_id, data.get("event"))
        elif kind in ("entity_delete", "entity_merge"):
            anchor = self._entity_anchor(doc_id, data.get("entity"))
        else:
            anchor = {"start": data.get("start"), "end": data.get("end")}
            if kind == "mention_link":
                value = {"entity": data.get("entity")}
        try:
            corr = add_correction(self.store, doc_id, kind, anchor, value,
                                  author=str(data.get("author") or "web")[:80])
        except LitopysError as err:
            raise HTTPException(400, str(err)) from None
        return JSONResponse({"correction": corr.to_dict()})

    async def undo(self, request: Request) -> Response:
        """POST /edit/corrections/{id}/undo: undo one correction."""
        await self._body(request)
        try:
            corr, unplaced = undo_correction(self.store, int(request.path_params["id"]))
        except LitopysError as err:
            raise HTTPException(404, str(err)) from None
        return JSONResponse({"correction": corr.to_dict(),
                             "unplaced": [c.to_dict() for c in unplaced]})

    def routes(self) -> list[Route]:
        return [
            Route("/edit/documents/{id}/{kind}", self.correct, methods=["POST"]),
            Route("/edit/corrections/{id:int}/undo", self.undo, methods=["POST"]),
        ]


# -- the interface language -----------------------------------------------------
UI_FILE = Path(__file__).resolve().parent / "templates" / "ui.yaml"
UI_LANGUAGES = ("uk", "en")
UI_COOKIE = "litopys_lang"
_UI_LANG: ContextVar[str] = ContextVar("litopys_ui_lang", default=UI_LANGUAGES[0])


@cache
def ui_strings() -> dict[str, dict[str, str]]:
    """The interface words: ``{lang: {English text: translation}}`` (English is the key)."""
    with UI_FILE.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def translate(text: str) -> str:
    """RETURNS (str): ``text`` in the language of the current request (Ukrainian by default)."""
    return ui_strings().get(_UI_LANG.get(), {}).get(text, text)


def ui_language() -> str:
    """RETURNS (str): the language of the current request (uk or en)."""
    return _UI_LANG.get()


def cameo_root_label(code: str, fallback: str = "") -> str:
    """The CAMEO root label in the interface language (Ukrainian labels from
    ``litopys/lang/uk/trust.yaml``; the English label otherwise)."""
    if _UI_LANG.get() == "uk":
        return str(load("trust")["cameo_roots"].get(code[:2], fallback))
    return fallback


class UILanguage(BaseHTTPMiddleware):
    """Middleware: the interface language from ``?lang=uk|en`` (remembered in a cookie) or
    the cookie; Ukrainian by default."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        asked = request.query_params.get("lang")
        lang = asked if asked in UI_LANGUAGES else request.cookies.get(UI_COOKIE)
        token = _UI_LANG.set(lang if lang in UI_LANGUAGES else UI_LANGUAGES[0])
        try:
            response = await call_next(request)
        finally:
            _UI_LANG.reset(token)
        if asked in UI_LANGUAGES:
            response.set_cookie(UI_COOKIE, asked, max_age=365 * 86400, samesite="lax")
        return response


def corrections_routes(core: App) -> list[Route]:
    """The read-only corrections page and its JSON twin (``?document=ID`` narrows it);
    also gives every page the ``display_date`` filter (≈ for dates from the context),
    the interface words (``t``) and CAMEO root labels in the interface language."""
    core.env.filters["display_date"] = display_date
    core.env.filters["cameo_root"] = cameo_root_label
    core.env.globals["t"] = translate
    core.env.globals["ui_language"] = ui_language

    async def page(request: Request) -> Response:
        document = request.query_params.get("document") or None
        items = [c.to_dict() for c in list_corrections(core.store, document)]
        if request.url.path.endswith(".json"):
            return JSONResponse({"document": document, "count": len(items),
                                 "corrections": items})
        return core.render(request, "corrections.html", filters=q.EventFilter(),
                           corrections=items, document=document)

    return [Route("/corrections", page), Route("/corrections.json", page)]
