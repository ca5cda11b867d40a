"""Silver training data for the neural entity tagger: the teacher's tags on unlabelled news, the epoch schedule."""

from __future__ import annotations

import gzip
import json

import pytest

from marsad.extract.ner_neural import TAGS, available, default_model_dir
from marsad.extract.ner_neural_train import SilverSchedule, read_silver, write_silver

from .conftest import missing


def test_schedule_cycles_through_silver_by_tokens():
    sched = SilverSchedule(n_gold=3, silver_sizes=[4, 4, 4, 4, 4], per_epoch=8)
    first = sched.members(1)
    assert first == [0, 1, 2, 3, 4]  # all gold, then two silver sentences (8 tokens)
    assert sched.members(2) == [0, 1, 2, 5, 6]
    assert sched.members(3) == [0, 1, 2, 7, 3]  # wraps around to the first silver sentence


def test_schedule_all_none_and_silver_first():
    assert SilverSchedule(2, [5, 5], per_epoch=0).members(1) == [0, 1, 2, 3]
    assert SilverSchedule(2, [5, 5], per_epoch=-1).members(1) == [0, 1]
    assert SilverSchedule(2, [], per_epoch=0).members(1) == [0, 1]
    pre = SilverSchedule(2, [5, 5, 5], per_epoch=5, silver_first=2)
    assert pre.silver_only(1) and pre.silver_only(2) and not pre.silver_only(3)
    assert pre.members(1) == [2]
    assert pre.members(2) == [3]
    assert pre.members(3) == [0, 1, 4]
    # one slice never takes a sentence twice, however large the budget
    assert SilverSchedule(0, [1, 1], per_epoch=100).members(1) == [0, 1]


def test_read_silver_limits_and_rejects_bad_tags(tmp_path):
    path = tmp_path / "s.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "sentences": [[["قال", "ترامب", "."], ["O", "B-PER", "O"]]]}) + "\n")
        fh.write(json.dumps({"id": "b", "sentences": [[["في", "بغداد", "اليوم"], ["O", "B-LOC", "O"]]]}) + "\n")
    assert read_silver(path) == [(["قال", "ترامب", "."], ["O", "B-PER", "O"]), (["في", "بغداد", "اليوم"], ["O", "B-LOC", "O"])]
    assert len(read_silver(path, max_tokens=2)) == 1  # whole articles: the first one already passes 2 tokens
    bad = tmp_path / "bad.jsonl.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "c", "sentences": [[["قال", "ترامب"], ["O", "B-PERSON"]]]}) + "\n")
    with pytest.raises(ValueError, match="malformed"):
        read_silver(bad)


@pytest.fixture(scope="module")
def teacher():
    if not available():
        missing(f"no neural NER model at {default_model_dir()} (or onnxruntime missing)")
    from marsad.extract.ner_neural import load_ensemble

    return load_ensemble(weight=0.6)


def test_write_silver_tags_news_and_leaves_out_ner_text(shared_data, teacher, tmp_path):
    from marsad.evaluation.ner import read_conll
    from marsad.extract.ner_clusters import news_texts

    texts = list(news_texts(shared_data / "news" / "ant_unlabeled" / "articles.jsonl.gz", limit=6))
    dev = read_conll(shared_data / "ner" / "anercorp" / "dev.txt")
    copied = " ".join(next(s.tokens for s in dev if len(s.tokens) > 15))
    news = tmp_path / "news.jsonl"
    rows = [{"id": f"n{i}", "title": "", "text": t} for i, t in enumerate(texts)]
    rows.insert(3, {"id": "copy", "title": "", "text": "خبر قصير.\n" + copied})
    news.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    out = tmp_path / "silver.jsonl.gz"
    info = write_silver(teacher, news, out, max_tokens=10**7, skip_articles=1, data_dir=shared_data / "ner", log=lambda m: None)
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh]
    assert "n0" not in ids and "copy" not in ids  # skipped first article; article quoting a NER corpus
    assert info["left_out_overlapping"] == 1 and info["skipped_first"] == 1
    assert ids == [f"n{i}" for i in range(1, 6)]
    sents = read_silver(out)
    assert sum(len(w) for w, _ in sents) == info["tokens"]
    assert all(3 <= len(w) <= 100 and all(t in TAGS for t in tags) for w, tags in sents)
    assert sum(t.startswith("B-") for _, tags in sents for t in tags) > 10  # news is full of names
    # the tags are the teacher's own, the article tagged as a whole (document context)
    from marsad.text import sentences, tokenize

    toks = tokenize(f"\n{texts[1]}")
    words = [w for w in ([t.text for t in toks[s.tok_start:s.tok_end]] for s in sentences(f"\n{texts[1]}", toks)) if w]
    expected = [(w, t) for w, t in zip(words, teacher.tag_document(words)) if 3 <= len(w) <= 100]
    assert sents[:len(expected)] == expected
    # the token budget stops the run after the article that reaches it
    small = write_silver(teacher, news, tmp_path / "small.jsonl.gz", max_tokens=50, skip_articles=1, log=lambda m: None)
    assert small["articles"] == 1 and small["tokens"] >= 50
