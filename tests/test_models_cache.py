"""The model cache (`diplo-ml models list / prepare`): damaged files are found and named, cache files are shared.

Every test builds a tiny synthetic cache under a temporary ``$DIPLO_CACHE``; nothing is converted and the real
cache is never touched.
"""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import save_file

from diplo_ml.cli import main as cli_main
from diplo_ml.errors import DiploError
from diplo_ml.files import DIR_MODE, FILE_MODE
from diplo_ml.models import weights
from diplo_ml.models.weights import cache, mpnet, smollm2

WEIGHTS = {"smollm2": (smollm2, smollm2.SOURCE_SHA256), "mpnet": (mpnet, mpnet.ARCHIVE_SHA256)}


def fake_build(out: Path) -> None:
    """What a conversion leaves: a config, a tokenizer and a (tiny) safetensors file, which safetensors itself
    writes owner-only (0600)."""
    (out / "config.json").write_text(json.dumps({"model_type": "llama", "hidden_size": 4}) + "\n")
    (out / "tokenizer.json").write_text(json.dumps({"version": "1.0", "model": {"vocab": {"a": 0}}}) + "\n")
    save_file({"embed.weight": np.arange(12, dtype=np.float32).reshape(3, 4), "norm": np.ones(4, np.float32)},
              str(out / "model.safetensors"))


@pytest.fixture
def cached(tmp_path, monkeypatch):
    """A ready synthetic cache for each registered build, under a temporary $DIPLO_CACHE."""
    monkeypatch.setenv("DIPLO_CACHE", str(tmp_path / "cache"))
    for module, sha in WEIGHTS.values():
        cache.build_once(module.cache_dir(), sha, fake_build, {"source": "test"})
    return {name: module.cache_dir() for name, (module, _) in WEIGHTS.items()}


def _cut(path: Path, keep: int) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:keep] if keep >= 0 else data[:len(data) + keep])


DAMAGE = {
    "weights cut short": ("model.safetensors", lambda p: _cut(p, -10), "cut short"),
    "cut inside the header": ("model.safetensors", lambda p: _cut(p, 20), "not a loadable safetensors file"),
    "empty weights": ("model.safetensors", lambda p: _cut(p, 0), "not a loadable safetensors file"),
    "bytes appended": ("model.safetensors", lambda p: p.write_bytes(p.read_bytes() + b"\0" * 8),
                       "not a loadable safetensors file"),
    "config not JSON": ("config.json", lambda p: p.write_text('{"model_type": "lla'), "does not parse as JSON"),
    "tokenizer cut": ("tokenizer.json", lambda p: _cut(p, 10), "does not parse as JSON"),
    "tokenizer gone": ("tokenizer.json", lambda p: p.unlink(), "missing (the build wrote it)"),
    "weights gone": ("model.safetensors", lambda p: p.unlink(), "missing"),  # was "not yet converted"
}


def test_a_fresh_build_is_ready_and_undamaged(cached):
    folder = cached["smollm2"]
    assert cache.damage(folder) is None and cache.is_ready(folder, smollm2.SOURCE_SHA256)
    assert smollm2.status() == str(folder) and smollm2.prepared_path() == folder


@pytest.mark.parametrize("kind", DAMAGE)
def test_damage_names_the_file_and_what_is_wrong(kind, cached):
    name, spoil, what = DAMAGE[kind]
    folder = cached["smollm2"]
    spoil(folder / name)
    found = cache.damage(folder)
    assert found is not None and found[0] == folder / name and found[1].startswith(what)
    assert not cache.is_ready(folder, smollm2.SOURCE_SHA256) and cache.is_built(folder, smollm2.SOURCE_SHA256)


def test_cut_short_says_how_long_the_file_should_be(cached):
    path = cached["smollm2"] / "model.safetensors"
    size = path.stat().st_size
    _cut(path, -10)
    assert cache.damage(path.parent) == (path, f"cut short ({size - 10:,} bytes; its header needs {size:,})")


@pytest.mark.parametrize("name", WEIGHTS)
def test_models_list_reports_a_damaged_cache_with_the_fix(name, cached, capsys):
    folder = cached[name]
    assert cli_main(["models", "list"]) == 0
    assert str(folder) in capsys.readouterr().out
    _cut(folder / "model.safetensors", -10)
    assert cli_main(["models", "list"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if str(folder) in x)
    assert line.strip().startswith(f"damaged: {folder / 'model.safetensors'}: cut short")
    assert line.endswith(f"(rebuild it: diplo-ml models prepare {name} --force)")


@pytest.mark.parametrize("name", WEIGHTS)
def test_loading_a_damaged_cache_is_a_one_line_error_with_the_fix(name, cached):
    (cached[name] / "config.json").write_text("{")
    with pytest.raises(DiploError) as info:
        weights.resolve(name)  # what a model YAML's `base: smollm2` / `pretrained: mpnet` goes through
    message = str(info.value)
    assert message.startswith(f"damaged model cache: {cached[name] / 'config.json'}: does not parse as JSON")
    assert message.endswith(f"rebuild it: diplo-ml models prepare {name} --force") and "\n" not in message


@pytest.fixture
def fake_conversion(tmp_path, monkeypatch):
    """`prepare smollm2` without the real GGUF conversion: a stand-in source file and a tiny build."""
    gguf = tmp_path / smollm2.GGUF_FILE
    gguf.write_bytes(b"GGUF")
    builds = []
    monkeypatch.setattr(smollm2, "source_file", lambda: gguf)
    monkeypatch.setattr(smollm2, "sha256_file", lambda _: smollm2.SOURCE_SHA256)
    monkeypatch.setattr(smollm2, "_convert", lambda _, out: (builds.append(out), fake_build(out)))
    return builds


def test_prepare_rebuilds_a_damaged_cache_and_says_so(cached, fake_conversion, capsys, caplog):
    folder = cached["smollm2"]
    assert cli_main(["models", "prepare", "smollm2"]) == 0
    assert fake_conversion == []  # a ready cache is left alone
    _cut(folder / "model.safetensors", -10)
    with caplog.at_level(logging.WARNING, logger=cache.__name__):
        assert cli_main(["models", "prepare", "smollm2"]) == 0
    assert len(fake_conversion) == 1 and capsys.readouterr().out.strip().splitlines()[-1] == str(folder)
    assert f"damaged model cache ({folder / 'model.safetensors'}: cut short" in caplog.text
    assert cache.is_ready(folder, smollm2.SOURCE_SHA256) and smollm2.status() == str(folder)
    assert sorted(p.name for p in folder.parent.iterdir()) == sorted(x.name for x in cached.values())  # no tmp


def test_prepare_rebuilds_a_cache_that_lost_its_tokenizer(cached, fake_conversion, capsys):
    folder = cached["smollm2"]
    (folder / "tokenizer.json").unlink()  # a run would fail deep inside transformers (review s31 F04)
    assert cli_main(["models", "list"]) == 0
    assert f"damaged: {folder / 'tokenizer.json'}: missing" in capsys.readouterr().out
    assert cli_main(["models", "prepare", "smollm2"]) == 0
    assert len(fake_conversion) == 1 and (folder / "tokenizer.json").is_file()


def test_a_cache_built_before_the_file_list_still_needs_its_tokenizer(cached):
    """A marker without "files" (written before the build listed them) was checked for nothing missing."""
    folder = cached["smollm2"]
    marker = folder / cache.SOURCE_FILE
    meta = json.loads(marker.read_text())
    del meta["files"]
    marker.write_text(json.dumps(meta))
    assert cache.damage(folder) is None
    (folder / "tokenizer.json").unlink()
    assert cache.damage(folder) == (folder / "tokenizer.json", "missing (the build wrote it)")


def test_prepare_force_rebuilds_a_ready_cache(cached, fake_conversion):
    assert smollm2.prepare(force=True) == cached["smollm2"] and len(fake_conversion) == 1


def test_cache_files_get_the_usual_modes(cached):
    folder = cached["smollm2"]
    assert stat.S_IMODE(folder.stat().st_mode) == DIR_MODE
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
    assert modes == dict.fromkeys(["config.json", "tokenizer.json", "model.safetensors", cache.SOURCE_FILE],
                                  FILE_MODE)
