"""The neural entity tagger: numpy CRF decoding, the shipped ONNX model, the ensemble with the CRF."""

from __future__ import annotations

import itertools
import subprocess
import sys

import numpy as np
import pytest

from marsad.extract.ner_neural import (
    BIO_ALLOWED,
    TAGS,
    available,
    decode_marginals,
    default_model_dir,
    marginals,
    viterbi,
)

from .conftest import missing


def _brute_force(scores, trans, start, end):
    T, K = scores.shape
    paths = list(itertools.product(range(K), repeat=T))
    totals = np.array([
        start[p[0]] + scores[0, p[0]] + sum(trans[p[t - 1], p[t]] + scores[t, p[t]] for t in range(1, T)) + end[p[-1]]
        for p in paths
    ])
    probs = np.exp(totals - totals.max())
    probs /= probs.sum()
    marg = np.zeros((T, K))
    for p, pr in zip(paths, probs):
        for t in range(T):
            marg[t, p[t]] += pr
    return list(paths[int(totals.argmax())]), marg


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_viterbi_and_marginals_match_brute_force(seed):
    rng = np.random.default_rng(seed)
    T, K = 4, 3
    scores, trans = rng.normal(size=(T, K)), rng.normal(size=(K, K))
    start, end = rng.normal(size=K), rng.normal(size=K)
    best, marg = _brute_force(scores, trans, start, end)
    assert viterbi(scores, trans, start, end) == best
    got = marginals(scores, trans, start, end)
    assert np.allclose(got, marg, atol=1e-9)
    assert np.allclose(got.sum(1), 1.0)


def test_decode_marginals_never_opens_with_inside_tag():
    probs = np.full((3, len(TAGS)), 0.01)
    probs[0, TAGS.index("I-PER")] = 0.9  # an I- with nothing before it
    probs[1, TAGS.index("I-ORG")] = 0.9  # an I- of another type
    probs[2, TAGS.index("O")] = 0.9
    tags = decode_marginals(probs)
    for prev, cur in zip(["O", *tags], tags):
        assert BIO_ALLOWED[TAGS.index(prev), TAGS.index(cur)] or prev == "O" and not cur.startswith("I-")
    assert not tags[0].startswith("I-")


@pytest.fixture(scope="module")
def ensemble():
    if not available():
        missing(f"no neural NER model at {default_model_dir()} (or onnxruntime missing)")
    from marsad.extract.ner_neural import load_ensemble

    return load_ensemble()


SENTENCE = "وقال رئيس الوزراء العراقي مصطفى الكاظمي في بغداد إن وزارة الخارجية ستستقبل وزير الخارجية الفرنسي جان إيف لودريان ."


def test_model_loads_quickly_and_small():
    if not available():
        missing(f"no neural NER model at {default_model_dir()}")
    size = sum(p.stat().st_size for p in default_model_dir().iterdir() if p.is_file())
    assert size < 40 * 2**20
    # A fresh process: the cached loader would hide the cost here.
    code = (
        "import time; t=time.perf_counter(); from marsad.extract.ner_neural import load_ensemble; "
        "m=load_ensemble(); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout.strip().splitlines()[-1]) < 2.0 * 3  # 2 s aim; slack for a loaded CI machine


def test_tags_persons_places_and_organisations(ensemble):
    words = SENTENCE.split()
    tags = ensemble.tag(words)
    assert len(tags) == len(words)
    spans = {" ".join(words[i:j]): t for i, j, t in _spans(tags)}
    assert spans.get("مصطفى الكاظمي") == "PER"
    assert spans.get("بغداد") == "LOC"
    assert spans.get("جان إيف لودريان") == "PER"
    words = "أعلنت شركة أرامكو السعودية في الرياض عن أرباحها .".split()
    spans = {" ".join(words[i:j]): t for i, j, t in _spans(ensemble.tag(words))}
    assert any(t == "ORG" and "أرامكو" in s for s, t in spans.items())
    assert spans.get("الرياض") == "LOC"


def _spans(tags):
    from marsad.extract.ner_model import bio_spans

    return bio_spans(tags)


def test_deterministic_and_batch_equals_single(ensemble):
    a = "أعلنت شركة أرامكو السعودية في الرياض عن أرباحها .".split()
    b = SENTENCE.split()
    one = [ensemble.tag(a), ensemble.tag(b)]
    assert ensemble.tag_batch([a, [], b]) == [one[0], [], one[1]]
    assert ensemble.tag(b) == one[1]


def test_given_tokens_keep_their_count(ensemble):
    toks = ["(د", "ب", "أ)", "قال", "الرئيس", "الأمريكي", "جو", "بايدن،", "في", "واشنطن."]
    tags = ensemble.tag_given_tokens(toks)
    assert len(tags) == len(toks)
    assert tags[6:8] == ["B-PER", "I-PER"]
    assert tags[9] == "B-LOC"


def test_pipeline_offsets_point_into_the_text(ensemble):
    from marsad.doc import RawArticle
    from marsad.pipeline import Pipeline

    text = "بغداد – قال رئيس الوزراء مصطفى الكاظمي، الأحد، إن الحكومة ماضية. وأضاف الكاظمي أن وزارة المالية ستدفع الرواتب."
    rec = Pipeline.default().extract(RawArticle(text=text))
    names = {(e.text, e.type) for e in rec.entities}
    assert ("مصطفى الكاظمي", "PER") in names
    for e in rec.entities:
        assert text[e.start:e.end] == e.text


def test_tagging_works_without_torch():
    if not available():
        missing(f"no neural NER model at {default_model_dir()}")
    code = (
        "import sys; sys.modules['torch'] = None; sys.modules['gensim'] = None\n"
        "from marsad.extract.ner_neural import load_ensemble\n"
        f"print(load_ensemble().tag({SENTENCE.split()!r}))\n"
        "assert 'torch' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "B-PER" in out.stdout



def test_environment_can_keep_the_crf():
    code = (
        "from marsad.extract.ner_neural import load_tagger, EnsembleTagger\n"
        "print(type(load_tagger()).__name__)\n"
    )
    import os

    env = {**os.environ, "MARSAD_NER_TAGGER": "crf"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "NerModel"


def test_default_tagger_is_the_ensemble_and_others_stay_selectable(monkeypatch):
    if not available():
        missing(f"no neural NER model at {default_model_dir()} (or onnxruntime missing)")
    from marsad.extract.ner_model import NerModel
    from marsad.extract.ner_neural import ENSEMBLE_OPTION_WEIGHT, TAGGER_ENV, EnsembleTagger, load_tagger

    monkeypatch.delenv(TAGGER_ENV, raising=False)
    default = load_tagger()
    assert isinstance(default, EnsembleTagger) and default.weight == ENSEMBLE_OPTION_WEIGHT
    assert default.fast_crf() is not None  # built at load: the numpy two-stage CRF
    for choice, weight in (("ensemble", ENSEMBLE_OPTION_WEIGHT), ("neural", 1.0)):
        monkeypatch.setenv(TAGGER_ENV, choice)
        tagger = load_tagger()
        assert isinstance(tagger, EnsembleTagger) and tagger.weight == weight
    monkeypatch.setenv(TAGGER_ENV, "crf")
    assert type(load_tagger()) is NerModel


def test_ensemble_option_mixes_in_the_two_stage_crf(ensemble):
    from marsad.extract.ner_neural import ENSEMBLE_OPTION_WEIGHT, load_ensemble

    mixed = load_ensemble(weight=ENSEMBLE_OPTION_WEIGHT)
    assert mixed is not ensemble and mixed.weight == ENSEMBLE_OPTION_WEIGHT
    doc = [SENTENCE.split(), [], "وأضاف الكاظمي أن الحكومة ماضية .".split()]
    tags = mixed.tag_document(doc)
    assert [len(t) for t in tags] == [len(s) for s in doc]
    spans = {" ".join(doc[0][i:j]): t for i, j, t in _spans(tags[0])}
    assert spans.get("مصطفى الكاظمي") == "PER"
    assert tags[2][1] == "B-PER"


def test_batched_marginals_and_decoding_match_single():
    from marsad.extract.ner_neural import batch_decode_marginals, batch_marginals

    rng = np.random.default_rng(3)
    K = len(TAGS)
    trans, start, end = rng.normal(size=(K, K)), rng.normal(size=K), rng.normal(size=K)
    scores = [rng.normal(size=(n, K)) * 3 for n in (1, 7, 3, 12, 2)]
    got = batch_marginals(scores, trans, start, end)
    for g, x in zip(got, scores):
        assert np.allclose(g, marginals(x, trans, start, end), atol=1e-9)
    assert batch_decode_marginals(got) == [decode_marginals(g) for g in got]


def test_tagger_hands_freed_memory_back_every_few_documents(ensemble, monkeypatch):
    import marsad.extract.ner_neural as nn

    calls = []
    monkeypatch.setattr(nn, "release_freed_memory", lambda: calls.append(1))
    doc = [SENTENCE.split()]
    for _ in range(2 * nn.TRIM_EVERY):
        ensemble.tag_document(doc)
    assert len(calls) == 2
