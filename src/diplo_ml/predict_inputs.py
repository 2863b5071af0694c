"""What `diplo-ml predict` reads: raw articles (.txt, .md, .html, .pdf), JSONL files (and .json, .csv and .tsv
exports, read row by row as JSONL is), RSS/Atom feeds and standard input, as units to predict, each with the fields
its output row carries (``id``, ``source``, ``line`` or ``paragraph_index``)."""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from diplo_ml.data.article import Article, Paragraph
from diplo_ml.data.examples import (
    HEADLINE_FIELDS,
    PREVIOUS_FIELDS,
    TEXT_FIELDS,
    PreviousParagraph,
    flat_record,
    given_string,
    record_headline,
    record_text,
    record_text_field,
    record_url,
    unescaped,
    with_sapo,
    without_row_header,
)
from diplo_ml.data.header_rows import header_pages, qa_text
from diplo_ml.data.ingest import SUFFIXES, doc_ids, ingest_document, read_articles, written_by_diplo
from diplo_ml.data.io import iter_jsonl, parse_jsonl_lines
from diplo_ml.data.line_joins import mended_breaks
from diplo_ml.data.page_kind import row_kind
from diplo_ml.data.page_noise import furniture_note
from diplo_ml.data.page_text import decode_text, html_to_text, looks_like_html
from diplo_ml.data.record_files import RECORD_SUFFIXES, iter_record_file
from diplo_ml.data.scraped_elements import KIND_FIELDS, element_page, group_elements, page_rows, selector_of
from diplo_ml.errors import DataError, EncodingError, NoTextError
from diplo_ml.files import check_outside_input_folders, not_a_file
from diplo_ml.predict_record import STDIN
from diplo_ml.tasks.base import Task
from diplo_ml.text import is_blank

INPUT_SUFFIXES = (".jsonl", *RECORD_SUFFIXES, *SUFFIXES)
FOLDER_SUFFIXES = (".jsonl", *SUFFIXES)  # what a folder given is read for: not its .json or .csv files (a saved page's
# data, a site's manifest), which are read where named
ROW_SUFFIXES = (".jsonl", *RECORD_SUFFIXES)  # files of rows (a scraper's, a CMS's export), not pages
Unit = dict[str, Any]  # one thing to predict: "_text" (and "_context") plus the fields its output row carries


def reads_previous(meta: dict[str, Any]) -> bool:
    """Whether a checkpoint's model (or its ensemble's member) reads the previous paragraph (model.context)."""
    model = meta.get("model") if isinstance(meta.get("model"), dict) else {}
    member = model.get("member") if isinstance(model.get("member"), dict) else {}
    return "previous" in (model.get("context"), member.get("context"))


def without_previous_note(where: str) -> str:
    return (f"note: this model reads each paragraph's previous paragraph (model.context=previous), but {where} has "
            "no 'previous' field and no 'doc_id': such rows are tagged without it (give 'previous', or 'doc_id' "
            "with the article's paragraphs in order)")


def _jsonl_units(records: Iterable[tuple[int, dict[str, Any]]], label: str, task: Task,
                 on_no_previous: Callable[[str], None] | None = None) -> Iterator[Unit]:
    """Units of JSONL rows, with the fields the task reads from a row (a summary's headline, date, outlet); each
    row's previous paragraph by :class:`PreviousParagraph`'s rule (as in training); ``on_no_previous`` is told of
    each row that has neither a previous paragraph field nor a doc_id."""
    count = left_out = 0
    previous_of = PreviousParagraph()
    first_line_of: dict[str, int] = {}  # id -> the line that gave it first; the first repeat in a file is noted
    repeat_noted = False
    alias_noted = False
    if task.reads_pages:  # (a wire's flash and its later version are one story: the latest is its article)
        records = header_pages(group_elements(latest_versions(page_rows(records, label), label)))
    for number, record in records:
        if isinstance(record, list):  # a scraper's rows of one page's elements: read as the page they came from
            try:
                article = ingest_document(element_page(record), f"{Path(label).stem}:{number}", f"{label}:{number}")
            except NoTextError:  # (a recording of a station's call alone: its rows as they are; the summary
                article = Article(doc_id=f"{Path(label).stem}:{number}", path=label)  # says what it found)
                texts = [record_text(row).strip() for row in record]
                article.paragraphs = [Paragraph(text, number + n, False, text) for n, text in enumerate(texts) if text]
            article.path = label
            for unit in _article_units(task, article):
                yield {"id": number, "line": number, **unit}
            count += 1
            continue
        record = flat_record(record)  # (a WordPress export's {"content": {"rendered": "<p>…"}})
        if (asked := qa_text(record)) is not None:  # (a briefing's row: its question and answer, read 80)
            record = {**record, "text": asked}
        field = record_text_field(record)
        text = record.get(field)
        for key in (field, *HEADLINE_FIELDS, *PREVIOUS_FIELDS):
            if record.get(key) is not None and not isinstance(record[key], str):
                raise DataError(f"{label}:{number}: '{key}' must be a string, not {type(record[key]).__name__}")
        blank = not text or is_blank(text)
        if blank and picture_row(record):  # (a page's picture beside its article's row)
            print(f"note: {label}:{number}: a picture's row (its caption, no article text) is left out",
                  file=sys.stderr)
            continue
        if task.reads_pages and (kind := listing_row(record, not blank)) is not None:
            print(f"note: {label}:{number}: a '{kind}' row (not an article) is left out", file=sys.stderr)
            left_out += 1
            continue
        if blank and tail_row(record):
            print(f"note: {label}:{number}: a row of related links or tags (no article text) is left out",
                  file=sys.stderr)
            left_out += 1
            continue
        if blank:
            fields = ", ".join(repr(k) for k in record) or "none"
            raise DataError(f"{label}:{number}: missing or empty 'text' (nor {', '.join(TEXT_FIELDS[1:])}; the "
                            f"row's fields: {fields})")
        if field != "text" and not alias_noted:
            alias_noted = True
            given = "whose 'text' is in Vietnamese" if record.get("text") else "with no 'text' field"
            print(f"note: {label}:{number}: rows {given} are read from their '{field}' field", file=sys.stderr)
        text = unescaped(with_sapo(record, text) if task.reads_pages else text)  # (before markup is read:
        # "&lt;p&gt;…" is a paragraph's markup, escaped once more; a summary reads the sapo above the body)
        text = html_to_text(text) if looks_like_html(text) else text
        text = mended_breaks(text) if task.reads_pages else text  # (a printed page's "congratu-" / "late")
        if not text.strip():
            raise DataError(f"{label}:{number}: 'text' holds markup and no text")
        previous = previous_of(record, text)
        note = furniture_note(text)
        if on_no_previous and PreviousParagraph.own(record) is None and record.get("doc_id") is None:
            on_no_previous(f"{label}:{number}")
        headline = record_headline(record)
        rid = record.get("id")
        if isinstance(rid, float) and not math.isfinite(rid):  # JSON's NaN/Infinity: written back, not JSON
            raise DataError(f"{label}:{number}: 'id' must be a string or a finite number, not {rid}")
        if rid is not None:
            first = first_line_of.setdefault(json.dumps(rid), number)
            if first != number and not repeat_noted:
                repeat_noted = True
                print(f"note: {label}:{number}: id {json.dumps(rid)} was given before, at line {first}; both rows "
                      "are predicted, told apart by 'source' and 'line' (further repeats in this file are not "
                      "named)", file=sys.stderr)
        try:
            fields = task.row_fields(record, text)
        except DataError as exc:
            raise DataError(f"{label}:{number}: {exc}") from None
        yield {"id": rid if rid is not None else number, "source": label, "line": number,
               **fields, **({"text": text} if task.echo_text else {}),
               **({"note": note} if note else {}),
               # the predictor cuts a wire dateline that opens it (as ingestion did for training)
               # (and through its headline: its own, else, before a header's byline, stamp or dateline, the one read
               # from its text or its address's slug)
               "_text": without_row_header(text, headline, fields.get("headline")),
               "_context": {"headline": headline, "previous": previous,
                            "kind": row_kind(record) if task.reads_pages else None}}
        count += 1
    if not count and left_out:  # (a file of a crawl's own rows: noted, and the other files go on)
        print(f"note: {label}: no article rows ({left_out} left out)", file=sys.stderr)
    elif not count:
        raise DataError(f"{label}: no records")


# a wire's or a CMS's version of a story: a version field that rises ({"id": …, "version": 2}) under one story, the id
# with or without a version at its end ("tag:reuters.com,2026:newsml_L4N3HX1A2:2"); read 78: the flash ("… made
# progress. More to follow.") and then its first update, the story's article, in the next row. Not ids alone that end
# in a number (different stories "vov:101", "vov:102"; a time "…T09:15"; a series' parts), nor a page's or a chunk's
# rows, nor two sites' rows (a review found)
_ID_VERSION = re.compile(r"^(?P<story>.+?\w)(?::|[-_.]v|/v)(?P<version>\d{1,3})$")
VERSION_FIELDS = ("version", "revision")
STORY_FIELDS = ("id", "slug")  # (a wire's story slug, read 88: `{"slug": "BC-VN-…", "version": "flash", …}`)
# a wire's versions written as words: a flash or an urgent before its story (version 0), then its leads and
# write-throughs ("1stLD", "2nd LD", "LEAD 2", "v2", "writethru 1")
_FLASH_VERSION = re.compile(r"^(?:flash|urgent|bulletin|alert|newsalert|snap)$", re.IGNORECASE)
_WORD_VERSION = re.compile(r"^(?:(?P<nth>\d{1,2})(?:st|nd|rd|th)?\s*(?:ld|lead|writethru|wt)"
                           r"|(?:v|ld|lead|update|writethru|wt)\s*-?\s*(?P<n>\d{1,2}))$", re.IGNORECASE)


def _version_number(value: object) -> int | None:
    """A version field's number: an integer as given; a word's (:data:`_FLASH_VERSION` 0, "1stLD" 1); else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str):
        return None
    if _FLASH_VERSION.match(value.strip()):
        return 0
    match = _WORD_VERSION.match(value.strip())
    return int(match["nth"] or match["n"]) if match else None


def story_version(record: dict[str, Any], part: bool = False) -> tuple[str, int, str | None] | None:
    """A row's story, its version number (its version field) and its site; None where the row names no version or
    (unless ``part``) is one part of a page."""
    rid = next((record[k] for k in STORY_FIELDS if isinstance(record.get(k), (str, int))
                and not isinstance(record[k], bool)), None)
    field = next((n for k in VERSION_FIELDS if (n := _version_number(record.get(k))) is not None), None)
    if field is None or rid is None or not part and selector_of(record) is not None:
        return None
    match = _ID_VERSION.match(rid.strip()) if isinstance(rid, str) else None
    url = record_url(record) or given_string(record, ("site", "site_name", "source", "publisher"))
    site = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip()).split("/", 1)[0].lower() if url else None
    return (match["story"] if match else str(rid)), field, site


def latest_versions(records: Iterable[tuple[int, dict[str, Any]]], label: str
                    ) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows, but a row that the next row gives again as a later version of its story (:func:`story_version`) is
    left out with a note: the latest version is the article."""
    held: tuple[int, dict[str, Any], tuple[str, int, str | None] | None] | None = None
    for number, record in records:
        version = story_version(record) if isinstance(record, dict) else None
        if held is not None:
            earlier = held[2]
            later = version or (story_version(record, part=True) if earlier and isinstance(record, dict) else None)
            # (the later version may come as the first of its page's parts: `"part": 1, "parts": 3`, read 88)
            if earlier and later and earlier[0] == later[0] and earlier[1] < later[1] \
                    and (earlier[2] == later[2] or None in (earlier[2], later[2])):
                print(f"note: {label}:{held[0]}: an earlier version of line {number}'s story (version {earlier[1]} "
                      f"of {later[1]}) is left out", file=sys.stderr)
            else:
                yield held[0], held[1]
        held = (number, record, version)
    if held is not None:
        yield held[0], held[1]


PICTURE_KINDS = {"image", "photo", "picture", "figure", "gallery", "video", "caption", "thumbnail"}


# what a crawl's, a feed's or a spider's rows that hold no article say they are, by the last word of their kind: a
# listing page of teasers (read 76: `{"type": "listing", "text": "Economy\n\nVietnam to open …\nThe office is …"}`);
# with no text also a section's, a feed's, a related story's or a comment's row (read 77's `{"page_type": "listing", …,
# "text": null}`, read 75's `{"record": "feed", "feed_title": …}`, read 79's `{"item_type": "related", "snippet": …}`)
# and a page's or a crawl's header (:data:`HEADER_KINDS`; read 75: a live blog's `{"type": "header", "page_title": …,
# "standfirst": …}` above its updates). Not a "feed_item", a "channel_post", an "archive_article", nor a "category",
# "related" or "comment" row that holds its article's text (two reviews found)
LISTING_KINDS = {"listing", "advisory"}  # (a wire's advisory to editors: "EDITORS: … is planning a story …", read 109)
SECTION_KINDS = {"index", "results", "category", "archive", "feed", "channel", "homepage", "frontpage", "section",
                 "related", "recommended", "comment", "comments"}
HEADER_KINDS = {"header", "meta", "metadata", "manifest", "site", "crawl", "page", "profile", "account"}  # (a social
# scrape's {"type": "page", "page_name": …, "followers": …} above its post, read 111)
KIND_TAILS = {"page", "info", "information", "meta", "metadata", "details", "header", "row", "record"}
ROW_KIND_FIELDS = (*(k for k in KIND_FIELDS if k not in ("block", "tag", "style")), "record", "page_type", "page_kind",
                   "row_kind")  # (a page's part's fields, not a "tag": a topic's, "election results")


def listing_row(record: dict[str, Any], has_text: bool) -> str | None:
    """What a row that holds no article is by the last word of its kind (:data:`LISTING_KINDS`; with no text, also
    :data:`SECTION_KINDS` and :data:`HEADER_KINDS`, or a field of such a name that holds the row's fields), as its
    kind for a note ("listing", "feed", "header"); None for any other row."""
    kinds = LISTING_KINDS if has_text else LISTING_KINDS | SECTION_KINDS | HEADER_KINDS
    if not has_text:  # a feed parser's own row: `{"feed": {"title": …, "link": …}, "bozo": 0}` (read 79)
        named = next((key for key, value in record.items() if isinstance(value, dict) and key.lower() in kinds), None)
        if named:
            return named.lower()
    for key in ROW_KIND_FIELDS:
        if isinstance(record.get(key), str):
            words = kind_words(record[key])
            while words:  # ("listing_page", read 79's "crawl_info"; a tail that is a kind itself: "liveblog_header")
                if len(words) <= 2 and words[-1] in kinds:
                    return record[key].strip()
                if len(words) == 1 or words[-1] not in KIND_TAILS:
                    break
                words = words[:-1]
    return None


# a page's tail as a row of its own (read 120: {"guid": …, "part": 3, "related": […], "tags": […]})
TAIL_FIELDS = {"related", "tags", "categories", "keywords", "links", "see_also", "more", "read_more", "topics"}
ROW_ID_FIELDS = {"id", "guid", "url", "link", "part", "chunk", "seq", "index", "page", "n", "position", "doc_id"}


def tail_row(record: dict[str, Any]) -> bool:
    """Whether a row with no text holds only a page's related links or tags, besides its ids and its place."""
    keys = {k.lower() for k in record}
    return bool(keys & TAIL_FIELDS) and keys <= TAIL_FIELDS | ROW_ID_FIELDS


def picture_row(record: dict[str, Any]) -> bool:
    """Whether a row with no text is a page's picture: a "caption" field, or a kind that names a picture
    (`{"block": "lead_image", "url": …, "caption": …, "credit": …}` above the article's row, read 73)."""
    kinds = [str(record[k]) for k in KIND_FIELDS if isinstance(record.get(k), str)]
    return isinstance(record.get("caption"), str) or any(kind_words(kind)[-1] in PICTURE_KINDS for kind in kinds)


def kind_words(kind: str) -> list[str]:
    """A row's kind as its words in small letters ("lead_image" -> ["lead", "image"], "Crawl-Info" -> ["crawl",
    "info"])."""
    return re.split(r"[\s_-]+", kind.strip().lower())


def _article_units(task: Task, article: Any) -> Iterator[Unit]:
    for unit in task.article_units(article):
        fields = {k: v for k, v in unit.items() if k not in ("text", "context")}
        yield {**fields, **({"text": unit["text"]} if task.echo_text else {}), "_text": unit["text"],
               "_context": unit.get("context")}


def expand_folders(inputs: list[str], output: str | None = None) -> list[str]:
    """``inputs`` with each folder replaced by the JSONL and article files in it (sorted, its subfolders too; the
    other files are named in one note); files and ``-`` as given, each file once. An output inside a folder given
    is refused: the next run would read it as an input."""
    from diplo_ml.data.ingest import expand_inputs, once_each

    folders = [Path(i) for i in inputs if i != STDIN and Path(i).is_dir()]
    if folders and output:
        check_outside_input_folders(output, inputs, FOLDER_SUFFIXES)
    expanded: list[tuple[str, Path]] = []  # (the name rows will carry as their source, the file)
    for item in inputs:
        if item != STDIN and Path(item).is_dir():
            expanded += [(str(p), p) for p in expand_inputs([item], FOLDER_SUFFIXES, once=False)]
        else:
            expanded.append((item, Path(item)))
    kept = {id(p) for p in once_each([p for name, p in expanded if name != STDIN])}
    return [name for name, p in expanded if name == STDIN or id(p) in kept]


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise DataError(f"{path}: is a folder; give its files (the command line's `predict` reads folders)")
    if not path.is_file():
        raise DataError(not_a_file(path))
    if path.suffix.lower() not in INPUT_SUFFIXES:
        raise DataError(f"{path}: unsupported input type (use {', '.join(INPUT_SUFFIXES)} or -)")


def check_inputs(inputs: list[str]) -> None:
    """Every input exists and is of a known type, before any work starts."""
    if inputs.count("-") > 1:
        raise DataError("- (standard input) is given more than once; it can be read only once")
    for item in inputs:
        if item != "-":
            _check_path(Path(item))


def _looks_like_jsonl(text: str) -> bool:
    """Standard input is JSONL when its first non-blank line opens as a JSON object does (`{"`, `{}`, a lone `{` or
    `{'`; one that is not a JSONL line is then named by the JSONL reader); a page that merely opens with "{" and a
    word, as "{Photo: VNA}", is an article."""
    first = next(line for line in text.split("\n") if line.strip()).strip()
    return re.match(r"\{\s*([\"'}]|$)", first) is not None


def _not_utf8(path: Path) -> bool:
    """Whether a page would be refused for its encoding."""
    if path.suffix.lower() == ".pdf":
        return False
    try:
        decode_text(path.read_bytes(), str(path))
    except EncodingError:
        return True
    except (DataError, OSError):  # unreadable for another reason: its own error comes when it is read
        pass
    return False


def read_units(inputs: list[str], task: Task, previous: bool = False) -> Iterator[Unit]:
    """Units of every input, in order; article units come from the task (paragraphs, or the whole article). With
    ``previous`` (the model reads the previous paragraph), JSONL rows that give it no way to find one are noted once."""
    check_inputs(inputs)
    noted: list[str] = []

    def note_once(where: str) -> None:
        if not noted:
            noted.append(where)
            print(without_previous_note(where), file=sys.stderr)

    on_no_previous = note_once if previous else None
    left_out: list[str] = []  # article pages with no readable text; among several inputs they are noted, not fatal
    given = 0
    pages = [Path(i) for i in inputs if i != STDIN and Path(i).suffix.lower() not in ROW_SUFFIXES]
    articles = [p for p in pages if not written_by_diplo(p)]  # ids as ingest and brief give them (they skip these)
    page_ids = iter(doc_ids(articles))
    for item in inputs:
        if item == "-":
            stream = getattr(sys.stdin, "buffer", None)  # bytes, so that other encodings are refused
            text = decode_text(stream.read(), "<stdin>") if stream is not None else sys.stdin.read()
            if not text.strip():
                raise DataError("<stdin>: empty input")
            if _looks_like_jsonl(text):
                yield from _jsonl_units(parse_jsonl_lines(text.split("\n"), "<stdin>"), "<stdin>", task, on_no_previous)
            else:
                yield from _article_units(task, ingest_document(text, "stdin", "<stdin>"))
            given += 1
            continue
        path = Path(item)
        if path.suffix.lower() in ROW_SUFFIXES:  # (a .json export's items, a .csv file's rows: as JSONL rows)
            rows = iter_jsonl(path) if path.suffix.lower() == ".jsonl" else iter_record_file(path)
            yield from _jsonl_units(rows, str(path), task, on_no_previous)
            given += 1
            continue
        try:
            if written_by_diplo(path):
                raise NoTextError(f"{path}: a page diplo-ml wrote (a brief or report), not a news article")
            articles = read_articles(path, next(page_ids))  # (a feed's items, each one)
        except EncodingError as error:  # name the other files that need re-saving too, not one a run
            later = pages[pages.index(path) + 1:] if path in pages else []
            others = [str(p) for p in later if _not_utf8(p)]
            if others:
                raise EncodingError(f"{error} ({len(others)} more input(s) not UTF-8: {', '.join(others[:3])}"
                                    f"{', …' if len(others) > 3 else ''})") from None
            raise
        except NoTextError as error:  # (a page in another encoding, or a binary file, is an error: it can be mended)
            if len(inputs) == 1:
                raise
            left_out.append(str(error))
            continue
        for article in articles:
            yield from _article_units(task, article)
        given += 1
    if left_out and not given:
        raise DataError(f"no input had text to predict on (first: {left_out[0]})")
    if left_out:
        print(f"warning: {len(left_out)} of {len(inputs)} inputs left out, they hold no text "
              f"(first: {left_out[0]})", file=sys.stderr)


def count_jsonl_rows(inputs: list[str]) -> int | None:
    """Rows the inputs will give when they are all JSONL files (for the progress bar's ETA), else None."""
    if not inputs or any(i == "-" or not i.lower().endswith(".jsonl") for i in inputs):
        return None
    total = 0
    for item in inputs:
        with open(item, "rb") as handle:
            total += sum(1 for line in handle if line.strip())
    return total


def chunks(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    for unit in units:
        batch.append(unit)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def row_key(row: dict[str, Any]) -> str:
    """What identifies a row across runs: its source and line (JSONL) or paragraph index (articles)."""
    return json.dumps([row.get("source"), row.get("line"), row.get("paragraph_index"), row.get("doc")])


def describe_key(key: str | None) -> str:
    """A :func:`row_key` in words: "line 7 of a.jsonl", "paragraph 3 of page.txt"."""
    source, line, paragraph, _ = json.loads(key) if key else (None, None, None, None)
    where = f"line {line}" if line is not None else f"paragraph {paragraph}" if paragraph is not None else "a row"
    return f"{where} of {source}"


def unit_context(batch: list[Unit]) -> dict[str, list[str | None]] | None:
    """The context texts of a batch by kind (headline, previous paragraph), None when it has none."""
    kinds = sorted({k for u in batch for k, v in (u.get("_context") or {}).items() if v})
    return {k: [(u.get("_context") or {}).get(k) for u in batch] for k in kinds} or None
