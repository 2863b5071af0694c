"""Text in another language is predicted all the same but flagged: a 'note' on its row and one warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplo_ml.cli import main as cli_main
from diplo_ml.data.language import NOT_ENGLISH, looks_english, not_english_warning

from .conftest import write_pillar_split
from .test_hostile import _checkpoint

ROOT = Path(__file__).resolve().parents[1]

# Written for these tests: the same short news item in four languages, and Vietnamese without diacritics.
OTHER_LANGUAGES = {
    "vietnamese": "Hà Nội (TTXVN) - Chiều 12/3, tại Trụ sở Chính phủ, Thủ tướng đã tiếp Đại sứ Nhật Bản tại Việt "
                  "Nam. Hai bên nhất trí thúc đẩy hợp tác kinh tế, thương mại và đầu tư giữa hai nước.",
    "vietnamese_ascii": "Ha Noi (TTXVN) - Chieu 12/3, tai Tru so Chinh phu, Thu tuong da tiep Dai su Nhat Ban tai "
                        "Viet Nam. Hai ben nhat tri thuc day hop tac kinh te, thuong mai va dau tu giua hai nuoc.",
    "french": "Le Premier ministre a reçu l'ambassadeur du Japon au Vietnam. Les deux parties sont convenues de "
              "renforcer la coopération économique et les échanges entre les peuples des deux pays.",
    "german": "Der Premierminister hat den Botschafter Japans in Vietnam empfangen. Beide Seiten vereinbarten, die "
              "wirtschaftliche Zusammenarbeit und den Austausch zwischen den Völkern zu stärken.",
    "spanish": "El primer ministro recibió al embajador de Japón en Vietnam. Ambas partes acordaron reforzar la "
               "cooperación económica y los intercambios entre los pueblos de los dos países.",
}
ENGLISH = ("Hanoi (VNA) - The Prime Minister received the Japanese Ambassador to Vietnam on March 12. The two "
           "sides agreed to boost economic, trade and investment cooperation between the two countries./.")


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_other_languages_are_told_apart(language):
    assert not looks_english(OTHER_LANGUAGES[language])


def test_english_news_and_short_texts_pass():
    assert looks_english(ENGLISH)
    assert looks_english("Thủ tướng tiếp Đại sứ")  # under 12 words: not judged


def test_every_embedded_paragraph_looks_english():
    paragraphs = [json.loads(line)["text"] for path in sorted((ROOT / "data" / "processed").glob("pillars*/*.jsonl"))
                  for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(paragraphs) > 1000
    assert [p[:60] for p in paragraphs if not looks_english(p)] == []


def test_predict_flags_rows_in_another_language(tmp_path, capsys):
    data = write_pillar_split(tmp_path / "data")
    tagger = _checkpoint(tmp_path / "tagger", ["model=tfidf", "data=pillars_folder", f"data.dir={data}"])
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n"
                           for t in (ENGLISH, OTHER_LANGUAGES["vietnamese"], OTHER_LANGUAGES["french"])),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli_main(["predict", str(tagger), str(src), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and all("tags" in r for r in rows)  # nothing dropped
    assert [r.get("note") for r in rows] == [None, NOT_ENGLISH, NOT_ENGLISH]
    err = capsys.readouterr().err
    assert f"warning: 2 rows do not look like English (first: line 2 of {src}); the model reads English only" in err


def test_not_english_warning_is_one_wording_for_rows_and_articles() -> None:
    assert not_english_warning(1, "row", "line 3 of a.jsonl", "it carries a 'note'") == (
        "warning: 1 row does not look like English (first: line 3 of a.jsonl); the model reads English only, "
        "and it carries a 'note'")
    assert not_english_warning(1, "article", "x.html", "the brief marks them", total=4).startswith(
        "warning: 1 of 4 articles do not look like English (first: x.html)")
