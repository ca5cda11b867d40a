"""Language-model pre-training of the neural tagger's encoder (`marsad train ner-lm`, `ner-neural --pretrained-encoder`)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from marsad.extract.ner_neural_train import clean_news_sentences, lm_classes, lm_sentences, vocab_fingerprint

from .conftest import missing

# Words of a small table, most frequent first (as word2vec orders them), with their 2048-clusters (0: none).
WORDS = ["في", "قال", "الرئيس", "وزير", "بغداد", "ترامب", "الكاظمي", "،", "."]
COUNTS = [900, 500, 400, 300, 60, 50, 40, 800, 700]
C2048 = [5, 9, 7, 7, 3, 11, 11, 0, 0]


def tiny_vocab(dims: int = 8) -> dict:
    rng = np.random.default_rng(0)
    clusters = np.zeros((len(WORDS), 4), dtype=np.int16)
    clusters[:, 3] = C2048
    clusters[:, 0] = [min(c, 32) for c in C2048]
    vectors = np.zeros((len(WORDS) + 2, dims), dtype=np.float16)
    vectors[2:] = rng.normal(size=(len(WORDS), dims)).astype(np.float16)
    return {"words": list(WORDS), "counts": np.array(COUNTS, dtype=np.int64), "vectors": vectors, "clusters": clusters,
            "affixes": {"p2": ["ال", "وز"], "p3": ["الر"], "s2": ["ير", "مب"], "s3": ["يس"]}, "alphabet": "الرئيسقفوزبغدمبكظ"}


def test_frequent_words_are_their_own_class_rarer_ones_their_cluster():
    vocab = tiny_vocab()
    cls, n = lm_classes(vocab, n_words=4)
    ids = {w: i + 2 for i, w in enumerate(WORDS)}
    assert cls[0] == -1  # padding: no target
    assert cls[1] == 0  # a word outside the table: the rare-word class, numbered first
    own = [cls[ids[w]] for w in WORDS[:4]]
    assert len(set(own)) == 4
    # rarer words: ترامب and الكاظمي share cluster 11, بغداد has its own cluster 3
    assert cls[ids["ترامب"]] == cls[ids["الكاظمي"]] != cls[ids["بغداد"]]
    assert cls[ids["،"]] == cls[ids["."]] == 0  # rare and cluster-less: the rare-word class
    # numbered by news frequency: في (900) before قال (500); cluster 11 (90) before cluster 3 (60)
    assert cls[ids["في"]] < cls[ids["قال"]] < cls[ids["وزير"]]
    assert cls[ids["ترامب"]] < cls[ids["بغداد"]]
    assert n == 1 + 4 + 2 and set(cls[2:].tolist()) | {0} == set(range(n))


def test_sentences_are_cut_and_short_ones_dropped():
    arts = iter([("a", [["w"] * 170, ["x", "y"], ["a", "b", "c", "d"]])])
    lens = [len(s) for s in lm_sentences(arts, min_len=4, max_len=80)]
    assert lens == [80, 80, 10, 4]


def test_news_articles_copying_ner_text_and_the_benchmarks_articles_are_left_out(tmp_path):
    ner = tmp_path / "ner" / "toy"
    ner.mkdir(parents=True)
    copied = "قال وزير الخارجية العراقي فؤاد حسين في مؤتمر صحفي عقده في بغداد اليوم".split()
    ner.joinpath("train.txt").write_text("".join(f"{w}\tO\n" for w in copied) + "\n", encoding="utf-8")
    news = tmp_path / "news.jsonl"
    rows = [
        {"id": "bench", "title": "", "text": "خبر أول عن الطقس في الرياض."},
        {"id": "fresh", "title": "عنوان", "text": "وصل الرئيس إلى عمان. وقال إن المحادثات جيدة."},
        {"id": "copy", "title": "", "text": "خبر. " + " ".join(copied) + "."},
        {"id": "fresh2", "title": "", "text": "قال وزير الخارجية العراقي إن الزيارة مهمة."},  # a shorter overlap is fine
    ]
    news.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    stats: dict = {}
    got = list(clean_news_sentences(news, tmp_path / "ner", skip_articles=1, stats=stats))
    assert [a for a, _ in got] == ["fresh", "fresh2"]
    assert stats == {"skipped_first": 1, "left_out_overlapping": 1}
    assert got[0][1][0][0] == "عنوان" and all(s for _, sents in got for s in sents)


try:
    import torch
except ImportError:  # the training extra is not installed
    torch = None


@pytest.fixture
def with_torch():
    if torch is None:
        missing("the training extra (torch) is not installed: pip install -e '.[train]'")


@pytest.mark.usefixtures("with_torch")
def test_pretraining_learns_and_the_tagger_encoder_loads_it(tmp_path):
    from marsad.extract.ner_neural_train import load_pretrained_encoder, make_encoder, pretrain_lm

    vocab = tiny_vocab()
    sents = [["قال", "الرئيس", "ترامب", "في", "بغداد", "."], ["قال", "وزير", "الكاظمي", "،", "في", "بغداد", "."]] * 60
    out = tmp_path / "lm.pt"
    shape = {"hidden": 16, "proj": 24, "char_filters": 6}
    state, info = pretrain_lm(vocab, iter(sents), lm_words=4, cutoffs=(3,), chunk_tokens=100, batch_size=8, lr=0.01,
                              checkpoint=out, log=lambda m: None, **shape)
    losses = [c["loss"] for c in info["chunks"]]
    assert info["tokens"] == sum(map(len, sents)) and len(losses) >= 5
    assert losses[-1] < losses[0] * 0.7  # a repeated text is learnt
    loaded, linfo = load_pretrained_encoder(out, vocab, **shape)
    assert linfo["tokens"] == info["tokens"] and linfo["vocab"] == vocab_fingerprint(vocab)
    assert all(torch.equal(loaded[k], state[k]) for k in state)
    # the tagger's encoder of the same shape takes every weight but its tag layer
    enc = make_encoder(vocab, **shape)
    missing, unexpected = enc.load_state_dict(loaded, strict=False)
    assert unexpected == [] and sorted(missing) == ["out.bias", "out.weight"]
    # another shape or another word table is refused with a reason
    with pytest.raises(ValueError, match="pre-trained with"):
        load_pretrained_encoder(out, vocab, hidden=32, proj=24, char_filters=6)
    other = tiny_vocab()
    other["words"] = other["words"][::-1]
    with pytest.raises(ValueError, match="another word table"):
        load_pretrained_encoder(out, other, **shape)


@pytest.mark.usefixtures("with_torch")
def test_pretraining_stops_at_its_token_budget_and_leaves_a_usable_file(tmp_path):
    from marsad.extract.ner_neural_train import load_pretrained_encoder, pretrain_lm

    vocab = tiny_vocab()
    sents = [["قال", "الرئيس", "ترامب", "في", "بغداد", "."]] * 100
    out = tmp_path / "lm.pt"
    _, info = pretrain_lm(vocab, iter(sents), hidden=8, proj=8, char_filters=0, lm_words=4, cutoffs=(3,), chunk_tokens=60,
                          batch_size=5, max_tokens=120, checkpoint=out, log=lambda m: None)
    assert 120 <= info["tokens"] < 150
    assert load_pretrained_encoder(out, vocab, hidden=8, proj=8, char_filters=0)[1]["tokens"] == info["tokens"]


@pytest.mark.usefixtures("with_torch")
def test_cli_refuses_a_missing_or_foreign_encoder_file(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import _register
    from marsad.cli.app import app

    _register()
    data = tmp_path / "ner"
    data.mkdir()
    news = tmp_path / "news.jsonl"
    news.write_text("", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["train", "ner-neural", "--data", str(data), "--news", str(news), "--out", str(tmp_path / "m"),
                              "--pretrained-encoder", str(tmp_path / "none.pt")], env={"COLUMNS": "300"})
    assert res.exit_code == 2 and "ner-lm" in res.output
    bogus = tmp_path / "bogus.pt"
    torch.save({"state": {}}, bogus)
    from marsad.extract.ner_neural_train import load_pretrained_encoder

    with pytest.raises(ValueError, match="not a pre-trained encoder"):
        load_pretrained_encoder(bogus, tiny_vocab())


@pytest.mark.usefixtures("with_torch")
def test_train_ner_lm_command_writes_a_file_ner_neural_accepts(tmp_path):
    """`marsad train ner-lm` end to end on a toy corpus: word table from --work, filter, budget, summary."""
    gensim = pytest.importorskip("gensim", reason="training extra (gensim) not installed")
    from typer.testing import CliRunner

    from marsad.cli import _register
    from marsad.cli.app import app
    from marsad.extract.ner_model import default_model_dir
    from marsad.extract.ner_neural_train import load_pretrained_encoder, prepare_vocab

    lines = ["قال الرئيس إن الحكومة ستعقد اجتماعا في بغداد اليوم .", "وأكد وزير الخارجية أن المحادثات مع الوفد كانت جيدة ."]
    work = tmp_path / "work"
    work.mkdir()
    w2v = gensim.models.Word2Vec([s.split() for s in lines] * 20, vector_size=8, min_count=1, seed=1, workers=1)
    w2v.save(str(work / "w2v.model"))
    ner = tmp_path / "ner" / "toy"
    ner.mkdir(parents=True)
    ner.joinpath("train.txt").write_text("".join(f"{w}\tO\n" for w in "خبر لا يرد في الأخبار أبدا ولا مرة واحدة هنا".split()) + "\n", encoding="utf-8")
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps({"id": str(i), "title": "", "text": lines[i % 2]}, ensure_ascii=False) + "\n" for i in range(400)),
                    encoding="utf-8")
    out = tmp_path / "lm.pt"
    _register()
    res = CliRunner().invoke(app, ["train", "ner-lm", "--out", str(out), "--data", str(tmp_path / "ner"), "--news", str(news),
                                   "--work", str(work), "--tokens", "1000", "--hidden", "8", "--char-filters", "0",
                                   "--skip-articles", "2"], env={"COLUMNS": "300"})
    assert res.exit_code == 0, res.output
    summary = json.loads((tmp_path / "lm.pt.json").read_text(encoding="utf-8"))
    assert summary["skipped_first"] == 2 and summary["left_out_overlapping"] == 0
    # the budget is checked after each batch (64 sentences of 10-11 tokens here): it stops within one batch of it
    assert 1000 <= summary["tokens"] < 1000 + 64 * 11 and summary["chunks"]
    vocab = prepare_vocab(work, [], default_model_dir() / "clusters.tsv.gz", log=lambda m: None)
    state, info = load_pretrained_encoder(out, vocab, hidden=8, proj=192, char_filters=0)
    assert info["tokens"] == summary["tokens"] and "fwd.weight_hh_l0" in state


@pytest.mark.usefixtures("with_torch")
def test_pre_trained_weights_can_learn_more_slowly_than_the_new_layers():
    from marsad.extract.ner_neural import TAGS
    from marsad.extract.ner_neural_train import CrfLoss, make_encoder, make_optimizer

    vocab = tiny_vocab()
    enc = make_encoder(vocab, hidden=8, proj=8)
    crf = CrfLoss(len(TAGS))
    assert len(make_optimizer(enc, crf, 0.002).param_groups) == 1
    state = {k: v for k, v in enc.state_dict().items() if not k.startswith("out.")}
    assert len(make_optimizer(enc, crf, 0.002, state).param_groups) == 1  # factor 1: the plain recipe
    slow, fast = make_optimizer(enc, crf, 0.002, state, 0.25).param_groups
    assert slow["lr"] == pytest.approx(0.0005) and fast["lr"] == pytest.approx(0.002)
    named = dict(enc.named_parameters())
    assert {id(q) for q in slow["params"]} == {id(named[k]) for k in state}
    assert {id(q) for q in fast["params"]} == {id(named["out.weight"]), id(named["out.bias"])} | {id(q) for q in crf.params()}
