"""Raw web articles (.txt, .md, .html, .pdf) -> clean paragraphs with metadata.

Each non-empty line is classified: noise (language switchers, breadcrumbs, timestamps,
bylines, photo captions, share buttons, "Related news" tails) is dropped with a reason;
the headline, date, outlet and dateline become metadata; interview questions are marked;
the "./." end mark is stripped. Lines of one block are joined when a paragraph was
hard-wrapped. Exact and near duplicate paragraphs are removed and counted. Which lines are noise is
:mod:`diplo_ml.data.page_noise`'s to say; datelines, dates and page headers are :mod:`diplo_ml.data.datelines`';
which line above the body is the headline is :mod:`diplo_ml.data.headlines`'.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from diplo_ml.data.article import Article, Paragraph
from diplo_ml.data.datelines import (
    FULL_NAMES,
    OUTLET_PATTERN,
    OUTLETS,
    TIME,
    TOLD_YEAR,
    is_vietnamese_name,
    lead_date,
    lone_dateline,
    marks_a_lead,
    masthead,
    outlet_name,
    parse_date,
    split_datelines,
    strip_dateline,
    strip_page_header,
    yearless_date,
    zoned_date,
)
from diplo_ml.data.examples import site_name
from diplo_ml.data.feeds import FEED_SUFFIXES, feed_articles, is_feed
from diplo_ml.data.headlines import (
    BYLINE_PARTS,
    HANDLE,
    OFFICE,
    PICTOGRAPHS,
    POST_HEADER,
    PUBLISHED_LINE,
    SPEAKERS_LABEL,
    SPEAKERS_TITLE,
    event_label,
    is_menu,
    names_site,
    pick_headline,
    spaced_menus,
    title_line,
    title_the_page_lists,
    title_without_labels,
    without_pictographs,
)
from diplo_ml.data.language import vietnamese_text, vietnamese_title
from diplo_ml.data.line_joins import (
    capitals,
    hard_wrapped,
    latest_wire_items,
    paragraph_lines,
    recitals,
    split_blocks,
    unquoted,
    without_wire_marks,
)
from diplo_ml.data.mail import forwarded_mail, raw_message_text
from diplo_ml.data.page_noise import (
    ANSWER_PREFIX,
    BARE_CREDIT,
    END_MARK,
    FOOTNOTE,
    FOOTNOTE_MARK,
    PHOTO_CREDIT,
    PRINT_STAMP,
    PROMPT,
    QUESTION_PREFIX,
    READERS_ONLY,
    SITE_NAMES,
    SITE_SHAPE,
    SOURCE_CREDIT,
    STORY_NOTE,
    TAIL_HEADINGS,
    barred_switchers,
    classify,
    comment_block,
    copy_date_line,
    credited_caption,
    editors_letter,
    masthead_and_motto,
    page_furniture,
    short_unpunctuated,
    source_note,
    split_site,
    without_end_mark,
    without_run_in_banner,
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
from diplo_ml.data.publishers import institution_outlet, masthead_outlet
from diplo_ml.data.transcripts import without_cue_times
from diplo_ml.errors import DataError, NoTextError
from diplo_ml.files import not_a_file
from diplo_ml.text import comparable, split_sentences, straight_quotes, strip_diacritics

PAGE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".eml")  # one article a file
SUFFIXES = (*PAGE_SUFFIXES, *FEED_SUFFIXES)  # and feeds: one article an item
WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def paragraph_key(text: str) -> str:
    """A paragraph's words, lower-cased: equal keys are exact duplicates."""
    return " ".join(_words(text))


BY_LENGTH = sorted((OUTLETS | FULL_NAMES).items(), key=lambda item: -len(item[0]))


def _list_above_prose(units: list[tuple[int, str]], index: int) -> bool:
    """Whether the unit at ``index`` heads a list (:data:`SIDEBAR_ITEM`) with prose below it (a paragraph of fifteen
    words or more): a sidebar above the text, not a ticker, a digest or a bulleted story that is the page."""
    rest = units[index + 1:]
    items = next((n for n, (_, line) in enumerate(rest) if not SIDEBAR_ITEM.match(line)), len(rest))
    return items > 0 and any(len(line.split()) >= 15 for _, line in rest[items:])


def _teaser_box(units: list[tuple[int, str]], index: int) -> int:
    """How many units, from a "Read more" heading at ``index`` above the text, make a box teasing other stories (read
    44), where two paragraphs of fifteen words or more follow it: the lines of its block (the titles and a teaser
    right under it), or, its lines apart as an HTML page's blocks are, a title and its teaser above a short line (the
    page's breadcrumb or title); and a rule under them ("-----"). A heading alone ("Latest News" over the page's own
    title) is 1; 0 where no text follows."""
    size, last = 1, units[index][0]
    for number, _ in units[index + 1:]:
        if number != last + 1:
            break
        size, last = size + 1, number
    rest = [line for _, line in units[index + 1:]]
    if size == 1 and len(rest) > 2 and short_unpunctuated(rest[0], 20) and len(rest[1].split()) >= 12 \
            and not short_unpunctuated(rest[1], 20) and short_unpunctuated(rest[2], 20) \
            and not re.search(r"\d", rest[2]) and re.search(r"\s[/>»›]\s", rest[2]):  # (a breadcrumb; not the page's
        # own title and lead over its date line or byline, "By Thu Hang | Hanoi Times")
        size = 3
    size += index + size < len(units) and bool(re.fullmatch(r"[-=_*~·• ]{4,}", units[index + size][1]))
    return size if sum(len(line.split()) >= 15 for _, line in units[index + size:]) >= 2 else 0


# a browser's print header: the day and time it was printed (:data:`PRINT_STAMP`), then the page's title
BROWSER_PRINT_HEADER = re.compile(rf"^({PRINT_STAMP})\s+(\S.{{10,}})$")
US_PRINT_STAMP = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+\d{1,2}:\d{2}\s*[AP]M$")  # (an en-AU or en-IN
# browser writes "2/4/25, 9:41 am", day first)


# an office's name in capitals: what a bilingual masthead gives after its name in the other language
OFFICE_CAPITALS = re.compile(r"^(?:THE )?(?:MINISTRY|EMBASSY|CONSULATE(?: GENERAL)?|DEPARTMENT|OFFICE|GOVERNMENT"
                             r"|(?:PERMANENT )?MISSION|NEWS AGENCY|NEWSPAPER|PORTAL|PEOPLE'S COMMITTEE)\b")


def _heading_line(dropped: list[tuple[int, str, str]], title: str) -> int | None:
    """The line of a page's title among its dropped lines: one line, or two or three in a row where the title breaks
    ("<h1>HCMC forum draws 1,200 overseas Vietnamese entrepreneurs,<br>deals worth … signed</h1>")."""
    lines = sorted((n, line.strip("*# ")) for n, _, line in dropped)
    wanted = " ".join(title.split())
    for i, (number, _) in enumerate(lines):
        for k in (1, 2, 3):
            run = lines[i:i + k]
            if len(run) == k and run[-1][0] - number <= 2 * (k - 1) and " ".join(
                    " ".join(line for _, line in run).split()) == wanted:
                return number
    return None


def _bilingual_masthead(line: str) -> bool:
    """A masthead that names its office in two languages, in capitals: "BỘ NGOẠI GIAO – MINISTRY OF FOREIGN AFFAIRS OF
    VIET NAM" (read as a dateline, it would open the text above its headline)."""
    matches, rest = split_datelines(line.strip())
    return bool(matches) and capitals(line) and len(line.split()) <= 16 and bool(OFFICE_CAPITALS.match(rest))


def _print_stamp_date(stamp: str) -> str:
    """A print header's stamp with its date as ISO where the stamp is a US browser's ("4/2/25, 9:41 AM", "4/2/2025 9:41
    AM": month first, as the 12-hour clock shows), else as written (read day first, as elsewhere)."""
    us = US_PRINT_STAMP.match(stamp.strip())
    if not us:
        return stamp
    month, day, year = (int(g) for g in us.groups())
    year += 2000 if year < 100 else 0
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else stamp
# a list's item: "• PM chairs …", "1. …", "▸ …", a ticker's "17:02  Defence Minister receives …"
SIDEBAR_ITEM = re.compile(r"^(?:[•·▪►▸»›*-]|\d{1,2}[.)]|\d{1,2}:\d{2})\s+\S")
# a sidebar's heading above the text (besides the related-news headings): "LATEST", "Editor's picks", "Trending"
SIDEBAR_HEADING = re.compile(r"^(?:latest|editor['’]?s picks?|trending(?: now)?|top stories|most popular|highlights"
                             r"|hot news|breaking)\s*:?$", re.IGNORECASE)
LIVE_HEADING = re.compile(r"^latest updates\s*:?$", re.IGNORECASE)


# a mail's subject that names what it sends, not its news: "[EMBARGOED 10:00 ICT] EuroCham press release - …"
DOCUMENT_SUBJECT = re.compile(r"(?i)^subject\s*:.*\b(?:press release|media release|news release|embargo(?:ed)?"
                              r"|for immediate release)\b")


def _set_aside(article: Article, paragraphs: Iterable[Paragraph], why: str) -> None:
    """Take ``paragraphs`` out of the article's text, each kept among its dropped lines with ``why``."""
    for paragraph in list(paragraphs):
        article.paragraphs.remove(paragraph)
        article.dropped.append((paragraph.line, why, paragraph.raw))


def _lead_text(article: Article) -> str:
    """The text of the paragraph that a dateline marks as the lead ("" for none)."""
    return next((p.text for p in article.paragraphs if p.line == article.lead_line), "")


def _words_in_common(a: str, b: str, word: str, ignored: set[str]) -> int:
    """How many words (matches of the pattern ``word``, case aside, not ``ignored``) two texts share."""
    def words(text: str) -> set[str]:
        return {w.lower() for w in re.findall(word, text)} - ignored
    return len(words(a) & words(b))


def _shares_words(a: str, b: str, least: int) -> bool:
    """Whether two texts share ``least`` words of four letters or more (case aside)."""
    return _words_in_common(a, b, r"[^\W\d_][\w'’-]{3,}", {"with", "from", "that", "this", "will", "have"}) >= least


LIST_ITEM = re.compile(r"\s*[-•*▪◦]\s")  # a list's item, as a release's highlights under its title give them


def _title_above_the_lead(article: Article) -> None:
    """A release's own title, a line with no sentence's end right above its dated lead ("EuroCham and Viet Nam's
    trade ministry launch EVFTA help desk as …" / "Ha Noi, 31 July 2025 – …"), is its headline where the page has
    none or only a mail's subject that names the release (:data:`DOCUMENT_SUBJECT`), and no text."""
    pairs = zip(article.paragraphs, article.paragraphs[1:])
    above = next((p for p, below in pairs if below.line == article.lead_line), None)
    if above is not None and LIST_ITEM.match(above.raw):  # (past the highlights under the title, read 110)
        above = next((p for p in reversed(article.paragraphs) if p.line < above.line and not LIST_ITEM.match(p.raw)),
                     None)
    subject = any(why.startswith("headline") and DOCUMENT_SUBJECT.match(line) for _, why, line in article.dropped)
    titled = [n for n, why, _ in article.dropped if why.startswith("headline")]
    labels = {n for n, _, line in article.dropped if event_label(line)}
    notice = bool(titled) and {titled[0] + 1, titled[0] + 2} <= labels  # an event notice's title over "Time: …" /
    # "Venue: …", where the story below has a title of its own above its dated lead (read 39)
    if article.headline and not subject and not notice:
        return
    lead = _lead_text(article)
    if above is None or above.question or not short_unpunctuated(above.text, 30) or len(above.text.split()) < 5 \
            or (notice and not _shares_words(above.text, lead, 2)):
        # (or the short line right above it, left out of a body that began higher: an event's notice, read 39)
        last = max((p.line for p in article.paragraphs if article.lead_line and p.line < article.lead_line), default=0)
        short = [entry for entry in article.dropped if entry[1].startswith("short line without a sentence")
                 and last < entry[0] < (article.lead_line or 0) and len(entry[2].split()) >= 5
                 and not re.search(r"[-=_*]{4}", entry[2]) and re.search(r"\b[a-z]{3,}\b", entry[2])
                 and not LIST_ITEM.match(entry[2])  # (not a highlight under the title: "- Focus on …", read 110)
                 and (not notice or _shares_words(entry[2], lead, 2))]  # (a title of the story)
        if short and (not article.headline or notice):  # (not a menu's "Politics Diplomacy International …")
            entry = max(short)
            article.dropped.remove(entry)
            article.dropped.append((entry[0], "headline (the release's own title, above its dated lead)", entry[2]))
            article.headline = entry[2].strip("*_# ")
        return
    _set_aside(article, [above], "headline (the release's own title, above its dated lead)")
    article.headline = above.text


# a newsletter's subject: "Morning Brief: Vietnam, Peru scrap visas; Hanoi free buses; gold falls", "VLLF Daily Legal
# Update – …"
DIGEST = re.compile(r"^Subject\s*:.*\b(?:brief|briefing|update|digest|newsletter|round-?up|bulletin|weekly|daily"
                    r"|issue|edition)\b", re.IGNORECASE)


# a page's title that names a newsletter's issue, not a story: "VietnamPlus Weekly – Foreign Affairs", "… BULLETIN",
# "Newsletter of the Delegation … · Issue 10 · October 2025"
DIGEST_WORD = re.compile(r"\b(?:newsletter|bulletin|digest|round-?up|(?-i:Weekly|(?<!POLICY )(?<!PRESS )BRIEF))$"
                         r"|^(?-i:This Week in [A-Z]\w+(?: [A-Z&]\w*)?)$",  # (a weekly's name: "Nhan Dan English · This
                         re.IGNORECASE)  # Week in Diplomacy", read 88)
TITLE_PARTS = re.compile(r"\s*(?:[–—|·]|\s-\s)\s*")
ISSUE_NUMBER = re.compile(r"(?-i:Issue|No\.)\s*(?:no\.? ?)?\d+\b")  # "Issue 10", "No. 37"


def names_a_digest(title: str) -> bool:
    """Whether a page's title names a newsletter, not a story: beside a dash, a bar or "·", a part of five words or
    fewer that ends in its word ("VietnamPlus Weekly – Foreign Affairs", "Newsletter of … · Issue 10 · October 2025")
    with the other parts a label, an issue or a date; or a title in capitals or a short name that ends in it
    ("VIETRADE FOREIGN MARKETS BULLETIN", "Law Digest"); "Issue 10" (not "Storm Bulletin – Typhoon Kajiki to make
    landfall …", "Hanoi-Perth Flights Go Weekly", "… Border Marker Issue 20 Years On")."""
    parts = [part for part in TITLE_PARTS.split(title.strip()) if part]
    if len(parts) > 1:
        return any(DIGEST_WORD.search(part) and len(part.split()) <= 5 and all(
            len(other.split()) <= 4 or ISSUE_NUMBER.match(other) for other in parts if other is not part)
            for part in parts) or any(ISSUE_NUMBER.fullmatch(part) for part in parts)
    words = title.split()
    return bool(ISSUE_NUMBER.match(title)) or (title == title.upper() and bool(DIGEST_WORD.search(title))) or (
        len(words) <= 4 and bool(re.search(r"(?-i:Newsletter|Bulletin|Digest|Round-?up)$", title))
        and all(w[:1].isupper() or w in ("of", "the", "and", "for") for w in words))


# a call to follow a link: "Read the full story", "Continue reading"
BARE_LINK_CALL = re.compile(r"[*_#]*(?:read|continue|click|see|watch|listen|view)\b", re.IGNORECASE)


def _digest_masthead(line: str) -> bool:
    """A newsletter's masthead in capitals: "VOV WORLD WEEKLY" (not a menu's "HOME NEWS … OPINION NEWSLETTER", nor a
    promotion's "SIGN UP FOR THE WEEKLY ASIA BRIEF")."""
    return line.isupper() and bool(DIGEST_WORD.search(line)) and len(line.split()) <= 4 \
        and not re.match(r"(?:SIGN|SUBSCRIBE|JOIN|GET|READ|FREE|OUR)\b", line)  # (a sign-up box's "FREE NEWSLETTER")


def _digest_story_title(article: Article) -> None:
    """A newsletter's story under its subject: the heading right above the story's date, byline or document box and
    its first paragraph (within ten lines, only such lines between) is the headline where the mail's subject names the
    newsletter ("TOP STORY" / "Vietnam, Peru scrap visas for ordinary passport holders" / "September 22, 2025 | …" /
    "By Viet Anh" / "Vietnam and Peru signed …"; read 32), also a numbered item's heading left as a paragraph ("1.
    Vietnam and EFTA sign free trade agreement after 13 years of talks"; read 34)."""
    named = article.headline and names_a_digest(article.headline)  # (or the page's own title: "VietnamPlus
    # Weekly – Foreign Affairs", "VIETRADE FOREIGN MARKETS BULLETIN", "Newsletter of the … · Issue 10"; reads 36-39)
    top = article.paragraphs[0].line if article.paragraphs else 0  # (or a masthead above the text: "VOV WORLD
    # WEEKLY" under a mail's subject "VOV World Weekly #46 | …", read 43)
    named = named or any(n < top and (DIGEST.match(line) or _digest_masthead(line)) for n, _, line in article.dropped)
    colon = re.match(r"((?:[\w&'’+-]+ ){1,4}(?-i:Weekly|Newsletter|Digest|Round-?up))\s*(?:#\s?\d+\s*)?:\s",
                     (article.headline or "").strip())  # a name before the issue's teaser ("ASEAN Beat Weekly: Fishing
    named = named or bool(colon) and sum(colon.group(1).lower() in line.lower()  # boats, …", read 43) that the page
                                         for _, _, line in article.dropped) >= 2  # shows again (its masthead)
    if not named and not any(why.startswith("headline") and DIGEST.match(line) for _, why, line in article.dropped):
        return
    between = ("timestamp", "byline/credit", "short line without a sentence", "photo caption", "image")
    lines = sorted([*article.dropped, *((p.line, "paragraph", p.text) for p in article.paragraphs)])
    for paragraph in [p for p in article.paragraphs if len(p.text.split()) >= 15][:3]:  # (below a note to readers)
        above = [(n, why, line) for n, why, line in lines if paragraph.line - 10 <= n < paragraph.line]
        if above and above[-1][1].startswith("headline"):  # (the top story's title is the headline already)
            return
        for n, why, line in reversed(above):
            heading = why.startswith("short line") or (why == "paragraph" and short_unpunctuated(line, 20)) or (
                named and (why == "section label" or why.startswith("heading (the page")))
            # (a title's colon before words in lower case: "Saturday school: keeping Vietnamese alive in …", not
            # "Date: …"; nor a byline, "By the Embassy Press and Culture Section", read 93)
            titled = ":" not in line or re.fullmatch(r"[^:]{3,60}: [a-z][^:]*", line.strip("*_# ")) is not None
            if heading and len(line.split()) >= 4 and not capitals(line) and titled and not line.startswith("By ") \
                    and not names_a_digest(line) and not EDITORS_NOTE.fullmatch(line.strip("*_# ")) \
                    and re.match(r"[*_#]*[A-Z0-9“\"']", line) \
                    and not BARE_LINK_CALL.match(line) \
                    and all(w.startswith(between) for m, w, _ in above if m > n):
                article.dropped = [(m, "headline (the newsletter's story title)" if m == n else w, x)
                                   for m, w, x in article.dropped]
                article.headline = re.sub(r"^\d{1,2}[.)]\s+", "", line.strip("*# "))
                _letter_to_readers(article, n)
                return


# a newsletter's heading over its editor's note: "A note from the editor", "From the editor's desk" (read 45)
EDITORS_NOTE = re.compile(r"(?:an? )?(?:note|letter|message|word)s? from (?:the|our|your) (?:editors?|editorial team"
                          r"|publisher)|from the (?:editor['’]?s )?desk|editor['’]?s (?:note|letter|corner)",
                          re.IGNORECASE)  # ("From the desk", read 88)


def _letter_to_readers(article: Article, title: int) -> None:
    """An unsigned letter to a newsletter's readers, from its "Dear readers," to its first story's title on line
    ``title`` (read 37: "Welcome to the October issue … Autumn has been busy for our Delegation: …"), at most three
    paragraphs, is no text of the story."""
    greeting = max((n for n, why, line in article.dropped if n < title and ((
        why == "salutation" and READERS_ONLY.match(line.strip())) or EDITORS_NOTE.match(line.strip("*_# ")))),
        default=None)
    letter = [p for p in article.paragraphs if greeting is not None and greeting < p.line < title]
    if not letter or len(letter) > 3 or len(article.paragraphs) == len(letter) or not all(
            re.search(r"\b(?:we|our|us|you|your|I)\b|\bthis newsletter\b", p.text, re.IGNORECASE)
            or (n and WEEKS_BOX.match(p.text)) for n, p in enumerate(letter)):
        return  # (each speaks to its readers, or tells of the newsletter, or, after its first, is the week's quote or
        # number: read 88; not a top story without a title of its own)
    _set_aside(article, letter, "a newsletter's letter from its editors")


WEEKS_BOX = re.compile(r"^(?:quote|number|photo|figure|word|fact) of the (?:week|day|month)\s*:", re.IGNORECASE)


# how a letter closes: "Your friend,", "Yours sincerely,", "With best wishes,", "Love,"
VALEDICTION = re.compile(r"^(?:yours(?: (?:sincerely|faithfully|truly|ever|respectfully))?"
                         r"|your (?:loving |old |dear )?(?:friend|brother|sister|comrade|son|daughter|teacher)"
                         r"|(?:with )?(?:best|warm|warmest|kind|kindest) (?:regards|wishes)|sincerely|respectfully|love"
                         r"|with love|best)\s*,?$", re.IGNORECASE)


def _letter_above_the_story(article: Article) -> None:
    """A letter that opens a feature, from its "Dear Thanh," to its "Your friend," (read 30: a 1974 letter above the
    news of 2025), is set aside as quoted, not the writer's text, where it is dated ten years or more before the page
    (or, with no date, the latest year its text names) or greets a newsletter's readers ("Dear friends and partners,"),
    the story goes on for two paragraphs or more below it and the letter is the first text (an open letter of today,
    with its context below it, is the article)."""
    lines = sorted(article.dropped)
    opening, salutation = next(((n, line.strip()) for n, why, line in lines
                                if why == "salutation" and line.strip().lower().startswith("dear ")), (None, ""))
    readers = re.match(r"dear (?:readers|subscribers)\b", salutation, re.IGNORECASE)  # (a preheader may stand above)
    if opening is None or not article.paragraphs or (article.paragraphs[0].line < opening and not readers):
        return
    above = [line for n, _, line in lines if opening - 3 <= n < opening and re.search(r"\b(?:19|20)\d\d\b", line)]
    dated = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", above[-1])] if above else []  # the letter's own date
    told = [int(y) for p in article.paragraphs for y in TOLD_YEAR.findall(p.text)]  # (not "a strategy to 2045")
    latest = max(told + [int(article.date[:4]) if article.date and article.date[:4].isdigit() else 0])
    greeting = re.match(r"dear (?:readers|subscribers|partners|friends and (?:partners|readers|subscribers))\b",
                        salutation, re.IGNORECASE)
    if not greeting and (not dated or latest - max(dated) < 10):  # a letter dated long before the story ("Gdańsk, 3
        return  # March 1974"), or a newsletter's greeting to its readers; an open letter of today is the article
    closing = next((n for n, _, line in lines if n > opening and VALEDICTION.match(line.strip())), None)
    letter = [p for p in article.paragraphs if closing is not None and opening < p.line < closing]
    if closing is None or not letter or len(article.paragraphs) - len(letter) < 2:
        return
    below = article.paragraphs[len(letter)] if article.paragraphs[:len(letter)] == letter else None
    if below is not None and re.match(r"(?:The|This|That) letter\b", below.text):  # what tells of it: "The letter
        letter.append(below)  # was written by …, an engineer at the shipyard, to …"
    _set_aside(article, letter, "a letter quoted above the story")


# where a social post's own words end and the article it shares begins: "——— Shared from Vietnam Labour Net ———",
# "[Copied full text]" (read 41)
SHARED_FROM = re.compile(r"^[\W_]*(?:shared from|reposted from|shared (?:a|an) (?:post|link|article) from"
                         r"|copied (?:full )?(?:text|article) from)\b|^\[copied full text\]$", re.IGNORECASE)


def _pinned_post(article: Article) -> None:
    """A social page's pinned post, from its "📌 Pinned" label to the next post's header (read 43: an older post on
    scholarships above the thread of the day), is no text of the page's news."""
    pinned = next((n for n, _, line in sorted(article.dropped) if re.fullmatch(
        r"[\W_]*pinned(?: (?:post|tweet|message))?[\W_]*", line.strip(), re.IGNORECASE)), None)
    if pinned is None:
        return
    following = next((n for n, _, line in sorted(article.dropped) if n > pinned + 1 and POST_HEADER.search(line)), None)
    post = [p for p in article.paragraphs if following is not None and pinned < p.line < following]
    if post and len(post) < len(article.paragraphs):
        _set_aside(article, post, "a pinned older post")


def _thread_numbers(article: Article) -> None:
    """A thread's posts lose their numbers ("🧵 1/5 Today in Ha Noi, …"), where the page shows posts' headers (a
    gallery's "1/5" captions have none)."""
    headers = sum(bool(POST_HEADER.search(line)) for _, _, line in article.dropped)
    if headers < 2 and not any(HANDLE.fullmatch(line.strip()) for _, _, line in article.dropped):
        return  # (posts' headers, or an account's bare @handle over its post)
    number = re.compile(r"^[^\w\s\"“]*\s*(\d{1,2})\s*/\s*(\d{1,2})\s*[^\w\s\"“]*\s+(?=\S)")
    numbered = [(p, m) for p in article.paragraphs if (m := number.match(p.text)) and int(m[1]) <= int(m[2])]
    threaded = any("🧵" in m[0] for _, m in numbered) or (len(numbered) >= 2 and len({m[2] for _, m in numbered}) == 1)
    if not threaded:  # ("1/5 🧵 …", "2/5 …"; not "24/7 hotlines", "9/10 of the 120 citizens …")
        return
    for paragraph, match in numbered:
        paragraph.text = paragraph.text[match.end():]


def _post_above_the_share(article: Article) -> None:
    """A social post's comment above the article it shares ("Finally!!! Good news for all the brothers and sisters
    …" / "——— Shared from Vietnam Labour Net ———" / the article) is the poster's, not the article's: it is set aside
    where two paragraphs or more follow the share's line, and the shared article's title (the first short line below
    it) is the headline where the page's own stands above it (the poster's name or "3h ·")."""
    shared, line = next(((n, line) for n, _, line in sorted(article.dropped) if SHARED_FROM.match(line.strip())),
                        (None, ""))
    if shared is None or not re.search(r"\bfrom\b.*(?-i:[A-ZĐ])|copied full text", line, re.IGNORECASE):
        return  # (it names its source: not a feature's "Shared from master to student")
    stamp = any(n < shared and why.startswith("social site") for n, why, _ in article.dropped)
    if not stamp and not any(p.line < shared and re.search(r"!|\b(?:please|share|everyone|guys)\b", p.text,
                                                             re.IGNORECASE) for p in article.paragraphs):
        return  # (a post's stamp above it, "3h ·", or a comment that speaks to its readers)
    above = [p for p in article.paragraphs if p.line < shared]
    below = [p for p in article.paragraphs if p.line > shared]
    if not above or len(below) < 2 or any(split_datelines(p.raw)[0] for p in above) \
            or not (short_unpunctuated(below[0].text, 30) or split_datelines(below[0].raw)[0]):
        return  # (not a feature's "Shared from generation to generation" or a credit under a dated lead)
    _set_aside(article, above, "a poster's comment above the article it shares")
    titled = [n for n, why, _ in article.dropped if why.startswith("headline")]
    title = below[0]
    if (not titled or titled[0] < shared) and short_unpunctuated(title.text, 30) and len(title.text.split()) >= 4:
        article.paragraphs.remove(title)
        article.dropped = [(n, "section label" if n in titled else why, line) for n, why, line in article.dropped]
        article.dropped.append((title.line, "headline (the shared article's title)", title.raw))
        article.headline = title.text


def _teasers_of_the_text(article: Article) -> None:
    """A teaser cut short with an ellipsis ("Viet Nam and the Republic of Korea have agreed to raise … under Korea's…",
    a shared link's card) whose words a later paragraph begins with after its dateline: the text itself follows."""
    for teaser in [p for p in article.paragraphs if re.search(r"(?:…|\.\.\.)$", p.text.strip())]:
        start = teaser.text.strip().rstrip(".…").strip()
        if len(start.split()) >= 8 and any(split_datelines(p.raw)[0] and strip_dateline(p.raw).startswith(start)
                                           for p in article.paragraphs if p.line > teaser.line):  # (a dated text,
            # not a live page's entry told again in full)
            _set_aside(article, [teaser], "teaser (the text below begins with it)")

def _motto(units: list[tuple[int, str]], index: int) -> bool:
    """A site's motto under its wordmark, above its language bar or menu: the page's second or third line, a sentence
    of six words at most ("DW" / "Made for minds." / "English | Deutsch | Tiếng Việt")."""
    line = units[index][1]
    return 0 < index < 3 and len(line.split()) <= 6 and line.rstrip().endswith(".") \
        and not NEWS_VERB.search(line) and any(
        is_menu(below) or classify(below, False) == "language switcher" for _, below in units[index + 1:index + 3])


def _other_label(line: str) -> bool:
    """A line of a label other than the page's posting ("Time: 15:00, 14 April 2025", "Kick-off: …", "Printed: …",
    "Cập nhật: …"; not "Posted: …", "Published: …")."""
    label = re.match(r"^\s*([^\d:|/]{2,25}):", line)
    return bool(label) and label.group(1).strip().lower() not in ("posted", "published", "posted on", "published on",
                                                                  "date")


def _stamp_under_the_headline(article: Article, stamps: list[tuple[int, str | None, str]]) -> None:
    """A date the page prints above its headline (a masthead's "today" bar: "Thursday, 24 Jul 2025") gives way to
    the article's own stamp a few lines under the headline, one with its time ("Tuesday, 22 Jul 2025   5:06 PM
    MYT", "Philippine Daily Inquirer / 05:12 AM October 09, 2025"; not "Last updated: …", nor an event's day)."""
    head = next((number for number, why, _ in article.dropped if why.startswith("headline")), None)
    if head is None or not stamps or stamps[0][0] > head or stamps[0][1] != article.date:
        return
    lines = sorted([(number, line) for number, _, line in stamps] + [(number, line) for number, why, line
                                                                     in article.dropped if why == "section label"])
    below = next((found for number, line in lines if head < number <= head + 6 and (found := parse_date(line))
                  and TIME.search(line) and not re.search(r"(?i)\b(?:updated|modified|edited)\b", line)
                  and not _other_label(line)), None)
    article.date = below or article.date


def _bilingual_post(article: Article) -> None:
    """A post in Vietnamese and then in English under a heading of its own (an embassy's page): the Vietnamese half
    is set aside, and the English heading (a short paragraph, or a short line left out between the halves) is the
    headline. Only where the page's headline is Vietnamese or missing and English text follows the heading."""
    paragraphs = article.paragraphs
    english = next((i for i, p in enumerate(paragraphs) if not vietnamese_text(p.text)), 0)
    if not english or (article.headline and not vietnamese_text(article.headline)):
        return
    between = [(n, line) for n, why, line in article.dropped
               if paragraphs[english - 1].line < n < paragraphs[english].line and why.startswith("short line")]
    if between:
        heading = between[-1]
    elif short_unpunctuated(paragraphs[english].text, 30) and english + 1 < len(paragraphs):
        heading = (paragraphs[english].line, paragraphs[english].raw)
        english += 1
    else:
        return
    if vietnamese_text(paragraphs[english].text) or vietnamese_text(heading[1]):
        return
    for paragraph in paragraphs[:english]:
        if paragraph.line != heading[0]:
            article.dropped.append((paragraph.line, "text in Vietnamese (the post's other half)", paragraph.raw))
    article.dropped = [(n, "section label (the post's Vietnamese title)" if why.startswith("headline") else
                        "headline (kept as metadata)" if n == heading[0] else why, line)
                       for n, why, line in article.dropped if n != heading[0]] + [
        (heading[0], "headline (kept as metadata)", heading[1])]
    article.headline = without_pictographs(heading[1].strip("*# "))
    del paragraphs[:english]


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


def _titles_above(article: Article, above: list[tuple[int, str]], cued: frozenset[int]) -> list[tuple[int, str]]:
    """The lines above the body that may be its headline: not a transcript's cued lines, which are speech (a
    station's call and the news in brief, read 71), set aside as such, but for a title card in capitals (a review's:
    "[00:00:00] VIETNAM PROTESTS CHINA'S FISHING BAN IN THE EAST SEA")."""
    spoken = {n for n, line in above if n - 1 in cued and not capitals(line)}
    article.dropped += [(n, "transcript's speech above the news", line) for n, line in above if n in spoken]
    return [(n, line) for n, line in above if n not in spoken]


def ingest_text(text: str, doc_id: str, path: str = "<text>") -> Article:
    """Parse one raw article."""
    article = Article(doc_id=doc_id, path=path)
    unfolded = unfold_columns(text)
    columns = unfolded != text  # a print layout: its column's lines are wrapped by its width
    pdf = path.lower().endswith(".pdf")  # (its lines too, and nothing marks a paragraph's end but the text)
    spaced = spaced_menus(barred_switchers(unfolded))  # (items set apart by spaces, before the spaces are collapsed)
    lines = [PICTOGRAPHS.sub("", line).rstrip() if PICTOGRAPHS.search(line) else line  # (a social post's emoji:
             for line in unquoted(normalise(spaced).split("\n"))]  # "… in Wellington. 🤝")
    lines, cued = without_cue_times(lines)  # (a transcript's lines: each a paragraph)
    furniture = page_furniture(lines)
    article.dropped += [(i + 1, "page furniture (a printed page's number, header or footer)", lines[i])
                        for i in sorted(furniture)]
    mail = forwarded_mail(lines)
    article.dropped += [(i + 1, "e-mail header, note or subject (of the message forwarded below)", lines[i])
                        for i in sorted(mail.lines)]
    lines = ["" if i in mail.lines else line for i, line in enumerate(lines)]
    printed = pdf or hard_wrapped(lines)  # (a page of page numbers is printed too: ``furniture``)
    blocks = split_blocks(lines, furniture, cued)
    recited = [recitals(block) for block in blocks]
    article.dropped += [(number, "legal basis of a decision or notice (its recitals)", line)
                        for block, legal in zip(blocks, recited) if legal for number, line in block]
    units = paragraph_lines([b for b, legal in zip(blocks, recited) if not legal], text, columns,
                            printed or bool(furniture))

    comments = comment_block([line for _, line in units])
    letter = editors_letter([line for _, line in units])
    in_tail = False
    seen_body = False
    last_kept: int | None = None  # the line of the unit just before, when it was kept as a paragraph
    before_body: list[tuple[int, str]] = []
    credited: list[Paragraph] = []  # short lines above a "Source: VNA" line
    copied = mail.date and parse_date(mail.date)  # when a copy was made (sent, created, printed): the page's date
    # if it gives no other
    stamps: list[tuple[int, str | None, str]] = []  # the dates of the page's stamps above its text: line, date, text

    def take_date(number: int, found: str) -> None:
        """The date in ``found``, on line ``number``: the page's, or a copy's (:func:`copy_date_line`)."""
        nonlocal copied
        if copy_date_line(lines, number - 1):
            copied = copied or parse_date(found)
        else:
            stamps.append((number, parse_date(found), found))
            article.date = article.date or stamps[-1][1]

    sidebar = False  # a "Most read" list above the body: its items go, the page goes on below them
    advert = False  # an advertisement's label was the line before: its text goes
    teaser = 0  # where a box teasing another story above the text ends
    for index, (number, line) in enumerate(units):
        if in_tail:
            article.dropped.append((number, "related-news tail", line))
            continue
        labelled = bool(AD_LABEL.match(line))
        if (advert and len(line.split()) >= 8) or labelled or AD_LINE.match(line):
            article.dropped.append((number, "advertisement", line))
            advert = labelled  # (the advertisement under a label; a short line there is a title)
            continue
        advert = False
        if sidebar and SIDEBAR_ITEM.match(line):
            article.dropped.append((number, "sidebar list above the text", line))
            continue
        sidebar = False
        if index in comments:
            article.dropped.append((number, "readers' comments", line))
            continue
        if index in letter:
            article.dropped.append((number, "a newsletter's letter from its editors", line))
            continue
        line = FOOTNOTE_MARK.sub("", line)  # "… skilled workers.[1]" (the mark hid the full stop)
        if FOOTNOTE.match(line):
            article.dropped.append((number, "footnote", line))
            continue
        if (TAIL_HEADINGS.match(line) or SIDEBAR_HEADING.match(line)) and not seen_body \
                and not LIVE_HEADING.match(line) and _list_above_prose(units, index):  # (a live page's entries)
            sidebar = True  # ("MOST READ" / "• PM chairs …" / "• …" above the headline: not the page's end)
            article.dropped.append((number, "sidebar list above the text", line))
            continue
        if TAIL_HEADINGS.match(line) and not seen_body and (box := _teaser_box(units, index)):
            teaser = index + box  # ("READ MORE" / "Vietnam opens honorary consulate in …" / its teaser, above the text)
        if index < teaser:
            article.dropped.append((number, "another story's teaser above the text", line))
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
        if not seen_body and masthead_and_motto(line):  # (before a page header's cut: "NHAN DAN ONLINE – Central
            article.dropped.append((number, "outlet masthead", line))  # organ of …" is no header run into a lead)
            continue
        if not seen_body and (lead := strip_page_header(line)) != line:
            header = line[:len(line) - len(lead)]
            take_date(number, header)
            article.dropped.append((number, "page header run into the lead", header.strip()))
            line = lead
        if not seen_body and (printed_at := BROWSER_PRINT_HEADER.match(line)):  # "4/2/25, 9:41 AM  <title> | Site"
            take_date(number, _print_stamp_date(printed_at.group(1)))  # (the day it was printed: the page's only
            # where it gives none)
            article.dropped.append((number, "browser's print header (its title kept)", printed_at.group(1)))
            line = printed_at.group(2)
        if PHOTO_CREDIT.search(line) and split_datelines(line)[0]:  # "Hanoi (VNA) – … energy. (Photo: VNA)":
            line = PHOTO_CREDIT.sub("", line)                          # a lead with its photo credit, not a caption
        reason = classify(line, seen_body) or ("outlet motto" if not seen_body and _motto(units, index) else None) \
            or ("photo caption" if not seen_body and credited_caption(line) else None) \
            or ("masthead in two languages" if not seen_body and _bilingual_masthead(line) else None) \
            or ("navigation menu, table row or site banner" if not seen_body and is_menu(line) else None)  # (one
        # too long for a headline's candidates: "Trang chủ / Home   Giới thiệu / About   …")
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
        elif reason in ("timestamp", "outlet masthead and date") and not seen_body:
            stamps.append((number, parse_date(line), line))
        elif reason == "byline/credit" and not seen_body and article.date is None \
                and (dated := [part for part in BYLINE_PARTS.split(line)[1:] if PUBLISHED_LINE.match(part)]):
            take_date(number, dated[0])  # "By Tran Bao Ngoc | Updated: 8 October 2025"
        if reason is None and not seen_body and (STORY_NOTE.match(line.strip().lstrip("*_>")) or (
                source_note(line.strip().lstrip("*_>")) and len(split_sentences(line)) == 1)) \
                and line.rstrip("*_ ").endswith("."):  # (a headline "Update: Talks resume in Hanoi" is none)
            reason = "note on the story"  # "Correction: …" above the headline does not start the text
        if not seen_body and title_line(line, reason, before_body) and not any(
                len(c.split()) >= 3 and not is_menu(c) and not names_site(c) for _, c in before_body):
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
        if reason is None and not seen_body and SITE_NOTICE.match(line.strip("*_ ")):
            reason = "site notice above the text"  # an acknowledgement of country, "[Notice] The eVISA system …"
        if reason is None and not seen_body and LABEL_LINE.fullmatch(line.strip()):
            reason = "label above the text"  # a letterhead's "Department:" (read 33), not a paragraph
        if reason is not None:
            article.dropped.append((number, reason, line))
            continue
        raw = line
        body = line
        if not seen_body or article.dateline is None:
            matches, body = split_datelines(body)
            above = sum(not p.text.lstrip().startswith(("•", "▪", "-", "*", "–")) for p in article.paragraphs)
            if seen_body and article.lead_line is None and above <= 3 and marks_a_lead(matches):  # (a box's
                # bullets above it do not count: "AI SUMMARY" / "• …" / "• …" / "• …" / "PUTRAJAYA: …")
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
            pick_headline(article, _titles_above(article, before_body, cued))
        seen_body = True
        asks = body.endswith("?") and len(body) < 400 and not split_datelines(raw)[0]  # a dated lead never asks
        article.paragraphs.append(Paragraph(body, number, question or asks, raw))
        last_kept = number
    if not seen_body:
        pick_headline(article, _titles_above(article, before_body, cued))
    _bilingual_post(article)
    _set_aside(article, _pull_quotes(article.paragraphs), "pull quote (its words stand in a later paragraph)")
    for caption in credited:
        if article.paragraphs and caption is not article.paragraphs[-1]:
            _set_aside(article, [caption], "photo caption (its credit follows)")
    if article.date is None and copied and article.dateline:  # "Ha Noi, August 8 (VNA)" in a message sent on the 9th
        article.date = yearless_date(article.dateline, copied)
    article.date = article.date or copied or next(  # a week's or a visit's span, where the page gives no other date
        (parse_date(line) for _, why, line in article.dropped  # (not an anniversary's decades: "(1945 – 2024)")
         if why == "span of dates" and len(set(re.findall(r"\b(?:19|20)\d\d\b", line))) == 1), None) or next(
        (lead_date(p.text) for p in article.paragraphs if not p.question), None)  # the first statement's
    # "Today, 24 April 2025, …" (in the second or third paragraph, 14 of 17 GOV.UK pages fell on their day: left out)
    subject = mail.subject and title_without_labels(mail.subject)  # ("Fwd: Press release: …", review 7)
    article.headline = subject if mail.titled else article.headline or subject
    _title_above_the_lead(article)
    title_the_page_lists(article)
    _digest_story_title(article)
    _stamp_under_the_headline(article, stamps)
    _letter_above_the_story(article)
    _pinned_post(article)
    _thread_numbers(article)
    _post_above_the_share(article)
    _teasers_of_the_text(article)
    _link_card_title(article)
    if article.outlet is None:
        first, last = (article.paragraphs[0].line, article.paragraphs[-1].line) if article.paragraphs else (0, 0)
        below = [line for number, why, line in sorted(article.dropped)  # a short last line: "Thank you. VNS"
                 if number > last and why.startswith("short line")]
        closing = next(filter(None, map(_closing_outlet, [*below[-1:], *(p.raw for p in article.paragraphs[-1:])])),
                       None)
        # the closing mark when no masthead, byline or credit names one (before a photo's credit, NAMING's last:
        # "— VNA/VNS Photo" on a Viet Nam News page that closes "— VNS"); then the site named after the headline
        titled = (site_outlet(line) for n, why, line in sorted(article.dropped)  # (also a page's <title> line
                  if why.startswith("headline") or (n < first and " | " in line))  # above its <h1>'s)
        article.outlet = named_outlet(article.dropped, NAMING[:-1]) or closing \
            or institution_outlet(article.dropped, first) or masthead_outlet(article.dropped) \
            or named_outlet(article.dropped, NAMING[-1:]) \
            or next(filter(None, titled), None)  # (a ministry's page before a photo's credit)
    return article


# a shared link's card under a social post, copied as text: its site's address alone on a line ("VNANET.VN"), then the
# linked article's title (read 75)
CARD_DOMAIN = re.compile(r"^(?:[\w-]+\.)+(?:vn|com|net|org|gov|int|info|news|asia)$", re.IGNORECASE)


# what a social post's page shows around it: its reactions' buttons, its clock ("June 10 at 9:42 AM ·", "10:15 AM ·
# Jun 15, 2026"), its counts ("47 Reposts 6 Quotes 212 Likes")
POST_SIGNS = re.compile(r"^(?:Like\s*·?\s*Comment|Like Comment Share)|\bat \d{1,2}:\d{2}\s*(?:AM|PM)?\s*·"
                        r"|\d{1,2}:\d{2}\s*(?:AM|PM)\s*·\s*\w{3} \d{1,2}, \d{4}"
                        r"|\b\d+(?:\.\d)?K?\s+(?:Reposts|Likes|shares|comments)\b")


def _a_post(article: Article) -> bool:
    """Whether a page is a social post's: its outlet a social site, or its clock, buttons or counts among its lines."""
    return (article.outlet or "").startswith(("X (", "Facebook", "LinkedIn", "Instagram", "Threads", "Zalo")) or any(
        POST_SIGNS.search(line) for _, _, line in article.dropped)


def _link_card_title(article: Article) -> None:
    """A post's headline where it shows none: the title of the link card it shares, the short line right under a line
    that is a site's address alone ("VNANET.VN" / "Vietnam, Japan launch 1.2-billion-USD chip talent fund")."""
    if article.headline or not _a_post(article):
        return
    lines = {n: (why, line.strip()) for n, why, line in article.dropped}
    kept = {p.line: p for p in article.paragraphs}  # (a short line may also stay as a paragraph)
    first_text = article.paragraphs[0].line if article.paragraphs else None
    for n, (_, line) in sorted(lines.items()):
        if not CARD_DOMAIN.match(line) or (first_text is not None and n < first_text):  # (a card is under the text)
            continue
        at = next((m for m in (n + 1, n + 2) if m in lines or m in kept), None)
        below = lines[at] if at in lines else ("paragraph", kept[at].text.strip()) if at in kept else None
        if below and 4 <= len(below[1].split()) <= 20 and short_unpunctuated(below[1], 20) \
                and not below[0].startswith("headline"):
            if at in kept:
                article.paragraphs.remove(kept[at])
                article.dropped.append((at, "headline (a shared link's title)", kept[at].raw))
            article.headline = below[1]
            return


def _closing_outlet(last: str) -> str | None:
    """The agency whose code closes the text ("… the two countries. — VNS"); None for none, or for a quotation's
    source ("” — VnExpress")."""
    mark = END_MARK.search(last)
    named = re.search(rf"\b(?:{OUTLET_PATTERN})\b", mark.group(0), re.IGNORECASE) if mark else None
    return outlet_name(named.group(0)) if named and named.group(0).isupper() else None


# a label of one or two capitalised words alone on its line above a page's text ("Department:", "Issuing Office:"; not a
# speaker's "… said:", "Contents:" or "Summary:")
LABEL_LINE = re.compile(r"(?![*_]*(?i:said|says|writes|wrote|adds|added|contents|summary)\b)"
                        r"[*_]*[A-Z][\w&'’-]{1,30}(?: [A-Z][\w&'’-]{1,30})?:[*_]*")
# a site's notice above a page's text (reads 33): an acknowledgement of country on a government's pages, "[Notice] The
# JAPAN eVISA system will be unavailable …"
SITE_NOTICE = re.compile(r"^(?:\[|【)(?i:notice|attention)(?:\]|】)"
                         r"|^We acknowledge the Traditional (?:Owners|Custodians)\b")
# a sponsor's label on a line of its own, above the advertisement ("SPONSORED" / "Explore Phu Quoc this autumn: book
# three nights, …" in a newsletter, read 32), or before it on the line ("Sponsored: Fly Hanoi to Tokyo …"); not
# "Advertisement" alone (the mark of an empty slot between paragraphs), a funder ("Sponsored by the Japan Foundation")
# or "PARTNER CONTENT" over a sponsored story's own title
AD_LABEL = re.compile(r"^[*_\[(]*(?:sponsored(?: content| message)?|paid (?:post|content|partnership)|promoted"
                      r"(?: content)?)[*_\])]*\s*:?$", re.IGNORECASE)
AD_LINE = re.compile(r"^[*_\[(]*(?:sponsored|advertisement|ad)[*_\])]*\s*:\s+\S", re.IGNORECASE)
NAMING = ("outlet masthead", "outlet masthead and date", "byline/credit", "photo caption")


def site_outlet(title: str) -> str | None:
    """The outlet that a title's site name is ("… - VnExpress International" -> VnExpress, "… | UN News", "… - GOV.UK");
    None for a title with no known site after it."""
    site = split_site(title)[1]
    if not site or not (masthead(site) or site.lower() in SITE_NAMES):
        return None
    return known_outlet(site)


def known_outlet(site: str) -> str:
    """A site's name as the outlet the project knows it by ("VnExpress International" -> "VnExpress"), else as it is
    ("Emirates News Agency")."""
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


def _clipped_site(title: str) -> str | None:
    """The site's name after a clipped page's title ("Colombo Plan redux: … | Lowy Institute"): a short name of
    capitalised words (its small linking words aside) after a title of three words or more; None for none."""
    head, site = split_site(title)
    words = site.split()
    if len(head.split()) < 3 or not 1 <= len(words) <= 5:
        return None
    if SITE_SHAPE.match(site) or masthead(site):
        return known_outlet(site)
    if any(ch.isdigit() for ch in site) or not words[0][:1].isupper() \
            or not all(w[:1].isupper() or w in SMALL_TITLE_WORDS for w in words):
        return None
    # a publisher's name, not a section, a writer or a series ("| Analysis", "| Live Updates", "| Business News",
    # "| Part Two", "| Nguyen Minh Quang")
    if all(w.lower() in SECTION_WORDS for w in words) or is_vietnamese_name(words):
        return None
    return known_outlet(site)


# the words a section's, a label's or a region's name is made of (a site's name after a clipped title is not)
SECTION_WORDS = {"analysis", "opinion", "opinions", "commentary", "editorial", "editorials", "explainer", "exclusive",
                 "feature", "features", "interview", "interviews", "live", "updates", "update", "news", "latest",
                 "breaking", "world", "asia", "southeast", "east", "south", "north", "west", "pacific", "europe",
                 "africa", "americas", "international", "national", "local", "business", "economy", "politics",
                 "press", "media", "releases", "release", "statements", "speeches", "blog", "podcast", "video",
                 "videos", "photos", "gallery", "in", "pictures", "part", "one", "two", "three", "series", "and",
                 "the", "of", "&", "home", "culture", "society", "sports", "sport", "travel", "tech", "science",
                 "health", "environment", "markets", "diplomacy", "foreign", "affairs", "vietnam", "viet", "nam"}


SMALL_TITLE_WORDS = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "with", "at", "by", "as", "from"}


def _clipped_title(page: MarkdownPage) -> str | None:
    """A Markdown page's title: the story's own "# heading" below a clipper's title where it tells the same story (two
    words or more in common: the clipper's is the page's <title> or og:title, "Thai Navy hands over 22 Vietnamese
    fishermen … | VOV.VN" over "# Thailand returns 22 Vietnamese fishermen …"), else the front matter's or first
    heading's title (not "# News and Events" or "# Ministry of Foreign Affairs of Viet Nam" below it)."""
    if page.classed_title:  # the heading the page marks as its entry's title ("# … {.entry-title}")
        return page.classed_title
    story, title = page.story_heading, page.title
    if not story or names_site(story) or (vietnamese_title(story) and title and not vietnamese_title(title)):
        return title  # (a bilingual page's Vietnamese heading over its English one)
    if not title or story == title:
        return story
    return story if _words_in_common(story, without_site(title), r"[^\W_]+", SMALL_TITLE_WORDS) >= 2 else title


def ingest_document(text: str, doc_id: str, label: str) -> Article:
    """Ingest one document whose kind (.html/.md/plain) is told by the suffix of ``label`` (or, for plain text and
    standard input, by markup that opens it as HTML)."""
    if not text.strip():
        raise NoTextError(f"{label}: empty {'text' if label.startswith('<') else 'file'}")  # "<request>", "<stdin>"
    text = raw_message_text(text) or text  # a mail program's saved message (.eml, or as .txt)
    text = without_run_in_banner(latest_wire_items(without_wire_marks(text)))  # (an old wire's "^…<" lines, its
    # stories' earlier versions; a consent banner run in)
    published, own, title, site = None, False, None, None
    page, sections = None, ()
    if label.lower().endswith((".html", ".htm")) or (not label.lower().endswith(".md") and looks_like_html(text)):
        html = html_page(text)
        text, published, own, site, sections = html.text, html.published, html.own_date, html.site, html.sections
        title = html.title if html.title and 3 <= len(html.title.split()) <= 40 else None
    elif label.lower().endswith(".md"):
        page = MarkdownPage(text)
        text, published, own, title = page.text, page.published, True, _clipped_title(page)
    article = ingest_text(text, doc_id, label)
    article.sections = sections
    if page is not None:
        article.dropped[:0] = page.dropped  # front matter and code, before what ingest_text dropped
    if title and page is not None and page.heading == title and (names_site(title) or any(
            why == "outlet masthead" and line.strip("*# ") == title for _, why, line in article.dropped)):
        title = None  # "# VOV World": the site's name set as the page's first heading, not its title
    if title and article.headline and straight_quotes(article.headline).startswith(straight_quotes(title)) and \
            re.fullmatch(r"\s+[-–—|]\s+[^-–—|]{2,50}", article.headline[len(title):]):  # the page's <title> over the
        article.headline = title  # same line with the site's name after it ("… - Capitol Trade Report", read 46; its
        # apostrophes straight where the <h1>'s are curly, "Vietnam's … – The Diplomat", read 63)
    heading_line = title and _heading_line(article.dropped, title)
    if title and vietnamese_title(title) and article.headline and not vietnamese_title(article.headline):
        title = None  # a bilingual page's Vietnamese <h1> over the English title its text has (read 41)
    own = title and title_without_labels(without_site(title))
    if title and (page is not None or heading_line):  # the page's own title (front matter, "# …", <h1>) beats the
        article.headline = own  # longest short line above the body (a clipped page's title keeps the site's name: "…
        # on lithium — MercoPress")
        article.dropped = [(n, "heading (the page's title is the headline)" if why.startswith("headline")
                            else why, line) for n, why, line in article.dropped]
        _digest_story_title(article)  # (a newsletter's own title: its top story's)
    said = comparable(own) if own else None
    if said and article.headline is None and len(article.paragraphs) > 1 \
            and comparable(article.paragraphs[0].text) == said:  # the page's title read as its first paragraph,
        article.headline = own  # under no other headline (read 88: a <h1> and its copy above the text)
        _set_aside(article, [p for p in article.paragraphs[:2] if comparable(p.text) == said],
                   "headline (the page's title, above the text)")
    first = article.paragraphs[0] if len(article.paragraphs) > 1 else None
    if first and page is None and title and article.headline and len(split_sentences(article.headline)) > 1 \
            and comparable(first.text) == comparable(article.headline):  # a page's <h1> of a title of two sentences,
        _set_aside(article, [first], "headline (again, above the text)")  # under the <title> that gave the headline,
        # read as the text's first paragraph (read 68: "Vietnam Lent Its Capital's Name to a Treaty. Now It Should Lead
        # on Ratification."; not a clipped page's one-sentence title that its text repeats, a review found)
    article.outlet = article.outlet or (site_outlet(title) if title else None) \
        or (known_outlet(site_name(site)) if site else None) \
        or (_clipped_site(page.title) if page is not None and page.title else None)
    # ("<title>… | UN News</title>", then og:site_name, then a clipper's "… | Lowy Institute")
    date = published and (zoned_date(published) or parse_date(published[:10]) or parse_date(published))
    if date and (own or article.date is None):  # the page's own date beats a "today" line in its header
        article.date = date
    if not article.paragraphs:
        raise NoTextError(f"{label}: no paragraphs of text found (every line looked like page noise)")
    return article


def ingest_path(path: Path, doc_id: str | None = None) -> Article:
    """One page as an article whose doc_id is ``doc_id`` (default: the file's stem; see :func:`doc_ids`)."""
    if path.suffix.lower() not in PAGE_SUFFIXES:
        rows = {".jsonl": "; the rows of a JSONL file are read by `diplo-ml predict`"}.get(
            path.suffix.lower(), "; a feed's items are read by `diplo-ml predict`, `ingest` and `brief`"
            if path.suffix.lower() in FEED_SUFFIXES else "")
        raise DataError(f"{path}: unsupported file type '{path.suffix}' (use {', '.join(PAGE_SUFFIXES)}{rows})")
    if path.suffix.lower() == ".eml":  # (a message in any charset: read as bytes, decoded as it declares)
        raw = path.read_bytes()
        text = raw_message_text(raw.decode("utf-8", "surrogateescape")) or raw.decode("utf-8", "replace")
    else:
        text = pdf_text(path) if path.suffix.lower() == ".pdf" else read_text(path)
    return ingest_document(text, path.stem if doc_id is None else doc_id, str(path))


def read_articles(path: Path, doc_id: str) -> list[Article]:
    """The articles of one file: a page's one (:func:`ingest_path`), a feed's items (:func:`feed_articles`)."""
    if not is_feed(path):
        return [ingest_path(path, doc_id)]
    if path.suffix.lower() in FEED_SUFFIXES:
        return list(feed_articles(path, doc_id))
    try:  # a page's suffix on a feed's text: its items, else (cut short, or broken) the page it is as text
        return list(feed_articles(path, doc_id))
    except NoTextError:
        return [ingest_path(path, doc_id)]


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
            articles.extend(read_articles(path, doc_id))
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
