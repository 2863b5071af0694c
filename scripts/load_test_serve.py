"""A bounded load test of `diplo-ml serve` on loopback: a fixed number of requests at 1, 8 and 32 concurrent clients.

    python scripts/load_test_serve.py CHECKPOINT [--requests 200] [--precision bf16] [--write docs/benchmarks.md]

Starts the server (127.0.0.1, a free port) in a subprocess, sends each client's share of ``--requests`` one-paragraph
``POST /v1/tag`` requests (paragraphs of the embedded test split, in turn), and reports p50/p95 latency and
throughput per concurrency level. With ``--write`` the table replaces the load-test section of that Markdown file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
MARK_START, MARK_END = "<!-- serve-load-test:start -->", "<!-- serve-load-test:end -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def run_level(url: str, texts: list[str], clients: int, requests: int) -> dict[str, float]:
    latencies: list[float] = []
    counter = iter(range(requests))

    async def client(http: httpx.AsyncClient) -> None:
        for i in counter:
            start = time.perf_counter()
            reply = await http.post(f"{url}/v1/tag", json={"texts": [texts[i % len(texts)]]})
            reply.raise_for_status()
            latencies.append(time.perf_counter() - start)

    async with httpx.AsyncClient(timeout=120) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - start
    latencies.sort()
    return {"clients": clients, "requests": len(latencies), "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))], "requests_per_s": len(latencies) / elapsed}


def table(rows: list[dict[str, float]], checkpoint: str, precision: str) -> str:
    lines = [MARK_START, "## Serving: `diplo-ml serve` under load", "",
             f"`python scripts/load_test_serve.py {checkpoint} --precision {precision}` on this machine: one paragraph "
             "per `POST /v1/tag` request (paragraphs of the embedded test split), over loopback, micro-batching on "
             "(at most 32 texts a model call, 10 ms wait).", "",
             "| concurrent clients | requests | p50 latency | p95 latency | requests/s |",
             "| ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['clients']} | {r['requests']} | {r['p50_ms']:.0f} ms | {r['p95_ms']:.0f} ms | "
              f"{r['requests_per_s']:.1f} |" for r in rows]
    return "\n".join([*lines, "", MARK_END])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkpoint")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--precision", default="fp32")
    parser.add_argument("--write", help="Markdown file whose load-test section is replaced")
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in (ROOT / "data/processed/pillars/test.jsonl").open()]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "diplo_ml.cli", "serve", args.checkpoint, "--port", str(port),
                               "--precision", args.precision], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{url}/health").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        rows = [asyncio.run(run_level(url, texts, clients, args.requests)) for clients in (1, 8, 32)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = table(rows, args.checkpoint, args.precision)
    print(text)
    if args.write:
        path = Path(args.write)
        old = path.read_text()
        if MARK_START in old:
            old = old[: old.index(MARK_START)] + old[old.index(MARK_END) + len(MARK_END):]
        path.write_text(old.rstrip() + "\n\n" + text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
