"""A speech-recognition transcript as the text it transcribes: a saved transcript's cue times at the start of its lines
("[00:00:36] vietnam's embassy …", read 71) go, and a transcript exported one timed segment a row (`{"audio": …,
"seg": 3, "start": 21.6, "end": 36.8, "text": …}`) is known for the parts of one recording it is."""

from __future__ import annotations

import json
import re
from typing import Any

from diplo_ml.data.examples import record_headline, record_text_field

_T = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"  # a clock time: "0:36", "00:00:36", "00:00:36,500"
_S = r"\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?"  # one to the second, as a recording's times are
# a cue time opening a line: "[00:00:36] …", "(0:36) …", "00:01:10 - …", "00:00:01,000 --> 00:00:04,000" (not a
# schedule's, a timeline's or a live page's "08:30 - Welcome ceremony", a review found: their times are their text)
CUE = re.compile(rf"^\s*(?:\[\s*{_T}(?:\s*-->\s*{_T})?\s*\]|\(\s*{_T}\s*\)|{_S}(?:\s*-->\s*{_S})?(?:\s+[-–—|:])?)"
                 r"(?:\s+|$)")
CLOCK = re.compile(_S)  # (a segment's, to the second; a calendar's "09:00" is none)
# a segment's times: seconds or a clock time, under names in pairs
TIME_PAIRS = (("start", "end"), ("t0", "t1"), ("start_time", "end_time"), ("begin", "end"), ("start_ms", "end_ms"),
              ("ts_start", "ts_end"), ("from", "to"), ("start_sec", "end_sec"))
SPEAKER_FIELDS = ("speaker", "speaker_id", "speaker_name", "spk", "voice", "role", "channel")


def without_cue_times(lines: list[str]) -> tuple[list[str], frozenset[int]]:
    """``lines`` with the cue time that opens each line cut, and the indices of those lines (each a paragraph of its
    own), where three lines or more, and most of the lines with words, open with one (a transcript's; not a
    schedule's few "10:30 - Opening session" lines among prose)."""
    cued = [bool(CUE.match(line)) for line in lines]
    worded = sum(bool(line.strip()) for line in lines)
    if sum(cued) < 3 or sum(cued) * 5 < worded * 3:
        return lines, frozenset()
    return ([CUE.sub("", line, count=1) if cue else line for line, cue in zip(lines, cued)],
            frozenset(i for i, cue in enumerate(cued) if cue))


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
    """A row's start and end in seconds (:data:`TIME_PAIRS`), or None."""
    for start, end in TIME_PAIRS:
        if _time(record.get(start)) and _time(record.get(end)):
            return _seconds(record, start), _seconds(record, end)
    return None


def timed_segment(record: dict[str, Any]) -> bool:
    """Whether a row may be a transcript's timed segment: a start and an end time (:data:`TIME_PAIRS`: seconds, or a
    clock to the second) at most thirty seconds apart, a sentence or two of sixty words at most, and no title (not a
    bulletin's story, an event of a calendar, a clip)."""
    text = str(record.get(record_text_field(record)) or "")
    times = _times(record)
    return times is not None and 0 <= times[1] - times[0] <= 30 and len(text.split()) <= 60 and \
        len(re.findall(r"[.!?][\"'”’)]*\s+\S", text)) <= 1 and record_headline(record) is None


def one_recording(rows: list[dict[str, Any]]) -> bool:
    """Whether timed segments are one recording's run: three or more, each starting where the one before it ended
    (within ten seconds; not clips that each start at 0, nor a listing's window of results)."""
    times = [_times(row) for row in rows]
    return len(rows) >= 3 and all(t is not None for t in times) and all(
        -1 <= b[0] - a[1] <= 10 for a, b in zip(times, times[1:]))  # type: ignore[index]


def cue_time(record: dict[str, Any]) -> str:
    """A timed segment's start as a transcript's cue opens its line: "[00:00:21]"."""
    times = _times(record)
    seconds = int(times[0]) if times else 0
    return f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}]"


def recording_key(record: dict[str, Any], text_field: str) -> str:
    """The recording a timed segment is of, as what its row says besides its text, speaker and times: the audio
    file's name, the station, programme and air date (the same for each segment of one recording)."""
    timing = {name for pair in TIME_PAIRS for name in pair}
    return json.dumps(sorted((k, v) for k, v in record.items() if isinstance(v, str) and k != text_field
                             and k not in SPEAKER_FIELDS and k not in timing and not CLOCK.fullmatch(v.strip())))
