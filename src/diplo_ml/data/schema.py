"""The JSONL record schemas of the two tasks, checked line by line.

Pillar tagging, one paragraph per line::

    {"id": "a01-p03", "doc_id": "a01", "text": "...", "labels": ["economic"]}

Summarisation, one article per line::

    {"id": "a01", "text": "article body, paragraphs separated by blank lines", "summary": "..."}

Extra fields are kept (each of one JSON type in every record of a split). ``labels`` may be empty (no pillar).
``doc_id`` is text, a whole number or null; the context fields ``headline``, ``title`` and ``previous`` are text or
null. A paragraph's previous paragraph is its own ``previous`` field (``context``, predict's older name, is read
the same way; null: none) when it has one, else the record before it with the same ``doc_id`` in file order
(:class:`diplo_ml.data.examples.PreviousParagraph`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from diplo_ml.errors import DataError
from diplo_ml.text import is_blank


def _where(path: str, line: int) -> str:
    return f"{path}:{line}"


def _require_text(record: dict[str, Any], field: str, where: str) -> str:
    if field not in record:
        raise DataError(f"{where}: missing field '{field}'")
    value = record[field]
    if not isinstance(value, str):
        raise DataError(f"{where}: field '{field}' must be a string, got {type(value).__name__}")
    if is_blank(value):
        raise DataError(f"{where}: empty '{field}'" + (" (invisible characters only)" if value.strip() else ""))
    return value


CONTEXT_FIELDS = ("headline", "title", "previous")


def _check_optional(record: dict[str, Any], where: str, fields: Sequence[str] = CONTEXT_FIELDS) -> None:
    """``doc_id`` and the context ``fields``, when given, are of the types every reader expects."""
    doc = record.get("doc_id")
    if doc is not None and (isinstance(doc, bool) or not isinstance(doc, str | int)):
        raise DataError(f"{where}: field 'doc_id' must be text or a whole number, got {type(doc).__name__}")
    for field in fields:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise DataError(f"{where}: field '{field}' must be text or null, got {type(value).__name__}")


def check_pillar_record(record: dict[str, Any], path: str, line: int, *, labels: Sequence[str]) -> None:
    """Raise :class:`DataError` naming ``path:line`` if the record breaks the tagging schema."""
    where = _where(path, line)
    _require_text(record, "id", where)
    _require_text(record, "text", where)
    if "doc_id" not in record:
        raise DataError(f"{where}: missing field 'doc_id'")
    if "labels" not in record:
        raise DataError(f"{where}: missing field 'labels'")
    _check_optional(record, where, (*CONTEXT_FIELDS, "context"))  # context: previous's older name
    tags = record["labels"]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise DataError(f"{where}: 'labels' must be a list of label names")
    for tag in tags:
        if tag not in labels:
            raise DataError(f"{where}: unknown label '{tag}' (expected one of: {', '.join(labels)})")
    if len(set(tags)) != len(tags):
        raise DataError(f"{where}: label listed twice in {tags}")


def check_summary_record(record: dict[str, Any], path: str, line: int, text_field: str = "text",
                         summary_field: str = "summary") -> None:
    """Raise :class:`DataError` naming ``path:line`` if the record breaks the summarisation schema."""
    where = _where(path, line)
    _require_text(record, "id", where)
    _require_text(record, text_field, where)
    _require_text(record, summary_field, where)
    _check_optional(record, where)
