"""Sentence splitting and word tokens for news text, with plain regular expressions (no nltk downloads).

Rules, in order:

* a blank line (paragraph break) always ends a sentence;
* a single line break ends one when the next line starts a bullet or a capitalised line (headings, lists);
* ``.``, ``!``, ``?``, ``…`` and the ``./.`` end mark (Vietnamese wire copy) end a sentence when followed by
  whitespace and a character that is not lower case (``!`` not inside a name: "Yahoo! Japan"); closing quotes and
  brackets stay with the sentence;
* a period does not end a sentence after a title (Mr., Dr., St., Gen., ...), an initial (J. Smith),
  ``e.g.``/``i.e.``, or before a number after ``No.``, a month (Jan. 5), ``p.``/``para.``/``art.`` (also before a
  Roman numeral: "Art. VI");
  dotted abbreviations (U.S., U.K., a.m., p.m.) and those inside names (Rt. Hon., v.) end one only before a
  common sentence opener ("The", "He"; "Both sides", not "U.S. Under Secretary"), also at the end of a pair
  ("Vietnam–U.S. Business Roundtable"); a company's (Co., Inc., Ltd.) ends one unless its name or its ticker goes
  on ("Co. Vice Chairman", "Inc. CEO", "Ltd. (OTCQB: GLPKF)").
"""

from __future__ import annotations

import re
import unicodedata

_PARAGRAPHS = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_BULLET = re.compile(r"^\s*(?:[*•·▪‣◦-]|\d{1,2}[.)])\s+")
_END = re.compile(r"""(?:\./\.|[.!?…]+)["'”’»)\]]*(?=\s|$)""")
_NEXT = re.compile(r"\s*(\S)")  # the first character after an end mark
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Titles and other abbreviations that are (almost) never sentence-final.
_NEVER_FINAL = frozenset(
    """mr mrs ms mx dr prof st mt ft gen lt col maj capt cmdr cdr adm sgt cpl pte gov sen rep rev hon fr messrs
    pres supt insp det amb e.g i.e cf viz approx dept assn h.e sr jr assoc asst brig lieut dep msgr ven snr
    jnr smt""".split()
)
# Abbreviations that are not sentence-final before a number: "No. 10", "Jan. 5", "p. 12", "art. 3".
_BEFORE_NUMBER = frozenset(
    """no nos vol vols p pp para paras art arts fig figs ch sec sect ed eds op tel ext
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# ... and before a Roman numeral: "Art. VI", "Ch. IV" (not "no. I", which ends sentences: "The answer was no. I …")
_BEFORE_ROMAN = frozenset("vol vols para paras art arts ch sec sect pt".split())
_ROMAN = re.compile(r"(?!I\b)(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")  # a numeral: not ICC, VCCI
# openers that also begin names ("U.S. Under Secretary", "U.S. One China policy", "U.N. Under-Secretary-General"):
# after a dotted abbreviation they open a sentence only before a lower-case word or a comma ("Both sides …")
_NAME_OPENERS = frozenset("both each all some many most several such during under with from following other one two "
                          "three".split())
# Words that open a sentence: a dotted abbreviation (U.S., a.m.) followed by one of these ends the sentence.
_OPENERS = frozenset(
    """the a an he she it they we i you this that these those there his her its their our my in on at
    but and however meanwhile also after before when while since if as for last next earlier later
    according mr mrs ms dr""".split()
) | _NAME_OPENERS
# a company's abbreviation ends a sentence unless its name goes on: "Samsung Electronics Co. Vice Chairman …", "Apple
# Inc. CEO Tim Cook" ("… with Vingroup JSC. Vietnam's Prime Minister …" ends one)
_COMPANIES = frozenset("co inc corp ltd bhd plc llc jsc".split())
_AFTER_COMPANY = frozenset("""vice chairman chairwoman chair ceo cfo coo cto president chief executive director founder
    head spokesman spokeswoman spokesperson board group holdings co inc corp ltd""".split())
# a listed company's ticker after its name: "Greenleaf Packaging Solutions Ltd. (OTCQB: GLPKF), a …" (read 110)
_TICKER = re.compile(r"\((?!PHOTO\b)[A-Z]{2,8}(?:[ -][A-Z]{1,8})?: ?[A-Z0-9.]{1,10}\)")
# a case's or a title's abbreviation: inside a name unless a sentence opener follows ("Philippines v. China", "Rt.
# Hon.")
_IN_NAMES = frozenset("rt vs v ma".split())  # ("Ma. Theresa Lazaro"; "… met Jack Ma. The talks …" ends one)
# Names spelt with an exclamation mark, which does not end a sentence after them.
_NAMES_WITH_BANG = frozenset("yahoo jeopardy wham".split())
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # U.S, a.m, e.g (the final period is not included)
_INITIAL = re.compile(r"^[A-Z]$")


def _token_before(chunk: str, end: int) -> str:
    """The non-space run that ends at ``end`` ("" after a space): a scan back over it alone, so that splitting
    stays linear in the length of a line (a regex search from the line's start made a 360 KB line take minutes)."""
    start = end
    while start > 0 and not chunk[start - 1].isspace():
        start -= 1
    return chunk[start:end]


def _is_boundary(chunk: str, match: re.Match[str]) -> bool:
    """Whether the end mark in ``match`` closes a sentence inside ``chunk``."""
    following = _NEXT.match(chunk, match.end())
    if following is None:
        return True
    nxt = following.group(1)
    if nxt.islower() or nxt in ",;:":
        return False
    mark = match.group(0)
    if mark == "!" and _token_before(chunk, match.start()).lower() in _NAMES_WITH_BANG:
        opener = _WORD.match(chunk, following.start(1))  # "Yahoo! Japan" goes on; "Yahoo! The company" ends
        return opener is not None and opener.group(0).lower() in _OPENERS
    if mark.startswith("./.") or not mark.startswith(".") or len(mark.rstrip("\"'”’»)]")) > 1:
        return True  # ./., ! ? … and "..." end sentences whatever precedes them
    before = _token_before(chunk, match.start())
    if not before:
        return True
    token = before.lstrip("\"'“‘«([")
    if not token or not token[-1].isalpha():
        return True  # "(VNA). The", "2019. Then"
    lower = token.lower()
    if lower in _NEVER_FINAL or _INITIAL.match(token):
        return False
    if lower in _BEFORE_NUMBER and nxt.isdigit():
        return False
    if lower in _BEFORE_ROMAN and token[0].isupper() and _ROMAN.match(chunk, following.start(1)):
        return False  # "Art. VI" (not "… Afghan art. ICC prosecutors …")
    opener = _WORD.match(chunk, following.start(1))
    word = opener.group(0).lower() if opener else ""
    if lower in _COMPANIES:
        return word not in _AFTER_COMPANY and not _TICKER.match(chunk, following.start(1))
    if _DOTTED.match(token) or _DOTTED.match(re.split(r"[–—-]", token)[-1]) or lower in _IN_NAMES:  # (also a pair's
        # "the Vietnam–U.S. Business Roundtable")
        if opener is not None and word in _NAME_OPENERS:
            after = chunk[opener.end():opener.end() + 2]
            return after[:1] == "," or (after[:1] == " " and after[1:2].islower())
        return word in _OPENERS
    return True


def _lines(paragraph: str) -> list[str]:
    """Split a paragraph at line breaks that start a bullet or a capitalised line; join the others."""
    out: list[str] = []
    for line in paragraph.split("\n"):
        line = line.strip()
        if not line:
            continue
        starts_new = bool(_BULLET.match(line)) or not line[0].islower()
        if out and not starts_new:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return [_BULLET.sub("", line, count=1).strip() for line in out]


def _split_chunk(chunk: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _END.finditer(chunk):
        if match.end() <= start or not _is_boundary(chunk, match):
            continue
        piece = chunk[start:match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = chunk[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def split_sentences(text: str) -> list[str]:
    """Split news text into sentences (stripped, in order; empty input gives an empty list)."""
    sentences: list[str] = []
    for paragraph in _PARAGRAPHS.split(text.strip()):
        for line in _lines(paragraph):
            sentences.extend(_split_chunk(re.sub(r"\s+", " ", line)))
    return sentences


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters and digits; inner apostrophes kept, as in "don't")."""
    return _WORD.findall(text.lower())


INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width spaces and joiners, BOM, soft hyphen


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only whitespace and invisible characters ("\u200b\u200b")."""
    return not INVISIBLE.sub("", text).strip()


STRAIGHT_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
PLAIN_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def straight_quotes(text: str) -> str:
    """``text`` with curly quotation marks and apostrophes written straight (the same title in two encodings); its
    length is kept."""
    return text.translate(STRAIGHT_QUOTES)


def comparable(text: str) -> str:
    """``text`` as two copies of the same words compare equal: NFKC, lower case, straight quotes and hyphens, one
    space between words."""
    text = unicodedata.normalize("NFKC", text).lower().translate(PLAIN_MARKS)
    return re.sub(r"\s+", " ", text).strip()


def strip_diacritics(text: str) -> str:
    """``text`` without tone and vowel marks ("Nguyễn" -> "Nguyen", "Đà Nẵng" -> "Da Nang")."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
