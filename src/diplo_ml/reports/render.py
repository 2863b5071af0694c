"""Shared pieces of the self-contained HTML/Markdown outputs: page shell, escaping, tables, charts as data URIs."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from diplo_ml.errors import DiploError
from diplo_ml.templating import fmt  # noqa: F401  (re-exported for the brief)

# Okabe-Ito colours (distinguishable with colour-vision deficiencies), one per label in label order.
PALETTE = ["#E69F00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
NONE_COLOUR = "#8a8a8a"

class Raw(str):
    """HTML that is already escaped (a table cell or fragment that must not be escaped again)."""


def esc(value: Any) -> str:
    """Escape any value for HTML text or attributes (``Raw`` passes through)."""
    if isinstance(value, Raw):
        return str(value)
    return html.escape("" if value is None else str(value), quote=True)


def colours(labels: Sequence[str]) -> dict[str, str]:
    """A fixed colour per label, in label order."""
    return {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(labels)}


def _text_colour(background: str) -> str:
    r, g, b = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#fff"


def pill(text: str, colour: str, title: str | None = None) -> Raw:
    """A coloured label (background colour, readable text colour)."""
    tip = f' title="{esc(title)}"' if title else ""
    return Raw(f'<span class="tag" style="background:{colour};color:{_text_colour(colour)}"{tip}>{esc(text)}</span>')


def table(header: Sequence[Any], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = ()) -> str:
    """An HTML table; cells are escaped unless ``Raw``; columns in ``numeric`` are right-aligned."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = []
    for row in rows:
        cells = "".join(f'<td class="n">{esc(c)}</td>' if j in numeric else f"<td>{esc(c)}</td>"
                        for j, c in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def page(title: str, body: str) -> str:
    """One self-contained HTML document (the shared page template: inline CSS, no external resources)."""
    from markupsafe import Markup

    from diplo_ml.templating import render

    return render("shell.html.j2", title=title, body=Markup(body))


def run_json(run: Path, name: str) -> dict[str, Any]:
    """A JSON file of a run folder, or {} when it is absent; a corrupt one is a one-line error naming it."""
    from diplo_ml.files import read_json_object

    path = Path(run) / name
    return read_json_object(path, name) if path.is_file() else {}


def read_rows(run: Path, split: str = "test") -> list[dict[str, Any]]:
    """The saved predictions of one split (validated JSONL; an empty file is an error)."""
    return [record for _, record in read_numbered_rows(run, split)]


def read_numbered_rows(run: Path, split: str = "test") -> list[tuple[int, dict[str, Any]]]:
    """(line number, row) of the saved predictions of one split, for checks that name the line."""
    from diplo_ml.data.io import iter_jsonl
    from diplo_ml.errors import DataError

    path = Path(run) / f"predictions_{split}.jsonl"
    rows = list(iter_jsonl(path))
    if not rows:
        raise DataError(f"{path}: no predictions")
    return rows


def pyplot():
    """matplotlib.pyplot on the Agg backend (no display needed); a one-line error when it is missing."""
    try:
        import matplotlib
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DiploError("charts need matplotlib: pip install matplotlib") from exc
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def figure_uri(fig, dpi: int = 100) -> str:
    """Render a matplotlib figure to a base64 PNG data URI and close it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    pyplot().close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def img(uri: str, alt: str) -> str:
    return f'<img src="{uri}" alt="{esc(alt)}">'


def write_text(path: str | Path, text: str, replace: bool = True) -> Path:
    """Write one output file atomically; a missing folder or an unwritable path is a one-line error. Unless
    ``replace``, a file that appeared at ``path`` while the command ran is kept (this one is refused)."""
    from diplo_ml.files import atomic_write_text

    path = Path(path)
    if path.is_dir():
        raise DiploError(f"{path}: is a folder, not a file")
    try:
        return atomic_write_text(path, text, replace)
    except OSError as exc:
        raise DiploError(f"{path}: cannot write ({exc.strerror})") from exc
