"""The numpy two-stage CRF (ner_fastcrf) against pycrfsuite and the feature lists it replaces."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.extract.ner_fastcrf import CrfScorer, FastTwoStage, document_features, marginals_batch, viterbi_batch
from marsad.extract.ner_features import document_features as counter_document_features
from marsad.extract.ner_features import with_document_features
from marsad.extract.ner_model import MODEL_FILE, STAGE2_FILE, load_model, repair_bio
from marsad.text import sentences, tokenize

from .conftest import missing

TEXT = (
    "بغداد – وكالات: قال وزير الخارجية الأمريكي أنتوني بلينكن، خلال مؤتمر صحفي في بغداد مع نظيره العراقي "
    "فؤاد حسين، إن \u201cالولايات المتحدة ستواصل دعم الحكومة العراقية\u201d. وأضاف بلينكن أن واشنطن تعمل مع "
    "الأمم المتحدة والبنك الدولي لإعادة إعمار الموصل وسنجار، مشيرا إلى أن أكثر من ٣٠٠ مليون دولار خصصت لذلك.\n"
    "من جهته، أكد حسين أن العراق يرحب بالدعم، فيما لفت رئيس الوزراء محمد شياع السوداني إلى أن الحكومة "
    "ماضية في الإصلاحات. وكان بلينكن قد وصل إلى العاصمة العراقية صباح الثلاثاء قادما من عمّان."
)


@pytest.fixture(scope="module")
def crf():
    model = load_model()
    if model.stage2 is None or model.model_dir is None:
        missing("the shipped CRF has no second stage")
    d = model.model_dir
    return model, CrfScorer(d / MODEL_FILE), CrfScorer(d / STAGE2_FILE)


def _sentences():
    toks = tokenize(TEXT)
    return [[t.text for t in toks[s.tok_start:s.tok_end]] for s in sentences(TEXT, toks)]


def test_weights_are_the_models(crf):
    model, s1, s2 = crf
    for scorer, tagger in ((s1, model.tagger), (s2, model.stage2)):
        assert scorer.labels == list(tagger.labels())
        info = tagger.info()  # the dump prints weights rounded to 6 decimals
        assert len(info.state_features) == int((scorer.table != 0).sum())
        for (attr, label), w in list(info.state_features.items())[::97]:
            assert abs(scorer.table[scorer.index[attr], scorer.labels.index(label)] - w) <= 5.1e-7
        for (a, b), w in info.transitions.items():
            assert abs(scorer.trans[scorer.labels.index(a), scorer.labels.index(b)] - w) <= 5.1e-7


def test_scores_viterbi_and_marginals_match_pycrfsuite(crf):
    model, s1, s2 = crf
    fast = FastTwoStage(model.featurizer, s1, s2)
    sents = _sentences()
    assert len(sents) >= 3
    base = [model.featurizer.sentence(s) for s in sents]
    scores = [fast.base_scores(s) for s in sents]
    for b, sc in zip(base, scores):
        assert np.allclose(sc[0], s1.state_scores(b), atol=1e-9, rtol=0)
        assert np.allclose(sc[1], s2.state_scores(b), atol=1e-9, rtol=0)
    # Stage 1: the same best paths as pycrfsuite's tagger.
    paths = viterbi_batch([sc[0] for sc in scores], fast.trans1)
    first = [repair_bio(model.tagger.tag(b)) for b in base]
    assert [repair_bio([fast.labels[j] for j in p]) for p in paths] == first
    # Stage 2: document features added as with_document_features does, marginals as pycrfsuite's.
    keys = [[model.featurizer.key(w) for w in s] for s in sents]
    doc = document_features(keys, first, model.context_window)
    seen_doc_feature = False
    for b, sc, d in zip(base, scores, doc):
        feats = with_document_features(b, d)
        seen_doc_feature |= any(d)
        s2_scores = fast.add_document_features(sc[1], d)
        assert np.allclose(s2_scores, s2.state_scores(feats), atol=1e-9, rtol=0)
        model.stage2.set(feats)
        ref = np.array([[model.stage2.marginal(lab, t) for lab in fast.labels] for t in range(len(feats))])
        got = marginals_batch([s2_scores], fast.trans2)[0]
        assert np.abs(got - ref).max() < 1e-6
    assert seen_doc_feature


def test_batched_marginals_equal_one_by_one(crf):
    model, s1, s2 = crf
    fast = FastTwoStage(model.featurizer, s1, s2)
    scores = [fast.base_scores(s)[0] for s in _sentences()]
    together = marginals_batch(scores, fast.trans1)
    for sc, m in zip(scores, together):
        assert m.shape == sc.shape
        assert np.allclose(m, marginals_batch([sc], fast.trans1)[0], atol=1e-12)
        assert np.allclose(m.sum(1), 1.0)


def test_document_features_same_as_counter_version():
    rng = np.random.default_rng(7)
    vocab = ["", "بلينكن", "بغداد", "الموصل", "حسين", "واشنطن"]
    tags = ["O", "B-PER", "I-PER", "B-LOC", "B-ORG", "B-MISC"]
    for _ in range(40):
        n = int(rng.integers(1, 30))
        keys = [[vocab[i] for i in rng.integers(0, len(vocab), int(rng.integers(1, 12)))] for _ in range(n)]
        tg = [[tags[i] for i in rng.integers(0, len(tags), len(k))] for k in keys]
        for window in (0, 1, 3, 20):
            assert document_features(keys, tg, window) == counter_document_features(keys, tg, window)


def test_ensemble_tags_unchanged_by_the_fast_path():
    from marsad.extract.ner_neural import available, load_ensemble

    if not available():
        missing("the neural NER model or onnxruntime is not installed")
    ens = load_ensemble(weight=0.6)
    if ens.fast_crf() is None:
        missing("the shipped CRF has no second stage")
    # The pycrfsuite path has only the marginal-averaging rule: compare that rule on both paths.
    ens = _variant(ens, combine="marginals")
    slow = _variant(ens, _fast_crf=False)
    sents = _sentences() * 3  # a longer document: more repeated names for the second stage
    assert ens.tag_document(sents) == slow.tag_document(sents)
    assert ens.tag_batch(sents) == slow.tag_batch(sents)
    assert any(t != "O" for s in ens.tag_document(sents) for t in s)


def _variant(ens, **changes):
    """A copy of an ensemble tagger with some attributes changed (the loaded models are shared)."""
    from marsad.extract.ner_neural import EnsembleTagger

    other = EnsembleTagger.__new__(EnsembleTagger)
    other.__dict__.update(ens.__dict__)
    other.__dict__.update(changes)
    other._joint = {}
    return other


def test_joint_rule_is_one_viterbi_over_both_models_scores(crf):
    """The default rule, checked sentence by sentence against the slow general path: second-stage
    state scores from the feature lists (pycrfsuite's first stage), the neural emissions, and a
    plain Viterbi over w × neural + (1 − w) × CRF with both transition matrices mixed the same way."""
    from marsad.extract.ner_neural import BIO_ALLOWED, START_ALLOWED, TAGS, available, load_ensemble, viterbi

    if not available():
        missing("the neural NER model or onnxruntime is not installed")
    model, s1, s2 = crf
    ens = load_ensemble(weight=0.6)
    assert ens.combine == "joint"
    fast = ens.fast_crf()
    if fast is None:
        missing("the shipped CRF has no second stage")
    sents = _sentences() * 3
    w, K = ens.weight, len(TAGS)
    cols = [TAGS.index(lab) for lab in s2.labels]
    neg = np.where(BIO_ALLOWED, 0.0, -1e4)

    def reference(stage_scores, trans_crf, words_list):
        crf_trans = np.full((K, K), -1e4)
        crf_trans[np.ix_(cols, cols)] = trans_crf
        trans = w * ens.neural.trans + (1 - w) * crf_trans + neg
        start = w * ens.neural.start + np.where(START_ALLOWED, 0.0, -1e4)
        out = []
        for sc, em in zip(stage_scores, ens.neural.emissions(words_list)):
            emit = np.full((len(sc), K), -1e4)
            emit[:, cols] = sc
            out.append([TAGS[i] for i in viterbi(w * em + (1 - w) * emit, trans, start, w * ens.neural.end)])
        return out

    doc_scores = [s2.state_scores(f) for f in model.stage2_inputs(sents)]
    got = ens.tag_document(sents)
    assert got == reference(doc_scores, s2.trans, sents)
    assert sum(t != "O" for s in got for t in s) > 10
    one = [s1.state_scores(model.featurizer.sentence(s)) for s in sents]
    assert ens.tag_batch(sents) == reference(one, s1.trans, sents)


def test_combine_rule_is_checked():
    from marsad.extract.ner_neural import EnsembleTagger

    with pytest.raises(ValueError, match="combine"):
        EnsembleTagger(None, None, 0.6, combine="average")  # type: ignore[arg-type]


def test_small_word_cache_gives_the_same_scores(crf):
    model, s1, s2 = crf
    big = FastTwoStage(model.featurizer, s1, s2)
    small = FastTwoStage(model.featurizer, s1, s2, cache_size=12)  # emptied often; long sentences bypass it
    sents = _sentences()
    assert max(map(len, sents)) > 12
    for s in sents + sents[::-1] + [s[:5] for s in sents]:
        assert np.array_equal(small.base_scores(s), big.base_scores(s))


# --- on real news: the shared word-type table and the document-level scoring ------------------


def _news_articles(shared_data, n):
    from marsad.extract.ner_clusters import news_texts

    out = []
    for text in news_texts(shared_data / "news" / "ant_unlabeled" / "articles.jsonl.gz", limit=n):
        toks = tokenize(text)
        out.append([[t.text for t in toks[s.tok_start:s.tok_end]] for s in sentences(text, toks)])
    return out


@pytest.fixture(scope="module")
def news_ensemble(shared_data):
    from marsad.extract.ner_neural import available, load_ensemble

    if not available():
        missing("the neural NER model or onnxruntime is not installed")
    ens = load_ensemble(weight=0.6)
    if ens.fast_crf() is None:
        missing("the shipped CRF has no second stage")
    return ens, _news_articles(shared_data, 200)


def test_word_types_equal_both_featurizers(news_ensemble):
    """Every per-word-type row of the shared table equals what each featurizer computes on its own."""
    from marsad.extract.ner_neural import WordTypes

    ens, articles = news_ensemble
    fast, nf, fz = ens.fast_crf(), ens.neural.featurizer, ens.featurizer
    words = list(dict.fromkeys(w for a in articles for s in a for w in s))
    assert len(words) > 10_000
    types = WordTypes(nf, fast, size=len(words))
    slots = types.lookup(words)
    assert np.array_equal(types.ids[slots], nf.sentence(words))
    assert np.array_equal(types.chars[slots], nf.chars(words))
    assert np.array_equal(types.conj[slots], nf.conjoined(words))
    for w, i in zip(words[::7], slots[::7]):
        assert np.array_equal(types.blocks[i], fast._word_block(w))
        assert types.keys[i] == fz._key(w)
        assert types.cls_ids[i] == fast.pair_vocab.get(fz._class_of(w), -1)


def test_document_scores_equal_sentence_scores(news_ensemble):
    """Whole-document scoring gives base_scores' and add_document_features' numbers bit for bit."""
    from marsad.extract.ner_neural import WordTypes

    ens, articles = news_ensemble
    fast = ens.fast_crf()
    types = WordTypes(ens.neural.featurizer, fast)
    for a in articles[:60]:
        sents = [s for s in a if s]
        slots = types.lookup([w for s in sents for w in s])
        lens = [len(s) for s in sents]
        pos = np.concatenate([np.arange(n) for n in lens])
        got = fast.document_base_scores(types.blocks[slots], pos, types.norm_ids[slots], types.cls_ids[slots])
        want = np.concatenate([fast.base_scores(s).transpose(1, 0, 2) for s in sents])
        assert np.array_equal(got, want)
        first = [repair_bio([fast.labels[j] for j in p]) for p in viterbi_batch([fast.base_scores(s)[0] for s in sents], fast.trans1)]
        doc = document_features([[ens.featurizer.key(w) for w in s] for s in sents], first, 20)
        got2 = fast.document_stage2(got[:, 1], pos, [d for sd in doc for d in sd])
        want2 = np.concatenate([fast.add_document_features(fast.base_scores(s)[1], d) for s, d in zip(sents, doc)])
        assert np.array_equal(got2, want2)


def test_ensemble_tags_equal_pycrfsuite_path_on_news(news_ensemble):
    """Thousands of real sentences: the numpy path gives the pycrfsuite path's tags, token for token."""
    ens, articles = news_ensemble
    ens = _variant(ens, combine="marginals")  # the only rule the pycrfsuite path has
    slow = _variant(ens, _fast_crf=False)
    assert sum(len(a) for a in articles) > 2000
    fast_tags = [ens.tag_document(a) for a in articles]
    assert fast_tags == [slow.tag_document(a) for a in articles]
    assert sum(t != "O" for a in fast_tags for s in a for t in s) > 1000


def test_joint_and_marginal_rules_mostly_agree_on_news(news_ensemble):
    """The two combination rules are different decoders of the same two models: on real news they
    agree on almost every token, and the joint one is not a no-op."""
    ens, articles = news_ensemble
    joint, marg = _variant(ens, combine="joint"), _variant(ens, combine="marginals")
    a = [t for art in articles[:100] for s in joint.tag_document(art) for t in s]
    b = [t for art in articles[:100] for s in marg.tag_document(art) for t in s]
    differ = sum(x != y for x, y in zip(a, b))
    assert len(a) == len(b) > 20_000
    assert 0 < differ < 0.02 * len(a)


def test_word_table_compaction_keeps_rows_exact(news_ensemble):
    """A small table compacted many times gives the same rows as one that holds every word."""
    from marsad.extract.ner_neural import WordTypes

    ens, articles = news_ensemble
    fast, nf = ens.fast_crf(), ens.neural.featurizer
    small = WordTypes(nf, fast, size=400)
    big = WordTypes(nf, fast, size=50_000)
    compactions = 0
    for a in articles[:80]:
        words = [w for s in a for w in s]
        before = len(small.slot)
        s, b = small.lookup(words), big.lookup(words)
        compactions += len(small.slot) < before
        assert len(small.slot) <= len(small.hits)
        for name in ("ids", "chars", "conj", "blocks", "norm_ids", "cls_ids"):
            assert np.array_equal(getattr(small, name)[s], getattr(big, name)[b])
        assert [small.keys[i] for i in s] == [big.keys[i] for i in b]
        assert [small.words[i] for i in s] == words
    assert compactions >= 5


def test_neural_document_tags_equal_sentence_by_sentence(news_ensemble):
    """The neural tagger alone batches a document's sentences into shared encoder calls: same tags."""
    from marsad.extract.ner_neural import load_ensemble

    _, articles = news_ensemble
    neural = load_ensemble(weight=1.0)
    for a in articles[:120]:
        assert neural.tag_document(a) == [neural.tag(s) for s in a]
