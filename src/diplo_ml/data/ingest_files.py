"""Ingesting many raw articles at once: `diplo-ml ingest` (duplicate removal across articles, JSONL out)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from diplo_ml.data.ingest import SUFFIXES, Article, expand_inputs, ingest_pages, paragraph_key
from diplo_ml.data.io import write_jsonl
from diplo_ml.data.near_duplicates import NearDuplicateIndex, shingles
from diplo_ml.errors import DataError
from diplo_ml.files import check_output_file, check_outside_input_folders


@dataclass
class IngestReport:
    articles: list[Article]
    exact_duplicates: int = 0
    near_duplicates: int = 0

    @property
    def n_paragraphs(self) -> int:
        return sum(len(a.paragraphs) for a in self.articles)

    def summary(self) -> str:
        dropped = sum(len(a.dropped) for a in self.articles)
        return (f"ingested {len(self.articles)} article(s): {self.n_paragraphs} paragraphs kept, "
                f"{dropped} noise lines dropped, {self.exact_duplicates} exact and "
                f"{self.near_duplicates} near duplicate paragraphs removed")


def deduplicate(articles: list[Article], threshold: float = 0.7) -> tuple[int, int]:
    """Remove exact and near-duplicate paragraphs across all articles (first one kept)."""
    exact = near = 0
    seen_exact: set[str] = set()
    kept = NearDuplicateIndex(threshold)
    for article in articles:
        keep = []
        for p in article.paragraphs:
            key = paragraph_key(p.text)
            if key in seen_exact:
                exact += 1
                article.dropped.append((p.line, "exact duplicate paragraph", p.text))
                continue
            grams = shingles(p.text)
            if len(grams) >= 5 and kept.similar(grams):
                near += 1
                article.dropped.append((p.line, "near-duplicate paragraph", p.text))
                continue
            seen_exact.add(key)
            kept.add(str(len(seen_exact)), grams)
            keep.append(p)
        article.paragraphs = keep
    return exact, near


def ingest_files(inputs: Iterable[str | Path], output: str | Path | None = None, explain: bool = False,
                 dedupe: bool = True, overwrite: bool = False) -> IngestReport:
    inputs = list(inputs)
    paths = expand_inputs(inputs)
    if not paths:
        raise DataError("no articles given (pass .txt, .md, .html, .pdf or feed .xml files, or folders holding them)")
    if output is not None:  # before any work (a missing folder is made when the output is written)
        target = Path(output)
        check_outside_input_folders(target, inputs, SUFFIXES)  # also where the folder to write in is yet to be made
        if target.parent.is_dir():
            check_output_file(target, [*inputs, *paths], overwrite=overwrite)
    articles = ingest_pages(paths)
    report = IngestReport(articles)
    if dedupe:
        report.exact_duplicates, report.near_duplicates = deduplicate(articles)
    if explain:
        for article in articles:
            for line, reason, text in sorted(article.dropped):
                print(f"{article.path}:{line}: dropped ({reason}): {text[:100]}", file=sys.stderr)
    if output is not None:
        write_jsonl(output, [r for a in articles for r in a.records()], replace=overwrite)
    return report
