"""RSS and Atom feeds (.xml, .rss, .atom): each item one article, with the title, date and outlet the feed gives."""

from __future__ import annotations

import html
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from diplo_ml.data.article import Article
from diplo_ml.data.examples import host_outlet, record_date, record_headline, site_name
from diplo_ml.data.page_text import decode_text, html_to_text
from diplo_ml.errors import DataError, NoTextError

FEED_SUFFIXES = (".xml", ".rss", ".atom")
ITEM_TAGS = ("item", "entry")  # RSS 2.0 / RSS 1.0, Atom
# where an item keeps its full text, best first (RSS's content:encoded, Atom's content), then its teaser
TEXT_TAGS = ("encoded", "content", "description", "summary")
DATE_TAGS = ("pubDate", "published", "date", "updated", "issued")


# a feed's opening, where a page's suffix hides it (a feed saved from the browser as .txt): "<?xml …?> <rss …>"
FEED_OPENING = re.compile(r"\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)(?=[\s>/])",
                          re.DOTALL)  # (not "<feed-item>", a page's own element)


def is_feed(path: Path) -> bool:
    """Whether the file at ``path`` is a feed: its suffix says so, or a text or page file opens as one (read 48: an RSS
    item saved as .txt)."""
    if path.suffix.lower() in FEED_SUFFIXES:
        return True
    if path.suffix.lower() not in (".txt", ".html", ".htm", ".md"):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
    except OSError:
        return False  # (the page's reader names what is wrong)
    return FEED_OPENING.match(head) is not None


def _local(tag: str) -> str:
    """A tag without its namespace: "{http://purl.org/rss/1.0/modules/content/}encoded" -> "encoded"."""
    return tag.rsplit("}", 1)[-1]


def _child_text(element: ET.Element, names: tuple[str, ...]) -> str | None:
    """The text of ``element``'s first child named (without namespace) by the first of ``names`` it has; an Atom
    ``type="xhtml"`` child's markup as markup (its text sits in a ``<div>`` inside it)."""
    for name in names:
        for child in element:
            if _local(child.tag) != name:
                continue
            if child.get("type") == "xhtml" and len(child):
                markup = "".join(ET.tostring(part, encoding="unicode") for part in child)
                return re.sub(r"<(/?)(?:\w+:)?(\w+)[^>]*?(/?)>", r"<\1\2\3>", re.sub(r"\s?xmlns(?::\w+)?=\"[^\"]*\"",
                                                                              "", markup))
            if child.text and child.text.strip():
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


XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[[^\]]*\])?\s*>", re.IGNORECASE)


def _xml_safe(text: str) -> str:
    """``text`` with HTML's named entities that XML lacks ("&nbsp;", "&eacute;": RSS 0.91 and many feeds use them)
    written as numbers, and its DOCTYPE left out (never fetched; it is what declared them; its lines kept as blank
    lines, so that items keep their lines)."""
    def numbered(match: re.Match[str]) -> str:
        chars = html.unescape(match.group(0))
        if match.group(1) in XML_ENTITIES or chars == match.group(0):  # (XML's own, or no entity HTML knows)
            return match.group(0)
        return "".join(f"&#{ord(char)};" for char in chars)

    return NAMED_ENTITY.sub(numbered, DOCTYPE.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1))


class BrokenFeed(NoTextError):
    """An XML file that does not parse: its line named; left out among several inputs, as a page with no text is."""


def _item_lines(text: str, label: str, above: int) -> list[int]:
    """The line each item (or entry) opens on, in document order; ``text`` starts ``above`` lines into the file."""
    lines: list[int] = []
    parser = expat.ParserCreate()

    def start(name: str, _attrs: dict[str, str]) -> None:
        if _local(name.split(":")[-1]) in ITEM_TAGS:
            lines.append(parser.CurrentLineNumber + above)

    parser.StartElementHandler = start
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise BrokenFeed(f"{label}:{exc.lineno + above}: malformed XML ({expat.ErrorString(exc.code)}, column "
                         f"{exc.offset + 1})") from None
    return lines


def feed_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, record)`` for each item of the feed at ``path``, where ``line`` is the line the item opens on and the
    record holds what a JSONL row would: ``title``, ``link``, ``date`` as written, ``outlet`` (the outlet its
    link's site is), ``feed`` (the feed's own name) and ``text`` (its full text, else its description, as plain
    text; absent when it has none). An XML file that does not parse (:class:`BrokenFeed`, its line named), is not
    a feed, or has no items raises :class:`NoTextError`: among several inputs it is left out with a warning, not
    fatal."""
    label = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{label}: cannot read ({exc.strerror})") from None
    decoded = _xml_safe(decode_text(data, label))
    text = decoded.lstrip()  # (blank lines before "<?xml", as some sites' feeds have, are no error)
    above = decoded[:len(decoded) - len(text)].count("\n")
    lines = _item_lines(text, label, above)
    try:
        root = ET.fromstring(text)  # (the same text expat parsed whole above)
    except ET.ParseError as exc:
        raise BrokenFeed(f"{label}:{exc.position[0] + above}: malformed XML ({exc})") from None
    if _local(root.tag) not in ("rss", "feed", "RDF"):
        raise NoTextError(f"{label}: an XML file but not an RSS or Atom feed (its root is <{_local(root.tag)}>)")
    items = [e for e in root.iter() if _local(e.tag) in ITEM_TAGS]
    if not items:
        raise NoTextError(f"{label}: a feed with no items")
    channel = next((e for e in root.iter() if _local(e.tag) == "channel"), root)
    feed_title = _child_text(channel, ("title",))
    feed_name = site_name(feed_title) if feed_title else None
    for line, item in zip(lines, items, strict=True):
        body = _child_text(item, TEXT_TAGS)
        link = _link(item)
        title = _child_text(item, ("title",))
        record: dict[str, Any] = {"title": html_to_text(title).strip() if title and "<" in title else title,
                                  "link": link, "date": _child_text(item, DATE_TAGS),
                                  "text": (html_to_text(body) if "<" in body else body) if body else None}
        outlet = host_outlet(record)
        yield line, {**{k: v for k, v in record.items() if v is not None}, **({"outlet": outlet} if outlet else {}),
                     **({"feed": feed_name} if feed_name else {})}


def feed_articles(path: Path, doc_id: str) -> Iterator[Article]:
    """Each item of the feed at ``path`` as an article ingested from its text (:func:`feed_records`), with the item's
    own title, date and outlet over what its text gives; doc_ids ``{doc_id}:{n}`` (the item's place in the feed;
    no file's stem makes it, so no page's id is the same), the item's line in messages. An item with no text (a
    gallery's) is left out, with one warning line for the feed; a feed none of whose items has text raises
    :class:`NoTextError`."""
    from diplo_ml.data.ingest import ingest_document

    left_out: list[int] = []
    count = 0
    for n, (line, record) in enumerate(feed_records(path), start=1):
        try:
            if not record.get("text", "").strip():
                raise NoTextError("no text")
            article = ingest_document(record["text"], f"{doc_id}:{n}", f"{path}:{line}")
        except NoTextError:
            left_out.append(line)
            continue
        article.path = str(path)
        article.headline = record_headline(record) or article.headline
        article.date = record_date(record) or article.date
        article.outlet = record.get("outlet") or article.outlet or record.get("feed")  # (its site, its dateline's
        # outlet, then the feed's name: a category feed "Diplomacy – Vietnam Briefing Weekly" names no outlet first)
        count += 1
        yield article
    if left_out and not count:
        raise NoTextError(f"{path}: no item of the feed has text (first: line {left_out[0]})")
    if left_out:
        print(f"warning: {path}: {len(left_out)} item(s) with no text left out (first at line {left_out[0]})",
              file=sys.stderr)
