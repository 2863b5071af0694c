"""Raw pages to plain text lines: file reading (UTF-8 checks), HTML flattening, Markdown markup removal."""

from __future__ import annotations

import codecs
import html
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from diplo_ml.data.datelines import split_datelines
from diplo_ml.data.language import vietnamese_title
from diplo_ml.data.page_sections import SectionNotes
from diplo_ml.errors import DataError, EncodingError
from diplo_ml.files import not_a_file
from diplo_ml.text import strip_diacritics

MD_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))|\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")
# italics in a pair of underscores: "_VOV.VN - On February 24 …_" (read 47; not "snake_case", an address's "/a_b" or a
# handle's "@_VNEmbassyUK", "@VNMissionGVA_")
MD_UNDERSCORES = re.compile(r"(?<![\w/@])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w/])")
MD_LINK = re.compile(r"!\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")


HTML_START = re.compile(r"^\s*<(?:!doctype html|html|head|body)\b", re.IGNORECASE)
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)  # "<p>… .<br><br>The agreement …</p>"
HTML_BLOCK = re.compile(r"<(p|div|h[1-6]|li|article|section|blockquote)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """Markup rather than prose: a page that opens as HTML, or text holding at least two closed paragraph-like
    elements ("<p>…</p><p>…</p>"); a lone "<b>" or "a<b and c>d" in prose is prose."""
    blocks = len(HTML_BLOCK.findall(text, 0, 200_000))
    whole = text.strip()  # one element with line breaks that is the whole text (a scraped row's "<p>…<br>…</p>")
    return bool(HTML_START.match(text)) or blocks >= 2 or (
        blocks == 1 and whole.startswith("<") and whole.endswith(">") and (bool(LINE_BREAK_TAG.search(text))
                                                                             or bool(HTML_BLOCK.fullmatch(whole))))


def _utf16_without_bom(head: bytes) -> bool:
    """Zeros in every other byte and printable ASCII in the rest: English text saved as UTF-16 with no BOM (a
    binary file has zeros in both halves, or non-text bytes)."""
    if len(head) < 16:
        return False
    even, odd = head[0::2], head[1::2]
    for zeros, text in ((odd, even), (even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and sum(32 <= b < 127 or b in b"\t\r\n" for b in text) >= 0.9 * len(text):
            return True
    return False


def decode_text(data: bytes, label: str) -> str:
    """Bytes as UTF-8 text (BOM allowed); a clear error naming ``label`` for a binary file or other encodings."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        raise EncodingError(f"{label}: is UTF-16 text; re-save it as UTF-8")
    if b"\x00" in head:
        raise DataError(f"{label}: looks like a binary file, not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and not _utf8_inside(data) \
                and (declared := declared_charset(head)):  # <meta charset="windows-1252">, as Word saves pages
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
        line = data.count(b"\n", 0, exc.start) + 1
        raise EncodingError(f"{label}:{line}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                        "re-save it as UTF-8") from None


# a page's own word for its encoding: <meta charset="…">, <meta http-equiv="Content-Type" content="…; charset=…">
# or <?xml … encoding="…"?>
CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{2,40})"""
                     rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([\w.:-]{2,40})""", re.IGNORECASE)
LATIN1_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}


def _utf8_inside(data: bytes) -> bool:
    """UTF-8 with a stray byte, not a legacy encoding: it holds a well-formed multi-byte UTF-8 sequence."""
    return bool(re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data))


def declared_charset(head: bytes) -> str | None:
    """The encoding a page declares in its first bytes, as a Python codec (ISO-8859-1 and ASCII read as
    Windows-1252, as browsers read them); None when it declares none, or one Python does not know."""
    match = CHARSET.search(head)
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = "cp1252" if label in LATIN1_LABELS else label
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def read_text(path: Path) -> str:
    """Read a file as UTF-8 (BOM allowed); a clear error for anything else."""
    if not path.is_file():
        raise DataError(not_a_file(path))
    return decode_text(path.read_bytes(), str(path))


PUBLISHED_META = {"article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued"}
SITE_META = ("og:site_name", "application-name")  # a page's own word for its site, best first
AGGREGATOR = re.compile(r"\b(?:yahoo|msn|google news|apple news|flipboard|newsbreak|smartnews|bing|aol|newsnow)\b",
                        re.IGNORECASE)  # a site that carries other outlets' stories
LD_WRAPPER = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")  # JSON-LD in "//<![CDATA[ … //]]>"


def ld_publisher(data: object) -> str | None:
    """The publisher's name in a page's JSON-LD (``{"publisher": {"name": …}}``, also in an ``@graph`` or a list of
    objects, or given by its ``@id`` as Yoast writes it; a publisher given as text), or None; never a person (a
    WordPress user named as publisher)."""
    nodes = data.get("@graph") if isinstance(data, dict) and isinstance(data.get("@graph"), list) else \
        data if isinstance(data, list) else [data]
    by_id = {node["@id"]: node for node in nodes if isinstance(node, dict) and isinstance(node.get("@id"), str)}
    for node in nodes:
        publisher = node.get("publisher") if isinstance(node, dict) else None
        if isinstance(publisher, list):
            publisher = publisher[0] if publisher else None
        if isinstance(publisher, dict) and "name" not in publisher and publisher.get("@id") in by_id:
            publisher = by_id[publisher["@id"]]
        kinds = publisher.get("@type", "") if isinstance(publisher, dict) else ""
        if "person" in [str(k).lower() for k in (kinds if isinstance(kinds, list) else [kinds])]:
            continue
        name = publisher.get("name") if isinstance(publisher, dict) else publisher
        if isinstance(name, str) and name.strip():
            return " ".join(name.split())
    return None


# a cookie banner's class or id: "gem-c-cookie-banner", "global-cookie-message", "cookie-consent" (not a wrapper that
# names cookies: "no-cookies", "cookie-consent-wrapper", "js-cookie-consent-required", "tag-cookies")
COOKIE_BOX = re.compile(r"(?:^|\s)(?!(?:show|has|is|js|no|with|hide|hidden)[-_])(?:[\w-]*[-_])?cookies?[-_](?:banner"
                        r"|notice|message|bar|popup|dialog|modal|consent|alert)(?:\s|$)", re.IGNORECASE)
VOID = {"img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "track"}


# a live page's box of earlier news above its entries: "Catch up on yesterday", "Catch up on the key developments from
# day one" (reads 38, 47; its list is skipped: yesterday's news is not the page's)
RECAP_HEADING = re.compile(r"catch(?:ing)? up on (?:(?:the )?(?:key |main )?(?:developments|events|news|what happened) "
                           r"(?:from|of|on) )?(?:yesterday|day (?:one|1)|the first day|last night)\b(?!\s+so far)",
                           re.IGNORECASE)  # (not "Catch up on day two so far", "… on the latest", "… on the week")


class _HTMLText(HTMLParser):
    """Flatten HTML to lines: one per block element; scripts, styles, navigation, form controls, asides (related
    news) and footers skipped. Also notes the page's own publication date: a published-time ``<meta>``, else the
    first ``<time>`` inside ``<article>``, else the first ``<time>`` anywhere (its ``datetime`` or its text)."""

    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "figcaption", "blockquote",
             "section", "article", "header", "footer", "title", "time", "span", "dt", "dd"}
    SKIP = {"script", "style", "noscript", "nav", "svg", "button", "iframe", "select", "textarea", "aside",
            "footer"}  # not "form": some sites wrap the whole page in one

    def __init__(self, cookies: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.cookies = cookies  # skip cookie banners
        self.cookie_box = False  # one was skipped
        self.parts: list[str] = []
        self.skip = 0
        self.caption = 0
        self.article = 0
        self.main = 0  # depth inside <main>
        self.meta_date: str | None = None
        self.times: list[tuple[bool, str]] = []  # (inside <article>, datetime or text), in page order
        self.time_text: list[str] | None = None
        self.classed: list[list] = []  # [tag, depth] of an element whose class names a caption
        self.spans: list[bool] = []  # for each open <span>, whether it is a part of a shared link's card
        self.pulled: list[list] = []  # [tag, depth] of a pull quote ("pullquote", "pull-quote"): skipped
        self.image_pending = False  # an image was seen and no text since
        self.after_image: int | None = None  # where the text of the paragraph that follows an image starts
        self.h1: list[str] | None = None  # the text of the first <h1> outside skipped parts, while it is read
        self.title: str | None = None
        self.h1s: list[str] = []  # every <h1>'s text (a bilingual page's second is its English title)
        self.header = 0  # depth inside <header> elements
        self.site_meta: dict[str, str] = {}  # SITE_META names: their content
        self.ld: list[str] | None = None  # the text of a JSON-LD <script> while it is read
        self.ld_site: str | None = None  # the publisher that the first JSON-LD naming one names
        self.heading: list[str] | None = None  # the text of an <h2>-<h4> while it is read
        self.recap_next = False  # a live page's recap heading was read: the list right below it is skipped
        self.row_text = False  # the table row being read has had text: its next cell is set apart by " | "
        self.sections = SectionNotes()  # the section the page's HTML names (its breadcrumb, meta, category)

    @property
    def site(self) -> str | None:
        """The site's own name for itself: its ``og:site_name`` (its JSON-LD publisher where that names an aggregator:
        "Yahoo News" carrying Reuters), else its JSON-LD publisher, else its ``application-name``; None for none."""
        own = self.site_meta.get(SITE_META[0])
        if own and self.ld_site and AGGREGATOR.search(own):
            return self.ld_site
        return own or self.ld_site or self.site_meta.get(SITE_META[1])

    @property
    def published(self) -> tuple[str | None, bool]:
        """The page's publication date as written (to be parsed by the caller), or None; and whether it is the
        page's own word for it (a published-time ``<meta>`` or a ``<time>`` inside ``<article>``) rather than
        merely the first ``<time>`` outside skipped parts."""
        in_article = [t for inside, t in self.times if inside]
        if self.meta_date or in_article:
            return self.meta_date or in_article[0], True
        return (self.times[0][1] if self.times else None), False

    def handle_starttag(self, tag, attrs):
        values = {k.lower(): v for k, v in attrs if v}
        if tag == "meta" and self.meta_date is None:
            name = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if name in PUBLISHED_META and values.get("content"):
                self.meta_date = values["content"]
        if tag == "meta":
            name = (values.get("property") or values.get("name") or "").lower()
            if name in SITE_META and (values.get("content") or "").strip() and name not in self.site_meta:
                self.site_meta[name] = " ".join(values["content"].split())
        if tag == "script" and "ld+json" in values.get("type", "").lower():
            self.ld = []
        if tag == "article":
            self.article += 1
        if tag == "main":
            self.main += 1
        if tag == "time" and not self.skip:  # a <time> in a skipped aside, footer or nav dates something else
            if values.get("datetime"):
                self.times.append((self.article > 0, values["datetime"]))
            else:
                self.time_text = []
        if tag in self.SKIP:
            self.skip += 1
        self.sections.start(tag, values, skipped=bool(self.skip), in_story=bool(self.article or self.main),
                            before_title=self.title is None and self.h1 is None)
        if tag in ("h2", "h3", "h4") and not self.skip:
            self.heading = []
        if tag == "tr":
            self.row_text = False
        if tag in ("td", "th") and not self.skip and self.row_text:
            self.parts.append(" | ")  # ("Title | Korea and Viet Nam agree …", not "TitleKorea …")
            self.row_text = False
        recap = self.recap_next and tag in ("ul", "ol")  # a live page's recap of earlier news, above its entries
        self.recap_next = self.recap_next and tag not in ("ul", "ol")
        if self.pulled and tag == "p" == self.pulled[-1][0]:  # an unclosed <p class="pullquote"> ends here
            self.pulled.pop()
            self.skip -= 1
        if self.pulled and tag == self.pulled[-1][0]:
            self.pulled[-1][1] += 1
        elif tag not in VOID:
            # an op-ed's quote set in large type (its words are in the text below), or a cookie banner
            pull_quote = re.search(r"(?:^|\s)pull-?quote(?:\s|$)", values.get("class", ""), re.IGNORECASE)
            banner = self.cookies and tag not in ("html", "body", "main", "article") \
                and COOKIE_BOX.search(f"{values.get('class', '')} {values.get('id', '')}")
            alert = values.get("role", "").lower() == "alert" and not self.article and not self.main  # a site's
            # warning box above
            # its article ("Warning: Beware of fraud! Visa appointments … are always free of charge.", read 33)
            if pull_quote or banner or alert or recap:
                self.cookie_box = self.cookie_box or not pull_quote
                self.pulled.append([tag, 1])
                self.skip += 1
        if tag == "header":
            self.header += 1
        if tag == "figcaption":
            self.caption += 1
        if self.classed:  # inside an element whose class says caption: count its nested tags of the same name
            if tag == self.classed[-1][0]:
                self.classed[-1][1] += 1
        elif tag in ("div", "p", "span") and re.search(r"caption", values.get("class", ""), re.IGNORECASE):
            self.classed.append([tag, 1])  # <div class="caption">, "photo-caption", "wp-caption-text"
            self.caption += 1
        if tag == "h1" and not self.skip and self.h1 is None \
                and (not self.header or self.article):  # not a site's logo in its <header>
            self.h1 = []
        if tag == "img" and not self.skip:
            self.image_pending = True
        if tag == "br" and self.h1 is not None:
            self.h1.append(" ")  # a title broken at a <br>: its words apart
        if tag == "span":
            self.spans.append(bool(CARD_PART.search(values.get("class", ""))))
        if tag in self.BLOCK and (tag != "span" or self.spans[-1]):
            self._end_block()
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag == "script" and self.ld is not None:
            try:
                data = json.loads(LD_WRAPPER.sub("", "".join(self.ld)))
            except ValueError:  # a page's broken JSON-LD names no one
                data = None
            self.ld_site = self.ld_site or ld_publisher(data)
            self.sections.linked_data(data)
            self.ld = None
        if tag == "header" and self.header:
            self.header -= 1
        if tag == "h1" and self.h1 is not None:
            heading = " ".join("".join(self.h1).split())
            self.title = self.title or heading or None
            self.h1s += [heading] if heading else []
            self.h1 = None
        if tag in ("h2", "h3", "h4") and self.heading is not None:
            self.recap_next = bool(RECAP_HEADING.match(" ".join("".join(self.heading).split())))
            self.heading = None
        if tag == "article" and self.article:
            self.article -= 1
        if tag == "main" and self.main:
            self.main -= 1
        if tag == "time" and self.time_text is not None:
            self.times.append((self.article > 0, " ".join(self.time_text).strip()))
            self.time_text = None
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        self.sections.end(tag)
        if self.pulled and tag == self.pulled[-1][0]:
            self.pulled[-1][1] -= 1
            if not self.pulled[-1][1]:
                self.pulled.pop()
                self.skip -= 1
        if tag == "figcaption" and self.caption:
            self.caption -= 1
            self.parts.append(" (Photo caption)")
        if self.classed and tag == self.classed[-1][0]:
            self.classed[-1][1] -= 1
            if not self.classed[-1][1]:
                self.classed.pop()
                self.caption -= 1
                while self.parts and not self.parts[-1].strip():  # on the caption's last line, not a line of its own
                    self.parts.pop()
                self.parts.append(" (Photo caption)")
        card = tag == "span" and bool(self.spans) and self.spans.pop()
        if tag in self.BLOCK and (tag != "span" or card):
            self._end_block()
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.ld is not None:
            self.ld.append(data)
        self.sections.data(data)
        if self.time_text is not None:
            self.time_text.append(data)
        if not self.skip:
            if self.h1 is not None:
                self.h1.append(data)
            if self.heading is not None:
                self.heading.append(data)
            elif data.strip():
                self.recap_next = False  # (text between the heading and a list: the list is the page's own)
            self.row_text = self.row_text or bool(data.strip())
            if self.image_pending and data.strip():
                self.image_pending = False
                self.after_image = len(self.parts) if not self.caption else None
            self.parts.append(re.sub(r"\s+", " ", data))

    def _end_block(self) -> None:
        """At a block's end: the paragraph that follows an image is marked a caption when it reads as one."""
        if self.after_image is not None and _reads_as_caption("".join(self.parts[self.after_image:])):
            self.parts.append(" (Photo caption)")
        self.after_image = None


# a verb that a news sentence has and a photo caption ("Delegates at the talks.", "The ministers sign the agreement in
# Santiago.") does not: a past tense or participle, an auxiliary, a common irregular past
NEWS_VERB = re.compile(r"\b(?:[a-z]+ed|was|were|is|are|has|have|had|will|would|can|could|may|might|must|should|said|"
                       r"says|met|held|took|gave|made|sent|spoke|told|won|led|paid|came|went|became|began|saw|set|"
                       r"sought|brought|kept|left|put)\b")


def _reads_as_caption(text: str) -> bool:
    """Whether the text of a paragraph right after an image is its caption: one sentence of at most 30 words,
    ended with a full stop, with no dateline and no verb of a news sentence (a lead after an image is kept)."""
    text = text.strip()
    return (text.endswith(".") and len(text.split()) <= 30 and not re.search(r"[.!?][\"'”’]?\s+[A-Z\"“]", text)
            and not split_datelines(text)[0] and not NEWS_VERB.search(text))


@dataclass(frozen=True)
class HtmlPage:
    text: str  # one line per block
    published: str | None  # the publication date as written on the page (see ``_HTMLText.published``)
    own_date: bool  # whether that date is the page's own word for it
    title: str | None  # the first <h1>'s text (on a bilingual page, the first that is not in Vietnamese)
    site: str | None = None  # the site's own name for itself (see ``_HTMLText.site``)
    sections: tuple[str, ...] = ()  # the sections its HTML names: its breadcrumb first (see ``SectionNotes``)


WAYBACK_TOOLBAR = re.compile(r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->",
                             re.DOTALL | re.IGNORECASE)


def html_page(markup: str) -> HtmlPage:
    """The page's text, its publication date and its title heading (a cookie banner left out, unless that would
    leave out more than a banner says: one never closed runs to the page's end)."""
    markup = WAYBACK_TOOLBAR.sub("", markup)  # an archived copy's toolbar ("Donate to the Internet Archive …")
    page = _parse_html(markup, cookies=True)
    if page[0]:
        whole = _parse_html(markup, cookies=False)
        skipped = len(whole[1].text) - len(page[1].text)
        if skipped > 1500 or skipped > len(page[1].text):  # more than a banner says, or most of the page
            return whole[1]
    return page[1]


def _english_beside(vietnamese: str, heading: str) -> bool:
    """Whether ``heading``, the <h1> after a Vietnamese one, is its English title: not in Vietnamese, three words or
    more, no office's name (a site's two names: "Đại sứ quán …" / "Embassy of Viet Nam in …"), and a name of four
    letters or more in both ("Kota Kinabalu"; not "Other news from the Embassy" further down, a review found)."""
    names = set(re.findall(r"\b[A-Z][a-z]{3,}\b", strip_diacritics(vietnamese)))
    return len(heading.split()) >= 3 and not vietnamese_title(heading) and not OFFICE_NAME.match(heading) \
        and bool(names & set(re.findall(r"\b[A-Z][a-z]{3,}\b", heading)))


# a site's name as an office's: "Embassy of Viet Nam in Malaysia" (its words capitalised but the small ones; not
# "Embassy of Viet Nam in Korea celebrates National Day")
OFFICE_NAME = re.compile(r"(?i:the )?(?i:embassy|consulate(?:[- ]general)?|ministry|(?:permanent )?mission|department"
                         r"|office) of(?: (?:[A-Z][\w'’.-]*|of|the|in|to|and|for))+$")


def _parse_html(markup: str, cookies: bool) -> tuple[bool, HtmlPage]:
    """Whether a cookie banner was skipped, and the page."""
    parser = _HTMLText(cookies)
    parser.feed(markup)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = parser.title
    if title and vietnamese_title(title) and len(parser.h1s) > 1 and _english_beside(title, parser.h1s[1]):
        title = parser.h1s[1]  # a bilingual page's two <h1>s side by side, the Vietnamese first (read 49)
    sites = _site_names(text, parser.site)
    if title and title.lower() in sites:  # a logo's <h1>: the site's name ("Yonhap News Agency")
        title = next((h for h in parser.h1s[1:] if h.lower() not in sites), None)
    if title and parser.site:
        text = _site_last(text, parser.site, title)
    notes = parser.sections
    sections = ((notes.breadcrumb,) if notes.breadcrumb else ()) + tuple(notes.sections)
    return parser.cookie_box, HtmlPage(text, *parser.published, title, parser.site, sections)


def _site_names(text: str, site: str | None) -> set[str]:
    """The names a page gives its site, in lower case: its own (og:site_name and the like) and the one its <title>, the
    text's first line, ends on after a bar or a spaced dash ("S. Korea, Vietnam hold … | Yonhap News Agency", read
    55)."""
    first = text.partition("\n")[0]
    names = {site.strip().lower()} if site else set()
    bars = list(re.finditer(r"\s(?:\||[-–—])\s", first))
    if bars and len(first[bars[-1].end():].split()) <= 5 < len(first[:bars[-1].start()].split()):  # (not "Federal
        names.add(first[bars[-1].end():].strip().lower())  # Foreign Office - 50 years of …": the site's name first)
    return names


def _site_last(text: str, site: str, title: str) -> str:
    """The text with a <title> that puts the site's own name before the <h1>'s words ("BERNAMA - Malaysia, Vietnam to
    …", og:site_name "BERNAMA") written the usual way round, the name after: read first, "BERNAMA -" is a dateline
    and the page loses its headline (read 53)."""
    first, _, rest = text.partition("\n")
    if re.fullmatch(rf"{re.escape(site)}\s*[-–—|:]\s*{re.escape(title)}", first, re.IGNORECASE):
        return f"{title} - {site}\n{rest}"
    return text


def html_to_text(markup: str) -> str:
    return html_page(markup).text


MD_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")  # a thematic break: a rule, not text


MD_IMAGE_LINE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$")


def markdown_to_text(text: str) -> str:
    """Markdown as plain lines: links as their text, images left out (their alt text is a caption, not the article's
    text; an HTML page's images are left out too), headings, quotes and list marks and emphasis unmarked. The line
    right after an image that reads as its caption is marked one, as in HTML."""
    out: list[str] = []
    after_image = False
    for line in text.split("\n"):
        plain = "" if MD_BREAK.match(line) else MD_UNDERSCORES.sub(r"\1", MD_MARKUP.sub("", MD_LINK.sub(
            lambda m: m.group(2) or "", line)))
        if MD_TABLE_ROW.match(plain) and any(len(cell.split()) >= 8 and TERMINAL_STOP.search(cell)
                                             for cell in plain.strip().strip("|").split("|")):
            plain = " ".join(cell.strip() for cell in plain.strip().strip("|").split("|"))  # (a table of sentences:
            # a parallel text's "| 3 | Tôi vui mừng … | I am pleased to announce … |", read 121, its cells as text)
        if after_image and plain.strip():
            plain += " (Photo caption)" if _reads_as_caption(plain) else ""
            after_image = False
        after_image = after_image or bool(MD_IMAGE_LINE.match(line))
        out.append(plain)
    return "\n".join(out)


MD_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")  # a Markdown table's row
TERMINAL_STOP = re.compile(r"[.!?][\"”’)]?\s*$")  # a sentence's end
FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")  # ("title: …", TOML's "title = …")
# a reader service's header fields (r.jina.ai): "Title: …", "URL Source: …", "Published Time: …"
READER_FIELD = re.compile(r"^(Title|URL Source|Published Time|Description)\s*:\s*(.*)$")
FRONT_TITLE = ("title", "headline")
FRONT_DATE = ("date", "published", "pubdate", "publishdate", "published_at", "date_published", "datepublished",
              "published time")
# what may stand above a Markdown page's title: links only, a picture, a short label ("**OPINION**")
MD_FURNITURE = re.compile(r"^(?:(?:!?\[[^\]]*\]\([^)]*\)|[|·•/»>›-])\s*)+(?:(?<=[/»>›|] )[\w&' -]{2,30})?$"
                          r"|^[*_]*[\w&' -]{2,30}[*_]*$")  # (a breadcrumb's last crumb unlinked: "[Home](…) / Weekly
# review", read 106)
# a picture, and a link inline or by reference ("[Home][3]", "[ ![BBC](…) ][2]", as html2text writes a site's menu)
MENU_LINK = re.compile(r"!?\[(?:[^\[\]]|!\[[^\]]*\]\([^)]*\))*\](?:\([^)]*\)|\[[^\]]*\])")
MD_TITLE = re.compile(r"^\s{0,3}#\s+(.*\S)\s*#*\s*$")  # a level-one heading: the page's title
# a clipper's note of what it clipped, above the page (read 106: "Title: …" / "Source: baoquocte.vn (…)" / "Clipped:
# 2024-12-16" / "---")
CLIP_FIELD = re.compile(r"^(?:title|source|clipped(?: from| on)?|saved(?: from| on)?|url|captured|retrieved|accessed)"
                        r"\s*:\s*\S", re.IGNORECASE)
# above a clip's one title (read 112): a site's name in capitalised words ("Embassy of the Socialist Republic of Viet
# Nam in the Republic of India") and a banner wholly in emphasis after its sign ("⚠️ *Important: … call the hotline
# …*")
MD_SITE_NAME = re.compile(r"[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|of|the|in|to|and|for|at|on|&)){0,15}")
MD_BANNER = re.compile(r"[^\w*_\s]{1,4}\s*(?:\*{1,2}|_)[^*_]{3,300}(?:\*{1,2}|_)")  # (its sign first: not a clip's
# "*Clipped from the web version of "…"*" over a newsletter's own "# …" name, read 82)
# what stands between a section's heading and its story, never between a story's heading and its prose: the story's
# own title in bold or italics ("**Viet Nam, Singapore upgrade ties …**", not "**By Mai Anh**" or a date) and links
OTHER_TITLE = re.compile(r"^(\*\*|__|\*|_)(?!(?:by|photo|updated|published|posted|source|credit)\b)(?!.*\d)"
                         r"[^*_]+?(?:\s+[^\s*_]+){3,}\1$", re.IGNORECASE)
# a part of a shared link's card under a post, each its own line (read 75: an X post's "<span class="card-domain">
# vovworld.vn</span><span class="card-title">Vietnam urges Malaysia …</span><span class="card-description">…")
CARD_PART = re.compile(r"(?:^|\s)card[-_](?:domain|site|title|description|desc)(?:\s|$)", re.IGNORECASE)  # (not
# an inline "link-preview-title" in a paragraph, a review found)
MD_ITALIC_LINE = re.compile(r"(\*|_)(?!\1)[^*_]{3,}(?<![*_\s])\1")  # a line all in italics (not bold)
MD_BOLD_LINE = re.compile(r"(\*\*|__)[^*_]{3,}\1")
LINK_LINE = re.compile(r"^(?:[-*+]\s+)?\[[^\]]+\]\([^)]*\)\s*$")
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# Pandoc's Markdown (as `pandoc -t markdown` writes a saved page): fenced divs ("::: site-header", "::: {.excerpt}",
# ":::") and attribute blocks after headings, links and spans ("{#what-laoss … .entry-title}", "{.category}")
PANDOC_DIV = re.compile(r"^\s{0,3}:{3,}\s*(?:\{([^{}]*)\}|([\w-]+))?\s*:*\s*$")
_ATTRIBUTE = r"(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"]*\"|[^\s{}]+))"
PANDOC_ATTRIBUTES = re.compile(rf"[ \t]*\{{{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\}}")
# a div of the site around the article: its header, menus, the writer's bio, a disclaimer, related posts
PANDOC_CHROME = {"site-header", "header", "site-footer", "footer", "nav", "navigation", "menu", "author-bio", "bio",
                 "disclaimer", "related-posts", "related", "share", "social", "comments", "sidebar", "newsletter"}
TITLE_CLASSES = {"entry-title", "post-title", "article-title", "headline", "title"}  # a heading that is the story's


# an outliner's page (Logseq): "key:: value" properties, then every paragraph a block ("- …", "\t- …" below another)
OUTLINE_PROPERTY = re.compile(r"^[A-Za-z][\w-]*::(?:\s|$)")
OUTLINE_BLOCK = re.compile(r"^[\t ]*- (?=\S)")
# a reader's own block in it: a task ("TODO …", "DONE …"), a note ("NOTE: …"), or a short block with a tag ("… #todo")
# or a link to another page ("compare with [[…]]"); a block of the article may link names ("[[Vietnam]] and …")
OUTLINE_NOTE = re.compile(r"^(?:TODO|DONE|LATER|NOW|DOING|WAITING)\s|^(?:NOTE|Note|note)\s*:"
                          r"|^(?=(?:\S+\s+){0,11}\S+$).*(?:\s#[A-Za-z][\w-]*\s*$|\[\[[^\]]+\]\])")
OUTLINE_LINK = re.compile(r"\[\[([^\]]+)\]\]")  # a page link in the article's text: its words
OUTLINE_TAGS = re.compile(r"(?:\s#[A-Za-z][\w-]*)+\s*$")  # tags after a block


def outline_blocks(lines: list[str]) -> list[tuple[int, str]] | None:
    """An outliner's page (two "key:: value" properties or more at the top, most lines blocks) as (index, what the
    line becomes): properties and a reader's own blocks (:data:`OUTLINE_NOTE`) blank, every block its own paragraph
    without its bullet ("- # Vietnamese food hub …" is the page's "# " heading); None for any other page."""
    filled = [line for line in lines if line.strip()]
    top = [line for line in filled[:12] if OUTLINE_PROPERTY.match(line.strip())]
    if len(top) < 2 or sum(bool(OUTLINE_BLOCK.match(line)) for line in filled) < 0.6 * (len(filled) - len(top)):
        return None
    changed: list[tuple[int, str]] = []
    properties = True
    for i, line in enumerate(lines):
        if properties and (OUTLINE_PROPERTY.match(line.strip()) or not line.strip()):
            changed.append((i, "")) if line.strip() else None
            continue
        properties = False
        block = OUTLINE_BLOCK.sub("", line, count=1) if OUTLINE_BLOCK.match(line) else line.strip()
        changed.append((i, "" if OUTLINE_NOTE.search(block) else OUTLINE_TAGS.sub("", OUTLINE_LINK.sub(r"\1", block))))
    return changed


def _menu_line(line: str) -> bool:
    """Whether a Markdown line holds nothing but links and pictures, bulleted or not ("* [News][4]", "[Register][10]
    [Sign In][11]")."""
    rest = MENU_LINK.sub("", re.sub(r"^[-*+]\s+", "", line.strip()))
    return rest != line.strip() and not rest.strip(" |·•/»>-")


def _over_another_story(line: str, heading: str) -> bool:
    """Whether a line under a "# …" heading shows it to be a section's, not the story's: a link, or a story's own title
    in bold longer than the heading (a byline or a standfirst in bold is shorter)."""
    return bool(LINK_LINE.match(line)) or (bool(OTHER_TITLE.match(line)) and len(line.split()) > len(heading.split()))


def yaml_scalar(value: str) -> str:
    """A front-matter value as written without its YAML quotes: one pair that encloses it, not a quotation mark that
    opens or closes the title itself (read 63: ``title: "'Check before you go': consular chief …"`` kept its "'")."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1].replace('\\"', '"')
    return value.strip()


class MarkdownPage:
    """A Markdown article's text with its metadata set apart: YAML front matter (``---`` lines at the top, as web
    clippers and static sites save articles) gives the title and date and is not text; fenced code is not text
    either. Removed lines stay as blank lines, so line numbers still point into the file; ``dropped`` names them."""

    def __init__(self, text: str) -> None:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.fields: dict[str, str] = {}
        self.dropped: list[tuple[int, str, str]] = []
        for i, line in outline_blocks(lines) or []:
            if not line and lines[i].strip():
                self.dropped.append((i + 1, "outliner's page property or a reader's own block", lines[i].strip()))
            lines[i] = line
        end = self._front_matter_end(lines) or self._reader_header_end(lines)
        for i in range(end):
            match = FRONT_MATTER_FIELD.match(lines[i].strip()) or READER_FIELD.match(lines[i].strip())
            if match and match.group(2).strip():
                self.fields.setdefault(match.group(1).lower(), yaml_scalar(match.group(2)))
            if lines[i].strip():
                self.dropped.append((i + 1, "front matter (title and date kept as metadata)", lines[i].strip()))
            lines[i] = ""
        for first, last in self._fenced_blocks(lines, end):
            for i in range(first, last + 1):
                if lines[i].strip():
                    self.dropped.append((i + 1, "code block", lines[i].strip()))
                lines[i] = ""
        for i in self._callouts(lines):
            self.dropped.append((i + 1, "note-app callout (a reader's note, not the article's)", lines[i].strip()))
            lines[i] = ""
        for i in self._comments(lines):
            self.dropped.append((i + 1, "HTML comment (a clipper's or editor's note, not shown)", lines[i].strip()))
            lines[i] = ""
        for i in self._decks(lines):
            self.dropped.append((i + 1, "deck under the title (in italics, no sentence)", lines[i].strip()))
            lines[i] = ""
        self.classed_title = self._pandoc(lines, end)
        seconds = sum(bool(re.match(r"\s{0,3}##\s", line)) for line in lines)
        levels = lines if any(MD_TITLE.match(line) for line in lines) or seconds != 1 else [
            re.sub(r"^(\s{0,3})#(#{1,5}\s)", r"\1\2", line) for line in lines]  # (no "# …": the one "## …" is the
        # title, a clip's over its "### …" deck, read 104; not a page's "## What you need to know", "## Background")
        self.heading = self._title_heading(levels)
        self.story_heading = self._story_heading(levels)
        self.text = markdown_to_text("\n".join(lines))

    def _pandoc(self, lines: list[str], start: int) -> str | None:
        """Pandoc's Markdown read as text: its fenced div lines and the site's divs around the article
        (:data:`PANDOC_CHROME`) go, attribute blocks are cut off the lines that carry them. Returns the heading whose
        attributes name it the story's title (:data:`TITLE_CLASSES`), if any."""
        if not any(PANDOC_DIV.match(line) for line in lines[start:]):
            return None
        title = None
        chrome = self._pandoc_chrome(lines, start)
        for i in range(start, len(lines)):
            if PANDOC_DIV.match(lines[i]):
                self.dropped.append((i + 1, "Pandoc fenced div", lines[i].strip()))
                lines[i] = ""
                continue
            if i in chrome and lines[i].strip():
                self.dropped.append((i + 1, "Pandoc div of the site (header, menu, bio, disclaimer, related)",
                                     lines[i].strip()))
                lines[i] = ""
                continue
            attributes = PANDOC_ATTRIBUTES.findall(lines[i])
            if attributes:
                lines[i] = PANDOC_ATTRIBUTES.sub("", lines[i])
                heading = MD_TITLE.match(lines[i])
                classes = {a.lstrip(".") for block in attributes for a in block.strip(" \t{}").split()}
                if heading and title is None and classes & TITLE_CLASSES:
                    title = heading.group(1).strip("*_ ")
        return title

    @staticmethod
    def _pandoc_chrome(lines: list[str], start: int) -> set[int]:
        """The lines of the closed divs that are the site's (:data:`PANDOC_CHROME`), without a heading inside (an
        entry's "::: header" holds its title); none where nothing of eight words or more would be left outside them
        (a "::: newsletter" that wraps the whole issue)."""
        spans: list[tuple[int, int, bool]] = []
        opened: list[tuple[int, bool]] = []
        for i in range(start, len(lines)):
            fence = PANDOC_DIV.match(lines[i])
            if fence and (fence.group(1) or fence.group(2)):
                names = {name.lstrip(".") for name in (fence.group(1) or fence.group(2) or "").split()}
                opened.append((i, bool(names & PANDOC_CHROME)))
            elif fence and opened:
                first, site = opened.pop()
                spans.append((first, i, site))
        chrome = {first: last for first, last, site in spans if site and not any(
            MD_TITLE.match(line) or line.lstrip().startswith("## ") for line in lines[first:last])}
        inside = {i for first, last in chrome.items() for i in range(first, last + 1)}
        if not any(len(lines[i].split()) >= 8 and not PANDOC_DIV.match(lines[i]) for i in range(start, len(lines))
                   if i not in inside):
            return set()
        return inside

    @staticmethod
    def _comments(lines: list[str]) -> list[int]:
        """The lines of HTML comments that stand on lines of their own ("<!-- Clipped with Obsidian Web Clipper ·
        source: … -->" above a clip's "# " title, read 60; also over several lines), which no Markdown reader shows."""
        found: list[int] = []
        start: int | None = None
        for i, line in enumerate(lines):
            text = line.strip()
            if start is None and text.startswith("<!--"):
                start, text = i, text[4:]
            if start is not None and "-->" in text:
                if text.endswith("-->"):  # (a comment that closes in the text after it is left as it is)
                    found.extend(range(start, i + 1))
                start = None
        return found

    @staticmethod
    def _callouts(lines: list[str]) -> list[int]:
        """Lines of callouts, as note apps write a reader's notes into a clipped page ("> [!info] Clipped for …" and
        the quoted lines under it), and a clipper's excerpt ("> ## Excerpt" and the page's teaser under it)."""
        found: list[int] = []
        inside = False
        for i, line in enumerate(lines):
            stripped = line.strip()
            if re.match(r">\s*\[![A-Za-z-]+\][+-]?(?:\s|$)", stripped) \
                    or re.match(r">\s*(?:#+\s*|\*\*)?(?:excerpt|description)\b[*:]*\s*$", stripped, re.IGNORECASE):
                inside = True
            elif not stripped.startswith(">"):
                inside = False
            if inside:
                found.append(i)
        return found

    @staticmethod
    def _decks(lines: list[str]) -> list[int]:
        """A deck in italics with no sentence end under a title in bold, above the prose ("**Vietnamese Culture Week
        opens in Prague …**" / "*The week-long programme, billed as …*", read 75): the longer line, not the title."""
        filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
        found = []
        for (_, above), (i, line) in zip(filled, filled[1:]):
            if len(line.split()) >= 12 and not (MD_ITALIC_LINE.fullmatch(line) or MD_BOLD_LINE.fullmatch(line)):
                break  # (the prose)
            if MD_ITALIC_LINE.fullmatch(line) and len(line.split()) >= 5 \
                    and not re.search(r"[.!?][\"'”’)]*[*_]$", line) and MD_BOLD_LINE.fullmatch(above) \
                    and len(above.split()) >= 4 and not above.isupper() \
                    and not re.search(r"\s[–—|]\s|\s-\s", above):  # (not a kicker's or a section's label in
                found.append(i)  # bold over the title in italics: "**Foreign Affairs – Asia Pacific**", a review)
        return found

    @staticmethod
    def _title_heading(lines: list[str]) -> str | None:
        """The "# …" heading that opens the page; or the only one, under nothing but links, pictures and a label
        ("[The World & Vietnam Report](…)" / "**OPINION**" / "# Multilateral diplomacy: …"), of three words or
        more, with prose below it before any "## …" (a site's or section's "# News" has the story's "## …" below)."""
        filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
        if not filled:
            return None
        if match := MD_TITLE.match(filled[0][1]):
            english = re.match(r"#{2,3}\s+(.*\S)", filled[1][1]) if len(filled) > 1 else None
            if english and vietnamese_title(match.group(1)) and not vietnamese_title(english.group(1)):
                return english.group(1).strip("*_# ")  # (a bilingual page's English title under its Vietnamese one)
            return match.group(1).strip("*_ ")
        titles = [(n, m) for n, (_, line) in enumerate(filled) if (m := MD_TITLE.match(line))]
        if len(titles) != 1 or len(titles[0][1].group(1).split()) < 3:
            return None
        at, match = titles[0]
        if not all(MD_FURNITURE.match(line) or _menu_line(line) or _menu_line(line.replace("**", ""))
                   or CLIP_FIELD.match(line.lstrip("> ")) or MD_BANNER.fullmatch(line) or MD_SITE_NAME.fullmatch(line)
                   for _, line in filled[:at]):  # (a menu's current item in bold: "**[News & Events](#)**")
            return None
        for _, line in filled[at + 1:at + 9]:  # prose below, past its date, byline and buttons
            if line.startswith("#") or _over_another_story(line, match.group(1)):
                return None
            if len(line.split()) >= 8 and not line.startswith((">", "!")):
                return match.group(1).strip("*_ ")
        return None

    @staticmethod
    def _story_heading(lines: list[str]) -> str | None:
        """The first "# …" heading of three words or more where the article's prose follows it, past no more than its
        date, byline and picture lines, above any prose but quoted notes: the story's own title, below a clipper's
        page title ("# … - VietNamNet Global", front matter) and a reader's note; None for none."""
        def prose(line: str) -> bool:
            return len(line.split()) >= 12 and not line.startswith(("!", "#", ">", "[", "- ", "* ", "+ "))

        filled = [line.strip() for line in lines if line.strip()]
        for at, line in enumerate(filled):
            if prose(line):
                return None
            match = MD_TITLE.match(line)
            below = [line for line in filled[at + 1:at + 7] if not line.startswith(("#", ">"))]
            first = next((n for n, line in enumerate(below) if prose(line)), None)
            if match and len(match.group(1).split()) >= 3 and first is not None \
                    and all(len(line.split()) < 12 or line.startswith("!") for line in below[:first]) \
                    and not any(_over_another_story(line, match.group(1)) for line in below[:first]):
                return match.group(1).strip("*_ ")
        return None

    @staticmethod
    def _fenced_blocks(lines: list[str], start: int) -> list[tuple[int, int]]:
        """(first, last) line indexes of each closed ``` or ~~~ fence from ``start`` (an unclosed one is text)."""
        blocks, opened = [], None
        for i in range(start, len(lines)):
            match = FENCE.match(lines[i])
            if opened is None and match:
                opened, mark = i, match.group(1)
            elif opened is not None and match and match.group(1)[0] == mark[0] and len(match.group(1)) >= len(mark) \
                    and not lines[i].strip().strip(mark[0]):
                blocks.append((opened, i))
                opened = None
        return blocks

    @staticmethod
    def _front_matter_end(lines: list[str]) -> int:
        """How many lines the front matter takes (0 without one): ``---`` first, then ``key: value`` lines up to a
        closing ``---`` or ``...``, or ``+++`` and ``key = value`` lines up to ``+++`` (within 200 lines; a thematic
        break further down is not front matter)."""
        opening = lines[0].strip().lstrip("\ufeff") if lines else ""
        if opening not in ("---", "+++"):  # YAML, or TOML as Hugo writes it ("+++" / title = "…" / "+++")
            return 0
        for i in range(1, min(len(lines), 200)):
            if (FRONT_MATTER_END.match(lines[i]) and opening == "---") or (lines[i].strip() == "+++" == opening):
                fields = [line for line in lines[1:i] if line.strip()]
                keyed = [line for line in fields if FRONT_MATTER_FIELD.match(line.strip())]
                return i + 1 if keyed and FRONT_MATTER_FIELD.match(fields[0].strip()) else 0
        return 0

    @staticmethod
    def _reader_header_end(lines: list[str]) -> int:
        """How many lines a reader service's header takes ("Title: …" / "URL Source: …" / "Published Time: …" /
        "Markdown Content:", as r.jina.ai writes a page); 0 without one."""
        if not lines or not lines[0].startswith("Title:"):
            return 0
        for i in range(1, min(len(lines), 20)):
            if lines[i].strip() == "Markdown Content:":
                return i + 1
            if lines[i].strip() and not re.match(r"^[A-Z][\w ]{1,30}:\s", lines[i]):
                return 0
        return 0

    @property
    def title(self) -> str | None:
        """The front matter's title, else a level-one heading ("# …") that opens the page."""
        return next((self.fields[k] for k in FRONT_TITLE if self.fields.get(k)), None) or self.heading

    @property
    def published(self) -> str | None:
        return next((self.fields[k] for k in FRONT_DATE if self.fields.get(k)), None)


def unfold_columns(text: str) -> str:
    """A page laid out in two columns side by side (text copied from a two-column print layout, a run of five or more
    spaces between the columns on most lines) as its left column and then its right one; any other text as it is.
    Read line by line, such a page splices the columns into sentences that are on no page."""
    lines = text.expandtabs(8).split("\n")
    filled = [line for line in lines if line.strip()]
    starts = Counter(m.end() for line in filled if (m := re.search(r"(?:^ {12,}|\S {5,})(?=\S)", line)))
    if len(filled) < 6 or not starts:
        return text
    offset, count = starts.most_common(1)[0]
    near = sum(n for at, n in starts.items() if abs(at - offset) <= 2)
    if near < 0.5 * len(filled) or count < 0.35 * len(filled) or offset < 20:
        return text
    split = [(line[:offset - 2].rstrip(), line[offset - 2:].strip()) if line[offset - 3:offset - 2].isspace()
             or len(line) < offset - 2 else None for line in lines]  # (two spaces of slack before the column)
    if any(cells is None for cells in split):  # a line's text crosses the gap: not two columns
        return text
    rights = [right for _, right in split if right]
    lefts = [left for left, _ in split if left.strip()]
    if sum(right[:1].isalpha() or right[:1] in "\"“'‘(" for right in rights) < 0.8 * len(rights) \
            or sum(len(c.split()) for c in rights) < 3 * len(rights) \
            or sum(len(c.split()) for c in lefts) < 3 * len(lefts):
        return text  # prose on both sides ("… # returns JSON", a table's numbers, "Q:      What brought you …" are not)
    left = "\n".join(cells[0] for cells in split).strip("\n")
    right = "\n".join(cells[1] for cells in split).strip("\n")
    ended = re.search(r"[.!?:\"”]$", left)  # else the left column's last sentence goes on at the right one's top
    return f"{left}\n\n{right}" if ended else f"{left}\n{right}"


def normalise(text: str) -> str:
    text = html.unescape(text) if "&" in text and ";" in text else text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")  # (paragraph separator)
    text = re.sub(r"[\x0b\x0c\x1c-\x1e\x85\u2028]", "\n", text)  # other line breaks (NEL, line separator …)
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)  # (zero-width characters, soft hyphens)
    text = unicodedata.normalize("NFC", text)  # "Hà Nội" spelled with combining marks, as some editors save it
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))
