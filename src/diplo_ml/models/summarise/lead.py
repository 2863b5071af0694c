"""Lead-k: the article's first ``k`` sentences within a word budget; nothing to train. Lead-k with a learned
clause trimmer and a learned headline chooser: the same sentences, each cut at a clause boundary where the trimmer
predicts a gain, and the article's headline put first where the chooser predicts one (a bare quotation or "The
Minister, who ..." does not say who acts; the headline usually does), each edit used where dev says it pays. Either
may learn a lead finder (``lead_finder``) that moves the lead past an opening the rules keep."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Annotated

import numpy as np
from pydantic import Field, model_validator

from diplo_ml.config import PROJECT_ROOT
from diplo_ml.data.examples import Context, Examples, context_column
from diplo_ml.errors import DiploError
from diplo_ml.files import atomic_write_json, read_json_object
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, SummarisingModel, TaskSpec
from diplo_ml.models.summarise.headline import HeadlineChooser, usable
from diplo_ml.models.summarise.lead_finder import LeadFinder
from diplo_ml.models.summarise.selection import select_indices, statement_candidates
from diplo_ml.models.summarise.trim import ClauseTrimmer, cut_to_budget
from diplo_ml.models.summarise.tuning import choose_per_source, dev_measure

log = logging.getLogger(__name__)
SETTINGS_FILE = "summariser.json"
TRIMMER_FILE = "trimmer.safetensors"
HEADLINE_FILE = "headline.safetensors"
FINDER_FILE = "lead_finder.safetensors"
HELD_OUT = "heldout"  # the folder of keyed documents no finder may learn from
# the lead finder's trees (chosen by leave-one-folder-out cross-validation over the keyed documents)
FINDER_TREES = {"trees": 150, "learning_rate": 0.05, "max_leaf_nodes": 7, "min_samples_leaf": 20}
# what dev may switch on, per data source (the finder: where one is learned), and as the card says them
EDITS = ("finder", "trim", "headline")
EDIT_NAMES = {"finder": "the lead finder's move", "trim": "trim", "headline": "headline"}


class LeadOptions(ModelOptions):
    k: int = Field(1, ge=1, le=50)
    # sentences per data source (else k)
    k_by_source: dict[str, Annotated[int, Field(ge=1, le=50)]] = Field(default_factory=dict)
    budget_words: int | None = Field(50, ge=1, le=10_000)
    # an article of no known source (a new page given to predict) is summarised as this source's articles are (its
    # k and what dev chose for it); None: k and what dev chose over all its sources
    unknown_source: str | None = Field(None, min_length=1)
    # keyed documents (a folder of KEY.jsonl folders, relative to the project) to learn a lead finder from, which
    # overrules the opening rules where its best statement's score beats theirs by lead_margin; None: rules only
    lead_finder: str | None = Field(None, min_length=1)
    lead_margin: float = Field(0.2, ge=0, le=1)

    @model_validator(mode="after")
    def _finder_data_exists(self) -> LeadOptions:
        from diplo_ml.models.base import loading_checkpoint
        from diplo_ml.models.summarise.lead_keys import KEY_FILE, key_files

        if self.lead_finder is None or loading_checkpoint():
            return self
        if not key_files(self.finder_keys()):
            raise ValueError(f"lead_finder: no folder in {self.finder_keys()} holds a {KEY_FILE} (a relative path is "
                             "the project's)")
        if HELD_OUT in self.finder_keys().parts:
            raise ValueError(f"lead_finder: {self.finder_keys()} holds held-out keyed documents, which measure the "
                             "finder and are never trained on (data/leads/README.md)")
        return self

    def finder_keys(self) -> Path:
        """The lead finder's keyed documents (a relative path is the project's)."""
        return PROJECT_ROOT / str(self.lead_finder)

    def warn_unused(self, *splits: Examples) -> None:
        """A ``k_by_source`` entry for a source the data does not hold is never used: say so (a preset names every
        source of summaries_all, so a data config with fewer is not an error, but a misspelt name is worth a line).
        The same for ``unknown_source``: new pages then get the choices made over all of dev."""
        held = {str(s) for split in splits for s in context_column(split.context, "source", len(split)) if s}
        if unused := sorted(set(self.k_by_source) - held):
            log.warning("model.k_by_source: no data source %s in this run's data (it has %s); unused",
                        ", ".join(unused), ", ".join(sorted(held)) or "no named sources")
        if self.unknown_source is not None and self.unknown_source not in held:
            log.warning("model.unknown_source: no data source %s in this run's data (it has %s); articles of no "
                        "known source get k and the choices made over all of dev", self.unknown_source,
                        ", ".join(sorted(held)) or "no named sources")

    def prediction_note(self) -> str | None:
        """New pages carry no data source: say whose choices they get."""
        if self.unknown_source is None:
            return None
        return (f"note: a new article names no data source, so it gets this checkpoint's choices for "
                f"'{self.unknown_source}' articles where its training data held them, else those made over all of "
                "dev, and its lead finder where it has one (the model card says which)")

    def source_of(self, source: object) -> str | None:
        """The source whose choices an article takes: its own, or ``unknown_source`` when it has none."""
        return str(source) if source is not None else self.unknown_source


class LeadSummariser(SummarisingModel):
    Options = LeadOptions
    options: LeadOptions

    def __init__(self, options: LeadOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.finder: LeadFinder | None = None
        if self.folder is not None and options.lead_finder is not None:
            if not (self.folder / FINDER_FILE).is_file():
                raise DiploError(f"{self.folder / FINDER_FILE}: missing; the options use a lead finder, which this "
                                 "file holds (copy the whole checkpoint folder)")
            self.finder = LeadFinder.load(self.folder / FINDER_FILE)
            if self.finder.margin != options.lead_margin:
                raise DiploError(f"{self.folder / FINDER_FILE}: saved with margin {self.finder.margin}, but the "
                                 f"options say lead_margin {options.lead_margin} (copy the whole checkpoint folder)")

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Nothing to learn but the lead finder, where the options ask for one."""
        self.options.warn_unused(train, dev)
        self._fit_finder(dev, context)

    def _fit_finder(self, dev: Examples, context: FitContext) -> None:
        """Learn the lead finder from the keyed documents, and record dev ROUGE-L with and without it."""
        if self.options.lead_finder is None:
            return
        from diplo_ml.metrics.rouge_core import ROUGE_TYPES, per_example
        from diplo_ml.models.summarise.lead_keys import (
            keys_digest,
            lead_cases,  # (reads pages: only where a finder is asked for)
        )

        cases = lead_cases(self.options.finder_keys())
        finder = LeadFinder.fit(cases, self.options.lead_margin, seed=context.seed, **FINDER_TREES)
        self.training["lead_finder"] = {"keyed_documents": len(cases), "margin": self.options.lead_margin,
                                        "folders": sorted({case.folder for case in cases}),
                                        "sha256": keys_digest(self.options.finder_keys())}
        if len(dev):  # (plain Lead-k summaries, with and without it)
            column = ROUGE_TYPES.index("rougeL")
            means = {}
            for name, used in (("rules", None), ("finder", finder)):
                self.finder = used
                summaries = LeadSummariser.summarise(self, dev.inputs, dev.context)
                means[name] = round(float(per_example(summaries, list(dev.targets))[:, column].mean()), 4)
            self.training["lead_finder"]["dev_rougeL"] = means
        self.finder = finder
        log.info("lead finder: %s", self.training["lead_finder"])

    def save_finder(self, folder: Path) -> None:
        """The lead finder's file, where there is one."""
        if self.finder is not None:
            self.finder.save(Path(folder) / FINDER_FILE)

    def _lead(self, text: str, source: str | None, headline: str | None = None, finder: bool = True,
              kind: str | None = None) -> tuple[list[str], list[int], str]:
        """The article's sentences, the indices of its first k statements within the budget, and that Lead-k
        summary (an opening that its ``headline`` does not tell of passed over, see :func:`candidates`; the lead
        moved by the lead finder where there is one and ``finder`` asks for it). A first statement over the budget is
        the whole summary, cut to the budget. An opinion piece's (``kind``) lead is its thesis."""
        found = statement_candidates(text, headline, kind)
        sentences = found.sentences
        moves = finder and self.finder is not None
        allowed = self.finder.choose(found, headline) if moves else found.allowed
        budget = self.options.budget_words
        first = np.flatnonzero(allowed)[:1]
        if first.size and budget and len(sentences[first[0]].split()) > budget:
            # the lead overruns the budget: it is the summary, cut to fit, never passed over for a later sentence
            sentences[first[0]] = cut_to_budget(sentences[first[0]], budget)
            return sentences, [int(first[0])], sentences[first[0]]
        order = np.where(allowed, -np.arange(len(sentences), dtype=np.float64), -np.inf)
        k = self.options.k_by_source.get(str(self.options.source_of(source)), self.options.k)
        chosen = select_indices(sentences, order, budget, k)  # empty only when no sentence is a statement
        return sentences, chosen, " ".join(sentences[i] for i in chosen)

    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        sources = context_column(context, "source", len(texts))
        headlines = context_column(context, "headline", len(texts))
        kinds = context_column(context, "kind", len(texts))
        return [self._lead(text, source, headline, kind=kind)[2]
                for text, source, headline, kind in zip(texts, sources, headlines, kinds)]

    def save(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)  # its options are the checkpoint's diplo_ml.json model block
        self.save_finder(folder)

    def _choice(self) -> str:
        def first(k: int) -> str:
            return "first statement sentence" if k == 1 else f"first {k} statement sentences"

        per = "; ".join(f"{s}: {first(k)}" for s, k in self.options.k_by_source.items())
        if self.options.unknown_source:
            per += f"; articles of no known source: as {self.options.unknown_source}'s"
        budget = f" within {self.options.budget_words} words" if self.options.budget_words else ""
        finder = ""
        if self.options.lead_finder is not None:
            learned = self.training.get("lead_finder", {})
            dev = learned.get("dev_rougeL", {})
            finder = (f"; the lead may be moved down where a lead finder (boosted trees learned from "
                      f"{learned.get('keyed_documents', 'the')} keyed documents of {self.options.lead_finder}"
                      + (f", sha256 {learned['sha256'][:12]}…" if learned.get("sha256") else "")
                      + f") scores a later one of the first 8 statements higher than the rules' choice by more than "
                      f"{self.options.lead_margin}"
                      + (f"; plain Lead-k dev ROUGE-L {dev['rules']} without it, {dev['finder']} with it" if dev
                         else ""))
        return (f"the article's {first(self.options.k)}{f' ({per})' if per else ''}{budget} (questions, bylines, "
                f"captions and credits skipped{finder})")

    def card(self) -> CardInfo:
        learned = "Only the lead finder is learned." if self.options.lead_finder else "Nothing is learned."
        return CardInfo(f"Lead-k baseline: {self._choice()}. {learned}")


class LeadTrimOptions(LeadOptions):
    trees: int = Field(200, ge=1, le=5000)
    learning_rate: float = Field(0.05, gt=0, le=1)
    max_leaf_nodes: int = Field(15, ge=2, le=1024)
    min_samples_leaf: int = Field(40, ge=1)
    min_words: int = Field(8, ge=3, le=100)    # words a trimmed sentence keeps at least


class LeadTrimSummariser(LeadSummariser):
    """Lead-k whose sentences a :class:`ClauseTrimmer` may cut and whose summary a :class:`HeadlineChooser` may put
    after the headline; ``fit`` trains both on the training articles' first statements (the opening rules' leads),
    then dev decides per data source (and over all of dev, for other sources) which edits to make, the lead finder's
    move among them: the combination with the best dev ROUGE-L, the fewer edits on a tie."""

    Options = LeadTrimOptions
    options: LeadTrimOptions

    def __init__(self, options: LeadTrimOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.trimmer = ClauseTrimmer(min_words=options.min_words)
        self.chooser = HeadlineChooser()
        self.edits_by_source: dict[str, dict[str, bool]] = {}
        self.edits_default = dict.fromkeys(EDITS, False)
        if self.folder is not None:
            saved = read_json_object(self.folder / SETTINGS_FILE, "summariser settings")
            if not {"edits_default", "trim_default"} & set(saved):
                raise DiploError(f"{self.folder / SETTINGS_FILE}: damaged summariser settings (no edits_default: "
                                 "what dev chose is missing)")
            where = str(self.folder / SETTINGS_FILE)
            by_source = saved.get("edits_by_source" if "edits_default" in saved else "trim_by_source") or {}
            if not isinstance(by_source, dict):
                raise DiploError(f"{where}: the edits by source must be an object, not {by_source!r}")
            if "edits_default" in saved:
                # (saved before the finder was an edit: where there is one, it moved every article's lead)
                moved = self.finder is not None
                self.edits_default = edit_switches(saved["edits_default"], where, moved)
                self.edits_by_source = {str(k): edit_switches(v, where, moved) for k, v in by_source.items()}
            else:  # saved before the headline edit: trimming only
                self.edits_default = edit_switches({"trim": saved.get("trim_default", False)}, where)
                self.edits_by_source = {str(k): edit_switches({"trim": v}, where) for k, v in by_source.items()}
            used = [self.edits_default, *self.edits_by_source.values()]
            for edit, name in (("trim", TRIMMER_FILE), ("headline", HEADLINE_FILE)):
                if any(edits[edit] for edits in used) and not (self.folder / name).is_file():
                    raise DiploError(f"{self.folder / name}: missing; the summariser settings use the {edit} edit, "
                                     "which this file holds (copy the whole checkpoint folder)")
            if (self.folder / TRIMMER_FILE).is_file():
                self.trimmer = ClauseTrimmer.load(self.folder / TRIMMER_FILE)
            if (self.folder / HEADLINE_FILE).is_file():
                self.chooser = HeadlineChooser.load(self.folder / HEADLINE_FILE)

    def _first_statements(self, examples: Examples) -> tuple[list[str], list[str | None], list[str]]:
        """Each article's first statement as the opening rules choose it (the finder is an edit dev chooses per
        source, so the edits' trees learn from the leads every source has), its headline and its reference."""
        headlines = context_column(examples.context, "headline", len(examples))
        rows = []
        for text, headline, reference in zip(examples.inputs, headlines, examples.targets):
            sentences, chosen, _ = self._lead(text, None, headline, finder=False)
            if chosen:
                rows.append((sentences[chosen[0]], headline, reference))
        return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Train the trimmer and the headline chooser on the first statement of each training article, then choose
        the edits on dev."""
        o = self.options
        o.warn_unused(train, dev)
        self._fit_finder(dev, context)
        trees = {"trees": o.trees, "learning_rate": o.learning_rate, "max_leaf_nodes": o.max_leaf_nodes,
                 "min_samples_leaf": o.min_samples_leaf, "seed": context.seed}
        statements = self._first_statements(train)
        self.trimmer = ClauseTrimmer.fit(*statements, min_words=o.min_words, **trees)
        self.chooser = HeadlineChooser(None)
        if any(usable(headline) for headline in statements[1]):  # else nothing to learn it from
            self.chooser = HeadlineChooser.fit(*statements, **trees)
        self.edits_by_source, self.edits_default = {}, dict.fromkeys(EDITS, False)
        if not len(dev):  # nothing to decide on: no edits
            return
        sources = context_column(dev.context, "source", len(dev))
        combos = [dict(zip(EDITS, on)) for on in itertools.product((False, True), repeat=len(EDITS))]
        combos = [c for c in combos if self.finder is not None or not c["finder"]]  # (no finder: nothing to switch)
        combos.sort(key=lambda c: sum(c.values()))  # fewer edits first, so a tie keeps the plainer summary
        default, by_source, means = choose_per_source(
            [self._summaries(dev.inputs, dev.context, c) for c in combos], dev.targets, sources, dev_measure(self.spec))
        self.edits_default = dict(combos[default])
        self.edits_by_source = {source: dict(combos[i]) for source, i in by_source.items()}
        self.training["edits"] = {"default": self.edits_default, "by_source": self.edits_by_source,
                                  "dev_rougeL": {"+".join(k for k, v in c.items() if v) or "none": round(float(m), 4)
                                                 for c, m in zip(combos, means)}}
        log.info("edits chosen on dev: %s", self.training["edits"])

    def _summaries(self, texts: list[str], context: Context | None, edits: dict[str, bool] | None) -> list[str]:
        """Lead-k summaries with the given edits, or with those dev chose for each article's source (None)."""
        sources = context_column(context, "source", len(texts))
        headlines = context_column(context, "headline", len(texts))
        kinds = context_column(context, "kind", len(texts))
        out = []
        for text, source, headline, kind in zip(texts, sources, headlines, kinds):
            own = self.options.source_of(source)
            use = self.edits_by_source.get(str(own), self.edits_default) if edits is None else edits
            # where dev's articles named their sources, one that names none is a new page and always gets the lead
            # finder: the held-out keyed documents measure it on such pages (data/leads/README.md), the corpora's dev
            # only on theirs (a corpus of one unnamed source: what dev chose over all of it, a review found)
            new_page = source is None and bool(self.edits_by_source)
            sentences, chosen, summary = self._lead(text, source, headline, use["finder"] or new_page, kind)
            if use["trim"] and chosen:
                summary = " ".join(self.trimmer.trim(sentences[i], headline) for i in chosen)
            out.append(self.chooser.place(summary, headline) if use["headline"] else summary)
        return out

    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        return self._summaries(texts, context, None)

    def save(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        self.save_finder(folder)
        self.trimmer.save(Path(folder) / TRIMMER_FILE)
        self.chooser.save(Path(folder) / HEADLINE_FILE)
        # what dev chose; the options themselves are the checkpoint's diplo_ml.json model block
        atomic_write_json(Path(folder) / SETTINGS_FILE, {"edits_by_source": self.edits_by_source,
                                                         "edits_default": self.edits_default})

    def card(self) -> CardInfo:
        def said(edits: dict[str, bool]) -> str:
            return " and ".join(EDIT_NAMES[k] for k, v in edits.items() if v) or "none"

        where = "; ".join(f"{s}: {said(v)}" for s, v in self.edits_by_source.items()) or "not fitted"
        return CardInfo(
            f"Lead-k with a learned clause trimmer: {self._choice()}; each may then be cut before a clause opener "
            "(', which', ', who', ', including' ...), a closing attribution or a spaced dash, keeping at least "
            f"{self.options.min_words} words and a verb, by {self.options.trees} boosted regression trees trained to "
            "predict the ROUGE-L change of each cut on the training articles; the cut is closed with a full stop, so "
            "the summary stays the article's own words in order. The article's headline may then be put first "
            "(never one that asks a question) where boosted trees, trained the same way, predict a ROUGE-L gain from "
            "how the summary opens and what the two share. "
            + ("The lead finder's move is an edit too, chosen on dev for each data source (the trees of both learn "
               "from the opening rules' leads); where dev's articles named their sources, an article that names "
               "none, such as a new page, always gets it (held-out keyed documents measure it on such pages). "
               if self.finder is not None else "")
            + f"Each edit is used where it raised dev ROUGE-L (per source: {where}; other sources: "
            f"{said(self.edits_default)}" + (f"; articles of no known source, such as new pages: as "
                                              f"{self.options.unknown_source}'s" if self.options.unknown_source else "")
            + ").")


def edit_switches(saved: object, where: str = "summariser settings", finder: bool = False) -> dict[str, bool]:
    """The edits' on/off switches from a saved settings file (a missing edit is off; a missing finder switch is
    ``finder``)."""
    if not isinstance(saved, dict) or not all(isinstance(saved.get(edit, False), bool) for edit in EDITS):
        raise DiploError(f"{where}: edits must be an object of true/false switches, not {saved!r}")
    return {edit: saved.get(edit, finder if edit == "finder" else False) for edit in EDITS}
