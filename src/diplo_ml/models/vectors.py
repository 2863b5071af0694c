"""TF-IDF vectorisers and linear heads stored without pickle: settings and vocabulary as JSON, arrays as safetensors.

A scikit-learn object saved with joblib runs arbitrary code when loaded, so checkpoints never hold one; these
functions write and read the few numbers a fitted ``TfidfVectorizer`` and a one-vs-rest logistic regression need.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from safetensors.numpy import load_file, save_file
from sklearn.feature_extraction.text import TfidfVectorizer

from diplo_ml.errors import DiploError, first_line
from diplo_ml.files import atomic_write_json, read_json_object

# TfidfVectorizer settings kept in the JSON file (everything else stays at scikit-learn's defaults)
SETTINGS = ("lowercase", "ngram_range", "sublinear_tf", "stop_words", "norm", "use_idf", "smooth_idf")
PICKLES = (".joblib", ".pkl", ".pickle", ".bin", ".pt", ".pth", ".ckpt", ".npy", ".npz")
PICKLE_STARTS = (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05", b"PK\x03\x04", b"\x93NUMPY")  # pickle, torch.save


def _is_pickle(path: Path) -> bool:
    """By name (a pickle suffix, a PyTorch shard index) or by its first bytes (pickle protocol 2-5, the zip that
    torch.save writes, a NumPy array file), whatever the file is called."""
    suffix = path.suffix.lower()
    if suffix in PICKLES or path.name.lower().endswith(".bin.index.json"):
        return True
    if suffix in (".safetensors", ".json"):  # only ever read as what they say (a safetensors header length can
        return False                         # start with the bytes of a pickle)
    try:
        with open(path, "rb") as handle:
            return handle.read(6).startswith(PICKLE_STARTS)
    except OSError:
        return False


def refuse_pickles(folder: Path) -> None:
    """A checkpoint holding a pickle is refused: loading it would run whatever code it carries."""
    found = sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file() and _is_pickle(p))
    if found:
        raise DiploError(f"{folder}: holds {', '.join(found)} (pickle), which diplo-ml never loads because "
                         "loading a pickle can run arbitrary code; retrain the model with this version to get a safe "
                         "checkpoint")


def save_tfidf(vectorizer: TfidfVectorizer, folder: Path, stem: str, arrays: dict[str, np.ndarray] | None = None,
               extra: dict[str, Any] | None = None) -> None:
    """``<stem>.json`` (settings, vocabulary, extra) and ``<stem>.safetensors`` (idf and ``arrays``)."""
    folder.mkdir(parents=True, exist_ok=True)
    params = vectorizer.get_params()
    settings = {key: params[key] for key in SETTINGS}
    settings["ngram_range"] = list(settings["ngram_range"])
    vocabulary = {term: int(index) for term, index in vectorizer.vocabulary_.items()}
    atomic_write_json(folder / f"{stem}.json", {"settings": settings, "vocabulary": vocabulary, **(extra or {})},
                      indent=None)
    save_file({"idf": np.asarray(vectorizer.idf_, dtype=np.float64), **(arrays or {})},
              str(folder / f"{stem}.safetensors"))


SWITCHES = ("lowercase", "sublinear_tf", "use_idf", "smooth_idf")
CHOICES = {"norm": ("l1", "l2", None), "stop_words": ("english", None)}


def check_settings(settings: dict[str, Any]) -> None:
    """Every saved setting known, present and of a value the vectoriser takes (scikit-learn would fail with a
    traceback at the first text, or read "no" as true)."""
    if set(settings) - set(SETTINGS):
        raise ValueError(f"unknown settings {sorted(set(settings) - set(SETTINGS))}")
    if missing := [key for key in SETTINGS if key not in settings]:
        raise ValueError(f"settings lack {', '.join(missing)}")
    ngrams = settings["ngram_range"]
    if not (isinstance(ngrams, list | tuple) and len(ngrams) == 2 and all(type(n) is int for n in ngrams)
            and 1 <= ngrams[0] <= ngrams[1]):
        raise ValueError(f"ngram_range must be two whole numbers, shortest first, not {ngrams}")
    if wrong := [key for key in SWITCHES if not isinstance(settings[key], bool)]:
        raise ValueError(f"{', '.join(wrong)} must be true or false")
    for key, allowed in CHOICES.items():
        if settings[key] not in allowed:
            raise ValueError(f"{key} must be one of {', '.join(map(json.dumps, allowed))}, not {settings[key]!r}")


def float_problem(name: str, values: np.ndarray, finite: bool = True) -> str | None:
    """Why a saved array is not what a fitted model writes, or None: floating point, and (``finite``) no NaN or
    infinity (an edited or foreign file would fail with a numpy traceback at the first text)."""
    if not np.issubdtype(values.dtype, np.floating):
        return f"'{name}' holds {values.dtype}, not floating point"
    if finite and not np.isfinite(values).all():
        return f"'{name}' holds NaN or infinite values"
    return None


def load_tfidf(folder: Path, stem: str) -> tuple[TfidfVectorizer, dict[str, np.ndarray], dict[str, Any]]:
    """The vectoriser, the other arrays and the JSON's extra keys saved by :func:`save_tfidf`."""
    meta = read_json_object(folder / f"{stem}.json", "vectoriser file")
    tensors = folder / f"{stem}.safetensors"
    try:
        arrays = load_file(str(tensors))
    except Exception as exc:  # noqa: BLE001 - safetensors raises several error types for damaged files
        reason = first_line(exc)
        raise DiploError(f"{tensors}: unreadable or damaged ({reason})") from None
    try:
        settings = dict(meta["settings"])
        check_settings(settings)
        settings["ngram_range"] = tuple(settings["ngram_range"])
        vectorizer = TfidfVectorizer(vocabulary=dict(meta["vocabulary"]), **settings)
        idf = arrays.pop("idf")
        if problem := float_problem("idf", idf):
            raise DiploError(f"{tensors}: damaged vectoriser ({problem})")
        if idf.shape != (len(vectorizer.vocabulary),):
            raise DiploError(f"{tensors}: damaged vectoriser ('idf' holds {list(idf.shape)} values for "
                             f"{len(vectorizer.vocabulary)} terms)")
        vectorizer.idf_ = idf
    except (KeyError, TypeError, ValueError) as exc:
        raise DiploError(f"{folder / f'{stem}.json'}: damaged vectoriser ({exc})") from None
    return vectorizer, arrays, {k: v for k, v in meta.items() if k not in ("settings", "vocabulary")}
