"""The notebooks: stored without outputs, and each one executes top to bottom on tiny runs."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_data_exploration.ipynb", "02_compare_experiments.ipynb", "03_inference_walkthrough.ipynb"]
HAVE_NBCLIENT = all(importlib.util.find_spec(m) for m in ("nbclient", "nbformat", "ipykernel"))


def test_notebooks_are_stored_without_outputs():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == NAMES
    for name in NAMES:
        notebook = json.loads((NOTEBOOKS / name).read_text())
        for index, cell in enumerate(notebook["cells"]):
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [] and cell.get("execution_count") is None, \
                    f"{name} cell {index} has stored outputs: clear them before committing"


@pytest.fixture(scope="module")
def tiny_runs(tmp_path_factory) -> dict[str, Path]:
    """A tagging run and a summarisation run, the smallest there are."""
    from diplo_ml.config import compose_config
    from diplo_ml.train import run

    base = tmp_path_factory.mktemp("notebook_runs")
    run(compose_config(["model=tfidf", "debug=smoke"]), base / "runs" / "a")
    run(compose_config(["task=summarise", "data=summaries_embedded", "model=lead", "debug=smoke"]),
        base / "runs" / "s")
    return {"runs": base / "runs", "tagger": base / "runs" / "a", "summariser": base / "runs" / "s"}


@pytest.mark.skipif(not HAVE_NBCLIENT, reason="nbclient/nbformat/ipykernel not installed (pip install -e .[dev])")
@pytest.mark.parametrize("name", NAMES)
def test_notebook_executes(name, tiny_runs, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("DIPLO_RUNS", str(tiny_runs["runs"]))
    monkeypatch.setenv("DIPLO_TAGGER", str(tiny_runs["tagger"]))
    monkeypatch.setenv("DIPLO_SUMMARISER", str(tiny_runs["summariser"]))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()  # raises on any cell error
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = " ".join(str(o.get("data", {}).get("text/markdown", "")) + str(o.get("text", "")) for o in outputs)
    if name.startswith("03"):
        assert "**Summary**" in shown and "labels and thresholds" in shown
    else:
        assert any("image/png" in o.get("data", {}) for o in outputs), f"{name} drew no figure"
