"""The CRF tagger's second stage: document-context features, jackknifed training, document tagging."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract.ner_features import Featurizer, document_features, with_document_features
from marsad.extract.ner_model import STAGE2_FILE, NerModel, load_model, repair_bio
from marsad.extract.ner_train import train_crf, train_second_stage


def test_document_features_count_other_occurrences_only() -> None:
    keys = [["ترامب", "قال"], ["ترامب", "x"], ["", "ترامب"]]
    tags = [["B-PER", "O"], ["O", "O"], ["O", "B-PER"]]
    feats = document_features(keys, tags, window=5)
    # Sentence 1's ترامب was missed: elsewhere it is B-PER twice out of two.
    assert feats[1][0] == ("dk=B-PER:hi", "dt=PER:hi")
    # Sentence 0's ترامب: the others are one B-PER (sentence 2) and one O — its own tag is not counted.
    assert feats[0][0] == ("dk=B-PER:hi", "dt=PER:hi")
    assert feats[0][1] == ("dk=none",)  # قال occurs nowhere else
    assert feats[1][1] == ("dk=none",)
    assert feats[2][0] == ()  # no key (punctuation, numbers)


def test_document_features_respect_the_window() -> None:
    keys = [["بوتين"]] + [["و"]] * 5 + [["بوتين"]]
    tags = [["B-PER"]] + [["O"]] * 5 + [["O"]]
    assert document_features(keys, tags, window=6)[6][0] == ("dk=B-PER:hi", "dt=PER:hi")
    assert document_features(keys, tags, window=5)[6][0] == ("dk=none",)
    # A word seen elsewhere but never tagged.
    assert document_features([["كان"], ["كان"]], [["O"], ["O"]], window=1)[0][0] == ("dk=O",)


def test_document_features_share_buckets() -> None:
    keys = [["الرازي"]] * 6
    tags = [["B-PER"], ["O"], ["O"], ["O"], ["O"], ["O"]]
    # For sentence 1: five others, one B-PER → 20 % → "lo".
    assert document_features(keys, tags, window=10)[1][0] == ("dk=B-PER:lo", "dt=PER:lo")
    tags = [["B-ORG"]] + [["O"]] * 6
    # Six others, one B-ORG → 17 %.
    assert document_features([["اتحاد"]] * 7, tags, window=10)[1][0] == ("dk=B-ORG:min", "dt=ORG:lo")


def test_with_document_features_adds_neighbours() -> None:
    base = [["w=a"], ["w=b"], ["w=c"]]
    doc = [("dk=none",), ("dk=B-PER:hi", "dt=PER:hi"), ()]
    out = with_document_features(base, doc)
    assert out[0] == ["w=a", "dk=none", "1:dk=B-PER:hi", "1:dt=PER:hi"]
    assert out[1] == ["w=b", "dk=B-PER:hi", "dt=PER:hi", "-1:dk=none"]
    assert out[2] == ["w=c", "-1:dk=B-PER:hi", "-1:dt=PER:hi"]
    assert base[0] == ["w=a"]  # the first-stage lists are not modified


def _toy_corpus() -> list[tuple[list[str], list[str]]]:
    names = ["سليماني", "ظريف", "الكاظمي", "بومبيو", "لافروف", "غوتيريش"]
    places = ["بغداد", "دمشق", "طهران", "القاهرة"]
    out = []
    for i in range(48):
        n, p = names[i % 6], places[i % 4]
        out.append((["قال", n, "في", p, "إن", "الوفد", "وصل"], ["O", "B-PER", "O", "B-LOC", "O", "O", "O"]))
        out.append((["وأضاف", n, "أن", "الاجتماع", "انتهى"], ["O", "B-PER", "O", "O", "O"]))
    return out


@pytest.fixture(scope="module")
def toy_model(tmp_path_factory) -> NerModel:
    """A two-stage model trained on a toy corpus (a few seconds): the real training code path."""
    import json

    out: Path = tmp_path_factory.mktemp("ner2")
    shipped = load_model()
    fz = Featurizer(shipped.featurizer.clusters, shipped.featurizer.freq)
    corpus = _toy_corpus()
    half = len(corpus) // 2
    train_crf(corpus, fz, out / "crf.model", iterations=30, log=lambda m: None)
    train_second_stage([corpus[:half], corpus[half:]], fz, out, folds=2, window=3, c1=0.1, c2=0.05, iterations=30, log=lambda m: None)
    (out / "meta.json").write_text(json.dumps({"context_window": 3}), encoding="utf-8")
    import shutil

    from marsad.extract.ner_model import default_model_dir

    shutil.copyfile(default_model_dir() / "clusters.tsv.gz", out / "clusters.tsv.gz")
    assert (out / STAGE2_FILE).is_file() and not list(out.glob("*.tmp"))
    return NerModel.load(out)


def test_two_stage_model_loads_and_tags_documents(toy_model: NerModel) -> None:
    assert toy_model.stage2 is not None and toy_model.context_window == 3
    sents = [["قال", "ظريف", "في", "طهران", "إن", "الوفد", "وصل"], ["وأضاف", "ظريف", "أن", "الاجتماع", "انتهى"], []]
    tags = toy_model.tag_document(sents)
    assert [len(t) for t in tags] == [7, 5, 0]
    assert all(t == repair_bio(t) for t in tags)
    assert tags[0][1] == "B-PER" and tags[1][1] == "B-PER"
    # tag() is the first stage alone, on one sentence.
    assert toy_model.tag(sents[0]) == repair_bio(toy_model.tagger.tag(toy_model.featurizer.sentence(sents[0])))
    # The second stage's inputs hold the document features of the repeated name.
    inputs = toy_model.stage2_inputs(sents)
    assert any(f.startswith("dk=B-PER") for f in inputs[1][1])


def test_tags_for_given_tokens_in_document_mode_keep_alignment(toy_model: NerModel) -> None:
    sents = [["قال", "(ظريف)", "في", "طهران."], ["وأضاف", "ظريف"]]
    tags = toy_model.tag_given_tokens_document(sents)
    assert [len(t) for t in tags] == [4, 2]
    assert tags[0][1] == "B-PER" and tags[0][3] == "B-LOC"


def test_document_tagging_without_second_stage_is_sentence_tagging() -> None:
    m = load_model()
    sents = [["وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو"], ["وأضاف", "بوتين", "أن"]]
    first = NerModel(m.featurizer, m.tagger, {}, None)
    assert first.tag_document(sents) == [first.tag(s) for s in sents]
    assert first.tag_given_tokens_document(sents) == [first.tag_given_tokens(s) for s in sents]


def test_subclass_that_replaces_tag_is_not_bypassed(toy_model: NerModel) -> None:
    class Upper(NerModel):
        def tag(self, words):  # type: ignore[override]
            return ["B-MISC"] * len(words)

        def tag_batch(self, batch):
            return [self.tag(w) for w in batch]

    u = Upper(toy_model.featurizer, toy_model.tagger, {}, toy_model.stage2)
    assert u.tag_document([["a", "b"]]) == [["B-MISC", "B-MISC"]]


# --- the shipped model ---

def test_shipped_model_is_two_stage_and_says_how_it_was_trained() -> None:
    m = load_model()
    assert m.stage2 is not None
    assert m.meta["two_stage"] is True and m.meta["folds"] >= 2 and m.context_window == m.meta["context_window"]
    # Tuned on held-out dev first: the train-only figures are recorded next to the (training-data) dev scores.
    assert m.meta["dev_in_training"] is True and "anercorp" in m.meta["dev_held_out"]["scores"]


def test_shipped_model_finds_a_bare_repeat_through_document_context() -> None:
    from marsad.text import sentences, tokenize

    text = ("أعلن المدرب الجديد ماركو زيلنكا عن قائمة اللاعبين. ويأمل زيلنكا في تحقيق الفوز. "
            "وانتقد مشجعون زيلنكا بعد الخسارة.")
    toks = tokenize(text)
    sents = [[t.text for t in toks[s.tok_start:s.tok_end]] for s in sentences(text, toks)]
    m = load_model()
    last = sents[2]
    i = last.index("زيلنكا")
    assert m.tag(last)[i] == "O"  # alone, after a plural noun, the first stage misses it
    assert m.tag_document(sents)[2][i] == "B-PER"
    assert m.tag_document(sents)[0][3:5] == ["B-PER", "I-PER"]
