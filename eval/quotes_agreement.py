"""Inter-annotator agreement on quotations: annotator B (``gold/quotes_agreement_annotations.txt``)
against annotator A (the same articles in ``gold/quotes.jsonl``).

B annotated articles of the ``test`` split from the article text alone, before reading A's spans for them:
the 12 of the study as briefed (test ids 4-15 in file order; ids 1-3 were skipped because B had glimpsed
A's lines for them), then, as an extension, test ids 16-30 (15 more). Figures are printed per group and in all.
Both sides are compared with the project's own quote metric (:mod:`marsad.evaluation.quotes`):
a quote of one annotator matches one of the other when their spans overlap by at least half of the
*reference* span, one-to-one, largest overlaps first; speakers agree by ``speakers_agree``.
Because the overlap criterion is relative to the reference span, it is not symmetric, so both
directions are reported (B scored against A as reference, and A against B) with their mean F1.

Every disagreement (a quote only one annotator marked, a matched pair whose spans differ by more than
a boundary tolerance, a matched pair whose speakers disagree) is listed, with the class given to it
by hand in ``CLASSES`` (keyed by article id and the first words of the quote's text).

Run from the project root: ``python eval/quotes_agreement.py``.

``python eval/quotes_agreement.py --pair A.jsonl B.jsonl`` compares any two gold files over the articles both
annotated (session 6: ``quotes_blind9.jsonl`` part a against ``quotes_blind9a2.jsonl``, the same 40 articles
annotated twice, independently, from the text alone) and lists every speaker disagreement; no hand classes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from marsad.evaluation.quotes import Counts, attach_span_texts, match, speakers_agree
from marsad.text import normalize

sys.path.insert(0, str(Path(__file__).parent))
from build_quotes_gold import gold_rows, load_articles, parse  # noqa: E402

ROOT = Path(__file__).resolve().parent
B_SOURCE = ROOT / "gold" / "quotes_agreement_annotations.txt"
A_GOLD = ROOT / "gold" / "quotes.jsonl"
#: A matched pair whose spans' Jaccard overlap (in characters) is below this is a boundary disagreement.
BOUNDARY_JACCARD = 0.8

# Hand classification of each disagreement, filled in after both annotations existed.
# Key: (article id, "A" or "B" = whose quote, first three normalised words of that quote's text).
# Classes: missed (one annotator overlooked a quote the guidelines cover), scope (the annotators
# applied a different scope convention), boundary (same quote, different extent), split (one
# annotator's single quote is two of the other's), speaker-naming (same speaker named differently),
# speaker (different speaker).
CLASSES: dict[tuple[str, str, str], str] = {
    # A keeps the journalist's appositive after the quoted words (زعيم التنظيم); B stops at the quote's referent.
    ("ant-SK-middleEast-1600-20180511", "A", "الحبل يضيق حول"): "boundary",
    # An unnamed relative of the column's author: A writes it as the text does (والدي), B as a description.
    ("snn-2015-08-10-01268", "A", "كان مثالاً للتواضع"): "speaker-naming",
    # «تقول إن X، وإنها حين … "…"»: A made two quotes, B one (coordinated إن/أن clauses kept together).
    ("snn-2015-08-11-00021", "A", "ابنها البالغ من"): "split",
    ("snn-2015-08-11-00021", "A", "حين حاولت تقديم"): "split",
    # «وفقا للكرملين، هنأ بوتن … على "…"، وشدد على "…"»: A took the whole sentence as a وفقا attribution
    # (speaker الكرملين), B the two quoted fragments after the cues (speaker بوتن).
    ("ant-SK-middleEast-1788-20180518", "A", "هنأ بوتن الرئيس"): "scope",
    ("ant-SK-middleEast-1788-20180518", "B", "نجاحات جيش الحكومة"): "scope",
    ("ant-SK-middleEast-1788-20180518", "B", "ضرورة تهيئة ظروف"): "scope",
    # «أفادت تقارير أن …»: A gives no speaker, B the description تقارير.
    ("snn-2015-08-10-00824", "A", "أربعة من رجال"): "speaker-naming",
    # A parenthetical «-كما قال-» inside a narrative sentence: B counted it as an attribution, A did not.
    ("snn-2015-08-10-01268", "B", "تراكمت -كما قال-"): "scope",
    # «طلبت الوزارة من الأئمة أن تكون …»: a directive + أن clause; B counted it, A did not.
    ("ant-SK-middleEast-1412-20180503", "B", "تكون صلاة التراويح"): "scope",
}


def build_b() -> list[dict]:
    """B's rows in the gold row format, spans located exactly as eval/build_quotes_gold.py does."""
    return gold_rows(parse(B_SOURCE), lambda _aid: "agreement")


def key_words(text: str, n: int = 3) -> str:
    return " ".join(normalize(text).replace('"', " ").split()[:n])


def jaccard(a: dict, b: dict) -> float:
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
    return inter / union if union else 1.0


def compare(ref_rows: dict[str, dict], other_rows: dict[str, dict]) -> tuple[Counts, list[tuple[str, dict, dict | None]], list[tuple[str, dict]]]:
    """Score ``other`` against ``ref`` as the reference, article by article."""
    total = Counts()
    pairs_all, spurious_all = [], []
    for aid, ref in ref_rows.items():
        other = other_rows[aid]["quotes"]
        pairs, spurious = match(ref["quotes"], other)
        c = Counts(gold=len(ref["quotes"]), predicted=len(other))
        for g, p in pairs:
            if p is not None:
                c.matched += 1
                c.speaker_ok += speakers_agree(g.get("speaker"), p.get("speaker"))
        total.add(c)
        pairs_all += [(aid, g, p) for g, p in pairs]
        spurious_all += [(aid, p) for p in spurious]
    return total, pairs_all, spurious_all


def report(title: str, a_rows: dict[str, dict], b_rows: dict[str, dict]) -> tuple[Counts, list, list]:
    b_vs_a, pairs, only_b = compare(a_rows, b_rows)
    a_vs_b, _, _ = compare(b_rows, a_rows)
    print(f"\n{title}: {len(a_rows)} articles; A: {b_vs_a.gold} quotes, B: {b_vs_a.predicted} quotes")
    print("direction            matched |  det P  det R det F1 | spk P  spk R spk F1 | speaker agreement on matched")
    for name, c in (("B vs A (A = ref)", b_vs_a), ("A vs B (B = ref)", a_vs_b)):
        p, r, f = c.detection
        sp, sr, sf = c.with_speaker
        agree = c.speaker_ok / c.matched if c.matched else 0.0
        print(f"{name:20} {c.matched:7d} | {p:6.3f} {r:6.3f} {f:6.3f} | {sp:5.3f} {sr:6.3f} {sf:6.3f} | "
              f"{c.speaker_ok}/{c.matched} = {agree:.3f}")
    print(f"symmetric detection F1 (mean of both directions): {(b_vs_a.detection[2] + a_vs_b.detection[2]) / 2:.3f}; "
          f"quote+speaker F1: {(b_vs_a.with_speaker[2] + a_vs_b.with_speaker[2]) / 2:.3f}")
    matched = [(a, b) for _, a, b in pairs if b is not None]
    exact = sum(a["start"] == b["start"] and a["end"] == b["end"] for a, b in matched)
    mean_j = sum(jaccard(a, b) for a, b in matched) / len(matched) if matched else 0.0
    print(f"span boundaries of matched pairs: {exact}/{len(matched)} identical, mean character Jaccard {mean_j:.3f}")
    same_name = sum((a.get("speaker") or "") == (b.get("speaker") or "") for a, b in matched)
    print(f"speaker strings identical on {same_name}/{len(matched)} matched pairs "
          "(the rest agree or not by speakers_agree's contiguous-words rule)")
    return b_vs_a, pairs, only_b


def load_rows(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as fh:
        rows = {row["id"]: row for row in map(json.loads, fh)}
    attach_span_texts(list(rows.values()), load_articles(set(rows)))
    return rows


def pair(a_path: Path, b_path: Path) -> None:
    """Agreement between two gold files on the articles both contain (A = the first file)."""
    a_all, b_all = load_rows(a_path), load_rows(b_path)
    common = [aid for aid in a_all if aid in b_all]
    if not common:
        raise SystemExit(f"{a_path} and {b_path} share no article")
    a_rows, b_rows = {i: a_all[i] for i in common}, {i: b_all[i] for i in common}
    b_vs_a, pairs, _ = report(f"{a_path.name} (A) and {b_path.name} (B)", a_rows, b_rows)
    matched = [(aid, a, b) for aid, a, b in pairs if b is not None]
    exact = sum(normalize(a.get("speaker") or "") == normalize(b.get("speaker") or "") for _, a, b in matched)
    print(f"exact speaker form (normalised names equal) on matched pairs: {exact}/{len(matched)} = "
          f"{exact / len(matched) if matched else 0.0:.3f}")
    print("\nspeaker disagreements on matched pairs:")
    for aid, a, b in matched:
        if not speakers_agree(a.get("speaker"), b.get("speaker")):
            print(f"- {aid} «{a['text'][:70]}»: A {a.get('speaker')!r} | B {b.get('speaker')!r}")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--pair":
        pair(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    b_rows = {r["id"]: r for r in build_b()}
    test_order, a_rows = [], {}
    with A_GOLD.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("split") == "test":
                test_order.append(row["id"])
            if row["id"] in b_rows:
                a_rows[row["id"]] = row
    missing = set(b_rows) - set(a_rows)
    if missing:
        raise SystemExit(f"not in {A_GOLD}: {sorted(missing)}")
    attach_span_texts(list(a_rows.values()), load_articles(set(a_rows)))  # the gold file holds no span words
    # The study as briefed: test ids 4-15 in file order; then the extension to ids 16-30.
    groups = (("test ids 4-15 (the 12 briefed)", test_order[3:15]), ("test ids 16-30 (extension)", test_order[15:30]))
    for title, ids in groups:
        ids = [i for i in ids if i in b_rows]
        if ids:
            report(title, {i: a_rows[i] for i in ids}, {i: b_rows[i] for i in ids})
    _, pairs, only_b = report("all annotated by B", a_rows, b_rows)

    disagreements = []
    for aid, a, b in pairs:
        if b is None:
            disagreements.append((aid, "A", a, None, "only A"))
            continue
        if not speakers_agree(a.get("speaker"), b.get("speaker")):
            disagreements.append((aid, "A", a, b, "speaker differs"))
        if jaccard(a, b) < BOUNDARY_JACCARD:
            disagreements.append((aid, "A", a, b, f"extent differs (Jaccard {jaccard(a, b):.2f})"))
    for aid, b in only_b:
        disagreements.append((aid, "B", b, None, "only B"))

    classes_by_key = {(aid, who, key_words(words)): cls for (aid, who, words), cls in CLASSES.items()}
    classes = Counter()
    print(f"\n{len(disagreements)} disagreements:")
    for aid, who, q, other, what in disagreements:
        cls = classes_by_key.get((aid, who, key_words(q["text"])), "unclassified")
        classes[cls] += 1
        print(f"- [{cls}] {aid} {what}: {who} «{q['text'][:90]}» ({q.get('speaker')})")
        if other is not None:
            print(f"      B «{other['text'][:90]}» ({other.get('speaker')})")
    print("\nclasses:", ", ".join(f"{k} {v}" for k, v in classes.most_common()))


if __name__ == "__main__":
    main()
