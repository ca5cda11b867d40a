"""Evaluation of dateline, outlet and source detection against ``eval/gold/source.jsonl``.

The gold holds 100 randomly drawn articles from the three news corpora (4 per outlet from
saudinewsnet and ant_multisource, 30 from ant_unlabeled), annotated by hand: the dateline span as
written (with its closing separator), the publisher the dateline names, and the credited source
with its span. Article text stays in the shared data; the gold refers to it by id.

Scores (precision, recall, F1) are per decision: a dateline counts as correct only with the exact
span; an outlet only with the exact canonical name (metadata outlets are withheld, so the
detector must find it in the text); a source when its name matches and its span overlaps the gold.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.config import require_shared_data
from marsad.evaluation.metrics import PRF

GOLD = Path(__file__).resolve().parents[3] / "eval" / "gold" / "source.jsonl"
_CORPUS_FILES = {
    "saudinewsnet": ("news", "saudinewsnet", "articles.jsonl"),
    "ant_multisource": ("news", "ant_multisource", "articles.jsonl"),
    "ant_unlabeled": ("news", "ant_unlabeled", "articles.jsonl.gz"),
}


@dataclass
class SourceEval:
    articles: int = 0
    dateline: PRF = field(default_factory=PRF)
    outlet: PRF = field(default_factory=PRF)
    source: PRF = field(default_factory=PRF)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "dateline": self.dateline.to_dict(), "outlet": self.outlet.to_dict(),
                "source": self.source.to_dict(), "errors": self.errors}


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _texts(gold: list[dict[str, Any]]) -> dict[str, str]:
    wanted: dict[str, set[str]] = {}
    for g in gold:
        wanted.setdefault(g["corpus"], set()).add(g["id"])
    texts: dict[str, str] = {}
    for corpus, ids in wanted.items():
        path = Path(require_shared_data(*_CORPUS_FILES[corpus]))
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row["id"] in ids:
                    texts[row["id"]] = row["text"]
    missing = {g["id"] for g in gold} - set(texts)
    if missing:
        raise FileNotFoundError(f"{len(missing)} gold article(s) not found in the shared data, e.g. {sorted(missing)[0]}")
    return texts


def evaluate_source(gold_path: Path = GOLD) -> SourceEval:
    from marsad.doc import Doc, RawArticle
    from marsad.extract.source import SourceDetector

    gold = load_gold(gold_path)
    texts = _texts(gold)
    detector = SourceDetector()
    result = SourceEval()
    for g in gold:
        text = texts[g["id"]]
        doc = Doc(RawArticle(text=text, id=g["id"]))  # no metadata outlet: it must come from the text
        detector(doc)
        result.articles += 1
        dl = next(((s, e) for s, e, label in doc.boilerplate if label == "dateline"), None)
        gdl = (g["dateline"]["start"], g["dateline"]["end"]) if g["dateline"] else None
        result.dateline.add(gdl, dl, dl == gdl)
        result.outlet.add(g["outlet"], doc.outlet, doc.outlet == g["outlet"])
        gs, ps = g["source"], doc.source
        same = bool(gs and ps and ps.name == gs["name"] and ps.start < gs["end"] and gs["start"] < ps.end)
        result.source.add(gs, ps, same)
        if dl != gdl or doc.outlet != g["outlet"] or (gs is not None or ps is not None) and not same:
            result.errors.append(
                f"{g['id']}: dateline {text[dl[0]:dl[1]] if dl else None!r} vs {g['dateline']['text'] if g['dateline'] else None!r}; "
                f"outlet {doc.outlet!r} vs {g['outlet']!r}; source {ps.name if ps else None!r} vs {gs['name'] if gs else None!r}"
            )
    return result
