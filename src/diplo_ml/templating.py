"""One Jinja setup for every rendered document: model cards (Markdown) and reports (HTML, autoescaped)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

SHARED = Path(__file__).parent / "templates"


def f3(value: Any) -> str:
    return "n/a" if value is None else f"{float(value):.3f}"


def fmt(value: Any, digits: int = 3) -> str:
    """Numbers with a fixed number of decimals; anything else as text; None as an en dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def environment(*folders: Path) -> Environment:
    """Templates from ``folders`` (first wins) and the shared ones; HTML templates are autoescaped."""
    env = Environment(loader=ChoiceLoader([FileSystemLoader([str(f) for f in (*folders, SHARED)])]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False))
    env.filters["f3"] = f3
    env.filters["fmt"] = fmt
    return env


def render(template: str, *folders: Path, **context: Any) -> str:
    return environment(*folders).get_template(template).render(**context)
