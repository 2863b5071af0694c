"""Is a text English? The models read English news only; other languages get tags and summaries that mean nothing.

The share of very common English words tells them apart without a model: over the 5,645 paragraphs of 12 words or
more in the embedded and public corpora it is never below 0.083 (1st percentile 0.23), while French, German,
Spanish and Vietnamese news sentences written for the tests score 0.00-0.04.
"""

from __future__ import annotations

import re
from typing import Any

WORD = re.compile(r"[^\W\d_]+")
COMMON_ENGLISH = frozenset(
    "a an the of and or but to in on at by for from with into over after than as that which who this it its is are "
    "was were be been has have had will would can not he she we they his her their our also more said".split())
MIN_WORDS = 12        # shorter texts are not judged
MIN_SHARE = 0.05      # below this share of common English words a text is taken for another language
NOT_ENGLISH = "the text does not look like English; the model reads English only, so this output is unreliable"


def looks_english(text: str) -> bool:
    """False when ``text`` has at least 12 words and fewer than 5% of them are common English words."""
    words = WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return True
    return sum(word in COMMON_ENGLISH for word in words) / len(words) >= MIN_SHARE


# letters only Vietnamese writes (not "é" or "ñ" of other languages' names)
VIETNAMESE_LETTER = re.compile(r"[ăơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]")
VIETNAMESE_WORDS = {"và", "của", "các", "là", "được", "trong", "với", "cho", "những", "này", "đã", "có", "không",
                    "một", "người", "về", "để", "đến", "từ", "nhất", "năm",
                    # (a notice's: "Bà con vui lòng đăng ký trước qua đường link …", read 90)
                    "sẽ", "theo", "qua", "trước", "sau", "khi", "nếu", "hoặc", "đang", "vui", "lòng", "bạn",
                    "chúng", "tôi", "con"}  # (not "quý", "bà", "tại": names have them, a review found)


def vietnamese_text(text: str) -> bool:
    """A sentence in Vietnamese ("Tóm tắt: Việt Nam và Campuchia nhất trí …"), not an English one that names
    Vietnamese people or places: many of its words carry letters only Vietnamese writes, and it has Vietnamese
    function words ("và", "của" …)."""
    words = text.lower().split()
    return len(words) >= 5 and sum(bool(VIETNAMESE_LETTER.search(w)) for w in words) > 0.3 * len(words) \
        and len(VIETNAMESE_WORDS.intersection(w.strip(".,;:!?") for w in words)) >= 1


def mostly_vietnamese(text: str) -> bool:
    """A sentence whose words in small letters (not its names) are Vietnamese: four or more of them, two in five at
    least, carry letters only Vietnamese writes ("Đại sứ quán tại Nam Phi hỗ trợ 5 doanh nghiệp …", read 121; not
    "Nguyễn Thị Hương met Trần Văn Đức in Hà Nội …")."""
    small = [w for w in text.split() if w[:1].islower()]
    marked = sum(bool(VIETNAMESE_LETTER.search(w)) for w in small)
    english = sum(w.strip(".,;:!?") in COMMON_ENGLISH for w in small)  # (not an English sentence of dishes:
    # "… featured phở, bún chả, chả giò and cà phê sữa đá.", a review found)
    return marked >= 4 and marked >= 0.4 * len(small) and english < 2


def vietnamese_title(text: str) -> bool:
    """A title in Vietnamese ("Bệnh viện dã chiến cấp 2 số 7 lên đường …"), which may have no function word: three
    words or more in small letters carry letters only Vietnamese writes, and three in five of its words have marks
    (an English title has them in names and a few borrowed words only: "… serves up phở, bún chả and gỏi cuốn …"),
    and no word only English has ("over", "'s")."""
    words = text.split()
    marked = sum(any(ord(c) > 127 and c.isalpha() for c in w) for w in words)
    english = any(w.strip(".,:;!?").lower() in ENGLISH_TITLE_WORDS or re.search(r"['’]s\b", w) for w in words)
    return not english and marked >= 0.6 * len(words) \
        and sum(bool(VIETNAMESE_LETTER.search(w)) and w[:1].islower() for w in words) >= 3


# words an English title has and a Vietnamese one has not ("Phở, bún chả, cà phê sữa đá win over Tokyo")
ENGLISH_TITLE_WORDS = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "with", "over", "from", "by", "as",
                       "is", "are", "win", "wins", "meets", "meet", "opens", "open", "its", "their", "new"}


def not_english_warning(count: int, unit: str, first: str, marked: str, total: int | None = None) -> str:
    """The one stderr line for ``count`` units (rows, articles) that do not look English, naming the first."""
    many = count != 1 or total is not None
    counted = f"{count} of {total}" if total is not None else str(count)
    return (f"warning: {counted} {unit}{'s' if many else ''} {'do' if many else 'does'} not look like English "
            f"(first: {first}); the model reads English only, and {marked}")


def add_language_note(row: dict[str, Any], text: str) -> dict[str, Any]:
    """``row`` with :data:`NOT_ENGLISH` added to its ``note`` when ``text`` does not look English (nothing dropped)."""
    if not looks_english(text):
        row["note"] = f"{row['note']}; {NOT_ENGLISH}" if row.get("note") else NOT_ENGLISH
    return row
