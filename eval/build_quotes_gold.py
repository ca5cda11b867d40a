"""Build ``eval/gold/quotes.jsonl`` from the hand annotations in ``eval/gold/quotes_annotations.txt``.

Annotations name each span by its text, or by its first and last words (``first ~~ last``);
this script finds them in the article (matching on normalised text, so diacritics and hamza
forms in the annotation need not be copied exactly), in order, and writes offsets into the
original text plus a 12-hex fingerprint of each span (``check``), never the span's words: the
article text stays in ../shared/data/news (some of it may not be redistributed), and the
evaluation reads the words back from there and checks them against the fingerprint.
The annotation files name long spans by three words at each end for the same reason.
Run from the project root: ``python eval/build_quotes_gold.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from marsad.config import require_shared_data
from marsad.evaluation.quotes import span_check
from marsad.text import normalize, normalize_with_map

sys.path.insert(0, str(Path(__file__).parent))
from sample_quotes_gold import blind2_sample, blind_sample, sample, train2_sample, train3_sample  # noqa: E402

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "gold" / "quotes_annotations.txt"
OUT = ROOT / "gold" / "quotes.jsonl"
_TRIM = " \t\"'“”«»:،,.!؟?"


def load_articles(ids: set[str]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for corpus in ("ant_multisource", "saudinewsnet"):
        with require_shared_data("news", corpus, "articles.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] in ids:
                    found[row["id"]] = row
    return found


def parse(path: Path) -> list[tuple[str, list[tuple[bool, str, str | None]]]]:
    blocks: list[tuple[str, list[tuple[bool, str, str | None]]]] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            blocks.append((line[1:].strip(), []))
            continue
        kind, _, rest = line.partition(" ")
        if kind not in ("D", "I") or not blocks:
            raise SystemExit(f"{path}:{n}: cannot read {raw!r}")
        span, _, speaker = rest.rpartition("|")
        blocks[-1][1].append((kind == "D", span.strip(), speaker.strip() or None))
    return blocks


def locate(text: str, spec: str, cursor: int) -> tuple[int, int]:
    """Find ``spec`` (``first ~~ last`` or whole text) in ``text`` at or after ``cursor`` (original offsets)."""
    nt = normalize_with_map(text)
    ncur = next((i for i in range(len(nt.text)) if nt.to_original(i) >= cursor), len(nt.text))
    first, sep, last = (normalize(p.strip().strip(_TRIM)) for p in spec.partition("~~"))
    s = nt.text.find(first, ncur)
    if s < 0:
        raise LookupError(f"start {first!r} not found")
    if sep:
        e = nt.text.find(last, s + len(first))
        if e < 0:
            raise LookupError(f"end {last!r} not found after start")
        e += len(last)
    else:
        e = s + len(first)
    return nt.span_to_original(s, e)


def gold_rows(blocks: list[tuple[str, list[tuple[bool, str, str | None]]]], split_of) -> list[dict]:
    """Gold rows (id, outlet, split, located quotes) for parsed annotation blocks.

    Every span must be found in its article, in order; the first that is not stops the build.
    Each quote carries its ``text`` for use in memory; :func:`write_rows` leaves it out of files.
    """
    articles = load_articles({aid for aid, _ in blocks})
    rows = []
    for aid, quotes in blocks:
        text = articles[aid]["text"]
        cursor = 0
        spans = []
        for direct, spec, speaker in quotes:
            try:
                start, end = locate(text, spec, cursor)
            except LookupError as exc:
                raise SystemExit(f"{aid}: {spec!r}: {exc}") from None
            cursor = end
            spans.append({"start": start, "end": end, "check": span_check(text[start:end]), "text": text[start:end],
                          "direct": direct, "speaker": speaker})
        rows.append({"id": aid, "outlet": articles[aid]["outlet"], "split": split_of(aid), "quotes": spans})
    return rows


def write_rows(rows: list[dict], out: Path) -> None:
    """Write gold rows as JSONL without the span words (offsets and fingerprints only)."""
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            quotes = [{k: v for k, v in q.items() if k != "text"} for q in row["quotes"]]
            fh.write(json.dumps({**row, "quotes": quotes}, ensure_ascii=False) + "\n")


def main() -> None:
    scored = dict(sample() + blind_sample() + blind2_sample())
    train2 = dict(train2_sample())
    train3 = dict(train3_sample())
    splits = scored | train2 | train3
    blocks = parse(SOURCE)
    annotated = {aid for aid, _ in blocks}
    missing = set(scored) - annotated
    if missing:
        raise SystemExit(f"articles of the sample not annotated: {sorted(missing)}")
    unknown = annotated - set(splits)
    if unknown:
        raise SystemExit(f"annotated articles outside every sample: {sorted(unknown)}")
    # train2 and train3 are annotated in batches; an article not yet annotated is simply not in the gold yet.
    for name, batch in (("train2", train2), ("train3", train3)):
        pending = set(batch) - annotated
        if pending:
            print(f"{name}: {len(batch) - len(pending)} of {len(batch)} articles annotated so far")
    rows = gold_rows(blocks, splits.__getitem__)
    write_rows(rows, OUT)
    n = sum(len(r["quotes"]) for r in rows)
    print(f"{len(rows)} articles, {n} quotes -> {OUT}")


if __name__ == "__main__":
    main()
