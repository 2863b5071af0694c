"""The project's keyed documents (``data/leads``): invented pages, mails, clips and scraped rows, each folder with a
``KEY.jsonl`` that names, per file, the sentence an editor would take as the first of its summary (``lead``) and the
headline. They teach the lead finder and measure the summarisers on kinds of page the corpora lack."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

from diplo_ml.data.ingest import PAGE_SUFFIXES, read_articles
from diplo_ml.data.page_kind import page_kind
from diplo_ml.errors import DiploError
from diplo_ml.models.summarise.lead_finder import FIRST_STATEMENTS, LeadCase
from diplo_ml.models.summarise.selection import statement_candidates
from diplo_ml.text import comparable

log = logging.getLogger(__name__)
KEY_FILE = "KEY.jsonl"


def key_files(root: Path) -> list[Path]:
    """The keys of the folders right under ``root`` (not deeper: ``data/leads`` holds ``train/`` and ``heldout/``,
    and naming it must not train on the held-out documents)."""
    return sorted(Path(root).glob(f"*/{KEY_FILE}"))


def plain(text: str | None) -> str:
    """A text as a key is compared with it (:func:`~diplo_ml.text.comparable`), without a closing stop."""
    return re.sub(r"[.\s]+$", "", comparable(text or ""))


def begins_with_lead(text: str | None, lead: str) -> bool:
    """Whether a summary or statement begins with a key's lead: with its first two thirds, forty characters at
    least (a summary may cut the lead's tail; a teaser that repeats only its opening words does not begin with it)."""
    want = plain(lead)
    return bool(text) and plain(text).startswith(want[: max(40, len(want) * 2 // 3)])


def keys_digest(root: Path) -> str:
    """One sha256 over every file of the keyed folders under ``root`` (names and bytes, in order): what a finder
    learned from, for its card."""
    digest = hashlib.sha256()
    for key in key_files(root):
        for path in [key, *sorted((key.parent / "docs").iterdir())]:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def read_key(path: Path) -> list[dict[str, str]]:
    """A key's rows, each with a ``file`` and a ``lead``; a bad line is refused naming the file and line."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DiploError(f"{path}:{n}: malformed JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) and row[k] for k in ("file", "lead")):
            raise DiploError(f"{path}:{n}: a key row needs a non-empty 'file' and 'lead'")
        rows.append(row)
    return rows


def lead_cases(root: Path) -> list[LeadCase]:
    """The keyed documents of the folders right under ``root`` (:func:`key_files`) as cases for the lead finder.
    Left out, and counted in the log: files that are no page (scraper exports and feeds, whose rows and items
    ``predict`` reads), and documents whose lead is not among their first :data:`FIRST_STATEMENTS` statements (the
    statement filter dropped it, or it comes later)."""
    keys = key_files(root)
    if not keys:
        raise DiploError(f"{root}: no folder in it holds a {KEY_FILE} (the lead finder's keyed documents)")
    cases, rows, beyond = [], 0, 0
    for key in keys:
        for row in read_key(key):
            path = key.parent / "docs" / row["file"]
            if not path.is_file():
                raise DiploError(f"{key}: names {row['file']}, which is not in {key.parent / 'docs'}")
            if path.suffix.lower() not in PAGE_SUFFIXES:
                rows += 1
                continue
            article = read_articles(path, path.stem)[0]
            found = statement_candidates(article.summary_text, article.headline, page_kind(article))
            index = [i for i, ok in enumerate(found.statements) if ok][:FIRST_STATEMENTS]
            statements = [found.sentences[i] for i in index]
            first = next((i for i, ok in enumerate(found.allowed) if ok), None)
            lead = next((n for n, s in enumerate(statements) if begins_with_lead(s, row["lead"])), None)
            if lead is None:
                beyond += 1
                continue
            cases.append(LeadCase(statements, article.headline, found.questions, lead,
                                  index.index(first) if first in index else None, key.parent.name))
    log.info("lead finder: %d keyed documents from %d keys; left out %d that are no page (scraper exports, feeds) and "
             "%d whose lead is not among their first %d statements", len(cases), len(keys), rows, beyond,
             FIRST_STATEMENTS)
    return cases
