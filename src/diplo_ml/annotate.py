"""`diplo-ml annotate`: a labelling loop for users' own articles, through Label Studio.

``select CHECKPOINT ARTICLES -n 200 -o tasks.json`` ingests raw articles, tags every paragraph and picks the ``n`` the
tagger is least sure of (the nearest to a per-label threshold), spread out: at most ``per_article`` from one article,
and each next pick penalised by its word overlap with those already picked. It writes a Label Studio import file
(tasks with the tagger's tags as pre-annotations) and the labelling configuration for the four pillars.
``import export.json -o FOLDER`` turns a Label Studio JSON export into the project's pillar JSONL (validated; errors
name the file, line and task), split by article into train/dev/test, ready for ``data=pillars_folder``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from diplo_ml.data.io import SURROGATE_ESCAPE, lone_surrogate
from diplo_ml.errors import DataError, DiploError
from diplo_ml.files import (
    check_output_file,
    check_outside_input_folders,
    files_together,
    json_fault,
    model_folders,
)

FROM_NAME, TO_NAME = "pillars", "text"


def labelling_config(labels: list[str]) -> str:
    """The Label Studio labelling interface: headline and previous paragraph for context, one multi-choice."""
    choices = "\n".join(f'    <Choice value="{label}"/>' for label in labels)
    return (
        "<View>\n"
        '  <Header value="$headline"/>\n'
        '  <Text name="previous" value="$previous" granularity="paragraph"/>\n'
        f'  <Text name="{TO_NAME}" value="$text"/>\n'
        f'  <Choices name="{FROM_NAME}" toName="{TO_NAME}" choice="multiple" showInLine="true">\n'
        f"{choices}\n"
        "  </Choices>\n"
        "</View>\n"
    )


def uncertainty(scores: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """1 at a decision threshold, falling to 0 at the far end of the score range, for the least sure label."""
    span = np.maximum(thresholds, 1.0 - thresholds)[None, :]
    return (1.0 - np.abs(scores - thresholds[None, :]) / span).max(axis=1)


def pick(units: list[dict[str, Any]], sure: np.ndarray, n: int, per_article: int, overlap_weight: float = 0.5
         ) -> list[int]:
    """Greedy: the most uncertain paragraph, minus ``overlap_weight`` x its highest word-trigram overlap with those
    already picked; at most ``per_article`` per article. Candidates are the ``5 n`` most uncertain paragraphs of
    articles not yet full, topped up from the next most uncertain as articles fill."""
    from diplo_ml.data.near_duplicates import jaccard, shingles

    pool_size = max(5 * n, n)
    order = iter(int(i) for i in np.argsort(-sure, kind="stable"))
    grams: dict[int, Any] = {}
    chosen: list[int] = []
    per_doc: Counter[str] = Counter()
    best_overlap = np.zeros(len(units))
    candidates: list[int] = []

    def top_up() -> None:
        for i in order:
            if per_doc[units[i]["doc"]] >= per_article:
                continue
            grams[i] = shingles(units[i]["text"])
            best_overlap[i] = max((jaccard(grams[c], grams[i]) for c in chosen), default=0.0)
            candidates.append(i)
            if len(candidates) >= pool_size:
                return

    while len(chosen) < n:
        candidates[:] = [i for i in candidates if per_doc[units[i]["doc"]] < per_article]
        top_up()
        if not candidates:
            break
        value = [sure[i] - overlap_weight * best_overlap[i] for i in candidates]
        i = candidates.pop(int(np.argmax(value)))
        chosen.append(i)
        per_doc[units[i]["doc"]] += 1
        for j in candidates:
            best_overlap[j] = max(best_overlap[j], jaccard(grams[i], grams[j]))
    return chosen


def select(checkpoint: str | Path, inputs: list[str], n: int, output: str | Path, per_article: int = 3,
           overwrite: bool = False) -> str:
    """Write the ``n`` most useful paragraphs to label as Label Studio tasks, and the labelling config."""
    from diplo_ml.checkpoint import checkpoint_task, load, read_meta
    from diplo_ml.data.ingest import SUFFIXES, expand_inputs, ingest_pages
    from diplo_ml.predict_inputs import unit_context
    from diplo_ml.tasks.pillars import Tagger

    output = Path(output)
    paths = expand_inputs(inputs)
    if not paths:
        raise DataError("no articles given (pass .txt, .md, .html, .pdf or feed .xml files, or folders holding them)")
    # before any work; OUT first: a folder given as OUT has no suffix to replace for its labelling config's name
    given, protected = [*inputs, *paths], model_folders(checkpoint)
    check_outside_input_folders(output, inputs, SUFFIXES)
    check_output_file(output, given, protected, overwrite)
    check_output_file(output.with_suffix(".labelconfig.xml"), given, protected, overwrite)
    tagger = load(checkpoint, expected=Tagger)
    task = checkpoint_task(*read_meta(checkpoint))
    articles = ingest_pages(paths)
    units = [unit for article in articles for unit in task.article_units(article)]
    if not units:
        raise DataError("the articles hold no paragraphs")
    batch = [{"_text": u["text"], "_context": u.get("context")} for u in units]
    scores = tagger.scores([u["text"] for u in units], unit_context(batch))
    sure = uncertainty(scores, tagger.thresholds)
    chosen = pick(units, sure, n, per_article)
    tasks = []
    version = str(tagger.meta.get("run") or Path(checkpoint).name)
    for i in chosen:
        unit = units[i]
        tags = [label for label, on in zip(tagger.labels, tagger.decide(scores[i : i + 1])[0]) if on]
        tasks.append({
            "data": {"text": unit["text"], "headline": unit["context"].get("headline") or "",
                     "previous": unit["context"].get("previous") or "", "doc_id": unit["doc"],
                     "paragraph_index": unit["paragraph_index"], "source_file": unit["source"]},
            "predictions": [{"model_version": version, "score": round(1.0 - float(sure[i]), 4),  # confidence
                             "result": [{"from_name": FROM_NAME, "to_name": TO_NAME, "type": "choices",
                                         "value": {"choices": tags}}]}],
        })
    config = output.with_suffix(".labelconfig.xml")
    with files_together() as written:  # both files or neither
        with written.open(output, replace=overwrite) as handle:
            handle.write(json.dumps(tasks, indent=2, ensure_ascii=False, default=str) + "\n")
        with written.open(config, replace=overwrite) as handle:
            handle.write(labelling_config(tagger.labels))
    short = (f"; only {len(tasks)} of the {n} asked for: the other articles' paragraphs are used up (at most "
             f"{per_article} per article; raise --per-article)" if len(tasks) < n and len(units) > len(tasks) else
             f"; only {len(tasks)} of the {n} asked for: the articles hold no more" if len(tasks) < n else "")
    return (f"picked {len(tasks)} of {len(units)} paragraphs from {len(articles)} article(s) "
            f"(uncertainty {min(sure[chosen], default=0):.2f}-{max(sure[chosen], default=0):.2f}): "
            f"tasks {output}, labelling config {config}{short}")


# import ------------------------------------------------------------------------------------------------------------
def _tasks_with_lines(path: Path) -> list[tuple[int, Any]]:
    """The export's tasks, each with the line it starts on (for error messages)."""
    from diplo_ml.data.page_text import read_text

    text = read_text(path)  # UTF-8 (a BOM allowed), else a one-line error with the line
    decoder = json.JSONDecoder()
    start = len(text) - len(text.lstrip())
    if not text[start:start + 1] == "[":
        raise DataError(f"{path}:1: a Label Studio JSON export is a list of tasks")
    position, out = start + 1, []
    line, counted = 1, 0  # the line of ``counted``; each task counts only the newlines since the one before it
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text):
            raise DataError(f"{path}: unexpected end of file (the list of tasks is not closed)")
        if text[position] == "]":
            return out
        line, counted, begin = line + text.count("\n", counted, position), position, position
        try:
            task, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}:{exc.lineno}: malformed JSON ({exc.msg})") from None
        except (RecursionError, ValueError) as exc:  # nested too deeply, a number of over 4,300 digits
            raise DataError(f"{path}:{line}: unreadable JSON ({json_fault(exc)})") from None
        if SURROGATE_ESCAPE.search(text, begin, position) and (where := lone_surrogate(task, "the task")):
            raise DataError(f"{path}:{line}: {where} holds a lone surrogate, half of an emoji or another sign (not "
                            "valid Unicode text)")
        out.append((line, task))


Stray = tuple[str, str, list[Any]]  # an annotation's answer in another Choices control: where, control, choices


def _choices(task: dict[str, Any], where: str, control: str = FROM_NAME,
             controls: set[str] | None = None, stray: list[Stray] | None = None) -> list[list[str]] | None:
    """The labels chosen in the ``control`` of each of the task's annotations that was not cancelled, in the
    export's order (None: not labelled; the names of the Choices controls they answered are added to
    ``controls``; an annotation that answered only other controls adds where, which and what to ``stray``); a
    part of the export of the wrong shape is a one-line error at ``where``."""
    annotations = task.get("annotations") or []
    if not isinstance(annotations, list) or not all(isinstance(a, dict) for a in annotations):
        raise DataError(f"{where}: 'annotations' must be a list of objects")
    annotations = [a for a in annotations if not a.get("was_cancelled")]
    return [_annotation_choices(a, where, control, controls, stray) for a in annotations] or None


def _annotation_choices(annotation: dict[str, Any], where: str, control: str, controls: set[str] | None,
                        stray: list[Stray] | None = None) -> list[str]:
    """The labels one annotation chose in ``control``."""
    results = annotation.get("result") or []
    if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
        raise DataError(f"{where}: an annotation's 'result' must be a list of objects")
    chosen: list[str] = []
    if controls is not None:
        controls.update(str(r.get("from_name")) for r in results if r.get("type") == "choices" or
                        r.get("from_name") == control)
    for result in results:
        if result.get("from_name") == control:
            value = result.get("value") or {}
            if not isinstance(value, dict):
                raise DataError(f"{where}: a result's 'value' must be an object, not {value!r}")
            choices = value.get("choices") or []
            if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
                raise DataError(f"{where}: 'choices' must be a list of label names, not {choices!r}")
            chosen += choices
    if stray is not None and not any(r.get("from_name") == control for r in results):
        stray += [(where, str(r.get("from_name")), list((r.get("value") or {}).get("choices") or []))
                  for r in results if r.get("type") == "choices" and isinstance(r.get("value"), dict)]
    return chosen


DISAGREEMENT = ("refuse", "last", "leave-out")  # what import does with a task whose annotators chose differently


def import_export(export: str | Path, output: str | Path, labels: list[str] | None = None,
                  dev: float = 0.15, test: float = 0.15, seed: int = 0, overwrite: bool = False,
                  control: str = FROM_NAME, disagreement: str = "refuse") -> str:
    """Label Studio export -> ``OUTPUT/{train,dev,test}.jsonl`` in the pillar schema (split by article).

    A task with several annotations (Label Studio's overlap) whose label sets differ is refused, naming it
    (``disagreement="refuse"``), takes its last annotation (``"last"``) or is left out (``"leave-out"``); both of
    the latter are counted in a warning line."""
    from diplo_ml.data.io import write_jsonl
    from diplo_ml.data.schema import check_pillar_record
    from diplo_ml.data.splits import counted_split, stable_hash
    from diplo_ml.tasks.pillars.task import DEFAULT_LABELS

    labels = labels or list(DEFAULT_LABELS)
    path, folder = Path(export), Path(output)
    if not (0 <= dev <= 1 and 0 <= test <= 1) or dev + test >= 1:
        raise DiploError(f"--dev {dev:g} and --test {test:g}: each from 0 to 1, and their sum below 1 (the rest "
                         "is train)")
    if folder.exists() and not folder.is_dir():
        raise DiploError(f"{folder}: is a file; -o takes a folder (train/dev/test.jsonl are written into it)")
    taken = [f"{split}.jsonl" for split in ("train", "dev", "test") if (folder / f"{split}.jsonl").exists()]
    if taken and not overwrite:
        raise DiploError(f"{folder} already holds {', '.join(taken)}: add --overwrite to replace them")
    if disagreement not in DISAGREEMENT:
        raise DiploError(f"--disagreement {disagreement}: choose {', '.join(DISAGREEMENT)}")
    records, unlabelled, seen, disagreed = [], 0, set(), 0
    controls: set[str] = set()  # the Choices controls the annotations answered
    stray: list[Stray] = []  # answers in other controls only: pillar names there are labels put in the wrong place
    first_of_text: dict[str, tuple[str, list[str]]] = {}  # a task imported twice: its text -> (where, labels)
    repeats, headline_groups, alone = 0, 0, 0
    for number, (line, task) in enumerate(_tasks_with_lines(path), start=1):
        where = f"{path}:{line}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise DataError(f"{where}: task {number} has no 'data' object")
        data = task["data"]
        answers = _choices(task, f"{where}: task {number}", control, controls, stray)
        if answers is None:
            unlabelled += 1
            continue
        if len({frozenset(a) for a in answers}) > 1:  # annotators disagree: never hidden
            if disagreement == "refuse":
                sets = " vs ".join("[" + ", ".join(a) + "]" for a in answers)
                raise DataError(f"{where}: task {number} has {len(answers)} annotations that disagree ({sets}); "
                                "settle it in Label Studio, or choose --disagreement last or leave-out")
            disagreed += 1
            if disagreement == "leave-out":
                continue
        chosen = answers[-1]
        text_key = json.dumps([data.get(k) for k in ("doc_id", "headline", "paragraph_index")]
                              + [" ".join(str(data.get("text", "")).split())], default=str)
        if text_key in first_of_text:  # one article's paragraph twice (a file imported twice into Label Studio)
            first, first_labels = first_of_text[text_key]
            if sorted(first_labels) != sorted(chosen):
                raise DataError(f"{where}: task {number} repeats the text of {first} with other labels "
                                f"({', '.join(chosen) or 'none'} vs {', '.join(first_labels) or 'none'}); keep one")
            repeats += 1
            continue
        first_of_text[text_key] = (f"task {number} (line {line})", chosen)
        doc = data.get("doc_id")
        by_headline = doc in (None, "") and data.get("headline") not in (None, "")
        if by_headline:  # one article's paragraphs stay together (two articles may share a headline: ids by task)
            doc, headline_groups = f"headline-{stable_hash(0, str(data['headline']))[:10]}", headline_groups + 1
        elif doc in (None, ""):
            alone += 1
        doc = str(doc) if doc not in (None, "") else f"task-{task.get('id', number)}"
        index = data.get("paragraph_index")
        if index is not None and (isinstance(index, bool) or not isinstance(index, int) or index < 0):
            raise DataError(f"{where}: task {number}: 'paragraph_index' must be a whole number >= 0, not {index!r}")
        rid = f"{doc}-p{index:02d}" if index is not None and not by_headline else f"ls-{task.get('id', number)}"
        if rid in seen:
            raise DataError(f"{where}: task {number} repeats paragraph {rid}")
        seen.add(rid)
        record = {"id": rid, "doc_id": doc, "text": data.get("text"), "labels": sorted(set(chosen),
                                                                                       key=chosen.index)}
        for key in ("headline", "paragraph_index"):
            if data.get(key) not in (None, ""):
                record[key] = data[key]
        if data.get("previous") is not None:  # the previous paragraph the task showed ("": none, the first)
            record["previous"] = data["previous"]
        check_pillar_record(record, str(path), line, labels=labels)
        records.append(record)
    if not records:
        raise DataError(f"{path}: no labelled tasks ({unlabelled} without an annotation)")
    if controls and control not in controls:  # every paragraph would read as "no pillar"
        others = ", ".join(f"'{c}'" for c in sorted(controls))
        raise DataError(f"{path}: no choices were made in the control '{control}' (the export's Choices controls: "
                        f"{others}); name the one that holds the pillars with --control NAME")
    misplaced = [(where, name) for where, name, choices in stray if set(map(str, choices)) & set(labels)]
    if misplaced:  # (a project's own control, "quality: good", beside the pillars is left alone)
        where, name = misplaced[0]
        raise DataError(f"{where} chose pillars in the control '{name}', not '{control}'; it would read as 'no "
                        f"pillar': relabel it in '{control}'" + (f" ({len(misplaced) - 1} more)" if len(misplaced) > 1
                                                                else ""))
    folder.mkdir(parents=True, exist_ok=True)
    shares = {"dev": dev, "test": test}
    splits = counted_split(records, "doc_id", shares, seed)
    with files_together() as batch:  # all three files or, interrupted, none of them
        for split, rows in splits.items():
            write_jsonl(folder / f"{split}.jsonl", rows, batch, replace=overwrite)
    for split, rows in splits.items():
        if not rows and shares.get(split) != 0:  # a split asked to be empty is not worth a warning
            advice = "add articles or lower --dev/--test" if split == "train" else (
                f"add articles, or set --{split} 0 and give that split's file yourself")
            print(f"warning: {split}.jsonl is empty (too few articles to split); {advice}", file=sys.stderr)
    if unlabelled:
        print(f"warning: {unlabelled} task(s) without an annotation were left out", file=sys.stderr)
    if repeats:
        print(f"note: {repeats} task(s) repeat the text and labels of an earlier task (imported twice) and were "
              "read once", file=sys.stderr)
    if headline_groups:
        print(f"note: {headline_groups} task(s) name no doc_id: their article is told by their headline, so its "
              "paragraphs share a split", file=sys.stderr)
    if alone:
        print(f"warning: {alone} task(s) name neither doc_id nor headline: each is split as an article of its own, "
              "so paragraphs of one article may land in different splits (give doc_id in the tasks)",
              file=sys.stderr)
    if disagreed:
        then = "were left out" if disagreement == "leave-out" else "took their last annotation"
        print(f"warning: {disagreed} task(s) whose annotations disagree {then} (--disagreement {disagreement})",
              file=sys.stderr)
    counts = ", ".join(f"{split} {len(rows)}" for split, rows in splits.items())
    empty = [split for split, rows in splits.items() if not rows]
    then = (f"fill {', '.join(f'{e}.jsonl' for e in empty)} before training (a run needs every split)" if empty else
            f"train with: diplo-ml train data=pillars_folder data.dir={folder}")
    return f"wrote {len(records)} labelled paragraphs to {folder} ({counts}); {then}"
