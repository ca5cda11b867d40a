"""How the `entities` component tags the names of gold quote speakers (person / organisation recall on news).

Speaker attribution reads names from ``doc.entities``: a speaker the tagger misses or cuts short is a
lost or wrong quote speaker. For every gold speaker (STUDY quote gold only) that is a name found in the
article text, each of its mentions is classed by the entities the component gave it:

* ``exact``   — a PER/ORG entity covers exactly the mention's tokens (a clitic cut off is fine);
* ``inside``  — a PER/ORG entity holds the mention and more words (``السدحان`` inside ``خالد السدحان``);
* ``partial`` — a PER/ORG entity covers part of it; the part missing is named: ``compound`` (a name link
  عبد / بن / آل / أبو or the word bound to it), ``first`` (the first word), ``other`` (a later word: a
  foreign name's second word, a surname);
* ``type``    — only LOC/MISC entities cover it;
* ``missed``  — nothing covers it.

A speaker is taken as a *name* by its form, independently of the tagger: its first word is an
organisation head (وزارة، وكالة، حزب …: expected ORG), a known first name or a name link (expected PER),
or else every word is rare in the unlabelled news (≤ 500 occurrences: foreign persons, brands, outlets;
PER or ORG both count). Other speakers (``مصادر مطلعة``, ``الجيش الأميركي``, ``الشرطة``) are descriptions
and are left out, as are speakers whose words do not occur in their article.

    MARSAD_DATA=/work/shared/data .venv/bin/python eval/speaker_entity_recall.py [--examples 20] [--json]

The check batches (``quotes_check*``) are refused: they are scored summary-only through ``marsad eval quotes``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from marsad.evaluation.metrics import load_news_articles, news_raw_article, read_gold
from marsad.evaluation.quotes import match, speakers_agree
from marsad.extract.ner_features import trigger_class
from marsad.extract.quote_lexicon import load_lexicon
from marsad.pipeline import Pipeline
from marsad.text import clitic_candidates, clitic_key, name_key, normalize, tokenize

GOLD = Path(__file__).resolve().parent / "gold"
STUDY = ("quotes", "quotes_blind3", "quotes_blind4", "quotes_blind5", "quotes_blind6", "quotes_blind7",
         "quotes_train4", "quotes_train5", "quotes_train6", "quotes_train7")
LINKS = frozenset(clitic_key(normalize(w)) for w in "عبد بن ابن بنت آل أبو أبي أبا أم".split())
RARE = 500
_LEX = load_lexicon()
#: The quote lexicon's nouns for unnamed people, roles and institutions (مصادر، محللون، الفتاة is caught below).
COMMON_NOUNS = (_LEX.anonymous_heads | _LEX.role_heads | _LEX.honorifics | _LEX.ranks | _LEX.relatives
                | _LEX.plural_heads | _LEX.institution_heads | _LEX.outlet_heads)
ORDER = ("exact", "inside", "partial", "type", "missed")


def keys_of(word: str) -> set[str]:
    """Clitic readings of a text word (وترامب → ترامب), each under its clitic key."""
    return {clitic_key(s) for _, s in clitic_candidates(normalize(word))} | {clitic_key(word)}


def find_mentions(tokens, speaker_keys: list[str]) -> list[tuple[int, int]]:
    """Token runs ``[i, j)`` of the article spelling the speaker (the first word may carry a proclitic)."""
    words = [k for k, t in enumerate(tokens) if t.kind == "word"]
    n = len(speaker_keys)
    out = []
    for a in range(len(words) - n + 1):
        idx = words[a:a + n]
        if idx[-1] - idx[0] != n - 1:  # contiguous words only
            continue
        if speaker_keys[0] not in keys_of(tokens[idx[0]].text):
            continue
        if all(tokens[idx[m]].key == speaker_keys[m] for m in range(1, n)):
            out.append((idx[0], idx[-1] + 1))
    return out


def speaker_kind(words: list[str], norms: list[str], first_names: frozenset[str], freq: dict[str, int]) -> str | None:
    """``ORG``, ``PER``, ``NAME`` (either) or None for a description."""
    classes = [trigger_class(n) for n in norms]
    if classes[0] == "orghead":
        return "ORG" if len(words) > 1 else None  # الجامعة، الوزارة alone refer back
    if words[0] in first_names or words[0] in LINKS:
        return "PER"
    if any(c in ("title", "lochead", "orghead") for c in classes) or any(n in COMMON_NOUNS for n in norms):
        return None

    def rare(w: str, n: str) -> bool:
        if max(freq.get(w, 0), freq.get(n, 0)) > RARE:
            return False
        if n.startswith("ال") and freq.get(w, 0) > RARE:  # الفتاة: the bare noun is common
            return False
        # a plural of a common noun (محللون، مقاتلين) is no name: its singular is the more frequent word
        return not (len(w) > 4 and w[-2:] in ("ون", "ين") and freq.get(w[:-2], 0) > 2 * max(freq.get(w, 0), 1))

    if all(rare(w, n) for w, n in zip(words, norms) if w not in LINKS):
        return "NAME"
    return None


def classify(i: int, j: int, ent_spans: list[tuple[int, int, str]], words: list[str], expected: str) -> tuple[str, str]:
    """(class, detail) of one mention ``[i, j)`` against the entity token spans."""
    ok_types = {"PER", "ORG"} if expected == "NAME" else {expected}
    over = [(a, b, t) for a, b, t in ent_spans if a < j and b > i]
    good = [(a, b, t) for a, b, t in over if t in ("PER", "ORG")]
    for a, b, t in good:
        if a == i and b == j:
            return ("exact", t) if t in ok_types else ("type", t)
    for a, b, t in good:
        if a <= i and b >= j:
            return "inside", t
    if good:
        covered = {k for a, b, _ in good for k in range(max(a, i), min(b, j))}
        missing = [k - i for k in range(i, j) if k not in covered]
        if any(words[m] in LINKS or (m > 0 and words[m - 1] in LINKS) for m in missing):
            return "partial", "compound"
        if 0 in missing:
            return "partial", "first"
        if missing:
            return "partial", "other"
        return "partial", "split"  # every word covered, but by two spans
    if over:
        return "type", "/".join(sorted({t for _, _, t in over}))
    return "missed", ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=list(STUDY), help="gold batch names or paths (default: all STUDY batches)")
    ap.add_argument("--examples", type=int, default=0, help="print up to N mentions of each non-exact class")
    ap.add_argument("--quotes", action="store_true",
                    help="run the whole pipeline and show, per class, how many of those speakers' gold quotes get the "
                         "right speaker, with the whole name or a part of it")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    rows = []
    for f in args.files:
        path = Path(f) if f.endswith(".jsonl") else GOLD / f"{f}.jsonl"
        if "check" in path.name or "blind8" in path.name:
            sys.exit(f"{path.name}: a CHECK/held-out batch; score it only with `marsad eval quotes` (summary)")
        rows += read_gold(path, "quotes")
    articles = load_news_articles(r["id"] for r in rows)
    pipe = Pipeline.default(disable=() if args.quotes else ("source", "places", "dates", "quantities", "quotes", "themes"))
    recognizer = next(c for c in pipe.components if c.name == "entities")
    freq = recognizer.model.featurizer.freq
    first_names = _LEX.first_names

    mention_counts: Counter = Counter()
    speaker_counts: Counter = Counter()
    skipped: Counter = Counter()
    examples: dict[str, list[str]] = {}
    quote_ok: dict[str, Counter] = {}
    for row in rows:
        speakers = {q["speaker"] for q in row["quotes"] if q.get("speaker")}
        if not speakers:
            continue
        doc = pipe(news_raw_article(articles[row["id"]]))
        tokens = doc.tokens
        starts = {t.start: k for k, t in enumerate(tokens)}
        ends = {t.end: k for k, t in enumerate(tokens)}
        ent_spans = []
        for e in doc.entities:
            a = starts.get(e.start, next((k for k, t in enumerate(tokens) if t.start <= e.start < t.end), None))
            b = ends.get(e.end, next((k for k, t in enumerate(tokens) if t.start < e.end <= t.end), None))
            if a is not None and b is not None:
                ent_spans.append((a, b + 1, e.type))
        for sp in sorted(speakers):
            toks = [t for t in tokenize(sp) if t.kind == "word"]
            if not toks:
                continue
            words = [clitic_key(t.text) for t in toks]
            kind = speaker_kind(words, [t.norm for t in toks], first_names, freq)
            if kind is None:
                skipped["description"] += 1
                continue
            found = find_mentions(tokens, words)
            if not found:
                skipped["not in text"] += 1
                continue
            best = None
            for i, j in found:
                cls, detail = classify(i, j, ent_spans, words, kind)
                label = f"{kind} {cls}" + (f" ({detail})" if cls in ("partial", "type") else "")
                mention_counts[label] += 1
                if best is None or ORDER.index(cls) < ORDER.index(best[0]):
                    best = (cls, label)
                if cls not in ("exact", "inside") and len(examples.setdefault(label, [])) < args.examples:
                    lo, hi = max(0, i - 4), min(len(tokens), j + 3)
                    ents = [doc.text[tokens[a].start:tokens[b - 1].end] + "/" + t for a, b, t in ent_spans if a < hi and b > lo]
                    examples[label].append(f"{row['id']}: [{sp}] … {doc.text[tokens[lo].start:tokens[hi - 1].end]} … {ents}")
            speaker_counts[best[1]] += 1
            if args.quotes:
                gold_q = [q for q in row["quotes"] if q.get("speaker") == sp]
                pred = [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in doc.quotes]
                for g, p in match(gold_q, pred)[0]:
                    outcome = ("no quote" if p is None else "wrong/none" if not speakers_agree(sp, p["speaker"])
                               else "whole" if name_key(sp) == name_key(p["speaker"]) else "part")
                    quote_ok.setdefault(best[1], Counter())[outcome] += 1

    def table(c: Counter) -> dict[str, int]:
        return dict(sorted(c.items(), key=lambda kv: (kv[0].split()[0], -kv[1])))

    result = {"articles": len(rows), "speakers": table(speaker_counts), "mentions": table(mention_counts),
              "left out": dict(skipped)}
    for level in ("speakers", "mentions"):
        c = speaker_counts if level == "speakers" else mention_counts
        tot = sum(c.values())
        ok = sum(v for k, v in c.items() if k.split()[1] in ("exact", "inside"))
        result[f"{level} exact or inside (right type)"] = f"{ok}/{tot} = {ok / tot:.3f}" if tot else "0/0"
    if args.quotes:
        result["gold quotes of those speakers (right speaker: whole name, part of it / wrong or no speaker / not detected)"] = {
            k: f"{v['whole']}, {v['part']} / {v['wrong/none']} / {v['no quote']}" for k, v in sorted(quote_ok.items())}
        tot = Counter()
        for v in quote_ok.values():
            tot.update(v)
        result["gold quotes of those speakers, all classes"] = dict(tot)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(f"{len(rows)} articles; left out: {dict(skipped)}")
        for level in ("speakers", "mentions"):
            print(f"\n{level} (best class per speaker)" if level == "speakers" else f"\n{level} (every occurrence)")
            for k, v in result[level].items():
                print(f"  {v:5d}  {k}")
            print("  " + result[f"{level} exact or inside (right type)"] + " exact or inside")
        if args.quotes:
            print("\ngold quotes of those speakers, by the speaker's class: right speaker (whole name, part of it: "
                  "`marsad eval quotes` counts both) / wrong or no speaker / not detected")
            for k, v in sorted(quote_ok.items()):
                print(f"  {k:28s} {v['whole']:4d}, {v['part']:3d} / {v['wrong/none']:4d} / {v['no quote']:4d}")
            t = result["gold quotes of those speakers, all classes"]
            print(f"  {'all':28s} {t['whole']:4d}, {t['part']:3d} / {t['wrong/none']:4d} / {t['no quote']:4d}")
    for label, ex in sorted(examples.items()):
        print(f"\n== {label}")
        for e in ex:
            print("  " + e)


if __name__ == "__main__":
    main()
