"""Evaluation of near-duplicate (syndication) and same-story clustering (``marsad eval clusters``).

* **Syndication** on ``news/saudinewsnet``: a silver pair set built independently of MinHash —
  two articles are a syndicated pair when at least half of the shorter one's word 8-grams
  (normalised, clitic-keyed, after dropping datelines and credits) occur verbatim in the other.
  That is exact n-gram containment at a different n than the clusterer's shingles, computed
  over every pair through an inverted index. Reported for all pairs and for the pairs the issue
  names: a Saudi Press Agency item (``was``) and a newspaper article.
* **Stories** on ``news/ant_multisource``: hand-labelled pairs in ``eval/gold/story_pairs.jsonl``
  (same / different story), pair precision/recall/F1 and B-cubed, per split (dev / test).
* **Headline pairs** (``pairs/ans_headline_stance``): how :func:`~marsad.cluster.story_score` separates
  paraphrase headlines (agree) from unrelated ones (other) and from contradictions (disagree).
"""

from __future__ import annotations

import csv
import gzip
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cluster import ClusterConfig, ClusterDoc, Clusterer, featurize, story_score
from ..cluster.features import body_text, content_keys, shingles

GOLD_STORY_PAIRS = Path("eval/gold/story_pairs.jsonl")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


@dataclass(slots=True)
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "predicted": self.n_pred, "gold": self.n_gold}


def _pairs(groups: Iterable[list[str]]) -> set[tuple[str, str]]:
    out = set()
    for g in groups:
        out.update(itertools.combinations(sorted(g), 2))
    return out


# ---------------------------------------------------------------- syndication

def syndication_silver(rows: list[dict[str, Any]], n: int = 8, min_containment: float = 0.5,
                       max_df: int = 40) -> set[tuple[str, str]]:
    """Silver syndicated pairs: ≥ ``min_containment`` of the shorter article's word n-grams occur in the other.

    n-grams shared by more than ``max_df`` articles (boilerplate) are not counted.
    """
    grams = {r["id"]: shingles(content_keys(body_text(r["text"])), n) for r in rows}
    index: dict[str, list[str]] = defaultdict(list)
    for i, gs in grams.items():
        for g in gs:
            index[g].append(i)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in index.values():
        if 1 < len(ids) <= max_df:
            for a, b in itertools.combinations(sorted(ids), 2):
                shared[(a, b)] += 1
    return {p for p, k in shared.items() if k >= min_containment * min(len(grams[p[0]]), len(grams[p[1]]))}


def predicted_copy_pairs(c: Clusterer) -> set[tuple[str, str]]:
    """Pairs the clusterer calls copies: same near-duplicate group, or an excerpt edge."""
    groups: dict[str, list[str]] = defaultdict(list)
    for i in c.features:
        groups[c.dup_id(i)].append(i)
    pairs = _pairs(groups.values())
    for short, longs in c.excerpt_of.items():
        pairs.update(tuple(sorted((short, long_))) for long_ in longs)
    return pairs


def evaluate_syndication(path: Path, config: ClusterConfig | None = None) -> dict[str, Any]:
    rows = list(read_jsonl(path))
    config = config or ClusterConfig()
    is_wire = {r["id"]: (r.get("meta") or {}).get("source_id") == "was" for r in rows}
    silver = syndication_silver(rows)
    out: dict[str, Any] = {"articles": len(rows), "silver_pairs": len(silver),
                           "silver_wire_paper_pairs": sum(1 for a, b in silver if is_wire[a] != is_wire[b])}
    # One clustering of everything, and one per crawl day (the two days as dev / held-out halves).
    subsets = {"all": rows}
    for day in sorted({r["id"].split("-", 1)[1][:10] for r in rows}):
        subsets[day] = [r for r in rows if r["id"][4:14] == day]
    for name, subset in subsets.items():
        ids = {r["id"] for r in subset}
        gold = {p for p in silver if p[0] in ids and p[1] in ids}
        c = Clusterer(config)
        c.add_many(ClusterDoc.from_record(r) for r in subset)
        pred = predicted_copy_pairs(c)
        wire = lambda p: is_wire[p[0]] != is_wire[p[1]]  # noqa: E731
        gw, pw = {p for p in gold if wire(p)}, {p for p in pred if wire(p)}
        out[name] = {"all_pairs": PRF(len(pred & gold), len(pred), len(gold)).to_dict(),
                     "wire_paper_pairs": PRF(len(pw & gw), len(pw), len(gw)).to_dict()}
    return out


# ---------------------------------------------------------------- stories

def load_story_pairs(path: Path = GOLD_STORY_PAIRS) -> list[dict[str, Any]]:
    return list(read_jsonl(path))


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of a predicted clustering against a gold one over the same items."""
    items = sorted(gold)
    pg: dict[str, set[str]] = defaultdict(set)
    gg: dict[str, set[str]] = defaultdict(set)
    for i in items:
        pg[pred[i]].add(i)
        gg[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        same_pred, same_gold = pg[pred[i]], gg[gold[i]]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(items), r / len(items)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def _components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    parent = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    return {n: find(n) for n in parent}


def story_scores(assign: dict[str, str], pairs: list[dict[str, Any]]) -> dict[str, Any]:
    """Pair P/R/F1 and B-cubed of story assignments on labelled pairs."""
    tp = sum(1 for p in pairs if p["label"] == "same" and assign[p["a"]] == assign[p["b"]])
    n_pred = sum(1 for p in pairs if assign[p["a"]] == assign[p["b"]])
    n_gold = sum(1 for p in pairs if p["label"] == "same")
    nodes = {x for p in pairs for x in (p["a"], p["b"])}
    gold = _components(nodes, [(p["a"], p["b"]) for p in pairs if p["label"] == "same"])
    return {"pairs": len(pairs), "pair": PRF(tp, n_pred, n_gold).to_dict(),
            "bcubed": bcubed({n: assign[n] for n in nodes}, gold)}


def evaluate_stories(path: Path, gold_path: Path = GOLD_STORY_PAIRS, config: ClusterConfig | None = None) -> dict[str, Any]:
    rows = list(read_jsonl(path))
    pairs = load_story_pairs(gold_path)
    c = Clusterer(config or ClusterConfig())
    c.add_many(ClusterDoc.from_record(r) for r in rows)
    assign = {i: c.story_id(i) for i in c.features}
    out: dict[str, Any] = {"articles": len(rows), "clusters": len(set(assign.values())),
                           "multi_article_clusters": sum(1 for ids in c.members().values() if len(ids) > 1),
                           "largest_cluster": max(len(ids) for ids in c.members().values())}
    for split in ("dev", "test", "all"):
        sel = [p for p in pairs if split == "all" or p["split"] == split]
        out[split] = story_scores(assign, sel)
    return out


def sweep_story_threshold(path: Path, thresholds: Iterable[float], split: str = "dev", gold_path: Path = GOLD_STORY_PAIRS,
                          **config_kw: Any) -> list[dict[str, Any]]:
    """Pair F1 on one split for each story threshold: how the default was chosen (on dev only)."""
    rows = list(read_jsonl(path))
    pairs = [p for p in load_story_pairs(gold_path) if split == "all" or p["split"] == split]
    base = ClusterConfig(**config_kw)
    feats = [featurize(ClusterDoc.from_record(r), base) for r in rows]
    out = []
    for t in thresholds:
        cfg = ClusterConfig(**{**config_kw, "story_threshold": t})
        c = Clusterer(cfg)
        c.add_many(feats)
        assign = {i: c.story_id(i) for i in c.features}
        res = story_scores(assign, pairs)
        out.append({"threshold": t, **res})
    return out


# ---------------------------------------------------------------- headline pairs

def evaluate_headlines(path: Path, threshold: float | None = None) -> dict[str, Any]:
    """Score each headline pair with the story similarity; report mean score per stance and agree-vs-other accuracy."""
    cfg = ClusterConfig()
    threshold = cfg.story_threshold if threshold is None else threshold
    by: dict[str, list[float]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            a = featurize(ClusterDoc(id=f"a{i}", text=row["s1"]), cfg)
            b = featurize(ClusterDoc(id=f"b{i}", text=row["s2"]), cfg)
            by[row["stance"]].append(story_score(a, b, cfg))
    out: dict[str, Any] = {"threshold": threshold}
    for stance, scores in sorted(by.items()):
        out[stance] = {"pairs": len(scores), "mean_score": round(sum(scores) / len(scores), 4),
                       "share_above_threshold": round(sum(s >= threshold for s in scores) / len(scores), 4)}
    return out


def evaluate_all(data_dir: Path, gold_path: Path = GOLD_STORY_PAIRS) -> dict[str, Any]:
    return {
        "syndication": evaluate_syndication(data_dir / "news" / "saudinewsnet" / "articles.jsonl"),
        "stories": evaluate_stories(data_dir / "news" / "ant_multisource" / "articles.jsonl", gold_path),
        "headlines": evaluate_headlines(data_dir / "pairs" / "ans_headline_stance" / "dev.csv"),
    }
