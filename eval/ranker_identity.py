"""Check that the quote-speaker ranker's candidates, features and outputs are unchanged against an earlier commit.

``python eval/ranker_identity.py REV [--shipped-set]`` loads ``src/marsad/extract/quote_speakers.py`` as it was at git revision
``REV`` beside the tree's, runs the tree's rules over every quote gold file's articles (after ``source`` and
``entities``, as ``marsad eval quotes`` does) and, per document, compares both modules' ``build_cases`` (every
quote, and the named quotes only: candidates with their sources, ranks, roles, ids and genders, and the feature
matrices, exactly) and ``apply`` under every policy with the shipped weights (speaker, role and entity id of every
quote). It prints counts only — CHECK files are included, so no quote, id or text is shown — and the time each
module's ``build_cases`` took. ``--shipped-set``: both build the session-6 model's candidate set (no clause subjects,
entity window) instead of every candidate. Made for the session-5 speed-up (docs/quotes_history.md, *Session 5*).
"""

from __future__ import annotations

import copy
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from marsad.evaluation.quote_speakers import prepare_docs, read_folds
from marsad.extract import quote_speakers as new
from marsad.extract.quote_lexicon import load_lexicon
from marsad.extract.quotes import _Reader

ROOT = Path(__file__).resolve().parents[1]


def load_at(rev: str):
    """The module as it was at ``rev``, importable on its own (its relative imports made absolute)."""
    src = subprocess.run(["git", "show", f"{rev}:src/marsad/extract/quote_speakers.py"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    src = src.replace("from ..record import", "from marsad.record import").replace("from ..text import", "from marsad.text import")
    path = Path(tempfile.mkdtemp()) / "quote_speakers_at_rev.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("quote_speakers_at_rev", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def candidates(case) -> list[tuple]:
    return [(c.name, c.kind, c.keys, c.role, c.entity_id, c.gender, frozenset(c.sources), c.hist_rank, c.clause_rank)
            for c in case.candidates]


def outputs(quotes) -> list[tuple]:
    return [(q.start, q.end, q.speaker, q.speaker_role, q.speaker_entity_id) for q in quotes]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        raise SystemExit(__doc__)
    # --shipped-set: the candidate set of the session-6 model (no clause subjects, entity window) in both modules
    opts = {"clause_subjects": False, "entity_window": True} if "--shipped-set" in sys.argv else {}
    old = load_at(args[0])
    weights = new._shipped_model("").weights
    modes = new.MODES
    lex = load_lexicon()
    diffs = dict.fromkeys(("cases", "candidates", "features", "outputs"), 0)
    seconds = {"then": 0.0, "now": 0.0}
    docs = quotes_n = 0
    for gold in sorted((ROOT / "eval" / "gold").glob("quotes*.jsonl")):
        rows = read_folds([gold])
        prepared = prepare_docs(rows)
        for row in rows:
            doc = prepared[row["id"]]
            if not doc.tokens:
                continue
            then_reader, now_reader = _Reader(doc, lex), _Reader(doc, lex)
            quotes = then_reader.run()
            if not quotes:
                continue
            now_quotes = now_reader.run()
            if outputs(now_quotes) != outputs(quotes):
                raise SystemExit("the rules are not deterministic on this tree: no comparison possible")
            docs += 1
            quotes_n += len(quotes)
            for only in (None, {i for i, q in enumerate(quotes) if q.speaker is not None}):
                t0 = time.process_time()
                a = old.build_cases(then_reader, copy.deepcopy(quotes), only, **opts)
                t1 = time.process_time()
                b = new.build_cases(now_reader, copy.deepcopy(quotes), only, **opts)
                t2 = time.process_time()
                if only is None:
                    seconds["then"] += t1 - t0
                    seconds["now"] += t2 - t1
                if len(a) != len(b):
                    diffs["cases"] += 1
                    continue
                for x, y in zip(a, b):
                    if candidates(x) != candidates(y) or x.record != y.record:
                        diffs["candidates"] += 1
                    elif not np.array_equal(x.x, y.x):
                        diffs["features"] += 1
            for mode in modes:
                margin = 1.0 if mode in ("override", "fill", "switch") else 0.0
                q_then, q_now = copy.deepcopy(quotes), copy.deepcopy(quotes)
                old.apply(then_reader, q_then, old.RankerModel(weights, margin, mode, **opts))
                new.apply(now_reader, q_now, new.RankerModel(weights, margin, mode, **opts))
                if outputs(q_then) != outputs(q_now):
                    diffs["outputs"] += 1
    print(f"{docs} gold articles with quotes, {quotes_n} quotes, policies {', '.join(modes)}")
    print("differences (documents or quotes): " + ", ".join(f"{k} {v}" for k, v in diffs.items()))
    print(f"build_cases over every quote, CPU: {args[0]} {seconds['then']:.2f} s, tree {seconds['now']:.2f} s"
          + (" (the shipped candidate set)" if opts else ""))


if __name__ == "__main__":
    main()
