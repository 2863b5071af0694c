"""Boosted regression trees kept as plain arrays: fitted with scikit-learn, stored as safetensors (never pickled),
checked on load and walked with numpy. The summarisers' learned edits (clause cuts, a headline first) predict the
ROUGE-L change of an edit with them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from safetensors.numpy import save as safetensors_bytes

from diplo_ml.errors import DiploError, first_line
from diplo_ml.files import atomic_open

TREE_FIELDS = ("feature", "threshold", "left", "right", "value")
INDEX_FIELDS = ("feature", "left", "right", "root")


class BoostedTrees:
    """A fitted gradient-boosted regressor: ``base`` plus the leaf values its rows reach, one per tree."""

    def __init__(self, trees: dict[str, np.ndarray], base: float, features: int) -> None:
        self.trees = trees
        self.base = base
        self.features = features

    @classmethod
    def fit(cls, features: np.ndarray, targets: np.ndarray, *, trees: int, learning_rate: float,
            max_leaf_nodes: int, min_samples_leaf: int, seed: int) -> BoostedTrees:
        from sklearn.ensemble import GradientBoostingRegressor

        model = GradientBoostingRegressor(n_estimators=trees, learning_rate=learning_rate,
                                          max_leaf_nodes=max_leaf_nodes, min_samples_leaf=min_samples_leaf,
                                          random_state=seed)
        return cls.from_sklearn(model.fit(features, targets), features.shape[1])

    @classmethod
    def from_sklearn(cls, model: Any, features: int) -> BoostedTrees:
        """The fitted ``GradientBoostingRegressor``'s trees as arrays (learning rate folded into the leaf values)."""
        arrays: dict[str, list[np.ndarray]] = {name: [] for name in (*TREE_FIELDS, "root")}
        offset = 0
        for (estimator,) in model.estimators_:
            tree = estimator.tree_
            leaf = tree.children_left < 0
            arrays["root"].append(np.array([offset]))
            arrays["feature"].append(np.where(leaf, 0, tree.feature))
            arrays["threshold"].append(tree.threshold)
            arrays["left"].append(np.where(leaf, -1, tree.children_left + offset))
            arrays["right"].append(np.where(leaf, -1, tree.children_right + offset))
            arrays["value"].append(tree.value[:, 0, 0] * model.learning_rate)
            offset += tree.node_count
        base = float(np.ravel(model.init_.constant_)[0])
        return cls({name: np.concatenate(parts) for name, parts in arrays.items()}, base, features)

    def predict(self, features: np.ndarray) -> np.ndarray:
        """The prediction for each row of ``features``."""
        t = self.trees
        features = np.asarray(features, dtype=np.float32).astype(np.float64)  # what scikit-learn's trees compare
        if features.ndim != 2 or features.shape[1] != self.features:
            raise DiploError(f"boosted trees take rows of {self.features} features, not an array of shape "
                             f"{features.shape}")
        nodes = np.tile(t["root"], (len(features), 1))              # (rows, trees)
        rows = np.arange(len(features))[:, None]
        while True:
            inner = t["left"][nodes] >= 0
            if not inner.any():
                break
            go_left = features[rows, t["feature"][nodes]] <= t["threshold"][nodes]
            nodes = np.where(inner, np.where(go_left, t["left"][nodes], t["right"][nodes]), nodes)
        return self.base + t["value"][nodes].sum(axis=1)

    # persistence -----------------------------------------------------------------------------------------------
    def save(self, path: Path, meta: dict[str, str] | None = None) -> None:
        """The trees as arrays in one safetensors file, with ``meta`` beside them, written atomically."""
        arrays = {name: np.ascontiguousarray(a) for name, a in self.trees.items()}
        header = {**(meta or {}), "base": repr(self.base), "features": str(self.features)}
        with atomic_open(Path(path), "wb") as handle:
            handle.write(safetensors_bytes(arrays, metadata=header))

    @classmethod
    def load(cls, path: Path, features: int, what: str) -> tuple[BoostedTrees, dict[str, str]]:
        """Trees saved by :meth:`save` for ``features`` features, and their metadata; a damaged or mismatched file
        is refused with a :class:`DiploError` naming it and ``what`` it holds."""
        from safetensors import safe_open

        try:
            with safe_open(str(path), "np") as handle:
                meta = handle.metadata() or {}
                arrays = {name: handle.get_tensor(name) for name in handle.keys()}
            base, saved_features = float(meta["base"]), int(meta.get("features", -1))
        except Exception as exc:  # noqa: BLE001 - safetensors raises several error types for damaged files
            raise DiploError(f"{path}: unreadable or damaged {what} ({first_line(exc)})") from None
        missing = [name for name in (*TREE_FIELDS, "root") if name not in arrays]
        problem = f"no {', '.join(missing)}" if missing else dtype_problem(arrays, base)
        trees = {} if problem else {k: (v.astype(np.int64) if k in INDEX_FIELDS else v) for k, v in arrays.items()}
        problem = problem or tree_problem(trees, saved_features, features)
        if problem:
            raise DiploError(f"{path}: damaged {what} ({problem})")
        return cls(trees, base, features), meta


def dtype_problem(arrays: dict[str, np.ndarray], base: float) -> str | None:
    """Why saved arrays are not what :meth:`BoostedTrees.save` writes, or None: whole-number indices that fit in
    int64, finite float thresholds, values and base."""
    for name in INDEX_FIELDS:
        a = arrays[name]
        if not np.issubdtype(a.dtype, np.integer) or (a.size and a.dtype.kind == "u"
                                                       and int(a.max()) > np.iinfo(np.int64).max):
            return f"{name} holds {a.dtype} values, not whole-number indices"
    for name in ("threshold", "value"):
        if not np.issubdtype(arrays[name].dtype, np.floating) or not np.isfinite(arrays[name]).all():
            return f"{name} holds values that are not finite numbers"
    if not np.isfinite(base):
        return "a base value that is not a finite number"
    return None


def tree_problem(trees: dict[str, np.ndarray], saved_features: int, features: int) -> str | None:
    """Why saved trees cannot be walked safely, or None: sizes, feature ids, and children that only point down."""
    if saved_features != features:
        return f"made for {saved_features} features, this version computes {features}; retrain it"
    nodes = len(trees["feature"])
    if any(trees[name].ndim != 1 or len(trees[name]) != nodes for name in TREE_FIELDS) or trees["root"].ndim != 1:
        return "arrays of different shapes"
    index = np.arange(nodes)
    left, right = trees["left"], trees["right"]
    leaf = left < 0
    if (leaf != (right < 0)).any() or ((~leaf) & ((left <= index) | (right <= index) | (left >= nodes)
                                                 | (right >= nodes))).any():
        return "a child index out of range"
    if ((trees["feature"] < 0) | (trees["feature"] >= features)).any() or ((trees["root"] < 0)
                                                                             | (trees["root"] >= nodes)).any():
        return "a feature or root index out of range"
    return None
