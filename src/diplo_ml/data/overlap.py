"""Records shared between splits: an article in more than one split, and texts that repeat word for word.

``data check`` fails the embedded corpus on these; the loader warns about them in a folder's own split files.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

SHOWN = 3  # examples named in a warning; the count gives the rest
MIN_WORDS = 6  # shorter texts ("./.", "Thank you.", "Photo: VNA") repeat across articles without leaking anything


def text_key(text: str) -> bytes:
    """A digest of the text's words, lower-cased: case, spacing and punctuation do not tell two texts apart."""
    words = " ".join(re.findall(r"\w+", text.lower()))
    return hashlib.blake2b(words.encode("utf-8"), digest_size=16).digest()


def exact_duplicates(texts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(first id, id)`` for each ``(id, text)`` whose words equal an earlier text's (each text hashed once)."""
    first: dict[bytes, str] = {}
    pairs = []
    for rid, text in texts:
        key = text_key(text)
        if key in first:
            pairs.append((first[key], rid))
        else:
            first[key] = rid
    return pairs


def spanning_groups(rows: Mapping[str, Iterable[dict[str, Any]]], key: str = "doc_id") -> dict[str, list[str]]:
    """Each value of ``key`` (an article) found in more than one split -> those splits, in ``rows`` order."""
    where: dict[str, list[str]] = defaultdict(list)
    for split, records in rows.items():
        for record in records:
            group = record.get(key)
            if group is not None and split not in where[str(group)]:
                where[str(group)].append(split)
    return {group: splits for group, splits in where.items() if len(splits) > 1}


def listed(items: list[str]) -> str:
    more = f" ... ({len(items)} in all)" if len(items) > SHOWN else ""
    return ", ".join(items[:SHOWN]) + more


def split_overlap_warnings(rows: Mapping[str, list[dict[str, Any]]], text_field: str, label: str,
                           seen: Mapping[str, str], known: Collection[str] = ()) -> list[str]:
    """One line naming the articles (``doc_id``) in more than one split and one naming the texts repeated in another
    split (each by id and ``file:line`` from ``seen``), first few and count; ids in ``known`` (doc_ids or record
    ids whose overlap the data config accepts) are not counted. Empty when the splits share nothing."""
    lines = []
    if spans := {doc: splits for doc, splits in spanning_groups(rows).items() if doc not in known}:
        named = [f"{doc} ({'/'.join(splits)})" for doc, splits in spans.items()]
        lines.append(f"{label}: {len(spans)} article(s) in more than one split file, doc_id {listed(named)}; "
                     "test scores on them are not scores on unseen articles (a data config's known_overlap names "
                     "those meant to repeat)")
    split_of = {str(r.get("id")): split for split, records in rows.items() for r in records}
    texts = ((str(r.get("id")), text) for records in rows.values() for r in records
             if len((text := _text(r.get(text_field))).split()) >= MIN_WORDS)
    repeats = [(a, b) for a, b in exact_duplicates(texts)
               if split_of[a] != split_of[b] and a not in known and b not in known]
    if repeats:
        named = [f"{b} ({_place(seen, b)}) = {a} ({_place(seen, a)})" for a, b in repeats]
        lines.append(f"{label}: {len(repeats)} text(s) repeated word for word in another split file, {listed(named)}; "
                     "a model is scored on what it trained on (a data config's known_overlap names those meant to "
                     "repeat)")
    return lines


def train_repeats(rows: Mapping[str, list[dict[str, Any]]], text_field: str, seen: Mapping[str, str],
                  known: Collection[str] = ()) -> tuple[set[int], list[str]]:
    """The positions of the train records whose text (of :data:`MIN_WORDS` words or more) repeats a dev or test text
    word for word, and each as ``id (file:line) = held-out id (file:line)``; ids in ``known`` are kept."""
    held_out = {}
    for split in ("dev", "test"):
        for record in rows.get(split, []):
            if len((text := _text(record.get(text_field))).split()) >= MIN_WORDS and str(record.get("id")) not in known:
                held_out.setdefault(text_key(text), str(record.get("id")))
    positions, named = set(), []
    for i, record in enumerate(rows.get("train", [])):
        rid, text = str(record.get("id")), _text(record.get(text_field))
        if rid not in known and len(text.split()) >= MIN_WORDS and (other := held_out.get(text_key(text))):
            positions.add(i)
            named.append(f"{rid} ({_place(seen, rid)}) = {other} ({_place(seen, other)})")
    return positions, named


def _text(value: Any) -> str:
    return " ".join(map(str, value)) if isinstance(value, list) else str(value or "")


def _place(seen: Mapping[str, str], rid: str) -> str:
    """``file:line`` of a record (its file's name only), as the loader's ``seen`` holds it."""
    return re.split(r"[/\\]", seen.get(rid, "?"))[-1]
