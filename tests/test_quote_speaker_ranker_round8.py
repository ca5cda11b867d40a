"""Round 8 of the speaker ranker: the hidden layer (numpy inference from the model's JSON equals what the trainer
scored), and the round-8 features on sentences of our own."""

from __future__ import annotations

import json

import numpy as np

from marsad.doc import Doc, RawArticle
from marsad.extract import quote_speakers as qs
from marsad.extract.quote_lexicon import load_lexicon
from marsad.extract.quotes import _Reader

from .quote_helpers import ent, per


def _xor_cases(n: int = 60) -> list[tuple[np.ndarray, np.ndarray]]:
    """Two candidates a quote; the positive is the one whose two features agree (both set or both clear): a
    cross no linear score can express."""
    a, b = qs._INDEX["src_history"], qs._INDEX["kind_org"]
    rng = np.random.default_rng(3)
    cases = []
    for _ in range(n):
        x = np.zeros((2, len(qs.FEATURES)))
        pa = int(rng.integers(0, 2))
        x[0, a], x[0, b] = pa, pa  # the positive: equal bits
        x[1, a], x[1, b] = pa, 1 - pa  # the negative: unequal bits, same first bit
        order = rng.permutation(2)
        cases.append((x[order], np.array([1.0, 0.0])[order]))
    return cases


def test_a_hidden_layer_learns_a_cross_the_linear_score_cannot():
    cases = _xor_cases()
    linear = qs.RankerModel(qs.fit(cases, iterations=300), 0.0, "ranker")
    w, hidden = qs.fit_params(cases, qs.FitSpec(units=4, hidden_l2=0.1, iterations=300))
    crossed = qs.RankerModel(w, 0.0, "ranker", hidden=hidden)

    def right(model: qs.RankerModel) -> int:
        return sum(int(y[int(np.argmax(model.scores(x)))]) for x, y in cases)

    assert right(crossed) == len(cases)
    assert right(linear) < 0.8 * len(cases)


def test_the_models_json_gives_the_trainers_scores(tmp_path):
    cases = _xor_cases(30)
    spec = qs.FitSpec(units=5, hidden_l2=1.0, iterations=120, seed=4)
    w, hidden = qs.fit_params(cases, spec)
    again = qs.fit_params(cases, spec)
    assert np.array_equal(w, again[0]) and np.array_equal(hidden.w1, again[1].w1)  # deterministic
    at = qs.fit_params(cases, spec, checkpoints=(60, 120))
    assert np.array_equal(at[120][1].v, hidden.v)  # a checkpoint is the same run stopped there
    model = qs.RankerModel(w, 0.0, "ranker", False, True, True, hidden)
    path = tmp_path / "m.json"
    qs.save(model, path)
    loaded = qs.RankerModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    assert loaded.hidden is not None and loaded.hidden.w1.shape == (len(qs.FEATURES), 5)
    x = np.vstack([c[0] for c in cases])
    # what the trainer optimised: x·w + tanh(x W1 + b1)·v, and the same from the JSON (6 decimals kept)
    trained = x @ w + np.tanh(x @ hidden.w1 + hidden.b1) @ hidden.v
    assert np.allclose(model.scores(x), trained)
    assert np.allclose(loaded.scores(x), trained, atol=1e-4)
    # a file without a hidden layer (rounds 1-7) is a linear model
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["hidden"]
    assert qs.RankerModel.from_json(data).hidden is None


def _cases(text: str, entities) -> list[qs.QuoteCase]:
    doc = Doc(RawArticle(text=text))
    doc.entities.extend(entities)
    reader = _Reader(doc, load_lexicon())
    return qs.build_cases(reader, reader.run(), clause_subjects=False, entity_window=True, phrase=True)


def _row(case: qs.QuoteCase, name: str | None) -> dict[str, float]:
    i = [c.name for c in case.candidates].index(name)
    return {f: v for f, v in zip(qs.FEATURES, case.x[i]) if v}


TEXT = ("قال وزير الزراعة حامد المنصوري إن موسم القمح سيبدأ مبكرا هذا العام. "
        "وأعلنت وزارة الري في بيان أن حصص المياه ستزداد بنسبة عشرة في المئة. "
        "وأضاف المنصوري أن الأسعار لن ترتفع.")


def test_round8_features_describe_the_cue_and_the_candidates():
    ents = [per(TEXT, "حامد المنصوري"), ent(TEXT, "وزارة الري", "ORG")]
    cases = _cases(TEXT, ents)
    assert [c.quote.cue.split()[0] for c in cases] == ["قال", "وأعلنت", "وأضاف"]
    first, second, third = cases
    # the cue's kind is on every row of its quote (none included)
    for case, kind in ((first, "cue_say"), (second, "cue_announce"), (third, "cue_say")):
        assert all(case.x[:, qs._INDEX[kind]] == 1)
    assert all(second.x[:, qs._INDEX["cue_feminine"]] == 1)
    # the ministry announces: a body's head word, and the cross a linear score can use
    ministry = _row(second, "وزارة الري")
    assert ministry["head_body"] == 1 and ministry["org_x_announce"] == 1
    # at the third quote the minister spoke the first one; the ministry spoke the second and stands nearer
    minister = _row(third, "حامد المنصوري")
    assert minister["spoke_earlier"] == 1 and minister["gender_agree"] == 1 and minister["per_x_say"] == 1
    assert _row(third, "وزارة الري")["spoke_earlier"] == 1
    assert "spoke_earlier" not in _row(first, "حامد المنصوري")


def test_the_nearest_named_candidate_before_the_cue_is_marked():
    text = ("استقبل رئيس البلدية سمير العلي المهندس كريم داود في مقر البلدية. "
            "وأوضح أن مشروع الطريق سينتهي الشهر المقبل.")
    cases = _cases(text, [per(text, "سمير العلي"), per(text, "كريم داود")])
    [case] = cases
    near, far = _row(case, "كريم داود"), _row(case, "سمير العلي")
    assert near.get("nearest_before") == 1 and "intervening_log" not in near
    assert far.get("second_before") == 1 and far["intervening_log"] > 0
    assert far.get("after_finite_verb") == 1  # استقبل رئيس البلدية سمير العلي: the subject of a finite verb


def test_dropped_features_weigh_nothing_whatever_they_read():
    cases = _xor_cases(30)
    spec = qs.FitSpec(units=3, hidden_l2=1.0, iterations=60, drop=("ROUND8", "kind_org"))
    w, hidden = qs.fit_params(cases, spec)
    cols = [qs._INDEX[f] for f in (*qs.ROUND8_FEATURES, "kind_org")]
    assert not w[cols].any() and not hidden.w1[cols].any()
    model = qs.RankerModel(w, 0.0, "ranker", hidden=hidden)
    x = np.vstack([c[0] for c in cases])
    noisy = x.copy()
    noisy[:, cols] = 1.0
    assert np.array_equal(model.scores(x), model.scores(noisy))


def test_a_model_without_round8_weights_is_spared_computing_them():
    w = np.zeros(len(qs.FEATURES))
    w[qs._INDEX["src_entity"]] = 1.0
    assert not qs._uses_round8(qs.RankerModel(w, 0.0, "ranker"))
    w[qs._INDEX["spoke_earlier"]] = 0.5
    assert qs._uses_round8(qs.RankerModel(w, 0.0, "ranker"))
    doc = Doc(RawArticle(text=TEXT))
    doc.entities.extend([per(TEXT, "حامد المنصوري"), ent(TEXT, "وزارة الري", "ORG")])
    reader = _Reader(doc, load_lexicon())
    quotes = reader.run()
    full = qs.build_cases(reader, quotes, clause_subjects=False, entity_window=True, phrase=True)
    lean = qs.build_cases(reader, quotes, clause_subjects=False, entity_window=True, phrase=True, round8=False)
    n = len(qs.FEATURES) - len(qs.ROUND8_FEATURES)  # the round-8 features come last: the lean rows stop before them
    model = qs.RankerModel(w, 0.0, "ranker")
    for a, b in zip(full, lean):
        assert [c.name for c in a.candidates] == [c.name for c in b.candidates]
        assert b.x.shape == (len(a.candidates), n) and np.array_equal(a.x[:, :n], b.x)
        assert np.allclose(model.scores(a.x) - model.scores(b.x), 0.5 * a.x[:, qs._INDEX["spoke_earlier"]])


def test_linear_only_features_never_reach_the_hidden_layer():
    cases = _xor_cases(30)
    spec = qs.FitSpec(units=3, hidden_l2=1.0, iterations=60, linear_only=("src_history", "topic_mention"))
    w, hidden = qs.fit_params(cases, spec)
    assert not hidden.w1[[qs._INDEX["src_history"], qs._INDEX["topic_mention"]]].any()
    assert hidden.w1[qs._INDEX["kind_org"]].any() and w[qs._INDEX["kind_org"]] != 0
