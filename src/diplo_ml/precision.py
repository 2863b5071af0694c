"""Faster inference paths for a loaded transformer tagger: ``diplo_ml.load(path, precision=NAME)``.

- ``fp32``: as trained.
- ``bf16``: every module but the classification head in bfloat16, the head in float32. On CPUs with bf16 matrix
  units (AMX, AVX512-BF16) this is where the speed is; elsewhere it can be slower than fp32: `diplo-ml bench`
  measures it on the machine at hand and recommends a path only when it keeps the tags.
- ``int8-dynamic``: int8 weights for every ``nn.Linear`` (torch dynamic quantisation); fast but it changes tags
  on some checkpoints (docs/benchmarks.md).
"""

from __future__ import annotations

import warnings
from typing import Any

import torch
from torch import nn

from diplo_ml.errors import DiploError

PRECISIONS = ("fp32", "bf16", "int8-dynamic")


def check_precision(precision: str) -> None:
    """Refuse a precision that is not one of :data:`PRECISIONS`, naming them (before any loading)."""
    if precision not in PRECISIONS:
        raise DiploError(f"unknown precision '{precision}' (choose {', '.join(PRECISIONS)})")
HEAD = "classifier"  # the transformers sequence-classification head, kept in float32


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


def bf16_body(model: nn.Module) -> nn.Module:
    """``model`` with every child but the head in bfloat16; the head's input is cast back to float32."""
    head = getattr(model, HEAD, None)
    if not isinstance(head, nn.Module):
        raise DiploError(f"bf16 needs a sequence-classification model with a '{HEAD}' head")
    for name, child in model.named_children():
        if name != HEAD:
            child.to(torch.bfloat16)
    head.register_forward_pre_hook(lambda module, args, kwargs: (
        tuple(a.float() if torch.is_tensor(a) else a for a in args),
        {k: v.float() if torch.is_tensor(v) and v.is_floating_point() else v for k, v in kwargs.items()}),
        with_kwargs=True)
    return model.eval()


def torch_modules(predictor: Any) -> list[nn.Module]:
    """The torch networks a predictor's model offers to change (one, or one per ensemble member); a one-line
    error for none."""
    from diplo_ml.models.base import Model

    model = getattr(predictor, "model", None)
    modules = model.torch_modules() if isinstance(model, Model) else []
    if not modules:
        kind = type(model if model is not None else predictor).__name__
        raise DiploError(f"a faster precision needs a fine-tuned transformer tagger checkpoint; a {kind} checkpoint "
                         "has no torch layers to change")
    return modules


def torch_module(predictor: Any) -> nn.Module:
    """The one torch network of a single-model Tagger (ONNX export needs exactly one)."""
    modules = torch_modules(predictor)
    if len(modules) != 1:
        raise DiploError(f"this tagger runs {len(modules)} networks (an ensemble); ONNX export takes a single model")
    return modules[0]


def apply_precision(predictor: Any, precision: str) -> Any:
    """Switch a loaded Tagger to ``precision`` in place (``fp32`` leaves it as it is)."""
    check_precision(precision)
    if precision == "fp32":
        return predictor
    torch_modules(predictor)
    predictor.model.map_torch(bf16_body if precision == "bf16" else quantize_dynamic_int8)
    predictor.meta = {**getattr(predictor, "meta", {}), "precision": precision}
    return predictor


def quantize_predictor(predictor: Any) -> Any:
    """``--quantize``: int8 dynamic quantisation (kept for the commands and scripts that use it)."""
    try:
        return apply_precision(predictor, "int8-dynamic")
    except DiploError as exc:
        raise DiploError(str(exc).replace("a faster precision", "--quantize")) from None
