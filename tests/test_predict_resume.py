"""`predict -o OUT --resume` continues OUT.partial only with the checkpoint, precision and inputs that wrote it
(recorded in OUT.partial.json), so no row is lost or written twice; a damaged partial is a one-line error.

The partial outputs are made in-process: a run of 4-row chunks whose third chunk fails, as a crash would.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplo_ml import predict
from diplo_ml.cli import main as cli_main
from diplo_ml.errors import DataError, DiploError
from diplo_ml.predict import predict_to_file

from .conftest import scratch, write_pillar_split
from .test_hostile import _checkpoint, copy_checkpoint, edit_meta, jsonl

ROWS = [json.dumps({"id": f"r{i}", "text": text}) for i, text in enumerate(
    ["Vietnam and the EU agreed to raise trade and investment.", "A festival of Vietnamese films opened in Paris.",
     "The ministers met at the United Nations in New York.", "The embassy helped citizens stranded abroad."] * 5)]
CHUNK = 4


def copy_with_new_times(checkpoint: Path, target: Path) -> Path:
    """A copy as ``cp -r`` makes it: the same bytes, every file's mtime new."""
    shutil.copytree(checkpoint, target, copy_function=shutil.copyfile)
    for path in target.rglob("*"):
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    return target


def test_a_copy_made_without_keeping_times_resumes(made, tmp_path, monkeypatch):
    """``cp -r`` gives every file a new mtime; the weights (here padded past a megabyte) are the same bytes."""
    first = copy_with_new_times(made["tagger"] / "checkpoint", tmp_path / "first")
    (first / "padding.txt").write_bytes(b"x" * (3 << 20))
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    crashed_run(first, [src], out, monkeypatch)
    again = copy_with_new_times(first, tmp_path / "again")
    assert predict_to_file(again, [src], out, resume=True, chunk=CHUNK) == (len(ROWS) - 2 * CHUNK, 2 * CHUNK)


def test_a_record_that_kept_the_weights_size_and_time_still_resumes(made, tmp_path, monkeypatch):
    """Records written before weights were hashed hold [size, mtime] for them; an unchanged checkpoint resumes."""
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"] / "checkpoint", [src], out, monkeypatch)
    record = partial.with_name(partial.name + ".json")
    saved = json.loads(record.read_text())
    folder = Path(saved["checkpoint"]["folder"])
    largest = max(saved["checkpoint"]["files"], key=lambda name: (folder / name).stat().st_size)
    saved["checkpoint"]["files"][largest] = [(folder / largest).stat().st_size, (folder / largest).stat().st_mtime_ns]
    record.write_text(json.dumps(saved))
    assert predict_to_file(made["tagger"], [src], out, resume=True, chunk=CHUNK) == (len(ROWS) - 2 * CHUNK, 2 * CHUNK)


class Crash(Exception):
    """Stands for a kill or a crash in the middle of a run."""


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Iterator[dict[str, Path]]:
    """A TF-IDF tagger and a Lead summariser, made by the harness as in test_hostile (seconds, no Trainer)."""
    with scratch(tmp_path_factory, "resume") as base:
        data = write_pillar_split(base / "data")
        yield {"tagger": _checkpoint(base / "tagger", ["model=tfidf", "data=pillars_folder", f"data.dir={data}"]),
               "summariser": _checkpoint(base / "summariser", ["task=summarise", "data=summaries_embedded",
                                                               "model=lead", "debug=smoke"])}


def crashed_run(checkpoint: Path, inputs: list[str], out: Path, monkeypatch, chunks: int = 2,
                overwrite: bool = False) -> Path:
    """Predict ``inputs`` to ``out`` in 4-row chunks and crash after ``chunks`` of them; return OUT.partial."""
    real, done, existed = predict.predict_units, [], out.read_bytes() if out.exists() else None

    def then_crash(predictor, batch):
        if len(done) == chunks:
            raise Crash
        done.append(batch)
        return real(predictor, batch)

    with monkeypatch.context() as patch:
        patch.setattr(predict, "predict_units", then_crash)
        with pytest.raises(Crash):
            predict_to_file(checkpoint, inputs, out, chunk=CHUNK, overwrite=overwrite)
    partial = out.with_name(out.name + ".partial")
    assert len(partial.read_text().splitlines()) == chunks * CHUNK
    assert (out.read_bytes() if out.exists() else None) == existed  # OUT is replaced only at the end
    return partial


def test_resume_never_replaces_an_output_another_command_wrote_since(made, tmp_path, monkeypatch, capsys):
    """A resume replaced whatever OUT held by then: a file another command wrote after the crash was lost."""
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"], [src], out, monkeypatch)
    out.write_text('{"micro_f1": 0.5}\n')  # evaluate -o OUT, run after the crash
    before = partial.read_bytes()
    err = refused(["predict", str(made["tagger"]), src, "-o", str(out), "--resume"], capsys)
    assert f"{out} exists and is not known to be the file this output was started to replace (it was written since)" \
        in err
    assert out.read_text() == '{"micro_f1": 0.5}\n' and partial.read_bytes() == before
    assert cli_main(["predict", str(made["tagger"]), src, "-o", str(out), "--resume", "--overwrite"]) == 0
    assert ids(out) == [f"r{i}" for i in range(len(ROWS))] and not partial.exists()


def test_resume_of_a_partial_whose_record_is_older_than_replaces_says_so(made, tmp_path, monkeypatch, capsys):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n')
    partial = crashed_run(made["tagger"], [src], out, monkeypatch, overwrite=True)
    record = partial.with_name(partial.name + ".json")
    record.write_text(json.dumps({k: v for k, v in json.loads(record.read_text()).items() if k != "replaces"}))
    err = refused(["predict", str(made["tagger"]), src, "-o", str(out), "--resume"], capsys)
    assert "out.jsonl.partial.json is missing or from an older diplo-ml, which did not note it" in err
    assert out.read_text() == '{"id": "old"}\n'
    assert cli_main(["predict", str(made["tagger"]), src, "-o", str(out), "--resume", "--overwrite"]) == 0


def test_resume_of_an_overwrite_replaces_the_file_it_was_started_to_replace(made, tmp_path, monkeypatch, capsys):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n')
    crashed_run(made["tagger"], [src], out, monkeypatch, overwrite=True)
    assert cli_main(["predict", str(made["tagger"]), src, "-o", str(out), "--resume"]) == 0  # --overwrite not repeated
    assert ids(out) == [f"r{i}" for i in range(len(ROWS))]


def test_an_output_written_while_a_resume_ran_is_kept(made, tmp_path, monkeypatch, capsys):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"], [src], out, monkeypatch)
    real_finish = predict.Output.finish

    def finish_after_another_writer(self, handle):
        out.write_text('{"micro_f1": 0.5}\n')
        real_finish(self, handle)

    monkeypatch.setattr(predict.Output, "finish", finish_after_another_writer)
    assert "was written by another command while this one ran" in refused(
        ["predict", str(made["tagger"]), src, "-o", str(out), "--resume"], capsys)
    assert out.read_text() == '{"micro_f1": 0.5}\n' and len(partial.read_text().splitlines()) == len(ROWS)


def refused(args: list[str], capsys) -> str:
    """The one-line error a command stops with (exit 2, no traceback)."""
    code = cli_main(args)
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err, err[-800:]
    assert len([line for line in err.splitlines() if line.startswith("error:")]) == 1, err
    return err


def ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def other_checkpoint(made: dict[str, Path], tmp: Path, which: str) -> Path:
    """The summariser (another task), or a copy of the tagger with a retuned threshold (another tagger)."""
    if which == "summariser":
        return made["summariser"]
    edit_meta(lambda meta: meta["thresholds"].update(economic=0.3))(made, tmp)
    return tmp / "tagger_ckpt"


@pytest.mark.parametrize("which", ["summariser", "retuned tagger"])
def test_resume_with_another_checkpoint_is_refused_and_the_partial_kept(which, made, tmp_path, capsys, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"], [src], out, monkeypatch)
    before = partial.read_bytes()
    err = refused(["predict", str(other_checkpoint(made, tmp_path, which)), src, "-o", str(out), "--resume"], capsys)
    assert f"{partial} was written by checkpoint {(made['tagger'] / 'checkpoint').resolve()}, not" in err
    assert partial.read_bytes() == before and not out.exists()


def test_resume_with_another_precision_is_refused(made, tmp_path, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    crashed_run(made["tagger"], [src], out, monkeypatch)
    with pytest.raises(DiploError, match="was written with --precision fp32, not bf16"):
        predict_to_file(made["tagger"], [src], out, resume=True, precision="bf16")


@pytest.mark.parametrize("edit", ["10 lines inserted at the top", "a line before the cut reworded",
                                  "a line after the cut reworded"])
def test_resume_after_the_inputs_were_edited_is_refused(edit, made, tmp_path, capsys, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"], [src], out, monkeypatch)
    before = partial.read_bytes()
    rows = list(ROWS)
    if edit.startswith("10 lines"):
        rows[:0] = [json.dumps({"id": f"NEW{i}", "text": "Vietnam and Japan signed a trade deal."}) for i in range(10)]
    else:  # the same number of lines, so the key of the last row written still matches
        rows[2 if "before" in edit else 15] = json.dumps({"id": "r2", "text": "A new embassy opened in Oslo."})
    jsonl(tmp_path, "in.jsonl", rows)
    err = refused(["predict", str(made["tagger"]), src, "-o", str(out), "--resume"], capsys)
    assert f"input {src} changed since {partial} was written" in err
    assert partial.read_bytes() == before and not out.exists()


def test_resume_with_other_inputs_is_refused(made, tmp_path, capsys, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    crashed_run(made["tagger"], [src], out, monkeypatch)
    more = jsonl(tmp_path, "more.jsonl", ROWS[:3])
    err = refused(["predict", str(made["tagger"]), src, more, "-o", str(out), "--resume"], capsys)
    assert "was written from" in err and "more.jsonl" in err


@pytest.mark.parametrize("how", ["the same checkpoint", "its run folder", "a copy with the same files"])
def test_resume_with_the_same_checkpoint_and_inputs_writes_every_row_once(how, made, tmp_path, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"] / "checkpoint", [src], out, monkeypatch)
    record = partial.with_name(partial.name + ".json")
    assert json.loads(record.read_text())["inputs"][0]["path"] == str(Path(src).resolve())
    again = {"the same checkpoint": made["tagger"] / "checkpoint", "its run folder": made["tagger"],
             "a copy with the same files": copy_checkpoint(made, tmp_path)}[how]
    assert predict_to_file(again, [src], out, resume=True, chunk=CHUNK) == (len(ROWS) - 2 * CHUNK, 2 * CHUNK)
    whole = tmp_path / "whole.jsonl"
    predict_to_file(made["tagger"], [src], whole)
    assert ids(out) == [f"r{i}" for i in range(len(ROWS))] and out.read_text() == whole.read_text()
    assert not partial.exists() and not record.exists()


def test_a_mended_bad_line_resumes_and_an_edit_before_it_is_refused(made, tmp_path):
    bad = ROWS[:10] + ['{"text": '] + ROWS[11:]
    src, out = jsonl(tmp_path, "in.jsonl", bad), tmp_path / "out.jsonl"
    with pytest.raises(DataError, match=r"in.jsonl:11: malformed JSON .*\(8 rows before it are kept"):
        predict_to_file(made["tagger"], [src], out, chunk=CHUNK)
    jsonl(tmp_path, "in.jsonl", ROWS[:1] + ['{"id": "r1", "text": "Edited."}'] + ROWS[2:])  # mended, and line 2 edited
    with pytest.raises(DiploError, match="input .*in.jsonl changed since"):
        predict_to_file(made["tagger"], [src], out, resume=True, chunk=CHUNK)
    jsonl(tmp_path, "in.jsonl", ROWS)  # only the bad line mended: the rows written are still those of the input
    assert predict_to_file(made["tagger"], [src], out, resume=True, chunk=CHUNK) == (len(ROWS) - 8, 8)
    assert ids(out) == [f"r{i}" for i in range(len(ROWS))]


@pytest.mark.parametrize("tail", ["", '{"id": "r8", "sour'])
def test_a_torn_last_line_or_an_empty_partial_still_resumes(tail, made, tmp_path, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"], [src], out, monkeypatch)
    if tail:
        partial.write_text(partial.read_text() + tail)
    else:
        partial.write_text("")
    resumed = 0 if not tail else 2 * CHUNK
    assert predict_to_file(made["tagger"], [src], out, resume=True) == (len(ROWS) - resumed, resumed)
    assert ids(out) == [f"r{i}" for i in range(len(ROWS))]


def test_a_partial_without_a_record_resumes_with_a_note(made, tmp_path, capsys, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"], [src], out, monkeypatch)
    partial.with_name(partial.name + ".json").unlink()  # as an older diplo-ml left it
    assert cli_main(["predict", str(made["tagger"]), src, "-o", str(out), "--resume"]) == 0
    assert "only its last row is checked" in capsys.readouterr().err
    assert ids(out) == [f"r{i}" for i in range(len(ROWS))]


@pytest.mark.parametrize("line, message", [("[1, 2]", "a JSON list, not a row"), ("{}", "a row with no 'source'")])
def test_a_partial_line_that_is_not_a_row_is_a_one_line_error(line, message, made, tmp_path, capsys, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"], [src], out, monkeypatch)
    partial.write_text(partial.read_text() + line + "\n")
    before = partial.read_bytes()
    err = refused(["predict", str(made["tagger"]), src, "-o", str(out), "--resume"], capsys)
    assert f"{partial}:{2 * CHUNK + 1}: {message}" in err
    assert partial.read_bytes() == before


def test_standard_input_cannot_be_resumed(made, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    jsonl(tmp_path, "out.jsonl.partial", [])
    err = refused(["predict", str(made["tagger"]), "-", "-o", str(out), "--resume"], capsys)
    assert "standard input (-) cannot be resumed" in err


def test_a_damaged_record_is_a_one_line_error(made, tmp_path, capsys, monkeypatch):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    partial = crashed_run(made["tagger"], [src], out, monkeypatch)
    partial.with_name(partial.name + ".json").write_text('{"format": 1, "inputs": 3}')
    assert "corrupt resume record" in refused(["predict", str(made["tagger"]), src, "-o", str(out), "--resume"],
                                              capsys)


def test_a_fresh_run_removes_a_record_left_behind(made, tmp_path):
    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    stale = tmp_path / "out.jsonl.partial.json"
    stale.write_text("{}")  # its partial was deleted to start over
    predict_to_file(made["tagger"], [src], out, chunk=CHUNK)
    assert not stale.exists() and ids(out) == [f"r{i}" for i in range(len(ROWS))]


def test_a_bad_line_in_a_file_given_twice_is_cut_in_its_first_copy(tmp_path):
    from diplo_ml.predict_inputs import row_key
    from diplo_ml.predict_record import cut_at

    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps({"text": f"Trade rose {i}."}) + "\n" for i in range(5)))
    cut = cut_at([str(src), str(src)], row_key({"source": str(src), "line": 3}))
    assert cut is not None and cut["input"] == 0 and cut["lines"] == 3


def test_an_output_being_written_is_refused_to_a_second_writer(made, tmp_path, capsys):
    """One writer per output file: a second `predict -o` (or `--resume`) onto it while the first runs is one line."""
    from diplo_ml.runs.lock import OutputLock

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(ROWS) + "\n")
    out = tmp_path / "out.jsonl"
    with OutputLock(out):
        for extra in ([], ["--resume"]):
            code = cli_main(["predict", str(made["tagger"]), str(src), "-o", str(out), *extra])
            err = capsys.readouterr().err
            assert code == 2 and f"{out} is being written by pid {os.getpid()}" in err, err
        assert not out.exists() and not Path(f"{out}.partial").exists()
    assert not (tmp_path / ".out.jsonl.lock").exists()  # removed with the lock
    assert cli_main(["predict", str(made["tagger"]), str(src), "-o", str(out)]) == 0
    assert ids(out) == [f"r{i}" for i in range(len(ROWS))] and not (tmp_path / ".out.jsonl.lock").exists()


def test_a_worker_that_dies_ends_the_run_in_one_line_that_keeps_the_rows_for_resume(made, tmp_path, monkeypatch):
    """A --workers process killed (or out of memory) ended the run with a BrokenProcessPool traceback."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class PoolWithADeadWorker:  # the third chunk's worker dies
        def __init__(self, *args, **kwargs) -> None:
            self.submitted = 0

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            pass

        def submit(self, fn, batch) -> Future:
            future: Future = Future()
            self.submitted += 1
            if self.submitted <= 2:
                future.set_result(real(predict.open_predictor(made["tagger"])[1], batch))
            else:
                future.set_exception(BrokenProcessPool("A process in the process pool was terminated abruptly"))
            return future

        def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
            pass

    src, out = jsonl(tmp_path, "in.jsonl", ROWS), tmp_path / "out.jsonl"
    real = predict.predict_units
    with monkeypatch.context() as patch:
        patch.setattr(predict, "ProcessPoolExecutor", PoolWithADeadWorker)
        with pytest.raises(DiploError) as err:
            predict_to_file(made["tagger"], [src], out, chunk=CHUNK, workers=2)
    assert str(err.value).startswith("a --workers process died") and "8 rows are kept" in str(err.value)
    assert "--resume" in str(err.value) and len(ids(out.with_name(out.name + ".partial"))) == 8
    predict_to_file(made["tagger"], [src], out, chunk=CHUNK, resume=True)
    assert ids(out) == [f"r{i}" for i in range(len(ROWS))]


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_workers_end_with_a_predict_killed_by_sigkill(made, tmp_path):
    """`kill -9` of `predict --workers 2` left its workers running, each holding the model (probe s35)."""
    import signal
    import subprocess
    import sys
    import time

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": f"Vietnam and Japan agreed on trade talks {i}."}) + "\n"
                           for i in range(200_000)))
    run = subprocess.Popen([sys.executable, "-m", "diplo_ml.cli", "predict", str(made["tagger"]), str(src), "-o",
                            str(tmp_path / "out.jsonl"), "--workers", "2"], stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(workers := [c for c in _children(run.pid)
                                                     if "spawn_main" in Path(f"/proc/{c}/cmdline").read_text()]) < 2:
        time.sleep(0.2)
    assert len(workers) == 2
    time.sleep(2)  # their models loaded
    run.send_signal(signal.SIGKILL)
    run.wait()
    def running(pid: int) -> bool:  # (a zombie that no one has reaped yet has ended)
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "Z"
        except OSError:
            return False

    deadline = time.time() + 20
    while time.time() < deadline and any(map(running, workers)):
        time.sleep(0.2)
    alive = [w for w in workers if running(w)]
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert not alive
