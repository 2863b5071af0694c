"""Generation held to its source: a capitalised word or a number may only be written if the article has it.

:class:`SourceConstraint` is a ``LogitsProcessor``. A name or number is followed as a whole word, from its first
token to the token that ends it: pieces joined to it without a space ("-led", "'s", ".5", ",000", "%", "th") are
part of it, so "UK-led", "UAE's", "14.5", "1,200", "10%" and "15th" can only be written when the article has exactly
them (numbers compared without thousands separators). At every step a token that would begin a capitalised word or
number must begin one of the article's; while one is being spelled, only pieces that keep it a prefix of an article
word may follow, and it may only end (a space, a closing mark) once it is a whole article word. Tokens are read as
the bytes they write, so a letter that byte-level BPE splits over two tokens ("ơ" in "Sơn") is followed byte by
byte. A number written as a word ("nine", "eleventh") may only be written if the article states its value, in digits
or in words, and a scale ("half", "billion") only if the article uses it. Common sentence openers ("The", "In", "A")
are always allowed; a step on which nothing would be left is not constrained. :func:`rerank` then picks, among the n
best beams, the summary with the fewest names and numbers the article lacks, then the one nearest the target length;
:func:`tidy` makes a summary one paragraph (no copied heading, label or list mark), and :func:`finish` cuts one that
generation stopped mid-sentence back to its last full sentence (or closes its last whole clause).

Token texts are kept as ``str`` decoded with ``surrogateescape``: the bytes of an unfinished letter stay lone
surrogates, and joining tokens and decoding again (:func:`joined`) restores the letter.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from typing import Any

import torch
from transformers import LogitsProcessor

from diplo_ml.data.line_joins import WRAPPED
from diplo_ml.faithfulness import (
    AMOUNT_SCALES,
    NOT_NAMES,
    TENS,
    amount_of,
    amounts_in,
    number_values,
    number_word_value,
    scale_word,
    scales_in,
    unsupported_entities,
)

CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
NUMBER = re.compile(r"\d[\d,.]*(?:%|st\b|nd\b|rd\b|th\b|s\b)?")
JOINERS = "-'’.,%"  # characters that join a piece to the word before it ("UK-led", "UAE's", "14.5", "10%")
ENDINGS = ".,'’"    # what may close a whole word without being part of it ("UK.", "2012,")
OPENERS = {w.capitalize() for w in NOT_NAMES} | {"The", "A", "An", "In", "On", "At", "It", "This", "Its"}
LEADING_MARKS = "\"'“‘(«[-–—/"
NUMBER_TAIL = re.compile(r"(?:^|[\s(£$€])(\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?)$")  # the word a scale may follow
WORD_TAIL = re.compile(r"[^\W_][\w'’.,%\udc80-\udcff-]*$")  # the letters or digits a word-starting token ends with


def byte_table() -> dict[str, int]:
    """Byte-level BPE's alphabet: the character each byte is written as inside a token ("Ġ" is the space)."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    table = {chr(b): b for b in printable}
    others = [b for b in range(256) if b not in printable]
    table.update({chr(256 + n): b for n, b in enumerate(others)})
    return table


def token_text(token: str, table: dict[str, int]) -> str:
    """What a token writes; the bytes of an unfinished letter kept as lone surrogates."""
    raw = bytes(table[c] for c in token) if all(c in table for c in token) else token.encode()
    return raw.decode("utf-8", "surrogateescape")


def joined(text: str) -> str:
    """``text`` with the bytes of letters split over tokens put back together."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")


def is_fragment(char: str) -> bool:
    return "\udc80" <= char <= "\udcff"


def key(word: str) -> str:
    """How a word is compared with the article's: numbers without thousands separators."""
    return word.replace(",", "") if word[:1].isdigit() else word


def starts_entity(word: str) -> bool:
    """A capitalised word (A-Z, as :data:`CAPITALISED` finds them) or a number."""
    return word[:1] in string.ascii_uppercase or word[:1] in string.digits


def is_piece(word: str) -> bool:
    """A token text that, written without a space, continues the word before it."""
    return bool(word) and all(c.isalnum() or c in JOINERS or is_fragment(c) for c in word)


class Vocabulary:
    """The tokenizer's tokens sorted by what they do to a word: start one (after a space or bare) or continue it."""

    def __init__(self, tokenizer: Any) -> None:
        vocab = tokenizer.get_vocab()
        table = byte_table()
        self.size = max(len(tokenizer), max(vocab.values()) + 1)
        self.spaced: dict[int, str] = {}
        self.bare: dict[int, str] = {}
        self.pieces: dict[str, int] = {}          # pieces without a leading space -> id
        # id -> the value of the number word it writes (" nine", "(nine": 9) or its scale (" billions": "billion")
        self.spaced_numbers: dict[int, int | str] = {}
        self.bare_numbers: dict[int, int | str] = {}  # the same without a space ("nine" at the start of the answer)
        self.text = [""] * self.size              # id -> the text the token writes
        self.continuation = torch.zeros(self.size, dtype=torch.bool)  # pieces that extend a word (no space)
        endings = []
        for token, index in vocab.items():
            text = token_text(token, table)
            self.text[index] = text
            spaced = text.startswith(" ")
            word = text[1:] if spaced else text
            if not spaced and is_piece(word):
                self.pieces[word] = index
                self.continuation[index] = True
                if set(word) <= set(ENDINGS):
                    endings.append(index)
            core = word.lstrip(LEADING_MARKS)  # a piece may open with a quote or bracket: '"What', '(S'
            if starts_entity(core):
                (self.spaced if spaced or core != word else self.bare)[index] = core
            if (value := number_word_value(core)) is not None or (value := scale_word(core)):
                (self.spaced_numbers if spaced or core != word else self.bare_numbers)[index] = value
        self.endings = torch.tensor(endings, dtype=torch.long)
        # spaced tokens that write an amount's scale (" billion", " millions"), by scale
        self.scales = {scale: [i for i, v in self.spaced_numbers.items() if v == scale] for scale in AMOUNT_SCALES}
        self.digits = frozenset(i for i, text in enumerate(self.text) if text.isdigit())  # "4", "00" (no space)
        self.separators = frozenset(self.pieces[mark] for mark in (",", ".") if mark in self.pieces)

    @staticmethod
    def words(article: str) -> set[str]:
        """The article's capitalised words and numbers (compared by :func:`key`), and the openers."""
        found = [w.rstrip(".") for w in CAPITALISED.findall(article)]
        found += [key(n).rstrip(".") for n in NUMBER.findall(article)]
        return set(OPENERS) | {w for w in found if w}

    @staticmethod
    def prefixes(words: set[str]) -> set[str]:
        """Every byte prefix of every word (an unfinished last letter as surrogates)."""
        out = set()
        for word in words:
            raw = word.encode()
            out.update(raw[:n].decode("utf-8", "surrogateescape") for n in range(1, len(raw) + 1))
        return out

    def banned(self, prefixes: set[str], article: str) -> tuple[torch.Tensor, torch.Tensor]:
        """Boolean masks over the vocabulary: word-starting tokens the article does not support (after a space,
        and at the very start of the answer or after a mark): names and numbers not among ``prefixes``, number
        words of values the article does not state ("ninety" where one of 90-99 is, for "ninety-seven") and
        scales it does not use ("billion")."""
        values = number_values(article) | scales_in(article)
        decades = {v // 10 * 10 for v in values if isinstance(v, int) and v >= 20}
        masks = []
        for table, numbers in ((self.spaced, self.spaced_numbers), (self.bare, self.bare_numbers)):
            mask = torch.zeros(self.size, dtype=torch.bool)
            blocked = [i for i, word in table.items() if key(word) not in prefixes
                       and key(word).rstrip(",.") not in prefixes]
            blocked += [i for i, value in numbers.items() if value not in values
                        and not (self.text[i].strip().lstrip(LEADING_MARKS).lower() in TENS and value in decades)]
            mask[blocked] = True
            masks.append(mask)
        return masks[0], masks[1]


class SourceConstraint(LogitsProcessor):
    """Blocks what would write a name or number the article lacks, row by row (rows are articles x beams)."""

    def __init__(self, vocabulary: Vocabulary, articles: Sequence[str], beams: int, prompt_length: int) -> None:
        self.vocabulary = vocabulary
        self.words = [vocabulary.words(article) for article in articles]
        self.prefixes = [vocabulary.prefixes(words) for words in self.words]
        self.encoded = [sorted(key(w).encode() for w in words) for words in self.words]
        self.separated = [vocabulary.prefixes({n.rstrip(".,") for n in NUMBER.findall(a) if "," in n.rstrip(".,")})
                          for a in articles]
        self.masks = [vocabulary.banned(prefixes, article) for prefixes, article in zip(self.prefixes, articles)]
        self.amounts = [amounts_in(article) for article in articles]
        self.beams = beams
        self.prompt_length = prompt_length

    def _current_word(self, generated: list[int]) -> str:
        """The capitalised word or number being written at the end of ``generated`` ("" when none is)."""
        text = self.vocabulary.text
        pieces: list[str] = []
        for index in reversed(generated):
            token = text[index]
            spaced = token.startswith(" ")
            word = token[1:] if spaced else token
            if not spaced and is_piece(word):
                pieces.append(word)
                continue
            if spaced or word[:1] in LEADING_MARKS:  # the token that starts the word: its letters or digits
                tail = WORD_TAIL.search(word)  # (" £" starts none: "£14" is "14")
                pieces.append(tail.group(0) if tail else "")
            break
        word = joined("".join(reversed(pieces))).lstrip(JOINERS)
        return word if starts_entity(word) else ""

    def _whole(self, partial: str, row: int) -> bool:
        """True when ``partial`` (less a closing full stop, comma or apostrophe) is one of the article's words."""
        return key(partial).rstrip(ENDINGS) in self.words[row]

    def _allowed_pieces(self, partial: str, row: int) -> list[int]:
        """Ids of the pieces that keep ``partial`` a prefix of one of the article's words (compared as bytes)."""
        pieces = self.vocabulary.pieces
        stem = key(partial).encode("utf-8", "surrogateescape")
        digits = stem[:1].isdigit()
        texts: set[str] = set()
        for word in self.encoded[row]:
            if word.startswith(stem) and len(word) > len(stem):
                rest = word[len(stem):]
                texts.update(rest[:n].decode("utf-8", "surrogateescape") for n in range(1, min(len(rest), 24) + 1))
                if digits:
                    texts.update("," + rest[:n].decode() for n in range(0, min(len(rest), 15) + 1))
        # a thousands separator only where the article writes one: "1,2" leads to 1,200, "1,5" does not
        return [pieces[t] for t in texts if t in pieces
                and ("," not in partial + t or (partial + t).rstrip(",") in self.separated[row])]

    def _word_ended(self, generated: list[int]) -> bool:
        """True when the next token starts a new word: at the start, after a bare space or after punctuation."""
        if not generated:
            return True
        token = self.vocabulary.text[generated[-1]]
        word = token[1:] if token.startswith(" ") else token
        return not word or not (word[-1].isalnum() or is_fragment(word[-1]))

    def _unstated_scales(self, generated: list[int], article: int) -> list[int]:
        """After a number ("two", "15"), the scale tokens that would make an amount the article does not state
        ("two billion" where it has 15 billion and 8 billion)."""
        tail = NUMBER_TAIL.search(joined("".join(self.vocabulary.text[t] for t in generated[-8:])))
        if not tail or amount_of(tail.group(1), "billion") is None:
            return []
        return [i for scale, ids in self.vocabulary.scales.items()
                if amount_of(tail.group(1), scale) not in self.amounts[article] for i in ids]

    def row_mask(self, generated: list[int], row: int) -> torch.Tensor:
        """True for the tokens row ``row`` may not write next."""
        mask = self._word_mask(generated, row)
        mask[self._unstated_scales(generated, row // self.beams)] = True
        return mask

    def _word_mask(self, generated: list[int], row: int) -> torch.Tensor:
        """True for the tokens that would start or go on a name or number the article lacks."""
        article = row // self.beams
        spaced, bare = self.masks[article]
        partial = self._current_word(generated)
        if not partial:
            return (spaced | bare) if self._word_ended(generated) else spaced.clone()
        allowed = self._allowed_pieces(partial, article)
        if self._whole(partial, article):  # it may end here (a space, a closing mark) or go on as the article does
            mask = spaced | bare | self.vocabulary.continuation
            mask[self.vocabulary.endings] = False
        elif allowed:  # not yet one of the article's words: it must go on
            mask = torch.ones_like(spaced)
        else:  # no piece leads on (a word the tokenizer spells differently): let it end rather than stall
            mask = spaced | self.vocabulary.continuation
        mask[allowed] = False
        return mask

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        width = scores.shape[1]
        for row in range(scores.shape[0]):
            mask = self.row_mask(input_ids[row, self.prompt_length:].tolist(), row)[:width].to(scores.device)
            if torch.isfinite(scores[row][~mask]).any():  # never leave a step with nothing to write
                scores[row, mask] = float("-inf")
        return scores


class NoRepeatInAnswer(LogitsProcessor):
    """No n-gram twice in the answer; unlike ``no_repeat_ngram_size``, n-grams of the prompt (the article) stay
    free to copy, which is what a summary held to its source has to do. Inside a number (spelled a digit a token)
    the rule is off: "£200,000 ... £400,000" repeats "0 0 ," and "0 0 0" and must be writable."""

    def __init__(self, size: int, prompt_length: int, vocabulary: Vocabulary | None = None) -> None:
        self.size = size
        self.prompt_length = prompt_length
        self.digits = vocabulary.digits if vocabulary else frozenset()
        self.separators = vocabulary.separators if vocabulary else frozenset()

    def _in_number(self, answer: list[int]) -> bool:
        last = answer[-1]
        return last in self.digits or (last in self.separators and len(answer) > 1 and answer[-2] in self.digits)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        n = self.size
        for row in range(scores.shape[0]):
            answer = input_ids[row, self.prompt_length:].tolist()
            if len(answer) < n or self._in_number(answer):
                continue
            tail = answer[len(answer) - n + 1:]
            banned = [answer[i + n - 1] for i in range(len(answer) - n + 1) if answer[i : i + n - 1] == tail]
            scores[row, banned] = float("-inf")
        return scores


SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")
CLAUSE_BREAK = re.compile(r",(?=\s)")  # a comma between clauses (not the one in "1,200")


LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])(?:\s+|$)", re.MULTILINE)  # a line's list number or bullet
# a label or preamble before the summary: "Summary:", "**Summary:**", "## Title", "Here is a summary of the article:"
LABEL = re.compile(r"^[#*_\s]*(?:summary|title)\s*:?[*_]*(?:\s+|$)|^[^\n.!?]{0,80}\bsummary\b[^\n.!?]{0,80}:\s*$",
                   re.IGNORECASE)
GOES_ON = re.compile(r"[:,;…(\-–—]$")  # a block that ends where a sentence goes on (with line_joins.WRAPPED's words)
LINKING = {"and", "of", "the", "with", "to", "in", "on", "for", "a", "an", "by", "at", "from", "as", "&", "-", "–", "—"}


# a letter's UTF-8 bytes read as Windows-1252 or Latin-1, as a small model learnt them from web text ("â€\x9d" for
# "”", "Ã©" for "é"): a lead byte, then continuation bytes
MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                      "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")


def _as_bytes(run: str) -> bytes | None:
    """The bytes a run of mojibake was read from (each letter as Windows-1252 writes it, else Latin-1)."""
    out = bytearray()
    for ch in run:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))
    return bytes(out)


def without_mojibake(text: str) -> str:
    """``text`` with each run of :data:`MOJIBAKE` read back as the letter it was ("â€\x9d" -> "”"); a run that is no
    letter's bytes stays as written ("Ã la carte" is not mended when it reads as no UTF-8)."""
    def mend(match: re.Match[str]) -> str:
        raw = _as_bytes(match.group(0))
        try:
            return raw.decode("utf-8") if raw else match.group(0)
        except UnicodeDecodeError:
            return match.group(0)
    return MOJIBAKE.sub(mend, text)


def tidy(text: str) -> str:
    """A generated summary as one paragraph: a label or preamble above it goes ("Summary:", "Here is a summary of the
    article:"), list numbers and bullets go, and so does a first block (of blank-line blocks) that reads as a copied
    title above the summary: every word but a linking one capitalised, or a short capitalised label before a colon,
    no sentence end, twelve words at most ("Human Rights: International Human Rights Day\n\nThis audio …"). Other
    blocks' lines are joined, never dropped ("The minister said:" / "\"We will …\"" stays whole)."""
    text = without_mojibake(text)
    blocks = [b for b in (LABEL.sub("", block.strip(), count=1) for block in re.split(r"\n\s*\n", text.strip())) if b]
    if len(blocks) > 1 and len(blocks[0].split()) <= 12 and not SENTENCE_END.search(blocks[0]) \
            and not (GOES_ON.search(blocks[0]) or WRAPPED.search(blocks[0])) and blocks[1][:1].isupper() \
            and _titled(blocks[0]):
        blocks = blocks[1:]  # (judged before list marks go: a list's first item is no title)
    return " ".join(w for b in blocks for w in LIST_MARK.sub("", b).split()) or text.strip()


def _titled(text: str) -> bool:
    """Whether ``text`` is set as a title: each word capitalised but linking ones ("… Day by Foreign and
    Commonwealth"), or a label of four capitalised words at most before a colon ("Human Rights: …")."""
    label, colon, _ = text.partition(":")
    return _capitalised(text.replace(":", " ").split()) or bool(colon and len(label.split()) <= 4
                                                                 and _capitalised(label.split()))


def _capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in LINKING for w in words)


def finish(text: str) -> str:
    """``text`` cut back to its last full sentence when it stops mid-sentence; with no full sentence, to the clauses
    before the one cut off, closed with a full stop, where they hold eight words or more ("… from Viet Nam's waters,
    and the ministry has handed a note to the Embassy in Ha" -> "… from Viet Nam's waters."), else without its
    last, possibly half written word."""
    text = text.strip()
    ends = list(SENTENCE_END.finditer(text))
    if ends:  # (the whole text when it ends with one)
        return text[: ends[-1].end()]
    breaks = list(CLAUSE_BREAK.finditer(text))
    if breaks and len(text[: breaks[-1].start()].split()) >= 8:
        return text[: breaks[-1].start()].rstrip() + "."
    words = text.split()
    return " ".join(words[:-1]) if len(words) > 1 else text


def rerank(candidates: Sequence[str], article: str, target_words: int = 30) -> str:
    """The candidate with the fewest unsupported names and numbers, then the nearest ``target_words`` long, then
    the earliest (the beams come best first)."""
    def rank(item: tuple[int, str]) -> tuple[int, int, int]:
        index, text = item
        return len(unsupported_entities(text, article)), abs(len(text.split()) - target_words), index

    usable = [(i, c) for i, c in enumerate(candidates) if c.strip()] or list(enumerate(candidates))
    return min(usable, key=rank)[1]
