"""What each `diplo-ml` subcommand does: parse nothing, call one function, print its result."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from diplo_ml.errors import DiploError


def cmd_evaluate(args: argparse.Namespace) -> int:
    from diplo_ml.files import atomic_write_text, check_output_file, model_folders
    from diplo_ml.harness import evaluate_checkpoint

    output = Path(args.output) if args.output else None
    if output is not None:
        check_output_file(output, protected=model_folders(args.checkpoint), overwrite=args.overwrite)  # first
    metrics = evaluate_checkpoint(args.checkpoint, data=args.data, split=args.split, overrides=args.override)
    text = json.dumps(metrics, indent=2)
    if output is not None:
        atomic_write_text(output, text + "\n", replace=args.overwrite)
    print(text)
    return 0


def cmd_predict(args: argparse.Namespace) -> int:
    from diplo_ml.files import check_file_path
    from diplo_ml.predict import predict_stream, predict_to_file
    from diplo_ml.predict_inputs import expand_folders
    from diplo_ml.predict_output import Output
    from diplo_ml.runs.interrupt import RunInterrupted, signals_interrupt
    from diplo_ml.runs.lock import OutputLock

    args.inputs = expand_folders(args.inputs, args.output)
    cpus = os.cpu_count() or 1
    if args.engine == "local" and args.workers > cpus:  # (Ray's actors may live on a cluster's other machines)
        raise DiploError(f"--workers {args.workers}: at most {cpus} here (this machine's CPUs); each worker loads "
                         "its own copy of the model")
    precision = "int8-dynamic" if args.quantize else args.precision
    if args.engine == "ray":
        from diplo_ml.predict_ray import predict_with_ray

        if not args.output:
            raise DiploError("--engine ray writes files: give -o OUT (a .jsonl file or a folder of Parquet shards)")
        if args.resume:
            raise DiploError("--resume continues the local engine's OUT.partial; --engine ray writes OUT whole in "
                             "one go: run it again without --resume")
        try:
            with OutputLock(args.output):
                print(predict_with_ray(args.checkpoint, args.inputs, args.output, workers=args.workers,
                                       batch_size=args.batch_size, overwrite=args.overwrite,
                                       precision=precision),
                      file=sys.stderr)
        except RunInterrupted as exc:
            print(f"interrupted ({exc}): {args.output} is as it was (Ray writes it whole at the end); run the "
                  "command again", file=sys.stderr)
            return exc.exit_code
        return 0
    if args.resume and not args.output:
        raise DiploError("--resume continues an output file: give -o OUT as well")
    if not args.output:
        with signals_interrupt():
            for rows in predict_stream(args.checkpoint, args.inputs, args.batch_size, precision, args.workers):
                sys.stdout.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        return 0
    check_file_path(Path(args.output))  # before OUT.partial is named
    out = Output(Path(args.output), args.resume, args.overwrite)
    if args.resume and out.path.is_file() and not out.partial.exists():
        print(f"{out.path} is already complete; nothing to resume", file=sys.stderr)
        return 0
    try:
        with OutputLock(out.path), signals_interrupt():
            written, resumed = predict_to_file(args.checkpoint, args.inputs, out.path, args.resume, args.batch_size,
                                               precision, args.workers, progress=sys.stderr.isatty(),
                                               overwrite=args.overwrite)
    except RunInterrupted as exc:
        if not out.partial.exists():
            then = "before any row was written; nothing to resume"
        elif "-" in args.inputs:  # standard input cannot be checked again, so it is never resumed
            then = f"{out.partial} keeps every finished row, but standard input cannot be resumed; save it to a file"
        else:
            then = f"{out.partial} keeps every finished row; continue with the same command and --resume"
        print(f"interrupted ({exc}): {then}", file=sys.stderr)
        return exc.exit_code
    note = f" (after {resumed} resumed)" if resumed else ""
    print(f"wrote {written} row{'s' * (written != 1)}{note} to {out.path}", file=sys.stderr)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from diplo_ml.data.ingest_files import ingest_files

    report = ingest_files(args.inputs, args.output, explain=args.explain, overwrite=args.overwrite)
    print(report.summary(), file=sys.stderr)
    return 0


def cmd_data(args: argparse.Namespace) -> int:
    from diplo_ml.data import corpus

    if args.data_command == "build":
        print(corpus.build(Path(args.root) if args.root else None).summary(), file=sys.stderr)
        return 0
    result = corpus.check(Path(args.root) if args.root else None)
    print(json.dumps(result.as_dict(), indent=2) if args.json else result.as_text())
    return 0 if result.ok else 1


def names_list(given: list[str], option: str) -> list[str]:
    """Comma-separated names from a repeatable option, each once; an empty name is an error, not ignored."""
    names = [name.strip() for item in given for name in item.split(",")]
    if "" in names:
        raise DiploError(f"{option}: an empty name (in {', '.join(map(repr, given))})")
    return list(dict.fromkeys(names))


def cmd_compare(args: argparse.Namespace) -> int:
    from diplo_ml.runs.compare import check_plot_path, compare, plot, render

    if args.plot:
        check_plot_path(args.plot, args.overwrite)
    group_by = names_list(args.group_by, "--group-by")
    metrics = names_list(args.metric, "--metric")
    rows, metrics, keys = compare(args.paths, group_by, metrics)
    print(render(rows, metrics, keys, args.format))
    if args.plot:
        print(f"plot written to {plot(rows, metrics, keys, args.plot, replace=args.overwrite)}", file=sys.stderr)
    return 0


def cmd_reproduce(args: argparse.Namespace) -> int:
    from diplo_ml.runs.interrupt import RunInterrupted
    from diplo_ml.runs.reproduce import reproduce

    try:
        out_dir, diffs = reproduce(Path(args.run), tolerance=args.tolerance)
    except RunInterrupted as exc:  # said where the copy is and how to go on
        return exc.exit_code
    if diffs:
        print(f"error: metrics differ from {args.run} (tolerance {args.tolerance}):", file=sys.stderr)
        for line in diffs:
            print(f"  {line}", file=sys.stderr)
        print(out_dir)
        return 1
    print(f"reproduced: every metric matches within {args.tolerance}", file=sys.stderr)
    print(out_dir)
    return 0


def cmd_resume(args: argparse.Namespace) -> int:
    from diplo_ml.runs.resume import resume_argv
    from diplo_ml.train import main as train_main

    train_main(resume_argv(Path(args.run)))
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from diplo_ml.models import weights

    if args.models_command == "list":
        for name, entry in weights.known().items():
            print(f"{name:14s} {entry.description}\n{'':14s} {entry.status()}")
        return 0
    for name in args.names or ["smollm2"]:
        prepare = weights.get(name).prepare
        if prepare is None:
            raise DiploError(f"weights '{name}' need no preparing (preparable: {', '.join(weights.preparable())})")
        try:
            print(prepare(args.force))
        except OSError as exc:  # DIPLO_CACHE names a file, a read-only or a missing place
            where = exc.filename or "the model cache"
            raise DiploError(f"{where}: {exc.strerror or exc}; the model cache must be a folder you can write: set "
                             "DIPLO_CACHE to one (or unset it for the project's .cache)") from None
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from diplo_ml.reports.brief import write_brief

    path = write_brief(args.articles, args.output, args.tagger, args.summariser, fmt=args.format,
                       batch_size=args.batch_size, overwrite=args.overwrite)
    print(f"brief written to {path}", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from diplo_ml.reports.run_report import write_report

    print(write_report(args.run, overwrite=args.overwrite))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from diplo_ml.bench import check_markdown_path, run_bench, summary, write_markdown

    output = Path(args.markdown) if args.markdown else None
    if output is not None:
        check_markdown_path(output, args.checkpoint, args.overwrite)  # before anything is trained or measured
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    with contextlib.redirect_stdout(sys.stderr):  # library prints (Trainer logs) never mix with the result
        result = run_bench(args.checkpoint, repeats=args.repeats, batch_size=args.batch_size, limit=args.limit,
                           article_limit=args.articles, train_steps=args.train_steps, naive=not args.no_naive,
                           paths_to_measure=[x for item in args.paths for x in item.split(",") if x] or None,
                           sweep=args.sweep, data=args.data)
    if output is not None:
        write_markdown(output, result, "diplo-ml bench " + " ".join(sys.argv[2:]), args.overwrite)
        print(f"written to {output}", file=sys.stderr)
    print(json.dumps(result) if args.json else summary(result))
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from diplo_ml import annotate

    if args.annotate_command == "select":
        print(annotate.select(args.checkpoint, args.articles, args.n, args.output, args.per_article,
                              overwrite=args.overwrite), file=sys.stderr)
    else:
        print(annotate.import_export(args.export, args.output, dev=args.dev, test=args.test,
                                     overwrite=args.overwrite, control=args.control,
                                     disagreement=args.disagreement), file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from diplo_ml.serve import Limits, serve

    return serve(args.checkpoints, args.host, args.port,
                 Limits(max_batch=args.max_batch, max_wait_ms=args.max_wait_ms, max_texts=args.max_texts,
                        max_chars=args.max_chars), precision=args.precision)
