"""A page exported as a header row and rows of its parts, put back together as one page to read: a live blog's header
(its title and standfirst) above its updates (reads 75, 82: `{"kind": "liveblog_header", "url": …, "title": …,
"standfirst": …}`, then `{"kind": "liveblog_update", "url": …, "text": …}` rows), a photo story's header above its
slides (read 81: `{"type": "gallery", "title": …, "intro": …}`, then `{"type": "slide", "caption": …}` rows), and a
press briefing exported a question a row (read 80: `{"briefing_title": …, "url": …, "question": …, "answer": …}`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from diplo_ml.data.examples import given_string, record_text, record_title
from diplo_ml.data.scraped_elements import HEAD_PART, page_key

# where a header row keeps the page's standfirst (not a "description" or "summary": a teaser, a dataset's reference)
STANDFIRST_FIELDS = ("standfirst", "intro", "sapo", "lede")
PART_TITLE_FIELDS = ("update_title", "slide_title", "entry_title", "subtitle")  # an update's or a slide's own heading
# (any part's heading: a fact box's "box_title", a cross-heading's "heading_title", a second review found)
PART_TITLE = re.compile(r"^(?:update|slide|entry|box|heading|section|sub|para|paragraph|caption|block|part|item)_?"
                        r"(?:title|heading)$|^subtitle$")
CAPTION_FIELDS = ("caption", "image_caption", "photo_caption")
QUESTION_FIELDS, ANSWER_FIELDS = ("question", "q"), ("answer", "a", "reply")

Row = tuple[int, "dict[str, Any] | list[dict[str, Any]]"]


def qa_text(record: dict[str, Any]) -> str | None:
    """A row's question and answer as one text, the question first ("Could you confirm …?\\n\\nVietnam will …"), where
    the row gives both and no text of its own; else None."""
    question, answer = given_string(record, QUESTION_FIELDS), given_string(record, ANSWER_FIELDS)
    if not (question and answer) or record_text(record).strip():
        return None
    return f"{question}\n\n{answer}"


def _standfirst(record: dict[str, Any]) -> str | None:
    """A header row's standfirst: whole sentences of eight words or more (not a teaser cut off with "…")."""
    text = given_string(record, STANDFIRST_FIELDS)
    return text if text and len(text.split()) >= 8 and re.search(r"[.!?][\"”’']?$", text) else None


def _header_title(record: dict[str, Any]) -> str | None:
    """A header row's title: its own, else its page's (a live blog's "page_title", read 75)."""
    return record_title(record) or given_string(record, ("page_title",))


def _is_header(record: dict[str, Any]) -> bool:
    """A row that titles its page and gives its standfirst, but no text of its own."""
    return (not record_text(record).strip() and _header_title(record) is not None
            and _standfirst(record) is not None)


def _part_rows(record: dict[str, Any], url: str) -> list[dict[str, Any]] | None:
    """A part row as rows :func:`~diplo_ml.data.scraped_elements.element_page` writes (its heading, its text or
    caption, or its question and answer); None for a row that is no part of a page (one with nothing to read)."""
    text = qa_text(record) or record_text(record).strip() or given_string(record, CAPTION_FIELDS)
    if not text:
        return None
    heading = given_string(record, PART_TITLE_FIELDS)
    return [*([{"url": url, "selector": "h2", "text": heading}] if heading else []),
            {"url": url, "selector": "p", "text": text}]


def header_pages(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows, but a header row (:func:`_is_header`) and the rows after it of the same page that have no title of
    their own (or the header's) as ``(header's line, [rows])``, one page; the same for two rows or more of one page that
    each hold a question and its answer under one title (a briefing). Lists (pages already put together) pass."""
    run: list[tuple[int, dict[str, Any]]] = []

    def flush() -> Iterator[Row]:
        header = run[0][1] if run else None
        if len(run) >= 2 and header is not None:
            url = page_key(header) or ""
            title = _header_title(header)
            if _is_header(header):
                own = {k: v for k, v in header.items() if k not in STANDFIRST_FIELDS}
                start = [{**own, "title": title, "text": ""},
                         {"url": url, "selector": "p.sapo", "text": _standfirst(header)}]
                parts = run[1:]
            else:  # (a briefing: every row a question and its answer, each under the page's title)
                start = [{"url": url, "selector": HEAD_PART, "title": title, "text": ""}]
                parts = run
            written = [_part_rows(row, url) for _, row in parts]
            if all(written):
                yield run[0][0], [*start, *(row for part in written for row in part or ())]
                run.clear()
                return
        yield from run
        run.clear()

    for number, row in rows:
        if isinstance(row, dict) and run and _same_page(run, row):
            run.append((number, row))
            continue
        yield from flush()
        if isinstance(row, dict) and page_key(row) and (_is_header(row) or qa_text(row)):
            run.append((number, row))
        else:
            yield number, row
    yield from flush()


def _same_page(run: list[tuple[int, dict[str, Any]]], row: dict[str, Any]) -> bool:
    """Whether ``row`` goes on the run's page: the same page, no other title, and (for a briefing) a question too."""
    first = run[0][1]
    if page_key(row) != page_key(first):
        return False
    if _is_header(first):  # (a title of its own under any name, not a part's heading: another article, as the
        own = record_title({k: v for k, v in row.items() if not PART_TITLE.match(k)})  # next one an endless
        return own is None or own == _header_title(first)  # page loads under the same address, a review found)
    return qa_text(row) is not None and record_title(row) == record_title(first)
