"""Parse-free sentence compression by deletion only: what is left is still a run of the article's own words.

Trimmed: a closing attribution (", he said.", ", the minister added.", ", according to the ministry."), an
attribution that leads into the content ("He said that ..." -> "..."), an "adding that" tail, parentheticals, and a
leading participle or "According to ..." clause before the subject.
"""

from __future__ import annotations

import re

_SAY = r"(?:said|says|added|adds|stressed|stresses|noted|notes|told [\w .'-]{1,40}|stated|emphasised|emphasized" \
       r"|underlined|affirmed|highlighted|pointed out|announced|explained)"
CLOSING = re.compile(rf",\s*(?:[\w.'’ -]{{1,60}}?\s+)?{_SAY}(?:\s+on\s+\w+)?(?P<end>[.!]?[\"'”’]?)$")
ACCORDING_TAIL = re.compile(r",\s*according to [^,.;]{1,80}(?P<end>\.?)$", re.IGNORECASE)
LEADING_SAY = re.compile(rf"^(?:[A-Z][\w.'’ -]{{1,60}}?)\s+{_SAY}\s+(?:that\s+)?(?=[a-zA-Z])")
ADDING = re.compile(r",?\s+adding that\b.*?(?P<end>[.!]?)$")
PARENS = re.compile(r"\s*\([^()]{1,80}\)")
LEADING_CLAUSE = re.compile(r"^(?:(?:Speaking|Addressing|Talking|Writing|Meeting|Visiting|Receiving)\b[^,]{3,90},"
                            r"|According to [^,]{3,90},"
                            r"|In (?:his|her|their) (?:speech|remarks|statement)[^,]{0,60},)\s*")


def compress(sentence: str) -> str:
    """``sentence`` with attributions, parentheticals and leading clauses deleted (never empty)."""
    original = sentence.strip()
    text = PARENS.sub("", original)
    text = ADDING.sub(lambda m: m.group("end") or ".", text)
    text = CLOSING.sub(lambda m: m.group("end") or ".", text)
    text = ACCORDING_TAIL.sub(lambda m: m.group("end") or ".", text)
    text = LEADING_CLAUSE.sub("", text)
    text = LEADING_SAY.sub("", text)
    text = text.strip(" ,;")
    if len(text.split()) < 4:
        return original
    return text[0].upper() + text[1:]


def compress_summary(sentences: list[str]) -> str:
    return " ".join(compress(s) for s in sentences)
