"""Robustness augmentation for tagging: noisy copies of training paragraphs that look like real pages.

Real Vietnamese-outlet text carries typos, Vietnamese diacritics in names (or their absence), odd casing and a
dateline glued to the first paragraph. ``augment_examples`` adds ``rate`` x (number of paragraphs) noisy copies
(labels and context unchanged), each with one or two of these kinds of noise, drawn with a fixed seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import numpy as np

from diplo_ml.data.examples import Examples
from diplo_ml.text import strip_diacritics

# Names as English-language Vietnamese outlets print them with and without diacritics (written for the project).
DIACRITIC_NAMES = {
    "Hanoi": "Hà Nội", "Ha Noi": "Hà Nội", "Vietnam": "Việt Nam", "Viet Nam": "Việt Nam", "Da Nang": "Đà Nẵng",
    "Ho Chi Minh City": "Hồ Chí Minh City", "Hai Phong": "Hải Phòng", "Can Tho": "Cần Thơ", "Hue": "Huế",
    "Quang Ninh": "Quảng Ninh", "Nghe An": "Nghệ An", "Khanh Hoa": "Khánh Hòa", "Bui Thanh Son": "Bùi Thanh Sơn",
    "Pham Minh Chinh": "Phạm Minh Chính", "To Lam": "Tô Lâm", "Luong Cuong": "Lương Cường",
    "Tran Thanh Man": "Trần Thanh Mẫn", "Nguyen Phu Trong": "Nguyễn Phú Trọng", "Vo Van Thuong": "Võ Văn Thưởng",
    "Nguyen Xuan Phuc": "Nguyễn Xuân Phúc", "Pham Binh Minh": "Phạm Bình Minh", "Nguyen Minh Vu": "Nguyễn Minh Vũ",
    "Le Thi Thu Hang": "Lê Thị Thu Hằng", "Do Hung Viet": "Đỗ Hùng Việt", "Ha Kim Ngoc": "Hà Kim Ngọc",
    "Nguyen": "Nguyễn", "Tran": "Trần", "Pham": "Phạm", "Hoang": "Hoàng", "Dang": "Đặng", "Vu": "Vũ",
    "Truong Sa": "Trường Sa", "Hoang Sa": "Hoàng Sa", "Mekong": "Mê Kông",
}
DATELINES = ("Hanoi (VNA) – ", "HÀ NỘI (VNA) - ", "NDO – ", "(VOVWORLD) - ", "VOV.VN - ", "Hà Nội, May 12 (VNA) – ",
             "WVR - ", "HCM City (VNS) - ")
_NAME_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(DIACRITIC_NAMES, key=len, reverse=True))
                           + r")\b")
_WORD = re.compile(r"[A-Za-z]{4,}")


def diacritics(text: str, rng: random.Random) -> str:
    """Names with diacritics where the text has none (or without them where it has them)."""
    if strip_diacritics(text) != text:
        return strip_diacritics(text)
    return _NAME_PATTERN.sub(lambda m: DIACRITIC_NAMES[m.group(0)] if rng.random() < 0.9 else m.group(0), text)


def typos(text: str, rng: random.Random) -> str:
    """A few words with two letters swapped, a letter dropped or doubled."""
    def slip(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() > 0.06:
            return word
        i = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(3)
        if kind == 0:
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if kind == 1:
            return word[:i] + word[i + 1:]
        return word[:i] + word[i] + word[i:]
    return _WORD.sub(slip, text)


def casing(text: str, rng: random.Random) -> str:
    """All lower case, a shouted first clause, or title case."""
    kind = rng.randrange(3)
    if kind == 0:
        return text.lower()
    if kind == 1:
        head, sep, tail = text.partition(",")
        return head.upper() + sep + tail
    return text.title()


def dateline(text: str, rng: random.Random) -> str:
    return rng.choice(DATELINES) + text


NOISE: tuple[Callable[[str, random.Random], str], ...] = (typos, diacritics, casing, dateline)


def noisy(text: str, rng: random.Random) -> str:
    """``text`` with one or two kinds of noise (never returned unchanged when any kind applies)."""
    kinds = rng.sample(NOISE, k=rng.choice((1, 1, 2)))
    out = text
    for kind in kinds:
        out = kind(out, rng)
    return out if out != text else typos(dateline(text, rng), rng)


def augment_examples(examples: Examples, rate: float, seed: int) -> Examples:
    """``examples`` plus ``round(rate * n)`` noisy copies of randomly drawn ones (seeded)."""
    rng = random.Random(f"augment:{seed}")
    n = len(examples)
    count = int(round(rate * n))
    if not n or count <= 0:
        return examples
    picked = [rng.randrange(n) for _ in range(count)]
    copies = examples.select(picked)
    copies.inputs = [noisy(text, rng) for text in copies.inputs]
    targets = np.concatenate([examples.targets, copies.targets]) if isinstance(examples.targets, np.ndarray) \
        else [*examples.targets, *copies.targets]
    context = {k: [*v, *copies.context[k]] for k, v in examples.context.items()} if examples.context else None
    return Examples([*examples.inputs, *copies.inputs], targets, [*examples.records, *copies.records], context)
