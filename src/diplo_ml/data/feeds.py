"""RSS and Atom feeds (.xml, .rss, .atom): each item one article, with the title, date and outlet the feed gives."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from diplo_ml.data.article import Article
from diplo_ml.data.examples import host_outlet, record_date, record_headline
from diplo_ml.data.page_text import decode_text, html_to_text
from diplo_ml.errors import DataError, NoTextError

FEED_SUFFIXES = (".xml", ".rss", ".atom")
ITEM_TAGS = ("item", "entry")  # RSS 2.0 / RSS 1.0, Atom
# where an item keeps its full text, best first (RSS's content:encoded, Atom's content), then its teaser
TEXT_TAGS = ("encoded", "content", "description", "summary")
DATE_TAGS = ("pubDate", "published", "date", "updated", "issued")
SITE_TITLE_PART = re.compile(r"\s+(?:\||-|–|—|:)\s+")  # "Hanoimoi | Foreign Affairs" -> "Hanoimoi"


def _local(tag: str) -> str:
    """A tag without its namespace: "{http://purl.org/rss/1.0/modules/content/}encoded" -> "encoded"."""
    return tag.rsplit("}", 1)[-1]


def _child_text(element: ET.Element, names: tuple[str, ...]) -> str | None:
    """The text of ``element``'s first child named (without namespace) by the first of ``names`` it has."""
    for name in names:
        for child in element:
            if _local(child.tag) == name and child.text and child.text.strip():
                return child.text.strip()
    return None


def _link(item: ET.Element) -> str | None:
    """An item's address: RSS's <link>text</link>, Atom's <link href="…"> (its "alternate" one first)."""
    links = [child for child in item if _local(child.tag) == "link"]
    for link in sorted(links, key=lambda c: c.get("rel", "alternate") != "alternate"):
        address = (link.text or "").strip() or link.get("href", "").strip()
        if address:
            return address
    return _child_text(item, ("guid", "id"))


def _item_lines(text: str, label: str) -> list[int]:
    """The line each item (or entry) opens on, in document order."""
    lines: list[int] = []
    parser = expat.ParserCreate()

    def start(name: str, _attrs: dict[str, str]) -> None:
        if _local(name.split(":")[-1]) in ITEM_TAGS:
            lines.append(parser.CurrentLineNumber)

    parser.StartElementHandler = start
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise DataError(f"{label}:{exc.lineno}: malformed XML ({expat.ErrorString(exc.code)}, column "
                        f"{exc.offset + 1})") from None
    return lines


def feed_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, record)`` for each item of the feed at ``path``, where ``line`` is the line the item opens on and the
    record holds what a JSONL row would: ``title``, ``link``, ``date`` as written, ``outlet`` (the item's site, else
    the feed's own name) and ``text`` (its full text, else its description, as plain text). An XML file that is not a
    feed, or a feed with no items, raises :class:`NoTextError` (a folder's other XML files are left out, not fatal)."""
    label = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{label}: cannot read ({exc.strerror})") from None
    text = decode_text(data, label)
    lines = _item_lines(text, label)
    root = ET.fromstring(text)  # (the same text expat parsed whole above)
    if _local(root.tag) not in ("rss", "feed", "RDF"):
        raise NoTextError(f"{label}: an XML file but not an RSS or Atom feed (its root is <{_local(root.tag)}>)")
    items = [e for e in root.iter() if _local(e.tag) in ITEM_TAGS]
    if not items:
        raise NoTextError(f"{label}: a feed with no items")
    channel = next((e for e in root.iter() if _local(e.tag) == "channel"), root)
    feed_title = _child_text(channel, ("title",))
    feed_name = SITE_TITLE_PART.split(feed_title, maxsplit=1)[0].strip() if feed_title else None
    for line, item in zip(lines, items, strict=True):
        body = _child_text(item, TEXT_TAGS)
        if body is None:
            raise DataError(f"{label}:{line}: an item with no text (no content, description or summary)")
        link = _link(item)
        title = _child_text(item, ("title",))
        record: dict[str, Any] = {"title": html_to_text(title).strip() if title and "<" in title else title,
                                  "link": link, "date": _child_text(item, DATE_TAGS),
                                  "text": html_to_text(body) if "<" in body else body}
        outlet = host_outlet(record) or feed_name
        yield line, {**{k: v for k, v in record.items() if v is not None}, **({"outlet": outlet} if outlet else {})}


def feed_articles(path: Path, doc_id: str) -> Iterator[Article]:
    """Each item of the feed at ``path`` as an article ingested from its text (:func:`feed_records`), with the item's
    own title, date and outlet over what its text gives; doc_ids ``{doc_id}-{line}``, errors naming the item's line."""
    from diplo_ml.data.ingest import ingest_document

    for line, record in feed_records(path):
        try:
            article = ingest_document(record["text"], f"{doc_id}-{line}", f"{path}:{line}")
        except NoTextError:
            raise DataError(f"{path}:{line}: an item whose text is only page furniture (captions, links)") from None
        article.path = str(path)
        article.headline = record_headline(record) or article.headline
        article.date = record_date(record) or article.date
        article.outlet = record.get("outlet") or article.outlet
        yield article
