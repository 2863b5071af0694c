"""`diplo-ml brief`: one self-contained HTML (or Markdown) brief of raw articles for analysts.

Per article: headline, date, outlet; the summary with the names and numbers the article does not
support marked per sentence (``faithfulness.check_summary``); every kept paragraph with its pillar
tags as coloured labels with scores; the pillar profile (share of paragraphs per pillar) as a chart.
Several articles add an overview table and, when at least two dates are known, pillar shares over time.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from diplo_ml.checkpoint import checkpoint_task, expect, load
from diplo_ml.data.datelines import OUTLETS
from diplo_ml.data.ingest import GENERATOR_MARKDOWN, Article, expand_inputs, read_pages
from diplo_ml.data.language import NOT_ENGLISH, looks_english, not_english_warning
from diplo_ml.errors import DataError, DiploError
from diplo_ml.faithfulness import article_source, check_summary, segments
from diplo_ml.files import check_output_file, model_folders
from diplo_ml.predict import set_batch_size
from diplo_ml.predict_inputs import unit_context
from diplo_ml.reports.render import NONE_COLOUR, Raw, colours, esc, figure_uri, img, page, pill, pyplot, table
from diplo_ml.reports.render import write_text as write_output
from diplo_ml.tasks.pillars import Tagger
from diplo_ml.tasks.summarise import Summariser
from diplo_ml.tasks.summarise.summariser import NOTHING_TO_SUMMARISE

NONE = "no pillar"
FORMATS = {"html": (".html", ".htm"), "md": (".md", ".markdown")}


@dataclass
class ArticleBrief:
    """One article with its paragraph tags and (optionally) its summary and faithfulness check."""

    article: Article
    tags: list[dict[str, Any]]
    summary: str | None = None
    check: list[dict[str, Any]] = field(default_factory=list)

    @property
    def english(self) -> bool:
        """False for an article in another language (its tags and summary mean little; the brief says so)."""
        return looks_english(" ".join(p.text for p in self.article.paragraphs))

    @property
    def unsupported(self) -> list[str]:
        seen: list[str] = []
        for row in self.check:
            seen += [e for e in row["unsupported"] if e not in seen]
        return seen

    def shares(self, labels: Sequence[str]) -> dict[str, float]:
        """Share of paragraphs carrying each label, plus the share with no pillar."""
        n = max(len(self.tags), 1)
        out = {label: sum(label in t["tags"] for t in self.tags) / n for label in labels}
        out[NONE] = sum(not t["tags"] for t in self.tags) / n
        return out

    @property
    def day(self) -> date | None:
        try:
            return date.fromisoformat(self.article.date) if self.article.date else None
        except ValueError:
            return None


@dataclass
class Brief:
    briefs: list[ArticleBrief]
    labels: list[str]
    thresholds: dict[str, float]
    models: dict[str, str]
    left_out: list[str] = field(default_factory=list)  # "file: why" for each article that could not be read


def _describe(predictor: Any, path: str | Path) -> str:
    meta = getattr(predictor, "meta", {}) or {}
    name = (meta.get("model") or {}).get("name") or "?"
    return f"{name} ({meta.get('run') or Path(path).name})"


def build_brief(inputs: Sequence[str | Path], tagger: str | Path, summariser: str | Path | None = None,
                batch_size: int | None = None) -> Brief:
    """Ingest the articles, tag every paragraph and (with a summariser) summarise and check each article."""
    paths = expand_inputs(inputs)
    if not paths:
        raise DiploError("no articles given (pass .txt, .md, .html, .pdf or feed .xml files, or folders holding them)")
    tag_task = checkpoint_task(*expect(tagger, Tagger))  # cheap checks first: a wrong task fails before any loading
    if summariser is not None:
        expect(summariser, Summariser)
    # one unreadable page in an archive folder is listed, not fatal (unless all are)
    articles, left_out = read_pages([Path(p) for p in paths], leave_out=DataError)
    for why in left_out:
        print(f"warning: left out of the brief: {why}", file=sys.stderr)
    tag_model = load(tagger, expected=Tagger)
    sum_model = load(summariser, expected=Summariser) if summariser is not None else None
    if batch_size:  # else the checkpoint's own
        set_batch_size(tag_model, batch_size)
    units = [{"_text": u["text"], "_context": u["context"]}  # with the context predict and serve give
             for a in articles for u in tag_task.article_units(a)]
    outputs = tag_model.predict([u["_text"] for u in units], unit_context(units))
    briefs, start = [], 0
    for article in articles:
        stop = start + len(article.paragraphs)
        briefs.append(ArticleBrief(article, outputs[start:stop]))
        start = stop
    if sum_model is not None:
        summaries = sum_model.predict([a.summary_text for a in articles], {"headline": [a.headline for a in articles]})
        for brief, out in zip(briefs, summaries):
            brief.summary = out["summary"]
            brief.check = check_summary(out["summary"], article_source(brief.article.summary_text,
                                                                       brief.article.headline))
    foreign = [b.article.path for b in briefs if not b.english]
    if foreign:
        print(not_english_warning(len(foreign), "article", str(foreign[0]), "the brief marks them", len(briefs)),
              file=sys.stderr)
    models = {"tagger": _describe(tag_model, tagger)}
    if sum_model is not None:
        models["summariser"] = _describe(sum_model, summariser)
    thresholds = {label: float(t) for label, t in zip(tag_model.labels, tag_model.thresholds)}
    return Brief(briefs, list(tag_model.labels), thresholds, models, left_out)


# ---------------------------------------------------------------------------------------------- charts
def profile_chart(shares: dict[str, float], labels: Sequence[str]) -> str:
    """Horizontal bars: share of paragraphs per pillar (and with none), as a PNG data URI."""
    plt = pyplot()
    palette = colours(labels)
    names = [*labels, NONE]
    values = [shares[n] for n in names]
    fig, ax = plt.subplots(figsize=(4.4, 0.34 * len(names) + 0.6))
    ax.barh(names, values, color=[palette.get(n, NONE_COLOUR) for n in names])
    for y, v in enumerate(values):
        ax.text(min(v + 0.02, 0.9), y, f"{v:.0%}", va="center", fontsize=8)
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("share of paragraphs", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return figure_uri(fig)


def timeline_chart(briefs: Sequence[ArticleBrief], labels: Sequence[str]) -> str | None:
    """Mean pillar shares per publication date (None with fewer than two known dates)."""
    by_day: dict[date, list[dict[str, float]]] = {}
    for b in briefs:
        if b.day is not None:
            by_day.setdefault(b.day, []).append(b.shares(labels))
    if len(by_day) < 2:
        return None
    plt = pyplot()
    days = sorted(by_day)
    palette = colours(labels)
    fig, ax = plt.subplots(figsize=(8, 3.4))
    for label in labels:
        ys = [sum(s[label] for s in by_day[d]) / len(by_day[d]) for d in days]
        ax.plot(days, ys, marker="o", color=palette[label], label=label)
    ax.set_ylim(0, 1)
    ax.set_ylabel("share of paragraphs")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.autofmt_xdate()
    return figure_uri(fig)


# ---------------------------------------------------------------------------------------------- text
def _scores_title(out: dict[str, Any], thresholds: dict[str, float]) -> str:
    return " · ".join(f"{k} {v:.2f} (threshold {thresholds.get(k, 0.5):.2f})" for k, v in out["scores"].items())


# ---------------------------------------------------------------------------------------------- HTML
def _summary_html(b: ArticleBrief) -> str:
    lines = []
    for row in b.check:
        text = "".join(f'<mark class="unsupported" title="not found in the article">{esc(t)}</mark>' if flag
                       else esc(t) for t, flag in segments(row["sentence"], row["unsupported"]))
        if row["flagged"]:
            note = esc(", ".join(row["unsupported"]))
            lines.append(f'<p class="flagged">{text} <span class="warn">⚠ not in the article: {note}</span></p>')
        else:
            lines.append(f"<p>{text}</p>")
    total = sum(len(r["entities"]) for r in b.check)
    missing = sum(len(r["unsupported"]) for r in b.check)
    verdict = (f'<span class="warn">{missing} of {total} names/numbers not found in the article</span>' if missing
               else f"all {total} names/numbers found in the article")
    if not lines:
        return f'<h3>Summary</h3><div class="summary"><p><em>({esc(NOTHING_TO_SUMMARISE)})</em></p></div>'
    return (f'<h3>Summary</h3><div class="summary">{"".join(lines)}'
            f'<p class="muted">Faithfulness check: {verdict}.</p></div>')


def dateline_place(dateline: str | None, outlet: str | None) -> str | None:
    """The dateline without the outlet, which the brief shows apart: "Hanoi (VNA)" -> "Hanoi", "VNA – New Delhi,
    Aug 1" -> "New Delhi, Aug 1", "NDO" -> None."""
    text = re.sub(r"\s*\([^)]*\)\s*", " ", dateline or "")
    parts = [p.strip() for p in text.split(" – ")]
    shown = (outlet or "").upper()
    return " – ".join(p for p in parts
                      if p and not (shown and shown in (p.upper(), OUTLETS.get(p.upper(), "").upper()))) or None


def _article_html(i: int, b: ArticleBrief, brief: Brief) -> str:
    a = b.article
    palette = colours(brief.labels)
    place = dateline_place(a.dateline, a.outlet)
    meta = " · ".join(esc(x) for x in (a.date or "date unknown", a.outlet or "outlet unknown", place) if x)
    parts = [f'<section class="article" id="article-{i}"><h2>{esc(a.headline or a.doc_id)}</h2>',
             f'<div class="meta">{meta}<br><span class="muted">{esc(a.path)}</span></div>']
    if not b.english:
        parts.append(f'<p class="warn">⚠ {esc(NOT_ENGLISH)}</p>')
    if b.summary is not None:
        parts.append(_summary_html(b))
    shares = b.shares(brief.labels)
    rows = [(pill(n, palette.get(n, NONE_COLOUR)), f"{shares[n]:.0%}") for n in [*brief.labels, NONE]]
    parts.append(f'<h3>Pillar profile</h3><div class="profile">'
                 f'{img(profile_chart(shares, brief.labels), "pillar profile of " + (a.headline or a.doc_id))}'
                 f"{table(['pillar', 'share of paragraphs'], rows, numeric=[1])}</div>")
    parts.append(f"<h3>Paragraphs ({len(a.paragraphs)})</h3>")
    for j, (p, out) in enumerate(zip(a.paragraphs, b.tags), start=1):
        tags = "".join(pill(f"{t} {out['scores'][t]:.2f}", palette[t]) for t in out["tags"]) or pill(NONE, NONE_COLOUR)
        text = f'<span class="question">Q: {esc(p.text)}</span>' if p.question else esc(p.text)
        parts.append(f'<div class="para"><div class="num">{j}</div><div class="body">{text}'
                     f'<div class="tags" title="{esc(_scores_title(out, brief.thresholds))}">{tags}</div></div></div>')
    parts.append("</section>")
    return "\n".join(parts)


def _overview_rows(brief: Brief) -> tuple[list[str], list[list[Any]]]:
    header = ["#", "headline", "date", "outlet", "paragraphs", *brief.labels, NONE]
    if brief.models.get("summariser"):
        header.append("unsupported in summary")
    rows = []
    for i, b in enumerate(brief.briefs, start=1):
        shares = b.shares(brief.labels)
        row: list[Any] = [i, b.article.headline or b.article.doc_id, b.article.date or "–", b.article.outlet or "–",
                          len(b.tags), *(f"{shares[n]:.0%}" for n in [*brief.labels, NONE])]
        if b.summary is not None:
            row.append(", ".join(b.unsupported) or "none")
        rows.append(row)
    return header, rows


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page."""
    palette = colours(brief.labels)
    legend = "".join(pill(f"{label} ≥ {brief.thresholds[label]:.2f}", palette[label]) for label in brief.labels)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    models = " · ".join(f"{k}: {esc(v)}" for k, v in brief.models.items())
    body = [f"<h1>Diplomacy pillar brief</h1><div class=\"meta\">{len(brief.briefs)} article(s) · {models} · "
            f"generated {stamp}</div>",
            f'<div class="legend">Pillar tags (score ≥ the label\'s threshold): {legend}{pill(NONE, NONE_COLOUR)}'
            "</div>"]
    if brief.models.get("summariser"):
        body.append('<p class="muted">Summaries are machine-generated. <mark class="unsupported">Marked</mark> '
                    "names and numbers do not occur in the article: check them before use.</p>")
    if len(brief.briefs) > 1:
        header, rows = _overview_rows(brief)
        linked = [[i, Raw(f'<a href="#article-{i}">{esc(r[1])}</a>'), *r[2:]] for i, r in enumerate(rows, start=1)]
        body.append(f"<h2>Overview</h2>{table(header, linked, numeric=list(range(4, 5 + len(brief.labels) + 1)))}")
        chart = timeline_chart(brief.briefs, brief.labels)
        body.append(f"<h3>Pillar shares over time</h3>{img(chart, 'pillar shares over time')}" if chart else
                    '<p class="muted">Pillar shares over time need articles from at least two known dates.</p>')
    if brief.left_out:
        items = "".join(f"<li>{esc(why)}</li>" for why in brief.left_out)
        body.append(f'<h3>Left out ({len(brief.left_out)})</h3><ul class="muted">{items}</ul>')
    body += [_article_html(i, b, brief) for i, b in enumerate(brief.briefs, start=1)]
    return page("Diplomacy pillar brief", "\n".join(body))


# ---------------------------------------------------------------------------------------------- Markdown
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: Any) -> str:
    """Escape Markdown syntax (and inline HTML) in plain text."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))


def _md_table(header: Sequence[Any], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(brief: Brief) -> str:
    """The brief as one Markdown file (charts as PNG data URIs)."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [GENERATOR_MARKDOWN, "# Diplomacy pillar brief", "",
           f"{len(brief.briefs)} article(s) · " + " · ".join(f"{k}: {md(v)}" for k, v in brief.models.items())
           + f" · generated {stamp}", "",
           "Tags: " + ", ".join(f"`{label}` (score ≥ {brief.thresholds[label]:.2f})" for label in brief.labels), ""]
    if len(brief.briefs) > 1:
        out += ["## Overview", "", _md_table(*_overview_rows(brief)), ""]
        chart = timeline_chart(brief.briefs, brief.labels)
        if chart:
            out += ["### Pillar shares over time", "", f"![pillar shares over time]({chart})", ""]
    if brief.left_out:
        out += [f"### Left out ({len(brief.left_out)})", "", *(f"- {md(why)}" for why in brief.left_out), ""]
    for b in brief.briefs:
        a = b.article
        out += [f"## {md(a.headline or a.doc_id)}", "",
                f"*{md(a.date or 'date unknown')} · {md(a.outlet or 'outlet unknown')}* — `{a.path}`", ""]
        if not b.english:
            out += [f"> ⚠ {md(NOT_ENGLISH)}", ""]
        if b.summary is not None:
            out += ["### Summary", ""]
            for row in b.check:
                text = "".join(f"**{md(t)}**" if flag else md(t) for t, flag in segments(row["sentence"],
                                                                                          row["unsupported"]))
                if row["flagged"]:
                    text = f"⚠ {text} *(not in the article: {md(', '.join(row['unsupported']))})*"
                out += [f"> {text}", ">"]
            missing = sum(len(r["unsupported"]) for r in b.check)
            out += [f"> Faithfulness check: {missing} name(s)/number(s) not found in the article." if b.check
                    else f"> *({NOTHING_TO_SUMMARISE})*", ""]
        shares = b.shares(brief.labels)
        out += ["### Pillar profile", "", f"![pillar profile]({profile_chart(shares, brief.labels)})", "",
                _md_table(["pillar", "share of paragraphs"], [(n, f"{shares[n]:.0%}") for n in [*brief.labels, NONE]]),
                "", f"### Paragraphs ({len(a.paragraphs)})", ""]
        for j, (p, tags) in enumerate(zip(a.paragraphs, b.tags), start=1):
            labels = " ".join(f"`{t} {tags['scores'][t]:.2f}`" for t in tags["tags"]) or f"`{NONE}`"
            text = f"*Q: {md(p.text)}*" if p.question else md(p.text)
            out += [f"{j}. {text}  ", f"   {labels}", ""]
    return "\n".join(out).rstrip() + "\n"


def write_brief(inputs: Sequence[str | Path], output: str | Path, tagger: str | Path,
                summariser: str | Path | None = None, fmt: str | None = None, batch_size: int | None = None,
                overwrite: bool = False) -> Path:
    """Build the brief and write it as one file (format from ``fmt`` or the output's suffix)."""
    output = Path(output)
    suffix = output.suffix.lower()
    fmt = fmt or ("md" if suffix in FORMATS["md"] else "html")
    if fmt not in FORMATS:
        raise DiploError(f"unknown brief format '{fmt}' (use html or md)")
    if suffix not in FORMATS[fmt]:
        raise DiploError(f"{output}: a {fmt} brief needs an output file ending in {' or '.join(FORMATS[fmt])}")
    paths = expand_inputs(inputs)  # once: a folder's note on the files it leaves out is printed once
    check_output_file(output, [*inputs, *paths], model_folders(tagger, summariser), overwrite)
    brief = build_brief(paths, tagger, summariser, batch_size=batch_size)
    return write_output(output, render_html(brief) if fmt == "html" else render_markdown(brief), replace=overwrite)
