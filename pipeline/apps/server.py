"""``vnie serve``: a read-only JSON API over a batch output directory, for dashboards.

FastAPI on uvicorn. The queries live in :mod:`pipeline.apps.server_queries`, the models
in :mod:`pipeline.apps.server_models`, the options, token rule, request limits and docs
page in :mod:`pipeline.apps.server_http`; this module holds the routes, paging links,
errors as ``{"error": {"code", "message"}}``, timeouts, and extraction on a worker thread
(one at a time per server process) so the event loop keeps answering meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.apps import server_models as models
from pipeline.apps.server_http import (
    API_VERSION,
    MAX_HEADER_BYTES,
    MAX_LIMIT,
    MAX_PENDING_EXTRACTIONS,
    Guard,
    ServeOptions,
    error,
    is_loopback,
    read_token,
    render_docs,
)
from pipeline.apps.server_queries import Query as SqlQuery
from pipeline.apps.server_queries import QueryError, Store
from pipeline.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)


def _dump(record: dict[str, Any]) -> bytes:
    """The record exactly as ``vnie extract`` prints it."""
    return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _next_link(request: Request, offset: int, limit: int, count: int, total: int) -> str | None:
    if offset + count >= total or count == 0:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "limit")]
    params += [("offset", str(offset + count)), ("limit", str(limit))]
    return f"{request.url.path}?{urlencode(params)}"


def create_app(options: ServeOptions) -> Any:
    """The ASGI application for ``options`` (FastAPI wrapped in :class:`Guard`)."""
    from pipeline import SCHEMA_VERSION, __version__

    store = Store(options.out_dir)
    token = read_token(options.token_file) if options.token_file else None
    extractor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vnie-extract")
    readers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="vnie-query")
    pending = asyncio.Semaphore(MAX_PENDING_EXTRACTIONS)

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        from pipeline.api import extract_text

        # Load the models before the first request (on the extraction thread).
        await asyncio.get_running_loop().run_in_executor(
            extractor, lambda: extract_text("Ngày 1/1/2024, UBND xã An Bình họp.")
        )
        yield
        extractor.shutdown(wait=False, cancel_futures=True)
        readers.shutdown(wait=False, cancel_futures=True)
        store.close()

    app = FastAPI(
        title="vnie",
        version=__version__,
        summary="Records, facts, officials, places and awards of a vnie batch output, as JSON.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> Response:
        parts = [
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors()
        ]
        return error(400, "bad_request", "; ".join(parts)[:500])

    @app.exception_handler(TimeoutError)
    async def timed_out(_: Request, exc: TimeoutError) -> Response:
        return error(504, "timeout", "the request took too long")

    @app.exception_handler(QueryError)
    async def bad_filter(_: Request, exc: QueryError) -> Response:
        return error(400, "bad_request", str(exc))

    async def run_query(function: Callable[[], Any]) -> Any:
        """``function`` on a reader thread; past the timeout its query is interrupted."""
        thread: list[int] = []

        def job() -> Any:
            thread.append(threading.get_ident())
            return function()

        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(
                loop.run_in_executor(readers, job), options.query_timeout_s
            )
        except TimeoutError:
            if thread:
                store.interrupt(thread[0])
            raise

    async def paged(request: Request, query: SqlQuery, limit: int, offset: int) -> Response:
        try:
            page = await run_query(lambda: store.page(query, limit, offset))
        except TimeoutError:
            return error(504, "timeout", "the query took too long")
        if request.url.path == "/articles":
            for item in page.items:
                item["metadata"] = json.loads(item["metadata"]) if item["metadata"] else None
        return JSONResponse(
            {
                "items": page.items,
                "count": len(page.items),
                "total": page.total,
                "limit": limit,
                "offset": offset,
                "next": _next_link(request, offset, limit, len(page.items), page.total),
            }
        )

    limit_q = Query(100, ge=1, le=MAX_LIMIT, description="Rows per page.")
    offset_q = Query(0, ge=0, le=10**12, description="Rows to skip (follow `next`).")

    @app.get("/health")
    async def health() -> dict[str, Any]:
        """Liveness: ``ok`` and the number of articles served."""
        counts = await run_query(store.counts)
        return {"status": "ok", "articles": counts.get("articles", 0)}

    @app.get("/version")
    async def version() -> dict[str, Any]:
        """Versions of vnie, the record schema, the API and the batch run served."""
        manifest = await run_query(store.manifest)
        return {
            "vnie": __version__,
            "schema_version": SCHEMA_VERSION,
            "api": API_VERSION,
            "facts_source": "facts view" if store.facts_from_view else "figures table",
            "batch": manifest.get("versions", {}),
        }

    @app.get("/articles", response_model=models.page_model(models.ArticleRow))
    async def articles(
        request: Request,
        province: str | None = Query(None, max_length=200, description="Name or code."),
        district: str | None = Query(None, max_length=200, description="Name or code."),
        commune: str | None = Query(None, max_length=200, description="Commune code."),
        label: str | None = Query(None, max_length=20, description="Has a mention of it."),
        date_from: str | None = Query(None, max_length=20, description="Dateline ≥ (ISO)."),
        date_to: str | None = Query(None, max_length=20, description="Dateline ≤ (ISO)."),
        q: str | None = Query(None, max_length=200, description="Text in the title."),
        limit: int = limit_q,
        offset: int = offset_q,
    ) -> Response:
        """Articles (rows of the ``articles`` table) in records order."""
        query = store.articles(
            province=province,
            district=district,
            commune=commune,
            label=label,
            date_from=date_from,
            date_to=date_to,
            q=q,
        )
        return await paged(request, query, limit, offset)

    @app.get(
        "/articles/{doc_id}",
        response_model=models.Record,
        responses={404: {"model": models.Error}},
    )
    async def article(doc_id: str) -> Response:
        """One article's record, as in its records file."""
        if len(doc_id) > 1000:
            return error(404, "not_found", "no article with this doc_id")
        record = await run_query(lambda: store.record(doc_id))
        if record is None:
            return error(404, "not_found", "no article with this doc_id")
        return Response(_dump(record), media_type="application/json")

    @app.get("/facts", response_model=models.page_model(models.FactRow))
    async def facts(
        request: Request,
        quantity: str | None = Query(None, max_length=100, description="e.g. households."),
        place_code: str | None = Query(
            None, max_length=100, description="Subject's place, district or province code."
        ),
        province: str | None = Query(None, max_length=200, description="Name or code."),
        date_from: str | None = Query(None, max_length=20, description="Dateline ≥ (ISO)."),
        date_to: str | None = Query(None, max_length=20, description="Dateline ≤ (ISO)."),
        doc_id: str | None = Query(None, max_length=1000),
        limit: int = limit_q,
        offset: int = offset_q,
    ) -> Response:
        """Figures with their subjects, each fact once (the ``facts`` view when present)."""
        query = store.facts(
            quantity=quantity,
            place_code=place_code,
            province=province,
            date_from=date_from,
            date_to=date_to,
            doc_id=doc_id,
        )
        return await paged(request, query, limit, offset)

    @app.get("/officials", response_model=models.page_model(models.OfficialRow))
    async def officials(
        request: Request,
        doc_id: str | None = Query(None, max_length=1000),
        q: str | None = Query(None, max_length=200, description="Text in the name."),
        limit: int = limit_q,
        offset: int = offset_q,
    ) -> Response:
        """Officials (rows of the ``officials`` table)."""
        return await paged(request, store.officials(doc_id=doc_id, q=q), limit, offset)

    @app.get("/places", response_model=models.page_model(models.PlaceRow))
    async def places(
        request: Request,
        level: str | None = Query(None, max_length=50),
        status: str | None = Query(None, max_length=50),
        province: str | None = Query(None, max_length=200, description="Name or code."),
        limit: int = limit_q,
        offset: int = offset_q,
    ) -> Response:
        """Places with counts: one row per gazetteer code (else level and name)."""
        query = store.places(level=level, status=status, province=province)
        return await paged(request, query, limit, offset)

    @app.get("/awards", response_model=models.page_model(models.AwardRow))
    async def awards(
        request: Request,
        doc_id: str | None = Query(None, max_length=1000),
        kind: str | None = Query(None, max_length=200),
        limit: int = limit_q,
        offset: int = offset_q,
    ) -> Response:
        """Awards (rows of the ``awards`` table)."""
        return await paged(request, store.awards(doc_id=doc_id, kind=kind), limit, offset)

    @app.post(
        "/extract",
        response_model=models.Record,
        responses={
            400: {"model": models.Error},
            413: {"model": models.Error},
            415: {"model": models.Error},
            422: {"model": models.Error},
            503: {"model": models.Error},
        },
        openapi_extra={
            "requestBody": {
                "content": {
                    "text/plain": {"schema": {"type": "string"}},
                    "application/json": {"schema": {"$ref": "#/components/schemas/ExtractRequest"}},
                },
                "required": True,
            }
        },
    )
    async def extract(
        request: Request,
        path: str | None = Query(None, max_length=1000, description="Label: source.path."),
        doc_id: str | None = Query(None, max_length=1000),
    ) -> Response:
        """An article (text/plain bytes, or JSON ``{text, metadata}``) in; its record out,
        byte for byte what ``vnie extract`` prints. ``path`` only labels the record."""
        from pipeline.api import extract_bytes

        media = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
        body = await request.body()
        metadata = None
        if media == "application/json":
            try:
                payload = models.ExtractRequest.model_validate_json(body)
            except ValueError as err:
                reason = str(err).splitlines()[1 if "\n" in str(err) else 0].strip()
                return error(400, "malformed", f"not a JSON {{text, metadata}}: {reason}"[:300])
            data = payload.text.encode("utf-8", "surrogatepass")
            metadata = payload.metadata
            path, doc_id = payload.path or path, payload.doc_id or doc_id
        elif media in ("text/plain", "application/octet-stream", ""):
            data = body
        else:
            return error(415, "unsupported_media_type", "send text/plain or application/json")
        if not data.strip():
            return error(400, "empty", "the article has no text")
        if pending.locked():
            return error(503, "busy", "too many extractions waiting; retry later")
        label = path or "<request>"
        async with pending:
            loop = asyncio.get_running_loop()
            job = loop.run_in_executor(
                extractor,
                lambda: extract_bytes(
                    data,
                    path=label,
                    doc_id=doc_id,
                    metadata=metadata,
                    max_chars=options.max_chars,
                ),
            )
            try:
                record = await asyncio.wait_for(job, options.timeout_s)
            except TimeoutError:
                return error(504, "timeout", "the extraction took too long")
            except InputTooLargeError as err:
                return error(413, "too_large", str(err))
            except EmptyInputError as err:
                return error(400, "empty", str(err))
            except (BinaryInputError, DecodeError) as err:
                return error(422, "undecodable", str(err))
            except InputError as err:
                return error(400, "bad_input", str(err))
        return Response(_dump(record), media_type="application/json")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(render_docs(app.openapi()))

    return Guard(app, token=token, max_body=options.max_chars * 6 + 64 * 1024)


def app_from_env() -> Any:
    """uvicorn factory for worker processes: the options come from the environment."""
    return create_app(ServeOptions.from_env())


def serve(options: ServeOptions, *, host: str, port: int, workers: int = 1) -> None:
    """Run uvicorn until interrupted (``workers`` processes when more than one)."""
    import uvicorn

    os.environ.update(options.to_env())
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "http": "h11",
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        "timeout_keep_alive": 5,
        "timeout_graceful_shutdown": 5,
        "limit_concurrency": 128,
        "server_header": False,
        "log_level": "warning",
    }
    if workers > 1:
        uvicorn.run("pipeline.apps.server:app_from_env", factory=True, workers=workers, **common)
    else:
        uvicorn.run(create_app(options), **common)


__all__ = ["ServeOptions", "create_app", "is_loopback", "read_token", "render_docs", "serve"]
