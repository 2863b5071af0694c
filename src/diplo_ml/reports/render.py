"""Shared pieces of the self-contained HTML/Markdown outputs: page shell, escaping, tables, charts as data URIs."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from diplo_ml.errors import DiploError

# Okabe-Ito colours (distinguishable with colour-vision deficiencies), one per label in label order.
PALETTE = ["#E69F00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
NONE_COLOUR = "#8a8a8a"

CSS = """
body{font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;
 max-width:1100px;margin:0 auto;padding:24px 28px 60px;line-height:1.5;background:#fff}
h1{font-size:1.7em;margin:0 0 4px}h2{font-size:1.3em;margin:34px 0 8px;border-bottom:2px solid #e3e3e3;
 padding-bottom:4px}h3{font-size:1.05em;margin:20px 0 6px}
.meta{color:#555;font-size:.92em;margin:2px 0 12px}.muted{color:#777;font-size:.88em}
.article{border:1px solid #ddd;border-radius:8px;padding:16px 20px;margin:22px 0;page-break-inside:avoid}
.article h2{margin-top:0}
.summary{background:#f6f8fa;border-left:4px solid #0072B2;padding:8px 14px;margin:10px 0}
.summary p{margin:4px 0}.flagged{background:#fff4e5;border-left:3px solid #D55E00;padding-left:6px}
mark.unsupported{background:#ffd7c2;color:#8a2b00;font-weight:600;border-bottom:2px dashed #D55E00}
.warn{color:#b03a00;font-weight:600}
.para{display:flex;gap:12px;padding:7px 0;border-top:1px solid #f0f0f0}
.para .num{color:#999;min-width:2em;text-align:right;font-size:.85em;padding-top:2px}
.para .body{flex:1}.para .tags{margin-top:3px}.question{font-style:italic;color:#444}
.tag{display:inline-block;border-radius:10px;padding:0 8px;margin:0 4px 2px 0;font-size:.8em;
 font-weight:600;white-space:nowrap}
.profile{display:flex;gap:20px;align-items:flex-start;flex-wrap:wrap}
table{border-collapse:collapse;margin:8px 0 14px;font-size:.9em}
th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto}.legend .tag{font-size:.78em}
.side{display:grid;grid-template-columns:1fr 1fr;gap:10px}.side div{background:#f8f8f8;padding:6px 10px}
"""


class Raw(str):
    """HTML that is already escaped (a table cell or fragment that must not be escaped again)."""


def esc(value: Any) -> str:
    """Escape any value for HTML text or attributes (``Raw`` passes through)."""
    if isinstance(value, Raw):
        return str(value)
    return html.escape("" if value is None else str(value), quote=True)


def fmt(value: Any, digits: int = 3) -> str:
    """Numbers with a fixed number of decimals; anything else as text; None as an en dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


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
    """One self-contained HTML document: inline CSS, no external resources."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{CSS}</style></head>\n<body>\n{body}\n</body></html>\n")


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


def write_text(path: str | Path, text: str) -> Path:
    """Write one output file; a missing folder or an unwritable path is a one-line error."""
    path = Path(path)
    if not path.parent.is_dir():
        raise DiploError(f"{path}: folder {path.parent} does not exist")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DiploError(f"{path}: cannot write ({exc.strerror})") from exc
    return path
