"""Rows of a scraper's or a CMS's export other than JSONL, read as JSONL rows are: a ``.json`` file (a list of
objects, or an object whose list of objects is under "items", "articles", "data" and the like, or one object) and a
``.csv`` or ``.tsv`` file with a header row (each row an object of its columns). Each row comes with the number a
message names it by: a JSON item's place in its list (1, 2, …), a CSV row's line in its file."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from diplo_ml.data.examples import TEXT_FIELDS
from diplo_ml.data.io import NotUnicode, RepeatedKey, loads_strictly
from diplo_ml.data.page_text import read_text
from diplo_ml.errors import DataError

RECORD_SUFFIXES = (".json", ".csv", ".tsv")  # (with ".jsonl": files of rows)
# where an export keeps its list of rows: {"items": […]}, {"articles": […]}, {"data": {"posts": […]}}
LIST_KEYS = ("items", "articles", "data", "results", "records", "rows", "entries", "posts", "news", "stories", "docs",
             "documents", "hits", "blocks", "paragraphs", "elements", "nodes", "content")
WHOLE_NUMBER = re.compile(r"-?(?:0|[1-9]\d{0,8})")  # a CSV cell that is a number (not "007", an id's digits)


# an API's wrapper around the one article it returns: {"data": {"article": {…}}}, {"page": {…}, "sidebar": …}
WRAPPER_KEYS = ("data", "result", "response", "payload", "article", "page", "post", "story", "item", "document", "doc")
# what a list's holder says of the page its items are parts of: {"url": …, "items": [{"kind": "title", …}, …]}
PAGE_NAMES = ("url", "link", "canonical_url", "source_url", "doc_id", "article_id", "page_id")


def _unwrapped(data: dict[str, Any]) -> dict[str, Any]:
    """The article an API's reply wraps (:data:`WRAPPER_KEYS`, down as many levels as it takes), where the reply
    gives no text and no list of rows of its own."""
    while not any(isinstance(data.get(k), (str, list)) for k in (*TEXT_FIELDS, *LIST_KEYS)):
        inner = next((data[k] for k in WRAPPER_KEYS if isinstance(data.get(k), dict)), None)
        if inner is None:
            break
        data = inner
    return data


def _rows_of(data: Any, label: str) -> list[Any]:
    """The list of rows in a JSON export: the document itself, a list under one of :data:`LIST_KEYS` (an object's
    list of objects, one level down: {"data": {"items": […]}}; each item given what the object says of its page,
    :data:`PAGE_NAMES`, where it says nothing of it), or the one object it is (or wraps: :func:`_unwrapped`)."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise DataError(f"{label}: expected a JSON object or a list of objects, got {type(data).__name__}")
    data = _unwrapped(data)
    article = next((data[k] for k in WRAPPER_KEYS if isinstance(data.get(k), dict) and any(
        isinstance(data[k].get(t), str) and data[k][t].strip() for t in TEXT_FIELDS)), None)
    if article is not None:  # (an article beside a list of other stories' teasers: {"article": {…}, "news": […]})
        return [article]
    titled = any(isinstance(data.get(k), str) and data[k].strip() for k in ("title", "headline"))
    if any(isinstance(data.get(k), str) and data[k].strip() or titled and isinstance(data.get(k), list)
           for k in TEXT_FIELDS):
        return [data]  # (an article with its text, or its title and its text's blocks: "content": [blocks])
    for holder in (data, *(v for v in data.values() if isinstance(v, dict))):
        for key in LIST_KEYS:
            value = holder.get(key)
            if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
                page = {k: holder[k] for k in PAGE_NAMES if isinstance(holder.get(k), (str, int))}
                return [{**page, **item} if not any(k in item for k in PAGE_NAMES) else item for item in value]
    return [data]


def iter_json_items(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(place, row)`` for each object of a ``.json`` export (:func:`_rows_of`); a malformed file names its line
    and column, an item that is no object its place."""
    text = read_text(path)
    try:
        data = loads_strictly(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}:{exc.lineno}: malformed JSON ({exc.msg} at column {exc.colno})") from None
    except (NotUnicode, RepeatedKey, ValueError) as exc:
        raise DataError(f"{path}: unreadable JSON ({exc})") from None
    rows = _rows_of(data, str(path))
    if not rows:
        raise DataError(f"{path}: no records (an empty list)")
    for place, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise DataError(f"{path}: item {place}: expected a JSON object, got {type(row).__name__}")
        yield place, row


def _cell(value: str | None) -> Any:
    """A CSV cell as a JSONL row would give it: empty -> None, a whole number -> int, else the text."""
    if value is None or not value.strip():
        return None
    return int(value) if WHOLE_NUMBER.fullmatch(value.strip()) else value


def iter_csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, row)`` for each row of a ``.csv`` (or tab-separated ``.tsv``) file under its header row; a row with
    more cells than the header has names its line."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    try:
        header = next(reader, None)
        if not header or not any(name.strip() for name in header):
            raise DataError(f"{path}:1: no header row (the columns' names, e.g. title,text)")
        names = [name.strip() for name in header]
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(cells) > len(names):
                    raise DataError(f"{path}:{start}: {len(cells)} cells under a header of {len(names)} columns")
                yield start, {name: _cell(cell) for name, cell in zip(names, cells) if name}
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(f"{path}:{reader.line_num}: malformed CSV ({exc})") from None


def iter_record_file(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of a ``.json``, ``.csv`` or ``.tsv`` export."""
    return iter_json_items(path) if path.suffix.lower() == ".json" else iter_csv_rows(path)
