"""Which lines of a page are noise, and why: captions and photo credits, bylines, share bars, breadcrumbs,
timestamps, language switchers, copyright and cookie notices, related links, a speech's forms of address; and the
patterns that mark interview questions and speaker labels."""

from __future__ import annotations

import re
from collections.abc import Sequence

from diplo_ml.data.datelines import (
    DATE_DMY,
    DATE_DMY_TEXT,
    DATE_ISO,
    DATE_MDY,
    FULL_DATE,
    MONTHS,
    OUTLET_PATTERN,
    STANDFIRST_WORDS,
    TIME,
    WEEKDAYS,
    masthead,
    split_datelines,
)
from diplo_ml.data.language import vietnamese_title
from diplo_ml.text import split_sentences

LANGUAGES = {
    "vietnamese", "english", "french", "français", "francais", "chinese", "中文", "tiếng việt", "tieng viet",
    "español", "spanish", "russian", "русский", "deutsch", "german", "japanese", "日本語", "korean",
    "한국어", "lao", "ລາວ", "khmer", "ខ្មែរ", "vn", "en", "fr", "cn", "zh", "es", "ru", "de", "jp", "ja", "kr",
    "ko", "vi", "ສປປລາວ", "arabic", "عربي", "thai", "ไทย", "bahasa indonesia", "indonesian", "bahasa melayu", "malay",
    "italiano", "italian", "português", "portuguese", "polski", "polish", "हिन्दी", "hindi", "türkçe", "turkish",
    "العربية", "ภาษาไทย", "ພາສາລາວ", "ភាសាខ្មែរ", "nederlands", "dutch", "svenska", "swedish", "čeština", "czech",
}
TIMESTAMP_WORDS = re.compile(
    rf"\b(published|updated|posted|last update|gmt|utc|ict|am|pm|{WEEKDAYS}|{MONTHS})\b", re.IGNORECASE
)
# a quotation or report whose speaker is named after it: "“Thank you to all who helped us,” the minister told
# reporters": the thanks are news there
ATTRIBUTED = re.compile(r"[,”\"’]\s+(?!(?:whose|who|which)\b)(?:the |a |an )?(?:[\w.’'-]+\s+){0,6}(?:said|says|told"
                        r"|added|stated|noted|stressed|wrote)\b")  # (not a relative clause's: "Thank you for
# inviting me to this school, whose namesake once said …", read 61)


# a span from one date to another, alone on its line: an anniversary's, a term's, an exhibition's
DATE_SPAN = re.compile(rf"^\(?\s*(?:{FULL_DATE.pattern})\s*[–—-]\s*(?:{FULL_DATE.pattern})\s*\)?\.?$", re.IGNORECASE)


# what only points back to the paragraph above: "That was the message of …"
REFERS_BACK = re.compile(r"^(?:That|This|These|Those|Such) (?:was|is|were|are|came|comes)\b"
                         # a sender's cover note above a release: "Please find below and attached the English version
                         # of today's press release …", "Photos from the signing ceremony will be available …"
                         r"|^(?:please find\b|(?:attached|enclosed|below) (?:is|are|please find)\b"
                         r"|photos? (?:from|of) the [\w -]{1,40} (?:will be|are) available\b)", re.IGNORECASE)


def not_a_standfirst(text: str) -> bool:
    """Whether a paragraph or sentence above a dated lead is no summary of the article: a teaser shorter than
    :data:`STANDFIRST_WORDS`, a list item, a quotation that names no speaker ("“Vietnam is proud …”"), what only
    points back to it ("That was the message of …") or a teaser that asks ("Can a fruit … survive five weeks …?
    Growers in the south are about to find out.")."""
    text = text.lstrip("*_ ")
    return len(text.split()) < STANDFIRST_WORDS or text[:1] in "•-–—" \
        or (text[:1] in "“\"‘" and not ATTRIBUTED.search(text)) or bool(REFERS_BACK.match(text)) \
        or bool(re.search(r"\?(?:\s|$)", text))


# a footnote's mark after a word, a sentence or a year ("… skilled workers.[1]", "[^2]", "2030[1]", not "Article
# 5[1]") and a footnote itself ("[1] Decision 1017/QD-TTg …", "[^1]: …")
FOOTNOTE_MARK = re.compile(r"(?:(?<=[^\W\d_]|[.,;:!?”\"’)])|(?<=\d{3}))\[\^?[1-9]\d{0,2}\]")
FOOTNOTE = re.compile(r"^\[\^?[1-9]\d{0,2}\]:?\s")
# a photo credit in brackets, "(Photo: VNA) |": at a line's end it marks a caption (or a lead's own credit, cut off);
# at a sentence's start, a credit the splitter joined to the sentence after it
CREDIT = (r"(?:\((?:photo|photos|image|source|illustrative photo|file photo|photo courtesy)\b[^)]*\)\s*[|│]?"
          r"|\((?:[\w&.-]+\s+){1,2}(?:photos?|images?|pictures?)\s*:[^)]{2,40}\)\s*[|│]?"
          r"|\((?-i:[A-Z]{2,8}) photo/(?-i:[A-Z])[^)]{1,60},\s*file\)\s*[|│]?)")  # "(Getty Images: Nguyen
# Hoang)", "(AFP Photo: …)", a wire's file photo: "(AP Photo/Rhea Santos, File)" (read 84; not a lead's own credit run
# onto it, a review found)
# a credit that ends a line: "… documents. Photo: VNA", "… Image: VGP"
# ("… Image Credit: Supplied"); an office after one photo: "… Photo: Ministry of Home Affairs of Viet Nam" (not "… in
# Photos: Viet Nam and Laos Together.")
TRAILING_CREDIT = (r"\b(?:photo|image|video)s?(?: credits?)?\s*:\s*(?-i:[A-Z])[\w.&/-]*"
                   r"(?:\s+(?-i:[A-Z/&])[\w.&/-]*){0,5}\s*$"
                   r"|\bphoto\s*:\s*(?-i:(?:Permanent |General )?(?:Ministry|Department|Embassy|Office|Committee"
                   r"|Delegation|Mission|Consulate(?: General)?) (?:of|to|in)"
                   r"(?: [A-Z][\w.&-]*| of| and| to| in| the){1,8})\s*$")  # ("… Photo: Permanent Delegation of
# Vietnam to UNESCO", "… Photo: Embassy of Vietnam in France", read 61)
# who is pictured where: "(C)", "(L)", "(second from left)", "(front row, centre)": a photo caption
PICTURED = re.compile(r"\((?:[CLR]|(?i:(?:front|back|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
                      r"|tenth|[1-9](?:st|nd|rd|th))?(?: row)?,? ?(?:from )?"
                      r"(?:left|right|centre|center|middle)))\)")
# a caption's label: "Photo: …", "File photo.", "Photo by …" (not "Photos of …")
CAPTION_LABEL = r"^(?:photo|photos|illustrative (?:photo|image)|file photo|image)\s*(?:[:.(]|$|by\b)"
CAPTION = re.compile(
    rf"({CREDIT}\s*$)"
    rf"|({CAPTION_LABEL})"
    rf"|({TRAILING_CREDIT})"
    r"|([.!]\s*(?:file|archive|illustrative) (?:photo|image|picture)\.?\s*$)"  # "… Laos. File photo."
    r"|([—–-]\s*(?-i:(?:[A-Z]{2,6}/)*[A-Z]{2,6})\s+photos?\b[^.!?]{0,40}$)"  # "… on Thursday. — VNA/VNS Photo"
    r"|(\bphotos? courtesy of\b[^.!?]{0,60}$)"  # below: "… March 2025. Photo by VnExpress/Hoang Nam"
    r"|((?<=[.!?])\s+photos?\s+by\s+(?-i:[A-Z])[\w.&/-]*(?:\s+(?-i:[A-Z/&])[\w.&/-]*){0,4}\s*$)"
    # a credit after the caption's last sentence: "… checkpoint. Supplied", "… Viet Nam. © IOM/Tran Hoang Nam",
    # "… July 22, 2025. (JP/Dimas Wicaksono)"
    r"|((?<=[.!?])\s+(?:supplied|handout|©\s*(?-i:[A-Z])[\w.&-]*/(?-i:[A-Z][a-z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,4}"
    r"|\((?-i:[A-Z]{2,6})/(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+)){1,3}\))\s*$)",  # (a photographer's name, not a
    # wire's "(VNA/VOV)" or "© 2025 Vietnam News Agency")
    re.IGNORECASE,
)
# a credit standing alone ("(Photo: VNA)", "Photo: VOV"): the line or sentence before it is the caption it credits
BARE_CREDIT = re.compile(rf"^(?:{CREDIT}|(?:photos?|images?)\s*:\s*[\w.&/-]+(?:\s+[\w.&/-]+){{0,3}})\s*$",
                         re.IGNORECASE)
_SOURCE = rf"sources?\s*:\s*(?:{OUTLET_PATTERN})\.?$"  # "Source: VNA"
# "… in Hanoi on March 11. Source: VNA": one sentence credited by an outlet is a caption
SOURCE_AFTER = re.compile(rf"[.!]\s+{_SOURCE}", re.IGNORECASE)
# "Source: VNA" alone: after a short line it credits that line's photo when the text goes on (articles also end so)
SOURCE_CREDIT = re.compile(rf"^{_SOURCE}", re.IGNORECASE)
PHOTO_CREDIT = re.compile(rf"\s*{CREDIT}\s*$", re.IGNORECASE)
LEADING_CREDIT = re.compile(rf"^{CREDIT}\s*", re.IGNORECASE)
# "By Minh Anh", not a time: "By Sunday, …", "By Dec. 31, …", "By June Vietnam had signed …" (a month or weekday is a
# name only when capitalised words, "and", "in" or a correspondent's title fill the rest of the line: "By Thu Hang and
# Quoc Khanh", "By May Nguyen, VNA correspondent in Hanoi")
_NAME_REST = r"(?:[\s,–—|/-]+(?:and|&|in|from|(?i:correspondents?|reporters?)|(?-i:[A-Z])[\w.'’-]*))+\s*$"
BYLINE = re.compile(
    rf"^(?:by\s+(?!(?:{MONTHS}|{WEEKDAYS})\b(?!{_NAME_REST}))(?-i:[A-Z])"
    r"|translated by\b|translation:|source:|sources:|story:|text:"  # "By contrast, …", "By Sunday, …" are not
    r"|reporter\s*[-–:]\s*[A-Z][a-z]+\s*$|editor:|edited by\b|written by\b|compiled by\b"
    r"|(?:[A-Z]{2,6}/){1,3}[A-Z]{2,6}\s*$"
    r"|\*\s*the author\b|\(\*\)\s*the author\b)",
    re.IGNORECASE,
)
# a note on the story itself: "Correction: An earlier version …", "This story has been updated to include …",
# "Updated at 3:45 p.m. ET with comments …", "[This story has been updated with new details.]"
STORY_NOTE = re.compile(r"^\[?(?:(?:correction|clarification|update|corrections?|corrigendum|erratum)"
                        r"(?:,?\s+[\w ,.]{0,20}?(?:19|20)\d\d)?\s*:"
                        r"|(?:correction|clarification|corrigendum|erratum)\s*\((?![^)]*\b\d{1,2}[:.h]\d{2}\b)"
                        r"[^)]{1,40}\)\s*:"  # (a date in its bracket, not a clock's time; not a live
                        # page's "Update (14:30): All 12 crew members …")
                        r"|this (?:story|article|report"
                        r"|post|page) (?:has been|was|had been) (?:updated|corrected|revised|amended|changed)\b"
                        # an update's time before it: "**UPDATE (July 16, 18:40):** This story has been updated …"
                        r"|update\s*\([^)]{1,40}\)\s*:[*_\s]*this (?:story|article|report|post|page) (?:has been|was)"
                        r" (?:updated|corrected|revised|amended|changed)\b"  # (read 82)
                        r"|updated (?:at|on) .{0,40}?\bwith\b"
                        # reads 37-39: "Correction (14 July 2025): …", "ATTENTION EDITORS: CORRECTS name …", "An
                        # earlier version of this release gave …"
                        r"|attention,? editors\b"
                        r"|(?:(?:correction|clarification)\b(?:[^:]|\d:\d){0,30}:\s*)?"
                        r"an earlier version of this (?:article|story|release|page)"
                        r" (?:gave|said|stated|misstated|misspelled|misidentified|misattributed|incorrectly|wrongly"
                        r"|reported|named|included|omitted|did not|referred)"
                        # an archive's notice: "Archived content — this page is no longer updated. …" (read 39)
                        r"|archived content\s*[.:—–-]|this (?:page|content) (?:is|has been) archived\b"
                        r"|this page is no longer (?:being )?updated\b)", re.IGNORECASE)
# a note on where the story comes from, one sentence (the story may go on in its paragraph): "This article was first
# published on The Jakarta Post …" (read 38)
SOURCE_NOTE = re.compile(r"^\[?this (?:article|story|piece|content) (?:was|is) (?:first|originally) (?:published"
                         r"|posted)\b", re.IGNORECASE)


def source_note(sentence: str) -> bool:
    """A note on where the story comes from (:data:`SOURCE_NOTE`) of thirty words or fewer with no relative clause
    (not a narrative: "This story was first posted on Facebook by a fisherman …, whose video …")."""
    return bool(SOURCE_NOTE.match(sentence)) and len(sentence.split()) <= 30 \
        and not re.search(r",\s*(?:whose|which|who|where)\b", sentence)
# ("Correction, November 21, 2025: An earlier version …", read 30)
# a site's banner: "Welcome to the website of the Embassy of Viet Nam in the Republic of Korea!"
SITE_WELCOME = re.compile(r"^welcome to (?:the |our )?(?:official )?(?:web ?site|web portal|portal|home ?page)\b",
                          re.IGNORECASE)
# a government site's banner on how to know it (read 37): "Official websites use .gov A .gov website belongs to
# …", "Secure .gov websites use HTTPS …", "An official website of the United States government Here's how you know"
GOV_BANNER = re.compile(r"^(?:official websites use \.\w+\b|secure \.\w+ websites use https\b"
                        r"|an official website of the (?:united states|u\.s\.|[\w ]{2,30}) government\.?"
                        r"(?:\s*here['’]s how you know)?\s*$|here['’]s how you know\s*$)",
                        re.IGNORECASE)
# a search engine's cache or a web archive's toolbar above a saved copy (read 85): "This is Google's cache of https://…",
# "It is a snapshot of the page as it appeared on …", "The Wayback Machine - https://web.archive.org/…", "12 captures",
# "success · fail · About this capture", "COLLECTED BY"
ARCHIVE_BANNER = re.compile(r"^(?:this is google['’]s cache of\b|it is a snapshot of the page as it appeared on\b"
                            r"|the current page could have changed in the meantime\b|learn more\.?$"
                            r"|full version\W+text-only version\b|tip: to quickly find your search term\b"
                            r"|the wayback machine\s*[-–—]\s*https?://"
                            r"|(?:go\W+)?\d{1,6} captures?(?:\W+\d{1,2} [a-z]{3} \d{4}\b|\W*$)"
                            r"|success\s*·\s*fail\b|about this capture\W*$|(?-i:COLLECTED BY)\b|timestamps\W*$)",
                            re.IGNORECASE)  # (not "Success, fail, repeat: …", "37 captures of smuggled …",
# "Collected by volunteers, the data …", a review found)
# a masthead's motto, above the headline: "Official news source of the Ministry of Foreign Affairs of Vietnam", "THE
# NATIONAL ENGLISH LANGUAGE DAILY" (not "National newspaper strike ends …"; nor a sentence: "The official newspaper of
# the Party quoted …: “…”")
MOTTO = re.compile(r"^(?:the |an? )?(?:official|national|leading|online) (?:news (?:source|portal|site)"
                   r"|(?:english[- ]language )?(?:newspaper|daily|voice|website|portal|mouthpiece))"
                   r"(?: of(?-i: (?:the |The |THE )?[A-Z][\w'’&-]*"
                   r"(?: (?:[A-Z][\w'’&-]*|of|the|and|for|OF|THE|AND|FOR))*))?$",
                   re.IGNORECASE)  # (after "of", a name: "… of the Ministry of Foreign Affairs of Vietnam"; "Online
# Newspaper of the Government of the Socialist Republic of Viet Nam", read 42)
VOICE_OF = re.compile(r"^(?P<name>[^.!?]{2,40}?)\s+[–—-]\s+the voice of\b[^.!?]*$", re.IGNORECASE)


# a reader's own note clipped above a page ("**My note (4 Dec):** use for the slide"), and an editor's line that
# introduces a full text ("VGP would like to introduce the full text of the speech delivered by …")
READERS_NOTE = re.compile(r"^(?:\*\*)?my notes?\b[^:]{0,30}:", re.IGNORECASE)
# ("The Ministry of Foreign Affairs respectfully introduces the full text of the opening speech …", read 55)
EDITORS_INTRO = re.compile(r"^[^.!?]{0,60}\b(?:(?:would like to|is pleased to|is honoured to|hereby) (?:introduce"
                           r"|present|publish|share)|(?:respectfully|proudly) (?:introduces|presents|publishes)) the "
                           r"full text of\b|^(?:below|here) is the full text of\b", re.IGNORECASE)
# a wire's note to its subscribers' editors above a story: "Eds: UPDATES with …", "EDS: Writes through with …",
# "EDS: Replaces earlier flash." (read 88)
WIRE_EDITORS_NOTE = re.compile(r"^(?:eds|editors)\s*:\s+\S", re.IGNORECASE)
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")


def vietnamese_line(line: str) -> bool:
    """A short line in Vietnamese: three words or more, most with Vietnamese letters, none of them common English
    ("Cổng Thông tin điện tử Chính phủ"; not "Việt Nam peacekeepers receive UN medals")."""
    words = line.lower().split()  # (also in capitals: "TỔNG LÃNH SỰ QUÁN …" over a consulate's English name)
    return 3 <= len(words) <= 16 and sum(bool(VIETNAMESE_LETTERS.search(w)) for w in words) * 2 > len(words) \
        and not any(w.lower().strip(",.:;") in ENGLISH_SMALL for w in words)


ENGLISH_SMALL = {"the", "of", "and", "to", "in", "for", "on", "with", "at", "by", "from", "a", "an", "is", "are", "as"}


MOTTO_WORDS = re.compile(r"(?:the |an? )?(?:(?:central|official|national|leading|online|english[- ]language|english) )*"
                         r"(?:organ|voice|newspaper|daily|portal|mouthpiece|news (?:source|portal|agency)"
                         r"|edition of)\b", re.IGNORECASE)  # ("the English edition of Tuoi Tre newspaper")


def masthead_and_motto(line: str) -> bool:
    """An outlet's masthead and its motto after a dash: "NHAN DAN ONLINE – Central organ of the Communist Party of Viet
    Nam" (read as a dateline it would open the text)."""
    name, dash, rest = re.sub(r"\s[—-]\s", " – ", line.strip(" *_#"), count=1).partition(" – ")
    name = re.sub(r"\s+[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)$", "", name)  # ("TUOI TRE NEWS tuoitrenews.vn – …")
    return bool(dash) and masthead(name) is not None and 2 <= len(rest.split()) <= 14 and not TERMINAL.search(rest) \
        and bool(MOTTO_WORDS.match(rest))  # (not a headline about the paper: "Vietnam News – the paper at 35")


def motto(line: str) -> bool:
    """A masthead's motto (:data:`MOTTO`), or an outlet's name and its motto: "Sai Gon Giai Phong – The voice of Ho
    Chi Minh City" (not "Trinh Cong Son – the voice of a generation")."""
    text = line.strip(" *_#")
    voice = VOICE_OF.match(text)
    return bool(MOTTO.match(text)) or bool(voice and masthead(voice.group("name")))
TAIL_HEADINGS = re.compile(
    r"^(?:related (?:news|articles|stories|posts)|read more|see more|see also|other news|more news|latest news"
    r"|most read|most viewed|you may (?:also )?(?:like|be interested)|recommended|tin liên quan|related"
    r"|notes? (?:to|for) editors|editor'?s notes?|next (?:article|story|post|read)|up next|read next|bài tiếp theo"
    r"|my notes"  # (a note app's clipped page: the reader's own notes below the article)
    r"|(?:related|other|more|latest(?!\s+(?:update|milestone|development)s?\b)|previous|similar|recommended|further)"
    r"\s+\w+(?:\s+\w+)?)"
    r"\s*:?\s*$",  # (not "Latest update:" above a travel advice page's news, nor a timeline's "Latest milestone",
    # read 115)
    re.IGNORECASE,
)
# readers' comments: a "Comments (3)" heading, "Minh Tuan: …", "Reply · 2 hours ago" …, "Post a comment"
COMMENTS_HEADING = re.compile(r"^(?:(?:readers?['’]? )?comments?\s*\(\d+\)|\d+ (?:readers?['’]? )?comments?"
                              r"|readers?['’]? comments?|comments?)\s*:?$", re.IGNORECASE)
COMMENTS_END = re.compile(r"^(?:post|leave|add|write|submit|send) (?:a |your )?(?:comment|reply|opinion)s?\b"
                          r"[^.!?]{0,40}$", re.IGNORECASE)
COMMENT_REPLY = re.compile(r"^(?:reply|like|report|share)\b[^.!?]{0,40}\bago$", re.IGNORECASE)


# a reader's comment: a name and a colon before it ("Minh Tuan: Vietnam has always …", "J. Walker: …")
COMMENTER = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}:\s+\S")


def comment_block(lines: Sequence[str]) -> set[int]:
    """Which of a page's ``lines`` are readers' comments: from a comments heading to the "Post a comment" below it,
    or, without one, to the last "Reply · 1 hour ago" below it, when what lies between holds a reply line or a
    commenter's name and no dateline (a heading alone is left to the other rules)."""
    block: set[int] = set()
    for start, line in enumerate(lines):
        if not COMMENTS_HEADING.match(line.strip()) or start in block:
            continue
        below = range(start + 1, len(lines))
        end = next((i for i in below if COMMENTS_END.match(lines[i].strip())), None)
        if end is None:
            end = max((i for i in below if COMMENT_REPLY.match(lines[i].strip())), default=start)
        inside = [lines[i].strip() for i in range(start + 1, end)]
        if any(COMMENT_REPLY.match(t) or COMMENTER.match(t) for t in inside) \
                and not any(split_datelines(t)[0] for t in inside) and not _runs_of_text(inside):
            block.update(range(start, end + 1))
    return block


def _runs_of_text(lines: Sequence[str], words: int = 30, run: int = 3) -> bool:
    """Whether ``lines`` hold ``run`` paragraphs of ``words`` words or more in a row: an article's text, which a
    post's "4 Comments" link above it and the "Leave a comment" below it do not make comments (read 92; readers'
    comments come one to a name and a time)."""
    longs = [len(line.split()) >= words for line in lines]
    return any(all(longs[i:i + run]) for i in range(len(longs) - run + 1))


# a newsletter's letter from its editors: "Dear readers," … "— The editors"
READERS_GREETING = re.compile(r"^(?:dear|hello|hi|good (?:morning|afternoon|evening))(?:,? (?:readers?|subscribers?"
                              r"|all|everyone|friends)\b)?[,!:]?$", re.IGNORECASE)
# a greeting to a newsletter's readers only ("Dear readers,"; not a speech's "Dear friends,")
READERS_ONLY = re.compile(r"^(?:dear|hello|hi),? (?:readers?|subscribers?)[,!:]?$", re.IGNORECASE)
# "— The editors", "Pham Linh, Editor of the weekend edition"
EDITORS_SIGN_OFF = re.compile(r"^[—–-]*\s*(?:(?:the |your )(?:editors?|editorial (?:team|board)|newsroom"
                              r"|newsletter team)(?: (?:of|at) [\w .&'’-]{1,40})?\.?"
                              r"|(?:[A-Z][\w’'-]+ ){1,4}[A-Z][\w’'-]+,\s+(?:the )?(?:editor|managing editor"
                              r"|editor-in-chief)\b[\w .&'’-]{0,50})$", re.IGNORECASE)


def editors_letter(lines: Sequence[str]) -> set[int]:
    """Which of a newsletter's ``lines`` are its editors' letter to readers: from "Dear readers," to a sign-off by "The
    editors" within the next six lines (not its stories)."""
    for start, line in enumerate(lines):
        if READERS_GREETING.match(line.strip()):
            end = next((i for i in range(start + 1, min(len(lines), start + 7))
                        if EDITORS_SIGN_OFF.match(lines[i].strip())), None)
            if end is not None and end + 1 < len(lines):  # (the stories below it: never the whole text)
                return set(range(start, end + 1))
    return set()


# a link to the previous or next article: "« PM receives Chairman of JBIC", "Deputy PM works with … »",
# "Previous article: …", "Next: …" (a title: no sentence's end, no closing guillemet; not "Next: The delegation
# travels to Osaka.")
PREVIOUS_NEXT = re.compile(r"^(?:[«‹←]\s*[^»›.!?]{3,}[^\W_]|[^«‹]{3,}[^\W_.!?]\s[»›]"  # (not a quotation in « »)
                           r"|(?:previous|next)(?: (?:article|story|post|news))?\s*[:|»›]\s*[^.!?]*[^\W_.!?])$",
                           re.IGNORECASE)
# a search box's placeholder or button copied with the page: "Search...", "Search …", "Search here", "Tìm kiếm"
SEARCH_BOX = re.compile(r"^[☰≡🔍\s]*(?:search|tìm kiếm)(?:\s*(?:\.{2,}|…|here|this site|the site))?\s*$",
                        re.IGNORECASE)  # (also after a menu's button: "☰   Search...")
SOCIAL = re.compile(
    r"^(?:(?:share|print|email|e-mail|facebook|twitter|x|zalo|linkedin|telegram|whatsapp|copy link|like|tweet"
    r"|follow us|comments?|back to top|top|advertisement|ads?|subscribe|send|save|font size|a\+|a-|\|"
    r"|back|font size:|a)\s*[|•·/]?\s*)+$",  # (a portal's "Print | Email | Back   Font size: A- A A+", read 114)
    re.IGNORECASE,
)
# a portal's login box copied with the page (read 114): "Username: [          ]  Password: [          ]  [Login]"
LOGIN_BOX = re.compile(r"^(?:user ?name|login|e-?mail|account)\s*:?\s*\[[^\]]*\]\s*(?:password\s*:?\s*\[[^\]]*\])?",
                       re.IGNORECASE)
# short lines only; "Copyright law reform …" is a sentence
COPYRIGHT = re.compile(r"^(?:copyright\s*(?:©|\(c\)|\d{4}|by\b|of\b|:|$)|©|\(c\)\s)|\ball rights reserved\b",
                       re.IGNORECASE)
# a wire's notice, whatever its length: "Copyright 2024 The Associated Press.", "This material may not be published,
# broadcast, rewritten or redistributed."; and its contributors' line
WIRE_NOTICE = re.compile(r"^copyright (?:©\s*)?\d{4}\b|\bmay not be (?:published|reproduced)\b.*\bredistributed\b"
                         r"|\bcontributed to this (?:report|story)\.?$", re.IGNORECASE)
# an updated story's note on what its new version adds, after the time it was updated (read 111: "Updated at 16:45
# (GMT+7): Adds confirmation from the Vietnamese Embassy … ; previous version said …")
UPDATE_NOTE = re.compile(r"^(?:last )?updated?(?: at| on)?\s(?=[^:]{0,20}\d)(?:[^:]|(?<=\d):(?=\d)){1,40}:\s*"
                         r"(?:adds|updates|changes|corrects|recasts|rewrites|removes|inserts|fixes)\b", re.IGNORECASE)
# a cookie banner or a page's navigation: "We use some essential cookies to make this website work."
COOKIES = re.compile(r"\bcookies\b.*\b(?:website|site|browser|browsing|settings|preferences|consent|analytics|essential"
                     r"|accept all|reject)\b|\b(?:accept|reject|manage)\b.*\bcookies\b|^skip to (?:main )?content$"
                     r"|^(?:we|this (?:web)?site) uses? cookies\b|^we value your privacy\b"
                     r"|\b(?:you )?(?:agree|consent) to (?:our|the) use of cookies\b"
                     # a consent box's own words (read 121: "We and our 143 partners store and access information on
                     # your device.")
                     r"|^we and our (?:\d+ )?(?:partners|vendors) (?:store|process|use)\b"
                     r"|\bstore and/?(?:or )?access information on "
                     r"(?:a|your) device\b", re.IGNORECASE)
# who published a GOV.UK page: "From: Foreign, Commonwealth & Development Office and The Rt Hon David Lammy MP"
PUBLISHER = re.compile(r"^from:\s+\S", re.IGNORECASE)
# a site's or a channel's word about itself, and a hotline's note: "Official English-language channel of the Vietnam
# News Agency (VNA). Breaking news …", "For emergencies only. For visa and passport questions, please call …"
SITE_ABOUT = re.compile(r"^(?:the )?official (?:[\w-]+ ){0,3}(?:channel|account|page|website|site|portal|feed) of"
                        r"(?:(?!\b(?:was|were|is|are|has|have|had|will|on)\b)(?:[^.!?]|\.(?=\S)))+(?:[.!?](?:\s|$)|$)"
                        # (a name, not "… of the National Assembly was relaunched on Monday")
                        r"|^for emergencies only\b|^for (?:visa|passport|consular|other|general)\b[^.]{0,60}"
                        r"\b(?:questions|enquiries|inquiries|matters),? please (?:call|contact|e-?mail|write)\b"
                        # a paywall's meter and a live page's note (read 30): "You have 2 free articles left this
                        # month.", "↻ This page refreshes automatically. Newest updates first."
                        r"|^you have (?:\d+|no|one|two|three|four|five) (?:more )?(?:free )?(?:articles?|stories|reads)"
                        r" (?:left|remaining)(?: (?:this|for the) (?:month|week|year))?[.!]"
                        # "You have read 1 of your 5 free articles this month." (read 34)
                        # a meter's label: "Subscriber exclusive · You have read 3 of 3 free articles …" (read 90)
                        r"|^subscribers?['’]? (?:exclusive|only)\b"
                        r"|\b(?:log in|sign in) or subscribe to (?:keep|continue) reading\b"
                        # "Nikkei Asia — Subscribe for unlimited access to our journalism. 3 free articles remaining
                        # this month." (read 104)
                        r"|\bsubscribe (?:for|to get) unlimited (?:digital )?access\b"
                        r"|\b(?:\d+|one|two|three|four|five) free (?:articles?|stories|reads) (?:remaining|left)\b"
                        r"|^you(?:['’]ve| have) read (?:\d+|one|two|three|four|five) (?:of|out of) (?:your )?"
                        r"(?:\d+|one|two|three|four|five|ten) (?:free )?(?:articles?|stories|reads)\b"
                        # a prompt to follow the site elsewhere: "Follow TATOLI on Facebook and Instagram for …"
                        r"|^follow (?:us|(?-i:[A-Z])[\w&.'’-]*(?: (?-i:[A-Z])[\w&.'’-]*){0,3}) on (?:facebook|x"
                        r"|twitter|instagram|telegram|youtube|tiktok|zalo|line|whatsapp|google news|linkedin|threads)\b"
                        r"|^\W{0,3}this page (?:refreshes|updates|reloads|will (?:refresh|update|reload))"
                        r" automatically\b",
                        re.IGNORECASE)
# a link to another article inside the page: "Related: Vietnam, Chile boost trade ties", "See also: …"
RELATED_LINK = re.compile(r"^(?:related(?: news| articles?| stories)?|see also|read more|read also|also read|see more"
                          r"|xem thêm)\s*:\s*\S", re.IGNORECASE)
# a speech's forms of address, alone in a sentence: "Excellencies, ladies and gentlemen.", "Dear friends!"
_NAME_WORD = r"(?-i:[A-Z])[\w’'-]*"
_ADDRESS = (rf"(?:your |their |his |her )?excellenc(?:y|ies)(?: {_NAME_WORD}){{0,4}}"
            r"|(?:distinguished |honou?red |dear |my )*(?:ladies and gentlemen|guests|delegates|friends|colleagues"
            r"|participants|members(?: of the (?:media|press))?|compatriots|comrades|readers|visitors)"
            # a title and a name: "Minister Nam", "Ambassador Sari"
            rf"|(?:minister|ambassador|president|chairman|chairwoman|secretary|comrade) {_NAME_WORD}"
            r"|(?:mr\.?|madam|madame) (?:president|chairman"
            r"|chairwoman|chair|speaker|secretary-general|prime minister|minister|ambassador)"
            # a British civic or state occasion's: "My Lord Mayor, Your Grace, …, my Lords, Aldermen, Sheriffs"
            r"|(?:my )?lord mayor|lady mayoress|your grace|my lords?|aldermen|sheriffs|your (?:royal )?highness"
            r"|your majesty|(?:distinguished )?high commissioners"
            rf"|dear {_NAME_WORD}(?: {_NAME_WORD}){{0,3}}"
            # a salutation's people with who they are: "Dear members of the Vietnamese community in Laos and dear Lao
            # friends!" (read 47)
            rf"|dear (?:{_NAME_WORD} )*(?:members|friends|compatriots|colleagues|guests|readers|brothers and sisters"
            r"|citizens)(?: of [^,;:.!?]{1,60})?")
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
FULL_TEXT_OF = r"(?:the |following is the )?full text of\b"  # "Full text of the statement by …"
FULL_TEXT_HEADING = re.compile(rf"^{FULL_TEXT_OF}(?![^.!?]*\b(?:is|are|was|were|has|have|had|"
                               r"will|would|can|could|said|says|remains?)\b)[^.!?]{0,100}[.:]?$", re.IGNORECASE)
# an interviewer's request that is not written as a question: "Ambassador, please tell us about …"
PROMPT = re.compile(r"^(?:\*\*)?(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3},\s*)?"
                    r"(?i:(?:please\s+)?(?:tell us|share with us|let us know|could you|can you|would you)\b"
                    r"|please (?:share|give|describe|explain|assess|elaborate|comment|outline)\b"
                    r"|we(?: would|['’]d) like to (?:hear|know|ask|learn)\b)")
TAGS = re.compile(r"^(?:tags?|keywords?|topics?)\s*:", re.IGNORECASE)
BREADCRUMB = re.compile(
    r"^(?:home|trang chủ)\b.*(?:>|»|/|›)|^[^.!?]{1,80}(?:\s[>»›]\s[^.!?]{1,60}){1,}$", re.IGNORECASE
)
QUESTION_PREFIX = re.compile(
    r"^(?:\*\*)?(?:q|question|reporter|pv|interviewer|journalist|vna reporter|vov reporter|ndo)\s*[:.)-]\s*",
    re.IGNORECASE,
)
# the titles an office holder goes by, for the rules that look for one: a title that ends a line before its holder's
# name, a caption's office holder, a title block's office line, an interview's speaker label
OFFICE_TITLES = ("Minister|Ambassador|President|Secretary|Chairman|Chairwoman|Chairperson|Director|Governor|Consul"
                 "|Spokesperson|Spokesman|Spokeswoman|Representative|Envoy|Commissioner|Mayor|Premier|Chancellor|Speaker")
# an interview's speaker label before the answer: "Deputy FM Nguyen Minh Vu:" (capitalised words and a title's small
# words, "Minister for Foreign Affairs Dr Vivian Balakrishnan:"; also with a comma: "Official Spokesperson, Shri …:")
_NAME = r"[A-ZÀ-ÝĐĂÂÊÔƠƯẠ-Ỹ][\w.'’-]*"  # a capitalised word, also with a Vietnamese capital ("Đình", read 80)
SPEAKER = re.compile(rf"^{_NAME},?\s(?:(?:(?<=Secretary )\([\w -]{{1,20}}\)|(?<=Minister )\([\w -]{{1,20}}\)"
                     rf"|(?<=Ambassador )\([\w -]{{1,20}}\)|(?<=Director )\([\w -]{{1,20}}\)|{_NAME}|of|for|and|the"
                     rf"|on),?\s){{0,8}}{_NAME}:\s+"  # ("Secretary (East), Shri …:", "Ambassador (designate) …:")
                     rf"(?=[A-Z\"“‘'])|^{_NAME}:\s+(?=[A-Z\"“‘'])"
                     # a longer label with a title: "Hong Sun, Chairman of the Korean Chamber of Business in Vietnam
                     # (KoCham): …" (not a topic: "Relations With the United States (US): They have …")
                     rf"|^(?=[^:]{{0,160}}\b(?:{OFFICE_TITLES}|Chair|Head|CEO|Professor|Dr|Deputy|Editor|Founder"
                     r"|Chief)\b)"
                     rf"{_NAME},?\s(?:(?:{_NAME}|of|for|and|the|on|in|at|to),?\s){{0,11}}{_NAME}"
                     r"(?:\s\([A-Z][\w.&-]{1,15}\))?:\s+(?=[A-Z\"“‘'])")
ANSWER_PREFIX = re.compile(r"^(?:\*\*)?(?:a|answer)\s*[:.)-]\s+", re.IGNORECASE)
# VNA's "./." end mark, also mistyped ("./", "/."), and an outlet's mark after the last sentence ("… on March 6. (VNA)",
# "… on Wednesday. — VNS", "… [VNA]")
END_MARK = re.compile(rf"(?:\s*\./\.?|(?<=\S)/\.|(?<=[.!?”\"’])\s*(?:\((?:{OUTLET_PATTERN})\)|\[(?:{OUTLET_PATTERN})\]"
                      rf"|[—–-]+\s*(?:{OUTLET_PATTERN})|\s(?-i:VNS)))\s*$", re.IGNORECASE)
# (Viet Nam News's code alone after the last sentence: "… border gates. VNS"; another agency's there may be a photo's
# credit under a caption: "… speaks at the meeting. VNA")
TERMINAL = re.compile(r"(?:[.!?…][\"'”’)\]]*|[:;])\s*$")
FURNITURE_NOTE = "looks like page furniture"


# when a copy of the page was made, not when it was published: "Clipped:", "Downloaded:", a browser's print header
# ("18/05/2025, 10:14  <title>"); their date is the page's only when it gives no other (a forwarded e-mail's "Sent:"
# is told by :func:`forwarded_mail`; a reply's is its own)
# a browser's print stamp ("4/2/25, 9:41 AM", "18/05/2025, 10:14"; with no comma, only a 12-hour clock's before a title
# with its site's name: "4/2/2025 9:41 AM  <title> | Ministry of Foreign Affairs of Japan", not a site's own
# "05/06/2025 09:15 AM Politics - Diplomacy")
PRINT_STAMP = (r"\d{1,2}/\d{1,2}/\d{2,4}(?:,\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?"
               r"|\s+\d{1,2}:\d{2}\s*[AaPp][Mm](?=\s+\S.*\s\|\s\S))")
CAPTURE_DATE = re.compile(r"^(?:\*\*)?(?:clipped|saved|printed|received|captured|accessed|retrieved|downloaded"
                          r"|date created|created (?:on|at|time)|last edited(?: time)?)(?:\*\*)?\s*:"
                          rf"|^{PRINT_STAMP}\s+\S+\s+\S+\s+\S", re.IGNORECASE)
# a note app's "Created:" property, beside its other properties ("URL: https://…", "Status: To read"); a site's own
# "Created: 12 April 2026" (Joomla) is its publication date
CREATED = re.compile(r"^(?:\*\*)?created(?:\*\*)?\s*:", re.IGNORECASE)
NOTE_PROPERTY = re.compile(r"^(?:\*\*)?(?:url|source|status|property|type)(?:\*\*)?\s*:", re.IGNORECASE)


def copy_date_line(lines: Sequence[str], index: int) -> bool:
    """Whether ``lines[index]`` gives the date a copy of the page was made (:data:`CAPTURE_DATE`, or a note app's
    "Created:" beside its properties), not the page's own."""
    line = lines[index].strip()
    if CAPTURE_DATE.match(line):
        return True
    return bool(CREATED.match(line)) and any(NOTE_PROPERTY.match(lines[i].strip())
                                             for i in range(max(0, index - 3), min(len(lines), index + 4)))


# a printed page's number on a line of its own: "Page 1 of 2", "Page 3", "- 2 -", "– 4 –", and a browser's print
# footer, the page's address and "1/2"
PAGE_NUMBER = re.compile(r"^(?:page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]"
                         r"|https?://\S+\s+\d{1,3}\s*/\s*\d{1,3})$", re.IGNORECASE)


def page_furniture(lines: Sequence[str]) -> set[int]:
    """Indices of a printed document's page furniture (a PDF's text): page numbers (:data:`PAGE_NUMBER`) and the
    repeats of a running header or footer ("OFFICIAL", "Embassy of Viet Nam in Canberra"): a short line without a
    sentence's end that stands apart (blank lines or a page number around it, or on one side at a page break),
    recurs, and once stands within three lines of a page number. Its first occurrence stays (a title, a date or a
    masthead gives the page's metadata), and so does everything on a page without page numbers."""
    numbers = {i for i, line in enumerate(lines) if PAGE_NUMBER.match(line.strip())}
    if not numbers:
        return set()

    top = next((i for i, line in enumerate(lines) if line.strip()), 0)

    def alone(i: int) -> bool:  # a blank line or a page number on both sides, or on one at a page's top or foot
        apart = [j < 0 or j >= len(lines) or not lines[j].strip() or j in numbers for j in (i - 1, i + 1)]
        return all(apart) or (any(apart) and (i == top or any(abs(i - n) <= 3 for n in numbers)))

    short = [line.strip() if 0 < len(line.split()) <= 6 and not TERMINAL.search(line) else "" for line in lines]
    where: dict[str, list[int]] = {}
    for i, line in enumerate(short):
        if line:
            where.setdefault(line, []).append(i)
    running = [found for found in where.values() if len(found) >= 2 and all(alone(i) for i in found)
               and any(abs(i - n) <= 3 for i in found for n in numbers)]  # (not a narrow column's wrapped line)
    return numbers | {i for found in running for i in found[1:]}


# a consent banner copied with no break before the page's next line: "… in accordance with our Cookie Policy. Got
# it!HÀ NỘI — Việt Nam and Argentina …" (read 90)
RUN_IN_BANNER = re.compile(r"^(?P<banner>[^\n]{0,400}?\bcookies?\b[^\n]{0,400}?(?:got it|accept(?: all)?(?: cookies)?"
                           r"|i agree|agree|ok|okay|close|allow(?: all)?)[.!]?)"
                           r"(?P<rest>(?-i:[A-ZÀ-Ỹ][^\W\d_])[^\n]{20,})$",
                           re.IGNORECASE | re.MULTILINE)


def without_run_in_banner(text: str) -> str:
    """A page whose consent banner ran into its next line (:data:`RUN_IN_BANNER`): the banner on a line of its own,
    and the line it ran into left out where the page gives that line again (a copy of the lead above the headline)."""
    def split(match: re.Match[str]) -> str:
        rest = match["rest"].strip()
        again = text.count(rest) > 1
        return match["banner"] if again else f"{match['banner']}\n{rest}"
    return RUN_IN_BANNER.sub(split, text)


def furniture_note(text: str) -> str | None:
    """The note for a JSONL row whose one-line text is what ingestion leaves out of a page (a photo caption, a
    byline, a related-news link, a share bar …): it is still read, as given, and says so. None for other text."""
    if "\n" in text.strip():
        return None
    reason = classify(text.strip(), True)
    return f"{FURNITURE_NOTE} ({reason}), not article text: pages given as files leave such lines out" \
        if reason else None


LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


def _is_switcher(line: str) -> bool:
    """A list of languages to read the page in: "English | Tiếng Việt" (:func:`barred_switchers` bars one whose
    items the page set apart by spaces)."""
    parts = [p.strip().lower() for p in re.split(r"[|/•·]", line) if p.strip()]
    known = sum(p in LANGUAGES for p in parts)  # (and a language's name in its own script, not Latin: "فارسی")
    return (len(parts) >= 2 and known >= 2 and all(p in LANGUAGES or (len(p.split()) <= 2 and not LATIN.search(p)
                                                                     and not re.search(r"\d", p)) for p in parts)) \
        or _spaced_languages(line)


def _spaced_languages(line: str) -> bool:
    """A list of four languages or more set apart by single spaces, copied from a page's language bar ("Tiếng Việt
    English Français Español 中文 Русский 日本語 한국어 Deutsch ລາວ ខ្មែរ Bahasa", read 97): every word a language's
    name (of one or two words; "Bahasa" cut from its second), or a word in another script."""
    words, known, i = line.lower().split(), 0, 0
    while i < len(words):
        step = 2 if " ".join(words[i:i + 2]) in LANGUAGES else 1
        if step == 2 or words[i] in LANGUAGES or words[i] == "bahasa":
            known += 1
        elif LATIN.search(words[i]) or re.search(r"\d", words[i]):
            return False
        i += step
    return known >= 4


def barred_switchers(text: str) -> str:
    """``text`` with each line that lists languages set apart by two spaces or more ("Tiếng Việt  English  Français
    中文  Bahasa Indonesia") written with bars between them, before runs of spaces are collapsed."""
    def barred(line: str) -> str:
        parts = [p for p in re.split(r"[ \t]{2,}", line.strip()) if p]
        return " | ".join(parts) if len(parts) >= 3 and all(p.lower() in LANGUAGES for p in parts) else line

    return "\n".join(barred(line) if "  " in line else line for line in text.split("\n"))


# a page's buttons, which may stand on its date stamp's line
BUTTONS = {"print", "email", "share", "facebook", "twitter", "zalo", "linkedin", "save", "font", "size", "copy", "link",
           "comment", "comments", "tweet", "back"}


# a letter's or a notice's reference number before its place and date: "Ref. No. 2025-41/EPS-VN   Ha Noi, 02 December
# 2025", "No. 19/TTBC-BNG"
REFERENCE_NUMBER = re.compile(r"^(?:Ref(?:erence)?\.?(?:\s*No\.?)?|No\.)\s*[:.]?\s*\S*\d\S*\s+")


def _is_timestamp(line: str) -> bool:
    line = REFERENCE_NUMBER.sub("", line, count=1)
    if len(line.split()) > 12:
        return False
    has_date = bool(DATE_DMY.search(line) or DATE_ISO.search(line) or DATE_MDY.search(line)
                    or DATE_DMY_TEXT.search(line))
    has_time = bool(TIME.search(line))
    if not (has_date or has_time):
        return False
    leftover = TIMESTAMP_WORDS.sub(" ", DATE_DMY.sub(" ", DATE_ISO.sub(" ", TIME.sub(" ", line))))
    leftover = DATE_MDY.sub(" ", DATE_DMY_TEXT.sub(" ", leftover))
    leftover_words = [w for w in re.findall(r"[A-Za-z]{3,}", leftover) if w.lower() not in BUTTONS]
    return len(leftover_words) <= 2  # ("21/03/2024 Print Email Share": a stamp beside the page's buttons)


def short_unpunctuated(line: str, max_words: int) -> bool:
    return len(line.split()) <= max_words and not TERMINAL.search(line)


# a caption that says what its photo shows, as its one sentence: "An Indonesian vessel patrols off Natuna Islands in
# this undated photo. (Courtesy of Bakamla)" (read 38; not a lead paragraph whose last sentence ends so)
IN_THIS_PHOTO = re.compile(r"\bin this (?:undated |file |handout |recent )?(?:photo|picture|image)"
                           r"(?: taken [^.!?]{1,40})?[.!]?(?:\s*\((?:photo )?courtesy of [^)]{1,60}\))?\s*$",
                           re.IGNORECASE)


# the mark :mod:`~diplo_ml.data.page_text` puts after an element the page itself calls a caption (read 77: a gallery's
# "<p class="caption">" of three sentences and a credit)
MARKED_CAPTION = re.compile(r"\(Photo caption\)\s*$")


def is_caption(line: str) -> bool:
    """A photo caption or credit line ("… at the talks. (Photo: VNA) |", "… documents. Photo: VNA"), not a lead that
    opens with a dateline and carries its photo's credit, nor a caption run into the text after it."""
    shows = IN_THIS_PHOTO.search(line) and len(split_sentences(IN_THIS_PHOTO.sub(" photo.", line))) == 1
    marked = MARKED_CAPTION.search(line)  # (a page's own caption element that ends on its photo's credit may run to
    longest = 100 if marked and CAPTION.search(line[:marked.start()].rstrip()) and all(  # three sentences of a
        len(said.split()) <= 40 for said in split_sentences(line)) else 60  # caption's length; not a long lead in any
    # element whose class says "caption": "article-caption-lead", a review found)
    words = len((line[:marked.start()] if marked else line).split())  # (the mark's own words not counted)
    return bool(CAPTION.search(line) or shows) and words <= longest and not split_datelines(line)[0] \
        and not labelled_caption_sentence(line)


def credited_caption(line: str) -> bool:
    """One short sentence and an outlet's credit on its line ("… in Hanoi on March 11. Source: VNA"): a caption when
    the text goes on after it (a one-sentence brief ends so too)."""
    return bool(SOURCE_AFTER.search(line)) and len(line.split()) <= 30 and len(split_sentences(line)) <= 2 \
        and not split_datelines(line)[0]


def labelled_caption_sentence(line: str) -> str | None:
    """The first sentence of ``line`` when it opens with a caption's label and the text goes on after it ("Photo:
    Ministers pose in Kuala Lumpur on March 11. ASEAN and …", a scraped archive's joined lines): that sentence is the
    caption, the rest is text. None for any other line."""
    if not re.match(CAPTION_LABEL, line, re.IGNORECASE):
        return None
    sentences = split_sentences(line)
    credit = len(sentences) == 2 and re.fullmatch(CREDIT, sentences[1].strip(), re.IGNORECASE)  # its own credit
    return sentences[0] if len(sentences) > 1 and not credit else None


# an e-mail's closing notice ("CONFIDENTIALITY NOTICE: This email and any attachments are confidential …")
MAIL_NOTICE = re.compile(r"^(?:(?:confidentiality|e-?mail) (?:notice|disclaimer)\s*:|this (?:e-?mail|message)"
                         r"(?: and any (?:attachments?|files?)(?: transmitted with it)?)? (?:is|are|may be) "
                         r"(?:confidential|privileged|intended (?:solely |only )?for the (?:named )?(?:addressee|"
                         r"recipient|person))|this e-?mail (?:is|was|has been) sent (?:from|by|on behalf)"
                         r"|please consider the environment before printing"
                         # a newsletter's own: "Having trouble reading this email? View it in your browser.",
                         # "Unsubscribe | Update your preferences", "Forward to a friend"
                         r"|(?:(?:having )?trouble (?:reading|viewing) this (?:e-?mail|message)\?\s*)?"
                         r"(?:view|open|read) (?:it"
                         r"|this (?:e-?mail|message|newsletter|issue)) (?:in|on) (?:your|a) (?:web )?browser"
                         r"|unsubscribe\b|(?:update|manage) your (?:e-?mail )?(?:preferences|subscription)"
                         r"|forward (?:this )?to a friend"
                         r"|the post\b.{3,300}\bappeared first on\b)",  # (a WordPress feed's footer)
                         re.IGNORECASE)
# a link to the page in another language: "Versão em português: Declaração Conjunta …", "Vietnamese version: …"
OTHER_LANGUAGE = re.compile(r"^(?:versão em|version (?:en|in)|versión en|(?:vietnamese|french|portuguese|spanish"
                            r"|chinese|english|korean|japanese) version|bản tiếng)\b[^:]{0,30}:\s", re.IGNORECASE)
# a ticker of other stories above a page's headline: "▶ LATEST: Govt urges provinces … | Wattay airport to add …"
TICKER = re.compile(r"^[▶►•]?\s*(?:LATEST|BREAKING(?: NEWS)?|TRENDING|HOT|JUST IN|NEWS FLASH)\s*[:|–—-]\s*\S.*\s\|\s\S"
                    # a label before headlines run together, no bars between (read 90: "HOT Vietnam, Brazil upgrade
                    # ties to … Foreign Ministry launches … Hanoi hosts …"): twenty words or more, no sentence's end
                    r"|^(?:HOT|TRENDING|LATEST|BREAKING)\s+(?=[A-Z])(?=(?:\S+\s+){19})[^.!?]*[^.!?\s]$"
                    # a label in capitals and items after arrows: "NEWS IN BRIEF ▸ Ha Long Bay welcomes … ▸ Van Don …"
                    r"|^[A-Z][A-Z ]{2,30}\s*[▸►▶›»]\s*\S.*\s[▸►▶›»]\s+\S")
# a consent banner with its buttons, or one that opens as the banners do, at a banner's full length (read 29: "We value
# your privacy. We and our partners use cookies to … [Accept All] [Reject] [Cookie Settings]")
COOKIE_BANNER = re.compile(r"^we value your privacy\b|\bcookies\b.*\[\s*(?:accept|reject|agree|allow|manage|cookie)",
                           re.IGNORECASE)
# where a copy was taken from: a clipper's "Clipped from: https://…", "Saved from: …", a note's "Source URL: …" (read as
# the page's headline, review 2 of s55); the address may already be gone ("Clipped from:")
COPY_SOURCE = re.compile(r"^[*_]*(?:(?:clipped|saved|copied|captured|archived|retrieved|downloaded|printed) from"
                         r"|(?:(?:source|original|page|article) )?(?:url|link|address)(?=[*_]*\s*:))[*_]*\s*:?[*_]*"
                         r"\s*<?(?:https?://\S*|www\.\S+|[\w-]+(?:\.[\w-]+)+/\S*)?>?"
                         r"(?:\s+\(printed [^)]{0,40}\))?$", re.IGNORECASE)  # ("Printed from: … (printed 10/02 …)")
# notices that are page noise when short (longer, "Copyright protection for films was …" is text)
# a newsletter's or a membership's prompt over a page (read 90: "Join 48,000 readers who get The Neighbourhood, our
# weekly briefing …", "By signing up you agree to …", "No thanks, take me to the article", "… is reader-supported.
# Become a member from $8 a month")
SIGN_UP = re.compile(r"^(?![^.!?]*\b(?:urged|urges|said|says|told|announced|asked|called)\b)"  # (a lead that tells of
                     # one: "Sign up for the Embassy's list, the Embassy urged … on Sunday", a review found)
                     r"(?:join [\d,.]+k? (?:other )?(?:readers|subscribers|people)\b|by signing up\b"
                     r"|sign up (?:for|to) (?:our|the)\b"
                     r"|sign up (?:for|to)\b[^.!?]{0,60}\b(?:newsletter|briefing|digest|inbox)\b"
                     r"|subscribe to (?:our|the) (?:free )?(?:\w+ )?newsletter\b"
                     r"|no,? thanks\b|get (?:our|the) (?:free )?(?:\w+ )?newsletter\b"
                     r"|(?:[\w ]{1,40} )?is reader-supported\b"
                     r"|become a (?:member|subscriber|supporter)(?: today| now)?(?:,? (?:from|for))? ?[$£€\d])",
                     re.IGNORECASE)  # (not a title "Become a member or stay a partner: …", a review found)
# a machine translation's notice (read 90: "Translation notice: This article was translated from Vietnamese with the
# help of machine translation …", "This article has been automatically translated from Portuguese. Read original")
TRANSLATION_NOTICE = re.compile(r"^(?:translation notice\s*:|this (?:article|page|story|text) (?:has been|was|is)"
                                r" (?:automatically |machine[- ]|auto-)?translated\b|(?:automatically|machine|auto)[- ]"
                                r"translated (?:by|from|with|using)\b)", re.IGNORECASE)  # (not a title
# "Machine-translated diplomacy: …", a review found)
# a wire's licence on a printed item: "FOR SUBSCRIBERS ONLY. This news item is licensed for the internal use of the
# subscribing organisation …" (read 90)
LICENCE = re.compile(r"^this copy is for your personal,? non-?commercial use only\b"  # (a print view's, read 105)
                     r"|^for (?:subscribers|internal use|subscriber use) only(?:[.!]|\s*[-–—:]|$)"  # (not "For
                     # subscribers only, Viettel will offer …", a review found)
                     r"|\b(?:is|are) licensed (?:for|to) the "
                     r"(?:internal|sole|exclusive) use of\b", re.IGNORECASE)
# a publisher's promotion of its other service (read 97: "Exclusive news, data and analytics for financial market
# professionals  Learn more about Refinitiv")
PROMOTION = re.compile(r"(?:^|(?<=[a-z,]\s))Learn more about [A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3}\s*$")  # (its
# button run in, "Learn" after a word in lower case; not a title "Lao Students Learn More About Viet Nam", nor a
# sentence "… to help French visitors learn more about Vietnam.", a review found)
# a video player's lines (read 108): "Started streaming 38 minutes ago · 2,317 watching now.", "Streamed live on 12 Nov
# 2025", "412,508 views", "Duration 02:31" (not a headline's "5,000 viewers watch …", nor a lead's "Premiered in
# Hanoi in March, 'Red Rain' will open …", a review found)
PLAYER = re.compile(r"^(?:started streaming|streamed live)\b"
                    r"|^[\d.,]+\s?[KkMm]?\s+(?:watching(?: now)?|views?|viewers|waiting)\s*(?:[·|•]|$)"
                    r"|\b[\d.,]+\s?[KkMm]? watching now\b"
                    r"|^duration\s*:?\s*\d{1,2}:\d\d", re.IGNORECASE)
# a news service's name in capitals on a line of its own, after the agency's Vietnamese name: "THÔNG TẤN XÃ VIỆT NAM -
# VNA ENGLISH NEWS SERVICE" (read 104)
SERVICE_LINE = re.compile(r"^(?:[^a-z]{2,60}\s[-–—|]\s)?(?!.*\b(?:LAUNCH|OPEN|START|BEGIN|ADD|END|CLOSE|SUSPEND"
                          r"|RESUME|EXPAND|UNVEIL|INTRODUCE)(?:E?S|E?D)?\b)(?:[A-Z][A-Z0-9&.'-]*\s){1,3}"
                          r"(?:(?:ENGLISH|FOREIGN|OVERSEAS) (?:NEWS )?|NEWS )SERVICE$")  # (not a headline in
# capitals: "VNA LAUNCHES ARABIC NEWS SERVICE", "… LAUNCH ONLINE PASSPORT RENEWAL SERVICE", a review found)
# a broadcast transcript's note on itself (reads 104, 108): "Transcript prepared from broadcast audio. Not checked
# against delivery.", "Script/transcript – as broadcast"
TRANSCRIPT_NOTE = re.compile(r"^(?:script/)?transcript(?:ion)? (?:prepared|produced|made|taken) from\b"
                             r"|^(?:script\s*/\s*)?transcript\s*[-–—:]\s*as (?:broadcast|aired|delivered)\b"
                             r"|^not checked against (?:delivery|the (?:recording|audio|broadcast))\b"
                             # a transcriber's note on the file in brackets (read 113: "[file: mofa_briefing_….txt |
                             # source: audio recording, … | transcribed with auto-captioning, …]"; read 114:
                             # "[Source: Department of Foreign Affairs … – English version provided to delegates. …]")
                             r"|^\[(?:file(?:name)?|recording|audio|transcri(?:pt|bed)(?: by)?|source)\s*:"
                             r"[^\]]{0,300}\]$"
                             r"|^\[[^\]]{0,200}\bauto-?transcript\b[^\]]{0,100}\]$",  # ("[VOV WORLD -
                             # ENGLISH SERVICE - 2025-08-14 - … - auto-transcript, lightly corrected]", read 89)
                             re.IGNORECASE)
SHORT_NOTICES = ((COPYRIGHT, 12, "copyright notice"), (PROMOTION, 20, "a publisher's promotion"),
                 (PLAYER, 15, "a video player's line"), (TRANSCRIPT_NOTE, 30, "a transcript's note on itself"),
                 (SERVICE_LINE, 14, "a news service's name"),
                 (WIRE_NOTICE, 30, "wire notice or contributors"), (UPDATE_NOTE, 60, "a new version's note"),
                 (COOKIES, 40, "cookie notice or navigation"), (COOKIE_BANNER, 90, "cookie notice or navigation"),
                 (PUBLISHER, 25, "publisher line"),
                 (SITE_ABOUT, 30, "a site's word about itself or its hotline's note"),
                 (OTHER_LANGUAGE, 40, "link to the page in another language"), (TICKER, 60, "news ticker"),
                 (MAIL_NOTICE, 90, "e-mail notice"),
                 (COPY_SOURCE, 12, "where the copy was taken from"), (SIGN_UP, 40, "a newsletter's sign-up"),
                 (TRANSLATION_NOTICE, 40, "a translation's notice"), (LICENCE, 40, "a licence notice"))


def _dated_masthead(line: str) -> bool:
    """A page's masthead line with a date between dashes or bars: "Global Affairs Canada — News release — March 6,
    2024 — Ottawa, Ontario"."""
    return bool(FULL_DATE.search(line)) and len(re.findall(r"\s[—–|]\s", line)) >= 2 and len(line.split()) <= 25


# a link to a video or audio ("Watch: Kallas says …", "Video: …") and a release's embargo ("EMBARGOED UNTIL 00:01 …")
MEDIA_OR_EMBARGO = re.compile(r"^(?:(?:watch|video|listen|audio)\s*:|embargoed\b|not for (?:publication|broadcast)\b"
                              r"|listen to (?:this|the) (?:article|story|news|page)\b"  # (a page's audio player; a
                              r"|read (?:a|the) summary of this (?:article|story)\b)",  # CNA's "… on FAST.", read 56)
                              re.IGNORECASE)


def _masthead_first(line: str) -> bool:
    """A breadcrumb or section bar that opens with the outlet's name: "Tuoi Tre News > Opinion", "**THE WORLD &
    VIETNAM REPORT** | Diplomacy | Analysis", "[VnExpress International](https://…) › [Business](…)"."""
    parts = re.split(r"\s+[>»›|]\s+", line.strip())
    first = re.sub(r"^\[([^\]]+)\]\([^)]*\)$", r"\1", parts[0].strip("*_ "))  # a Markdown link's text
    return 2 <= len(parts) <= 6 and all(len(p.split()) <= 5 for p in parts) and masthead(first) is not None \
        and not any(re.search(r"\d", p) for p in parts[1:])  # (not a table's row: "VnExpress | 1,245 citations")


def _outlet_and_date(line: str) -> bool:
    """An outlet's name and the page's date on one line: "*The Saigon Times* · March 16, 2026", "**Vietnam News
    Agency** | April 25, 2026", "KYODO NEWS - Mar 19, 2026 - 18:47 | World, All", "Tuoi Tre News  Updated: 14/04/2026
    16:30 GMT+7", "Tuoi Tre News -- tuoitrenews.vn -- Friday, …", a printed page's running header "VIỆT NAM NEWS
    THURSDAY, SEPTEMBER 7, 2023        POLITICS & LAWS   3"."""
    parts = re.split(r"\s+(?:[·|•–—-]\s+)?(?=(?i:updated|published|posted)\b)|\s+(?:[·|•–—-]|--)\s+",
                     line.strip(), maxsplit=1)
    date = FULL_DATE.search(line)
    header = re.sub(rf"(?i)[\s,]*\b(?:{WEEKDAYS})$", "", line[:date.start()].strip(" ,")) if date else ""
    after = line[date.end():] if date else ""  # a section and a page number, no sentence ("VNA, May 1 – … turns 79.")
    if header and masthead(header) and len(line.split()) <= 16 and not re.search(r"\b[a-z]{2,}\b|[.!?]$", after):
        return True  # (its spaces collapsed: "VIỆT NAM NEWS THURSDAY, SEPTEMBER 7, 2023 POLITICS & LAWS 3")
    return len(parts) == 2 and masthead(parts[0].strip("*_ ")) is not None and len(parts[1].split()) <= 12 \
        and bool(FULL_DATE.search(parts[1]) or DATE_DMY.search(parts[1])) \
        and not re.search(r"(?i)\b(?:first|founded|since|established|launched)\b", parts[1])  # "– first published 1951"


KEY_VALUE = re.compile(r"(?<![\w=])[A-Za-z_][\w.-]{0,24}=[^\s|;,]+")


def machine_fields(line: str) -> bool:
    """Whether a line is a program's fields, two or more ``key=value`` making up most of it (a transcript's header:
    "[auto-transcript] source=vov5_0600.mp3 | engine=whisper-large-v3 | lang=en", read 71)."""
    fields = len(KEY_VALUE.findall(line))
    return fields >= 2 and fields * 3 >= len(line.split())


def classify(line: str, seen_body: bool) -> str | None:
    """The reason a line is page noise, or None if it may be content."""
    if masthead(line):
        return "outlet masthead"
    if _outlet_and_date(line):
        return "outlet masthead and date"
    if _masthead_first(line):
        return "outlet masthead"
    if (SITE_WELCOME.match(line.strip("*_ ")) or GOV_BANNER.match(line.strip("*_ "))) and len(line.split()) <= 25 \
            and not ATTRIBUTED.search(line):
        return "site banner"
    if not seen_body and ARCHIVE_BANNER.match(line.strip("*_[]#> ")):
        return "a cache's or an archive's banner"
    if not seen_body and motto(line):
        return "masthead's motto"
    if not seen_body and masthead_and_motto(line):
        return "outlet masthead"  # "NHAN DAN ONLINE – Central organ of the Communist Party of Viet Nam"
    if not seen_body and vietnamese_line(line):
        return "line in Vietnamese"  # "Cổng Thông tin điện tử Chính phủ" under "VIETNAM GOVERNMENT PORTAL"
    if READERS_NOTE.match(line.strip("*_> ")) or EDITORS_INTRO.match(line.strip()):
        return "a reader's or editor's note on the page"
    if not seen_body and WIRE_EDITORS_NOTE.match(line.strip("*_> ")):
        return "a wire's note to editors"
    if re.fullmatch(r"\./\.?", line):
        return "end mark"
    if _is_switcher(line):
        return "language switcher"
    if SOCIAL.match(line):
        return "share/print buttons"
    if SEARCH_BOX.match(line.strip(" *_[]")):
        return "search box"
    if LOGIN_BOX.match(line.strip()):
        return "login box"
    if PREVIOUS_NEXT.match(line.strip()) and len(line.split()) <= 25:
        return "link to the previous or next article"
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
    if MEDIA_OR_EMBARGO.match(line) and len(line.split()) <= 25:
        return "media link or embargo line"
    if _dated_masthead(line):
        return "page header"
    if DATE_SPAN.match(line):
        return "span of dates"  # an anniversary's "(2 September 1945 – 2 September 2024)": not the page's date
    if _is_timestamp(line):
        return "timestamp"
    if machine_fields(line):
        return "a machine's key=value fields"
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


# a newspaper's name: "The Jakarta Post", "The Straits Times", "The Phnom Penh Post" (read 107)
PAPER_NAME = re.compile(r"The (?:[A-Z][\w.'’-]* ){1,3}(?:Post|Times|Herald|Tribune|Star|Journal|Observer|Chronicle"
                        r"|Gazette|Telegraph|Guardian|Monitor|Globe|Inquirer|Diplomat|Independent|Nation|Standard"
                        r"|Express|Mail|Daily|Review|Courier|Ledger)")
# a site's name by its shape: one word with a capital inside ("MercoPress", "VnExpress") or a domain ("thediplomat.com")
SITE_SHAPE = re.compile(r"^(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|vn|int|gov|co\.uk|info))$")


# a Vietnamese mission's site after a title: "… - Embassy of Viet Nam in the Czech Republic", "… - Embassy of Viet
# Nam in the Federal Republic of Germany" (reads 100, 103)
MISSION_SITE = re.compile(r"(?i:the )?(?i:embassy|consulate(?:[- ]general)?|permanent mission|mission) of (?:the )?"
                          r"(?:Socialist Republic of )?Vi[eệ]t ?[Nn]am(?: (?:in|to) (?:the )?[A-Z][\w'’.-]*"
                          r"(?: (?:of|the|and|[A-Z][\w'’.-]*)){0,6})?")


# a verb a story's title has and a site's name or tagline lacks ("Việt Nam to host …", "… sign …", "… held …")
STORY_VERB = re.compile(r"\b(?:to|will|is|are|has|have|had|was|were|hosts?|hosted|holds?|held|signs?|signed|agrees?"
                        r"|agreed|opens?|opened|launch(?:es|ed)?|calls?|called|urges?|urged|meets?|met|welcomes?"
                        r"|welcomed|seeks?|sets?|wins?|won|brings?|brought|marks?|marked|vows?|vowed|backs?|backed"
                        r"|boosts?|boosted|pushes|pushed|plans?|planned|inks?|inked|reach(?:es|ed)?|eyes?|eyed)\b",
                        re.IGNORECASE)


def split_site(title: str) -> tuple[str, str]:
    """A page title and the site's name after a bar or a spaced dash ("Ties deepen | Nhan Dan Online", "UK and
    France agree … - GOV.UK", "… cooperate on lithium — MercoPress"); the site "" when it names none, and a story's
    title after a section's label in capitals before the bar ("ASEAN WATCH | Việt Nam to host …")."""
    title = TITLE_PREFIX.sub("", title, count=1)
    first = re.match(r"^([^-–—|]{2,30}?) [-–—|] (\S.*)$", title)  # an outlet's name first: "BERNAMA - Malaysia, Vietnam
    if first and first[1].strip().isupper() and masthead(first[1].strip()) and len(first[2].split()) >= 4 \
            and not masthead(first[2].strip()) \
            and STORY_VERB.search(first[2]) and not re.search(r"\b(?:newspaper|organ|voice|portal|agency|official)\b",
                                                               first[2], re.IGNORECASE):  # (not its tagline)
        return first[2].strip(), first[1].strip()  # to cooperate on …" (read 88)
    if " | " in title:
        head, _, site = title.rpartition(" | ")
        label = head.strip()
        if label.isupper() and len(label.split()) <= 3 and "," not in label and len(site.split()) >= 5 \
                and not site.isupper() and STORY_VERB.search(site) \
                and not (site.strip().lower() in SITE_NAMES or masthead(site.strip())):
            return site.strip(), ""  # a newsletter's section before its story: "ASEAN WATCH | Việt Nam to host …"
            # (not a title in capitals before a site's tagline: "VIETNAM, JAPAN UPGRADE TIES | The official portal of
            # …", a review found)
        return head, site.strip()
    split = re.match(r"^(.*\S) [-–—] (\S.*)$", title)  # (at the last spaced dash)
    if not split:
        return title, ""
    head, site = split[1], split[2].strip()
    known = site.lower() in SITE_NAMES or masthead(site) or bool(MISSION_SITE.fullmatch(site)) \
        or bool(PAPER_NAME.fullmatch(site)) or (vietnamese_title(site) and not vietnamese_title(head)
                                                and len(head.split()) >= 4)  # (its name in Vietnamese under an
    # English title: "… to ASEAN Day celebration - Phái đoàn Thường trực Việt Nam tại ASEAN", read 113)
    section = re.match(r"^(.*\S) [-–—|] [A-Z][\w&]*(?: (?:&|[A-Z][\w&]*))?$", head) if known else None
    if section and len(section[1].split()) >= 4:  # (a section's name between them: "… - World - The Jakarta Post")
        head = section[1]
    return (head, site) if known or (SITE_SHAPE.match(site) and len(head.split()) >= 3) else (title, "")


def without_site(title: str) -> str:
    """A page title without the site's name (:func:`split_site`)."""
    return split_site(title)[0]


# what an e-mail or a print view sets before a title: "Subject: …", "FW: …", "Fwd: …", "RE: …", "In bài viết - …" (print
# the article), "Print - …"
OPINION_SECTION = r"(?:opinion|commentary|op-ed|editorial|viewpoint)"  # the section's label before an opinion title
TITLE_PREFIX = re.compile(r"^(?:(?:subject|fwd?|re|tr)\s*:\s*)+|^(?:In bài viết|Print(?: article| this page)?)"
                          rf"\s+[-–|:]\s+|^{OPINION_SECTION}\s*\|\s*(?=\S)"
                          # an office's site name before its notice's title: "Ministry of Foreign Affairs of Viet Nam -
                          # NOTICE: Advisory for …" (read 91)
                          r"|^(?:the )?(?:ministry|embassy|consulate(?: general)?|permanent mission) of "
                          r"[\w ,'’.&-]{3,60}? [-–—|] (?=(?:notice|advisory|press release|statement|announcement)\b)",
                          re.IGNORECASE)  # ("Opinion | What …", review 5: not the title, with the rest as the site's
# name)
