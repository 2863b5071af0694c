"""What a task hands its model: one split as inputs, targets and the records they came from."""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from diplo_ml.data.datelines import LEADING_STAMP, parse_date, split_datelines
from diplo_ml.data.language import looks_english, vietnamese_text
from diplo_ml.data.page_noise import BYLINE, without_site
from diplo_ml.text import strip_diacritics

Context = dict[str, list[str | None]]  # kind ("headline", "previous") -> one text (or None) per input


def context_column(context: Context | None, kind: str, n: int) -> list[str | None]:
    """One ``kind`` text per input (None where there is none, or it is blank or not text); a column whose length
    is not ``n`` is refused, so no input is silently dropped or paired with another's context."""
    from diplo_ml.errors import DiploError

    column = (context or {}).get(kind)
    if column is None:
        return [None] * n
    if len(column) != n:
        raise DiploError(f"context {kind!r} has {len(column)} entries for {n} texts")
    return [value if isinstance(value, str) and value.strip() else None for value in column]


@dataclass
class Examples:
    """One split of a task's data.

    ``inputs`` are the texts a model reads; ``targets`` what it should predict (a multi-hot matrix for tagging,
    reference strings for summarisation); ``records`` the validated JSONL records (ids, sources, extra fields);
    ``context`` optional second texts per input by kind (the article's headline, the previous paragraph), which a
    model may read as a second segment.
    """

    inputs: list[str]
    targets: Any
    records: list[dict[str, Any]] = field(default_factory=list)
    context: Context | None = None

    def __len__(self) -> int:
        return len(self.inputs)

    def select(self, indices: Sequence[int]) -> Examples:
        idx = list(indices)
        targets = self.targets[idx] if isinstance(self.targets, np.ndarray) else [self.targets[i] for i in idx]
        context = {k: [v[i] for i in idx] for k, v in self.context.items()} if self.context else None
        return Examples([self.inputs[i] for i in idx], targets, [self.records[i] for i in idx] if self.records else [],
                        context)

    def sources(self) -> list[str | None]:
        return [r.get("source") for r in self.records] if self.records else [None] * len(self.inputs)


HEADLINE_FIELDS = ("headline", "title", "h1")  # a JSONL record's own headline, the first of them that is not blank


# a file's name given as a row's title: "APEC2027_InfoNote_03_EN", "statement-final.pdf" (read 85: a PDF's pages)
FILE_NAME = re.compile(r"^(?=\S*_)\S+$|^\S+\.(?:pdf|docx?|txt|html?|odt|rtf)$", re.IGNORECASE)


def record_title(record: dict[str, Any]) -> str | None:
    """A record's own ``headline``, else its ``title``, else a field a scraper names as its headline
    ("headline_h1", "articleTitle"; not "headline_og", "seo_title", "subtitle"), as written (string fields; blank
    ones and a file's name skipped; HTML entities a scraper left read as their characters: "Vietnam &amp; Japan" ->
    "Vietnam & Japan")."""

    def named(value: object) -> bool:
        return isinstance(value, str) and bool(value.strip()) and not FILE_NAME.match(value.strip())

    given = [k for k in HEADLINE_FIELDS if named(record.get(k))] or sorted(
        (k for k, v in record.items() if named(v) and not v.lstrip().startswith("<") and _headline_name(k)),
        key=_headline_rank)  # (not markup: "<meta charset=…><title>…")
    return unescaped(record[given[0]]) if given else None


# where a scraped row keeps its text when it has no "text" field, and its date when it has no "date" field
TEXT_FIELDS = ("text", "body", "content", "article", "article_text", "full_text", "article_body", "articleBody",
               "maintext", "paragraphs", "value", "html")  # (a block's {"kind": "paragraph", "value": "…"}, a
# fragment's {"block": "body", "html": "<p>…"}, read 102)
# where a feed's item keeps its text when it gives no other (an RSS item's "description" beside a null
# "content_encoded"; a feed reader's "summary": {"content": "<p>…"}, read 95)
FEED_TEXT_FIELDS = ("description", "summary")
FEED_MARKS = ("link", "guid", "pubDate", "canonical", "feed_url", "feed_title", "origin")  # what only a feed's item has
ROW_KIND_FIELDS = ("type", "kind", "row_type", "record_type", "block_type")
ITEM_KINDS = {"article", "post", "item", "entry", "story", "news"}


def feed_item(record: dict[str, Any]) -> bool:
    """Whether a row is a feed's item, whose "description" or "summary" is its text where it gives no other: it has a
    feed's field (:data:`FEED_MARKS`; not a dataset's row of a "document" and its reference "summary", a review
    found) and names no kind but an item's (not a page's "header" row, whose "description" is its promotion, read
    82)."""
    kinds = [record[k] for k in ROW_KIND_FIELDS if isinstance(record.get(k), str)]
    return any(record.get(k) for k in FEED_MARKS) and all(k.lower() in ITEM_KINDS for k in kinds)
DATE_FIELDS = ("date", "published", "published_at", "pubDate", "datePublished", "pub_date", "date_published",
               "date_publish", "publish_date", "published_date")


# a field that holds a row's own fields: a feed parser's `{"entry": {"title": …, "content": [{"value": "<p>…"}]}}` (read
# 79), a search index's "_source"
WRAPPER_FIELDS = ("entry", "item", "article", "post", "story", "document", "doc", "_source")


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with the fields of the one field that holds them (:data:`WRAPPER_FIELDS`, where it gives no text of
    its own) as its own, each field a WordPress export nests as ``{"rendered": "…"}`` (its title, content, excerpt)
    given as that string (a feed reader's {"content": "…"} too), and a text a scraper keeps as a list of paragraphs
    ({"paragraphs": ["…", "…"]}, or of blocks: {"paras": [{"kind": "p", "text": "…"}, …]}, see :func:`_item_text`)
    as one string of paragraphs;
    ``record`` itself when it has neither."""
    wrapper = [k for k in WRAPPER_FIELDS if isinstance(record.get(k), dict)]
    if len(wrapper) == 1 and not _gives_text(record):  # (not beside a text of its own: "body_txt")
        record = {**record[wrapper[0]], **{k: v for k, v in record.items() if k != wrapper[0]}}  # (its own first)
    nested = {k: v["rendered"] for k, v in record.items() if isinstance(v, dict) and isinstance(v.get("rendered"), str)}
    nested |= {k: v["content"] for k, v in record.items() if k in (*TEXT_FIELDS, *FEED_TEXT_FIELDS) and isinstance(
        v, dict) and isinstance(v.get("content"), str)}  # (a feed reader's {"summary": {"content": "<p>…"}})
    listed = {k: text for k, v in record.items() if (k in TEXT_FIELDS or _text_name(k)) and isinstance(v, list) and v
              and (text := _list_text(v)) is not None}
    return {**record, **nested, **listed} if nested or listed else record


def _list_text(items: list[Any]) -> str | None:
    """A text given as a list of paragraphs or blocks (:func:`_item_text`) as one string of paragraphs; None where an
    item is neither."""
    texts = [_item_text(item) for item in items]
    return None if None in texts else "\n\n".join(filter(None, texts))


# the kinds of a scraper's blocks that are not the article's text ({"kind": "byline", "text": "By Kim Ji-hoon"})
NOT_TEXT_KINDS = {"byline", "caption", "image", "figure", "photo", "video", "ad", "advertisement", "related", "credit",
                  "embed", "social", "newsletter", "author", "dateline", "timestamp", "tags"}


def _item_text(item: object) -> str | None:
    """A paragraph of a text given as a list: a string, or a block {"kind": "p", "text": "…"} ({"role": "para",
    "txt": "…"}; "" for a block of another kind, :data:`NOT_TEXT_KINDS`); None for anything else."""
    if isinstance(item, str):
        return item.strip()
    text = next((item[k] for k in BLOCK_TEXT_KEYS if isinstance(item.get(k), str)), None) \
        if isinstance(item, dict) else None
    if text is None:
        return None
    kind = next((item[k] for k in ("kind", "type", "role") if isinstance(item.get(k), str)), "")
    return "" if kind.lower() in NOT_TEXT_KINDS else text.strip()


BLOCK_TEXT_KEYS = ("text", "txt", "content", "value", "body", "html")  # where a block keeps its words


ENTITY = re.compile(r"&(?:#\d{2,6}|#[xX][0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")


def unescaped(text: str) -> str:
    """``text`` with the HTML entities a scraper left in it read as their characters ("&#8211;" -> "–"; only whole
    entities, with their semicolon: "…&currency=USD&region=asia" in an address stays)."""
    return ENTITY.sub(lambda entity: html.unescape(entity.group(0)), text)


# a scraper's other names for its text field ("content_html", "content_text", "body_html", "articleText"): a name
# with one of these words, ending in one of them or in a word for the text's form (not "contentType", "article_id")
TEXT_WORDS = {"text", "body", "content", "article", "paras", "paragraphs", "blocks", "para", "fulltext"}  # (read 67: a
# page's paragraph a row under "para", a monitoring tool's "fulltext"; named so, the longest such field is the text,
# not a short "para": "A3" beside a "body_html", a review found)
# a scraper's abbreviations, only in a name of nothing else: "bdy", "body_txt", "txt_raw" (read 63; not
# "author_bio_txt", "kw_txt", a review found)
SHORT_TEXT_WORDS = {"bdy", "txt"}
TEXT_FORM_WORDS = {"text", "body", "bdy", "txt", "raw", "clean", "plain", "full", "main"}
TEXT_NAME_ENDS = TEXT_WORDS | {"html", "plain", "clean", "raw", "full", "markdown", "md", "encoded", "chunk", "part",
                                "en", "vi", "mt"}  # (a translating scraper's "text_vi" and "text_en_mt", read 121)
# (a feed's "content_encoded", its <content:encoded>, read 85; a crawler's "content_chunk" beside its "chunk_index",
# read 91; a spider's "body_part" beside its "seq", read 97)


NOT_TEXT_WORDS = {"related", "links", "recommended", "trending", "popular", "comments", "captions", "tags", "more",
                  "alt", "caption", "image", "photo", "title", "headline", "summary", "excerpt", "teaser",
                  "description", "meta", "lead", "sapo", "subtitle", "id", "url", "h1", "h2",
                  "kicker", "img", "cap", "dek", "kw"}  # ("image_alt_text": a caption; "img_cap"; a "dek" teases)


SAPO_FIELDS = ("sapo",)  # a Vietnamese outlet's summary above its body (an English "standfirst" teases as often)
# what a scraper names a Vietnamese outlet's sapo, taken from the page's description (read 53: VnExpress's
# "description"); only on a row from a Vietnamese outlet's site, whose description is its sapo
DESCRIPTION_FIELDS = ("description", "excerpt", "subheadline")  # (never "summary": a dataset's reference summary, or a
# note; VietnamPlus's sapo under "subheadline", read 67)


def with_sapo(record: dict[str, Any], text: str) -> str:
    """A row's text with its sapo (:data:`SAPO_FIELDS`) above it, as its page prints it, where the text does not
    already open with it (reads 47, 50: `{"title": …, "sapo": "Vietnam and Laos have agreed …", "body": "Vientiane
    (VNA) – Deputy Minister … co-chaired …"}`: the sapo states the news; a Vietnamese outlet's row's description,
    :data:`DESCRIPTION_FIELDS`, is its sapo); only a row with its own title, and a sapo of whole sentences (not a
    listing's teaser cut off with "…" or a series' kicker, a review found); a description that the text's first 80
    words already hold three quarters of is the page's shortened lead."""
    fields = SAPO_FIELDS + (DESCRIPTION_FIELDS if host_outlet(record) not in (None, *FOREIGN_SITES) else ())
    field = next((k for k in fields if isinstance(record.get(k), str) and record[k].strip()), None)
    sapo = record[field].strip() if field else ""
    sapo = html.unescape(re.sub(r"<[^>]+>", " ", sapo)).strip()  # (its markup: "<p>…</p>")
    plain = " ".join(sapo.split())[:60]
    sentence = re.search(r"[.!?][\"”’']?$", sapo) and not sapo.endswith(("…", "...")) and len(sapo.split()) >= 8
    titled = record_headline(record) is not None  # (a row without a title: its text's own heads it, read as before)
    opening = {w.lower() for w in re.findall(r"\w+", " ".join(text.split()[:80]))}
    words = [w.lower() for w in re.findall(r"\w+", sapo)]
    retold = field in DESCRIPTION_FIELDS and sum(w in opening for w in words) >= 0.75 * len(words)  # (a page's
    # shortened description of its lead: "Vietnam's delegation attended the first APEC Senior Officials' Meeting of 2026
    # in China …", read 54; a sapo field is the outlet's own)
    return f"{sapo}\n\n{text}" if sentence and titled and not retold and plain not in " ".join(text[:400].split()) \
        else text


def _name_words(name: str) -> list[str]:
    """A field name's words in order, in any case style ("headline_h1", "pubTs", "articleTitle"; "h1" a word)."""
    return [w.lower() for w in re.findall(r"[hH][1-6](?![0-9])|[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)]


def _headline_rank(name: str) -> int:
    """The page's own heading first ("headline_h1", "h1_text", "head_page"), then a headline, then an English title
    ("title_en"), then a title ("title_tag", which is the page's <title> with the site's name)."""
    words = set(_name_words(name))
    return 0 if words & {"h1", "page"} else 1 if "headline" in words else 2 if "en" in words else 3


def _gives_text(record: dict[str, Any]) -> bool:
    """Whether a record gives a text under a text's name (:data:`TEXT_FIELDS`, or named as one: "body_html")."""
    return any(isinstance(v, str) and v.strip() and (k in TEXT_FIELDS or _text_name(k)) for k, v in record.items())


def _text_name(name: str) -> bool:
    words = _name_words(name)
    if words and SHORT_TEXT_WORDS.intersection(words):
        return set(words) <= TEXT_FORM_WORDS
    return bool(words) and bool(TEXT_WORDS.intersection(words)) and words[-1] in TEXT_NAME_ENDS \
        and not NOT_TEXT_WORDS.intersection(words)


# a scraper's other names for its headline and its publication date ("headline_h1", "h1_text", "pub_ts",
# "ts_epoch"), and the words that name another title or another time ("headline_og", "seo_title", "fetched_at",
# "pub_ts_source")
HEADLINE_WORDS = {"headline", "title", "h1", "hdl", "hed"}  # (a newsroom's "hed", read 63's "hdl")
NOT_HEADLINE_WORDS = {"og", "twitter", "seo", "meta", "sub", "subtitle", "alt", "short", "kicker", "section", "site",
                      "series", "image", "photo", "video", "tab", "browser", "html", "author", "category", "speaker",
                      "job", "position", "delegation", "interviewee", "role", "page",
                      "slug", "url", "id", "lang", "vi", "fr", "de", "es", "zh", "ja", "ko", "ru", "th", "lo", "km",
                      "original"}
DATE_WORDS = {"date", "pub", "published", "publish", "ts", "timestamp", "epoch", "datetime"}
NOT_DATE_WORDS = {"fetched", "fetch", "crawled", "crawl", "scraped", "scrape", "updated", "update", "modified",
                  "retrieved", "source", "expires", "expiry", "event", "start", "end", "birth", "format", "reading",
                  "id", "by", "name", "place", "notes", "version", "hash", "slug", "url", "type", "lang", "effective",
                  "visit", "deadline", "due", "signing", "signed", "meeting", "election", "travel", "departure",
                  "arrival", "closing", "opening", "expiration", "valid"}


def _headline_name(name: str) -> bool:
    words = set(_name_words(name))
    return (bool(words & HEADLINE_WORDS) and not words & NOT_HEADLINE_WORDS) or words in ({"head", "page"},
                                                                                        {"head", "line"})


def _date_name(name: str) -> bool:
    words = set(_name_words(name))
    return bool(words & DATE_WORDS) and not words & NOT_DATE_WORDS


# a field named as the English translation of a row's text (read 111: a social scrape's "text_translated" beside the
# post's Vietnamese "text"; "text_en", "translation"; read 121's "text_en_mt" beside "text_vi")
TRANSLATION_NAME = re.compile(r"translat|(?:^|_)(?:en|eng|english)(?:_|$)", re.IGNORECASE)


def record_text_field(record: dict[str, Any]) -> str:
    """The field a record keeps its text in: :func:`_own_text_field`, or the field that gives it in English
    (:data:`TRANSLATION_NAME`) where that text is in Vietnamese."""
    field = _own_text_field(record)
    text = record.get(field)
    if isinstance(text, str) and vietnamese_text(text):
        return next((k for k, v in record.items() if k != field and isinstance(v, str) and TRANSLATION_NAME.search(k)
                     and not NOT_TEXT_WORDS.intersection(_name_words(k))  # (not a title's: "title_en_mt")
                     and len(v.split()) >= max(8, len(text.split()) // 2)  # (nor a note's, a status's: a review)
                     and looks_english(v) and not vietnamese_text(v)), field)
    return field


def _own_text_field(record: dict[str, Any]) -> str:
    """The field a record keeps its text in: "text", else the longest of :data:`TEXT_FIELDS` it gives as a string (a
    full text over a teaser, or over an id: {"article": "VNA-2025-0412", "article_text": "…"}), else the longest
    string field named as a text is (:data:`TEXT_WORDS`: "content_html", "body_text", read 63's "body_txt", "bdy")."""
    if "text" in record and (isinstance(record["text"], str) and record["text"].strip() or not _gives_text(record)):
        return "text"  # (not news-please's "text": null beside its "maintext", read 79, nor beside a "body_html")
    given = [k for k in TEXT_FIELDS if isinstance(record.get(k), str) and record[k].strip()] or [
        k for k, v in record.items() if isinstance(v, str) and v.strip() and _text_name(k)]
    given = [k for k in given if not k.endswith("encoded")] or given  # (a feed's "content_encoded" only where it is
    # the one text: beside a "body_html" it is the feed's teaser and footer, a review found)
    if not given and feed_item(record):
        given = [k for k in FEED_TEXT_FIELDS if isinstance(record.get(k), str) and record[k].strip()]
    return max(given, key=lambda k: len(record[k].split()), default="text")


def record_text(record: dict[str, Any]) -> str:
    """A record's text as a string, as written ("" where it has none): its :func:`record_text_field`'s value."""
    return str(record.get(record_text_field(record)) or "")


def given_string(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    """The first of ``fields`` a record gives as a string that is not blank, stripped; else None."""
    return next((record[k].strip() for k in fields if isinstance(record.get(k), str) and record[k].strip()), None)


def record_date(record: dict[str, Any]) -> str | None:
    """A record's own date: its "date", else the first of :data:`DATE_FIELDS` it gives as a string, else a field a
    scraper names as its publication date ("pub_ts", "publishedTime"; not "fetched_at", "modified_date"), as ISO
    where it reads as a date ("Mon, 16 Sep 2024 09:45:00 +0700" -> "2024-09-16"), else as written."""
    given = given_string(record, DATE_FIELDS) or next(
        (v.strip() for k, v in record.items() if isinstance(v, str) and v.strip() and _date_name(k)
         and parse_date(v.strip())), None)  # (a date, not an id: "pub_ts": "vna-7781234")
    if given is None:  # a time stamp in seconds (or milliseconds) since 1970, in UTC: "ts_epoch": 1749157800
        stamp = next((v for k, v in record.items() if isinstance(v, int | float) and not isinstance(v, bool)
                      and _date_name(k)), None)
        seconds = stamp / 1000 if stamp is not None and stamp > 1e11 else stamp
        if seconds is not None and 946684800 <= seconds < 4102444800:  # (2000 to 2100)
            given = datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    return (parse_date(given) or given) if given else None


def record_headline(record: dict[str, Any]) -> str | None:
    """A record's own headline (:func:`record_title`) without a site's name after it ("… - VnExpress International")."""
    title = record_title(record)
    return (without_site(title).strip() or title) if title else None


# a record's own outlet: "outlet", else a scraper's name for it (a string: "publisher" may be a JSON-LD object)
OUTLET_FIELDS = ("outlet", "site_name", "sitename", "publisher", "source_name", "site", "outlet_name",
                 "publisher_name")


def record_outlet(record: dict[str, Any]) -> str | None:
    """A record's own "outlet", as written; else None."""
    return record["outlet"].strip() if isinstance(record.get("outlet"), str) and record["outlet"].strip() else None


def site_name_outlet(record: dict[str, Any]) -> str | None:
    """The outlet a scraper's site name gives (:data:`OUTLET_FIELDS` after "outlet"): the one its address's host names
    (:func:`host_outlet`), else the name without the site's motto after it ("VnExpress International – Latest news, …"
    -> "VnExpress International"); None where it gives no site name. (Below the text's own dateline: an aggregator's
    "Yahoo News" carries "HANOI (Reuters) - …".)"""
    site = next((record[k] for k in OUTLET_FIELDS[1:] if isinstance(record.get(k), str) and record[k].strip()), None)
    if site is None:
        return None
    if re.match(r"^(?:https?://|www\.)|^[\w-]+(?:\.[\w-]+)+/?$", site.strip(), re.IGNORECASE):  # an address for a
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", site.strip(), flags=re.IGNORECASE).split("/", 1)[0]
        return host_outlet(record) or host_outlet({"url": site}) or host  # name: its host's outlet, else the host
    return host_outlet(record) or site_name(site)


SITE_NAME_END = re.compile(r" (?:\||-|–|—|:) ")  # where a site's name ends and its motto or section begins


def site_name(title: str) -> str:
    """A site's own name from a title that runs on into its motto or a section ("Hanoimoi | Foreign Affairs",
    "VnExpress International – Latest news, …"): the part before the first spaced bar, dash or colon."""
    return SITE_NAME_END.split(" ".join(title.split()), maxsplit=1)[0].strip()


URL_FIELDS = ("url", "link", "source_url", "canonical_url")  # where a scraped record came from


# other names a scraper gives the address, taken where they hold one ("page": "https://en.vietnamplus.vn/…", read 58;
# not a page's number or name)
ADDRESS_FIELDS = ("page", "page_url", "article_url", "permalink", "href", "address", "item_link", "item_url",
                  "entry_link", "entry_url")  # (a feed item's, read 87)


def record_url(record: dict[str, Any]) -> str | None:
    """Where a scraped record came from: its first :data:`URL_FIELDS` field that holds text, else the first
    :data:`ADDRESS_FIELDS` field that holds a web address."""
    return next((record[k] for k in URL_FIELDS if isinstance(record.get(k), str) and record[k].strip()), None) or next(
        (record[k].strip() for k in ADDRESS_FIELDS if isinstance(record.get(k), str)
         and re.match(r"\s*https?://\S+\s*$", record[k])), None)


# the outlets whose sites archives are scraped from, by the host of a row's address
SITE_HOSTS = {"vietnamnews.vn": "Viet Nam News", "vietnamplus.vn": "VietnamPlus", "vnexpress.net": "VnExpress",
              "tuoitrenews.vn": "Tuoi Tre", "tuoitre.vn": "Tuoi Tre", "hanoitimes.vn": "Hanoi Times",
              "vovworld.vn": "VOV World",
              "vov.vn": "VOV World", "nhandan.vn": "Nhan Dan", "baoquocte.vn": "WVR", "vir.com.vn": "VIR",
              "vietnamnet.vn": "VietNamNet", "qdnd.vn": "QDND", "sggpnews.org.vn": "SGGP", "thesaigontimes.vn":
              "The Saigon Times", "mofa.gov.vn": "MOFA", "chinhphu.vn": "VGP", "baochinhphu.vn": "VGP",
              "gov.uk": "GOV.UK", "news.un.org": "UN News", "vneconomy.vn": "VnEconomy",
              "theinvestor.vn": "The Investor",
              "vietnamtimes.org.vn": "Vietnam Times", "hanoimoi.vn": "Hanoimoi", "dtinews.vn": "DTiNews"}
FOREIGN_SITES = ("GOV.UK", "UN News")  # (sites above that are no Vietnamese outlet's)


def host_outlet(record: dict[str, Any]) -> str | None:
    """The outlet whose site a record's address is on ("https://en.vietnamplus.vn/…" -> VietnamPlus), else None."""
    url = (record_url(record) or "").strip().lower().rsplit("://", 1)[-1]  # (an archive's copy:
    # "https://web.archive.org/web/…/https://…")
    host = url.split("/", 1)[0].split(":", 1)[0]
    return next((name for site, name in SITE_HOSTS.items() if host == site or host.endswith("." + site)), None)


# a slug's small words, which a name in Vietnamese letters may read as without its marks ("to": "Tô", "the": "Thế")
SLUG_SMALL_WORDS = {"to", "the", "and", "of", "in", "on", "for", "a", "an", "at", "by", "with", "as", "from", "up",
                    "than", "long", "ban", "hang", "hung"}


def slug_words(url: str) -> list[str] | None:
    """The words of the last part of an address, its number left out ("…/vietnam-calls-for-stronger-asean-centrality-
    post161204.html" -> ["vietnam", "calls", "for", …]); None for fewer than four words or one that is no word."""
    slug = re.sub(r"\.[a-z]{2,5}$", "", url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1])
    words = [w for w in re.split(r"[-_]+", slug) if w]
    while words and re.fullmatch(r"(?:post|d|a|n|id)?\d+", words[-1]):  # "-post284511", "-4712345"
        words.pop()
    return words if len(words) >= 4 and all(w.isalpha() for w in words) else None


def slug_headline(record: dict[str, Any], text: str) -> str | None:
    """A headline read from the slug of a record's address, for a row whose page gave none
    ("…/vietnam-thailand-agree-to-expand-legal-recruitment-of-vietnamese-workers-post284511.html" -> "Vietnam
    Thailand agree to expand legal recruitment of Vietnamese workers"): its words, each written as ``text`` writes
    it where it does so capitalised (with its accents: "viet-nam" -> "Việt Nam"); None for an address without four
    words or more in its last part."""
    url = record_url(record)
    words = slug_words(url) if url else None
    if not words:
        return None
    found = [w for w in re.findall(r"\b[^\W\d_a-z][^\W_]*", text) if w[0].isupper()]
    capitalised = {w.lower(): w for w in found}
    accented = {strip_diacritics(w).lower(): w for w in found}  # ("viet-nam" -> "Việt Nam" where the text so writes)
    written = [capitalised.get(w.lower()) or (accented.get(w.lower()) if w.lower() not in SLUG_SMALL_WORDS else None)
               or w.lower() for w in words]  # (never "to" -> "Tô" for a "Tô Lâm" in the text)
    return " ".join([written[0][:1].upper() + written[0][1:], *written[1:]])


def without_headline(text: str, headline: str | None) -> str:
    """``text`` without the row's own headline run into its start (an archive's joined lines: "Japan to provide patrol
    boats to Vietnam Japan will provide six …"), and without what a scraper ran in before it: a site's menu, masthead
    and breadcrumbs ("Home > Minister Wang Yi's Activities Wang Yi Meets with … Updated: May 09, 2026 20:15 On the
    afternoon …"), cut through the headline and the date stamp after it; ``text`` itself when it does not hold it so."""
    head = (headline or "").strip()
    body = text.lstrip()
    at = body.find(head) if len(head.split()) >= 3 else -1
    if at < 0 or (at > 0 and (len(head.split()) < 4 or len(body[:at].split()) > 60)):
        return text  # (a header before a headline of four words or more, within the first 60 words)
    rest = body[at + len(head):]
    after = rest.lstrip(" |/\n")
    stamp = LEADING_STAMP.match(after)  # "May 4, 2026 …", "Updated: May 09, 2026 20:15 …"
    # a new sentence, a date or a time stamp ("14:30 …") starts there, not the headline's own words going on
    if not (stamp or re.match(r"[\s|/]+(?:[A-Z\"“‘(]|\d{1,2}:\d{2}\b)\S*(?:\s+\S+){2}", rest)):
        return text
    if at > 0 and stamp:
        after = re.sub(r"^\d[\d-]{5,}\s+", "", after[stamp.end():].lstrip(" |/-–\n"))  # and a page's number
        after = _after_page_links(after)
    return after


def without_row_header(text: str, own: str | None, found: str | None) -> str:
    """A row's text cut through its own headline (:func:`without_headline`), else through the one its text or address
    gives (:func:`without_found_headline`)."""
    return without_headline(text, own) if own else without_found_headline(text, found)


def without_found_headline(text: str, headline: str | None) -> str:
    """``text`` cut through a headline the row does not give but its text or address does (:func:`without_headline`),
    only where a header's byline, date stamp or dateline follows it ("… in South Sudan By Minh Thu December 12, 2023
    …", not a lead that repeats the headline's words: "PM meets Japanese Prime Minister Kishida Fumio …")."""
    body = without_headline(text, headline)
    return body if body == text or BYLINE.match(body) or LEADING_STAMP.match(body) or split_datelines(body)[0] \
        else text


# what a scraped page prints between its date stamp and its lead: links to its other languages before a sentence's
# opening word ("Japanese On May 4, …"), and its kind with a section's heading ("Article Political relations Germany
# and Viet Nam have …": a country page's heading names a field of relations; "Article Vietnam welcomes …" keeps it)
LANGUAGE_LINKS = re.compile(r"^(?:(?:English|Japanese|French|Français|Spanish|Español|German|Deutsch|Russian|Русский"
                            r"|Chinese|中文|日本語|Korean|한국어|Vietnamese|Tiếng Việt|Lao|Khmer|Thai|Arabic)\s+)+"
                            r"(?=(?:On|In|At|The|This|Today|Yesterday|During|Following|According|After|Upon|At)\s)")
PAGE_KIND = re.compile(r"^(?:Article|Press release|Media release|News story|Readout)\s+"  # (not "News Corp …")
                       r"(?:(?:[A-Z][a-z]+\s+){1,2}(?:relations|relationship|ties|cooperation|affairs|policy|trade"
                       r"|overview|background|exchanges|partnership)\s+)?(?=[A-Z\"“])")


def _after_page_links(text: str) -> str:
    """``text`` without the language links and page kind a scraped page prints after its date stamp (see
    :data:`LANGUAGE_LINKS`, :data:`PAGE_KIND`), when a sentence of eight words or more is left."""
    rest = PAGE_KIND.sub("", LANGUAGE_LINKS.sub("", text, count=1), count=1)
    return rest if len(rest.split()) >= 8 else text


PREVIOUS_FIELDS = ("previous", "context")  # a record's own previous paragraph ("context": predict's older name)
KEPT_DOCUMENTS = 100_000  # documents whose last paragraph is remembered (predict streams inputs of any size)


class PreviousParagraph:
    """The one rule for a paragraph's previous paragraph, applied record by record in file order (training,
    evaluate and predict): the record's own ``previous`` field (else ``context``) when it holds text (blank text:
    no previous paragraph); when neither does (absent or null), the text of the last record before it with the
    same ``doc_id`` (none without a doc_id). The last paragraph of the ``KEPT_DOCUMENTS`` most recently seen
    documents is remembered."""

    def __init__(self, text_field: str = "text") -> None:
        self.text_field = text_field
        self._last: OrderedDict[Any, str] = OrderedDict()

    @staticmethod
    def own(record: dict[str, Any]) -> str | None:
        """The record's own previous paragraph field's text (blank: it has none), None when it gives none."""
        return next((record[name] for name in PREVIOUS_FIELDS if isinstance(record.get(name), str)), None)

    def __call__(self, record: dict[str, Any], text: str | None = None) -> str | None:
        """The record's previous paragraph; ``text`` (default: its text field) is what later ones read as theirs."""
        own, doc = self.own(record), record.get("doc_id")
        previous = own if own is not None else self._last.get(doc) if doc is not None else None
        if doc is not None:
            self._last[doc] = record[self.text_field] if text is None else text
            self._last.move_to_end(doc)
            if len(self._last) > KEPT_DOCUMENTS:
                self._last.popitem(last=False)
        return previous if previous and previous.strip() else None


def previous_in_document(records: Sequence[dict[str, Any]], text_field: str = "text") -> list[str | None]:
    """Each record's previous paragraph by :class:`PreviousParagraph`'s rule."""
    rule = PreviousParagraph(text_field)
    return [rule(record) for record in records]
