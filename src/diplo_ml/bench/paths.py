"""The inference paths `diplo-ml bench` measures side by side against the fp32 Tagger.

Each path turns a freshly loaded tagger into a scoring function. torch paths come from :mod:`diplo_ml.precision`;
ONNX Runtime paths (fp32 graph-optimised, and int8 with per-channel weights and the pooler/classifier kept in fp32)
export the checkpoint into a temporary folder first and need the ``onnx`` extra.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch

from diplo_ml.errors import DiploError
from diplo_ml.models.encoding import batched_forward, pad_values
from diplo_ml.precision import apply_precision, torch_module

Scores = Callable[[list[str], dict | None], np.ndarray]
TORCH_PATHS = ("fp32", "bf16", "int8-dynamic")
ONNX_PATHS = ("onnx-fp32", "onnx-int8")
INSTALL = 'pip install -e ".[onnx]"'


def torch_path(tagger: Any, name: str) -> Scores:
    apply_precision(tagger, name)
    return tagger.scores


def export_onnx(tagger: Any, path: Path) -> list[str]:
    """Export the tagger's encoder + head (sigmoid probabilities) to ONNX; return its input names."""
    module = torch_module(tagger).eval()
    tokenizer = tagger.model.tokenizer
    sample = tokenizer(["a first sample", "and a second, longer sample text"], ["a headline", "another one"],
                       return_tensors="pt", padding=True)
    names = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in sample]

    class Probabilities(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
            return torch.sigmoid(self.inner(**dict(zip(names, inputs))).logits)

    torch.onnx.export(Probabilities(module), tuple(sample[k] for k in names), str(path), input_names=names,
                      output_names=["probs"], opset_version=17, dynamo=False,
                      dynamic_axes={**{k: {0: "batch", 1: "tokens"} for k in names}, "probs": {0: "batch"}})
    return names


def onnx_path(tagger: Any, name: str, workdir: Path) -> Scores:
    """An ONNX Runtime scoring function (the same batching as the Tagger)."""
    try:
        import onnx
        import onnxruntime as ort
        from onnxruntime.quantization import QuantType, quant_pre_process, quantize_dynamic
    except ImportError:
        raise DiploError(f"the ONNX paths need onnxruntime and onnx: {INSTALL}") from None
    fp32 = workdir / "tagger.onnx"
    names = export_onnx(tagger, fp32)
    model_file = fp32
    if name == "onnx-int8":
        prepared, model_file = workdir / "tagger.pre.onnx", workdir / "tagger.int8.onnx"
        quant_pre_process(str(fp32), str(prepared), skip_symbolic_shape=True)
        graph = onnx.load(str(prepared)).graph
        keep = [n.name for n in graph.node if n.op_type in ("MatMul", "Gemm") and ("classifier" in n.name
                                                                                  or "pooler" in n.name)]
        quantize_dynamic(str(prepared), str(model_file), per_channel=True, weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul"], nodes_to_exclude=keep)
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = torch.get_num_threads()
    session = ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
    model = tagger.model

    def forward(inputs: dict[str, torch.Tensor]) -> torch.Tensor:
        return torch.from_numpy(session.run(None, {k: inputs[k].numpy() for k in names})[0])

    def scores(texts: list[str], context: dict | None = None) -> np.ndarray:
        return batched_forward(model.encode(texts, context), model.batch_size, forward, len(tagger.labels),
                               pad_values(model.tokenizer))

    return scores


def encoder_flops(config: Any, shapes: list[tuple[int, int]]) -> float:
    """Multiply-add FLOPs of a BERT-style encoder over padded batches ``(batch, tokens)``: per token and layer the
    Q/K/V/output projections (8 d^2), the feed-forward block (4 d f) and attention scores and sums (4 t d)."""
    d, f, layers = config.hidden_size, config.intermediate_size, config.num_hidden_layers
    return float(sum(b * t * layers * (8 * d * d + 4 * d * f + 4 * t * d) for b, t in shapes))


def batch_shapes(tagger: Any, texts: list[str], context: dict | None = None) -> list[tuple[int, int]]:
    """The padded (batch, tokens) shapes the Tagger runs for ``texts``."""
    from diplo_ml.models.encoding import length_sorted_batches

    model = tagger.model
    lengths = [len(r["input_ids"]) for r in model.encode(texts, context)]
    return [(len(batch), max(lengths[i] for i in batch)) for batch in length_sorted_batches(lengths, model.batch_size)]


def matmul_peak_gflops(dtype: torch.dtype = torch.float32, size: int = 1024, repeats: int = 10) -> float:
    """Measured GFLOP/s of one large square matrix product with torch's threads (median of ``repeats``)."""
    import statistics
    import time

    a = torch.randn(size, size).to(dtype)
    b = torch.randn(size, size).to(dtype)
    for _ in range(3):
        a @ b
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - start)
    return 2 * size**3 / statistics.median(times) / 1e9
