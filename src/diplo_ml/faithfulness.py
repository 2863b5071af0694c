"""Summary faithfulness: names and numbers in a summary that its source article does not contain.

Small generators invent people, places and figures. A capitalised span (a name, an organisation,
a place) or a number in the summary is *supported* when the source contains it (case-insensitive,
numbers compared without thousands separators); a multi-word name also counts as supported when
every one of its words occurs in the source ("Prime Minister Pham Minh Chinh" vs "PM Chinh" is not
enough, "Minister Chinh" with "Pham Minh Chinh" in the source is). A number written as a word, "two" to
"ninety-nine" or "third" to "twentieth" ("nine", "Twenty-five", "eleventh"), is a number too, and supported when
the source states its value, in digits or in words ("9" and "nine" support each other; "one", "first" and "second"
are left out: "one of", "a second"); so is a scale ("half", "dozen", "hundred" ... "trillion"), supported where the
source uses it or states an amount that reaches it ("thousand" for "1,000"; "half a billion people" for "70 million"
is two inventions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from diplo_ml.text import split_sentences

GLUE = {"of", "and", "the", "for", "&", "on", "de", "du", "la", "le", "van", "von", "bin"}
NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "as", "after", "before", "during", "with", "by", "for", "from",
    "to", "and", "but", "or", "if", "when", "while", "also", "meanwhile", "however", "both", "all", "some",
    "many", "most", "more", "there", "here", "today", "yesterday", "tomorrow", "according", "speaking", "under",
    "over", "about", "since", "following", "despite", "new", "other", "such", "each", "every", "one", "two",
    # what chat-tuned generators open with: not names
    "i'm", "i've", "i'll", "i'd", "let", "sure", "certainly", "yes", "no", "okay", "ok", "great", "awesome",
    "thanks", "thank", "hello", "hi", "summary",
}
POSSESSIVE = re.compile(r"['’]s$")
TOKEN = re.compile(r"[A-Za-zÀ-ỹ][\w'’.-]*|\d[\d,.]*%?|&|[,;:()\"“”!?/]")
NUMBER = re.compile(r"^\d[\d,.]*%?$")
SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = {"third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12, "twentieth": 20,
            **{SMALL[n] + "th": n for n in (4, 6, 7, 10, 11, *range(13, 20))}}


SCALES = ("half", "dozen", "hundred", "thousand", "million", "billion", "trillion")


def scale_word(token: str) -> str | None:
    """The scale a word gives an amount ("half", "billion", "millions" -> "million"), else None."""
    word = token.lower().rstrip(".,")
    word = word[:-1] if word.endswith("s") and word[:-1] in SCALES else word
    return word if word in SCALES else None


SCALE_SIZES = {"hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def scales_in(text: str) -> set[str]:
    """The scales ``text`` uses: as words, also run into an amount ("£14billion"), or by an amount in digits that
    reaches them ("1,000" gives "hundred" and "thousand"; a year such as "2024" gives none)."""
    lower = text.lower()
    amounts = re.findall(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d,])", text)
    largest = max([int(n.replace(",", "")) for n in amounts if not re.fullmatch(r"(?:19|20)\d\d", n)], default=0)
    return {scale for scale in SCALES if scale in lower or SCALE_SIZES.get(scale, largest + 1) <= largest}


# an amount: a number in digits or words and the scale it goes with ("15 billion", "£14billion", "USD1 billion",
# "2.4-billion-USD", "two million"), or its scale abbreviated after its digits ("£52.2bn", "51 bln USD", "$10m")
AMOUNT_SCALES = ("thousand", "million", "billion", "trillion")
AMOUNT = re.compile(r"(?:(?<![\d.,])(\d[\d,]*(?:\.\d+)?)|(?<![\w.,])([A-Za-z]+(?:-[A-Za-z]+)?))[\s-]?"
                    r"(thousand|million|billion|trillion)s?\b", re.IGNORECASE)
ABBREVIATED = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)[\s-]?(bn|bln|mn|mln|m|tn|trn)\b")
SCALE_ABBREVIATIONS = {"bn": "billion", "bln": "billion", "mn": "million", "mln": "million", "m": "million",
                       "tn": "trillion", "trn": "trillion"}


def amount_of(number: str, scale: str) -> float | None:
    """A number and its scale as the sum it makes ("1.5", "billion" -> 1.5e9; "two", "million" -> 2e6; so "1,500
    million" is 1.5 billion), else None (the word is no number)."""
    if number[:1].isdigit():
        value = float(number.replace(",", ""))
    elif (word := number_word_value(number)) is not None or number.lower() == "one":
        value = float(word if word is not None else 1)
    else:
        return None
    return float(f"{value * SCALE_SIZES[scale.lower()]:.9g}")


def amounts_in(text: str) -> set[float]:
    """The sums ``text`` states: amounts with their scale ("15 billion USD", "£52.2bn") and in digits alone
    ("2,500,000")."""
    found = {amount for digits, word, scale in AMOUNT.findall(text) if (amount := amount_of(digits or word, scale))}
    found |= {amount for n, s in ABBREVIATED.findall(text) if (amount := amount_of(n, SCALE_ABBREVIATIONS[s]))}
    found |= {float(n.replace(",", "")) for n in re.findall(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])", text)}
    return found


def number_word_value(token: str) -> int | None:
    """The value of a number written as a word ("nine", "Ninety-seven", "eleventh"; 2-99, 3rd-20th), else None."""
    word = token.lower().rstrip(".,")
    if word in ORDINALS:
        return ORDINALS[word]
    if word in SMALL[2:]:
        return SMALL.index(word)
    tens, dash, unit = word.partition("-")
    if tens not in TENS or (dash and unit not in SMALL[1:10]):
        return None
    return 20 + 10 * TENS.index(tens) + (SMALL.index(unit) if dash else 0)


def _norm_number(token: str) -> str:
    return token.rstrip(".,").replace(",", "")


def extract_entities(sentence: str) -> list[str]:
    """Capitalised spans and numbers of one sentence, in order (sentence-initial function words dropped)."""
    tokens = TOKEN.findall(sentence)
    entities: list[str] = []
    span: list[str] = []
    number_at = -2  # the last number's token position (a scale right after it joins it)

    def close() -> None:
        while span and span[-1].lower() in GLUE:
            span.pop()
        while span and span[0].lower() in NOT_NAMES:
            span.pop(0)
        if span:
            span[-1] = POSSESSIVE.sub("", span[-1].rstrip(".,"))  # "the UK's" names the UK
            entities.append(" ".join(span).rstrip(".,"))
        span.clear()

    for i, tok in enumerate(tokens):
        if tok in ',;:()"“”!?/':  # "15-CT/TW": two codes, not the name "CT TW"
            close()
        elif number_at == i - 1 and scale_word(tok) in AMOUNT_SCALES:
            entities[-1] = f"{entities[-1]} {tok.rstrip('.,')}"  # an amount is one entity: "15 billion"
        elif NUMBER.match(tok):
            close()
            entities.append(_norm_number(tok))
            number_at = i
        elif number_word_value(tok) is not None or scale_word(tok):
            close()
            entities.append(tok.rstrip(".,"))
            number_at = i if number_word_value(tok) is not None else number_at
        elif tok[:1].isupper():
            span.append(tok)
        elif span and tok.lower() in GLUE and i + 1 < len(tokens) and tokens[i + 1][:1].isupper():
            span.append(tok)
        else:
            close()
    close()
    return [e for e in entities if e and (e.lower() not in NOT_NAMES or number_word_value(e) is not None)]


def number_values(text: str) -> set[int]:
    """The whole numbers up to 99 that ``text`` states, in digits ("97", "11th") or in words ("nine", "eleventh")."""
    digits = {int(n) for n in re.findall(r"(?<![\d.,])\d{1,2}(?![\d]|[.,]\d)", text)}
    words = {number_word_value(w) for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?", text)}
    return digits | {v for v in words if v is not None}


def _supported(entity: str, source_lower: str, source_words: set[str], source_numbers: set[str],
               source_values: set[int], source_scales: set[str], source_amounts: set[float]) -> bool:
    if (amount := AMOUNT.fullmatch(entity)) and (total := amount_of(amount[1] or amount[2], amount[3])):
        return total in source_amounts  # "two billion" where the article has 15 billion is no support
    value = number_word_value(entity)
    if value is not None:
        return value in source_values
    if scale := scale_word(entity):
        return scale in source_scales
    if NUMBER.match(entity):
        return entity in source_numbers or (entity.isdigit() and int(entity) in source_values)
    if entity.lower() in source_lower:
        return True
    words = [w.lower().strip(".,'’") for w in entity.split() if w.lower() not in GLUE]
    return bool(words) and all(w in source_words for w in words)


def _source_index(source: str) -> tuple[str, set[str], set[str], set[int], set[str], set[float]]:
    lower = re.sub(r"\s+", " ", source.lower())
    words = {w.strip(".,'’") for w in re.findall(r"[\w'’.-]+", lower)}
    numbers = {_norm_number(n) for n in re.findall(r"\d[\d,.]*%?", source)}
    return lower, words, numbers, number_values(source), scales_in(source), amounts_in(source)


def article_source(text: str, headline: str | None = None) -> str:
    """What a summary may draw on: the article's headline (when known) and its text."""
    return f"{headline.strip()}\n{text}" if headline and headline.strip() else text


def check_summary(summary: str, source: str) -> list[dict[str, Any]]:
    """Per summary sentence: its entities and the unsupported ones (``flagged`` when any)."""
    index = _source_index(source)
    report = []
    for sentence in split_sentences(summary) or ([summary] if summary.strip() else []):
        entities = extract_entities(sentence)
        missing = [e for e in entities if not _supported(e, *index)]
        report.append({"sentence": sentence, "entities": entities, "unsupported": missing, "flagged": bool(missing)})
    return report


def unsupported_entities(summary: str, source: str) -> list[str]:
    """Names and numbers of ``summary`` that ``source`` does not contain (empty list when none)."""
    seen: list[str] = []
    for row in check_summary(summary, source):
        seen += [e for e in row["unsupported"] if e not in seen]
    return seen


def unsupported_entity_rate(summaries: Sequence[str], sources: Sequence[str]) -> float:
    """Share of all summary entities (over the corpus) that their source does not support."""
    total = missing = 0
    for summary, source in zip(summaries, sources):
        for row in check_summary(summary, source):
            total += len(row["entities"])
            missing += len(row["unsupported"])
    return missing / total if total else 0.0


def _entity_pattern(entity: str) -> re.Pattern[str]:
    if re.fullmatch(r"[\d.,%]+", entity):  # numbers are compared without thousands separators
        body = ",?".join(re.escape(c) for c in entity)
    else:
        body = r"\s+".join(re.escape(w) for w in entity.split())
    return re.compile(rf"(?<!\w){body}(?!\w)")


def segments(sentence: str, entities: Sequence[str]) -> list[tuple[str, bool]]:
    """Split a sentence into (text, is_unsupported_entity) pieces."""
    spans: list[tuple[int, int]] = []
    for entity in entities:
        for m in _entity_pattern(entity).finditer(sentence):
            if all(m.end() <= s or m.start() >= e for s, e in spans):
                spans.append((m.start(), m.end()))
    pieces, pos = [], 0
    for s, e in sorted(spans):
        pieces += [(sentence[pos:s], False), (sentence[s:e], True)]
        pos = e
    pieces.append((sentence[pos:], False))
    return [(t, flag) for t, flag in pieces if t]
