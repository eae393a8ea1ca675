"""The HTTP edges of ``vnie serve``: options, the loopback and token rules, request
limits (:class:`Guard`), JSON errors and the offline docs page."""

from __future__ import annotations

import hmac
import html
import ipaddress
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.responses import JSONResponse, Response

from pipeline.errors import VnieError
from pipeline.text.ingest import DEFAULT_MAX_CHARS

API_VERSION = "1"
MAX_LIMIT = 1000
MAX_HEADERS = 64
#: Bytes of request line plus headers uvicorn (h11) accepts.
MAX_HEADER_BYTES = 16 * 1024
#: Extractions waiting or running in one server process before ``503 busy``.
MAX_PENDING_EXTRACTIONS = 8
ENV_PREFIX = "VNIE_SERVE_"


@dataclass(frozen=True)
class ServeOptions:
    """What a server process needs (passed to worker processes through the environment)."""

    out_dir: Path
    token_file: Path | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    timeout_s: float = 60.0
    query_timeout_s: float = 10.0

    def to_env(self) -> dict[str, str]:
        env = {
            f"{ENV_PREFIX}OUT": str(self.out_dir),
            f"{ENV_PREFIX}MAX_CHARS": str(self.max_chars),
            f"{ENV_PREFIX}TIMEOUT": str(self.timeout_s),
        }
        if self.token_file is not None:
            env[f"{ENV_PREFIX}TOKEN_FILE"] = str(self.token_file)
        return env

    @classmethod
    def from_env(cls) -> ServeOptions:
        token = os.environ.get(f"{ENV_PREFIX}TOKEN_FILE")
        return cls(
            out_dir=Path(os.environ[f"{ENV_PREFIX}OUT"]),
            token_file=Path(token) if token else None,
            max_chars=int(os.environ.get(f"{ENV_PREFIX}MAX_CHARS", DEFAULT_MAX_CHARS)),
            timeout_s=float(os.environ.get(f"{ENV_PREFIX}TIMEOUT", "60")),
        )


def is_loopback(host: str) -> bool:
    """Whether ``host`` binds to the loopback interface only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(path: Path) -> str:
    """The bearer token in ``path`` (first line, stripped); :class:`VnieError` if none."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as err:
        raise VnieError(f"cannot read the token file: {err}", path=str(path)) from None
    if len(token) < 16:
        raise VnieError("the token file needs a token of 16 characters or more", path=str(path))
    return token


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


class Guard:
    """ASGI wrapper: header limits, the bearer token and the body size limit."""

    def __init__(self, app: Any, *, token: str | None, max_body: int) -> None:
        self.app = app
        self.token = token.encode("utf-8") if token else None
        self.max_body = max_body

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        size = sum(len(k) + len(v) for k, v in headers)
        if len(headers) > MAX_HEADERS or size > MAX_HEADER_BYTES:
            await error(431, "headers_too_large", "request headers too many or too large")(
                scope, receive, send
            )
            return
        if self.token is not None:
            given = next((v for k, v in headers if k == b"authorization"), b"")
            scheme, _, value = given.partition(b" ")
            if scheme.lower() != b"bearer" or not hmac.compare_digest(value.strip(), self.token):
                response = error(
                    401,
                    "unauthorized",
                    "a valid 'Authorization: Bearer TOKEN' header is required",
                    {"WWW-Authenticate": "Bearer"},
                )
                await response(scope, receive, send)
                return
        length = next((v for k, v in headers if k == b"content-length"), None)
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await error(413, "too_large", f"request body over {self.max_body:,} bytes")(
                scope, receive, send
            )
            return
        received = 0

        async def limited() -> dict:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _BodyTooLarge:
            await error(413, "too_large", f"request body over {self.max_body:,} bytes")(
                scope, receive, send
            )


class _BodyTooLarge(Exception):
    pass


def render_docs(spec: dict[str, Any]) -> str:
    """A self-contained HTML page describing the API (no scripts, no outside assets)."""
    e = html.escape
    parts = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        f"<title>{e(spec['info']['title'])} API</title>",
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
        "padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style>",
        f"<h1>{e(spec['info']['title'])} {e(spec['info']['version'])}</h1>",
        f"<p>{e(spec['info'].get('summary', ''))} The machine-readable description is "
        "<a href=/openapi.json>/openapi.json</a>. Errors are "
        '<code>{"error": {"code", "message"}}</code>; lists are paged with '
        "<code>limit</code>, <code>offset</code> and a <code>next</code> link.</p>",
    ]
    for route, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            parts.append(f"<h2><code>{e(method.upper())} {e(route)}</code></h2>")
            parts.append(f"<p>{e(op.get('description') or op.get('summary', ''))}</p>")
            params = op.get("parameters", [])
            if params:
                parts.append("<table><tr><th>parameter<th>in<th>description</tr>")
                for p in params:
                    parts.append(
                        f"<tr><td><code>{e(p['name'])}</code><td>{e(p['in'])}"
                        f"<td>{e(p.get('description', ''))}</tr>"
                    )
                parts.append("</table>")
    return "\n".join(parts) + "\n"
