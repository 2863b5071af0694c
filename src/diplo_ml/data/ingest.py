"""Raw web articles (.txt, .md, .html, .pdf) -> clean paragraphs with metadata.

Each non-empty line is classified: noise (language switchers, breadcrumbs, timestamps,
bylines, photo captions, share buttons, "Related news" tails) is dropped with a reason;
the headline, date, outlet and dateline become metadata; interview questions are marked;
the "./." end mark is stripped. Lines of one block are joined when a paragraph was
hard-wrapped. Exact and near duplicate paragraphs are removed and counted. Which lines are noise is
:mod:`diplo_ml.data.page_noise`'s to say; datelines, dates and page headers are :mod:`diplo_ml.data.datelines`'.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplo_ml.data.datelines import (
    FULL_NAMES,
    OUTLET_PATTERN,
    OUTLETS,
    lone_dateline,
    marks_a_lead,
    masthead,
    outlet_name,
    parse_date,
    split_datelines,
    strip_page_header,
    yearless_date,
)
from diplo_ml.data.line_joins import capitals, hard_wrapped, paragraph_lines, split_blocks, unquoted
from diplo_ml.data.mail import forwarded_mail
from diplo_ml.data.page_noise import (
    ANSWER_PREFIX,
    BARE_CREDIT,
    BYLINE,
    END_MARK,
    FOOTNOTE,
    FOOTNOTE_MARK,
    FULL_TEXT_OF,
    OFFICE_TITLES,
    PHOTO_CREDIT,
    PICTURED,
    PROMPT,
    QUESTION_PREFIX,
    SITE_NAMES,
    SITE_WELCOME,
    SOURCE_CREDIT,
    SPEAKER,
    STORY_NOTE,
    TAIL_HEADINGS,
    classify,
    comment_block,
    copy_date_line,
    credited_caption,
    not_a_standfirst,
    page_furniture,
    short_unpunctuated,
    split_site,
    without_end_mark,
    without_site,
)
from diplo_ml.data.page_text import (
    NEWS_VERB,
    MarkdownPage,
    html_page,
    looks_like_html,
    normalise,
    read_text,
    unfold_columns,
)
from diplo_ml.data.pdf_text import pdf_text
from diplo_ml.errors import DataError, NoTextError
from diplo_ml.files import not_a_file
from diplo_ml.text import split_sentences, strip_diacritics

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
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
    lead_line: int | None = None  # the source line of the paragraph under a dateline that marks a lead
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
        lead = self.lead_line if self.lead_line is not None else 0  # not a teaser or key points above a dated lead
        paragraphs = [p for p in self.paragraphs if p.line >= lead or not not_a_standfirst(p.text)]
        if not any(p.question for p in paragraphs):
            return "\n\n".join(p.text for p in paragraphs)
        answers = "\n\n".join(SPEAKER.sub("", p.text, count=1) for p in paragraphs if not p.question)
        # a page of questions only: the summariser reads them and finds no statement (an empty summary with a note)
        return answers if answers.strip() else "\n\n".join(p.text for p in paragraphs)


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def paragraph_key(text: str) -> str:
    """A paragraph's words, lower-cased: equal keys are exact duplicates."""
    return " ".join(_words(text))


def _without_suffix(title: str, lines: list[str]) -> str:
    """A page ``<title>`` without the site or section it appends to the article's own heading, given among ``lines``
    ("PM meets Korean leaders - VnExpress International" beside "PM meets Korean leaders" -> the latter)."""
    for line in sorted(lines, key=len, reverse=True):
        rest = title[len(line):] if len(line.split()) >= 3 and title.startswith(line) else ""
        if re.match(r"\s*[-–—|:]\s+\S", rest):
            return line
    return title


# a wire service's tag before its headline: "(LEAD) N. Korea fires …", "(URGENT) …", "(2nd LD) …"
WIRE_TAG = re.compile(r"^\((?:LEAD|URGENT|UPDATE|\d+(?:st|nd|rd|th) LD|ATTN[^)]{0,60})\)\s*", re.IGNORECASE)


# a page's title that ingestion would otherwise take for something else: a question ("Is Viet Nam's economic diplomacy
# paying off?", "Commentary: Why is …?"), "Full text of the Joint Statement …", "VIDEO: Vietnamese peacekeepers …"
TITLE_LINE = re.compile(rf"^(?:(?i:{FULL_TEXT_OF})|(?:VIDEO|Video|WATCH|Watch)\s*:\s*[A-Z])")
# a site's or an organisation's name, nothing else: "Embassy of the Socialist Republic of Viet Nam in the Republic of
# Korea", "Ministry of Foreign Affairs of Viet Nam" (not "Embassy of Vietnam holds Tet gathering")
SITE_NAME = re.compile(r"^(?:The )?(?:Embassy|Consulate(?: General)?|(?:Permanent )?Mission|Ministry|Office|Department"
                       r"|Delegation)\b(?:\s+(?:[A-Z][\w.'’&-]*|of|the|in|to|and|for|at|on|&))*$")


# a page's contact line: "Hotline for citizen protection: +82 10 5555 0123", "Email: consular@…"
CONTACT = re.compile(r"\+?\d[\d\s().-]{7,}\d|[\w.-]+@[\w-]+\.\w")  # a telephone number or an e-mail address


# a page's date line, however long its note: "Delivered on: 19 March 2026 (Transcript of the speech, exactly as …)"
PUBLISHED_LINE = re.compile(r"^(?:(?i:published|delivered on|last updated|updated|posted)(?: on)?:?\s+"
                            r"(?=\d|[A-Z][a-z]+ \d)"
                            # a release's date alone: "For immediate release: 6 November 2025"
                            r"|(?i:for immediate release):?\s+"
                            r"(?=(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2},?) \d{4}\s*$))")


# the label of an opinion page, above a title that may be a question ("Commentary" / "Is Viet Nam's economic
# diplomacy paying off?"); an interview's or a FAQ's first question is no title
OPINION_LABEL = re.compile(r"^(?:opinion|commentary|analysis|editorial|viewpoint|perspectives?|column|op-ed|comment)$",
                           re.IGNORECASE)


def _title_line(line: str, reason: str | None, above: list[tuple[int, str]]) -> bool:
    """A line above the body that is the page's title though it ends in "?" (under an opinion page's label, see
    :data:`OPINION_LABEL`) or reads as a heading or media link (see :data:`TITLE_LINE`)."""
    text = line.strip()
    question = text.endswith("?") and 3 <= len(text.split()) <= 20 and not text.startswith("**") \
        and not QUESTION_PREFIX.match(text) and not PROMPT.match(text) and reason is None \
        and any(OPINION_LABEL.match(label.strip("*_# ")) for _, label in above)
    return question or (bool(TITLE_LINE.match(text)) and short_unpunctuated(text, 30))


# the rest of a title that a page's width broke inside a name: "Keynote speech by Prime Minister Pham Minh" / "Chinh at
# the 9th Mekong-Japan Summit"
WRAPPED_NAME = re.compile(r"^[A-Z][\w'’-]*\s+(?:at|in|on|of|to|for|with|from|during)\s")


# a speech's or statement's title block: "STATEMENT by H.E. Ambassador …" / "Permanent Representative of Viet Nam to
# the United Nations at …": the speaker's title and office go on the first line (not a headline below a label:
# "Statement by the Foreign Secretary" / "UK condemns …")
SPEAKERS_TITLE = re.compile(r"^(?i:statement|remarks|speech|address|keynote (?:speech|address)|intervention"
                            r"|message|opening remarks|closing remarks)\s+(?i:by)\s+\S")
OFFICE = re.compile(r"^(?:(?:UK|US|U\.S\.|EU|Viet Nam['’]s|[A-Z][a-z]+['’]s) )?"  # "UK Permanent Representative …"
                    rf"(?:Permanent Representative|Deputy Permanent Representative|Deputy|Vice|Head|Chair"
                    rf"|Prime Minister|Foreign Minister|Charg[ée] d['’]Affaires|{OFFICE_TITLES})\b(?!['’]s)")


TITLE_GLUE = {"of", "to", "the", "and", "for", "at", "on", "in", "a", "an", "de", "du"}  # an office's small words
OCCASION = re.compile(r"^(?i:at|on|before|to|during)\s")


SPEAKERS_LABEL = re.compile(r"^(?i:statement|remarks|speech|address|keynote speech|keynote address|intervention"
                            r"|message|opening remarks|closing remarks)$")


def _speakers_label(candidates: list[tuple[int, str]]) -> None:
    """A title block's lone label and the "by …" line right below it as one line ("STATEMENT" / "BY H.E. AMBASSADOR
    …" -> "STATEMENT BY H.E. AMBASSADOR …"), so that the speaker's line is no byline, where a line goes on below."""
    numbers = {number for number, _ in candidates}
    for (number, label), (below, line) in zip(list(candidates), list(candidates)[1:]):
        if SPEAKERS_LABEL.match(label.strip("*# ")) and below == number + 1 and re.match(r"(?i:by)\s+\S", line) \
                and below + 1 in numbers:  # the block goes on: the speaker's office (not "MESSAGE" / "BY …" / "")
            candidates[candidates.index((number, label))] = (number, f"{label.strip('*# ')} {line}")
            candidates.remove((below, line))


# a note on a speech's text under its title: "CHECK AGAINST DELIVERY", "AS DELIVERED", "UNOFFICIAL TRANSLATION"
DELIVERY_NOTE = re.compile(r"^\(?(?i:(?:please )?check against delivery|as delivered|(?:unofficial )?translation"
                           r"|original:? \w+|embargoed\b.*)\)?$")


def _capitals_speakers_title(candidates: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A speaker's title block in capitals ("STATEMENT BY H.E. …" / "PERMANENT REPRESENTATIVE …" / "AT THE …"): the
    "BY" line and the capitals lines right below it; [] where the page has none."""
    ordered = sorted(candidates)
    for i, (number, line) in enumerate(ordered):
        if SPEAKERS_TITLE.match(line) and capitals(line):
            block = [(number, line)]
            for below in ordered[i + 1:]:
                if below[0] - block[-1][0] > 2 or not capitals(below[1]) or len(block) >= 6 \
                        or DELIVERY_NOTE.match(below[1]):  # (a merged label's gap; not "CHECK AGAINST DELIVERY")
                    break
                block.append(below)
            return block if len(block) > 1 else []
    return []


def _speakers_title(candidates: list[tuple[int, str]], best: tuple[int, str], before: list[tuple[int, str]],
                    after: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]],
                                                           tuple[int, str]]:
    """A speaker's title block (:data:`SPEAKERS_TITLE`) over lines: the "… by" line, then the office lines right
    below it (in title case) and the occasion's ("At the …"), none with a news verb, as one headline (``before``,
    ``after`` and ``best`` for it); the arguments where the block is not so."""
    if before or after:
        return before, after, best
    ordered = sorted(candidates)
    for i, (number, line) in enumerate(ordered):
        if not SPEAKERS_TITLE.match(line):
            continue
        block = [(number, line)]
        for below in ordered[i + 1:]:
            title = re.split(r"\s(?:at|on|before|during)\s", below[1], maxsplit=1)[0]  # (the occasion run into it)
            office = OFFICE.match(below[1]) and all(w in TITLE_GLUE for w in re.findall(r"\b[a-z][\w'’-]*", title)) \
                and re.search(r"\b(?:of|to|for)\b", title)  # an office of something, not "President Luong Cuong on …"
            occasion = OCCASION.match(below[1])  # "At the 80th session …"
            if below[0] - block[-1][0] > 4 or not (office or occasion) or NEWS_VERB.search(below[1]):
                break
            block.append(below)
        if len(block) > 1 and best in block:
            return block[:1], block[2:], block[1]
    return before, after, best


# what an uncredited photo caption shows: office holders at an occasion ("Deputy Prime Minister … and Lao Deputy Prime
# Minister … at the talks in Vientiane on March 3"), shaking hands or posing for a photo
CAPTION_SCENE = re.compile(r"\b(?:(?:at|during|after) (?:the|a|their) (?:\w+ ){0,2}(?:talks|meeting|ceremony"
                           r"|reception|signing|event|session|press conference|courtesy call)|on the sidelines of"
                           r"|shake hands|shaking hands|pose for|posing for)\b")
# (its own list, narrower than OFFICE_TITLES: a verbless headline names a mayor or a commissioner "on the sidelines
# of …" as often as a caption does)
HOLDER = re.compile(r"\b(?:Minister|PM|President|Ambassador|Secretary|Chairman|Chairwoman|Chairperson|Governor|Director"
                    r"|Premier|King|Queen|Prince|Princess|Chancellor|Speaker)\b")


# what a headline's holder does, in a headline's present tense
HEADLINE_VERB = re.compile(r"\b(?:meets|receives|holds|hosts|visits|attends|chairs|signs|calls|urges|says|announces"
                           r"|launches|opens|joins|discusses|agrees|pledges|vows|seeks|backs|hails|thanks)\b")


def _scene_caption(candidate: tuple[int, str], candidates: list[tuple[int, str]]) -> bool:
    """A caption line under the headline with no credit: office holders in a scene (:data:`CAPTION_SCENE`), no verb of a
    news sentence, not ended with a full stop, right below a line of four words or more that is no such line."""
    number, line = candidate
    if not (CAPTION_SCENE.search(line) and HOLDER.search(line)) or NEWS_VERB.search(line) \
            or line.rstrip().endswith(".") or HEADLINE_VERB.search(line):  # "… meets Lao counterpart on the sidelines"
        return False
    return any(n == number - 1 and len(c.split()) >= 4 and not CAPTION_SCENE.search(c) for n, c in candidates)


def _joined_title(parts: list[str]) -> str:
    """A title's lines as one: a speaker's office after a comma, an occasion in lower case ("Statement by H.E. …,
    Permanent Representative … at the …"); other titles' lines joined by a space."""
    if len(parts) < 2 or not SPEAKERS_TITLE.match(parts[0]) or capitals(parts[0]):
        return " ".join(parts)
    title = parts[0]
    for part in parts[1:]:
        title += f" {part[0].lower()}{part[1:]}" if OCCASION.match(part) else f", {part}" if OFFICE.match(part) \
            else f" {part}"  # (a name's end a page's width broke off: "… Pham Minh" / "Chinh at …")
    return title


def _names_site(line: str) -> bool:
    return bool(SITE_NAME.match(line.strip("*# ")))


def _drop_candidates(article: Article, candidates: list[tuple[int, str]], lines: list[tuple[int, str]],
                     reason: str) -> None:
    """Take ``lines`` out of the headline's ``candidates``, each dropped with ``reason``."""
    for number, line in lines:
        article.dropped.append((number, reason, line))
        candidates.remove((number, line))


def _pick_headline(article: Article, candidates: list[tuple[int, str]]) -> None:
    """The longest short line above the body is the headline; the others are section labels."""
    def drop(test: Callable[[str], object], reason: str) -> None:
        _drop_candidates(article, candidates, [c for c in candidates if test(c[1])], reason)

    _speakers_label(candidates)
    drop(PICTURED.search, "photo caption")  # "… (right) and … at the meeting"
    _drop_candidates(article, candidates, [c for c in candidates if _scene_caption(c, candidates)], "photo caption")
    drop(lambda line: is_menu(line) or SITE_WELCOME.match(line), "navigation menu, table row or site banner")
    others = [c for c in candidates if _names_site(c[1]) or CONTACT.search(c[1])]
    if len(others) < len([c for c in candidates if len(c[1].split()) >= 2]):  # only when another line may be it
        # ("Embassy of … in the Republic of Korea" / "NOTICE ON CITIZEN PROTECTION")
        _drop_candidates(article, candidates, others, "site name or contact line")
    drop(lambda line: line.rstrip("*_ ").endswith(","), "salutation")  # "Your Excellency …,"
    for _, line in [c for c in candidates if PUBLISHED_LINE.match(c[1])]:
        article.date = article.date or parse_date(line)
    drop(PUBLISHED_LINE.match, "timestamp")
    drop(lambda line: BYLINE.match(line) or WRITERS.match(line), "byline/credit")
    # an epigraph under the headline: a quoted sentence and who said it ("“Vietnam wants to be friends …” — …")
    epigraphs = [c for c in candidates if EPIGRAPH.match(c[1]) and any(
        o[0] < c[0] and len(o[1].split()) >= 3 and not EPIGRAPH.match(o[1]) for o in candidates)]
    _drop_candidates(article, candidates, epigraphs, "epigraph")
    if not candidates:
        return
    best = max(candidates, key=lambda c: (len(c[1].split()) >= 3, len(without_site(c[1]))))
    if len(best[1].split()) < 2:  # a word alone ("Politics") is a section's label: the page shows no headline
        best = (-1, "")
    # a title in capitals over several lines: "CHAIRMAN'S STATEMENT" / "ON THE SITUATION IN MYANMAR", "JOINT STATEMENT"
    # / "ON THE ESTABLISHMENT OF A COMPREHENSIVE PARTNERSHIP BETWEEN" / "THE SOCIALIST REPUBLIC …" (not a label:
    # "PRESS RELEASE" / "MALAYSIA CONDEMNS …")
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    if capitals(best[1]):
        for line_above in reversed([c for c in candidates if c[0] < best[0]]):
            top = (before or [best])[0]
            if not (capitals(line_above[1]) and top[0] - line_above[0] <= (2 if not before else 1)
                    and (GOES_ON.match(top[1]) or CAPITALS_GO_ON.search(line_above[1]))):
                break
            before.insert(0, line_above)
        for line_below in [c for c in candidates if c[0] > best[0]]:
            end = (after or [best])[-1]
            if not (capitals(line_below[1]) and line_below[0] - end[0] == 1
                    and (CAPITALS_GO_ON.search(end[1]) or GOES_ON.match(line_below[1]))):  # ("…" / "BETWEEN …")
                break
            after.append(line_below)
    block = _capitals_speakers_title(candidates)
    before, after, best = ([], block[1:], block[0]) if block else _speakers_title(candidates, best, before, after)
    below = next((c for c in candidates if c[0] == best[0] + 1), None)
    rest = below if below and len(best[1].split()) >= 5 and not capitals(best[1]) \
        and re.search(r"\s[A-Z][\w'’-]*\s[A-Z][\w'’-]*$", best[1]) and WRAPPED_NAME.match(below[1]) else None
    after += [rest] if rest and rest not in before + after else []
    for number, line in candidates:
        if (number, line) in before + after:
            article.dropped.append((number, "headline (kept as metadata)", line))
        elif (number, line) == best:
            headline = _without_suffix(without_site(line), [c for _, c in candidates]).strip("*# ")
            headline = _joined_title([*(c[1].strip("*# ") for c in before), headline,
                                      *(c[1].strip("*# ") for c in after)])
            article.headline = WIRE_TAG.sub("", headline)
            article.dropped.append((number, "headline (kept as metadata)", line))
        else:
            article.dropped.append((number, "section label", line))
    candidates.clear()


BY_LENGTH = sorted((OUTLETS | FULL_NAMES).items(), key=lambda item: -len(item[0]))
MENU_SEPARATORS = re.compile(r"\s[|»›•·/]\s")
# who wrote it, as a line of its own: "VNA correspondents", "Staff writers"
WRITERS = re.compile(r"^(?:[A-Z]{2,8}|Staff)\s+(?i:correspondents?|reporters?|writers?)$")  # (not "Foreign
# correspondents", a headline)


def is_menu(line: str) -> bool:
    """A site's navigation or a table's row, not a headline: four or more separated items of up to three words each
    ("Home | Politics | Business | World", "Politics & Law » Economy » Society"), a numbered row of three or more cells
    ("2 | Agreement on … | Secretary, Ministry of …"), four or more items of up to four words after "Home", or
    "Home" and capitalised words only ("Home News Current Affairs Culture Video")."""
    items = [item.strip() for item in MENU_SEPARATORS.split(line.strip())]
    if len(items) >= 4 and all(1 <= len(item.split()) <= 3 for item in items) \
            and sum(item.lower() in SECTIONS for item in items) >= 2:  # ("LIVE | Ukraine war | Day 1,000 | Latest")
        return True
    if len(items) >= 4 and items[0].lower() == "home" and all(1 <= len(item.split()) <= 4 for item in items):
        return True  # "Home | About MOFA | Press Center | Consular Services", "… | Vietnam & the World | …"
    cells = [cell.strip() for cell in line.split(" | ")]
    if len(cells) >= 3 and cells[0].rstrip(".").isdigit():
        return True
    words = line.split()
    return len(words) >= 4 and words[0].lower() == "home" and all(w[:1].isupper() or w == "&" for w in words) \
        and not SMALL_WORDS.intersection(w.lower() for w in words) \
        and len(SECTIONS.intersection(w.lower() for w in words[1:])) >= 2  # ("Home Office Announces New Rules")


# a menu whose items the page set apart by runs of spaces ("News   Current Affairs   Culture   Listen   Podcast"),
# before those runs are collapsed: four items or more of one to four words, capitalised but for "the", "and", "of"
MENU_ITEM = r"[A-Z][\w&'’-]*(?: (?:[A-Z&][\w&'’-]*|the|and|of)){0,3}"  # ("Vietnam & the World")
# (a language switcher may end the line: "…   Videos        Tiếng Việt | Español | 中文")
SPACED_ITEMS = re.compile(rf"^[ \t]*{MENU_ITEM}(?:[ \t]{{3,}}{MENU_ITEM}){{3,}}(?:[ \t]{{3,}}[^\n]*\|[^\n]*)?[ \t]*$",
                          re.MULTILINE)


def _spaced_menus(text: str) -> str:
    """Lines of spaced menu items with bars between the items, so that :func:`is_menu` sees the items."""
    def barred(match: re.Match[str]) -> str:
        line = re.sub(r"[ \t]{3,}", " | ", match.group(0).strip())
        return line if is_menu(line) else match.group(0)  # (not a PDF's spaced title: "Joint   Statement   …")

    return SPACED_ITEMS.sub(barred, text)


SMALL_WORDS = {"and", "of", "to", "for", "in", "on", "at", "with", "the", "a", "an", "as", "by", "from", "after"}
SECTIONS = {"home", "news", "politics", "world", "business", "economy", "society", "culture", "sports", "sport",
            "video", "videos", "photo", "photos", "opinion", "travel", "life", "law", "environment", "entertainment",
            "more", "listen", "podcast", "podcasts", "multimedia"}


LIVE_HEADING = re.compile(r"^latest updates\s*:?$", re.IGNORECASE)
EPIGRAPH = re.compile(r"^[*_>\s]*[\"“‘][^\"”’]{20,}[.!?…][\"”’]\s*[—–-]+\s*\S")
GOES_ON = re.compile(r"^(?:ON|OF|FOR|BY|AT|TO|AND|IN|WITH|BETWEEN|REGARDING|CONCERNING|FROM)\b")
CAPITALS_GO_ON = re.compile(r"\b(?:ON|OF|FOR|BY|AT|TO|AND|IN|WITH|BETWEEN|THE|A|AN)$")  # a capitals line cut short


def _pull_quotes(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Short quotations whose words a later paragraph holds in the same order: pull quotes set above the text (a
    lead that a later paragraph restates is no quotation and stays)."""
    keys = [f" {' '.join(_words(p.text))} " for p in paragraphs]
    found = []
    for i, paragraph in enumerate(paragraphs):
        if paragraph.text.lstrip("*_ ")[:1] in "“\"‘" and 6 <= len(keys[i].split()) <= 60:
            if any(keys[i] in key for key in keys[i + 1:]):
                found.append(paragraph)
    return found


def ingest_text(text: str, doc_id: str, path: str = "<text>") -> Article:
    """Parse one raw article."""
    article = Article(doc_id=doc_id, path=path)
    unfolded = unfold_columns(text)
    columns = unfolded != text  # a print layout: its column's lines are wrapped by its width
    pdf = path.lower().endswith(".pdf")  # (its lines too, and nothing marks a paragraph's end but the text)
    lines = unquoted(normalise(_spaced_menus(unfolded)).split("\n"))
    furniture = page_furniture(lines)
    article.dropped += [(i + 1, "page furniture (a printed page's number, header or footer)", lines[i])
                        for i in sorted(furniture)]
    mail = forwarded_mail(lines)
    article.dropped += [(i + 1, "e-mail header, note or subject (of the message forwarded below)", lines[i])
                        for i in sorted(mail.lines)]
    lines = ["" if i in mail.lines else line for i, line in enumerate(lines)]
    printed = pdf or hard_wrapped(lines)  # (a page of page numbers is printed too: ``furniture``)
    units = paragraph_lines(split_blocks(lines, furniture), text, columns, printed or bool(furniture))

    comments = comment_block([line for _, line in units])
    in_tail = False
    seen_body = False
    last_kept: int | None = None  # the line of the unit just before, when it was kept as a paragraph
    before_body: list[tuple[int, str]] = []
    credited: list[Paragraph] = []  # short lines above a "Source: VNA" line
    copied = mail.date and parse_date(mail.date)  # when a copy was made (sent, created, printed): the page's date
    # if it gives no other

    def take_date(number: int, found: str) -> None:
        """The date in ``found``, on line ``number``: the page's, or a copy's (:func:`copy_date_line`)."""
        nonlocal copied
        if copy_date_line(lines, number - 1):
            copied = copied or parse_date(found)
        else:
            article.date = article.date or parse_date(found)

    for index, (number, line) in enumerate(units):
        if in_tail:
            article.dropped.append((number, "related-news tail", line))
            continue
        if index in comments:
            article.dropped.append((number, "readers' comments", line))
            continue
        line = FOOTNOTE_MARK.sub("", line)  # "… skilled workers.[1]" (the mark hid the full stop)
        if FOOTNOTE.match(line):
            article.dropped.append((number, "footnote", line))
            continue
        if TAIL_HEADINGS.match(line) and (seen_body or not LIVE_HEADING.match(line)):  # (a live page's entries)
            in_tail = True
            article.dropped.append((number, "related-news tail", line))
            continue
        # without a dash, only below a headline: "Deputy PM Visits Laos (VNA)" on the first line is the headline
        if not seen_body and (lone := lone_dateline(line, undashed=bool(before_body))):
            article.dateline = lone.group(0).strip(" -–—")
            if lone.groupdict().get("outlet"):
                article.outlet = outlet_name(lone.group("outlet"))
            article.dropped.append((number, "dateline (kept as metadata)", line))
            continue
        if not seen_body and (lead := strip_page_header(line)) != line:
            header = line[:len(line) - len(lead)]
            take_date(number, header)
            article.dropped.append((number, "page header run into the lead", header.strip()))
            line = lead
        if PHOTO_CREDIT.search(line) and split_datelines(line)[0]:  # "Hanoi (VNA) – … energy. (Photo: VNA)":
            line = PHOTO_CREDIT.sub("", line)                          # a lead with its photo credit, not a caption
        reason = classify(line, seen_body) or ("photo caption" if not seen_body and credited_caption(line) else None)
        above = article.paragraphs[-1] if article.paragraphs and article.paragraphs[-1].line == last_kept else None
        short_above = above and len(above.text.split()) <= 25 and not split_datelines(above.raw)[0]
        if BARE_CREDIT.match(line) and short_above:
            caption = article.paragraphs.pop()  # the short line just above a credit standing alone is its caption
            article.dropped.append((caption.line, "photo caption (its credit follows)", caption.raw))
        elif SOURCE_CREDIT.match(line) and short_above and len(split_sentences(above.text)) == 1:
            credited.append(above)  # its caption, if the text goes on below the credit
        last_kept = None
        if (reason in ("timestamp", "outlet masthead and date") or (reason == "page header" and not seen_body)) \
                and article.date is None:  # (not a "Sources: Reuters – 3 March 2026; …" line below the text)
            take_date(number, line)
        if reason is None and not seen_body and STORY_NOTE.match(line.strip().lstrip("*_>")) \
                and line.rstrip("*_ ").endswith("."):  # (a headline "Update: Talks resume in Hanoi" is none)
            reason = "note on the story"  # "Correction: …" above the headline does not start the text
        if not seen_body and _title_line(line, reason, before_body) and not any(
                len(c.split()) >= 3 and not is_menu(c) and not _names_site(c) for _, c in before_body):
            reason = None  # the page's title: a question, "Full text of …", "VIDEO: …", under no other headline
            before_body.append((number, line))
            continue
        if reason == "byline/credit" and not seen_body and before_body and before_body[-1][0] == number - 1 \
                and SPEAKERS_LABEL.match(before_body[-1][1].strip("*# ")):
            before_body.append((number, line))  # "STATEMENT" / "BY H.E. AMBASSADOR …": the speaker, no byline
            continue
        if reason is None and not seen_body and before_body and SPEAKERS_TITLE.match(before_body[-1][1]) \
                and OFFICE.match(line) and not NEWS_VERB.search(line) and len(line.split()) <= 50 \
                and ":" not in line and not re.search(r"[.!?][\"'”’)]*$", line):  # (not "Spokesperson …: Viet Nam …")
            before_body.append((number, line))  # the speaker's office and the occasion below "REMARKS by H.E. …"
            continue
        if reason is None and not seen_body and short_unpunctuated(line.rstrip("*_ "), 30) \
                and not QUESTION_PREFIX.match(line) \
                and not PROMPT.match(line) and not split_datelines(without_end_mark(line))[0]:  # a dated lead
            before_body.append((number, line))  # headline or section label: decided at the first paragraph
            continue
        if reason is None and short_unpunctuated(line, 8) and not line.rstrip("* ").endswith("?"):
            reason = "short line without a sentence (heading, label or credit)"
        if reason is not None:
            article.dropped.append((number, reason, line))
            continue
        raw = line
        body = line
        if not seen_body or article.dateline is None:
            matches, body = split_datelines(body)
            if seen_body and article.lead_line is None and len(article.paragraphs) <= 3 and marks_a_lead(matches):
                article.lead_line = number  # a lead under its dateline, below a teaser or key points
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
        asks = body.endswith("?") and len(body) < 400 and not split_datelines(raw)[0]  # a dated lead never asks
        article.paragraphs.append(Paragraph(body, number, question or asks, raw))
        last_kept = number
    if not seen_body:
        _pick_headline(article, before_body)
    for quote in _pull_quotes(article.paragraphs):
        article.paragraphs.remove(quote)
        article.dropped.append((quote.line, "pull quote (its words stand in a later paragraph)", quote.raw))
    for caption in credited:
        if article.paragraphs and caption is not article.paragraphs[-1]:
            article.paragraphs.remove(caption)
            article.dropped.append((caption.line, "photo caption (its credit follows)", caption.raw))
    if article.date is None and copied and article.dateline:  # "Ha Noi, August 8 (VNA)" in a message sent on the 9th
        article.date = yearless_date(article.dateline, copied)
    article.date = article.date or copied or next(  # a week's or a visit's span, where the page gives no other date
        (parse_date(line) for _, why, line in article.dropped  # (not an anniversary's decades: "(1945 – 2024)")
         if why == "span of dates" and len(set(re.findall(r"\b(?:19|20)\d\d\b", line))) == 1), None)
    article.headline = mail.subject if mail.titled else article.headline or mail.subject
    if article.outlet is None:
        last = article.paragraphs[-1].line if article.paragraphs else 0
        below = [line for number, why, line in sorted(article.dropped)  # a short last line: "Thank you. VNS"
                 if number > last and why.startswith("short line")]
        closing = next(filter(None, map(_closing_outlet, [*below[-1:], *(p.raw for p in article.paragraphs[-1:])])),
                       None)
        # the closing mark when no masthead, byline or credit names one (before a photo's credit, NAMING's last:
        # "— VNA/VNS Photo" on a Viet Nam News page that closes "— VNS"); then the site named after the headline
        titled = (site_outlet(line) for _, why, line in article.dropped if why.startswith("headline"))
        article.outlet = named_outlet(article.dropped, NAMING[:-1]) or closing \
            or named_outlet(article.dropped, NAMING[-1:]) or next(filter(None, titled), None)
    return article


def _closing_outlet(last: str) -> str | None:
    """The agency whose code closes the text ("… the two countries. — VNS"); None for none, or for a quotation's
    source ("” — VnExpress")."""
    mark = END_MARK.search(last)
    named = re.search(rf"\b(?:{OUTLET_PATTERN})\b", mark.group(0), re.IGNORECASE) if mark else None
    return outlet_name(named.group(0)) if named and named.group(0).isupper() else None


NAMING = ("outlet masthead", "outlet masthead and date", "byline/credit", "photo caption")


def site_outlet(title: str) -> str | None:
    """The outlet that a title's site name is ("… - VnExpress International" -> VnExpress, "… | UN News", "… - GOV.UK");
    None for a title with no known site after it."""
    site = split_site(title)[1]
    if not site or not (masthead(site) or site.lower() in SITE_NAMES):
        return None
    return next((name for key, name in BY_LENGTH if re.search(rf"\b{re.escape(key)}\b", site, re.IGNORECASE)), site)


def named_outlet(dropped: list[tuple[int, str, str]], reasons: tuple[str, ...] = NAMING) -> str | None:
    """The outlet that a page's dropped lines name: a "Source: PNA" credit first (a page another outlet republished),
    then its masthead, then a byline or credit ("VNA/VNP"), then a photo's credit (a picture from another agency,
    "Photo: Reuters" on a VnExpress page, names the outlet only when nothing else does)."""
    def rank(reason: str, line: str) -> int:
        return 0 if reason == "byline/credit" and line.lower().startswith("source") else NAMING.index(reason) + 1

    for _, _, line in sorted((rank(why, line), n, line) for n, (_, why, line) in enumerate(dropped) if why in reasons):
        name = next((name for key, name in BY_LENGTH  # "Quan Doi Nhan Dan" before "Nhan Dan"
                     if re.search(rf"\b{re.escape(key)}\b", strip_diacritics(line), re.IGNORECASE)), None)
        if name:
            return name
    return None


def ingest_document(text: str, doc_id: str, label: str) -> Article:
    """Ingest one document whose kind (.html/.md/plain) is told by the suffix of ``label`` (or, for plain text and
    standard input, by markup that opens it as HTML)."""
    if not text.strip():
        raise NoTextError(f"{label}: empty {'text' if label.startswith('<') else 'file'}")  # "<request>", "<stdin>"
    published, own, title = None, False, None
    page = None
    if label.lower().endswith((".html", ".htm")) or (not label.lower().endswith(".md") and looks_like_html(text)):
        html = html_page(text)
        text, published, own = html.text, html.published, html.own_date
        title = html.title if html.title and 3 <= len(html.title.split()) <= 40 else None
    elif label.lower().endswith(".md"):
        page = MarkdownPage(text)
        text, published, own, title = page.text, page.published, True, page.title
    article = ingest_text(text, doc_id, label)
    if page is not None:
        article.dropped[:0] = page.dropped  # front matter and code, before what ingest_text dropped
    if title and page is not None and page.heading == title and (_names_site(title) or any(
            why == "outlet masthead" and line.strip("*# ") == title for _, why, line in article.dropped)):
        title = None  # "# VOV World": the site's name set as the page's first heading, not its title
    heading_line = title and next((n for n, why, line in article.dropped if line.strip("*# ") == title), None)
    if title and (page is not None or heading_line):  # the page's own title (front matter, "# …", <h1>) beats the
        article.headline = WIRE_TAG.sub("", without_site(title))  # longest short line above the body (a clipped
        # page's title keeps the site's name: "… on lithium — MercoPress")
        article.dropped = [(n, "heading (the page's title is the headline)" if why.startswith("headline")
                            else why, line) for n, why, line in article.dropped]
    article.outlet = article.outlet or (site_outlet(title) if title else None)  # "<title>… | UN News</title>"
    date = published and (parse_date(published[:10]) or parse_date(published))  # "2022-12-14T08:00+07:00"
    if date and (own or article.date is None):  # the page's own date beats a "today" line in its header
        article.date = date
    if not article.paragraphs:
        raise NoTextError(f"{label}: no paragraphs of text found (every line looked like page noise)")
    return article


def ingest_path(path: Path, doc_id: str | None = None) -> Article:
    """One page as an article whose doc_id is ``doc_id`` (default: the file's stem; see :func:`doc_ids`)."""
    if path.suffix.lower() not in SUFFIXES:
        rows = "; the rows of a JSONL file are read by `diplo-ml predict`" if path.suffix.lower() == ".jsonl" else ""
        raise DataError(f"{path}: unsupported file type '{path.suffix}' (use {', '.join(SUFFIXES)}{rows})")
    text = pdf_text(path) if path.suffix.lower() == ".pdf" else read_text(path)
    return ingest_document(text, path.stem if doc_id is None else doc_id, str(path))


def _under(folders: tuple[str, ...], k: int, name: str) -> str:
    """``name`` under the last ``k`` of ``folders`` (``trade/index``)."""
    return "/".join((*folders[len(folders) - min(k, len(folders)):], name))


def doc_ids(paths: Sequence[Path]) -> list[str]:
    """A doc_id for each of one command's pages, unique among them: the file's stem when no other page has that
    stem, else the stem under as few of its folders as tell those pages apart (``trade/index`` and ``visa/index``
    for ``2024/trade/index.html`` and ``2024/visa/index.html``; never a folder above all of theirs), else the file
    name under them (``x.txt`` and ``x.html``); a file given twice gets ``#2``, ``#3``."""
    by_stem: dict[str, list[int]] = {}
    for i, path in enumerate(paths):
        by_stem.setdefault(path.stem, []).append(i)
    ids = [path.stem for path in paths]
    for group in (g for g in by_stem.values() if len(g) > 1):
        full = [Path(os.path.abspath(paths[i])) for i in group]
        common = os.path.commonpath([f.parent for f in full])  # folders above it would tie ids to where pages sit
        folders = [f.parent.relative_to(common).parts for f in full]
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


def expand_inputs(inputs: Iterable[str | Path], suffixes: tuple[str, ...] = SUFFIXES, once: bool = True
                  ) -> list[Path]:
    """Files as given (each must exist); folders expanded to the article files they hold, with one line on stderr
    counting the other files left out (images, data files, broken links). Briefs and reports diplo-ml wrote (an
    earlier brief saved among the articles) are left out with a note. With ``once``, a file named twice is kept once
    (:func:`once_each`)."""
    paths = _expand(inputs, suffixes)
    paths = once_each(paths) if once else paths
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


def once_each(paths: list[Path]) -> list[Path]:
    """``paths`` with each file kept once (a link to a file also given, or a file named twice), with one note."""
    files = [path.resolve() for path in paths]
    first_of: dict[Path, Path] = {}
    for file, path in zip(files, paths):
        first_of.setdefault(file, path)
    again = [(path, first_of[file]) for file, path in zip(files, paths) if first_of[file] is not path]
    if again:
        print(f"note: {len(again)} input(s) name a file already given and are read once ({again[0][0]} is "
              f"{again[0][1]})", file=sys.stderr)
    return [path for file, path in zip(files, paths) if first_of[file] is path]
