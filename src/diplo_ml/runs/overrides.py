"""Command-line overrides as values: one setting typed in another order or spelling is the same setting."""

from __future__ import annotations

import json
import os
from typing import Any


def override_values(overrides: list[str]) -> dict[str, tuple[str, str]]:
    """Each override's key with its value as Hydra parses it and its text, so that spellings of one value are equal
    (``trainer.learning_rate=1e-4`` and ``=0.0001``, ``x='a'`` and ``x=a``, a folder with or without its closing
    slash); an override Hydra cannot parse is compared as written."""
    from hydra.core.override_parser.overrides_parser import OverridesParser

    parser = OverridesParser.create()
    values: dict[str, tuple[str, str]] = {}
    for text in overrides:
        try:
            (override,) = parser.parse_overrides(overrides=[text])
            key, value = override.get_key_element(), override.value()
            if isinstance(value, str) and key.endswith("dir"):  # a folder: data.dir=x/ is data.dir=x
                value = os.path.normpath(value)
            values[key] = (json.dumps(_whole_numbers(value), sort_keys=True, default=str), text)
        except Exception:  # noqa: BLE001 - compared as written
            values[text] = (text, text)
    return values


def _whole_numbers(value: Any) -> Any:
    """``2.0`` as ``2`` (an option typed as a number takes either), inside lists and mappings too."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    if isinstance(value, list):
        return [_whole_numbers(v) for v in value]
    if isinstance(value, dict):
        return {k: _whole_numbers(v) for k, v in value.items()}
    return value


def canonical_overrides(overrides: list[str]) -> list[str]:
    """``key=value`` of each override (:func:`override_values`), sorted by key (its ``+``/``~`` aside), each value
    spelled one way: ``trainer.learning_rate=1e-4`` and ``=0.0001`` both read ``trainer.learning_rate=0.0001``."""
    values = override_values(overrides)
    return [_spelled(key, values[key]) for key in sorted(values, key=lambda k: (k.lstrip("+~"), k))]


def _spelled(key: str, value_text: tuple[str, str]) -> str:
    canonical, text = value_text
    if key == text == canonical:  # not parsed: as written
        return text
    value = json.loads(canonical)
    if value is None and key.startswith("~"):
        return key
    spellings = [json.dumps(value, separators=(",", ":"), ensure_ascii=False)]
    if isinstance(value, str):  # a plain word reads back as itself; else quoted, Hydra's quotes before JSON's escapes
        plain = [value] if value and not any(c.isspace() for c in value) else []
        spellings = [*plain, f'"{value}"', f"'{value}'", *spellings]
    for spelling in spellings:  # the first that Hydra reads back as this value (backslashes, quotes inside)
        if override_values([f"{key}={spelling}"]).get(key, ("",))[0] == canonical:
            return f"{key}={spelling}"
    return text
