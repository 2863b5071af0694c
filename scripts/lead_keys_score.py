"""Score a summariser checkpoint on keyed documents (data/leads/README.md): `diplo-ml predict` on each folder's
docs, then per document whether the summary begins with the key's lead and the headline equals the key's.

    python scripts/lead_keys_score.py RUN/checkpoint data/leads/heldout [-v]

A summary is right when it begins with the lead (lead_keys.begins_with_lead: its first two thirds, at least 40
characters, compared without case, curly quotes, dashes' kinds and spacing); a file whose rows make several articles is
judged by its first."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from diplo_ml.models.summarise.lead_keys import KEY_FILE, begins_with_lead, key_files, plain, read_key


def score_folder(checkpoint: Path, folder: Path, verbose: bool) -> tuple[int, int, int]:
    """(summaries right, headlines right, documents) for one folder of keyed documents."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "predictions.jsonl"
        done = subprocess.run([sys.executable, "-m", "diplo_ml.cli", "predict", str(checkpoint), str(folder / "docs"),
                               "-o", str(out)], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{folder}: predict failed: {done.stderr.strip().splitlines()[-1:]}")
        first: dict[str, dict] = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            first.setdefault(Path(record.get("source") or "").name, record)
    rows = read_key(folder / KEY_FILE)
    summaries = headlines = 0
    for row in rows:
        got = first.get(row["file"], {})
        summary_ok = begins_with_lead(got.get("summary"), row["lead"])
        headline_ok = plain(got.get("headline")) == plain(row.get("headline"))
        summaries += summary_ok
        headlines += headline_ok
        if verbose and not (summary_ok and headline_ok):
            verdict = f"summary {'ok' if summary_ok else 'MISS'}, headline {'ok' if headline_ok else 'MISS'}"
            print(f"  {row['file']}: {verdict}\n    want: {row['lead'][:100]}")
            print(f"    got:  {(got.get('summary') or '')[:100]}")
    return summaries, headlines, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("root", type=Path, help="a folder of keyed folders (each with docs/ and KEY.jsonl)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show each miss")
    args = parser.parse_args()
    totals = [0, 0, 0]
    for key in key_files(args.root):
        scores = score_folder(args.checkpoint, key.parent, args.verbose)
        totals = [a + b for a, b in zip(totals, scores)]
        print(f"{key.parent.name}: summaries {scores[0]}/{scores[2]}, headlines {scores[1]}/{scores[2]}")
    print(f"all: summaries {totals[0]}/{totals[2]}, headlines {totals[1]}/{totals[2]}")


if __name__ == "__main__":
    main()
