"""Scoring the quantities and dates components against hand-annotated gold.

Gold rows (``eval/gold/quantities.jsonl`` / ``eval/gold/dates.jsonl``):
``{"id", "split", "corpus", "published_at", "quantities"|"dates": [{"start", "end", "text", ...}]}``;
the article text is read from the shared news corpora by id and run through the pipeline with
its ``published_at``.

* **Detection**: a prediction matches a gold item when their spans overlap; matching is one-to-one,
  largest overlap first. Span boundaries differ legitimately (يوم الخميس / الخميس), so exact-boundary
  agreement is reported separately.
* **Full** (the headline figure): a match counts only when the value is right and, for quantities,
  the approximator too (``value+approx``); for dates, the value and the resolution.
* Accuracies over matched pairs: value, approx, kind, unit (ISO code for money; counted noun compared
  after normalisation and clitic stripping) and category (over gold items that have one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .metrics import load_news_articles as load_articles
from .metrics import match_spans as match
from ..text import clitic_key


def values_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def units_equal(gold: dict, pred: dict) -> bool:
    g, p = gold.get("unit"), pred.get("unit")
    if g is None or p is None:
        return g is None and p is None
    if gold.get("kind") == "money":
        return g == p
    return clitic_key(g) == clitic_key(p)


@dataclass
class Counts:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    full: int = 0
    exact_span: int = 0
    value_ok: int = 0
    extra: dict[str, list[int]] = field(default_factory=dict)  # name -> [ok, total]

    @staticmethod
    def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def detection(self) -> tuple[float, float, float]:
        return self.prf(self.matched, self.predicted, self.gold)

    @property
    def strict(self) -> tuple[float, float, float]:
        return self.prf(self.full, self.predicted, self.gold)

    def tally(self, name: str, ok: bool) -> None:
        slot = self.extra.setdefault(name, [0, 0])
        slot[0] += int(ok)
        slot[1] += 1

    def add(self, other: Counts) -> None:
        for f in ("articles", "gold", "predicted", "matched", "full", "exact_span", "value_ok"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        for k, (ok, tot) in other.extra.items():
            slot = self.extra.setdefault(k, [0, 0])
            slot[0] += ok
            slot[1] += tot


@dataclass
class ArticleResult:
    id: str
    split: str
    counts: Counts
    pairs: list[tuple[dict, dict | None]]
    spurious: list[dict]


def score_article(key: str, gold: list[dict], pred: list[dict]) -> tuple[Counts, list, list]:
    c = Counts(articles=1, gold=len(gold), predicted=len(pred))
    pairs, spurious = match(gold, pred)
    for g, p in pairs:
        if p is None:
            continue
        c.matched += 1
        c.exact_span += int(g["start"] == p["start"] and g["end"] == p["end"])
        v_ok = values_equal(g["value"], p["value"])
        c.value_ok += int(v_ok)
        if key == "quantities":
            a_ok = g["approx"] == p["approx"]
            c.full += int(v_ok and a_ok)
            c.tally("approx", a_ok)
            c.tally("kind", g["kind"] == p["kind"])
            c.tally("unit", units_equal(g, p))
            if g.get("category"):
                c.tally("category", g["category"] == p.get("category"))
        else:
            r_ok = g["resolution"] == p["resolution"]
            c.full += int(v_ok and r_ok)
            c.tally("resolution", r_ok)
            c.tally("relative", bool(g.get("relative")) == bool(p.get("relative")))
    return c, pairs, spurious


def evaluate(rows: list[dict[str, Any]], key: str, pipeline) -> list[ArticleResult]:
    from ..doc import RawArticle

    articles = load_articles(r["id"] for r in rows)
    out = []
    for row in rows:
        art = articles[row["id"]]
        record = pipeline.extract(RawArticle(text=art["text"], id=art["id"], outlet=art.get("outlet"),
                                             published_at=row.get("published_at", art.get("date"))))
        pred = [x.__class__ and _as_dict(x) for x in getattr(record, key)]
        c, pairs, spurious = score_article(key, row[key], pred)
        out.append(ArticleResult(row["id"], row.get("split", "all"), c, pairs, spurious))
    return out


def _as_dict(item) -> dict:
    from dataclasses import asdict

    return asdict(item)


def summarise(results: list[ArticleResult]) -> dict[str, Counts]:
    per: dict[str, Counts] = {}
    for r in results:
        for name in (r.split, "all"):
            per.setdefault(name, Counts()).add(r.counts)
    return per


def report(per: dict[str, Counts], key: str) -> str:
    full = "value+approx" if key == "quantities" else "value+resolution"
    extras = ("approx", "kind", "unit", "category") if key == "quantities" else ("resolution", "relative")
    head = (f"{'split':<6} {'art':>4} {'gold':>5} {'pred':>5} | {'det P':>6} {'det R':>6} {'det F1':>6} | "
            f"{'P':>6} {'R':>6} {'F1':>6} ({full}) | {'value acc':>9} {'exact span':>10} | " + " ".join(f"{e:>9}" for e in extras))
    lines = [head]
    for name in sorted(per, key=lambda s: (s == "all", s)):
        c = per[name]
        dp, dr, df = c.detection
        sp, sr, sf = c.strict
        va = c.value_ok / c.matched if c.matched else 0.0
        ex = c.exact_span / c.matched if c.matched else 0.0
        ext = " ".join(f"{(c.extra.get(e, [0, 0])[0] / c.extra[e][1]) if c.extra.get(e, [0, 0])[1] else 0.0:9.3f}" for e in extras)
        lines.append(f"{name:<6} {c.articles:>4} {c.gold:>5} {c.predicted:>5} | {dp:6.3f} {dr:6.3f} {df:6.3f} | "
                     f"{sp:6.3f} {sr:6.3f} {sf:6.3f} {'':>{len(full) + 2}} | {va:9.3f} {ex:10.3f} | {ext}")
    return "\n".join(lines)


def errors(results: list[ArticleResult], key: str) -> list[str]:
    out = []
    for r in results:
        for g, p in r.pairs:
            if p is None:
                out.append(f"MISS  {r.id} {g['text']!r} value={g['value']}")
            elif not values_equal(g["value"], p["value"]) or (key == "quantities" and g["approx"] != p["approx"]) \
                    or (key == "dates" and g["resolution"] != p["resolution"]):
                extra = f" approx {g['approx']}/{p['approx']}" if key == "quantities" else f" res {g['resolution']}/{p['resolution']}"
                out.append(f"VALUE {r.id} {g['text']!r}/{p['text']!r} value {g['value']}/{p['value']}{extra}")
            if key == "quantities" and p is not None and (g.get("category") or p.get("category")) \
                    and g.get("category") != p.get("category"):
                out.append(f"CAT   {r.id} {g['text']!r} category {g.get('category')}/{p.get('category')}")
        for p in r.spurious:
            out.append(f"EXTRA {r.id} {p['text']!r} value={p['value']}")
    return out
