"""What kind of piece a page is, where its page says so: an opinion piece (an op-ed, a column, a commentary, an
editorial, an analysis), whose summary opens on its thesis rather than on its first statement.

Read from the lines ingestion set aside (a breadcrumb that ends in the section, a kicker in capitals, a label before
the title, the page's address) and from a feed's or scraper's row (its section, category or address). Not from a
site's menu, which names its opinion section on every page ("Home Politics Opinion Life"), nor from a lone
"Opinion" line, which is a menu's item as often as a kicker (read 92, and the news pages of reads 42 to 91)."""

from __future__ import annotations

import re
from typing import Any

from diplo_ml.data.article import Article
from diplo_ml.data.headlines import is_menu

OPINION = "opinion"  # the kind a summariser's context names ("kind": "opinion")

_WORD = (r"(?:opinions?|commentar(?:y|ies)|op-?eds?|editorials?|columns?|columnists?|viewpoints?|analysis"
         r"|analyses|essays?)")
# a kicker or a section label in capitals, alone or beside a topic or the outlet: "OPINION", "COMMENTARY",
# "OPINION · SUPPLY CHAINS", "Analysis | Vietnam", "PACIFIC BUSINESS REVIEW | OPINION", "SEAPF COMMENTARY | No. 37"
KICKER = re.compile(rf"^(?:(?-i:[A-Z][A-Z&.' ]{{1,40}}) )?(?-i:(?:OPINION|COMMENTARY|EDITORIAL|OP-ED|ANALYSIS|COLUMN"
                    rf"|VIEWPOINT)S?)$|^{_WORD}\s*[|·•]\s*\S|\S\s*[|·•]\s*{_WORD}$", re.IGNORECASE)
# a label before a title, or the section inside a page's title: "Commentary: Economic diplomacy must …", "Opinion |
# Vietnam's trade edge …", "1. Commentary: Labour diplomacy …", "Subject: Fwd: [Outlet] Opinion: …", "Ambassador's
# op-ed: …", "Balancing is not sitting on the fence - Opinion - Vietnam News", "Commentary by Thu Hằng"
TITLE_LABEL = re.compile(rf"^(?:subject:\s*)?(?:(?:re|fwd?|tr):\s*)*(?:\[[^\]]{{1,40}}\]\s*)?(?:\d{{1,2}}\.\s+)?"
                         rf"(?:[\w’'-]+['’]s )?{_WORD}\s*(?::|\|)\s*\S"
                         rf"|\s[-–—|]\s{_WORD}\s[-–—|]\s"
                         # (a byline's label: "Commentary by Thu Hằng"; not "Essays by Vietnamese students win …",
                         # "Analysis by ADB finds …", a review found)
                         rf"|^{_WORD} by (?-i:[A-ZÀ-Ỹ][\w.'’-]*)(?: (?-i:[A-ZÀ-Ỹ][\w.'’-]*)){{0,3}}$", re.IGNORECASE)
# the section a breadcrumb ends in: "Home / Opinion", "Home > Politics > Opinion", "Opinion > Editorials",
# "Home » Business » Opinion", "Opinion › Commentary" (not "News › Perspectives": a site's features and interviews)
CRUMB_END = re.compile(rf"[/>›»|]\s*{_WORD}\s*$", re.IGNORECASE)
# a page's address in an opinion section: "https://vietnamnews.vn/opinion/1702931/…", "…/commentary/…"
ADDRESS = re.compile(r"https?://\S+?/(?:opinion|opinions|commentary|commentaries|op-?eds?|editorials?|columns?"
                     r"|viewpoints?)/", re.IGNORECASE)
# a Markdown clipping's front matter naming the page's section: "section: Opinion", "categories: [Commentary, Asia]"
FRONT_SECTION = re.compile(r"^(?:section|category|categories|kicker|rubric)\s*:\s*(.+)$", re.IGNORECASE)
NOT_LABELS = ("menu", "related", "share", "tags", "comment")  # (reasons of lines that name other pages' sections)
ROW_FIELDS = ("section", "category", "categories", "kicker", "label", "type", "kind", "section_name", "rubric",
              "url", "link", "canonical", "permalink")


def _labels(line: str) -> bool:
    text = line.strip()
    return bool(KICKER.match(text) or TITLE_LABEL.search(text) or ADDRESS.search(text)
                or (CRUMB_END.search(text) and not is_menu(text)))


def _crumbs(line: str) -> list[str]:
    return [crumb.strip() for crumb in re.split(r"\s[/>›»|]\s", line)]


def _through_the_section(line: str) -> bool:
    """A breadcrumb whose last two crumbs hold the section ("Opinion › Academia"), not a menu of a site's sections
    ("Home / News / Politics / Opinion / Business / Life", which a page may set aside as its breadcrumb, a review
    found)."""
    crumbs = _crumbs(line)
    return not is_menu(line) and any(re.fullmatch(_WORD, c, re.IGNORECASE) for c in crumbs[-2:])


# a section's own name for opinion, in a page's HTML or front matter: not "Analysis" (a news report's category as often,
# a review found), which a kicker in capitals or a label before a title may still say
_OPINION_WORD = r"(?:opinions?|commentar(?:y|ies)|op-?eds?|editorials?|columns?|columnists?|viewpoints?)"


def _names_the_section(value: str) -> bool:
    """Whether a section's name that a page's HTML or front matter gives names the opinion section: "Opinion",
    "Op-Ed", "Opinion & Analysis", "World, Commentary", "OPINION · TRADE"; a breadcrumb ("Home > Opinion >
    Columns") through it."""
    if re.search(r"\s[/>›»]\s", value):
        return _through_the_section(value) or bool(CRUMB_END.search(value) and not is_menu(value))
    parts = re.split(r"\s*(?:[,;|·•&]|\band\b)\s*", value.strip(" []\"'"))
    return any(re.fullmatch(rf"[\"']?{_OPINION_WORD}[\"']?", part, re.IGNORECASE) for part in parts) \
        or bool(TITLE_LABEL.search(value) or ADDRESS.search(value))


def page_kind(article: Article) -> str | None:
    """:data:`OPINION` where a line the page set aside labels it as an opinion piece (not a menu's, a related
    list's or a tag's line), or its breadcrumb passes through the section ("Opinion › Academia", read 96), or its
    HTML or front matter names the section (:mod:`diplo_ml.data.page_sections`; "section: Opinion"); else None."""
    if any(_names_the_section(section) for section in article.sections):
        return OPINION
    for _, reason, text in article.dropped:
        if not any(word in reason for word in NOT_LABELS) and len(text) <= 200 and (
                _labels(text) or ("breadcrumb" in reason and _through_the_section(text))
                or (reason.startswith("front matter") and bool(front := FRONT_SECTION.match(text))
                    and _names_the_section(front.group(1)))):
            return OPINION
    return OPINION if article.headline and TITLE_LABEL.search(article.headline) else None


def row_kind(record: dict[str, Any]) -> str | None:
    """:data:`OPINION` where a row's section, category or address names an opinion section ({"section":
    "Opinion"}, {"categories": ["Commentary"]}, {"url": "https://…/opinion/…"}); else None."""
    for key in ROW_FIELDS:
        value = record.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and (re.fullmatch(rf"\s*{_WORD}\s*", item, re.IGNORECASE) or _labels(item)):
                return OPINION
    return None
