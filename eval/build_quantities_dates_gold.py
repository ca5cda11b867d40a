"""Turn the hand annotations into the gold JSONL files, resolving each span to exact offsets.

``python eval/build_quantities_dates_gold.py`` reads ``eval/gold/quantities_dates_annotations.txt``
and the articles in the shared data, and writes ``eval/gold/quantities.jsonl`` and
``eval/gold/dates.jsonl`` (one line per article: id, split, published_at, spans with start/end and
span text). It fails loudly when a span is not found where the annotation says.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from marsad.config import require_shared_data

sys.path.insert(0, str(Path(__file__).parent))
from sample_quantities_dates_gold import all_batches  # noqa: E402

GOLD = Path(__file__).parent / "gold"
CLITICS = {"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"}


def occurrences(text: str, span: str) -> list[int]:
    """Start offsets of whole-word occurrences (a span starting/ending in a digit may touch a clitic/suffix)."""
    out = []
    i = text.find(span)
    while i >= 0:
        j = i + len(span)
        k = i
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        glued = text[k:i]  # a proclitic written onto the span: والثلاثاء، بالأمس
        left_ok = i == 0 or not (text[i - 1].isdigit() or (glued and span[0].isalpha() and glued.rstrip("ـ") not in CLITICS))
        right_ok = j == len(text) or not (text[j].isdigit() or (text[j].isalpha() and span[-1].isalpha()))
        if left_ok and right_ok:
            out.append(i)
        i = text.find(span, i + 1)
    return out


def _val(v: str):
    if v == "-":
        return None
    f = float(v)
    return int(f) if f.is_integer() and "." not in v else f


def main() -> None:
    splits = dict(all_batches())
    articles = {}
    for corpus in ("ant_multisource", "saudinewsnet"):
        for line in require_shared_data("news", corpus, "articles.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            if row["id"] in splits:
                articles[row["id"]] = row
    quants: dict[str, list] = {}
    dates: dict[str, list] = {}
    current = None
    for n, line in enumerate((GOLD / "quantities_dates_annotations.txt").read_text("utf-8").splitlines(), 1):
        line = line.strip()
        if line.startswith("## "):
            current = line[3:].strip()
            quants[current], dates[current] = [], []
            continue
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        text = articles[current]["text"]
        span, occ = fields[1], int(fields[2])
        starts = occurrences(text, span)
        if len(starts) < occ:
            raise SystemExit(f"line {n}: {span!r} occurrence {occ} not found in {current} (found {len(starts)})")
        s = starts[occ - 1]
        item = {"start": s, "end": s + len(span), "text": span}
        if fields[0] == "Q":
            item.update(value=_val(fields[3]), approx=fields[4], kind=fields[5],
                        unit=None if fields[6] == "-" else fields[6], category=None if fields[7] == "-" else fields[7])
            quants[current].append(item)
        else:
            item.update(value=None if fields[3] == "-" else fields[3], resolution=fields[4], relative=fields[5] == "1")
            dates[current].append(item)
    missing = set(splits) - set(quants)
    if missing:
        raise SystemExit(f"articles not annotated: {sorted(missing)}")
    for name, table in (("quantities", quants), ("dates", dates)):
        with (GOLD / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for aid, split in all_batches():
                row = articles[aid]
                rec = {"id": aid, "split": split, "corpus": "saudinewsnet" if aid.startswith("snn-") else "ant_multisource",
                       "published_at": row["date"], name: sorted(table[aid], key=lambda x: x["start"])}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{sum(map(len, quants.values()))} quantities, {sum(map(len, dates.values()))} dates in {len(quants)} articles")


if __name__ == "__main__":
    main()
