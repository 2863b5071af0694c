"""Standard input is read as JSONL only when its first line is a JSON object; a page opening with "{" is a page."""

from __future__ import annotations

import io
import json
import sys

import pytest

from diplo_ml.errors import DataError
from diplo_ml.predict_inputs import read_units
from diplo_ml.tasks import get_task

PAGE = ("{Photo: VNA}\n\nHanoi (VNA) - Vietnam and Japan agreed on Monday to raise trade and investment, "
        "the two foreign ministers said after their talks in Hanoi.\n\n"
        "The ministers also discussed cultural exchanges and a new film festival./.\n")


def units(monkeypatch: pytest.MonkeyPatch, text: str) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    return list(read_units(["-"], get_task("pillars")))


def test_a_page_that_opens_with_a_brace_is_read_as_a_page(monkeypatch):
    got = units(monkeypatch, PAGE)
    assert len(got) >= 2 and any("Japan agreed" in u["_text"] for u in got)


def test_jsonl_on_standard_input_is_read_line_by_line(monkeypatch):
    lines = [json.dumps({"id": f"p{i}", "text": t}) for i, t in enumerate(["Trade rose.", "A film festival opened."])]
    got = units(monkeypatch, "\n".join(lines) + "\n")
    assert [u["_text"] for u in got] == ["Trade rose.", "A film festival opened."]


def test_a_damaged_first_jsonl_line_names_its_line(monkeypatch):
    with pytest.raises(DataError, match=r"<stdin>:1"):
        units(monkeypatch, '{"text": "Trade rose.",}\n' + json.dumps({"text": "Fine."}) + "\n")


@pytest.mark.parametrize("text", ['{\n  "text": "Trade rose."\n}\n', "{'text': 'Trade rose.'}\n"])
def test_pretty_printed_or_python_style_json_is_a_jsonl_error_not_a_page(monkeypatch, text):
    with pytest.raises(DataError, match=r"<stdin>:1"):
        units(monkeypatch, text)
