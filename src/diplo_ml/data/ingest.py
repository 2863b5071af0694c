"""Raw web articles (.txt, .md, .html) -> clean paragraphs with metadata.

Each non-empty line is classified: noise (language switchers, breadcrumbs, timestamps,
bylines, photo captions, share buttons, "Related news" tails) is dropped with a reason;
the headline, date, outlet and dateline become metadata; interview questions are marked;
the "./." end mark is stripped. Lines of one block are joined when a paragraph was
hard-wrapped. Exact and near duplicate paragraphs are removed and counted.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from diplo_ml.data.page_text import html_page, looks_like_html, markdown_to_text, normalise, read_text
from diplo_ml.errors import DataError, NoTextError
from diplo_ml.files import not_a_file

SUFFIXES = (".txt", ".md", ".html", ".htm")

LANGUAGES = {
    "vietnamese", "english", "french", "français", "francais", "chinese", "中文", "tiếng việt", "tieng viet",
    "español", "spanish", "russian", "русский", "deutsch", "german", "japanese", "日本語", "korean",
    "한국어", "lao", "ລາວ", "khmer", "ខ្មែរ", "vn", "en", "fr", "cn", "zh", "es", "ru", "de", "jp", "ja", "kr",
    "ko", "vi", "ສປປລາວ", "arabic", "عربي", "thai",
}
OUTLETS = {
    "VNA": "VNA", "VNP": "VietnamPlus", "VIETNAMPLUS": "VietnamPlus", "NDO": "Nhan Dan", "ND": "Nhan Dan",
    "NHAN DAN": "Nhan Dan", "VOV": "VOV World", "VOV.VN": "VOV World", "VOVWORLD": "VOV World", "VOV5": "VOV World",
    "VOV WORLD": "VOV World", "WVR": "WVR", "TG&VN": "WVR", "VGP": "VGP", "VNS": "Viet Nam News",
    "MOFA": "MOFA", "VTV": "VTV", "VNEXPRESS": "VnExpress", "TUOI TRE": "Tuoi Tre", "TTXVN": "VNA",
    "CHINHPHU.VN": "VGP", "VIETNAMNET": "VietNamNet", "VIETNAMNET GLOBAL": "VietNamNet", "VNN": "VietNamNet",
    # wire agencies, whose items news archives carry too
    "REUTERS": "Reuters", "AP": "AP", "AFP": "AFP", "XINHUA": "Xinhua", "KYODO": "Kyodo", "YONHAP": "Yonhap",
    "BERNAMA": "Bernama", "ANTARA": "Antara", "PTI": "PTI", "IANS": "IANS", "TASS": "TASS", "BLOOMBERG": "Bloomberg",
}
_ONE_OUTLET = "|".join(sorted((re.escape(k) for k in OUTLETS), key=len, reverse=True))
_OUTLET_ALT = rf"(?:{_ONE_OUTLET})(?:\s*/\s*(?:{_ONE_OUTLET}))*"  # "NDO/VNA", "VNA/VNP": wire copy names both
_DASH = r"[-–—]+"
# "Hanoi (VNA) –", "Hanoi, March 3 (VNA) -", "Hanoi, 12/9 (VNA) -", "HCM City (VNS) -", "HANOI, Sept 12 (Reuters) -"
_DATE_AFTER_PLACE = r",\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)"
DATELINE_PAREN = re.compile(
    rf"^(?P<place>[^\W\d_][\w.'’ -]{{0,40}}?(?:{_DATE_AFTER_PLACE})?)"
    rf"\s*\((?P<outlet>{_OUTLET_ALT})\)\s*{_DASH}\s*",
    re.IGNORECASE,
)
# "(VOVWORLD) -", "(VNA) –": the outlet alone in brackets
DATELINE_OUTLET = re.compile(rf"^\((?P<outlet>{_OUTLET_ALT})\)\s*{_DASH}\s*", re.IGNORECASE)
# "NDO –", "VOV.VN -", "WVR -", "VNA -"
DATELINE_BARE = re.compile(rf"^(?P<outlet>{_OUTLET_ALT})\s*{_DASH}\s+", re.IGNORECASE)
# "HANOI, Aug. 1 —", "BRUSSELS, Belgium —", and with a short all-caps source in brackets: "WASHINGTON (CNN) —"
DATELINE_CAPS = re.compile(rf"^(?P<place>[A-Z][A-Z .'-]{{2,30}}(?:{_DATE_AFTER_PLACE}"
                           rf"|,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}})?)"
                           rf"(?:\s*\((?P<outlet>[A-Z][A-Z&.]{{1,5}})\))?\s*{_DASH}\s+")  # "(CNN)", not "(Updated)"
MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
    "|january|february|march|april|june|july|august|september|october|november|december"
)
# "New Delhi, Aug 1 -" (a place and a date, no outlet; what is left of "VNA - New Delhi, Aug 1 -")
DATELINE_DATED = re.compile(rf"^(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,3}}),\s*(?i:{MONTHS})\.?\s+"
                            rf"\d{{1,2}}(?:,\s*\d{{4}})?\s*{_DASH}\s+(?=[A-Z])")
# "NEW YORK (VNA) Vietnam has …": no dash, so only a place in capitals and a known outlet ("Vietnam News Agency (VNA)
# Director …" is a sentence)
DATELINE_UNDASHED = re.compile(rf"^(?P<place>[A-Z][A-Z .'-]{{1,30}}(?:{_DATE_AFTER_PLACE})?)"
                               rf"\s*\((?P<outlet>{_OUTLET_ALT})\)\s+(?=[A-Z])")
DATELINES = (DATELINE_PAREN, DATELINE_OUTLET, DATELINE_BARE, DATELINE_CAPS, DATELINE_DATED, DATELINE_UNDASHED)
OUTLET_ONLY = (DATELINE_OUTLET, DATELINE_BARE)  # "VNA -": a place and date may follow ("VNA - New Delhi, Aug 1 -")

WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
DATE_DMY = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DATE_MDY = re.compile(rf"\b({MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
DATE_DMY_TEXT = re.compile(rf"\b(\d{{1,2}})\s+({MONTHS})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm|AM|PM)?\b")
TIMESTAMP_WORDS = re.compile(
    rf"\b(published|updated|posted|last update|gmt|utc|ict|am|pm|{WEEKDAYS}|{MONTHS})\b", re.IGNORECASE
)

# a photo credit in brackets, "(Photo: VNA) |": at a line's end it marks a caption (or a lead's own credit, cut off);
# at a sentence's start, a credit the splitter joined to the sentence after it
CREDIT = r"\((?:photo|photos|image|source|illustrative photo|file photo|photo courtesy)\b[^)]*\)\s*[|│]?"
# a credit that ends a line: "… documents. Photo: VNA", "… Image: VGP"
TRAILING_CREDIT = r"\b(?:photo|image|video)s?\s*:\s*(?-i:[A-Z])[\w.&/-]*(?:\s+(?-i:[A-Z/&])[\w.&/-]*){0,5}\s*$"
CAPTION = re.compile(
    rf"({CREDIT}\s*$)"
    r"|(^(?:photo|photos|illustrative (?:photo|image)|file photo|image)\s*(?:[:.(]|$|by\b))"  # not "Photos of …"
    rf"|({TRAILING_CREDIT})",
    re.IGNORECASE,
)
# a credit standing alone ("(Photo: VNA)", "Photo: VOV"): the line or sentence before it is the caption it credits
BARE_CREDIT = re.compile(rf"^(?:{CREDIT}|(?:photos?|images?)\s*:\s*[\w.&/-]+(?:\s+[\w.&/-]+){{0,3}})\s*$",
                         re.IGNORECASE)
PHOTO_CREDIT = re.compile(rf"\s*{CREDIT}\s*$", re.IGNORECASE)
LEADING_CREDIT = re.compile(rf"^{CREDIT}\s*", re.IGNORECASE)
BYLINE = re.compile(
    r"^(?:by\s+(?-i:[A-Z])|translated by\b|translation:|source:|sources:|story:|text:"  # "By contrast, …" is not
    r"|reporter\s*[-–:]\s*[A-Z][a-z]+\s*$|editor:|edited by\b|written by\b|compiled by\b"
    r"|(?:[A-Z]{2,6}/){1,3}[A-Z]{2,6}\s*$"
    r"|\*\s*the author\b|\(\*\)\s*the author\b)",
    re.IGNORECASE,
)
TAIL_HEADINGS = re.compile(
    r"^(?:related (?:news|articles|stories|posts)|read more|see more|see also|other news|more news|latest news"
    r"|most read|most viewed|you may (?:also )?(?:like|be interested)|recommended|tin liên quan|related"
    r"|notes? (?:to|for) editors|editor'?s notes?"
    r"|(?:related|other|more|latest|previous|similar|recommended|further)\s+\w+(?:\s+\w+)?)\s*:?\s*$",
    re.IGNORECASE,
)
SOCIAL = re.compile(
    r"^(?:(?:share|print|email|e-mail|facebook|twitter|x|zalo|linkedin|telegram|whatsapp|copy link|like|tweet"
    r"|follow us|comments?|back to top|top|advertisement|ads?|subscribe|send|save|font size|a\+|a-|\|)\s*[|•·/]?\s*)+$",
    re.IGNORECASE,
)
# short lines only; "Copyright law reform …" is a sentence
COPYRIGHT = re.compile(r"^(?:copyright\s*(?:©|\(c\)|\d{4}|by\b|of\b|:|$)|©|\(c\)\s)|\ball rights reserved\b",
                       re.IGNORECASE)
# a wire's notice, whatever its length: "Copyright 2024 The Associated Press.", "This material may not be published,
# broadcast, rewritten or redistributed."; and its contributors' line
WIRE_NOTICE = re.compile(r"^copyright (?:©\s*)?\d{4}\b|\bmay not be (?:published|reproduced)\b.*\bredistributed\b"
                         r"|\bcontributed to this (?:report|story)\.?$", re.IGNORECASE)
# a cookie banner or a page's navigation: "We use some essential cookies to make this website work."
COOKIES = re.compile(r"\bcookies\b.*\b(?:website|site|browser|browsing|settings|preferences|consent|analytics|essential"
                     r"|accept all|reject)\b|\b(?:accept|reject|manage)\b.*\bcookies\b|^skip to (?:main )?content$",
                     re.IGNORECASE)
# who published a GOV.UK page: "From: Foreign, Commonwealth & Development Office and The Rt Hon David Lammy MP"
PUBLISHER = re.compile(r"^from:\s+\S", re.IGNORECASE)
# a link to another article inside the page: "Related: Vietnam, Chile boost trade ties", "See also: …"
RELATED_LINK = re.compile(r"^(?:related(?: news| articles?| stories)?|see also|read more|read also|also read|see more"
                          r"|xem thêm)\s*:\s*\S", re.IGNORECASE)
# a speech's forms of address, alone in a sentence: "Excellencies, ladies and gentlemen.", "Dear friends!"
_NAME_WORD = r"(?-i:[A-Z])[\w’'-]*"
_ADDRESS = (rf"(?:your |their |his |her )?excellenc(?:y|ies)(?: {_NAME_WORD}){{0,4}}"
            r"|(?:distinguished |honou?red |dear |my )*(?:ladies and gentlemen|guests|delegates|friends|colleagues"
            r"|participants|members|compatriots|comrades|readers|visitors)|(?:mr\.?|madam|madame) (?:president|chairman"
            r"|chairwoman|chair|speaker|secretary-general|prime minister|minister|ambassador)"
            rf"|dear {_NAME_WORD}(?: {_NAME_WORD}){{0,3}}")
ADDRESS = re.compile(rf"(?:{_ADDRESS})", re.IGNORECASE)


def is_salutation(line: str) -> bool:
    """A speech's forms of address and nothing else ("Excellencies, ladies and gentlemen.", "Dear friends!"): each
    part between commas and "and" is one form of address (checked part by part, in linear time)."""
    body = line.strip().rstrip(",.!:;").strip()
    if not body or len(body.split()) > 24:
        return False
    parts = re.split(r"\s*[,;]\s*|\s+and\s+", re.sub(r"(?i)ladies and gentlemen", "ladies_gentlemen", body))
    return all(ADDRESS.fullmatch(part.replace("ladies_gentlemen", "ladies and gentlemen")) for part in parts if part)
# a heading that ends with a full stop: "Full text of the Foreign Minister's speech." (no verb: "The full text of the
# agreement has not been made public." is news)
FULL_TEXT_HEADING = re.compile(r"^(?:the |following is the )?full text of\b(?![^.!?]*\b(?:is|are|was|were|has|have|had|"
                               r"will|would|can|could|said|says|remains?)\b)[^.!?]{0,100}[.:]?$", re.IGNORECASE)
# an interviewer's request that is not written as a question: "Ambassador, please tell us about …"
PROMPT = re.compile(r"^(?:\*\*)?(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3},\s*)?"
                    r"(?i:(?:please\s+)?(?:tell us|share with us|let us know|could you|can you|would you)\b)")
TAGS = re.compile(r"^(?:tags?|keywords?|topics?)\s*:", re.IGNORECASE)
BREADCRUMB = re.compile(
    r"^(?:home|trang chủ)\b.*(?:>|»|/|›)|^[^.!?]{1,80}(?:\s[>»›]\s[^.!?]{1,60}){1,}$", re.IGNORECASE
)
QUESTION_PREFIX = re.compile(
    r"^(?:\*\*)?(?:q|question|reporter|pv|interviewer|journalist|vna reporter|vov reporter|ndo)\s*[:.)-]\s*",
    re.IGNORECASE,
)
# an interview's speaker label before the answer: "Deputy FM Nguyen Minh Vu:" (capitalised words only)
SPEAKER = re.compile(r"^(?:[A-Z][\w.'’-]*\s){0,6}[A-Z][\w.'’-]*:\s+(?=[A-Z\"“‘'])")
ANSWER_PREFIX = re.compile(r"^(?:\*\*)?(?:a|answer)\s*[:.)-]\s+", re.IGNORECASE)
END_MARK = re.compile(r"\s*\./\.\s*$")
TERMINAL = re.compile(r"(?:[.!?…][\"'”’)\]]*|[:;])\s*$")
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Paragraph:
    text: str
    line: int
    question: bool = False
    raw: str = ""


@dataclass
class Article:
    doc_id: str
    path: str
    headline: str | None = None
    date: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, text)

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "id": f"{self.doc_id}-p{i:02d}",
                "doc_id": self.doc_id,
                "paragraph_index": i,
                "text": p.text,
                "question": p.question,
                "headline": self.headline,
                "date": self.date,
                "outlet": self.outlet,
                "dateline": self.dateline,
                "source_file": self.path,
                "source_line": p.line,
            }
            for i, p in enumerate(self.paragraphs)
        ]

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def statements(self) -> str:
        """The body without interviewers' questions: what a summary may be made of."""
        return "\n\n".join(p.text for p in self.paragraphs if not p.question)

    @property
    def summary_text(self) -> str:
        """What a summariser reads: the statements, and in an interview (the page asks questions) each answer
        without the speaker label before it ("Deputy Foreign Minister: Vietnam's candidacy …")."""
        if not any(p.question for p in self.paragraphs):
            return self.statements
        return "\n\n".join(SPEAKER.sub("", p.text, count=1) for p in self.paragraphs if not p.question)


# ------------------------------------------------------------------------------------------
def split_datelines(text: str) -> tuple[list[re.Match[str]], str]:
    """The datelines that open ``text``, outermost first ("VNA - New Delhi, Aug 1 -" is two), and the text after
    them; each must leave more than 20 characters and name a capitalised place, if any."""
    found: list[re.Match[str]] = []
    rest, patterns = text, DATELINES
    while patterns:
        for pattern in patterns:
            match = pattern.match(rest)
            place = (match.groupdict().get("place") or "X") if match else ""
            if match and _is_place(place) and len(rest) - match.end() > 20:
                found.append(match)
                rest = rest[match.end():]
                # only after an outlet alone, and only a place with a date ("Hanoi (VNA) – EU - Vietnam trade …")
                patterns = (DATELINE_DATED,) if pattern in OUTLET_ONLY else ()
                break
        else:
            break
    return found, rest


# what a page prints above its lead, when the lines were run together (a scraped archive's `text`): "Thursday, March 7,
# 2024 10:15 Hanoi (VNA) – …", "Monday, 11/03/2024 09:30 Reporter: Nguyễn Hoài VietNamNet Global Deputy …",
# "VIETNAM, NEW ZEALAND TARGET 3 BILLION USD IN TRADE (VOVWORLD) - Vietnam and …"
LEADING_STAMP = re.compile(
    rf"^(?:(?:{WEEKDAYS}),?\s+)?(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}})"
    r"(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:am|pm))?(?:\s*\(?(?:GMT|UTC|ICT)[+\d:]*\)?)?)?\s+",
    re.IGNORECASE,
)
LEADING_BYLINE = re.compile(r"^(?:reporter|by|written by|story|text)\s*[:-]?\s+", re.IGNORECASE)
# how other foreign-affairs pages open: "From: … Published 3 March 2024 …", "READOUT OFFICE OF THE SPOKESPERSON March 5,
# 2024 …", "PRESS STATEMENT … FEBRUARY 27, 2024 Share Copy Link …", "SG/SM/22134 4 March 2024 …"
HEADER_OPENER = re.compile(r"^(?:(?i:from:|published\b|last updated\b|readout\b|press (?:statement|release|briefing)\b"
                           r"|media note\b|remarks\b|news release\b|joint statement\b)|[A-Z]{1,5}/[A-Z0-9/.-]*\d"
                           r"|(?:[A-Z][A-Z.,'&-]+\s+){3})")
AFTER_HEADER_DATE = re.compile(r"^(?:share\s+copy link\s+|delivered on:?\s+\S+\s+\S+\s+\d{4}\s+"
                               r"|\((?:transcript|check against delivery)[^)]{0,80}\)\s*)+", re.IGNORECASE)
# "The below is attributable to Spokesperson Matthew Miller:", "The following statement was issued today by …:", "My
# Rt Hon Friend the Foreign Secretary has today made the following statement:"
ATTRIBUTION_INTRO = re.compile(r"^[^:.!?]{0,160}\b(?:the (?:below|following) (?:is attributable|(?:written |joint )?"
                               r"statement|remarks|readout)|attributable to)\b[^:.!?]{0,160}:\s+(?=(?-i:[A-Z\"“]))",
                               re.IGNORECASE)
PUBLISHED = re.compile(r"\b(?:published|last updated|updated)(?: on)?:?\s*$", re.IGNORECASE)
INNER_OUTLET = re.compile(rf"\((?:{_OUTLET_ALT})\)\s*{_DASH}\s*(?=(?-i:[A-Z\"“‘']))", re.IGNORECASE)


def strip_page_header(text: str) -> str:
    """``text`` without the date stamp, byline and masthead a page prints above its lead when they were run into it,
    up to an outlet's dateline within its first words ("… Hanoi (VNA) – Vietnam …" -> "(VNA) – Vietnam …", for
    :func:`strip_dateline`); ``text`` itself when it does not open so."""
    rest = _without_publisher_header(text)
    stamp = LEADING_STAMP.match(rest)
    if stamp and not (TIME.search(stamp.group(0)) or re.match(rf"(?i:{WEEKDAYS})\b", stamp.group(0))):
        stamp = None  # a date alone opens sentences too ("March 5, 2024 was a landmark day …")
    if stamp and len(rest) - stamp.end() > 20:
        rest = rest[stamp.end():].lstrip(" -–—|")
    if split_datelines(rest)[0]:
        return rest
    inner = INNER_OUTLET.search(rest[:300])
    before = rest[:inner.start()] if inner else ""
    if inner and before.strip() and len(before.split()) <= 25 and not re.search(r"[.!?][\"'”’]?\s", before) \
            and not _names_outlet(before):
        return rest[inner.start():]
    byline = LEADING_BYLINE.match(rest) if stamp else None
    words = rest[byline.end():].split() if byline else []
    for n in range(1, min(len(words), 9)):  # "Reporter: Nguyễn Hoài VietNamNet Global Deputy …": up to a masthead
        for size in (3, 2, 1):
            if _masthead(" ".join(words[n:n + size])) and len(words) > n + size + 3:
                return " ".join(words[n + size:])
    return rest


def _names_outlet(text: str) -> bool:
    """Whether ``text`` ends with an outlet's own name ("… the Vietnam News Agency"): "(VNA) – …" after it is an
    apposition inside a sentence, not a dateline."""
    words = text.split()
    return any(_masthead(" ".join(words[-size:])) for size in (4, 3, 2) if len(words) >= size)


def _without_publisher_header(text: str) -> str:
    """``text`` after a publisher's header that ends with a date (see :data:`HEADER_OPENER`), the "Share Copy Link"
    and "(Transcript …)" after it, and a line that only says who the statement is attributed to."""
    date = FULL_DATE.search(" ".join(text.split()[:40]))
    cut = text.find(date.group(0)) if date else -1
    if cut < 0 or not (HEADER_OPENER.match(text) or PUBLISHED.search(text[:cut])):
        intro = ATTRIBUTION_INTRO.match(text)
        return text[intro.end():] if intro else text
    if re.search(r"[a-z0-9)][.!?][\"'”’]?\s", text[:cut]):  # a sentence ends before it ("J." does not)
        return text
    rest = text[cut + len(date.group(0)):].lstrip(" ,—–-")
    rest = rest[len(m.group(0)):] if (m := AFTER_HEADER_DATE.match(rest)) else rest
    rest = rest[len(m.group(0)):] if (m := ATTRIBUTION_INTRO.match(rest)) else rest
    return rest if len(rest.split()) >= 3 and re.match(r"[A-Z\"“‘(]", rest) else text  # a sentence starts there


PLACE_GLUE = {"de", "da", "do", "du", "of", "and", "la", "le", "el", "al", "upon", "on", "am", "der", "city"}


def _is_place(place: str) -> bool:
    """A dateline's place ("Hanoi", "Rio de Janeiro, March 3", "X" when none is named): capitalised words, not the
    start of a sentence ("The report by the Vietnam News Agency (VNA) – …" is one) nor an outlet's own name."""
    words = re.findall(r"[^\W\d_][\w.'’-]*", place)
    return place[:1].isupper() and all(w[:1].isupper() or w.lower() in PLACE_GLUE for w in words) \
        and not _names_outlet(place)


def dateline_matches(text: str) -> list[re.Match[str]]:
    """The datelines that open ``text`` (see :func:`split_datelines`)."""
    return split_datelines(text)[0]


def strip_dateline(text: str) -> str:
    """``text`` without the datelines that open it ("Hanoi (VNA) –", "(VOVWORLD) -", "NDO –")."""
    return split_datelines(text)[1]


def without_wire_dateline(text: str) -> str:
    """``text`` without the datelines that open it when one names an outlet ("Hanoi (VNA) –", "NDO –", "ABU DHABI,
    March 2 (Reuters) -"): a paragraph row such as "EU - Vietnam trade rose …" keeps its first words."""
    matches, rest = split_datelines(text)
    return rest if any(m.groupdict().get("outlet") for m in matches) else text


FURNITURE_NOTE = "looks like page furniture"


def furniture_note(text: str) -> str | None:
    """The note for a JSONL row whose one-line text is what ingestion leaves out of a page (a photo caption, a
    byline, a related-news link, a share bar …): it is still read, as given, and says so. None for other text."""
    if "\n" in text.strip():
        return None
    reason = classify(text.strip(), True)
    return f"{FURNITURE_NOTE} ({reason}), not article text: pages given as files leave such lines out" \
        if reason else None


def parse_date(text: str) -> str | None:
    """First calendar date in ``text`` as ISO (day-first for numeric dates, as Vietnamese sites write them)."""
    for pattern, order in ((DATE_ISO, "ymd"), (DATE_DMY, "dmy"), (DATE_MDY, "mdy"), (DATE_DMY_TEXT, "dmy")):
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = match.groups()
        try:
            if order == "ymd":
                return date(int(a), int(b), int(c)).isoformat()
            if pattern is DATE_DMY:
                return date(int(c), int(b), int(a)).isoformat()
            if order == "mdy":
                return datetime.strptime(f"{a[:3]} {b} {c}", "%b %d %Y").date().isoformat()
            return datetime.strptime(f"{a} {b[:3]} {c}", "%d %b %Y").date().isoformat()
        except ValueError:
            continue
    return None


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def paragraph_key(text: str) -> str:
    """A paragraph's words, lower-cased: equal keys are exact duplicates."""
    return " ".join(_words(text))


def _is_switcher(line: str) -> bool:
    parts = [p.strip().lower() for p in re.split(r"[|/•·]", line) if p.strip()]
    return len(parts) >= 2 and all(p in LANGUAGES for p in parts)


def _is_timestamp(line: str) -> bool:
    if len(line.split()) > 12:
        return False
    has_date = bool(DATE_DMY.search(line) or DATE_ISO.search(line) or DATE_MDY.search(line)
                    or DATE_DMY_TEXT.search(line))
    has_time = bool(TIME.search(line))
    if not (has_date or has_time):
        return False
    leftover = TIMESTAMP_WORDS.sub(" ", DATE_DMY.sub(" ", DATE_ISO.sub(" ", TIME.sub(" ", line))))
    leftover = DATE_MDY.sub(" ", DATE_DMY_TEXT.sub(" ", leftover))
    leftover_words = [w for w in re.findall(r"[A-Za-z]{3,}", leftover)]
    return len(leftover_words) <= 2


def _short_unpunctuated(line: str, max_words: int) -> bool:
    return len(line.split()) <= max_words and not TERMINAL.search(line)


MASTHEADS = {k.lower() for k in OUTLETS} | {v.lower() for v in OUTLETS.values()} | {
    "the world & vietnam report", "the world and vietnam report", "vietnam news agency", "nhan dan online",
    "vov world", "voice of vietnam", "ministry of foreign affairs", "vietnam law & legal forum", "vietnam.vn",
}


def _masthead(line: str) -> str | None:
    key = line.strip(" *#|-–").lower()
    return key if key in MASTHEADS else None


def is_caption(line: str) -> bool:
    """A photo caption or credit line ("… at the talks. (Photo: VNA) |", "… documents. Photo: VNA"), not a lead that
    opens with a dateline and carries its photo's credit."""
    return bool(CAPTION.search(line)) and len(line.split()) <= 60 and not split_datelines(line)[0]


def lone_dateline(line: str) -> re.Match[str] | None:
    """The dateline when ``line`` is nothing else ("Hanoi (VNA) –" on its own line, above the lead)."""
    text = line.strip()
    for pattern in (DATELINE_PAREN, DATELINE_OUTLET, DATELINE_BARE, DATELINE_CAPS):
        match = pattern.match(text + " ")
        if match and match.end() >= len(text) and re.search(_DASH + r"\s*$", text):
            return match
    return None


def outlet_name(written: str) -> str:
    """The outlet a dateline names, as the project calls it ("NDO/VNA" -> the first, "Nhan Dan")."""
    first = re.split(r"\s*/\s*", written.strip())[0]
    return OUTLETS.get(first.upper(), first)


# notices that are page noise when short (longer, "Copyright protection for films was …" is text)
SHORT_NOTICES = ((COPYRIGHT, 12, "copyright notice"), (WIRE_NOTICE, 30, "wire notice or contributors"),
                 (COOKIES, 40, "cookie notice or navigation"), (PUBLISHER, 25, "publisher line"))
FULL_DATE = re.compile(rf"\b(?:\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})\b",
                       re.IGNORECASE)


def _dated_masthead(line: str) -> bool:
    """A page's masthead line with a date between dashes or bars: "Global Affairs Canada — News release — March 6,
    2024 — Ottawa, Ontario"."""
    return bool(FULL_DATE.search(line)) and len(re.findall(r"\s[—–|]\s", line)) >= 2 and len(line.split()) <= 25


def classify(line: str, seen_body: bool) -> str | None:
    """The reason a line is page noise, or None if it may be content."""
    if _masthead(line):
        return "outlet masthead"
    if re.fullmatch(r"\./\.?", line):
        return "end mark"
    if _is_switcher(line):
        return "language switcher"
    if SOCIAL.match(line):
        return "share/print buttons"
    if TAGS.match(line):
        return "tags line"
    if RELATED_LINK.match(line) and len(line.split()) <= 30:
        return "related link"
    if is_salutation(line):
        return "salutation"
    if FULL_TEXT_HEADING.match(line):
        return "heading"
    for pattern, max_words, reason in SHORT_NOTICES:
        if len(line.split()) <= max_words and pattern.search(line):
            return reason
    if _dated_masthead(line):
        return "page header"
    if _is_timestamp(line):
        return "timestamp"
    if BREADCRUMB.match(line) and len(line.split()) <= 14:
        return "breadcrumb"
    if BYLINE.match(line) and len(line.split()) <= 12:
        return "byline/credit"
    if is_caption(line):
        return "photo caption"
    if re.fullmatch(r"[A-Z][\w.'’ ]{1,40}\s*[-–—|/]\s*(?:VOV ?World|VOV|VNA|NDO|Nhan Dan|VietnamPlus|WVR|VGP)\s*",
                    line):
        return "byline/credit"
    if seen_body and re.fullmatch(r"(?:[A-Z][a-zà-ỹ'’.-]+\s?){1,4}", line) and len(line.split()) <= 4:
        return "byline/credit"
    return None


def without_end_mark(text: str) -> str:
    """``text`` without VNA's closing "./.", ended by a full stop ("… in Hanoi./." and "… in Hanoi../." end "…
    in Hanoi.")."""
    if not END_MARK.search(text):
        return text.strip()
    text = END_MARK.sub("", text).strip()
    return text if TERMINAL.search(text) and not text.endswith((":", ";")) else text + "."


SITE_NAMES = {"gov.uk", "un news", "united nations", "u.s. department of state", "state department", "reuters",
              "ap news", "associated press", "afp", "bbc news", "vietnamplus", "vietnam+", "vietnamnet"}


def without_site(title: str) -> str:
    """A page title without the site's name after a bar or a spaced dash ("Ties deepen | Nhan Dan Online", "UK and
    France agree … - GOV.UK" -> the title alone)."""
    if " | " in title:
        return title.rsplit(" | ", 1)[0]
    head, dash, site = title.rpartition(" - ")
    return head if dash and (site.strip().lower() in SITE_NAMES or _masthead(site)) else title


def _pick_headline(article: Article, candidates: list[tuple[int, str]]) -> None:
    """The longest short line above the body is the headline; the others are section labels."""
    if not candidates:
        return
    best = max(candidates, key=lambda c: (len(c[1].split()) >= 3, len(without_site(c[1]))))
    for number, line in candidates:
        if (number, line) == best:
            article.headline = without_site(line).strip("*# ")
            article.dropped.append((number, "headline (kept as metadata)", line))
        else:
            article.dropped.append((number, "section label", line))
    candidates.clear()


def split_blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Group (line number, text) into blank-line-delimited blocks."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines, start=1):
        if line:
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def ingest_text(text: str, doc_id: str, path: str = "<text>") -> Article:
    """Parse one raw article."""
    article = Article(doc_id=doc_id, path=path)
    lines = normalise(text).split("\n")
    blocks = split_blocks(lines)
    units: list[tuple[int, str]] = []
    for block in blocks:
        current: tuple[int, str] | None = None
        for number, line in block:
            if current is None:
                current = (number, line)
            elif not TERMINAL.search(current[1]) and line[:1].islower():
                current = (current[0], f"{current[1]} {line}")  # a hard-wrapped paragraph
            else:
                units.append(current)
                current = (number, line)
        if current:
            units.append(current)

    in_tail = False
    seen_body = False
    last_kept: int | None = None  # the line of the unit just before, when it was kept as a paragraph
    before_body: list[tuple[int, str]] = []
    for number, line in units:
        if in_tail:
            article.dropped.append((number, "related-news tail", line))
            continue
        if TAIL_HEADINGS.match(line):
            in_tail = True
            article.dropped.append((number, "related-news tail", line))
            continue
        if (lone := lone_dateline(line)) and not seen_body:
            article.dateline = lone.group(0).strip(" -–—")
            if lone.groupdict().get("outlet"):
                article.outlet = outlet_name(lone.group("outlet"))
            article.dropped.append((number, "dateline (kept as metadata)", line))
            continue
        if not seen_body and (lead := strip_page_header(line)) != line:
            header = line[:len(line) - len(lead)]
            article.date = article.date or parse_date(header)
            article.dropped.append((number, "page header run into the lead", header.strip()))
            line = lead
        if PHOTO_CREDIT.search(line) and split_datelines(line)[0]:  # "Hanoi (VNA) – … energy. (Photo: VNA)":
            line = PHOTO_CREDIT.sub("", line)                          # a lead with its photo credit, not a caption
        reason = classify(line, seen_body)
        above = article.paragraphs[-1] if article.paragraphs and article.paragraphs[-1].line == last_kept else None
        if BARE_CREDIT.match(line) and above and len(above.text.split()) <= 25 and not split_datelines(above.raw)[0]:
            caption = article.paragraphs.pop()  # the short line just above a credit standing alone is its caption
            article.dropped.append((caption.line, "photo caption (its credit follows)", caption.raw))
        last_kept = None
        if reason == "timestamp" and article.date is None:
            article.date = parse_date(line)
        if reason is None and not seen_body and _short_unpunctuated(line, 30) and not QUESTION_PREFIX.match(line) \
                and not PROMPT.match(line):
            before_body.append((number, line))  # headline or section label: decided at the first paragraph
            continue
        if reason is None and _short_unpunctuated(line, 8) and not line.rstrip("* ").endswith("?"):
            reason = "short line without a sentence (heading, label or credit)"
        if reason is not None:
            article.dropped.append((number, reason, line))
            continue
        raw = line
        body = line
        if not seen_body or article.dateline is None:
            matches, body = split_datelines(body)
            for match in matches:
                article.dateline = " – ".join(filter(None, (article.dateline, match.group(0).strip(" -–—"))))
                outlet = match.groupdict().get("outlet")
                if outlet and article.outlet is None:
                    article.outlet = outlet_name(outlet)
                if article.date is None:
                    article.date = parse_date(match.group(0))
        body = without_end_mark(body)
        question = bool(QUESTION_PREFIX.match(body) or PROMPT.match(body)) or (
            body.endswith("?") and len(body.split()) <= 60 and body.startswith("**"))
        body = QUESTION_PREFIX.sub("", body) if question else ANSWER_PREFIX.sub("", body)
        body = body.strip("* ").strip()
        if not body:
            article.dropped.append((number, "empty after cleaning", line))
            continue
        if not seen_body:
            _pick_headline(article, before_body)
        seen_body = True
        article.paragraphs.append(Paragraph(body, number, question or body.endswith("?") and len(body) < 400,
                                            raw))
        last_kept = number
    if not seen_body:
        _pick_headline(article, before_body)
    if article.outlet is None:
        for _, reason, line in article.dropped:
            if reason in ("byline/credit", "photo caption", "outlet masthead"):
                for key, name in OUTLETS.items():
                    if re.search(rf"\b{re.escape(key)}\b", line, re.IGNORECASE):
                        article.outlet = name
                        break
            if article.outlet:
                break
    return article


def ingest_document(text: str, doc_id: str, label: str) -> Article:
    """Ingest one document whose kind (.html/.md/plain) is told by the suffix of ``label`` (or, for plain text and
    standard input, by markup that opens it as HTML)."""
    if not text.strip():
        raise NoTextError(f"{label}: empty file")
    published, own = None, False
    if label.lower().endswith((".html", ".htm")) or (not label.lower().endswith(".md") and looks_like_html(text)):
        text, (published, own) = html_page(text)
    elif label.lower().endswith(".md"):
        text = markdown_to_text(text)
    article = ingest_text(text, doc_id, label)
    date = published and (parse_date(published[:10]) or parse_date(published))  # "2022-12-14T08:00+07:00"
    if date and (own or article.date is None):  # the page's own date beats a "today" line in its header
        article.date = date
    if not article.paragraphs:
        raise NoTextError(f"{label}: no paragraphs of text found (every line looked like page noise)")
    return article


def ingest_path(path: Path, doc_id: str | None = None) -> Article:
    """One page as an article whose doc_id is ``doc_id`` (default: the file's stem; see :func:`doc_ids`)."""
    if path.suffix.lower() not in SUFFIXES:
        raise DataError(f"{path}: unsupported file type '{path.suffix}' (use {', '.join(SUFFIXES)})")
    return ingest_document(read_text(path), path.stem if doc_id is None else doc_id, str(path))


def _under(folders: tuple[str, ...], k: int, name: str) -> str:
    """``name`` under the last ``k`` of ``folders`` (``trade/index``)."""
    return "/".join((*folders[len(folders) - min(k, len(folders)):], name))


def doc_ids(paths: Sequence[Path]) -> list[str]:
    """A doc_id for each of one command's pages, unique among them: the file's stem when no other page has that
    stem, else the stem under as few of its folders as tell those pages apart (``trade/index`` and ``visa/index``
    for ``2024/trade/index.html`` and ``2024/visa/index.html``), else the file name under them (``x.txt`` and
    ``x.html``); a file given twice gets ``#2``, ``#3``."""
    by_stem: dict[str, list[int]] = {}
    for i, path in enumerate(paths):
        by_stem.setdefault(path.stem, []).append(i)
    ids = [path.stem for path in paths]
    for group in (g for g in by_stem.values() if len(g) > 1):
        full = [Path(os.path.abspath(paths[i])) for i in group]
        folders = [f.relative_to(f.anchor).parts[:-1] for f in full]
        depth = max(map(len, folders))
        levels = [[_under(d, k, f.stem) for d, f in zip(folders, full)] for k in range(depth + 1)]
        levels += [[_under(d, k, f.name) for d, f in zip(folders, full)] for k in range(depth + 1)]
        files = len(set(full))
        names = next((level for level in levels if len(set(level)) == files), levels[-1])
        seen: Counter[str] = Counter()
        for i, name in zip(group, names):
            seen[name] += 1
            ids[i] = name if seen[name] == 1 else f"{name}#{seen[name]}"
    taken: Counter[str] = Counter()  # a name one group made may be another page's stem ("x.txt" and "x.txt.html")
    for i, name in enumerate(ids):
        taken[name] += 1
        if taken[name] > 1:
            ids[i] = f"{name}#{taken[name]}"
    return ids


# what marks a page diplo-ml wrote (a brief, a run report): never read back as a news article
GENERATOR_HTML = '<meta name="generator" content="diplo-ml">'
GENERATOR_MARKDOWN = "<!-- generator: diplo-ml -->"


def written_by_diplo(path: Path) -> bool:
    """Whether ``path`` is a brief or report diplo-ml wrote (an HTML or Markdown page with its marker in the first
    few kilobytes)."""
    if path.suffix.lower() not in (".html", ".htm", ".md"):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return GENERATOR_HTML.encode() in head or head.lstrip().startswith(GENERATOR_MARKDOWN.encode())


def expand_inputs(inputs: Iterable[str | Path], suffixes: tuple[str, ...] = SUFFIXES) -> list[Path]:
    """Files as given (each must exist); folders expanded to the article files they hold, with one line on stderr
    counting the other files left out (images, data files, broken links). Briefs and reports diplo-ml wrote (an
    earlier brief saved among the articles) are left out with a note."""
    paths = _expand(inputs, suffixes)
    own = [p for p in paths if written_by_diplo(p)]
    if own:
        print(f"note: {len(own)} page(s) diplo-ml wrote itself (briefs, reports) left out of the articles (first: "
              f"{own[0]})", file=sys.stderr)
        paths = [p for p in paths if p not in own]
        if not paths:
            raise DataError(f"{own[0]}: a page diplo-ml wrote, not a news article; give the articles")
    return paths


def read_pages(paths: list[Path], leave_out: type[Exception] = NoTextError) -> tuple[list[Article], list[str]]:
    """Each page ingested; among several, a page that raises ``leave_out`` is left out and its reason returned. One
    such page given alone is its own error; only such pages is one error naming the first."""
    articles, left_out = [], []
    for path, doc_id in zip(paths, doc_ids(paths)):
        try:
            articles.append(ingest_path(path, doc_id))
        except leave_out as error:
            if len(paths) == 1:
                raise
            left_out.append(str(error))
    if left_out and not articles:
        raise DataError(f"none of the {len(paths)} pages could be read (first: {left_out[0]})")
    return articles, left_out


def ingest_pages(paths: list[Path]) -> list[Article]:
    """Each page ingested; among several, a page with no text (empty, all page noise) is left out with one warning
    counting such pages, as ``predict`` does."""
    articles, left_out = read_pages(paths)
    if left_out:
        print(f"warning: {len(left_out)} of {len(paths)} pages left out, they hold no text (first: {left_out[0]})",
              file=sys.stderr)
    return articles


def _expand(inputs: Iterable[str | Path], suffixes: tuple[str, ...]) -> list[Path]:
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            entries = sorted(p for p in path.rglob("*") if not p.is_dir())
            found = [p for p in entries if p.suffix.lower() in suffixes and p.is_file()]
            if not found:
                raise DataError(f"{path}: no articles in this folder (looked for {', '.join(suffixes)} files)")
            kept = set(found)
            skipped = [p for p in entries if p not in kept]
            if skipped:
                print(f"note: {path}: {len(skipped)} file(s) left out, not {'/'.join(suffixes)} articles or not "
                      f"readable (first: {skipped[0].relative_to(path)})", file=sys.stderr)
            paths.extend(found)
        elif not path.is_file():
            raise DataError(not_a_file(path))
        else:
            paths.append(path)
    return paths
