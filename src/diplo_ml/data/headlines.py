"""Which line above a page's body is its headline: a title over several lines, a speech's title block, a site's
menu, a caption, a byline, a stamp or a label each set aside with its reason (:func:`pick_headline`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from diplo_ml.data.article import Article
from diplo_ml.data.datelines import MONTHS, WEEKDAYS, masthead, parse_date
from diplo_ml.data.examples import slug_words
from diplo_ml.data.language import ENGLISH_TITLE_WORDS
from diplo_ml.data.line_joins import capitals
from diplo_ml.data.page_noise import (
    BYLINE,
    FULL_TEXT_OF,
    OFFICE_TITLES,
    OPINION_SECTION,
    PICTURED,
    PROMPT,
    QUESTION_PREFIX,
    SITE_WELCOME,
    STORY_VERB,
    TERMINAL,
    short_unpunctuated,
    without_site,
)
from diplo_ml.data.page_text import NEWS_VERB
from diplo_ml.text import strip_diacritics

# emoji, which a social post sets among its words ("🇻🇳🇨🇦 …", "✅ The two sides …", "… trade. 🤝"): the emoji
# blocks and the few older symbols posts use as emoji (not ★ ratings, ✓ ✗ in tables, ✈, ♪, ° or ®)
PICTOGRAPHS = re.compile("[\U0001F000-\U0001FAFF\u2705\u2728\u274C\u2764\u2615\u26A1\uFE0F\u200D]+ ?")


def without_pictographs(title: str) -> str:
    """A title without the emoji a social post sets around it ("🇻🇳🇨🇦 AMBASSADOR … COOPERATION 🌏")."""
    return PICTOGRAPHS.sub("", title).strip() or title


def _without_suffix(title: str, lines: list[str]) -> str:
    """A page ``<title>`` without the site or section it appends to the article's own heading, given among ``lines``
    ("PM meets Korean leaders - VnExpress International" beside "PM meets Korean leaders" -> the latter)."""
    for line in sorted(lines, key=len, reverse=True):
        rest = title[len(line):] if len(line.split()) >= 3 and title.startswith(line) else ""
        if re.match(r"\s*[-–—|:]\s+\S", rest):
            return line
    return title


# what a title carries that is none of its words: a wire service's tag before it ("(LEAD) N. Korea fires …", "(URGENT)
# …", "(2nd LD) …"), a breadcrumb ("Home › Media and resources › News › …"), a link after it (a share's text)
TITLE_EXTRAS = re.compile(r"^\((?:LEAD|URGENT|UPDATE|\d+(?:st|nd|rd|th) LD|ATTN[^)]{0,60})\)\s*"
                          # a mail's label of what it sends: "[PRESS RELEASE] EU and Viet Nam open …" (read 49), "[MTI
                          # Press Release] …", "[THONG BAO / NOTICE] …", "MEDIA RELEASE: …" (read 51, 52)
                          r"|^\[(?=[^\]]*[A-Za-z]{2})[^\]]{2,40}\]\s+(?=(?-i:[A-Z0-9\"“‘]))"  # ("[PR 14/2026] …";
                          # not "[Re]Connecting", nor an editor's "[Vietnam] will never choose sides, …")
                          r"|^(?:embargoed\s+)?(?:press|media|news) (?:release|advisory|statement|alert)\s*:\s*(?=\S)"
                          # (a release's number: "Press Release 47/2025 – Vietnamese pomelo …", read 87)
                          r"|^(?:press|media) release\s+(?:no\.?\s*)?\d{1,4}(?:/\d{2,4})?\s*[–—:-]\s+(?=\S)"
                          # ("EMBARGOED PRESS RELEASE: …", "News alert: 27 Vietnamese fishermen …", read 70; not "MFA
                          # Press Release: …" nor "Notice: …", which reads 43, 44 and 58 keep in the title)
                          r"|^(?:op-?ed|opinion|article|column|commentary) (?:submission|pitch|draft)\s*:\s*(?=\S)"
                          # (a mail's subject: "Op-ed submission: Give Vietnamese culture …", read 68)
                          r"|^(?:headline|hed)\s*:\s*(?=\S)"  # (a draft's own label: "HEADLINE: Houston …", read 76)
                          # the opinion section's label: "Opinion: Australia and Vietnam must …" (review 4 of s55);
                          # not a form that titles keep ("Explainer: Why …", "Interview: …", read 41)
                          rf"|^{OPINION_SECTION}\s*[:|]\s*(?=(?-i:[A-Z0-9\"“‘]))"
                          r"|^[■□●○▪◆◇►•]\s*(?=\w)"  # a bullet before a notice's title: "■ CITIZEN PROTECTION NOTICE"
                          r"|^(?:home|homepage|trang chủ)(?P<crumb>\s+[›»>/|]\s+)(?:[^›»>|]{1,40}?(?P=crumb))*"
                          r"|(?<!\bat)(?<!\bat:)(?<!\bon)(?<!\bvia)(?<!\bfrom)(?<!\bvisit)\s+https?://\S+$"
                          r"|^[1-9][.)]\s+(?=(?-i:[A-Z]))(?!(?:things|ways|reasons|facts|tips|steps|lessons|questions)\b)"
                          # (a bulletin's item: "1. VIET NAM AND …", "1. Viet Nam hosts …"; not "10. Things to know")
                          # a wire's version before its headline: "UPDATE 2-Vietnam, Philippines sign …", "REFILE-…"
                          r"|^(?-i:(?:UPDATE|REFILE|CORRECTED|RPT|WRAPUP|EXCLUSIVE)(?: \d{1,2})?)\s?-(?=[A-Z])"
                          # an update's label and a write-through's: "UPDATE: …", "Updated: …", "2nd LEAD: …" (reads
                          # 80, 82; the keys keep "Update: Talks resume …", "Live: …", "Notice: …", "… Episode 112: …",
                          # as the page prints them)
                          r"|^(?:(?-i:UPDATE)|updated|\d(?:st|nd|rd|th) lead)\s*:\s+(?=(?-i:[A-Z0-9\"“‘]))"
                          # a share's mail: "Trần Thị Lan shared an article with you: Summer camp opens …" (read 85)
                          r"|^[^:]{2,60}? shared (?:an article|a story|a link|a post|this(?: article)?) with you\s*:\s+"
                          r"(?=(?-i:[A-Z0-9\"“‘]))"
                          # an embargo before a release's title: "EMBARGOED 00:01 Thursday 20 November – Tánaiste …"
                          r"|^(?:embargoed?|under embargo)\b[^–—|]{0,60}?\s[–—|-]\s+", re.IGNORECASE)


# an outlet's name as a label before a title: "Bernama: Malaysia, Vietnam to set up …" (a media-monitoring mail), "VNS
# Alert: Vice President meets …" (an outlet's alert), read 57; one word, or any name before "Alert" (not "Voice of
# Vietnam: 80 years of telling …", the outlet as the story's subject, review 6; nor "Vietnam: …", a title's topic)
OUTLET_LABEL = re.compile(r"^(?:(?P<outlet>[A-Z][\w&.'’-]{1,20})|(?P<alerting>[A-Z][\w&.'’ -]{1,30}?) (?:news )?alert)"
                          r"\s*:\s+(?=[A-Z0-9\"“‘])", re.IGNORECASE)


def title_without_tags(title: str) -> str:
    """A title without a wire's or a mail's labels before it (:data:`TITLE_EXTRAS`)."""
    for _ in range(3):  # (labels one after another: "[MOFA Press] Press release: Viet Nam introduces …", read 78)
        title, before = TITLE_EXTRAS.sub("", title), title
        if title == before:
            break
    return title


def title_without_labels(title: str) -> str:
    """A title without a wire's or a mail's labels before it (:func:`title_without_tags`) nor an outlet's name as a
    label (:data:`OUTLET_LABEL`, a name :func:`masthead` knows)."""
    title = title_without_tags(title)
    label = OUTLET_LABEL.match(title)
    return title[label.end():] if label and masthead(label["outlet"] or label["alerting"]) else title

# a site's languages, each in its own name: "Tiếng Việt | English | Français | Español | 中文 | 日本語 | 한국어 | ไทย"
LANGUAGES = {"English", "Tiếng Việt", "Français", "Español", "Deutsch", "Русский", "中文", "日本語",
             "한국어", "ไทย", "ພາສາລາວ", "Indonesia", "Bahasa Indonesia", "Bahasa Melayu", "Italiano", "Português",
             "العربية", "ភាសាខ្មែរ", "Khmer", "Lao", "Tagalog", "Filipino", "简体中文", "繁體中文", "Nederlands",
             "Polski", "EN", "VN", "VI", "FR", "ES", "DE", "RU", "ZH", "JA", "KO", "TH"}
# an event notice's labels: "Time: 14:30–15:30, Thursday …", "Venue: Meeting Room 2, …"
EVENT_LABEL = re.compile(r"^(?:time|date|venue|place|location|when|where|date and time|time and venue|organi[sz]er"
                         r"|registration|rsvp|languages?|interpretation|dress code|accreditation)\s*:",
                         re.IGNORECASE)
# a broadcast transcript's header fields (reads 104, 108): "Programme: Vietnam in the World (weekly, 20 min)", "Air
# date: Wednesday, 24 September 2025, 19:00 ICT …", "Interviewee: …, Ambassador of Vietnam to Australia", "Station: …"
BROADCAST_FIELD = re.compile(r"^(?:programme|program|broadcast|air ?date|aired|first aired|duration|running time"
                             r"|date:\s*[\d/.-]+\s+time"  # ("Date: 16/10/2025  Time: 17:10 AEDT")
                             r"|presenters?|interviewees?|station|channel|network|frequenc(?:y|ies)|producers?|hosts?"
                             r"|(?:studio )?guests?|correspondents?|item|segment|recorded)\s*:", re.IGNORECASE)
# a station's or a monitoring service's name after a dash: "(VOV5) – ENGLISH SECTION", "MEDIAMONITOR ASIA-PACIFIC -
# BROADCAST TRANSCRIPT" (read 108; not a headline in capitals, "VIETNAM LAUNCHES NEW CONSULAR SERVICE")
SERVICE_NAME = re.compile(r"\s[-–—]\s+(?:ENGLISH |OVERSEAS |FOREIGN |WORLD |INTERNATIONAL )?(?:NEWS )?"
                          r"(?:SERVICE|SECTION|DESK|(?:BROADCAST |MONITORING )?TRANSCRIPT)\s*$")
# a letter's or a notice's addressee: "To: Overseas Vietnamese community", "For: All Filipino nationals in Viet Nam"
# (not a title "To: the point – why …": capitalised words, no verb)
ADDRESSEE = re.compile(r"^(?:to|for|attn)\s*:\s*(?:(?:all|the)\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?-i:[A-Z])[\w'’.-]*"
                       r"|of|in|and|the|for|at|on|considering|living|working|studying|residing|with|job|offers"
                       r"|nationals|citizens|community|residents)){0,14}\s*$", re.IGNORECASE)


def event_label(line: str) -> bool:
    """An event notice's label line (:data:`EVENT_LABEL`), not a page's bare date ("Date: 02/10/2025")."""
    return bool(EVENT_LABEL.match(line)) and not re.fullmatch(
        r"date\s*:\s*(?:[\d/.\s-]+|\d{1,2}\s+\w+\s+\d{4})\s*", line.strip(), re.IGNORECASE)


# a wire's note on what a new version adds: "(Adds Vietnamese minister's comments in paragraphs 5-7, background …)"
WIRE_NOTE = re.compile(r"^\((?:adds|updates|recasts|changes|corrects|rewrites|refiles|repeats|fixes|removes|inserts)"
                       r"\b[^)]{3,200}\)$", re.IGNORECASE)

# a page's title that ingestion would otherwise take for something else: a question ("Is Viet Nam's economic diplomacy
# paying off?", "Commentary: Why is …?"), "Full text of the Joint Statement …", "VIDEO: Vietnamese peacekeepers …"
TITLE_LINE = re.compile(rf"^(?:(?i:{FULL_TEXT_OF})|(?:VIDEO|Video|WATCH|Watch)\s*:\s*[A-Z])")
# a site's or an organisation's name, nothing else: "Embassy of the Socialist Republic of Viet Nam in the Republic of
# Korea", "Ministry of Foreign Affairs of Viet Nam" (not "Embassy of Vietnam holds Tet gathering")
SITE_NAME = re.compile(r"^(?:[A-Z]\w*(?: [A-Z]\w*)? [–—-] )?(?:The )?(?:(?:U\.S\.|U\.K\.|US|UK) )?"
                       r"(?:Embassy|Consulate(?: General)?|(?:Permanent )?Mission|Ministry|Office|Department|Delegation"
                       r"|Global Affairs)\b"
                       r"(?:(?:,?\s+|\s+[–—-]\s+)(?:[A-Z][\w.'’&-]*|of|the|in|to|and|for|at|on|&|other|international"
                       r"|organi[sz]ations))*$")
# (also "France Diplomacy – Ministry for …", "Ministry of Foreign Affairs, Republic of Korea", "Permanent Mission of …
# to the United Nations Office, WTO and other international organizations in Geneva", read 113)


# a page's contact line: "Hotline for citizen protection: +82 10 5555 0123", "Email: consular@…", "Floor 9, Lotte
# Center Office Tower, 54 Lieu Giai, Ba Dinh, Ha Noi"
CONTACT = re.compile(r"(?<![\d+])(?!(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d\b)\+?\d[\d\s().-]{7,}\d"  # a telephone
                     r"|[\w.-]+@[\w-]+\.\w"  # number (not a term, "2026-2028") or an e-mail address
                     r"|^(?:(?:Floor|Level|Room|Suite|Unit)\s+\d+|\d+(?:-\d+)?\s+[A-Z][\w ]{2,30}\s"
                     r"(?:Street|Road|Avenue|Boulevard)),(?:\s*[^,]+,){1,6}\s*[^,]+$"  # (or an address, or one with
                     # no number in names alone: "Tran Hung Dao Street, Hoan Kiem, Ha Noi, Viet Nam"; not "Wall
                     # Street, Europe, Asia rally as inflation cools")
                     r"|^(?:[A-Z][\w'’-]*\s+){1,4}(?:Street|Road|Avenue|Boulevard)(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
                     r"{2,6}$")


# a page's date line, however long its note: "Delivered on: 19 March 2026 (Transcript of the speech, exactly as …)"
# a forwarder's note above a pasted story ("Tom - pasted below from VnExpress International (…). Mai", read 34; "FYI
# - useful background"), not a headline's "full text below" or "FYI: Japan extends e-visa scheme …"
FORWARDER_NOTE = re.compile(r"\b(?:pasted|copied|forwarded) below\b|\bsee (?:the )?(?:article|story|text) below\b"
                            r"|^\W*FYI\b(?!\s*:)")
BYLINE_PARTS = re.compile(r"\s+[·•|—–]\s+")  # the parts of a byline line: writer · date · reading time
PUBLISHED_LINE = re.compile(r"^(?:(?i:(?:first )?published|delivered on|last updated|updated|posted)(?: on)?:?\s+"
                            rf"(?=\d|(?i:{WEEKDAYS}|{MONTHS})\w*\.?,? (?:(?i:{MONTHS})\w*\.? )?\d)"
                            # a release's date alone: "For immediate release: 6 November 2025"
                            r"|(?i:for immediate release):?\s+"
                            r"(?=(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2},?) \d{4}\s*$))")


# the label of an opinion page, above a title that may be a question ("Commentary" / "Is Viet Nam's economic
# diplomacy paying off?"); an interview's or a FAQ's first question is no title
OPINION_LABEL = re.compile(rf"^(?:{OPINION_SECTION}|analysis|perspectives?|column|comment)$", re.IGNORECASE)


def title_line(line: str, reason: str | None, above: list[tuple[int, str]]) -> bool:
    """A line above the body that is the page's title though it ends in "?" (under an opinion page's label, see
    :data:`OPINION_LABEL`) or reads as a heading or media link (see :data:`TITLE_LINE`)."""
    text = line.strip()
    question = text.endswith("?") and 3 <= len(text.split()) <= 20 and not text.startswith("**") \
        and not QUESTION_PREFIX.match(text) and not PROMPT.match(text) and reason is None \
        and any(OPINION_LABEL.match(label.strip("*_# ")) for _, label in above)
    return question or (bool(TITLE_LINE.match(text)) and short_unpunctuated(text, 30))


# the rest of a title that a page's width broke inside a name: "Keynote speech by Prime Minister Pham Minh" / "Chinh at
# the 9th Mekong-Japan Summit"
WRAPPED_NAME = re.compile(r"^[A-Z][\w'’-]*\s+(?:at|in|on|of|to|for|with|from|during)\s"
                          # or a short rest of a title in capitalised words, its name's end and another name ("On
                          # the … of Huu Nghi International" / "Border Gate and Tan Thanh Border Gate", five words to
                          # eight; not a deck, "Vietnam and Laos sign deals", nor a label, "Politics and Diplomacy")
                          r"|^(?=(?:\S+\s+){4,7}\S+$)(?:[A-Z][\w'’-]*\s+){1,3}(?:and|of|for)(?:\s+[A-Z][\w'’-]*)+$")


# a speech's or statement's title block: "STATEMENT by H.E. Ambassador …" / "Permanent Representative of Viet Nam to
# the United Nations at …": the speaker's title and office go on the first line (not a headline below a label:
# "Statement by the Foreign Secretary" / "UK condemns …")
SPEECH_KINDS = ("statement|remarks|speech|address|keynote (?:speech|address)|intervention|message|opening remarks"
                "|closing remarks")
SPEAKERS_TITLE = re.compile(rf"^(?i:{SPEECH_KINDS})\s+(?i:by)(?:\s+\S|\s*$)")  # ("STATEMENT BY" alone too)
OFFICE = re.compile(r"^(?:(?:UK|US|U\.S\.|EU|Viet Nam['’]s|[A-Z][a-z]+['’]s) )?"  # "UK Permanent Representative …"
                    rf"(?:Permanent Representative|Deputy Permanent Representative|Deputy|Vice|Head|Chair"
                    rf"|Prime Minister|Foreign Minister|Charg[ée] d['’]Affaires|{OFFICE_TITLES})\b(?!['’]s)")


TITLE_GLUE = {"of", "to", "the", "and", "for", "at", "on", "in", "a", "an", "de", "du"}  # an office's small words
OCCASION = re.compile(r"^(?i:at|on|before|to|during)\s")


SPEAKERS_LABEL = re.compile(rf"^(?i:{SPEECH_KINDS})$")  # a title block's label alone on its line: "STATEMENT"


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
        if SPEAKERS_TITLE.match(line) and capitals(line) and (not re.search(r"\bBY\s*$", line) or all(
                capitals(above) or len(above.split()) < 4 or DELIVERY_NOTE.match(above) for _, above in ordered[:i])):
            # ("STATEMENT BY" alone: under a letterhead, a place, "Check against delivery", not under a news page's
            # own headline, a review found)
            if re.search(r"\sBY\s.{3,}\sAT\s(?:THE\s)?\S", line):  # (its speaker and occasion told already: the name
                return []  # below is no part of it, read 37's "KEYNOTE ADDRESS BY THE MINISTER … AT THE … FORUM …")
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


# a title-case headline's verb, which a body's name never has: "U.S. Embassy Hanoi Hosts Independence Day Reception",
# "Global Affairs Canada Announces New Funding", "Ministry Of Foreign Affairs Holds Regular Press Conference"
TITLE_VERB = re.compile(r"\b(?:Hosts?|Holds?|Celebrates?|Announces?|Signs?|Meets?|Welcomes?|Opens?|Launches?|Calls?"
                        r"|Urges?|Steps?|Visits?|Receives?|Marks?|Helps?|Supports?|Condemns?|Says|Agrees?|Discuss(?:es)?"
                        r"|Boosts?|Expands?|Strengthens?|Promotes?|Joins?|Attends?|Issues|Releases?|Warns?|Advises?"
                        r"|Hosted|Held|Opened|Launched|Signed|Met|Welcomed|Received|Visited|Announced|To|Will|Is|Are)\b")


# a page's address after a line, as a printed page's header gives it: "Ministry of Foreign Affairs - Socialist
# Republic of Viet Nam      https://…" (read 112)
TRAILING_ADDRESS = re.compile(r"\s+https?://\S+$")


def names_site(line: str) -> bool:
    """Whether ``line`` is a body's or a site's name and nothing else (:data:`SITE_NAME`, no headline's verb), with
    its address after it or not (:data:`TRAILING_ADDRESS`)."""
    text = TRAILING_ADDRESS.sub("", line.strip()).strip("*# ")
    return bool(SITE_NAME.match(text)) and not TITLE_VERB.search(text)


# the labels of a monitoring service's fields (not a title's "Live: … | Update: …", "Analysis: … | Part 2: …")
SERVICE_LABEL = re.compile(r"(?:^|\|\s*)(?:keywords?(?: set)?|delivery|matched terms|sentiment|relevance|est\. reach"
                           r"|reach|tier|query|frequency|alert(?: name)?|profile|clips?)\s*:", re.IGNORECASE)


def _drop_candidates(article: Article, candidates: list[tuple[int, str]], lines: list[tuple[int, str]],
                     reason: str) -> None:
    """Take ``lines`` out of the headline's ``candidates``, each dropped with ``reason``."""
    for number, line in lines:
        article.dropped.append((number, reason, line))
        candidates.remove((number, line))


# a newsletter's subject that names its issue, not a story: "Subject: Coffee diplomacy, a new consulate in Sapporo &
# ASEAN's week in Penang", "Subject: 🌏 Weekend read: Seoul comes to Hanoi, a new walking street and …"
DIGEST_SUBJECT = re.compile(r"^Subject\s*:(?=.*(?:&|,[^,]*(?:,| and )|\b(?:read|digest|briefing|newsletter|roundup"
                            r"|issue|week|edition)\b[^:]{0,20}:))", re.IGNORECASE)
# a rule across the page, also with a section's name in it ("━━━  DIPLOMACY  ━━━")
RULE_LINE = re.compile(r"^[-=_*~—–━═─]{5,}(?:\s+[A-Z][A-Z&' ]{1,30}\s+[-=_*~—–━═─]{5,})?$")


def _ruled_heading(candidates: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The last line above the body where it stands under a rule of dashes or equals signs (with a section's name in
    it or none), as a newsletter sets a story's title ("-----" / "1. VIET NAM, COLOMBIA SIGN …" / "-----", "━━━
    DIPLOMACY ━━━" / "" / "Hanoi and Seoul to …"); None for none."""
    rules = [n for n, line in candidates if RULE_LINE.match(line.strip())]
    last = next((c for c in reversed(candidates) if c[0] not in rules), None)
    above = max((n for n in rules if last and n < last[0]), default=None)
    ruled = above is not None and not any(above < n < last[0] for n, _ in candidates)
    return last if last and ruled and len(last[1].split()) >= 3 else None


def _below_the_menu(article: Article, candidates: list[tuple[int, str]], best: tuple[int, str]) -> tuple[int, str]:
    """The longest line below the site's menu where ``best`` stands above it: what stands above a
    site's navigation is its masthead and motto ("East Asia Forum" / "Economics, Politics and Public Policy in East
    Asia and the Pacific"), not the story's title (unless it names the site after it, as a print's header does)."""
    menus = [n for n, why, _ in article.dropped if why.startswith("navigation menu")]
    below = [c for c in candidates if menus and c[0] > max(menus) and len(c[1].split()) >= 4]
    repeated = any(best[1].lower()[:30] in line.lower() for _, why, line in article.dropped
                   if why.startswith(("navigation menu", "breadcrumb")))  # (a breadcrumb that ends in the title)
    if not below or best[0] > max(menus) or without_site(best[1]) != best[1] or repeated:
        return best
    return max(below, key=lambda c: len(without_site(c[1])))


# the words a site's menu is made of
MENU_WORDS = {"news", "business", "opinion", "world", "asean", "aseanplus", "life", "lifestyle", "travel", "auto",
              "property", "sport", "sports", "metro", "food", "tech", "video", "videos", "photo", "photos", "politics",
              "economy", "society", "culture", "overseas", "vietnamese", "home", "features", "nation", "national",
              "entertainment", "health", "education", "science", "environment", "law", "magazine", "multimedia",
              "podcast", "podcasts", "markets", "money", "style", "arts", "regional", "local", "asia", "thailand",
              "vietnam", "indonesia", "malaysia", "cambodia", "laos", "china", "international", "security", "defence",
              "defense", "diplomacy", "investment", "tourism", "climate", "weather", "e-paper", "epaper", "more"}
# what a photo's caption does, in the present: "Vietnamese and American officials attend a signing ceremony in Hanoi"
CAPTION_VERB = re.compile(r"\b(?:attend|attends|pose|poses|shake|shakes|sign|signs|speak|speaks|visit|visits|walk|walks"
                          r"|talk|talks|meet|meets|hold|holds|arrive|arrives|greet|greets|inspect|inspects|watch|watches"
                          r"|wave|waves|stand|stands|gather|gathers|queue|queues|look|looks|work|works)\b")


def _wrapped_titles(candidates: list[tuple[int, str]]) -> dict[tuple[int, str], list[tuple[int, str]]]:
    """A title in small letters centred over several lines, as a printed release sets it ("Viet Nam elected to the
    Executive Board" / "of the United Nations Children's Fund (UNICEF)" / "for the 2026-2028 term"; read 32): each
    candidate that such lines go on from, and those lines (the next lines, each opening with a small word)."""
    found: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for c in candidates:
        if capitals(c[1]) or c[1].rstrip().endswith((".", ":", "!", "?")) or len(c[1].split()) < 3:
            continue
        rest, end = [], c[0]
        for below in candidates:
            if below[0] == end + 1 and re.match(r"(?:of|for|and|in|on|to|at|with|from|by|the|a|an)\s", below[1]):
                rest.append(below)
                end = below[0]
        if rest:
            found[c] = rest
    return found


# a post's header on a social page ("EU in Viet Nam @EUinVietnam · Nov 27") and an account's handle on a line of its own
POST_HEADER = re.compile(r"@\w{2,30}\s*·\s*\S")
HANDLE = re.compile(r"@\w{2,30}")


ALERT_WORDS = {"URGENT", "BREAKING", "BREAKING NEWS", "ALERT", "FLASH", "UPDATE", "EXCLUSIVE", "JUST IN", "LIVE",
               "IMPORTANT", "NOTICE", "WARNING"}


# what a social site shows around a post (reads 41-46): its buttons, a pinned post's label, "3h ·", follower counts,
# a profile's tabs and "Joined March 2014", a post's header "… @handle · Nov 27", a thread's "1/7", counts of reposts
# and likes
SOCIAL_BUTTON = re.compile(r"(?:see new posts|show more replies|show this thread|show more|view (?:all )?replies"
                           r"|translate post|feed post|\+?\s*follow|search (?:facebook|linkedin|x|instagram|threads)"
                           r"|(?:(?:posts|replies|media|likes|highlights|articles|videos|photos|about)\s*[|·]?\s*){3,}"
                           r"|(?:[\d.,]+[KkMm]?\s+(?:reposts?|retweets?|quotes?|likes?|bookmarks?|views?|comments?"
                           r"|shares?|replies|reactions?)\s*[·|]?\s*){2,})", re.IGNORECASE)
SOCIAL_MARK = re.compile(r"^[\W_]*(?:pinned(?: message| post)?\s*:|\d{1,2}\s?(?:s|m|h|d|w|min|mins|hrs?)\s*[·•])"
                         r"|(?:^|·\s*|following\s+)[\d.,]+\s?[KkMm]? (?:subscribers|followers|members)\s*$"
                         rf"|\bjoined (?:{MONTHS}) \d{{4}}$|{POST_HEADER.pattern}"
                         r"|🧵\s*\d{1,2}/\d{1,2}$|\b\d{1,2}/\d{1,2}\s*🧵$"
                         # a post's day and its audience: "Mar 14 · 🌐", "14 March at 09:12 ·" (a review, s54)
                         rf"|^(?:(?:{MONTHS})\.? \d{{1,2}}|\d{{1,2}} (?:{MONTHS})\.?)(?:,? \d{{4}})?"
                         r"(?: at \d{1,2}:\d{2})?\s*·\W*$",
                         re.IGNORECASE)
# a page's name in Vietnamese and English: "Đại sứ quán Việt Nam tại Thái Lan - Embassy of Viet Nam in Thailand"
PAGE_NAME = re.compile(r"[^\x00-\x7f][^|–-]*\s[-–|]\s(?:the )?(?:embassy|consulate(?: general)?|ministry"
                       r"|(?:permanent )?mission) of\b[^.!?]{0,80}$", re.IGNORECASE)
# the same, the English name first ("Embassy of Viet Nam in the Republic of Korea - Đại sứ quán Việt Nam tại Hàn Quốc",
# read 55)
PAGE_NAME_ENGLISH_FIRST = re.compile(r"(?:the )?(?:embassy|consulate(?: general)?|ministry|(?:permanent )?mission) "
                                     r"of\b[^.!?|–-]{0,80}\s[-–|]\s[^\x00-\x7f]", re.IGNORECASE)


def _names_in_vietnamese(text: str) -> bool:
    """Whether ``text`` is a name in Vietnamese: half of its words marked, no word only English has."""
    words = text.split()
    return sum(bool(re.search(r"[^\x00-\x7f]", w)) for w in words) * 2 >= len(words) and not any(
        w.lower() in ENGLISH_TITLE_WORDS or w.lower() in ("celebrated", "hosts", "held") for w in words)


def _social_label(line: str) -> bool:
    """Whether a line above the text is a social site's button or label."""
    thread = re.search(r"(?<!\bon )(?<!\bfrom )(?<!\bto )(?<!\buntil )(?<!\bby )\b(\d{1,2})/(\d{1,2})$", line.strip())
    return bool(SOCIAL_BUTTON.fullmatch(line.strip()) or SOCIAL_MARK.search(line)
                or (thread and int(thread[1]) <= int(thread[2])))  # (a thread's "… 1/7"; not "… on 5/12")


ADDRESS = re.compile(r"https?://\S+")
FEED_ADDRESS = re.compile(r"(?:/|\.)(?:rss|atom|feeds?|xml)\b", re.IGNORECASE)
# a day after a title and a dash: "… Daily — Wednesday, 18 March 2026" (its words kept before it)
TITLE_DATE = re.compile(rf"(?<=\w)\s+[—–|-]\s+((?:{WEEKDAYS}),?\s+(?:\d{{1,2}}\s+(?:{MONTHS})"
                        rf"|(?:{MONTHS})\s+\d{{1,2}},?)\s+\d{{4}})$", re.IGNORECASE)  # (with its weekday: not
# "Remembering Dien Bien Phu – 7 May 1954" or "Viet Nam to host ASEAN summit – 26 October 2026", a review found)
# a digest's contents line: "IN TODAY'S BRIEF: PH-VN coast guard drill · Liem in Osaka · …" (read 49)
DIGEST_CONTENTS = re.compile(r"(?:in|inside) (?:this|today['’]s|this week['’]s) (?:issue|edition|brief|newsletter)\s*:",
                             re.IGNORECASE)
# a greeting of a post's readers: "Good morning, everyone! …" (not a title: "Hello, neighbour: …", "Good evening,
# Saigon: …", "Hi, Ambassador: …", a review found)
GREETING = re.compile(r"(?:good (?:morning|afternoon|evening)|hello|hi|greetings)(?:,? (?:everyone|all|friends|folks"
                      r"|readers|followers)\b|!)", re.IGNORECASE)
ALERT_PREFIX = re.compile(r"^[\W_]*(?-i:JUST IN|BREAKING(?: NEWS)?|URGENT|FLASH|ALERT|EXCLUSIVE)\s*\|\s*(?=\S)")  # (a
# bar's label; not "BREAKING: THE SILENCE ON …", "URGENT: …", whose length the other lines are measured against)
TITLE_FIELD = re.compile(r"^(?:title|headline)\s*\|\s*(\S.*)$", re.IGNORECASE)  # (a table's cell; not a card's "Title:
# The Long Road to Normalisation" under a book's news or a guest's "Title: Ambassador of Chile", a review found)


def _named_by_address(candidates: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The line above the body that says what the page's address says, where a line there gives one (read 48: "Nhan
    Dan Online – English edition https://en.nhandan.vn/vietnam-calls-for-stronger-asean-centrality-…-post161204.html"
    over "Vietnam calls for stronger ASEAN centrality at senior officials' meeting"; "vietnam-s" or "vietnams" for
    "Vietnam's")."""
    slugs = [words for _, line in candidates for url in ADDRESS.findall(line)
             if (words := slug_words(url)) and len(words) >= 5 and not FEED_ADDRESS.search(url)]  # (not a section's
    # feed: "…/rss/overseas-vietnamese-community-news.rss" over its label, a review found)
    if not slugs:
        return None
    for number, line in candidates:
        if ADDRESS.search(line):
            continue
        plain = strip_diacritics(line).lower()
        for words in (re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", plain)), re.findall(r"[a-z0-9]+", plain)):
            if any(words == slug or (len(slug) >= 6 and words[:len(slug)] == slug) for slug in slugs):
                return number, line  # (the whole title, or the start a site cuts its address to)
    return None


def _titled_again(candidates: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The line that says a line below it again with a site's name after it: the page's <title> ("Huế royal court
    music wins French hearts … - VOV World") over a programme's name and tagline above the story's own title (read
    75; the title stays the headline's line, so the site it names is the page's outlet); None where no line, or more
    than one, is so repeated."""
    repeating = [o for o in candidates if any(
        c[0] > o[0] and len(c[1].split()) >= 4 and o[1].startswith(c[1])
        and re.fullmatch(r"\s*[-–—|:·]\s*\S.{0,40}", o[1][len(c[1]):]) for c in candidates)]
    return repeating[0] if len(repeating) == 1 else None


def _given_twice(candidates: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The line of four words or more given twice above the body, the later (a printed page's header and the page
    itself, read 90: "2/3/25, 10:05 PM  Vietnamese firms seal …" / … / "Vietnamese firms seal …"); None where no
    line, or more than one, is."""
    seen: set[str] = set()
    twice: dict[str, tuple[int, str]] = {}
    for number, line in candidates:
        key = line.strip("*#_ ")
        if len(key.split()) >= 4 and not is_menu(key):
            if key in seen:
                twice[key] = (number, line)
            seen.add(key)
    return next(iter(twice.values())) if len(twice) == 1 else None


def _labels_off(line: str) -> str:
    """A title without the field name or alert label before it: "Title | Korea and Viet Nam agree …", "JUST IN |
    Malaysia, Singapore agree …" (read 49: a channel's post; the site's name is looked for after it, not in it)."""
    return ALERT_PREFIX.sub("", TITLE_FIELD.sub(r"\1", line))


# a note's shorthand: "note: ask Prof. …", "w/", "(save)", "ch.4", "todo", "pls", "cf.", "forgot to", "read later"
NOTE_SHORTHAND = re.compile(r"^[*_ ]*(?:note|nb|memo)\s*:|(?:^|\s)w/\s|\((?:save|saved|todo|to read)\)|\bch\.\s?\d"
                            r"|\b(?:todo|pls|cf\.|forgot to|remember to|read later|to read later)(?!\w)", re.IGNORECASE)


# what an office's statement says it does, in a title in capitals: "MINISTRY OF FOREIGN AFFAIRS CONDEMNS …" (a review)
OFFICE_VERB = re.compile(r"\b(?:CONDEMNS?|REJECTS?|WARNS?|DENIES|PROTESTS?|RESPONDS?|REACTS?|ISSUES|ANNOUNCES?"
                         r"|CONFIRMS?|EXPRESSES|EXTENDS|SENDS|REAFFIRMS?|CLARIFIES|REQUESTS?|ADVISES?|RECOMMENDS?"
                         r"|INFORMS?|APPEALS?|STRESSES|DEMANDS?|OPPOSES)\b")


# a wire's or a desk's transmission lines above a story (read 88): its slug ("BC-VN-INDIA-VISIT/FLASH"), its item number
# and priority ("VNA0733  3  CORRECTED-REPEAT", "RPW-0418  urgent  r i  BC-AS--…"), a service's stamp ("VNS-ENG
# 27/05/2027 17:42 WRITETHRU", "VNA English Service  21-09-2027 19:07 ICT"), an editors' note ("Eds: UPDATES with …"),
# a desk's "FINAL AS PUBLISHED 22:40 - section: …" and a digest's "Compiled 06:25, Friday …"
WIRE_HEADER = re.compile(r"\bBC-[A-Z][\w/-]*|^[A-Z]{2,6}-?\d{3,5}\s+(?:\d\b|(?:flash|urgent|bulletin|corrected|repeat"
                         r"|routine|advisory)\b)|^(?:eds?|editors)\s*:\s|^distribution\s*:\s*(?:[^,:]{2,40},\s*){2,}"
                         r"|\bfor internal (?:reference|use) only\b|\bnot for publication\b"  # (a monitoring unit's)
                         r"|^[A-Z]{2,6}-[A-Z]{2,6}\s+\d{1,2}/\d{1,2}/\d{4}\s"
                         r"|^(?:[A-Z]{2,6} )?(?:English )?(?:News )?Service\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
                         r"\s+\d{1,2}:\d\d"
                         r"|^final as published\b|^compiled\s+\d{1,2}[:.]\d\d\b"
                         # and a recording's transcript header (read 87, 91): "MOFA_briefing_2025-10-16_audio.m4a --
                         # auto transcript (Otter export) …", "Duration 00:41:52 | Speakers identified: 6",
                         # "[auto-transcript | source: MOFA regular press briefing livestream, …"
                         r"|^duration\s*:?\s*\d{1,2}:\d\d|\bspeakers identified\b|^\[?auto[- ]transcript\b"
                         r"|\.(?:m4a|mp3|wav|mp4|ogg)\b.*\btranscript\b", re.IGNORECASE)


# a site's address on a line: "www.straitsobserver.example", "en.vnanet.vn", "vietnamnews.vn/economy/1683390/….html"
SITE_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|int|info|example|jp|kr|sg"
                          r"|uk|au|fr|de|asia|news)\b(?:/\S*)?", re.IGNORECASE)


# what a page count or a link says beside an address: "Page 1 of 2", "Read online:", "View in browser"
ADDRESS_LABEL = re.compile(r"\W*(?:page \d+ of \d+|(?:read|view) (?:it |this )?(?:online|in (?:your )?browser))\W*",
                           re.IGNORECASE)


def _address_line(line: str) -> bool:
    """A printed page's or a masthead's line that gives a site's address beside a few words in capitals, a page count,
    a link's label ("Read online:") or a site's name before it ("Laotian Times — https://…") (reads 104-106:
    "VIETNAM NEWS AGENCY  en.vnanet.vn", "PRINT EDITION-STYLE VIEW · www.straitsobserver.example", "vietnamnews.vn/…
    .html  Page 1 of 2"); not a headline that names a site ("VietnamPlus.vn launches its Spanish edition")."""
    rest = SITE_ADDRESS.sub(" ", line)
    words = re.findall(r"[^\W\d_]+", rest)  # (an address alone is a masthead, read as the outlet's name)
    named = all(word.isupper() for word in words) or bool(ADDRESS_LABEL.fullmatch(rest.strip())) or (
        len(words) <= 3 and all(word[0].isupper() for word in words) and (
            re.search(r"[—–|:-]\s*$", rest.strip()) or re.search(r"\shttps?://[^/\s]+/\S", line)))  # (or a page's
    # full address after its site's name: "The Diplomat https://thediplomat.com/2025/11/…", read 113)
    return rest != line and 1 <= len(words) <= 5 and named and not STORY_VERB.search(rest)  # (not a title and its
    # site, "Viet Nam-Japan ties at 50 | vietnamnews.vn", nor one that names a site, a review found)


def pick_headline(article: Article, candidates: list[tuple[int, str]]) -> None:
    """The longest short line above the body is the headline; the others are section labels."""
    def drop(test: Callable[[str], object], reason: str) -> None:
        _drop_candidates(article, candidates, [c for c in candidates if test(c[1])], reason)

    _speakers_label(candidates)
    drop(PICTURED.search, "photo caption")  # "… (right) and … at the meeting"
    _drop_candidates(article, candidates, [c for c in candidates if _scene_caption(c, candidates)], "photo caption")
    drop(lambda line: is_menu(line) or SITE_WELCOME.match(line), "navigation menu, table row or site banner")
    # a hashtag bar ("Trending: #ASEAN2025 #NationalAssembly …"), a minister's name on a portfolio site ("Senator the
    # Hon Rachel Thornbury"), a "See also:" link, an image's alt text ("[Image: …]"), Viet Nam's national motto in an
    # official letterhead ("… Independence - Freedom - Happiness"), a postal address ("…, 62602 Putrajaya"); reads 32-33
    drop(lambda line: re.match(r"[#*_ ]*(?:trending|hot topics?|tags?)\s*:", line, re.IGNORECASE)
         or len(re.findall(r"(?:^|\s)#\w", line)) >= max(3, len(line.split()) - 1),
         "hashtag bar")
    drop(lambda line: re.match(r"(?:senator (?:the )?hon\.?|the hon\.?|hon\.|(?:the )?honou?rable) "
                               r"(?:dr |mr |ms |mrs )?"
                               r"(?-i:[A-Z][\w'’-]+)(?: (?-i:[A-Z][\w'’-]+)){1,3}(?: (?:MP|TD|MLA|MHA|AC|AO|OBE))*$",
                               line.strip("*_ "), re.IGNORECASE), "minister's name")
    drop(lambda line: re.match(r"(?:>\s*)?(?:see also|read also|also read|related)\s*:", line, re.IGNORECASE),
         "related link")
    # a printed page's menu without its bars ("News Business Opinion Thailand World Asean Life Travel Auto Property"),
    # a photo's caption run into its credit ("… during the joint patrol. ANTARA/HO-Bakamla RI", "… Centre. — The Star")
    drop(lambda line: len(line.split()) >= 5 and all(w[:1].isupper() and w.lower() in MENU_WORDS for w in line.split()),
         "navigation menu")  # (not "Sports Diplomacy Boosts Vietnam Travel Business")
    drop(lambda line: re.search(r"(?:(?<=[a-z]{3})|(?<=\b\d{4}))\.\s+(?:[—–-]\s*[A-Z][\w ./&-]{1,40}"
                                r"|[A-Z]{2,}[\w.&-]*/[\w ./&-]{1,40}"
                                r"|(?:Photo|Image|Credit)\b[^.]{0,40})$", line.strip()), "photo caption")
    drop(lambda line: FORWARDER_NOTE.search(line), "a forwarder's note")
    # a document's letterhead that ends on its number: "SOCIALIST REPUBLIC OF VIET NAM Citizen Protection Bulletin No.
    # 04/2026" (read 48: a bulletin's two columns run together above its title)
    drop(lambda line: re.search(r"\bNo\.? ?\d{1,4}/(?:19|20)\d\d$", line.strip("*_ "))
         and re.search(r"\b[A-Z]{2,}(?: [A-Z]{2,}){2,}\b", line), "document's number")  # (not "Foreign Ministry
    # publishes Citizen Protection Bulletin No. 05/2026", a review found)
    # an agency photo's caption with its photographer in capitals: "… signing ceremony in Hanoi (Nhac NGUYEN)" (read 34)
    drop(lambda line: re.search(r"\((?:[A-Z][a-z]+ )+[A-Z]{2,}(?:[ /-][A-Z]{2,})*(?:/[A-Z]{2,5})?\)$", line.strip())
         and len(line.split()) >= 6 and CAPTION_VERB.search(line), "photo caption")
    drop(lambda line: re.fullmatch(r"(?:sponsored|supported|funded|presented|organi[sz]ed) by [^,;:]{2,60}",
                                   line.strip(), re.IGNORECASE),
         "sponsor's credit")  # "Sponsored by the Japan Foundation" under a festival's title
    drop(lambda line: re.match(r"\[(?:image|photo|picture|graphic|video)\s*:", line, re.IGNORECASE), "image's alt text")
    # reads 36-38: a Markdown image ("![VnExpress International](https://…)"), a release's attachment ("Attachment
    # (250612) Press Release_….pdf"), a wire's slug and its note on what it adds ("SLUG: VIETNAM-SPOKESPERSON-…",
    # "(Adds Vietnamese minister's comments in paragraphs 5-7)"), a file photo's caption, a social site's buttons
    drop(lambda line: re.match(r"\[?!\[[^\]]*\]\(", line), "image")
    drop(lambda line: re.search(r"(?<=\w)\.(?:pdf|hwpx?|docx?|xlsx?|pptx?|zip|odt)\b", line, re.IGNORECASE),
         "attachment")
    drop(lambda line: re.match(r"(?:slug|keywords?|category|categories|ref(?:erence)?\.?(?: no\.?)?)\s*:", line,
                               re.IGNORECASE) or WIRE_NOTE.match(line) or ADDRESSEE.match(line),
         "label (a wire's slug or note, a category, an addressee)")
    drop(lambda line: WIRE_HEADER.search(line), "a wire's slug, number or stamp, or a recording's header")
    drop(lambda line: BROADCAST_FIELD.match(line) or SERVICE_NAME.search(line),
         "a broadcast transcript's header field or its service's name")
    drop(lambda line: sum(part.strip() in LANGUAGES for part in re.split(r"[|·•/]", line)) >= 3, "language switcher")
    labels = {n for n, line in candidates if event_label(line)} | {n for n, _, line in article.dropped
                                                                  if event_label(line)}
    _drop_candidates(article, candidates, [c for c in candidates if c[0] in labels and {c[0] - 1, c[0] + 1} & labels],
                     "event notice's label")  # ("Time: 14:30–15:30, …" / "Venue: …"; not a title "Time: 2030 is …")
    drop(lambda line: re.match(r"(?:file )?(?:photo|picture|image)\s*:", line, re.IGNORECASE)
         or re.search(r"\bFILE PHOTO\b|Purchase Licensing Rights,? opens new tab|^\[\d{1,2}/\d{1,2}\]\s", line),
         "photo caption")  # (a wire's gallery: "[1/2] A worker carries … REUTERS/… Purchase Licensing Rights")
    drop(lambda line: re.match(r"dear\b[^.!?]{0,160}?,\s*(?:we|I) (?:hope|wish) (?:you|everyone)(?: all)? (?:had|have"
                               r"|are|were|enjoy(?:ed)?)\b", line, re.IGNORECASE),
         "salutation")  # ("Dear fellow Vietnamese and friends in the Kansai …, we hope …", read 45)
    drop(_social_label, "social site's button or label")
    drop(lambda line: (PAGE_NAME.search(line) and _names_in_vietnamese(re.split(r"\s[-–|]\s", line)[0]))
         or (PAGE_NAME_ENGLISH_FIRST.match(line) and _names_in_vietnamese(re.split(r"\s[-–|]\s", line)[-1]))
         or re.fullmatch(r"\([^()]{5,120}\)", line.strip()),
         "page's name or a note in brackets")  # ("(Vietnamese version in the comments)", read 46)
    # a printed bulletin's contents: "2. Citizen protection in the United Arab Emirates ................. 1" (read 41)
    drop(lambda line: re.search(r"(?:\.\s?){4,}\s*\d{1,3}$|…{2,}\s*\d{1,3}$", line.strip()), "contents line")
    drop(lambda line: re.search(r"^(?:[A-Z][A-Z&,.' -]{3,}\s+)?Independence\s*[-–—]\s*Freedom\s*[-–—]\s*"
                                r"Happiness\s*$", line.strip()), "national motto (letterhead)")
    drop(lambda line: len(line.split(",")) >= 3
         and (re.search(r",\s*\d{5,6}\s+[A-Z][\w ]{2,30}(?:,\s*[A-Z][\w ]{2,30})?$", line)
              or (re.search(r",[^,]{2,40}\s(?:\d{5,6}|\d{3}-\d{4})$", line)
                  and re.search(r"\bNo\.|^\d|\b(?:Street|St\.|Road|Rd\.|Jl\.|Avenue|Ave\.|Blvd|Lane|Đường|Phố)", line)))
         and len(line.split()) <= 16,
         "postal address")  # (its postcode last: "Jl. Teuku Umar No. 25, Menteng, Jakarta Pusat 10310", read 83;
    # Japan's "50-11 Motoyoyogi-cho, Shibuya-ku, Tokyo 151-0062", read 106)
    # an office's letterhead in capitals: "EMBASSY OF THE SOCIALIST REPUBLIC OF VIET NAM IN THE UNITED MEXICAN
    # STATES" above a release's title (reads 37, 85)
    drop(lambda line: capitals(line) and len(line.split()) <= 16 and not STORY_VERB.search(line)
         and not OFFICE_VERB.search(line) and re.fullmatch(
        r"(?:THE )?(?:EMBASSY|CONSULATE(?: GENERAL)?|PERMANENT (?:MISSION|DELEGATION)|MINISTRY|DEPARTMENT)"
        r" OF [A-ZÀ-Ỹ&,.'’ -]{3,120}|(?:IN|TO) THE (?:SOCIALIST |FEDERAL |DEMOCRATIC |ISLAMIC |ARAB |UNITED "
        r"|PEOPLE['’]S )*(?:REPUBLIC|KINGDOM|STATES?|EMIRATES|COMMONWEALTH|SULTANATE|FEDERATION|CONFEDERATION"
        r"|GRAND DUCHY|NATION|UNION)"
        r"\b[A-ZÀ-Ỹ.'’ -]{0,60}", line.strip()),
        "an office's letterhead")  # (and its second line: "IN THE REPUBLIC OF INDONESIA")
    # a note's number, its kind and its distribution alone on their lines: "No. 0712/2026/DSQ-LS", "NOTE VERBALE",
    # "FOR WIDEST DISSEMINATION" (reads 37, 83: a note verbale has no title)
    drop(lambda line: re.fullmatch(r"no\.\s*\d+[/-]\S+|note verbale|diplomatic note|advisory"
                                   r"|for (?:widest |wide |immediate )?(?:dissemination|distribution)",
                                   line.strip(" *_#"), re.IGNORECASE), "a note's number, kind or distribution")
    # a video player's next clip: "Up next: A night at Ho Chi Minh City's new Ben Thanh food street (1:58) Autoplay ●"
    drop(lambda line: re.match(r"(?:up next|next up|watch next|coming up next|next video)\s*[:|]|autoplay\b", line,
                               re.IGNORECASE),
         "video player's next clip")
    # a ticker: "… USD 21,870 | THB 672 | CNY 3,065 | VND 0.83" (not "ASEAN 2025 | 46th Summit | Leaders adopt …",
    # "SEA Games 33 | Day 5 | Vietnam wins 12 golds")
    drop(lambda line: sum(bool(re.search(r"\d", part)) and len(part.split()) <= 6 for part in line.split(" | ")) >= 4,
         "ticker of rates or prices")
    # a channel's alert and category labels: "⚡️ URGENT | CITIZEN PROTECTION ⚡️" (read 41)
    drop(lambda line: len(parts := [p.strip() for p in re.split(r"[|·•]", without_pictographs(line))]) >= 2
         and all(p and capitals(p) and len(p.split()) <= 3 for p in parts)
         and any(p in ALERT_WORDS for p in parts), "alert and category labels")
    drop(lambda line: DIGEST_CONTENTS.match(line.strip("*_# ")), "a digest's contents")
    drop(lambda line: re.match(r"\[(?:clip|clipped|clipping|note|notes|saved|todo)\]", line,
                               re.IGNORECASE), "a collector's note")  # "[clip] en.vietnamplus.vn – 28/04/2026 – for …"
    drop(lambda line: re.fullmatch(r"\[(?:copied|pasted|saved|clipped|forwarded|archived)\b[^\]]*\]", line.strip(),
                                   re.IGNORECASE), "a collector's note")  # "[copied from Facebook, 15/06/2026 – …]"
    drop(lambda line: re.fullmatch(r"(?:#\w+[\s|,·•/]*){1,8}", without_pictographs(line).strip()),
         "hashtags")  # a post's tags above it: "📌 #EconomicDiplomacy | #VietnamJapan" (read 75)
    drop(lambda line: re.match(r"(?:to|cc|bcc|from|reply-to)\s*:[^@]*\S@\S", line.strip("*_ "), re.IGNORECASE),
         "e-mail header")  # ("To: Ngoc <ngoc@example.org>" in a message pasted as text)
    # a note to self in lower case, with a note's shorthand: "for ch.4 (overseas viets / soft power). forgot to copy the
    # title, …", "compare w/ the Thailand piece from March", "Subject: laos vn language - vnplus 1/6 (save)" (read 53;
    # not "von der Leyen, Vietnamese PM discuss …", "de minimis rules …": review 5)
    drop(lambda line: re.match(r"(?:(?i:subject)\s*:\s*)?[a-z]+\b(?![-’'])", line.strip("*_# "))
         and NOTE_SHORTHAND.search(line), "a collector's note")
    drop(lambda line: GREETING.match(re.sub(r"^[\W_]+", "", line)), "greeting")  # a channel's "☀️ Good
    # morning, everyone! Happy Saturday 🙌 Quiet start to the weekend so far. …" above its news post (read 49)
    # a social profile's name with its degree of connection and the tagline under it: "Sarah Whitcombe • 1st" /
    # "New Zealand Ambassador to Viet Nam | Diplomat | Trade & Agrifood" (read 41)
    shown = [*candidates, *((n, line) for n, _, line in article.dropped)]
    named = {n for n, line in shown
             if re.fullmatch(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,4}\s*[•·]\s*(?:1st|2nd|3rd\+?)", line.strip())
             and not re.search(r"\d", line.split("•")[0].split("·")[0])}  # (a name; its second tagline line too)
    handles = {n for n, line in shown if HANDLE.fullmatch(line.strip())}  # (an account's name over its "@handle":
    # "EU in Viet Nam" / "@EUinVietnam")
    _drop_candidates(article, candidates, [c for c in candidates if {c[0], c[0] - 1, c[0] - 2} & named
                                           or c[0] + 1 in handles], "social profile's name or tagline")
    bullets = [c for c in candidates if re.match(r"^[•▪◦·]\s", c[1])]  # a box's or a timeline's items ("• 2015 –
    # Second Thai–Lao Friendship Bridge used for …", read 30), where another line may be the headline
    if len(bullets) < len([c for c in candidates if len(c[1].split()) >= 3]):
        _drop_candidates(article, candidates, bullets, "list item (a box's or a timeline's, not a headline)")
    others = [c for c in candidates if (names_site(c[1]) or CONTACT.search(c[1])) and not PUBLISHED_LINE.match(c[1])]
    if len(others) < len([c for c in candidates if len(c[1].split()) >= 2]):  # only when another line may be it
        # ("Embassy of … in the Republic of Korea" / "NOTICE ON CITIZEN PROTECTION")
        _drop_candidates(article, candidates, others, "site name or contact line")
    wrapped = {c for c, below in zip(candidates, candidates[1:]) if below[0] == c[0] + 1 and capitals(c[1])
               and capitals(below[1])}  # (a title in capitals that goes on: "ON THE 2026 EPS-TOPIK … IN THE
    # MANUFACTURING," / "AGRICULTURE AND FISHERIES SECTORS")
    drop(lambda line: line.rstrip("*_ ").endswith(",") and not any(line == c[1] for c in wrapped), "salutation")
    for _, line in [c for c in candidates if PUBLISHED_LINE.match(c[1])]:
        article.date = article.date or parse_date(line)
    for _, line in candidates:  # a byline that goes on to the date: "Tran Bao Ngoc · Published: 8 October 2025 · …"
        parts = [part for part in BYLINE_PARTS.split(line)[1:] if PUBLISHED_LINE.match(part)]
        article.date = article.date or (parse_date(parts[0]) if parts else None)
    drop(PUBLISHED_LINE.match, "timestamp")
    # a monitoring mail's fields: "Keyword set: "Vietnam economic diplomacy" (EN) | Delivery: 07:00 ICT" (read 79)
    drop(lambda line: re.fullmatch(r"[A-Z][\w .'’-]{1,25}:\s*[^|]{1,80}?(?:\s+\|\s+[A-Z][\w .'’-]{1,25}:\s*"
                                   r"[^|]{1,80}?)+", line.strip()) and SERVICE_LABEL.search(line),
         "a service's fields")
    drop(lambda line: BYLINE.match(line) or WRITERS.match(line), "byline/credit")
    # an epigraph under the headline: a quoted sentence and who said it ("“Vietnam wants to be friends …” — …")
    epigraphs = [c for c in candidates if EPIGRAPH.match(c[1]) and any(
        o[0] < c[0] and len(o[1].split()) >= 3 and not EPIGRAPH.match(o[1]) for o in candidates)]
    _drop_candidates(article, candidates, epigraphs, "epigraph")
    if not candidates:
        return
    wrapped_title = _wrapped_titles(candidates)
    pool = [c for c in candidates if not _address_line(c[1])] or candidates  # (an address with its site's name
    # is no headline, though its slug may name the line that is: :func:`_named_by_address`)
    best = max(pool, key=lambda c: (len(c[1].split()) >= 3, len(without_site(" ".join(
        [_labels_off(c[1]), *(rest[1] for rest in wrapped_title.get(c, []))])))))
    best = _below_the_menu(article, candidates, best)
    story = _ruled_heading(candidates) if DIGEST_SUBJECT.match(best[1]) else None  # a newsletter's subject names its
    best = story or best  # issue; the story's own title stands between rules above it
    # a title given as a table's or a form's field: "Title | Korea and Viet Nam agree …" (read 37)
    labelled = next((c for c in candidates if (field := TITLE_FIELD.match(c[1])) and len(field.group(1).split()) >= 3),
                    None)
    best = labelled or _named_by_address(candidates) or _titled_again(candidates) or _given_twice(candidates) or best
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
                    and (CAPITALS_GO_ON.search(end[1]) or GOES_ON.match(line_below[1])  # ("…" / "BETWEEN …")
                         or (len(end[1].split()) >= 8 and not TERMINAL.search(end[1])  # a long title wrapped:
                             and RUNNING_CAPITALS.search(line_below[1])))):  # "… TO BRING CLEAN" / "ENERGY TO REMOTE
                break  # MOUNTAIN COMMUNES" (its small words run on; not "PRESS RELEASE", "NGUYEN VAN AN" below it)
            after.append(line_below)
    block = _capitals_speakers_title(candidates)
    before, after, best = ([], block[1:], block[0]) if block else _speakers_title(candidates, best, before, after)
    below = next((c for c in candidates if c[0] == best[0] + 1), None)
    rest = below if below and len(best[1].split()) >= 5 and not capitals(best[1]) \
        and re.search(r"\s[A-Z][\w'’-]*\s[A-Z][\w'’-]*$", best[1]) and WRAPPED_NAME.match(below[1]) else None
    after += [rest] if rest and rest not in before + after else []
    after += [c for c in wrapped_title.get(best, []) if c not in before + after]
    for number, line in candidates:
        if (number, line) in before + after:
            article.dropped.append((number, "headline (kept as metadata)", line))
        elif (number, line) == best:
            headline = _without_suffix(without_site(_labels_off(line)),
                                       [c for _, c in candidates]).strip("*# ")
            headline = _joined_title([*(c[1].strip("*# ") for c in before), headline,
                                      *(c[1].strip("*# ") for c in after)])
            headline = re.sub(r"^\d{1,2}[.)]\s+", "", headline) if story else headline  # ("1. VIET NAM, …")
            stamp = TITLE_DATE.search(headline)  # "Southeast Asia Diplomacy Daily — Wednesday, 18 March 2026"
            if stamp and (day := parse_date(stamp.group(1))):  # (a digest's name and its day, read 49)
                article.date = article.date or day
                headline = headline[:stamp.start()]
            article.headline = without_pictographs(title_without_labels(headline))
            article.dropped.append((number, "headline (kept as metadata)", line))
        else:
            article.dropped.append((number, "section label", line))
    candidates.clear()


MENU_SEPARATORS = re.compile(r"\s[|»›•·/]\s")
# who wrote it, as a line of its own: "VNA correspondents", "Staff writers"
WRITERS = re.compile(r"^(?:[A-Z]{2,8}|Staff)\s+(?i:correspondents?|reporters?|writers?)$")  # (not "Foreign
# correspondents", a headline)


def is_menu(line: str) -> bool:
    """A site's navigation or a table's row, not a headline: four or more separated items of up to four words each
    ("Home | Politics | Business | World", "Politics & Law » Economy » Society"), a numbered row of three or more cells
    ("2 | Agreement on … | Secretary, Ministry of …"), four or more items of up to four words after "Home", five or
    more items of up to six words (two of them of two words or more), or
    "Home" and capitalised words only ("Home News Current Affairs Culture Video")."""
    items = [item.strip() for item in MENU_SEPARATORS.split(line.strip())]
    if len(items) >= 4 and all(1 <= len(item.split()) <= 4 for item in items) \
            and sum(item.lower() in SECTIONS for item in items) >= 2:  # ("LIVE | Ukraine war | Day 1,000 | Latest")
        return True
    if len(items) >= 4 and items[0].lower() == "home" and all(1 <= len(item.split()) <= 4 for item in items):
        return True  # "Home | About MOFA | Press Center | Consular Services", "… | Vietnam & the World | …"
    labelled = re.match(r"(?i)(?:hot |top |trending )?(?:topics|tags)\s*:\s*", items[0])
    if labelled and len(items) >= 4 and all(1 <= len(item.split()) <= 6 for item in items[1:]):
        return True  # a strip of topics: "HOT TOPICS: ASEAN 2025 | Streamlining the State apparatus | …"
    if len(items) >= 5 and all(1 <= len(item.split()) <= 6 and not item.endswith((".", "!", "?", ":"))
                               for item in items) and sum(len(item.split()) >= 2 for item in items) >= 2:
        return True  # "About us | Countries, economies and regions | Trade and investment | Development | …"
    cells = [cell.strip() for cell in line.split(" | ")]
    if len(cells) >= 3 and cells[0].rstrip(".").isdigit():
        return True
    if sum(line.count(arrow) for arrow in "▾⌄") >= 2 and len(line.split()) <= 30 and not re.search(r"\d", line):
        return True  # drop-down menus: "Regions ▾  Topics ▾  Blogs ▾  Magazine  Podcasts  Events  Subscribe"
    words = line.split()
    return len(words) >= 4 and words[0].lower() == "home" and all(w[:1].isupper() or w == "&" for w in words) \
        and not SMALL_WORDS.intersection(w.lower() for w in words) \
        and len(SECTIONS.intersection(w.lower() for w in words[1:])) >= 2  # ("Home Office Announces New Rules")


SPACE_RUN = re.compile(r"[ \t]{3,}")
MENU_GAP = re.compile(r"[ \t]{2,}")


def spaced_menus(text: str) -> str:
    """Lines of menu items the page set apart by runs of spaces ("News   Current Affairs   Culture   Listen",
    "About us   Countries, economies and regions   Trade and investment   …") written with bars between the items,
    so that :func:`is_menu` sees the items (a line that is no menu with bars, as a PDF's spaced title "Joint
    Statement   on …", stays as it is)."""
    def barred(line: str) -> str:
        gapped = MENU_GAP.split(line.strip())
        button = line.strip()[:1] in "☰≡" or re.match(r"(?i)home\s\s", line.strip()) \
            or (len(gapped) >= 6 and "|" not in line and sum(part.lower() in MENU_WORDS for part in gapped) >= 3
                and not re.search(r"\w['’]s\b", line))
        # (a menu button, "☰", or its first item, "Home": its items two spaces apart will do, reads 45, 47; not "3
        # VIETNAMESE  FISHERMEN …"; nor six items or more, three of them a menu's words, "World  Business  Markets  …",
        # read 97; not a PDF's spaced title, "World  Leaders  Hail  Vietnam's  Culture  Diplomacy", a review found)
        parts = (MENU_GAP if button else SPACE_RUN).split(line.strip().lstrip("☰≡").strip())
        joined = " | ".join(parts)  # (each item capitalised and no small word alone: "Home   Truths   About   the Trade
        # Gap", "JOINT STATEMENT   ON   COMPREHENSIVE STRATEGIC PARTNERSHIP   BETWEEN   …" are titles)
        return joined if len(parts) >= 4 and all(not p[:1].islower() and p.lower() not in SMALL_WORDS | {"between"}
                                                 for p in parts) and is_menu(joined) else line

    return "\n".join(barred(line) if MENU_GAP.search(line.strip()) else line for line in text.split("\n"))


SMALL_WORDS = {"and", "of", "to", "for", "in", "on", "at", "with", "the", "a", "an", "as", "by", "from", "after"}
SECTIONS = {"home", "news", "politics", "world", "business", "economy", "society", "culture", "sports", "sport",
            "video", "videos", "photo", "photos", "opinion", "travel", "life", "law", "environment", "entertainment",
            "more", "listen", "podcast", "podcasts", "multimedia"}


EPIGRAPH = re.compile(r"^[*_>\s]*[\"“‘][^\"”’]{20,}[.!?…][\"”’]\s*[—–-]+\s*\S")
GOES_ON = re.compile(r"^(?:ON|OF|FOR|BY|AT|TO|AND|IN|WITH|BETWEEN|REGARDING|CONCERNING|FROM)\b")
RUNNING_CAPITALS = re.compile(r"\b(?:TO|OF|FOR|IN|ON|AND|WITH|THE|AT|FROM|BY|AS|OVER|INTO)\b")
CAPITALS_GO_ON = re.compile(r"\b(?:ON|OF|FOR|BY|AT|TO|AND|IN|WITH|BETWEEN|THE|A|AN)$")  # a capitals line cut short


RELATED_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[»›•▪·-])\s*(.+)$")  # a listed story: "3. Laos, Vietnam launch …", "» …"


def title_the_page_lists(article: Article) -> None:
    """The line right above the headline (a blank line between) that the page's own most-read or related list names
    as a story, and whose words the text tells, is the title, the headline chosen its deck ("Italy, Vietnam sign 2.1
    bn euros of deals during state visit" / "Banquet at the Quirinale crowns first day of President Hoang's visit",
    and "3. Italy, Vietnam sign …" under MOST READ; read 30). Not a bar for another story above the title ("Heavy
    rain forecast for northern provinces", which the list names too)."""
    def plain(line: str) -> str:
        return " ".join(line.strip("*# ").replace("’", "'").lower().split())

    listed = {plain(item.group(1)) for _, why, line in article.dropped if why == "related-news tail"
              and (item := RELATED_ITEM.match(line))}  # (an item of the list, not the site's name in the footer)
    heading = next(((n, line) for n, why, line in article.dropped if why == "headline (kept as metadata)"), None)
    if not listed or heading is None or plain(heading[1]) in listed:
        return
    told = set(re.findall(r"[a-z]{4,}", " ".join(p.text for p in article.paragraphs[:12]).lower()))
    dates = {n for n, why, _ in article.dropped if why in ("timestamp", "byline/credit")}  # (between them: "12
    # October 2025" / "By Tran Bao Ngoc")
    title = next(((n, line) for n, why, line in article.dropped if why == "section label" and 0 < heading[0] - n <= 6
                  and all(m in dates for m, _, x in article.dropped if n < m < heading[0] and x.strip())
                  and len(line.split()) >= 4 and plain(line) in listed
                  and len(set(re.findall(r"[a-z]{4,}", line.lower())) & told) >= 2), None)
    if title is None:
        return
    article.headline = without_pictographs(title_without_labels(without_site(title[1]).strip("*# ")))
    article.dropped = [(n, "headline (kept as metadata)" if (n, line) == title else "deck under the headline"
                        if n == heading[0] else why, line) for n, why, line in article.dropped]
