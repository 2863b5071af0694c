#!/usr/bin/env bash
# Corpus-scale check of `diplo-ml predict`: N paragraphs (the embedded corpus's paragraphs repeated under new ids)
# through predict -o, stopped with SIGTERM after KILL_AFTER seconds, then --resume; prints the rows written before
# the stop, whether every id is there once and in order, and each process's peak memory and wall time.
#   bash scripts/predict_scale_check.sh RUN_OR_CHECKPOINT [N=100000] [KILL_AFTER=60] [PRECISION=bf16]
set -euo pipefail
CK=$(realpath "$1"); N=${2:-100000}; KILL_AFTER=${3:-60}; PRECISION=${4:-bf16}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; cd "$WORK"
"$PY" - "$ROOT" "$N" <<'PY'
import itertools, json, sys
root, n = sys.argv[1], int(sys.argv[2])
rows = [json.loads(line) for split in ("train", "dev", "test")
        for line in open(f"{root}/data/processed/pillars/{split}.jsonl", encoding="utf-8")]
with open("in.jsonl", "w", encoding="utf-8") as out:
    for i, row in zip(range(n), itertools.cycle(rows)):
        out.write(json.dumps({"id": f"p{i:07d}", "text": row["text"]}) + "\n")
PY
PREDICT=("$PY" -m diplo_ml.cli predict "$CK" in.jsonl -o out.jsonl --precision "$PRECISION")
/usr/bin/time -v -o time1.txt "${PREDICT[@]}" 2> run1.log &
sleep "$KILL_AFTER"; pkill -TERM -f "^$PY -m diplo_ml.cli predict $CK in.jsonl" || true; wait || true
echo "rows written before SIGTERM: $(wc -l < out.jsonl.partial)"
/usr/bin/time -v -o time2.txt "${PREDICT[@]}" --resume 2> run2.log
"$PY" - "$N" <<'PY'
import json, sys
n = int(sys.argv[1])
ids = [json.loads(line)["id"] for line in open("out.jsonl", encoding="utf-8")]
print(f"rows {len(ids)}, unique {len(set(ids))}, every id once and in order: {ids == [f'p{i:07d}' for i in range(n)]}")
for name in ("time1.txt", "time2.txt"):
    t = dict(line.strip().split(": ", 1) for line in open(name) if ": " in line)
    print(f"{name[:5]}: peak RSS {int(t['Maximum resident set size (kbytes)']) // 1024} MB, "
          f"wall {t['Elapsed (wall clock) time (h:mm:ss or m:ss)']}, exit {t['Exit status']}")
PY
