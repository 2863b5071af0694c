"""`diplo-ml serve CHECKPOINT [CHECKPOINT ...]`: an HTTP JSON API over loaded checkpoints (FastAPI + uvicorn).

- ``GET /health``; ``GET /v1/models``: every loaded model with its card metadata, labels and thresholds.
- ``POST /v1/tag`` and ``POST /v1/summarise``: ``{"texts": [...]}`` or ``{"article": "raw page text"}`` (and an
  optional ``"model"`` name); one result per text (or per kept paragraph of the article).
- Concurrent requests are micro-batched: a model's queue is drained into one ``predict`` call of at most
  ``max_batch`` texts, after waiting at most ``max_wait_ms`` for more to arrive.
- Limits (request bytes, texts per request, characters per text) answer 413 or 422 with a message; OpenAPI docs
  are at ``/docs``.
"""

# no `from __future__ import annotations`: FastAPI reads the request model from the real annotations
import asyncio
import contextlib
import json
import logging
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplo_ml.checkpoint import checkpoint_task, load, read_meta
from diplo_ml.data.language import add_language_note
from diplo_ml.errors import DiploError, first_line
from diplo_ml.predict_inputs import unit_context
from diplo_ml.tasks import task_class, task_names
from diplo_ml.tasks.base import Predictor, Task

log = logging.getLogger(__name__)

INSTALL = 'pip install -e ".[serve]"'
SHUTDOWN_S = 10  # on SIGINT/SIGTERM, requests still open after this long are cut off


@dataclass
class Limits:
    max_batch: int = 32         # texts per predict call
    max_wait_ms: float = 10.0   # how long a batch waits for more requests
    max_texts: int = 256        # texts per request
    max_chars: int = 20_000     # characters per text (an article: 20x)
    max_bytes: int = 2_000_000  # request body


@dataclass
class Served:
    """A loaded checkpoint and its micro-batching queue."""

    name: str
    task: Task
    predictor: Predictor
    meta: dict[str, Any]
    queue: asyncio.Queue | None = None
    worker: asyncio.Task | None = None
    batches: int = 0
    texts: int = 0
    started: float = field(default_factory=time.time)

    def describe(self) -> dict[str, Any]:
        model = self.meta.get("model") or {}
        out: dict[str, Any] = {"name": self.name, "task": self.task.name, "predictor": type(self.predictor).__name__,
                               "model": model.get("name"), "class": model.get("_target_"),
                               "data": (self.meta.get("data") or {}).get("config"), "run": self.meta.get("run"),
                               "diplo_ml_version": self.meta.get("diplo_ml_version"),
                               "served": {"batches": self.batches, "texts": self.texts}}
        return {**out, **self.task.checkpoint_fields(self.predictor)}  # a tagger's labels and thresholds


def load_served(checkpoints: list[str], precision: str = "fp32") -> list[Served]:
    served: list[Served] = []
    seen: dict[Path, str] = {}
    for path in checkpoints:
        folder, meta = read_meta(path)
        if folder.resolve() in seen:  # a run folder and its checkpoint, or a path given twice: one model
            log.warning("%s: the checkpoint %s already given; served once", path, seen[folder.resolve()])
            continue
        seen[folder.resolve()] = path
        task = checkpoint_task(folder, meta)
        name = str((meta.get("model") or {}).get("name") or folder.parent.name)
        if any(s.name == name for s in served):
            name = f"{name}-{len(served)}"
        predictor = load(folder)
        if precision != "fp32":
            from diplo_ml.precision import apply_precision

            try:
                apply_precision(predictor, precision)
            except DiploError as exc:  # one model that cannot take it (a summariser) runs as trained, and says so
                if len(checkpoints) == 1:
                    raise
                log.warning("--precision %s: not for %s (%s); it runs in fp32", precision, name, exc)
        served.append(Served(name, task, predictor, meta))
    return served


async def _batcher(model: Served, limits: Limits) -> None:
    """Drain the queue into predict calls of at most ``max_batch`` texts."""
    assert model.queue is not None
    loop = asyncio.get_running_loop()
    while True:
        first = await model.queue.get()
        items = [first]
        size = len(first[0])
        deadline = loop.time() + limits.max_wait_ms / 1000
        while size < limits.max_batch:
            timeout = deadline - loop.time()
            if timeout <= 0:
                break
            try:
                item = await asyncio.wait_for(model.queue.get(), timeout)
            except TimeoutError:
                break
            items.append(item)
            size += len(item[0])
        items = [item for item in items if not item[2].done()]  # a request whose client hung up is not computed
        if not items:
            continue
        try:
            outputs = await _predict(model, items)
        except Exception as exc:  # noqa: BLE001 - one bad request must not fail the others batched with it
            if len(items) == 1:
                _settle(items[0][2], error=exc)
                continue
            for item in items:
                try:
                    _settle(item[2], await _predict(model, [item]))
                except Exception as alone:  # noqa: BLE001 - handed to its own request
                    _settle(item[2], error=alone)
            continue
        start = 0
        for item in items:
            _settle(item[2], outputs[start : start + len(item[0])])
            start += len(item[0])


async def _unless_gone(future: asyncio.Future, request: Any, every_s: float = 0.2) -> None:
    """Wait for ``future``; if the client hangs up first, cancel it, so that the batcher skips its texts (a client
    that timed out and retried would otherwise queue the same work again and again ahead of everyone)."""
    while not future.done():
        if await request.is_disconnected():
            future.cancel()
            return
        await asyncio.wait({future}, timeout=every_s)


def _settle(future: asyncio.Future, result: Any = None, error: BaseException | None = None) -> None:
    """Answer a waiting request, unless it is gone (a client that hung up cancels its future; setting it then
    would raise and stop the batcher, and every later request would hang)."""
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


async def _predict(model: Served, items: list[Any]) -> list[dict[str, Any]]:
    """One predict call over the texts of ``items`` (each: texts, contexts, future), off the event loop."""
    texts = [t for item in items for t in item[0]]
    context = unit_context([{"_context": c} for item in items for c in item[1]])
    outputs = await asyncio.get_running_loop().run_in_executor(None, model.predictor.predict, texts, context)
    model.batches += 1
    model.texts += len(texts)
    return outputs


class BodyTooLarge(Exception):
    """The request body ran past the limit while it was read."""


async def _answer(send: Any, status: int, detail: str) -> None:
    """A JSON error sent straight through ASGI (from the middleware, outside FastAPI's handlers)."""
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """413 for a request body over ``max_bytes``: at once when ``Content-Length`` says so, else once that many bytes
    have been read (a chunked body has no length), whatever the endpoint made of the cut-off body."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def _refuse(self, send: Any, size: str) -> None:
        await _answer(send, 413, f"request body of {size} bytes is over the limit of {self.max_bytes}")

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        size = dict(scope.get("headers") or []).get(b"content-length", b"").decode("latin-1")
        if size.isdigit() and int(size) > self.max_bytes:
            await self._refuse(send, size)
            return
        received, over, started = 0, False, False

        async def counted() -> dict[str, Any]:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    over = True
                    raise BodyTooLarge
            return message

        async def sent(message: dict[str, Any]) -> None:
            nonlocal started
            if over:  # the endpoint answered a body it could not read whole: the answer is 413
                return
            started = True
            await send(message)

        try:
            await self.app(scope, counted, sent)
        except BodyTooLarge:
            pass
        except asyncio.CancelledError:  # the server stops and cuts off what is still open: a JSON 503, no traceback
            if not started:
                await _answer(send, 503, "the server stopped before this request was answered; send it again once "
                                         "it is back")
            return
        if over and not started:
            await self._refuse(send, f"more than {self.max_bytes}")


def create_app(served: list[Served], limits: Limits | None = None, ready: str | None = None) -> Any:
    """The FastAPI application serving ``served``."""
    try:
        from fastapi import FastAPI, HTTPException, Request
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import JSONResponse
        from pydantic import BaseModel, ConfigDict, Field, model_validator
        from starlette.exceptions import HTTPException as StarletteHTTPException
    except ImportError:
        raise DiploError(f"serve needs FastAPI and uvicorn: {INSTALL}") from None
    limits = limits or Limits()

    class Query(BaseModel):
        model_config = ConfigDict(extra="forbid")  # a misspelt "headlin" is an error, not a dropped headline

        texts: list[str] | None = Field(None, min_length=1, max_length=limits.max_texts,
                                        description=f"up to {limits.max_texts} texts")
        article: str | None = Field(None, min_length=1, max_length=20 * limits.max_chars,
                                    description="a raw article page (.txt text); split into paragraphs")
        context: list[str | None] | None = Field(None, description="the previous paragraph of each text")
        headline: str | None = Field(None, max_length=limits.max_chars,
                                     description="the article's headline (for every text, or the article's own)")
        model: str | None = Field(None, description="a model name from /v1/models (default: the first of the task)")

        @model_validator(mode="after")
        def one_input(self) -> "Query":
            if (self.texts is None) == (self.article is None):
                raise ValueError("give either 'texts' or 'article'")
            if self.article is not None and self.context is not None:
                raise ValueError("'context' goes with 'texts': an article's paragraphs are read with their own "
                                 "previous paragraphs")
            fields = [(f"texts[{i}]", t) for i, t in enumerate(self.texts or [])]  # pydantic checks the single
            fields += [(f"context[{i}]", c) for i, c in enumerate(self.context or []) if c is not None]  # strings
            for name, value in fields:
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError as exc:
                    raise ValueError(f"{name} holds a lone surrogate at character {exc.start} (not valid "
                                     "Unicode text)") from None
            for i, text in enumerate(self.texts or []):
                if not text.strip():
                    raise ValueError(f"texts[{i}] is empty")
            for name, value in fields:
                if len(value) > limits.max_chars:
                    raise ValueError(f"{name} has {len(value)} characters (at most {limits.max_chars})")
            if self.context is not None and len(self.context) != len(self.texts or []):
                raise ValueError("'context' needs one entry per text")
            return self

    @contextlib.asynccontextmanager
    async def lifespan(app: Any):
        for model in served:
            model.queue = asyncio.Queue()
            model.worker = asyncio.create_task(_batcher(model, limits))
        if ready is not None:
            print(ready, file=sys.stderr, flush=True)
        yield
        for model in served:
            model.worker.cancel()

    app = FastAPI(title="diplo-ml", version=str(served[0].meta.get("diplo_ml_version", "")), lifespan=lifespan,
                  description="Diplomacy-pillar tagging and article summarisation over loaded diplo-ml checkpoints.")

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Any:
        """422 with each problem's place and message, never the input echoed (it may not even encode)."""
        problems = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
                    for e in exc.errors()]
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        """As FastAPI answers, except a body it cannot parse (not UTF-8): 422, as for other text that is not valid
        Unicode, with a message that says so."""
        if exc.status_code == 400 and "parsing the body" in str(exc.detail):
            return JSONResponse({"detail": "the body is not JSON in UTF-8 (send the texts as UTF-8)"}, status_code=422)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    app.add_middleware(BodyLimit, max_bytes=limits.max_bytes)

    @app.get("/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "models": len(served),
                "uptime_s": round(time.time() - min(m.started for m in served), 1)}

    @app.get("/v1/models")
    async def models() -> list[dict[str, Any]]:
        return [m.describe() for m in served]

    def pick(task: type[Task], name: str | None) -> Served:
        kind = task.predictor_type.__name__
        candidates = [m for m in served if type(m.task) is task]
        if name is not None:
            candidates = [m for m in candidates if m.name == name]
        if not candidates:
            named = f" named '{name}'" if name is not None else ""
            raise HTTPException(404, f"no {kind} model{named} is loaded (see /v1/models)")
        return candidates[0]

    async def answer(task: type[Task], query: Query, request: Request) -> dict[str, Any]:
        model = pick(task, query.model)
        units: list[dict[str, Any]] = []
        if query.article is not None:
            from diplo_ml.data.ingest import ingest_document

            try:
                article = ingest_document(query.article, "request", "<request>")
            except DiploError as exc:
                raise HTTPException(422, str(exc)) from None
            if query.headline and query.headline.strip():  # the client's headline beats one read from the page
                article.headline = query.headline.strip()
            units = model.task.article_units(article)
            texts = [u["text"] for u in units]
            context = [u.get("context") or {} for u in units]
        else:
            texts = list(query.texts or [])
            previous = list(query.context or [None] * len(texts))
            context = [{"headline": query.headline, "previous": p} for p in previous]
        if len(texts) > limits.max_texts:
            raise HTTPException(422, f"the article has {len(texts)} paragraphs (at most {limits.max_texts}, as "
                                     "for 'texts')")
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        await model.queue.put((texts, context, future))
        await _unless_gone(future, request)
        try:
            outputs = await future
        except asyncio.CancelledError:
            raise HTTPException(499, "the client closed the request") from None
        except Exception as exc:  # requests are checked above: a failure here is the model's; one line, not a bare 500
            log.exception("the model failed on a request")
            raise HTTPException(500, f"the model failed on this request ({type(exc).__name__}: "
                                     f"{first_line(exc)[:200]})") from None
        hidden = {"source", "context"} if model.task.echo_text else {"source", "text", "context"}  # inputs, not answers
        results = [add_language_note({**{k: v for k, v in unit.items() if k not in hidden}, **out}, text)
                   for unit, out, text in zip(units or [{}] * len(outputs), outputs, texts)]
        return {"model": model.name, "results": results}

    def route_for(task: type[Task]) -> Any:
        async def route(query: Query, request: Request) -> dict[str, Any]:
            return await answer(task, query, request)

        return route

    for task in (task_class(name) for name in task_names()):  # one route per registered task: POST /v1/<endpoint>
        app.add_api_route(f"/v1/{task.endpoint}", route_for(task), methods=["POST"], name=task.endpoint,
                          description=task.endpoint_help)
    return app


def check_port(host: str, port: int) -> None:
    """The address can be listened on (another server on the port was uvicorn's own error, exit 3)."""
    import errno
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]  # "": every interface
    except socket.gaierror as exc:
        raise DiploError(f"--host {host}: not an address of this machine ({exc.strerror})") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRNOTAVAIL:
                raise DiploError(f"--host {host}: not an address of this machine ({exc.strerror})") from None
            raise DiploError(f"cannot listen on {host}:{port} ({exc.strerror}); is another server using the port? "
                             "pick another --port") from None


def serve(checkpoints: list[str], host: str = "127.0.0.1", port: int = 8000, limits: Limits | None = None,
          precision: str = "fp32") -> int:
    """Serve until SIGINT or SIGTERM; the exit status says which ended it (130, 143), as for the other commands."""
    try:
        import uvicorn
    except ImportError:
        raise DiploError(f"serve needs FastAPI and uvicorn: {INSTALL}") from None
    if not checkpoints:
        raise DiploError("serve needs at least one checkpoint")
    for path in checkpoints:
        if not Path(path).exists():
            raise DiploError(f"{path}: no such checkpoint folder")
    check_port(host, port)  # before the models load
    served = load_served(checkpoints, precision)
    shown = f"[{host}]" if ":" in host else host or "0.0.0.0"
    ready = (f"serving {', '.join(f'{m.name} ({type(m.task).predictor_type.__name__})' for m in served)} on "
             f"http://{shown}:{port} (/v1/models lists them; Ctrl-C stops)")
    app = create_app(served, limits, ready)

    class Server(uvicorn.Server):
        stopped_by: int | None = None

        def handle_exit(self, sig: int, frame: Any) -> None:
            self.stopped_by = self.stopped_by or sig
            super().handle_exit(sig, frame)

    server = Server(uvicorn.Config(app, host=host, port=port, log_level="warning",
                                   timeout_graceful_shutdown=SHUTDOWN_S))
    server.run()
    if server.stopped_by is None:
        return 0
    name = signal.Signals(server.stopped_by).name
    print(f"interrupted ({name}): the server stopped", file=sys.stderr)
    return 128 + server.stopped_by
