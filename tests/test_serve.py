"""`diplo-ml serve`: the HTTP API over real HTTP on localhost (uvicorn in a thread), limits and micro-batching."""

from __future__ import annotations

import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from diplo_ml.errors import DiploError
from diplo_ml.predict import predict_files
from diplo_ml.serve import Limits, create_app, load_served

from .conftest import FIXTURES, write_pillar_split
from .test_hostile import _checkpoint


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, tries: int = 200) -> None:
    """Until the server at ``url`` answers /health (it loads its models first)."""
    for _ in range(tries):
        try:
            if httpx.get(f"{url}/health").status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    base = tmp_path_factory.mktemp("serve")
    data = write_pillar_split(base / "data")
    tagger = _checkpoint(base / "tagger", ["model=tfidf", "data=pillars_folder", f"data.dir={data}"])
    summariser = _checkpoint(base / "summariser", ["task=summarise", "data=summaries_embedded", "model=lead",
                                                   "debug=smoke"])
    limits = Limits(max_batch=8, max_wait_ms=20, max_texts=16, max_chars=2000, max_bytes=200_000)
    served = load_served([str(tagger), str(summariser)])
    app = create_app(served, limits)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(url)
    yield {"url": url, "tagger": tagger, "summariser": summariser, "app": app, "served": served, "limits": limits}
    srv.should_exit = True
    thread.join(timeout=10)


def test_health_models_and_openapi(server):
    assert httpx.get(f"{server['url']}/health").json()["status"] == "ok"
    models = httpx.get(f"{server['url']}/v1/models").json()
    tagger = next(m for m in models if m["task"] == "pillars")
    assert tagger["labels"] == ["economic", "cultural", "multilateral", "citizen_protection"]
    assert set(tagger["thresholds"]) == set(tagger["labels"]) and tagger["class"].endswith("TfidfTagger")
    spec = httpx.get(f"{server['url']}/openapi.json").json()
    assert {"/v1/tag", "/v1/summarise", "/v1/models", "/health"} <= set(spec["paths"])


def test_tag_texts_equals_predict_and_the_python_api(server, tmp_path):
    import diplo_ml

    texts = ["Vietnam and Japan signed a loan for a metro line.", "The embassy flew stranded citizens home.",
             "HANOI (VNA) – Vietnam and the United Nations agreed on a new cooperation plan."]
    reply = httpx.post(f"{server['url']}/v1/tag", json={"texts": texts})
    assert reply.status_code == 200, reply.text
    results = reply.json()["results"]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    local = list(predict_files(server["tagger"], [str(src)]))
    api = diplo_ml.load(server["tagger"]).predict(texts)
    assert [r["tags"] for r in results] == [r["tags"] for r in local] == [r["tags"] for r in api]
    assert [r["scores"] for r in results] == [r["scores"] for r in local] == [r["scores"] for r in api]
    # every way in reads the paragraph as the tagger trained on it: without its wire dateline
    tagger = diplo_ml.load(server["tagger"])
    with_dateline, without = tagger.model.scores([texts[2], texts[2].split("– ", 1)[1]])
    assert (with_dateline != without).any() and results[2]["scores"] == {
        label: round(float(s), 4) for label, s in zip(tagger.labels, without)}


def test_a_headline_sent_with_an_article_is_its_headline(server):
    article = "Hanoi (VNA) - Vietnam and the EU agreed to expand trade.\n\nConsular staff helped citizens evacuate."
    reply = httpx.post(f"{server['url']}/v1/summarise",
                       json={"article": article, "headline": "EU and Vietnam deepen trade ties"})
    assert reply.status_code == 200, reply.text
    assert reply.json()["results"][0]["headline"] == "EU and Vietnam deepen trade ties"



def test_text_in_another_language_gets_a_note(server):
    from diplo_ml.data.language import NOT_ENGLISH

    from .test_language import ENGLISH, OTHER_LANGUAGES

    reply = httpx.post(f"{server['url']}/v1/tag", json={"texts": [ENGLISH, OTHER_LANGUAGES["german"]]})
    assert reply.status_code == 200, reply.text
    assert [r.get("note") for r in reply.json()["results"]] == [None, NOT_ENGLISH]


def test_tag_and_summarise_a_raw_article(server):
    article = (FIXTURES / "article_vna.txt").read_text()
    tagged = httpx.post(f"{server['url']}/v1/tag", json={"article": article}).json()["results"]
    assert tagged and all({"paragraph_index", "text", "tags", "scores"} <= set(r) for r in tagged)
    summary = httpx.post(f"{server['url']}/v1/summarise", json={"article": article}).json()["results"]
    assert len(summary) == 1 and summary[0]["summary"] and "text" not in summary[0]
    assert not any("context" in r for r in tagged + summary)  # what the model was fed is not part of the answer


@pytest.mark.parametrize(("payload", "status", "message"), [
    ({"texts": []}, 422, "at least 1"),
    ({"texts": ["x"] * 17}, 422, "at most 16"),
    ({"texts": ["y" * 2001]}, 422, "at most 2000"),
    ({"texts": ["  "]}, 422, "texts[0] is empty"),
    ({}, 422, "either 'texts' or 'article'"),
    ({"texts": ["a"], "article": "b"}, 422, "either 'texts' or 'article'"),
    ({"article": "Trade rose.", "context": ["x"]}, 422, "'context' goes with 'texts'"),
    ({"texts": ["a"], "model": "nope"}, 404, "no Tagger model named 'nope' is loaded"),
    ({"texts": ["a"], "model": ""}, 404, "no Tagger model named '' is loaded"),
    ({"texts": ["Vietnam \ud800 trade"]}, 422, "texts[0] holds a lone surrogate at character 8"),
    ({"article": "Hanoi \udc00 talks"}, 422, "unable to parse raw data as a unicode string"),
    ({"texts": ["Trade rose."], "headline": "Hanoi \udc00 talks"}, 422, "unable to parse raw data as a unicode"),
    ({"texts": ["Trade rose."], "context": ["Before \ud800"]}, 422, "context[0] holds a lone surrogate"),
    ({"texts": ["Trade rose."], "headlin": "Talks"}, 422, "extra_forbidden"),  # a misspelt key is not dropped
    ({"texts": ["Trade rose."], "context": ["z" * 2001]}, 422, "context[0] has 2001 characters (at most 2000)"),
    ({"texts": ["Trade rose."], "headline": "h" * 2001}, 422, "at most 2000 characters"),
])
def test_bad_requests_get_clear_4xx(server, payload, status, message):
    reply = httpx.post(f"{server['url']}/v1/tag", content=json.dumps(payload).encode("ascii"),  # \u escapes kept
                       headers={"content-type": "application/json"})
    assert reply.status_code == status
    assert message in reply.text


def test_a_body_that_is_not_utf8_is_422_saying_so(server):
    reply = httpx.post(f"{server['url']}/v1/tag", content=b'{"texts": ["abc \xff\xfe def"]}',
                       headers={"content-type": "application/json"})
    assert reply.status_code == 422 and "not JSON in UTF-8" in reply.json()["detail"]
    assert httpx.get(f"{server['url']}/v1/nothing").status_code == 404  # other HTTP errors as before


def test_oversized_body_is_413(server):
    reply = httpx.post(f"{server['url']}/v1/tag", content=b'{"texts": ["' + b"z" * 300_000 + b'"]}',
                       headers={"content-type": "application/json"})
    assert reply.status_code == 413 and "over the limit" in reply.text


def test_oversized_chunked_body_is_413_and_a_small_one_is_served(server):
    """A streamed body has no Content-Length: the limit counts the bytes as they arrive."""
    def chunks(size: int):
        yield b'{"texts": ["'
        for _ in range(size // 10_000):
            yield b"z" * 10_000
        yield b'"]}'

    url, headers = f"{server['url']}/v1/tag", {"content-type": "application/json"}
    reply = httpx.post(url, content=chunks(300_000), headers=headers)
    assert reply.status_code == 413 and "over the limit" in reply.text
    reply = httpx.post(url, content=chunks(0), headers=headers)  # under the limit, streamed: answered as usual
    assert reply.status_code == 422 and "texts[0] is empty" in reply.text


def _served(server) -> dict:
    return next(m for m in httpx.get(f"{server['url']}/v1/models").json() if m["task"] == "pillars")["served"]


def test_concurrent_requests_are_micro_batched(server):
    before = _served(server)
    texts = [f"Exports of rice rose by {i} percent." for i in range(24)]

    def call(text: str) -> list[str]:
        return httpx.post(f"{server['url']}/v1/tag", json={"texts": [text]}, timeout=30).json()["results"][0]["tags"]

    with ThreadPoolExecutor(12) as pool:
        tags = list(pool.map(call, texts))
    assert len(tags) == 24
    after = _served(server)
    texts_done, batches = after["texts"] - before["texts"], after["batches"] - before["batches"]
    assert texts_done == 24 and batches < 24  # several one-text requests shared a model call


def test_a_request_that_breaks_the_model_fails_alone(server, monkeypatch):
    """Requests are batched together; when the model call fails, each request is retried alone, so only the one
    that breaks it gets the error."""
    predictor = next(m for m in server["served"] if m.task.name == "pillars").predictor
    predict = predictor.predict

    calls: list[int] = []

    def fragile(texts, context=None, **kwargs):
        if any("POISON" in t for t in texts):
            calls.append(len(texts))
            raise RuntimeError("the model cannot read this text")
        return predict(texts, context, **kwargs)

    monkeypatch.setattr(predictor, "predict", fragile)
    monkeypatch.setattr(server["limits"], "max_wait_ms", 1000)  # the 12 requests surely share batches (8 + 4)
    texts = [f"Exports of rice rose by {i} percent." for i in range(11)] + ["POISON trade talks"]

    def call(text: str) -> httpx.Response:
        return httpx.post(f"{server['url']}/v1/tag", json={"texts": [text]}, timeout=30)

    with ThreadPoolExecutor(12) as pool:
        replies = list(pool.map(call, texts))
    assert [r.status_code for r in replies] == [200] * 11 + [500]
    assert replies[11].json() == {"detail": "the model failed on this request (RuntimeError: the model cannot read "
                                            "this text)"}
    assert max(calls) > 1  # the poison was batched with others (the case the retry is for), then failed alone


@pytest.mark.parametrize("wait", ["1e9", "1000.5", "-1", "inf"])
def test_a_batch_wait_beyond_a_second_is_refused(wait, capsys):
    """--max-wait-ms 1e9 was accepted: a lone request was never answered and held the server's shutdown."""
    from diplo_ml.cli import main as cli_main

    with pytest.raises(SystemExit) as stop:
        cli_main(["serve", "no-such-run", "--max-wait-ms", wait])
    assert stop.value.code == 2 and "must be a number from 0 to 1000" in capsys.readouterr().err


def test_a_port_in_use_is_one_line_before_the_models_load(tmp_path):
    import socket

    from diplo_ml.errors import DiploError
    from diplo_ml.serve import check_port

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(DiploError, match=f"cannot listen on 127.0.0.1:{port} .*pick another --port"):
            check_port("127.0.0.1", port)
    check_port("127.0.0.1", port)  # free again
    with pytest.raises(DiploError, match="--host no.such.host.invalid: not an address"):
        check_port("no.such.host.invalid", 8000)


def test_a_host_that_is_not_this_machine_is_named_not_the_port():
    from diplo_ml.serve import check_port

    with pytest.raises(DiploError, match="--host 192.0.2.1: not an address of this machine"):
        check_port("192.0.2.1", 0)  # TEST-NET-1: never a local address


def test_a_request_whose_client_hung_up_is_not_computed(server, monkeypatch):
    """Abandoned requests were computed all the same, and later requests waited behind them."""
    predictor = next(m for m in server["served"] if m.task.name == "pillars").predictor
    predict = predictor.predict
    seen: list[str] = []

    def slow(texts, context=None, **kwargs):
        seen.extend(texts)
        time.sleep(0.8)
        return predict(texts, context, **kwargs)

    monkeypatch.setattr(predictor, "predict", slow)
    busy = threading.Thread(target=lambda: httpx.post(f"{server['url']}/v1/tag", json={"texts": ["first"]},
                                                      timeout=30))
    busy.start()
    time.sleep(0.2)  # the first request is in the model
    with pytest.raises(httpx.TimeoutException):
        httpx.post(f"{server['url']}/v1/tag", json={"texts": ["abandoned"]}, timeout=0.2)
    busy.join()
    assert httpx.post(f"{server['url']}/v1/tag", json={"texts": ["last"]}, timeout=30).status_code == 200
    assert "abandoned" not in seen and seen[-1] == "last"


@pytest.mark.slow  # a server process, stopped by a signal with a request still open (10 s of grace)
def test_a_signal_ends_serve_with_its_status_and_a_json_503_for_what_is_open(server):
    import signal
    import subprocess
    import sys

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "diplo_ml.cli", "serve", str(server["tagger"]), "--port",
                             str(port)], stderr=subprocess.PIPE, text=True)
    try:
        _wait_healthy(f"http://127.0.0.1:{port}", tries=300)
        stalled = socket.create_connection(("127.0.0.1", port))
        stalled.sendall(b"POST /v1/tag HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n"
                        b"content-length: 100\r\n\r\n{\"texts\":")  # 9 of 100 bytes, then nothing
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        stalled.settimeout(30)
        chunks = []
        while chunk := stalled.recv(4000):  # headers and body may come in two reads; the server then closes
            chunks.append(chunk)
        reply = b"".join(chunks).decode()
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 143
    assert reply.startswith("HTTP/1.1 503") and "application/json" in reply and "the server stopped" in reply
    assert "serving tfidf" in err and "Traceback" not in err


def test_a_checkpoint_given_twice_is_served_once(server, caplog):
    served = load_served([str(server["tagger"]), str(server["tagger"] / "checkpoint")])
    assert len(served) == 1 and "already given; served once" in caplog.text


def test_an_empty_host_means_every_interface():
    from diplo_ml.serve import check_port

    check_port("", 0)


def test_routes_come_from_the_tasks_and_a_precision_a_model_cannot_take_is_said(server, caplog):
    """serve --precision bf16 was silently ignored for a summariser (applied to taggers only, by class)."""
    paths = {route.path for route in server["app"].routes}
    assert {"/v1/tag", "/v1/summarise"} <= paths
    tagger_row = next(m.describe() for m in server["served"] if m.task.name == "pillars")
    assert tagger_row["labels"] and set(tagger_row["thresholds"]) == set(tagger_row["labels"])
    with pytest.raises(DiploError, match="a faster precision needs a fine-tuned transformer tagger"):
        load_served([str(server["summariser"])], precision="bf16")
    with caplog.at_level("WARNING"):
        both = load_served([str(server["tagger"]), str(server["summariser"])], precision="bf16")
    assert len(both) == 2 and caplog.text.count("--precision bf16: not for") == 2  # tf-idf and Lead run as trained
