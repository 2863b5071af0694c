"""The summarisation task: schema, references, ROUGE with CIs, faithfulness, rows, card and report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from diplo_ml.data.examples import (
    Examples,
    context_column,
    host_outlet,
    record_date,
    record_headline,
    record_outlet,
    record_title,
    site_name_outlet,
    slug_headline,
    without_row_header,
)
from diplo_ml.data.headlines import title_without_tags
from diplo_ml.data.page_kind import page_kind
from diplo_ml.data.schema import check_summary_record
from diplo_ml.errors import DataError, DiploError
from diplo_ml.faithfulness import article_source, unsupported_entity_rate
from diplo_ml.metrics import load_metric
from diplo_ml.models.base import Model, SummarisingModel, load_model
from diplo_ml.summary_stats import summary_stats
from diplo_ml.tasks import register_task
from diplo_ml.tasks.base import Task
from diplo_ml.tasks.summarise.summariser import Summariser


def fields(data_cfg: DictConfig | dict[str, Any]) -> tuple[str, str]:
    return str(data_cfg.get("text_field", "text")), str(data_cfg.get("summary_field", "summary"))


def score_summaries(predictions: list[str], sources: list[str], references: list[str], seed: int = 0,
                    bootstrap: int = 1000) -> dict[str, Any]:
    """ROUGE-1/2/L/Lsum with bootstrap 95% CIs, length statistics, novel n-grams, unsupported entities."""
    rouge = load_metric("rouge").compute(predictions=predictions, references=references, bootstrap=bootstrap,
                                         seed=seed)
    return {**rouge, **summary_stats(predictions, sources, references),
            "unsupported_entity_rate": unsupported_entity_rate(predictions, sources), "n": len(predictions)}


@register_task
class SummariseTask(Task):
    name = "summarise"
    predictor_type = Summariser
    endpoint = "summarise"
    reads_pages = True  # (a page's paragraphs scraped a row each are one article to summarise; a tagger tags each)
    endpoint_help = "A summary (and its unsupported names and numbers) for each text, or for the article."
    model_type = SummarisingModel
    headline_metrics = ("rougeL", "rouge1", "rouge2", "unsupported_entity_rate")  # ROUGE-L: what dev chooses by
    lower_is_better = frozenset({"unsupported_entity_rate", "loss", "eval_loss"})
    descriptive = frozenset({"n", "compression"})
    descriptive_prefixes = ("pred_", "ref_", "novel_")
    data_format = "summaries"
    unit = "article"
    package = Path(__file__).parent

    # data ----------------------------------------------------------------------------------------------------
    def check_record(self, record: dict[str, Any], path: str, line: int, data_cfg: DictConfig) -> None:
        text_field, summary_field = fields(data_cfg)
        check_summary_record(record, path, line, text_field=text_field, summary_field=summary_field)

    def examples(self, records: Sequence[dict[str, Any]], data_cfg: DictConfig) -> Examples:
        text_field, summary_field = fields(data_cfg)
        headline = str(data_cfg.get("headline_field") or "title")
        records = list(records)
        context = {"headline": [r.get(headline) for r in records], "source": [r.get("source") for r in records]}
        return Examples([r[text_field] for r in records], [r[summary_field] for r in records], records, context)

    # scoring -------------------------------------------------------------------------------------------------
    def score(self, outputs: list[dict[str, Any]], examples: Examples, seed: int = 0) -> dict[str, Any]:
        headlines = context_column(examples.context, "headline", len(examples))
        sources = [article_source(text, headline) for text, headline in zip(examples.inputs, headlines)]
        return score_summaries([o["summary"] for o in outputs], sources, list(examples.targets), seed=seed)

    def quick_score(self, outputs: list[dict[str, Any]], examples: Examples) -> dict[str, Any]:
        return load_metric("rouge").compute(predictions=[o["summary"] for o in outputs],
                                            references=list(examples.targets), bootstrap=0)

    # predictor -----------------------------------------------------------------------------------------------
    def make_predictor(self, model: Model, dev: Examples) -> tuple[Summariser, None]:
        assert isinstance(model, SummarisingModel)
        return Summariser(model), None

    def load_predictor(self, folder: Path, meta: dict[str, Any]) -> Summariser:
        return Summariser(load_model(folder, meta["model"], self.spec, SummarisingModel), meta)

    def prediction_row(self, examples: Examples, index: int, output: dict[str, Any]) -> dict[str, Any]:
        record = examples.records[index]
        source = {"source": record["source"]} if "source" in record else {}
        return {"id": record["id"], **source, "reference": examples.targets[index], **output,
                "source_words": len(examples.inputs[index].split())}

    def article_units(self, article: Any) -> list[dict[str, Any]]:
        return [{"doc": article.doc_id, "source": article.path, "headline": article.headline, "date": article.date,
                 "outlet": article.outlet, "text": article.summary_text,
                 "context": {"headline": article.headline, "kind": page_kind(article)}}]

    def row_fields(self, record: dict[str, Any], text: str) -> dict[str, Any]:
        """A JSONL row's headline, date and outlet, as a page's: the row's own ``headline`` (or ``title``), ``date``
        and ``outlet`` fields when it gives them, else what ingestion reads from its text (None when nothing)."""
        from diplo_ml.data.ingest import ingest_document, site_outlet

        for key in ("date", "outlet"):  # (``predict`` checks the text and headline fields of every task's rows; the
            # other date fields are read only as strings: "published_at": 1736822700 is no date and no error)
            if record.get(key) is not None and not isinstance(record[key], str):
                raise DataError(f"'{key}' must be a string, not {type(record[key]).__name__}")
        try:
            read = ingest_document(text, "row", "<row>")
            found = {"headline": read.headline, "date": read.date, "outlet": read.outlet}
        except DiploError:  # text ingestion leaves nothing of (only noise): the summary's note says so
            found = {"headline": None, "date": None, "outlet": None}
        title = record_title(record)
        found["outlet"] = found["outlet"] or (site_outlet(title) if title else None)  # "… - VnExpress International"
        found["headline"] = found["headline"] or slug_headline(record, text)  # a scraped row's address
        own = record_headline(record)
        head = own or found["headline"]
        body = without_row_header(text, own, found["headline"])
        header = text[:len(text) - len(body)]
        if head and head in header and not (found["date"] and found["outlet"]):  # a scraper's menu and headline
            try:  # run in before the lead: the stamp after the headline and the lead's dateline ("Vientiane (VNA) –")
                rest = ingest_document(header[header.rfind(head) + len(head):] + body, "row", "<row>")
                found["date"], found["outlet"] = found["date"] or rest.date, found["outlet"] or rest.outlet
            except DiploError:
                pass
        found["outlet"] = found["outlet"] or site_name_outlet(record) or host_outlet(record)  # "https://vietnamnews.vn/…"
        # (the row's own headline without a wire's or a mail's labels: "UPDATE 1-EU signals …", read 78; an outlet's
        # name before it stays: "VietnamPlus: 18 years telling …" is about it, a review found)
        given = {"headline": title_without_tags(own) if own else own, "date": record_date(record),
                 "outlet": record_outlet(record)}
        return {k: v.strip() if v and v.strip() else found[k] for k, v in given.items()}

    # documents -----------------------------------------------------------------------------------------------
    def report_section(self, run: Path, meta: dict[str, Any]) -> str:
        from diplo_ml.tasks.summarise.report import summarise_report

        return summarise_report(self, run, meta)
