"""The embedded corpus: raw articles + hand annotations -> processed JSONL splits, and its checks.

Layout under ``data/``::

    raw/<doc_id>.txt             articles as copied off news pages (noise included)
    annotations/<doc_id>.json    outlet, date, headline, reference summary, and per paragraph
                                 the first words ("starts") and the pillar labels
    splits.json                  doc_id -> train/dev/test (fixed, committed)
    processed/pillars/*.jsonl    one paragraph per line (built)
    processed/summaries/*.jsonl  one article per line (built)
    processed/pillars_hard/, processed/summaries_hard/
                                 the same for the articles whose annotation says ``"tranche": "hard"``
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from diplo_ml.config import PROJECT_ROOT
from diplo_ml.data.ingest import PAGE_SUFFIXES, Article, ingest_path
from diplo_ml.data.io import iter_jsonl, jsonl_line, read_jsonl, write_jsonl
from diplo_ml.data.near_duplicates import near_duplicate_pairs, shingles
from diplo_ml.data.overlap import exact_duplicates, spanning_groups
from diplo_ml.data.schema import check_pillar_record, check_summary_record
from diplo_ml.data.splits import stratified_split
from diplo_ml.errors import DataError
from diplo_ml.files import (
    atomic_write_text,
    files_together,
    read_json,
    sha256_file,
)
from diplo_ml.text import comparable

LABELS = ("economic", "cultural", "multilateral", "citizen_protection")
SPLITS = ("train", "dev", "test")
TRANCHES = {"main": "", "hard": "_hard"}  # tranche -> suffix of its processed folders
NEAR_DUPLICATE_JACCARD = 0.5   # word-trigram Jaccard at or above which two paragraphs are near duplicates
LEAK_RUN = 12                  # a run of this many identical words (names folded) across splits is leakage


def default_root() -> Path:
    return PROJECT_ROOT / "data"


# ------------------------------------------------------------------------------------------ build
def _annotation(path: Path) -> dict[str, Any]:
    """One annotation file, its fields checked (each fault is one line naming the file)."""
    if not path.is_file():  # a folder named *.json, an editor's lock link to nowhere
        raise DataError(f"{path}: not a file; the annotations folder holds one .json file per article")
    data = read_json(path, "annotation file", unique_keys=True, error=DataError)  # a BOM (Notepad) is allowed
    if not isinstance(data, dict):
        raise DataError(f"{path}: must be a JSON object (doc_id, outlet, date, headline, summary, paragraphs)")
    for key in ("doc_id", "outlet", "date", "headline", "summary", "paragraphs"):
        if key not in data:
            raise DataError(f"{path}: missing field '{key}'")
    for key in ("doc_id", "outlet", "date", "headline", "summary"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise DataError(f"{path}: field '{key}' must be non-empty text, got {data[key]!r}"[:300])
    if data["doc_id"] != path.stem:
        raise DataError(f"{path}: doc_id '{data['doc_id']}' does not match the file name")
    tranche = data.get("tranche", "main")
    if not isinstance(tranche, str) or tranche not in TRANCHES:
        raise DataError(f"{path}: unknown tranche '{tranche}' (known: {', '.join(TRANCHES)})")
    if not isinstance(data["paragraphs"], list):
        raise DataError(f"{path}: 'paragraphs' must be a list of objects")
    for index, note in enumerate(data["paragraphs"]):
        if not isinstance(note, dict) or not isinstance(note.get("starts"), str) or not note["starts"].strip():
            raise DataError(f"{path}: paragraph {index} must be an object whose 'starts' is the paragraph's first "
                            f"words, got {note!r}"[:300])
        labels = note.get("labels", [])
        if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
            raise DataError(f"{path}: paragraph {index}: 'labels' must be a list of label names, got {labels!r}")
        twice = sorted({label for label in labels if labels.count(label) > 1})
        if twice:  # `data check` and training refuse it; say so here, naming the annotation, not processed/
            raise DataError(f"{path}: paragraph {index}: label listed twice: {', '.join(twice)}")
        if not isinstance(note.get("question", False), bool):
            raise DataError(f"{path}: paragraph {index}: 'question' must be true or false, got "
                            f"{note['question']!r}"[:300])
    return data


def align(article: Article, annotation: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """Pair each ingested paragraph with its annotation, in order; any mismatch is an error."""
    notes = annotation["paragraphs"]
    if len(notes) != len(article.paragraphs):
        kept = "\n".join(f"  [{i}] line {p.line}: {p.text[:70]}" for i, p in enumerate(article.paragraphs))
        raise DataError(f"{where}: {len(notes)} annotated paragraphs but ingestion kept "
                        f"{len(article.paragraphs)} from {article.path}:\n{kept}")
    rows = []
    for index, (paragraph, note) in enumerate(zip(article.paragraphs, notes)):
        start = comparable(note["starts"])
        candidates = (comparable(paragraph.text), comparable(paragraph.raw))
        if not any(start[:60] in c[: len(start) + 80] for c in candidates):
            raise DataError(f"{where}: paragraph {index} should start '{note['starts'][:60]}' but ingestion "
                            f"kept {article.path}:{paragraph.line}: '{paragraph.text[:60]}'")
        labels = list(note.get("labels", []))
        for label in labels:
            if label not in LABELS:
                raise DataError(f"{where}: paragraph {index}: unknown label '{label}'")
        rows.append({
            "id": f"{article.doc_id}-p{index:02d}", "doc_id": article.doc_id, "paragraph_index": index,
            "text": paragraph.text, "labels": labels, "question": note.get("question", False),
            "headline": annotation["headline"], "date": annotation["date"], "outlet": annotation["outlet"],
        })
    return rows


@dataclass
class BuildReport:
    articles: int
    paragraphs: dict[str, int]
    files: dict[str, str]

    def summary(self) -> str:
        per = ", ".join(f"{k} {v}" for k, v in self.paragraphs.items())
        return f"built {self.articles} articles: paragraphs {per}; wrote {len(self.files)} files"


def load_articles(root: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]]]:
    """Ingest every raw article and align it with its annotation -> (paragraph rows, article rows)."""
    raw_dir, ann_dir = root / "raw", root / "annotations"
    annotations = sorted(p for p in ann_dir.glob("*.json") if not p.name.startswith("."))  # not editors' locks
    if not annotations:
        raise DataError(f"{ann_dir}: no annotation files")
    others = sorted(p.name for p in raw_dir.iterdir() if p.suffix.lower() in PAGE_SUFFIXES
                    and p.suffix.lower() != ".txt" and not p.name.startswith(".")
                    and not p.name.lower().startswith("readme")) \
        if raw_dir.is_dir() else []  # (a README about the articles is not one)
    if others:  # an article saved as .md or .html would be left out of the corpus without a word
        raise DataError(f"{raw_dir}: {', '.join(others[:5])}: the corpus reads raw articles as .txt files only "
                        "(save it as <doc_id>.txt, or move it out)")
    raws = {p.stem for p in raw_dir.glob("*.txt") if not p.name.startswith(".")}
    missing = sorted(raws - {p.stem for p in annotations})
    if missing:
        raise DataError(f"{raw_dir}: raw article(s) without annotation: {', '.join(missing[:5])}")
    paragraphs: dict[str, list[dict[str, Any]]] = {}
    articles: dict[str, dict[str, Any]] = {}
    for ann_path in annotations:
        note = _annotation(ann_path)
        raw_path = raw_dir / f"{ann_path.stem}.txt"
        if not raw_path.is_file():
            raise DataError(f"{ann_path}: no raw article {raw_path}")
        article = ingest_path(raw_path)
        rows = align(article, note, str(ann_path))
        paragraphs[article.doc_id] = rows
        articles[article.doc_id] = {
            "id": article.doc_id, "title": note["headline"], "text": article.statements, "summary": note["summary"],
            "date": note["date"], "outlet": note["outlet"], "n_paragraphs": len(rows),
            "tranche": note.get("tranche", "main"),
        }
    return paragraphs, articles


def read_splits(root: Path, docs: list[str], make: bool) -> dict[str, str]:
    """``splits.json``: each article's split. Made (stratified) only when ``make`` and there is none; an article it
    does not name, or a split it names that does not exist, is an error."""
    splits_path = root / "splits.json"
    splits = read_json(splits_path, "splits file", unique_keys=True) if splits_path.exists() else {}
    if not isinstance(splits, dict):
        raise DataError(f"{splits_path}: must map each doc_id to one of {', '.join(SPLITS)}")
    if odd := sorted(f"{doc} -> {split!r}" for doc, split in splits.items() if split not in SPLITS):
        raise DataError(f"{splits_path}: unknown split for {', '.join(odd[:5])} (use {', '.join(SPLITS)}); "
                        "an article with no known split would be left out of every file")
    if not make and not splits_path.is_file():
        raise DataError(f"{splits_path}: missing; `diplo-ml data build` makes it (a stratified split by article)")
    new = [d for d in docs if d not in splits]
    if new and (splits or not make):
        raise DataError(f"{splits_path}: no split for {', '.join(new[:5])}; add them by hand (splits are fixed)")
    if new:
        splits = stratified_split(docs)
        atomic_write_text(splits_path, json.dumps(splits, indent=1) + "\n")
    return splits


def planned_files(paragraphs: dict[str, list[dict[str, Any]]], articles: dict[str, dict[str, Any]],
                  splits: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The records of every file under ``processed/`` (by path relative to the corpus root), in order."""
    files: dict[str, list[dict[str, Any]]] = {}
    for tranche, suffix in TRANCHES.items():
        for split in SPLITS:
            docs = [d for d in sorted(paragraphs) if splits[d] == split and articles[d]["tranche"] == tranche]
            files[f"processed/pillars{suffix}/{split}.jsonl"] = [row for d in docs for row in paragraphs[d]]
            files[f"processed/summaries{suffix}/{split}.jsonl"] = [
                {k: v for k, v in articles[d].items() if k != "tranche"} for d in docs]
    return files


def build(root: Path | None = None) -> BuildReport:
    """Write ``processed/`` from ``raw/`` + ``annotations/`` using the committed ``splits.json``."""
    root = root or default_root()
    paragraphs, articles = load_articles(root)
    splits = read_splits(root, list(paragraphs), make=True)
    files: dict[str, str] = {}
    counts: dict[str, int] = defaultdict(int)
    with files_together() as batch:  # an interrupted build leaves the old files, never a mix of old and new
        for name, records in planned_files(paragraphs, articles, splits).items():
            path = root / name
            write_jsonl(path, records, batch)
            files[name] = batch.sha256(path)
            if name.startswith("processed/pillars"):
                counts[Path(name).stem] += len(records)
        with batch.open(root / "processed" / "SHA256SUMS") as handle:
            handle.write(sums_text(files))
    return BuildReport(len(articles), dict(counts), files)


def sums_text(hashes: dict[str, str]) -> str:
    """``processed/SHA256SUMS``: one ``sha256  path`` line per file, by path."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items()))


def stale_files(root: Path) -> list[str]:
    """Why ``processed/`` is not, byte for byte, what ``data build`` would write from ``raw/``, ``annotations/`` and
    ``splits.json`` (an article in another split, an edited or missing record, a SHA256SUMS that does not list each
    file's hash); empty when it is."""
    paragraphs, articles = load_articles(root)
    splits = read_splits(root, list(paragraphs), make=False)
    problems, hashes = [], {}
    for name, records in planned_files(paragraphs, articles, splits).items():
        expected = "".join(map(jsonl_line, records)).encode("utf-8")
        hashes[name] = hashlib.sha256(expected).hexdigest()
        path = root / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif path.read_bytes() != expected:
            problems.append(f"{name} is out of date")
    sums = root / "processed" / "SHA256SUMS"
    if not sums.is_file() or sums.read_text(encoding="utf-8", errors="replace") != sums_text(hashes):
        problems.append("processed/SHA256SUMS does not list each file's hash")
    return problems


# ------------------------------------------------------------------------------------------ check
NAME_GLUE = {"of", "the", "for", "and", "on", "in", "de", "to", "&"}


def prose_tokens(text: str) -> list[str]:
    """Lower-case word tokens with every capitalised name span (official titles too) folded into one token,
    so that a shared run measures shared prose, not a shared long name."""
    out: list[str] = []
    in_name = False
    words = re.findall(r"\w+|&", text)
    for i, word in enumerate(words):
        capital = word[:1].isupper() or word.isdigit()
        glue = in_name and word.lower() in NAME_GLUE and i + 1 < len(words) and words[i + 1][:1].isupper()
        if capital or glue:
            if not in_name:
                out.append("<name>")
            in_name = True
        else:
            in_name = False
            out.append(word.lower())
    return out


def _longest_shared_run(a: list[str], b: list[str]) -> int:
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


@dataclass
class CheckResult:
    stats: dict[str, Any]
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {**self.stats, "ok": self.ok, "errors": self.errors}

    def as_text(self) -> str:
        s = self.stats
        lines = [f"{s['n_articles']} articles, {s['n_paragraphs']} paragraphs",
                 f"multi-label {s['multi_label_fraction']:.1%}, no label {s['no_label_fraction']:.1%}",
                 "split      paragraphs " + " ".join(f"{label:>18s}" for label in LABELS)]
        for split in SPLITS:
            by = s["label_counts_by_split"][split]
            lines.append(f"{split:10s} {s['splits'][split]:10d} " + " ".join(f"{by[label]:18d}" for label in LABELS))
        lines.append("all        " + f"{s['n_paragraphs']:10d} "
                     + " ".join(f"{s['label_counts'][label]:18d}" for label in LABELS))
        lines.append(f"near-duplicate pairs: {s['near_duplicate_pairs']}; cross-split shared runs of "
                     f">= {LEAK_RUN} words: {s['cross_split_shared_runs']}")
        lines += [f"FAIL: {e}" for e in self.errors] or ["OK"]
        return "\n".join(lines)


def _tranche_stats(members: list[dict[str, Any]], rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Articles, paragraphs and labels per split of one tranche."""
    ids = {r["id"] for r in members}
    out: dict[str, Any] = {"n_articles": len({r["doc_id"] for r in members}), "n_paragraphs": len(members),
                           "splits": {}, "label_counts_by_split": {}}
    for split in SPLITS:
        part = [r for r in rows[split] if r["id"] in ids]
        out["splits"][split] = len(part)
        out["label_counts_by_split"][split] = {label: sum(label in r["labels"] for r in part) for label in LABELS}
    out["label_counts"] = {label: sum(label in r["labels"] for r in members) for label in LABELS}
    out["no_label_fraction"] = round(sum(not r["labels"] for r in members) / max(len(members), 1), 4)
    return out


def check(root: Path | None = None) -> CheckResult:
    """Validate the processed corpus, report statistics, and fail on staleness, duplicates and leakage."""
    root = root or default_root()
    errors: list[str] = []
    rows: dict[str, list[dict[str, Any]]] = {split: [] for split in SPLITS}
    tranche_of: dict[str, str] = {}
    seen: dict[str, str] = {}
    tranches = [t for t, suffix in TRANCHES.items()
                if t == "main" or (root / "processed" / f"pillars{suffix}").is_dir()]
    for tranche in tranches:
        suffix = TRANCHES[tranche]
        for split in SPLITS:
            path = root / "processed" / f"pillars{suffix}" / f"{split}.jsonl"
            part = read_jsonl(path, lambda r, p, n: check_pillar_record(r, p, n, labels=LABELS), seen)
            rows[split] += part
            tranche_of.update({r["id"]: tranche for r in part})
            for number, record in iter_jsonl(root / "processed" / f"summaries{suffix}" / f"{split}.jsonl"):
                check_summary_record(record, f"processed/summaries{suffix}/{split}.jsonl", number)
    every = [r for split in SPLITS for r in rows[split]]
    errors += [f"article {doc_id} spans splits {sorted(where)}" for doc_id, where in spanning_groups(rows).items()]

    label_counts = Counter(label for r in every for label in r["labels"])
    by_split = {s: Counter(label for r in rows[s] for label in r["labels"]) for s in SPLITS}
    cooc = {a: {b: sum(1 for r in every if a in r["labels"] and b in r["labels"]) for b in LABELS} for a in LABELS}

    # duplicates and near duplicates (word-trigram Jaccard), and cross-split shared word runs
    texts = [(r["id"], r["doc_id"], next(s for s in SPLITS if r in rows[s]), r["text"]) for r in every]
    errors += [f"exact duplicate paragraphs {a} and {b}" for a, b in exact_duplicates((t[0], t[3]) for t in texts)]
    near_pairs = [(a, b, round(j, 2)) for a, b, j in
                  near_duplicate_pairs(((t[0], t[3]) for t in texts), NEAR_DUPLICATE_JACCARD)]
    # leakage candidates: paragraphs in different splits sharing at least LEAK_RUN - 2 word trigrams
    grams = [shingles(t[3]) for t in texts]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        for gram in g:
            index[gram].append(i)
    shared: Counter = Counter()
    for members in index.values():
        if len(members) < 40:
            for i, j in combinations(members, 2):
                shared[(i, j)] += 1
    leak_pairs = []
    for (i, j), n in shared.items():
        if texts[i][2] != texts[j][2] and n >= LEAK_RUN - 2:
            run = _longest_shared_run(prose_tokens(texts[i][3]), prose_tokens(texts[j][3]))
            if run >= LEAK_RUN:
                leak_pairs.append((texts[i][0], texts[j][0], run))
    errors += [f"near-duplicate paragraphs {a} and {b} (trigram Jaccard {j})" for a, b, j in near_pairs]
    errors += [f"paragraphs {a} and {b} in different splits share a run of {n} words" for a, b, n in leak_pairs]

    # the processed files must be what raw/ + annotations/ + splits.json build to
    try:
        if stale := stale_files(root):
            errors.append(f"processed/ is out of date with raw/, annotations/ and splits.json ({'; '.join(stale[:4])}"
                          f"{' ...' if len(stale) > 4 else ''}): run `diplo-ml data build`")
    except DataError as exc:
        errors.append(str(exc).splitlines()[0])

    n = len(every)
    stats = {
        "n_articles": len({r["doc_id"] for r in every}),
        "n_paragraphs": n,
        "label_counts": {label: label_counts[label] for label in LABELS},
        "multi_label_fraction": round(sum(len(r["labels"]) >= 2 for r in every) / max(n, 1), 4),
        "no_label_fraction": round(sum(not r["labels"] for r in every) / max(n, 1), 4),
        "near_duplicate_pairs": len(near_pairs),
        "cross_split_shared_runs": len(leak_pairs),
        "splits": {s: len(rows[s]) for s in SPLITS},
        "articles_by_split": {s: len({r["doc_id"] for r in rows[s]}) for s in SPLITS},
        "label_counts_by_split": {s: {label: by_split[s][label] for label in LABELS} for s in SPLITS},
        "tranches": {t: _tranche_stats([r for r in every if tranche_of[r["id"]] == t], rows) for t in tranches},
        "cooccurrence": cooc,
        "fingerprints": {f"processed/{k}{TRANCHES[t]}/{s}.jsonl": sha256_file(
            root / "processed" / f"{k}{TRANCHES[t]}" / f"{s}.jsonl")
            for t in tranches for k in ("pillars", "summaries") for s in SPLITS},
    }
    return CheckResult(stats, errors)
