"""Generation held to its source: a capitalised word or a number may only be written if the article has it.

:class:`SourceConstraint` is a ``LogitsProcessor``: at every step, a token that would start a new capitalised word
or number (after a space, or as the first token of the answer) is blocked unless its text begins a capitalised word
or number of that row's article, and while such a word is being spelled out, only pieces that keep it a prefix of
an article word (or end it) may follow. Common sentence openers ("The", "In", "A") are always allowed.
:func:`rerank` then picks, among the n best beams, the summary with the fewest names and numbers the article lacks,
then the one nearest the target length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import torch
from transformers import LogitsProcessor

from diplo_ml.faithfulness import NOT_NAMES, unsupported_entities

SPACE = "Ġ"  # byte-level BPE's leading-space marker
ENTITY_WORD = re.compile(r"[A-Z][\w'’.-]*|\d[\d,.]*")
OPENERS = {w.capitalize() for w in NOT_NAMES} | {"The", "A", "An", "In", "On", "At", "It", "This", "Its"}


class Vocabulary:
    """Which token ids start a capitalised word or a number, with and without a leading space."""

    def __init__(self, tokenizer) -> None:
        vocab = tokenizer.get_vocab()
        self.size = max(len(tokenizer), max(vocab.values()) + 1)
        self.spaced: dict[int, str] = {}
        self.bare: dict[int, str] = {}
        self.pieces: dict[str, int] = {}          # word pieces without a leading space -> id
        self.text = [""] * self.size              # id -> token string
        self.continuation = torch.zeros(self.size, dtype=torch.bool)  # pieces that extend a word (no space)
        for token, index in vocab.items():
            self.text[index] = token
            spaced = token.startswith(SPACE)
            word = token[1:] if spaced else token
            if not spaced and (word[:1].isalnum() or (word[:1] == "-" and word[1:2].isalnum())):
                self.pieces[word] = index  # a piece that extends a word ("-led" extends "UK" to "UK-led")
                self.continuation[index] = True
            core = word.lstrip("\"'“‘(«[-–—/")  # a piece may open with a quote or bracket: '"What', '(S'
            if core and core.isascii() and (core[0].isupper() or core[0].isdigit()):
                (self.spaced if spaced or core != word else self.bare)[index] = core

    @staticmethod
    def words(article: str) -> set[str]:
        """The article's capitalised words and numbers (thousands separators dropped), and the openers."""
        return set(OPENERS) | {w.replace(",", "").rstrip(".") for w in ENTITY_WORD.findall(article)}

    def banned(self, article: str) -> tuple[torch.Tensor, torch.Tensor]:
        """Boolean masks over the vocabulary: word-starting tokens the article does not support (after a space,
        and at the very start of the answer)."""
        prefixes: set[str] = set()
        for word in self.words(article):
            prefixes.update(word[:n] for n in range(1, min(len(word), 24) + 1))
        masks = []
        for table in (self.spaced, self.bare):
            mask = torch.zeros(self.size, dtype=torch.bool)
            blocked = [i for i, word in table.items() if word not in prefixes and word.rstrip(",.") not in prefixes]
            mask[blocked] = True
            masks.append(mask)
        return masks[0], masks[1]


class SourceConstraint(LogitsProcessor):
    """Blocks unsupported word-starting tokens, row by row (rows are articles x beams)."""

    def __init__(self, vocabulary: Vocabulary, articles: Sequence[str], beams: int, prompt_length: int) -> None:
        self.vocabulary = vocabulary
        self.masks = [vocabulary.banned(article) for article in articles]
        self.words = [vocabulary.words(article) for article in articles]
        self.sorted_words = [sorted(words) for words in self.words]
        self.beams = beams
        self.prompt_length = prompt_length

    def _current_word(self, generated: list[int]) -> str:
        """The capitalised word or number being spelled at the end of ``generated`` ("" when none is)."""
        text = self.vocabulary.text
        pieces: list[str] = []
        for index in reversed(generated):
            token = text[index]
            word = token[1:] if token.startswith(SPACE) else token
            if not token.startswith(SPACE) and word[:1] == "-" and word[1:2].isalnum():
                pieces.append(word)  # "-led" inside "UK-led"
                continue
            core = word.lstrip("\"'“‘(«[-–—/")
            if token.startswith(SPACE) or core != word:
                pieces.append(core)
                break
            if not token[:1].isalnum():
                break  # a word that starts after a quote, bracket or hyphen
            pieces.append(token)
        word = "".join(reversed(pieces))
        return word if word[:1].isupper() or word[:1].isdigit() else ""

    def _allowed_pieces(self, partial: str, words: list[str]) -> list[int]:
        """Ids of the pieces that keep ``partial`` a prefix of one of ``words``."""
        allowed = []
        for word in words:
            if word.startswith(partial) and len(word) > len(partial):
                rest = word[len(partial):]
                allowed += [self.vocabulary.pieces[rest[:n]] for n in range(1, min(len(rest), 16) + 1)
                            if rest[:n] in self.vocabulary.pieces]
        return allowed

    def _word_ended(self, generated: list[int]) -> bool:
        """True when the next token starts a new word: at the start, after a bare space or after punctuation."""
        if not generated:
            return True
        token = self.vocabulary.text[generated[-1]]
        word = token[1:] if token.startswith(SPACE) else token
        return not word or not word[-1].isalnum()

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        width = scores.shape[1]
        for row in range(scores.shape[0]):
            spaced, bare = self.masks[row // self.beams]
            generated = input_ids[row, self.prompt_length:].tolist()
            first = self._word_ended(generated)
            mask = (spaced | bare) if first else spaced.clone()
            if not first:
                partial = self._current_word(generated)
                if partial:  # inside a name or number: only pieces that keep it an article word may follow
                    allowed = self._allowed_pieces(partial, self.sorted_words[row // self.beams])
                    if partial in self.words[row // self.beams] or not allowed:  # complete, or no way on
                        extend = self.vocabulary.continuation.clone()  # complete: it may end or go on
                    else:
                        extend = torch.ones_like(mask)  # not yet a word of the article: it must go on
                    extend[allowed] = False
                    mask |= extend
            scores[row, mask[:width].to(scores.device)] = float("-inf")
        return scores


def rerank(candidates: Sequence[str], article: str, target_words: int = 30) -> str:
    """The candidate with the fewest unsupported names and numbers, then the nearest ``target_words`` long, then
    the earliest (the beams come best first)."""
    def key(item: tuple[int, str]) -> tuple[int, int, int]:
        index, text = item
        return len(unsupported_entities(text, article)), abs(len(text.split()) - target_words), index

    usable = [(i, c) for i, c in enumerate(candidates) if c.strip()] or list(enumerate(candidates))
    return min(usable, key=key)[1]
