"""A speech-recognition transcript as the text it transcribes: a saved transcript's cue times at the start of its lines
("[00:00:36] vietnam's embassy …", read 71) go, and a transcript exported one timed segment a row (`{"audio": …,
"seg": 3, "start": 21.6, "end": 36.8, "text": …}`) is known for the parts of one recording it is."""

from __future__ import annotations

import json
import re
from typing import Any

from diplo_ml.data.examples import record_headline, record_text
from diplo_ml.data.line_joins import TERMINAL, WRAPPED

_T = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"  # a clock time: "0:36", "00:00:36", "00:00:36,500"
_S = r"\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?"  # one to the second, as a recording's times are
# a cue time opening a line: "[00:00:36] …", "(0:36) …", "00:01:10 - …", "00:00:01,000 --> 00:00:04,000" (not a
# schedule's, a timeline's or a live page's "08:30 - Welcome ceremony", a review found: their times are their text)
CUE = re.compile(rf"^\s*(?:\[\s*{_T}(?:\s*-->\s*{_T})?\s*\]|\(\s*{_T}\s*\)|{_S}(?:\s*-->\s*{_S})?(?:\s+[-–—|:])?)"
                 r"(?:\s+|$)")
CLOCK = re.compile(_S)  # (a segment's, to the second; a calendar's "09:00" is none)
# a segment's times: seconds or a clock time, under names in pairs
# (not "from"/"to": a timeline's years, a survey's age bands, a report's pages, a review found)
TIME_PAIRS = (("start", "end"), ("t0", "t1"), ("start_time", "end_time"), ("start_ms", "end_ms"),
              ("ts_start", "ts_end"), ("start_sec", "end_sec"))
SPEAKER_FIELDS = ("speaker", "speaker_id", "speaker_name", "spk", "voice", "role", "channel")
TIMING_FIELDS = frozenset(name for pair in TIME_PAIRS for name in pair)
# what names a recording beside a segment: whole numbers under "start"/"end" alone may be a text's character offsets
RECORDING_FIELDS = ("audio", "audio_file", "audio_url", "recording", "recording_id", "media", "media_file", "video",
                    "asr", "asr_model", "engine", "speaker", "speaker_id", "spk", "station", "program", "programme",
                    "episode")


def without_cue_times(lines: list[str]) -> tuple[list[str], frozenset[int]]:
    """``lines`` with the cue time that opens each line cut, and the indices of those lines that open a paragraph,
    where three lines or more, and most of the lines with words, open with one (a transcript's; not a schedule's few
    "10:30 - Opening session" lines among prose). Each cued line is a paragraph, but in a punctuated transcript
    (subtitles: half its lines end a sentence) a line that goes on the sentence of the line before ("… upgraded their
    relations" / "to a comprehensive strategic partnership …", a review found)."""
    cued = [bool(CUE.match(line)) for line in lines]
    worded = sum(bool(line.strip()) for line in lines)
    if sum(cued) < 3 or sum(cued) * 5 < worded * 3:
        return lines, frozenset()
    cut = [CUE.sub("", line, count=1).strip() if cue else line for line, cue in zip(lines, cued)]
    said = [text for text, cue in zip(cut, cued) if cue and text]
    punctuated = 2 * sum(bool(TERMINAL.search(text)) for text in said) >= len(said)
    opening, last = set(), None  # (the index of the last cued line with words)
    for i, (text, cue) in enumerate(zip(cut, cued)):
        if not (cue and text):
            continue
        before = cut[last] if last is not None else ""
        if punctuated and before and not re.search(r"[.!?:;][\"'”’)]*$", before) and (
                text[:1].islower() or WRAPPED.search(before)):
            cut[last], cut[i] = f"{before} {text}", ""  # (over the blank line a page's paragraphs leave between)
            continue
        opening.add(i)
        last = i
    return cut, frozenset(opening)


def _time(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) or (
        isinstance(value, str) and bool(CLOCK.fullmatch(value.strip())))


def _seconds(record: dict[str, Any], name: str) -> float:
    value = record[name]
    if isinstance(value, str):
        parts = [float(p.replace(",", ".")) for p in value.strip().split(":")]
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    return value / 1000 if name.endswith("_ms") else float(value)


def _times(record: dict[str, Any]) -> tuple[float, float] | None:
    """A row's start and end in seconds (:data:`TIME_PAIRS`), or None; whole numbers under "start" and "end" only
    beside a recording's field (:data:`RECORDING_FIELDS`), else they may count characters (a review found)."""
    for start, end in TIME_PAIRS:
        first, last = record.get(start), record.get(end)
        if _time(first) and _time(last):
            counts = start == "start" and all(isinstance(v, int) for v in (first, last))
            if counts and not any(record.get(k) for k in RECORDING_FIELDS):
                return None
            return _seconds(record, start), _seconds(record, end)
    return None


INNER_STOP = re.compile(r"[.!?][\"'”’)]*\s+\S")  # a sentence's end with more text after it


def timed_segment(record: dict[str, Any]) -> bool:
    """Whether a row may be a transcript's timed segment: a start and an end time (:data:`TIME_PAIRS`: seconds, or a
    clock to the second) at most thirty seconds apart, a sentence or two of sixty words at most, and no title (not a
    bulletin's story, an event of a calendar, a clip)."""
    text = record_text(record)
    times = _times(record)
    return times is not None and 0 <= times[1] - times[0] <= 30 and len(text.split()) <= 60 and \
        len(INNER_STOP.findall(text)) <= 1 and record_headline(record) is None


def one_recording(rows: list[dict[str, Any]]) -> bool:
    """Whether timed segments are one recording's run: three or more, each starting where the one before it ended
    (within ten seconds; not clips that each start at 0, nor a listing's window of results), most of a sentence
    alone, of thirty words or fewer at the median (not a bulletin's stories of two sentences, a review found)."""
    times = [_times(row) for row in rows]
    texts = [record_text(row) for row in rows]
    longer = sum(bool(INNER_STOP.search(text)) for text in texts)
    if len(rows) < 3 or any(t is None for t in times):
        return False
    spans = [t for t in times if t is not None]
    return all(-1 <= b[0] - a[1] <= 10 for a, b in zip(spans, spans[1:])) and 3 * longer <= len(rows) \
        and sorted(len(t.split()) for t in texts)[len(texts) // 2] <= 30


def cue_time(record: dict[str, Any]) -> str:
    """A timed segment's start as a transcript's cue opens its line: "[00:00:21]"."""
    times = _times(record)
    seconds = int(times[0]) if times else 0
    return f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}]"


def recording_key(record: dict[str, Any], text_field: str) -> str:
    """The recording a timed segment is of, as what its row says besides its text, speaker and times: the audio
    file's name, the station, programme and air date (the same for each segment of one recording)."""
    return json.dumps(sorted((k, v) for k, v in record.items() if isinstance(v, str) and k != text_field
                             and k not in SPEAKER_FIELDS and k not in TIMING_FIELDS and not CLOCK.fullmatch(v.strip())))
