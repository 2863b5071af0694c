"""How a page's lines make paragraphs: blank-line blocks, page breaks bridged, lines a hard wrap or a page's width
broke joined again, a word broken at a line-end hyphen mended, an e-mail's quote marks taken off."""

from __future__ import annotations

import re

from diplo_ml.data.datelines import NAMED_PLACES, marks_a_lead, masthead, parse_date, split_datelines
from diplo_ml.data.page_noise import BYLINE, OFFICE_TITLES, PICTURED, SOURCE_CREDIT, TERMINAL, is_caption
from diplo_ml.data.page_text import NEWS_VERB


def capitals(line: str) -> bool:
    """A line in capitals ("JOINT STATEMENT"), four letters or more."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


# a line that stops where no sentence or heading does, before a break made by the page's width (PDF text): "The Prime
# Minister of the" / "Socialist Republic of Viet Nam …", "… expand coop-" / "eration in …"
WRAPPED = re.compile(r"(?:\b(?:the|of|a|an|and|or|to|in|for|on|with|by|at|from|as|that|which|its|their|his|her|our|is"
                     r"|are|was|were|will|has|have|had)|(?:(?<=[a-z])|(?<=[A-Z]{2}))-)$")
# (not a comma: "Distinguished guests,"; a hyphen after a word or an abbreviation: "EU-" / "Vietnam", not "A+ A-")
# more words no sentence or heading ends with, whose line goes on in the next unless that is a dateline, a date or a
# list's item: "… a trade agreement between" / "Vietnam and the Southern Common Market …"
WRAPPED_BEFORE_TEXT = re.compile(r"\b(?:between|among|into|through|including|towards?|across|within|amid)$")
# an amount broken before its currency: "… to 10 billion" / "USD by 2030 …" (not a list of amounts)
AMOUNT_BREAK = re.compile(r"\b(?:thousand|million|billion|trillion)$")
CURRENCY_START = re.compile(r"^(?:USD|VND|EUR|GBP|JPY|CNY|KRW|AUD|SGD|THB|US dollars?|dollars?|euros?|pounds?|yuan|yen"
                            r"|won|dong)(?=\s+[a-z]|\s*$|[.,;])")


# a list's item: "- …", "• …", "1. …", "(b) …", "iii) …"
LIST_ITEM = re.compile(r"^(?:[-–•*]\s|\d{1,2}[.)]\s|\(?(?:[a-h]|[ivx]{1,4})\)\s|(?:[a-h]|[ivx]{1,4})\.\s)")
# a block's line that is a label or a list's item, not a line of wrapped prose
LABEL_OR_ITEM = re.compile(r"^(?:[-–•*]\s|\d{1,2}[.)]\s|[A-Z][\w ]{0,20}:(?:\s|$))")


KEEPS_HYPHEN = {"well", "self", "non", "co", "ex", "anti", "pro", "semi", "multi", "cross", "long", "short", "high",
                "low", "full", "part", "half", "all", "one", "two", "three", "four", "five", "first", "second", "third",
                "vice", "year", "state", "people", "government", "foreign", "time", "world", "large", "small"}


# a wire's writer under its headline, in lower case, surname in capitals: "by Helene DUVAL", "by Martin ABBUGAO and
# Tran Thi MINH" (not a sentence's "… honoured" / "by Lao President Thongloun Sisoulith")
_WRITER = r"(?:[A-Z][\w'’-]*\s+){1,2}[A-Z]{2,}[A-Z'’-]*"
WRITER_LINE = re.compile(rf"^by\s+{_WRITER}(?:\s+(?:and|&)\s+{_WRITER})?$")


def _goes_on(paragraph: str, line: str) -> bool:
    """Whether ``line`` goes on the paragraph that a hard wrap broke before it: a line in lower case (not a writer's
    :data:`WRITER_LINE`), after a word no sentence or heading ends with (:data:`WRAPPED`; :data:`WRAPPED_BEFORE_TEXT`
    only after a long line and before text, not a dateline, date, list item, byline or correspondent's line), a
    currency after its amount, or the rest of a place's name that a sentence's line broke ("… left Ha" / "Noi on …").
    """
    if WRITER_LINE.match(line):  # (also after a title that ends "… drag on")
        return False
    if line[:1].islower() or WRAPPED.search(paragraph) or _broken_place(paragraph, line):
        return True
    if AMOUNT_BREAK.search(paragraph) and CURRENCY_START.match(line) and not CURRENCY_START.match(paragraph):
        return True
    return bool(WRAPPED_BEFORE_TEXT.search(paragraph)) and len(paragraph.split()) >= 8 \
        and not split_datelines(line)[0] and parse_date(line) is None and not LABEL_OR_ITEM.match(line) \
        and not BYLINE.match(line) and not re.search(r"\bcorrespondents?\b", line, re.IGNORECASE)


def _broken_place(paragraph: str, line: str) -> bool:
    """Whether a line of five words or more that ends no sentence stops inside a Vietnamese place's two-word name
    that ``line`` finishes ("… comprising 184 officers, left Ha" / "Noi on September 10 …", "… in Da" / "Nang"); not
    where the line ends with a whole place ("… Quang Tri and Thanh Hoa" / "Binh Duong …") nor before "An", a
    sentence's article as often as a place's end ("… in Ha Long" / "An international cruise ship …")."""
    words, rest = paragraph.split(), re.match(r"[^\W\d_]+", line)
    return len(words) >= 5 and bool(rest) and (words[-1], rest.group()) in NAMED_PLACES and rest.group() != "An" \
        and tuple(words[-2:]) not in NAMED_PLACES and not is_caption(paragraph) and not BYLINE.match(paragraph)


def _unwrapped(first: str, second: str, text: str) -> str:
    """Two lines of one paragraph joined: a word broken at a line-end hyphen is joined whole ("coop-" + "eration"
    -> "cooperation") unless the page spells it with the hyphen elsewhere ("user-friendly"), or it opens with a
    prefix that keeps one ("well-known") and the page does not spell it whole elsewhere ("pro-" / "gramme")."""
    if re.search(r"(?:(?<=[a-z])|(?<=[A-Z]{2}))-$", first):  # (also "EU-" / "Vietnam", not "Font size: A+ A-")
        head = first.rsplit(None, 1)[-1]
        tail = second.split(None, 1)[0]
        hyphenated = head + tail
        whole = re.search(rf"(?<![\w-]){re.escape(head[:-1] + tail.rstrip('.,;:!?)”’'))}(?![\w-])", text,
                          re.IGNORECASE)
        keep = not second[:1].islower() or hyphenated in text or head[:-1].lower() == "ex" or head[-2:-1].isupper() \
            or (head[:-1].lower() in KEEPS_HYPHEN and not whole)  # ("ex-" / "press" is no "express")
        return first + second if keep else first[:-1] + second
    return f"{first} {second}"


# a compound's second word, after its hyphen at a line's end: "rules-" / "based", "like-" / "minded" (a review found
# them joined whole: "rulesbased")
COMPOUND_TAILS = {"based", "led", "run", "owned", "level", "term", "scale", "related", "friendly", "minded", "win",
                  "making", "oriented", "driven", "wide", "free", "made", "long", "old", "speaking", "born", "sized",
                  "style", "specific", "standing", "building", "sharing", "bound", "focused", "centred", "centered",
                  "backed", "funded", "linked", "sponsored", "income", "range", "time", "up", "down", "out", "off",
                  "over", "back", "in", "on"}


def mended_breaks(text: str) -> str:
    """A hard-wrapped row text (:func:`hard_wrapped`, a printed page's copied into a scraped row, read 71) with each
    word broken at a line-end hyphen joined as :func:`_unwrapped` joins two lines ("congratu-" / "late you" ->
    "congratulate you"); a compound keeps its hyphen ("rules-based", "e-visas", "so-called"), a suspended one its line
    ("pre-" / "and post-summit"); the other line breaks stay."""
    if not hard_wrapped(text.split("\n")):
        return text

    def joined(match: re.Match[str]) -> str:
        head, tail = match[1], match[2]
        if tail.lower() in ("and", "or", "to", "nor"):
            return match[0]
        if tail.lower().rstrip(".,;:!?)”’\"'") in COMPOUND_TAILS or len(head) <= 3:
            return head + tail
        return _unwrapped(head, tail, text)

    return re.sub(r"(\S*[a-z]-)[ \t]*\n[ \t]*(\S+)", joined, text)


# an old wire's transmission marks (ANPA): each line between "^" and "<", a dateline's dash typed "_", quotation marks
# typed as two backticks and two apostrophes (read 88: "^HO CHI MINH CITY, Vietnam (RPW) _ Thirty-six …<")
WIRE_LINE = re.compile(r"^\^(.*)<\s*$")


def without_wire_marks(text: str) -> str:
    """A text whose lines (most of them) a wire sent between "^" and "<", without those marks, its "``…''" quotes
    curly and a dateline's " _ " a dash; any other text as it is."""
    lines = text.splitlines()
    marked = [bool(WIRE_LINE.match(line)) for line in lines]
    if sum(marked) < 3 or sum(marked) * 2 < sum(bool(line.strip()) for line in lines):
        return text
    lines = [WIRE_LINE.sub(r"\1", line) for line in lines]
    text = re.sub(r"``(.*?)''", "“\\1”", "\n".join(lines))
    return re.sub(r"(?m)^([^\n_]{2,80}?\))\s+_\s+(?=[A-Z\"“])", r"\1 – ", text)


# a wire export's items, each between rules under its slug: "VNA0187  4  FLASH" / "BC-VN-INDIA-VISIT/FLASH" / … /
# "=====", then the urgent, then the "1STLD-WRITETHRU" (read 88)
ITEM_RULE = re.compile(r"^\s*={10,}\s*$")
ITEM_SLUG = re.compile(r"\bBC-(?P<story>[A-Z0-9][A-Z0-9-]*?)(?:/[\w-]+)?(?:,|\s|$)")


def latest_wire_items(text: str) -> str:
    """A wire export's text with each story's earlier versions left out: of the items between rule lines that name
    the same slug (:data:`ITEM_SLUG`, its version after "/" aside), only the last; any other text as it is."""
    lines = text.split("\n")
    items: list[list[str]] = [[]]
    for line in lines:
        if ITEM_RULE.match(line):
            items.append([line])
        else:
            items[-1].append(line)
    stories = [next((m["story"] for line in item if (m := ITEM_SLUG.search(line))), None) for item in items]
    last = {story: n for n, story in enumerate(stories) if story}
    if len(last) == sum(story is not None for story in stories):
        return text  # (no story sent twice)
    kept = [item for n, (item, story) in enumerate(zip(items, stories)) if story is None or last[story] == n]
    return "\n".join(line for item in kept for line in item)


def unquoted(lines: list[str]) -> list[str]:
    """An e-mail's quoted lines ("> SEOUL, June 23 (Yonhap) -- …", as a reply or a forward quotes a message) without
    their marks, when three lines or more are so quoted."""
    quoted = re.compile(r"^(?:>\s?)+")
    marks = [bool(quoted.match(line)) for line in lines]
    if sum(bool(re.match(r">+\s?(?:[^\W\d_]|[\"“'‘(]|$)", line)) for line in lines) < 3:
        return lines  # (not a table's "> 30 and < 50 years old: 52 percent")
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and marks[i] != marks[i - 1] and line.strip() and lines[i - 1].strip():
            out.append("")  # where quoting starts or stops a paragraph ends (a reply's comment under a quote)
        out.append(quoted.sub("", line))
    return out


# words that open a sentence and never go on one in the middle ("… (VGP)" / "Prime Minister …" may; "… example/en" /
# "The consulate said …" does not)
SENTENCE_OPENER = re.compile(r"(?:The|A|An|This|These|Those|It|He|She|They|We|There|In|On|At|After|During|Following"
                             r"|According|Under|As|While|When|Both|Meanwhile|However|Also|Earlier|Last|Next)\s")


# a title that a wrapped line's name goes on from: "… Deputy Foreign Minister" / "Do Hung Viet said …"
TITLE_END = re.compile(rf"\b(?:{OFFICE_TITLES})$")


# a title and the first part of its holder's name that a line's end broke ("… Ambassador to New Zealand Nguyen Thi" /
# "Thu Hang said …")
HOLDERS_NAME_BROKEN = re.compile(rf"\b(?:{OFFICE_TITLES})(?:\s+(?:of|to|for|in)(?:\s+the)?(?:\s+[A-Z][\w-]*){{1,3}})?"
                                 r"(?:\s+[A-ZÀ-Ỹ][^\W\d_]*){1,2}$")


# a line that opens with a person's name and what they did: "Do Hung Viet said …", "Tran Hong Ha, who …" (not
# "Japan's Foreign Ministry said …", "Embassy of Japan in …")
NAME_OPENS = re.compile(r"(?:[A-ZÀ-Ỹ][^\W\d_]*\s+){1,3}[A-ZÀ-Ỹ][^\W\d_]*(?:,|\s+(?:said|says|told|noted|added|stressed"
                        r"|affirmed|thanked|welcomed|asked|called|urged|expressed|praised|proposed|met|received"
                        r"|attended|led|chaired|signed|visited|agreed|announced|pledged|highlighted|emphasised)\b)")


# a line that stops where no headline does: on an article, a preposition or a conjunction, or on "that" and a number
# ("The Department … (DIRCO) confirms that 23" / "South African citizens who …", read 33)
OPEN_END = re.compile(r"\b(?:the|a|an|of|to|and|for|with|by|from|that|which|whose)$"
                      r"|\b(?:that|of|some|about|nearly|almost|around)\s+[\d,.]+$")


# how a release's sentence opens, as no title does: "At the invitation of Foreign Minister of … Deputy Prime" /
# "Minister and Foreign Minister … will pay …" (read 90: a printed briefing wrapped at 106 characters)
PREAMBLE = re.compile(r"^(?:At the invitation of|On the occasion of|In response to|Within the framework of"
                      r"|On behalf of|In the framework of|As part of)\b[^.!?]{20,}$")


def _may_go_on(block: list[tuple[int, str]], current: tuple[int, str], line: str) -> bool:
    """On a printed or hard-wrapped page, whether the width may join ``line`` to the paragraph ``current``: not from
    a paragraph's first line unless it reads as a sentence (a dateline, or a verb as news has one: "Tuấn said Vietnam
    regarded Brazil as its most important partner in Latin" / "America …"; a headline, byline, caption or subheading
    stands there, as long as the text's lines), nor onto a sentence's opening word, a date (a line of twelve words
    or fewer that gives one; not a sentence's line that ends on one: "… from 20 to 23 April 2025"), a time stamp, a
    timeline's year or a list's item."""
    first = current[1] == dict(block)[current[0]]  # (nothing joined to it yet: the paragraph's first line)
    sentence = bool(split_datelines(current[1])[0]) or bool(NEWS_VERB.search(current[1])) \
        or bool(TITLE_END.search(current[1])) or bool(NUMBERED_PARAGRAPH.match(current[1])) \
        or bool(OPEN_END.search(current[1])) or bool(PREAMBLE.match(current[1])) \
        or bool(HOLDERS_NAME_BROKEN.search(current[1]) and NAME_OPENS.match(line))  # "At the talks, Deputy Foreign
    # Minister" / "Do Hung Viet said …", "… Ambassador to New Zealand Nguyen Thi" / "Thu Hang said …"
    return (not first or sentence) and (parse_date(line) is None or len(line.split()) > 12) \
        and not SENTENCE_OPENER.match(line) \
        and not re.match(r"(?:1[89]|20)\d\d\s+[A-Z]", line) \
        and not LIST_ITEM.match(line) and not LABEL_OR_ITEM.match(line)  # (nor onto a timeline's "1995 Viet Nam …")


PRINT_WIDTH = 120  # the widest a page is wrapped at: a browser's print to text in landscape wraps near 110 (read 90)


def hard_wrapped(lines: list[str]) -> bool:
    """Whether a plain-text page is wrapped at a fixed width, as e-mails, PDF extracts and some clippings are: eight
    lines or more, and two in five of its lines, reach near its width (the 90th percentile of its lines' lengths,
    90 characters at most); a page copied from the web has a paragraph a line."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 8:
        return False
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(n >= 0.85 * width for n in lengths)
    return 40 <= width <= PRINT_WIDTH and near >= 8 and near >= 0.4 * len(lengths)


def opens_a_clause(line: str) -> bool:
    """Whether ``line`` may open a sentence of its own: a verb, or more than six words, before its first comma, stop
    or bracket ("Viet Nam and Chile agreed on Monday …", "Cooperation Framework signed with …"), where a wrapped
    name's end would not ("Resident Coordinator in Viet Nam, following …", "Strategic Dialogue in London in 2027.")."""
    head = re.split(r"[,.;:()]", line, maxsplit=1)[0]
    return len(head.split()) > 6 or bool(NEWS_VERB.search(head)) or bool(CLAUSE_OPENER.match(line))


# what opens a sentence with a phrase before its comma: "Speaking at the event, …", "Besides trade, …", a timeline's
# "2000 - US President …"
CLAUSE_OPENER = re.compile(r"(?:[A-Z][a-z]+ing\b|(?:Besides|Regarding|Despite|Given|Apart from|For (?:his|her|their|its"
                           r"|our) part)\b|(?:1[89]|20)\d\d\s*[-–—:]?\s*[A-Z])")


def ragged(block: list[tuple[int, str]]) -> bool:
    """Whether a block of six lines or more was hard-wrapped at no fixed width (a row's text broken by hand, lines of
    60 to 110 characters): a sentence goes on over at least three of its line breaks, and over a third of them, where
    it plainly does (a line in lower case, or after a word no sentence ends with)."""
    if len(block) < 6 or _usual_width(block) > 120:  # (one long line may stand among them)
        return False
    return _goes_on_plainly([block])


def _goes_on_plainly(blocks: list[list[tuple[int, str]]]) -> bool:
    """Whether a sentence plainly goes on (a line in lower case, or after a word no sentence ends with) over at least
    three of the line breaks inside ``blocks``, and over a third of them."""
    breaks = sum(len(b) - 1 for b in blocks)
    shown = sum(not TERMINAL.search(a) and _goes_on(a, b) for block in blocks
                for (_, a), (_, b) in zip(block, block[1:]))
    return shown >= 3 and 3 * shown >= breaks


def _usual_width(block: list[tuple[int, str]]) -> int:
    """The 90th percentile of a block's line lengths: its width, which one wide line does not set."""
    lengths = sorted(len(line) for _, line in block)
    return lengths[int(0.9 * (len(lengths) - 1))]


def _reads_as_prose(block: list[tuple[int, str]]) -> bool:
    """Whether a block ends a sentence, with a sentence's end every six lines at least (not a list, a timeline, a
    programme or a table, whose rows are each near the width)."""
    ends = len(re.findall(r"[.!?][\"'”’)]*(?:\s|$)", " ".join(line for _, line in block)))
    return bool(TERMINAL.search(block[-1][1])) and ends * 6 >= len(block)


def _credit_line(line: str) -> bool:
    """A short line of credit under a text ("Photo: VNA", "VNA", "Source: VOV")."""
    return len(line.split()) <= 6 and (is_caption(line) or bool(masthead(line)) or bool(SOURCE_CREDIT.match(line)))


def ragged_paragraphs(blocks: list[list[tuple[int, str]]]) -> bool:
    """Whether a page's paragraphs, set apart by blank lines, were hard-wrapped by hand at no fixed width: three
    blocks of prose over two lines or more, whose lines (90th percentile 40 to 120 characters) a sentence plainly goes
    on over at three of their breaks and a third of them (see :func:`ragged`)."""
    prose = [b for b in blocks if len(b) > 1 and _reads_as_prose(b)]
    if len(prose) < 3 or not 40 <= _usual_width([line for b in prose for line in b]) <= 120:
        return False
    return _goes_on_plainly(prose)


# a fronted phrase, then a title (and a name's first part) that a line break cut from the name and its deed: "At the
# dialogue, Deputy Foreign Minister Trần" / "Đức Khiêm said …"
FRONTED_TITLE = re.compile(rf"^[A-Z][^,]{{2,60}},\s.*\b(?:{OFFICE_TITLES}|Colonel|General)"
                           r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+[A-Z][\w-]*){1,4})?(?:\s+[^\W\d_]+)?$")  # (… of Defence)


# a sentence's fronted "-ing" phrase, which a comma must close before the main clause ("Reviewing the relationship
# since …" / "Agreement (EVFTA) took effect …, the two sides noted …"; not a city's name: "Beijing has …")
PARTICIPLE_OPENS = re.compile(r"^(?!(?:Beijing|Nanjing|Kunming|Chongqing|Xining|Morning|Evening|Meeting|Briefing"
                              r"|Training|Funding|Building|Housing|Spring|King|Wedding|Clothing|Shipping|Mining|Banking"
                              r"|Marketing|Thing|Something|Nothing|Everything|Anything|Offering|Opening|Closing|Welcoming"
                              r")\b)[A-Z][a-z]{2,}ing\s+[a-z]")


def _open_participle(block: list[tuple[int, str]], line: str, below: str) -> bool:
    """Whether a block's line of eight words or more, near the block's width, opens with a participle's phrase that
    no comma has closed yet, and the line ``below`` opens no clause of its own (a name going on to the comma that
    closes the phrase: "Agreement (EVFTA) took effect in 2020, the two sides noted …"; not a heading over a sentence:
    "Strengthening political trust with Laos" / "Prime Minister Pham Minh Chinh said …")."""
    return bool(PARTICIPLE_OPENS.match(line)) and "," not in line and len(line.split()) >= 8 \
        and len(line) >= 0.8 * _usual_width(block) and not TERMINAL.search(line) and not opens_a_clause(below)


def _goes_on_by_hand(block: list[tuple[int, str]], current: tuple[int, str], line: str) -> bool:
    """In a page of paragraphs hard-wrapped by hand (:func:`ragged_paragraphs`), whether ``line`` goes on the
    paragraph ``current`` that stops mid-sentence, whatever its width ("… left Ha" / "Noi on September 10 …", "…
    Lieutenant General" / "Đoàn Văn Hải, together …"): only a paragraph that reads as prose already, under a dateline
    that marks a lead, joined once to a line that plainly goes on, opened after a sentence's end in its block,
    ending a sentence inside it, a fronted phrase and a title cut from its name ("At the dialogue, Deputy Foreign
    Minister Trần" / "Đức Khiêm said …"), a participle's phrase no comma has closed (:func:`_open_participle`) or a
    possessive ("… the European Parliament's" / "Delegation …"): a
    heading, caption, list, signature, programme or poem opens a block or follows a line that ends no sentence.
    Never from a caption, nor onto a dateline, a date (a short line that gives one: not a wrapped line that holds one,
    "Khanh Hoa province, on 20-21 May 2025, the first …"), a sentence's opening word, a timeline's year or a list's
    item."""
    lines = dict(block)
    index = [number for number, _ in block].index(current[0])
    prose = marks_a_lead(split_datelines(current[1])[0]) or current[1] != lines[current[0]] \
        or (index > 0 and bool(re.search(r"[.!?…][\"'”’)\]]*\s*$", block[index - 1][1]))) \
        or bool(re.search(r"[a-z][.!?][\"'”’)]*\s+[A-Z]", current[1])) \
        or bool(FRONTED_TITLE.search(current[1]) and NAME_OPENS.match(line)) \
        or bool(re.search(r"\s\S+\s\S+\s\S+['’]s$", current[1])) \
        or _open_participle(block, current[1], line)  # (the possessive: "… the European Parliament's" / "Delegation")
    return prose and not (is_caption(current[1]) or PICTURED.search(current[1]) or capitals(current[1])) \
        and not split_datelines(line)[0] and not (parse_date(line) and len(line.split()) <= 8) \
        and not SENTENCE_OPENER.match(line) \
        and not re.match(r"(?:1[89]|20)\d\d\s*[-–—:]?\s+[A-Z]", line) \
        and not LIST_ITEM.match(line) and not LABEL_OR_ITEM.match(line)


# what opens a decision's or notice's legal basis: "Pursuant to the Law on …;", "At the proposal of the Director …,"
RECITAL = re.compile(r"^(?:pursuant to|in pursuance of|at the (?:proposal|request) of|having regard to|considering"
                     r"|based on|in accordance with|in consideration of)\b", re.IGNORECASE)


def recitals(block: list[tuple[int, str]]) -> bool:
    """Whether a block is a decision's or notice's recitals: every piece between semicolons opens with
    :data:`RECITAL`, and the block ends with a semicolon or a comma (the operative words follow it)."""
    joined = " ".join(line.strip() for _, line in block)
    pieces = [piece.strip() for piece in re.split(r";\s*", joined) if piece.strip()]
    return joined.rstrip().endswith((";", ",")) and all(RECITAL.match(piece) for piece in pieces)


def split_blocks(lines: list[str], furniture: set[int] | frozenset[int] = frozenset(),
                 own: frozenset[int] = frozenset()) -> list[list[tuple[int, str]]]:
    """Group (line number, text) into blank-line-delimited blocks, each line of ``own`` (indices into ``lines``: a
    transcript's cued lines) opening one of its own; a gap that holds page furniture (indices into
    ``lines``: a page break's footer, number and header) is no block's end where the sentence before it goes on
    over it (a block of five words or more whose last line :func:`_goes_on`: "… working with the" / "International
    …"), so that it is read whole; a heading at a page's foot stays apart."""
    blocks: list[list[tuple[int, str]]] = [[]]
    gap: list[int] = []  # the blank and furniture lines since the last line of text
    for index, line in enumerate(lines):
        if line and index not in furniture:
            last = blocks[-1][-1][1] if blocks[-1] else ""
            bridged = furniture.intersection(gap) and sum(len(t.split()) for _, t in blocks[-1]) >= 5 \
                and not TERMINAL.search(last) and _goes_on(last, line) and not LIST_ITEM.match(line)
            if (gap or index in own) and blocks[-1] and not bridged:
                blocks.append([])
            blocks[-1].append((index + 1, line))
            gap = []
        else:
            gap.append(index)
    return [b for b in blocks if b]


NUMBERED_PARAGRAPH = re.compile(r"^\d{1,2}\.\s+[A-Z]\S*(?:\s+\S+){3}")  # a sentence goes on


def numbered_paragraph(block: list[tuple[int, str]]) -> int:
    """1 where a block opens with a paragraph's number before a sentence of four words or more and no other line of
    it is a label or a list's item (a printed notice's "1.   The Embassy of India, Hanoi is pleased …"), else 0."""
    return int(bool(NUMBERED_PARAGRAPH.match(block[0][1])) and len(block) > 1
               and not any(LABEL_OR_ITEM.match(line) for _, line in block[1:]))


def paragraph_lines(blocks: list[list[tuple[int, str]]], text: str, columns: bool, printed: bool
                    ) -> list[tuple[int, str]]:
    """The paragraphs of a page's blocks as (first line number, text): a block's lines joined where a hard wrap broke
    a paragraph (:func:`_goes_on`), and in a page read column by column (``columns``) or a printed or hard-wrapped one
    (``printed``) where a line reaches the block's width; ``text`` is the whole page (how it spells a hyphenated
    word elsewhere)."""
    units: list[tuple[int, str]] = []
    spaced = not columns and ragged_paragraphs(blocks)  # paragraphs hard-wrapped by hand, blank lines between
    for block in blocks:
        current: tuple[int, str] | None = None
        # in a page read column by column, a block with three lines or more within 70% of its width (under 90
        # characters), in a printed or hard-wrapped page two within 85%, is wrapped by that width: a line near it goes
        # on in the next ("… partner in Latin" / "America and …"; other pages' short lines are headings, bylines,
        # dates, captions, timelines; not a title in capitals above a date: "JOINT STATEMENT …" / "Hanoi, …")
        width = max(len(line) for _, line in block)
        near = 0.7 if columns else 0.85  # a printed page's lines reach its margin; a heading or a list does not
        # a printed page's block must read as prose
        wrapped = (columns or (printed and _reads_as_prose(block))) \
            and width <= (90 if columns else PRINT_WIDTH) \
            and sum(len(line) >= near * width for _, line in block) >= (3 if columns else 2) \
            and not any(LABEL_OR_ITEM.match(line) for _, line in block[numbered_paragraph(block):])  # ("Tags: …" /
        # "Read more:" / "- …"; a notice's numbered paragraph is prose: "1.   The Embassy … that the Indian" / "…")
        # a row's text hard-wrapped at no fixed width (a credit line or a label's line may stand under it: "VNA",
        # "Tags: …")
        body = block
        while len(body) > 2 and (_credit_line(body[-1][1]) or LABEL_OR_ITEM.match(body[-1][1])):
            body = body[:-1]
        by_hand = not wrapped and _reads_as_prose(body) and ragged(body)
        spaced_prose = spaced and len(body) > 1 and _reads_as_prose(body)
        wrapped, near, width = (True, 0.6, _usual_width(body)) if by_hand else (wrapped, near, width)
        previous = ""
        for number, line in block:
            if current is None:
                current = (number, line)
            elif not TERMINAL.search(current[1]) and (_goes_on(current[1], line) or (
                    spaced_prose and _goes_on_by_hand(block, current, line)) or (
                    wrapped and len(previous) >= near * width and not capitals(previous)
                    and not split_datelines(line)[0] and (columns or _may_go_on(block, current, line))
                    and not (by_hand and ((opens_a_clause(line) and not (
                        (TITLE_END.search(current[1]) or HOLDERS_NAME_BROKEN.search(current[1]))
                        and NAME_OPENS.match(line)))
                                          or current == block[0] or is_caption(current[1])
                                          or PICTURED.search(current[1]))))):
                current = (current[0], _unwrapped(current[1], line, text))  # a hard-wrapped paragraph
            else:
                units.append(current)
                current = (number, line)
            previous = line
        if current:
            units.append(current)
    return units
