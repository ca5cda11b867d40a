"""Build the fixed IDF table the story similarity uses (``marsad train cluster-idf``).

Document frequencies of clitic keys over the unlabelled ANT articles (``news/ant_unlabeled``,
26,846 articles, 2012–2018). Keys seen in fewer than ``min_df`` articles are left out: at run
time an unseen key gets the IDF of a key seen once, so rare names weigh the most.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .features import STOPWORDS, body_text, content_keys


def document_frequencies(texts: Iterable[str]) -> tuple[int, Counter[str]]:
    df: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update({k for k in content_keys(body_text(text)) if len(k) >= 2 and k not in STOPWORDS and not k.isdigit()})
    return n, df


def write_idf(path: Path, n_docs: int, df: Counter[str], min_df: int = 3) -> int:
    """Write ``n_docs`` and the kept document frequencies as gzip TSV; returns the number of keys kept."""
    kept = sorted((t, c) for t, c in df.items() if c >= min_df)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write(f"n_docs\t{n_docs}\n".encode())
        raw.write("".join(f"{t}\t{c}\n" for t, c in kept).encode("utf-8"))
    return len(kept)


def read_jsonl_texts(path: Path) -> Iterable[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line).get("text") or ""
