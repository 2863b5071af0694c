"""int8 dynamic quantisation for CPU inference: ``diplo_ml.load(path, quantize=True)``, ``predict --quantize``.

Every ``nn.Linear`` gets int8 weights; activations are quantised on the fly per batch (fbgemm/x86 kernels).
torch 2.13 still ships eager-mode ``torch.ao.quantization.quantize_dynamic`` (marked deprecated in favour of
the separate ``torchao`` package, which is not a dependency here); its deprecation warnings are silenced.
"""

from __future__ import annotations

import warnings
from typing import Any

import torch
from torch import nn

from diplo_ml.errors import DiploError

QUANTIZATION = "int8-dynamic"


def quantize_dynamic_int8(model: nn.Module) -> nn.Module:
    """A copy of ``model`` (on CPU, eval mode) whose Linear layers run in int8."""
    try:
        from torch.ao.quantization import quantize_dynamic
    except ImportError as exc:  # pragma: no cover - removed in some future torch
        raise DiploError(f"this torch ({torch.__version__}) has no torch.ao.quantization.quantize_dynamic") from exc
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        return quantize_dynamic(model.cpu().eval(), {nn.Linear}, dtype=torch.qint8, inplace=False)


def quantize_predictor(predictor: Any) -> Any:
    """Quantise a loaded Tagger's transformer in place; refuse predictors without one."""
    from diplo_ml.tasks.pillars import Tagger

    model = getattr(predictor, "model", None)
    module = getattr(model, "model", None)
    if not isinstance(predictor, Tagger) or not isinstance(module, nn.Module):
        kind = type(model).__name__
        raise DiploError(f"--quantize needs a fine-tuned transformer tagger checkpoint; a {kind} checkpoint has "
                         "no torch Linear layers to quantise")
    model.model = quantize_dynamic_int8(module)
    predictor.meta = {**getattr(predictor, "meta", {}), "quantization": QUANTIZATION}
    return predictor
