"""A scraper's rows of one page's parts put back together as the page they came from, so that it is read as a saved
page is: its menus, date line and title known for what they are. A part is an element named by its CSS selector (read
48: `{"url": …, "selector": "h1.title", "text": …}`, `"ul.menu li a"`, `"div.body p"`) or a numbered part of a kind
(read 47: `{"url": …, "title": …, "para_idx": 0, "type": "paragraph", "text": …}`, a "breadcrumb", a "related" row)."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from diplo_ml.data.examples import given_string, record_text, record_text_field, record_url
from diplo_ml.data.line_joins import WRAPPED, hard_wrapped
from diplo_ml.data.page_text import looks_like_html
from diplo_ml.data.transcripts import cue_time, one_recording, recording_key, timed_segment
from diplo_ml.errors import DataError

SELECTOR_FIELDS = ("selector", "css_selector", "css", "element")  # where a row names the element it was read from
PART_NUMBER_FIELDS = ("para_idx", "paragraph_index", "para_index", "part_index", "block_index", "position",
                      "chunk_index", "para_no", "paragraph_no", "section_no", "section_index")  # (a crawler's chunks
# of one document, read 83; a page's paragraphs under its doc_id, read 86; a feed item's sections, read 87)
# an article's text over rows, numbered beside their count (`"page": 2, "pages": 2`, read 68; not a listing's or an
# e-paper's page number, nor a digest's chunks, a review found)
COUNTED_PART_FIELDS = {"page": ("pages", "page_count", "total_pages", "n_pages", "pages_total"),
                       "chunk": ("chunks", "chunk_count", "total_chunks", "n_chunks", "chunks_total"),
                       "part": ("parts", "part_count", "total_parts", "n_parts", "parts_total")}  # (read 90's
# `"chunk": 2, "chunks_total": 6`; a wire's story in `"part": 1, "parts": 3` rows, read 88)
# numbers that may count anything (a listing's briefs by "index", an article's comments): a part's only beside its kind
GENERIC_NUMBER_FIELDS = ("seq", "sequence", "idx", "index", "order", "block_no", "part_no",
                         "block", "part", "n", "seg", "segment", "row", "row_id", "sort_order", "order_no", "item_no",
                         "i", "turn")  # (a briefing's turns, read 102)  # (a number where it is one: `"block": 3,
# "type": "paragraph"`, read 57; `"part": 5, "kind": "intro"`, read 63; `"n": 4, "style": "body"`, `"seg": 2,
# "role": "intro"`, read 67; `"row": 3, "segment_type": "answer"`, read 88)
KIND_FIELDS = ("type", "kind", "block_type", "block", "block_kind", "element_type", "part_type", "role", "tag",
               "row_type", "item_type", "node_type", "record_type", "entry_type", "style", "segment_type",
               "section_heading", "field")  # (a feed item's sections: "description", "Remarks", "related", read 87)
# (what a numbered part is: "paragraph", "breadcrumb", "image_caption", an element's own tag "h1")
DOC_ID_FIELDS = ("doc_id", "docid", "document_id", "article_id", "page_id", "story_id",
                 "post_id")  # the page a part is of
FILE_FIELDS = ("source_file",)  # (a PDF's pages a row each, read 85; after the address: a crawl's dump file holds many)
# the element a part of each kind is written as (any other kind: a paragraph)
KIND_SELECTORS = {"breadcrumb": "nav.breadcrumb", "breadcrumbs": "nav.breadcrumb", "nav": "nav", "menu": "nav",
                  "related": "aside.related", "tags": "div.tags", "caption": "figure figcaption", "byline": "p.byline",
                  "author": "p.byline", "heading": "h2", "subheading": "h2", "title": "h1", "headline": "h1",
                  "sapo": "p.sapo", "lead": "p.sapo", "standfirst": "p.sapo", "summary": "p.sapo",
                  "quote": "blockquote", "footer": "footer", "time": "time", "date": "time", "timestamp": "time",
                  "h1": "h1", "h2": "h2", "h3": "h2", "figcaption": "figure figcaption", "blockquote": "blockquote",
                  "header": "h2", "image": "figure figcaption", "list": "ul li",  # (an editor's blocks)
                  "dek": "p.sapo", "deck": "p.sapo", "promo": "aside", "ad": "aside", "advert": "aside",
                  "advertisement": "aside", "banner": "aside", "subscribe": "aside", "newsletter": "aside",
                  "share": "aside", "social": "aside", "cookie": "aside", "cookies": "aside",
                  "photo": "figure figcaption", "question": "p", "q": "p"}  # (read 102: a
# subscription's promotion, an app's banner, the share buttons a scraper kept as rows, left out as a page leaves them)
PARAGRAPH_KINDS = {"paragraph", "para", "p", "text", "body", "intro", "answer"}  # (an interview's answers, read 63)
OTHER_PART = "div.part"  # a numbered part of a kind no list knows: a page's part among known ones, else a row
# a row of no text that names its page (read 56: `{"doc_id": …, "row_type": "meta", "title": …, "published": …}` above
# the page's numbered paragraphs, a "tags" row of a list below them): the page's metadata, nothing in its body
HEAD_PART = "meta[name=part]"
PAGE_FIELDS = {"title": "title", "headline": "title", "page_title": "title", "item_title": "title",
               "site": "og:site_name", "site_name": "og:site_name",
               "published": "article:published_time", "date": "article:published_time"}  # what every row repeats
# one compound of a selector: its tag, then classes, an id and attributes ("meta[property=og:title]", "div.body")
COMPOUND = re.compile(r"^(?P<tag>[a-zA-Z][\w-]*)?(?P<rest>(?:[.#][\w-]+|\[[^\]]*\]|::?[\w-]+(?:\([^)]*\))?)*)$")
ATTRIBUTE = re.compile(r"\[\s*([\w:-]+)\s*(?:[~|^$*]?=\s*['\"]?([^'\"\]]*)['\"]?)?\s*\]")
HEAD_TAGS = ("meta", "title")


PAGE_PARAMETER = re.compile(r"[?&](?:page|pg)=\d{1,3}$")  # an article's second page: "…post319841.vnp?page=2" (not
# WordPress's "?p=412", a post's id, a review found)


def page_key(record: dict[str, Any]) -> str | None:
    """The page a scraped row is a part of: its document's id (where only the first part gives the address, read 52:
    `{"doc_id": …, "seq": 1, "block": "time", …}`), else its address without a page number (read 68), else the file
    it was read from (:data:`FILE_FIELDS`), else, for a transcript's timed segment, its recording
    (:func:`~diplo_ml.data.transcripts.recording_key`)."""
    url = record_url(record) or next((v.strip() for v in (record.get("source"),) if isinstance(v, str)
                                      and re.match(r"\s*https?://[^/\s]+/\S+\s*$", v)), None)  # (a page's
    # address under "source", as a briefing's turns give it, `{"source": "https://www.mofa.gov.vn/…", "turn": 2, …}`,
    # read 102; not an outlet's home page, "https://vovworld.vn/")
    return next((str(record[k]) for k in DOC_ID_FIELDS if isinstance(record.get(k), (str, int))
                 and not isinstance(record.get(k), bool) and str(record[k]).strip()), None) \
        or (PAGE_PARAMETER.sub("", url) if url else None) \
        or next((str(record[k]) for k in FILE_FIELDS if isinstance(record.get(k), str) and record[k].strip()), None) \
        or (recording_key(record, record_text_field(record)) if timed_segment(record) else None)


# a digest's or a newsletter's name, which its stories' rows repeat: "VOV World Weekly #46", "… Newsletter, Issue 12"
DIGEST_TITLE = re.compile(r"\b(?:weekly|daily|newsletter|digest|bulletin|round-?up|briefing|brief)\b"
                          r"(?:\s*[#№]\s*\d+)?\s*$"
                          r"|[#№]\s*\d+\s*$|\b(?:issue|edition|no\.)\s*\d+\b", re.IGNORECASE)


def _kind_selector(kind: str) -> str | None:
    """The element a part of a kind is written as: by its name, else by its last word ("image_caption" is a caption,
    "news_paragraph" a paragraph); None for a kind that is no part of a page ("news": a whole article)."""
    kind = re.sub(r"[\s-]+", "_", kind.strip().lower())
    for name in (kind, kind.rsplit("_", 1)[-1]):
        if name in KIND_SELECTORS or name in PARAGRAPH_KINDS:
            return KIND_SELECTORS.get(name, "p")
    return None


def _kind_of(record: dict[str, Any]) -> str | None:
    """What a row says it is: its first :data:`KIND_FIELDS` field that holds text ("paragraph", "h1", "caption")."""
    return next((record[k] for k in KIND_FIELDS if isinstance(record.get(k), str)), None)


def _number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def selector_of(record: dict[str, Any]) -> str | None:
    """The CSS selector of the part of a page a scraped row holds, where it names its page (:func:`page_key`): the
    selector it names, else one for its kind where it numbers its part (:data:`KIND_SELECTORS`; :data:`OTHER_PART`
    for a kind no list knows; a paragraph for a transcript's timed segment), :data:`HEAD_PART` for a row of no text;
    None for a row of its own."""
    if not page_key(record):
        return None
    if not record_text(record).strip():
        return HEAD_PART
    named = given_string(record, SELECTOR_FIELDS)
    kind = _kind_of(record)
    # (a generic number only beside a kind, or in a row that names its document or address and repeats its title,
    # read 91: `{"doc_id": …, "seq": 1, "headline": …, "body": …}`, so too a page number, read 89: `{"page": 2, "url":
    # …, "headline": …, "content": "(continued) …"}`, and a chunk, read 93: `{"guid": …, "link": …, "title": …,
    # "chunk": 2, "content_chunk": …}`; not comments numbered under an article_id)
    title = given_string(record, ("title", "headline"))
    titled = (any(record.get(k) for k in DOC_ID_FIELDS) or record_url(record) is not None) \
        and title is not None and not DIGEST_TITLE.search(title)  # (a digest's stories under its name, a review found)
    counted = tuple(name for name, counts in COUNTED_PART_FIELDS.items() if any(_number(record.get(c)) for c in counts))
    numbers = PART_NUMBER_FIELDS + (GENERIC_NUMBER_FIELDS if kind is not None or titled else ()) \
        + (("page", "chunk") if titled else ()) + counted
    # (a kind beside a count is a part though its own number is null: a page's related list after its counted parts,
    # `"part": null, "parts": 3, "block": "related"`, read 88)
    # (and a part of a kind a page has, under its document's id though unnumbered: a caption's row among numbered
    # paragraphs, `{"doc_id": …, "para_no": null, "kind": "caption"}`, read 102)
    known = kind is not None and _kind_selector(kind) is not None and any(record.get(k) for k in DOC_ID_FIELDS)
    if named or not (any(_number(record.get(k)) for k in numbers) or (kind is not None and counted) or known
                     or timed_segment(record)):
        return named
    # a kind no list knows ("meta", "news"): see :func:`group_elements`
    return _kind_selector(kind or "paragraph") or OTHER_PART


def _tag(compound: str) -> tuple[str, str]:
    """The opening tag and the name of one compound of a selector: "div.body" -> ('<div class="body">', 'div'); a
    compound that is no element ("*", ":first-child") -> a <div>."""
    match = COMPOUND.match(compound)
    if not match:
        return "<div>", "div"
    name = (match["tag"] or "div").lower()
    rest = match["rest"] or ""
    attributes = [(key, value or "") for key, value in ATTRIBUTE.findall(rest)]
    classes = re.findall(r"\.([\w-]+)", re.sub(r"\[[^\]]*\]", "", rest))
    ident = re.search(r"#([\w-]+)", re.sub(r"\[[^\]]*\]", "", rest))
    if classes:
        attributes.append(("class", " ".join(classes)))
    if ident:
        attributes.append(("id", ident.group(1)))
    written = "".join(f' {key}="{html.escape(value)}"' for key, value in attributes)
    return f"<{name}{written}>", name


def _row_lines(block: str) -> list[str]:
    """A row's block of lines as paragraphs: each line its own (a chunk's "Home > Economy > Integration" / "Page 1
    of 2" / "Vietnam and …", read 79, 90), but a line that goes on in the next (which opens in lower case or with a
    figure, or ends on a comma or a word no sentence ends with: "… Committee for APEC" / "2027, Deputy …") joined to
    it; a block wrapped at a width (each line but its last long and with no sentence's end, or
    :func:`~diplo_ml.data.line_joins.hard_wrapped`) one paragraph."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    wrapped = all(len(line) >= 45 and not re.search(r"[.!?:]$", line) for line in lines[:-1])  # (a PDF page's
    if len(lines) < 2 or wrapped or hard_wrapped(lines):  # paragraph: "… would be \"Connecting" / "Growth, …")
        return [" ".join(lines)]
    parts = [lines[0]]
    for line in lines[1:]:
        if not re.search(r"[.!?:”\")]$", parts[-1]) and (line[:1].islower() or line[:1].isdigit()
                                                         or WRAPPED.search(parts[-1]) or parts[-1].endswith(",")):
            parts[-1] = f"{parts[-1]} {line}"
        else:
            parts.append(line)
    return parts


def element_markup(selector: str, text: str, tagged: bool = False) -> tuple[str, bool]:
    """One element as markup nested as its selector says, and whether it belongs in the page's head: ("ul.menu li a",
    "News") -> '<ul class="menu"><li><a>News</a></li></ul>'; ("meta[property=og:title]", "…") -> a <meta> whose
    content is the text. ``tagged``: the text is the element's markup (a row's "html" field: "<strong>Vientiane
    (VNA) –</strong> …", read 102), as a text that looks like HTML is."""
    compounds = [c for c in re.split(r"\s*[>+~]\s*|\s+", selector.strip()) if c]
    tags = [_tag(c) for c in compounds] or [("<div>", "div")]
    opening, name = tags[-1]
    tagged = tagged or looks_like_html(text)
    inner = text if tagged else html.escape(text)
    if name == "meta":
        return f'{opening[:-1]} content="{html.escape(text)}">', True
    if name == "title":
        return f"<title>{html.escape(text)}</title>", True
    markup = f"{opening}{inner}</{name}>"
    if name == "p" and not tagged:  # (a row of several paragraphs, a chunk of an article: each one)
        markup = "".join(f"{opening}{html.escape(part.strip())}</p>" for block in re.split(r"\n\s*\n", text)
                         for part in _row_lines(block) if part.strip()) or markup
    for outer, outer_name in reversed(tags[:-1]):
        if outer_name in HEAD_TAGS or outer_name in ("html", "body"):
            continue
        markup = f"{outer}{markup}</{outer_name}>"
    return markup, False


ONE_PAGE_ROWS = 500  # the most rows a file of one page's parts is looked at as one (a crawl's file is longer)


def _page_part(record: dict[str, Any]) -> bool:
    """Whether a row names itself a part of a page: by its kind ("h1", "paragraph", "caption", "breadcrumb") or by
    its element's selector."""
    kind = _kind_of(record)
    return (kind is not None and _kind_selector(kind) is not None) or given_string(record, SELECTOR_FIELDS) is not None


def _title_part(record: dict[str, Any]) -> bool:
    """Whether a row is a page's title by its kind ("h1", "headline", "title") or its selector ("h1.title")."""
    kind = _kind_of(record)
    selector = given_string(record, SELECTOR_FIELDS) or (_kind_selector(kind) if kind else None) or ""
    return re.search(r"(?:^|[\s>])h1\b", selector) is not None


OWN_TITLE_PARTS = ("figure", "aside", "nav")  # parts whose "title" is their own: a picture's, a related story's


def _names_its_own(row: dict[str, Any]) -> bool:
    """Whether a row's title and address are its own, not its page's: a picture's, a related story's, a menu's
    (:data:`OWN_TITLE_PARTS`; `{"type": "image", "title": "Foreign ministers at the signing", …}`, `{"type":
    "related", "title": …, "url": …}`, a review found)."""
    kind = _kind_of(row)
    return ((_kind_selector(kind) if kind else None) or "").startswith(OWN_TITLE_PARTS)


def _page_title(row: dict[str, Any]) -> str | None:
    """The title a row gives its page ("headline", else "title"), where it is not its own (:func:`_names_its_own`)."""
    return None if _names_its_own(row) else given_string(row, ("headline", "title"))


def one_page_rows(rows: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    """The rows of a file that holds one page's parts and names no page (read 102: a CMS's list of blocks
    `[{"type": "h1", "text": …}, {"type": "p", "html": …}]`, a scraper's `{"order": 3, "row_type": "headline",
    "value": …}`), each given the file as its page (:data:`FILE_FIELDS`) and, where it has no number, its place
    (`"position"`), so that they are read as that page (:func:`group_elements`): where most rows name a page's part
    by their kind (:func:`_page_part`), no row names a page (:func:`page_key`) and no two rows have titles of their
    own (a list of articles, a feed's items); else the rows as they are."""
    parts = sum(_page_part(row) for row in rows)
    titled = len({_page_title(row) for row in rows} - {None})  # (distinct titles: one page's
    # blocks may each repeat its title, a review found)
    pages = {page_key(row) for row in rows if not _names_its_own(row)}
    if len(rows) < 2 or parts * 5 < len(rows) * 3 or titled >= 2 or len(pages) > 1 or not any(map(_title_part, rows)):
        return rows
    numbered = any(_number(row.get(f)) for row in rows for f in (*PART_NUMBER_FIELDS, *GENERIC_NUMBER_FIELDS))
    given = {FILE_FIELDS[0]: label} if pages == {None} else {}
    return [{**row, **given, **({} if numbered else {"position": place})} if _page_part(row) or _kind_of(row)
            is not None else row for place, row in enumerate(rows, start=1)]


def _gathered(rows: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, dict[str, Any]]]:
    """Rows of pages' parts that a scraper wrote interleaved (two pages row by row, a review found), each page's parts
    gathered at its first part's place; rows that are no page's part stay where they were. Rows whose pages take
    turns only once each (a page, then the next) are as they were."""
    keys = [page_key(row) if selector_of(row) is not None and not _names_its_own(row) else None for _, row in rows]
    named = [key for key in keys if key is not None]
    if len(set(named)) < 2 or sum(a != b for a, b in zip(named, named[1:])) < len(set(named)):
        return rows
    groups: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    places: list[list[tuple[int, dict[str, Any]]]] = []
    for item, key in zip(rows, keys):
        if key is None:
            places.append([item])
        elif key in groups:
            groups[key].append(item)
        else:
            places.append(groups.setdefault(key, [item]))
    return [item for place in places for item in place]


def page_rows(records: Iterable[tuple[int, dict[str, Any]]], label: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """A file's rows, as their pages' parts are read (:func:`group_elements`): a file of no more than
    :data:`ONE_PAGE_ROWS` rows is read whole first, so that a file of one page's parts that names no page is that
    page (:func:`one_page_rows`) and the parts of pages written interleaved are gathered (:func:`_gathered`); a
    longer file's rows as they come. A malformed line in the first rows: the rows before it as they are, then its
    error."""
    records = iter(records)
    head: list[tuple[int, dict[str, Any]]] = []
    try:
        head += itertools.islice(records, ONE_PAGE_ROWS + 1)
    except DataError:
        yield from head
        raise
    if len(head) <= ONE_PAGE_ROWS:
        head = _gathered(list(zip((number for number, _ in head), one_page_rows([row for _, row in head], label))))
    yield from head
    yield from records


def in_part_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A page's rows in the order their numbers give, where a scraper wrote them out of it (`"para_idx": 3` above
    `"para_idx": 1`, read 102): the rows of text that number their part with one field (the first of
    :data:`PART_NUMBER_FIELDS`, then the generic ones, that they all have), each number once, sorted into the places
    those rows held; a row without it (a related list, a row of metadata) stays where it was. Rows numbered twice
    over ("para_idx" for paragraphs and captions alike), or not at all, keep their order."""
    texts = [i for i, row in enumerate(rows) if record_text(row).strip()]
    field = next((f for f in (*PART_NUMBER_FIELDS, *GENERIC_NUMBER_FIELDS, "page", "chunk")
                  if sum(_number(rows[i].get(f)) for i in texts) >= 2), None)
    numbered = [i for i in texts if field and _number(rows[i].get(field))]
    numbers = [rows[i][field] for i in numbered]
    if not numbered or len(set(numbers)) < len(numbers) or numbers == sorted(numbers):
        return rows
    ordered = list(rows)
    for place, i in zip(numbered, sorted(numbered, key=lambda i: rows[i][field])):
        ordered[place] = rows[i]
    return ordered


def element_page(rows: list[dict[str, Any]]) -> str:
    """The page a scraper's rows of parts came from, in their numbers' order (:func:`in_part_order`), as HTML; what
    every row repeats of the page (its title, site and date: :data:`PAGE_FIELDS`), or a row of no text gives alone,
    in its head, and its title over the parts where none is a heading."""
    rows = in_part_order(rows)
    head: list[str] = []
    body: list[str] = []
    selectors = [selector_of(row) for row in rows]
    spoken = all(timed_segment(row) for row in rows) and one_recording(rows)  # (a transcript's segments: as a saved
    for row, selector in zip(rows, selectors):  # transcript reads, its cue times, then no headline among its speech)
        text = record_text(row)
        if spoken:
            text = f"{cue_time(row)} {text}"
        tagged = record_text_field(row).lower().endswith("html") and re.search(r"<[a-zA-Z]", text) is not None
        markup, in_head = element_markup(selector or "div", text, tagged)
        (head if in_head else body).append(markup)
    for field, name in PAGE_FIELDS.items():
        value = rows[0].get(field)  # (what every row repeats, or what a row of metadata alone gives)
        if not (isinstance(value, str) and value.strip() and all(row.get(field) == value for row in rows)):
            given = {row.get(field) for row, selector in zip(rows, selectors)
                     if selector == HEAD_PART and row.get(field)}
            value = given.pop() if len(given) == 1 else None
        if not isinstance(value, str) or not value.strip():
            continue
        if name == "title" and not any("<title>" in m for m in head):
            head.append(f"<title>{html.escape(value)}</title>")
            if not any(m.startswith("<h1") for m in body):
                body.insert(0, f"<h1>{html.escape(value)}</h1>")
        elif name != "title":
            head.append(f'<meta property="{name}" content="{html.escape(value)}">')
    return f"<html><head>{''.join(head)}</head><body>\n" + "\n".join(body) + "\n</body></html>"


def group_elements(records: Iterable[tuple[int, dict[str, Any]]]
                   ) -> Iterator[tuple[int, dict[str, Any] | list[dict[str, Any]]]]:
    """``(line, row)`` for each row, but a run of two rows or more that hold parts of a page (:func:`selector_of`) and
    name the same page (:func:`page_key`) as ``(first line, [rows])``: one page."""
    run: list[tuple[int, dict[str, Any], str]] = []  # (line, row, its selector)

    def flush() -> Iterator[tuple[int, dict[str, Any] | list[dict[str, Any]]]]:
        titles = {_page_title(row) for _, row, _ in run} - {None}  # (one a row: a metadata row may give its page's
        # title and headline, review 6)
        # (not rows all of an unknown kind: articles, as one crawled twice; nor rows each with a title: a digest's)
        known = any(selector not in (OTHER_PART, HEAD_PART) for _, _, selector in run)
        timed = [row for _, row, _ in run if timed_segment(row)]  # (a transcript's run of segments only, a review
        one_page = len(timed) < len(run) or one_recording(timed)  # found: not a calendar's events, clips, a listing)
        if len(run) >= 2 and len(titles) <= 1 and known and one_page:
            yield run[0][0], [row for _, row, _ in run]
        else:
            yield from ((number, row) for number, row, _ in run)
        run.clear()

    for number, record in records:
        selector = selector_of(record)
        if not (selector is not None and run and (page_key(record) == page_key(run[0][1]) or _names_its_own(record))):
            yield from flush()  # (a row of its own, or a part of another page: the run so far is done; not a related
            # story's row, whose address is its own)
        if selector is not None:
            run.append((number, record, selector))
        else:
            yield number, record
    yield from flush()
