"""The quote-speaker ranker's training harness: gold folds over several files, the stacked optimiser,
candidate sources and features (sentences written for these tests)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from marsad.evaluation import quote_speakers as ev
from marsad.extract import quote_speakers as qs


def _gold(tmp_path, name: str, rows: list[dict]):
    p = tmp_path / name
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return p


def test_folds_keep_splits_name_files_and_cut_train4_into_its_parts(tmp_path):
    a = _gold(tmp_path, "quotes.jsonl", [{"id": "x1", "split": "dev", "quotes": []}, {"id": "x2", "split": "test", "quotes": []}])
    b = _gold(tmp_path, "quotes_blind99.jsonl", [{"id": "y1", "quotes": []}])
    c = _gold(tmp_path, "quotes_train4.jsonl", [{"id": f"z{i}", "split": "train4", "quotes": []} for i in range(81)])
    rows = ev.read_folds([a, b, c])
    splits = [r["split"] for r in rows]
    assert splits[:3] == ["dev", "test", "blind99"]
    assert splits[3:43] == ["train4a"] * 40 and splits[43:83] == ["train4b"] * 40 and splits[83:] == ["train4c"]


def test_train6_is_cut_into_its_three_annotators_parts_of_50(tmp_path):
    c = _gold(tmp_path, "quotes_train6.jsonl", [{"id": f"t{i}", "split": "train6", "quotes": []} for i in range(150)])
    splits = [r["split"] for r in ev.read_folds([c])]
    assert splits == ["train6a"] * 50 + ["train6b"] * 50 + ["train6c"] * 50


def test_blind9_is_cut_into_its_three_annotators_parts_of_40(tmp_path):
    c = _gold(tmp_path, "quotes_blind9.jsonl", [{"id": f"b{i}", "quotes": []} for i in range(120)])
    splits = [r["split"] for r in ev.read_folds([c])]
    assert splits == ["blind9a"] * 40 + ["blind9b"] * 40 + ["blind9c"] * 40


def test_the_default_gold_is_every_study_file_and_never_the_check_file():
    assert "eval/gold/quotes_blind9.jsonl" in ev.DEFAULT_GOLD
    assert "eval/gold/quotes_train6.jsonl" in ev.DEFAULT_GOLD and "eval/gold/quotes_blind6.jsonl" in ev.DEFAULT_GOLD
    assert not any("check" in g for g in ev.DEFAULT_GOLD)


def test_an_article_in_two_gold_files_is_an_error(tmp_path):
    a = _gold(tmp_path, "quotes_a.jsonl", [{"id": "x1", "quotes": []}])
    b = _gold(tmp_path, "quotes_b.jsonl", [{"id": "x1", "quotes": []}])
    with pytest.raises(ValueError, match="two gold files"):
        ev.read_folds([a, b])


def _loop_fit(cases, l2=1.0, iterations=50):
    """The per-quote loop the stacked optimiser replaced, as the reference."""
    d = len(qs.FEATURES)
    w, m, v = np.zeros(d), np.zeros(d), np.zeros(d)
    n = len(cases)
    for t in range(1, iterations + 1):
        grad = l2 * w / n
        for x, y in cases:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y / (p * y).sum()
            grad += x.T @ (p - q) / n
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def test_stacked_fit_equals_the_per_quote_loop():
    rng = np.random.default_rng(3)
    cases = []
    for k in range(30):
        n = 2 + k % 5
        y = np.zeros(n)
        y[k % n] = 1
        cases.append((rng.normal(size=(n, len(qs.FEATURES))), y))
    assert np.allclose(qs.fit(cases, iterations=50), _loop_fit(cases), atol=1e-9)


# --- candidates and features on sentences written for these tests -------------------------------

from marsad.doc import Doc, RawArticle  # noqa: E402
from marsad.extract.quote_lexicon import load_lexicon  # noqa: E402
from marsad.extract.quotes import _Reader  # noqa: E402
from marsad.record import Entity  # noqa: E402
from marsad.text import entity_id  # noqa: E402


def _cases(text: str, entities: list[Entity] = ()) -> list[qs.QuoteCase]:
    doc = Doc(RawArticle(text=text))
    doc.entities.extend(entities)
    reader = _Reader(doc, load_lexicon())
    return qs.build_cases(reader, reader.run())


def _ent(text: str, name: str, kind: str = "PER") -> Entity:
    start = text.index(name)
    return Entity(name, start, start + len(name), kind, name, entity_id(kind, name))


def _row(case: qs.QuoteCase, name: str) -> np.ndarray:
    [i] = [i for i, c in enumerate(case.candidates) if c.name and name in c.name]
    return case.x[i]


def test_the_subject_of_an_ordinary_verb_before_a_pro_drop_cue_is_a_candidate():
    text = ("ونظم اتحاد المزارعين الجنوبي وقفة أمام مبنى الوزارة صباح اليوم. "
            "وأكد أن الأسعار الحالية لا تغطي كلفة الري والأسمدة.")
    [case] = _cases(text)
    row = _row(case, "اتحاد المزارعين")
    assert row[qs._INDEX["src_clause"]] == 1 and row[qs._INDEX["clause_latest"]] == 1
    assert row[qs._INDEX["clause_x_prodrop"]] == 1 and row[qs._INDEX["clause_agree"]] == 1
    assert row[qs._INDEX["sent_dist_1"]] == 1 and row[qs._INDEX["sent_dist_0"]] == 0


def test_previous_quote_speaker_place_and_badly_cut_phrases_are_described():
    text = ("وقال وزير النقل خالد الرفاعي إن الطريق الجديد سيفتح الشهر المقبل. "
            "وأضاف أن العمل في عمان يسير وفق الخطة.")
    ents = [_ent(text, "خالد الرفاعي"), _ent(text, "عمان", "GPE"), _ent(text, "عمان", "ORG")]
    cases = _cases(text, ents)
    assert [c.quote.speaker for c in cases] == ["خالد الرفاعي", "خالد الرفاعي"]
    second = cases[1]
    assert _row(second, "خالد الرفاعي")[qs._INDEX["prev_quote_speaker_same_para"]] == 1
    assert _row(second, "عمان")[qs._INDEX["is_place"]] == 1
    assert _row(second, "عمان")[qs._INDEX["mention_in_this_quote"]] == 1


def _model(mode: str, margin: float = 0.0) -> qs.RankerModel:
    w = np.zeros(len(qs.FEATURES))
    w[qs._INDEX["src_entity"]] = 2.0
    w[qs._INDEX["src_rule"]] = 1.0
    w[qs._INDEX["none"]] = 1.5
    return qs.RankerModel(w, margin, mode)


def test_switch_policy_changes_only_names_the_rules_gave():
    text = "وقال المتحدث باسم الشركة إن المصنع سيغلق. وكان سامي العبد قد زار المصنع أمس."
    [case] = _cases(text, [_ent(text, "سامي العبد")])
    assert case.quote.speaker is not None and "سامي" not in case.quote.speaker
    pick = _model("switch").choose(case)
    assert pick is not None and pick.name == "سامي العبد"  # beats the rules' 1.0 with 2.0
    assert _model("switch", margin=1.5).choose(case) is None  # not by the margin
    # where the rules named no one, switch never names anyone (and never removes a name)
    _assert_names_no_one_where_the_rules_did_not("switch")


def _assert_names_no_one_where_the_rules_did_not(policy: str) -> None:
    text = "وأوضح أن المصنع سيغلق. وكان سامي العبد قد زار المصنع أمس."
    for c in _cases(text, [_ent(text, "سامي العبد")]):
        if c.quote.speaker is None:
            assert _model(policy).choose(c) is None


def test_a_cue_word_inside_a_candidate_marks_a_bad_cut():
    text = "وفي المناسبة تحدث رئيس الاتحاد قائلا إن الموسم المقبل سيكون أصعب."
    for case in _cases(text):
        for c, row in zip(case.candidates, case.x):
            if c.name and "قائلا" in c.name:
                assert row[qs._INDEX["name_has_cue"]] == 1


def test_switch_never_trades_the_rules_name_for_a_variant_of_it():
    rule = qs.Candidate("صلاح الدين دميرتاش", "PER", ("صلاح", "الدين", "دميرتاش"), sources={"rule"})
    glued = qs.Candidate("دميرتاش لرويترز", "PER", ("دميرتاش", "لرويترز"), sources={"entity"})
    other = qs.Candidate("رجب أردوغان", "PER", ("رجب", "اردوغان"), sources={"entity"})
    assert qs._variant(rule, glued) and not qs._variant(rule, other)
    body = qs.Candidate("الشين بيت", "ORG", ("الشين", "بيت"), sources={"rule"})
    assert qs._variant(body, qs.Candidate("الشين", "ORG", ("الشين",)))
    x = np.zeros((3, len(qs.FEATURES)))
    x[0, qs._INDEX["src_rule"]] = 1
    x[1, qs._INDEX["src_entity"]] = 1
    x[2, qs._INDEX["none"]] = 1
    w = np.zeros(len(qs.FEATURES))
    w[qs._INDEX["src_entity"]] = 3.0
    case = qs.QuoteCase(None, [rule, glued, qs.Candidate(None, "NONE", (), sources={"none"})], x)
    assert qs.RankerModel(w, 0.0, "switch").choose(case) is None
    case.candidates[1] = other
    assert qs.RankerModel(w, 0.0, "switch").choose(case) is other


def test_labels_use_the_speaker_form_the_component_outputs(monkeypatch):
    text = ("وقال وزير النقل خالد الرفاعي إن الطريق الجديد سيفتح الشهر المقبل. "
            "وأضاف أن العمل يسير وفق الخطة.")
    doc = Doc(RawArticle(text=text))
    doc.entities.append(_ent(text, "خالد الرفاعي"))
    reader = _Reader(doc, load_lexicon())
    cases = qs.build_cases(reader, reader.run())
    canon = [ev._canon_names(doc, case) for case in cases]
    # one form per candidate, then the rules' own speaker as the component outputs it
    assert [len(names) for names in canon] == [len(case.candidates) + 1 for case in cases]
    first = cases[0].candidates
    assert canon[0][[c.name for c in first].index("خالد الرفاعي")] == "خالد الرفاعي"
    assert canon[0][-1] == "خالد الرفاعي"
    assert all(n is None for case, names in zip(cases, canon) for c, n in zip(case.candidates, names) if c.name is None)
    monkeypatch.setenv("MARSAD_QUOTE_CANON", "off")
    assert [ev._canon_names(doc, case)[:-1] for case in cases] == [[c.name for c in case.candidates] for case in cases]
    arts = ev.ArticleCases("x", "dev", {}, [], cases, [None] * len(cases), [["الرفاعي"] * (len(case.candidates) + 1) for case in cases])
    ci = [c.name for c in first].index("خالد الرفاعي")
    assert arts.output_name(0, ci) == "الرفاعي"
    none_i = next(i for i, c in enumerate(first) if c.name is None)
    assert arts.output_name(0, none_i) is None


# --- session 4: the correct policy and abstain labels -----------------------------------------------

def test_correct_policy_changes_or_withdraws_the_rules_names_but_never_adds_one():
    text = "وقال المتحدث باسم الشركة إن المصنع سيغلق. وكان سامي العبد قد زار المصنع أمس."
    [case] = _cases(text, [_ent(text, "سامي العبد")])
    pick = _model("correct").choose(case)
    assert pick is not None and pick.name == "سامي العبد"  # top candidate (2.0) over the rules' name (1.0)
    w = np.zeros(len(qs.FEATURES))
    w[qs._INDEX["none"]] = 3.0
    withdrawn = qs.RankerModel(w, 0.0, "correct").choose(case)
    assert withdrawn is not None and withdrawn.name is None  # no one: the name is withdrawn
    _assert_names_no_one_where_the_rules_did_not("correct")


def test_abstain_labels_teach_no_speaker_where_no_candidate_is_right():
    text = "وقال المتحدث باسم الشركة إن المصنع سيغلق. وكان سامي العبد قد زار المصنع أمس."
    [case] = _cases(text, [_ent(text, "سامي العبد")])
    nobody = np.zeros(len(case.candidates))
    some = np.array([1.0 if c.name == "سامي العبد" else 0.0 for c in case.candidates])
    arts = [ev.ArticleCases("x", "dev", {}, [], [case, case, case], [nobody, some, None])]
    with_abstain = ev.training_cases(arts, abstain=True)
    assert len(with_abstain) == 2  # the unmatched quote (None) teaches nothing either way
    y = with_abstain[0][1]
    assert y.sum() == 1 and case.candidates[int(np.argmax(y))].name is None
    assert len(ev.training_cases(arts, abstain=False)) == 1


def test_the_environment_can_switch_the_shipped_ranker_off(monkeypatch):
    monkeypatch.setenv("MARSAD_QUOTE_RANKER", "off")
    assert qs.load_model() is None
    monkeypatch.delenv("MARSAD_QUOTE_RANKER")
    assert qs.load_model() is qs.load_model()  # read once per process


def test_the_environment_can_run_the_shipped_weights_under_another_policy(monkeypatch):
    shipped = qs.load_model()
    monkeypatch.setenv("MARSAD_QUOTE_RANKER", "correct")
    forced = qs.load_model()
    assert forced is not None and forced.mode == "correct" and forced is qs.load_model()
    assert np.array_equal(forced.weights, shipped.weights)
    monkeypatch.setenv("MARSAD_QUOTE_RANKER", "no-such-policy")
    assert qs.load_model() is shipped  # an unknown value leaves the file's policy


# --- session 5: train7 and blind7 in the training gold, a chosen set of policies ------------------------------

def test_the_default_gold_holds_train7_and_blind7_and_no_check_file():
    assert "eval/gold/quotes_train7.jsonl" in ev.DEFAULT_GOLD and "eval/gold/quotes_blind7.jsonl" in ev.DEFAULT_GOLD
    assert not any("check" in g for g in ev.DEFAULT_GOLD)


def test_train7_is_cut_into_its_three_annotators_parts_of_50(tmp_path):
    c = _gold(tmp_path, "quotes_train7.jsonl", [{"id": f"s{i}", "split": "train7", "quotes": []} for i in range(150)])
    assert [r["split"] for r in ev.read_folds([c])] == ["train7a"] * 50 + ["train7b"] * 50 + ["train7c"] * 50


def _scored_article(text: str, split: str, gold_speaker: str) -> ev.ArticleCases:
    cases = _cases(text, [_ent(text, "سامي العبد")])
    q = cases[0].quote
    gold = {"id": split, "split": split, "quotes": [{"start": q.start, "end": q.end, "speaker": gold_speaker}]}
    predicted = [{"start": c.quote.start, "end": c.quote.end, "text": c.quote.text, "direct": c.quote.direct,
                  "speaker": c.quote.speaker, "cue": c.quote.cue, "_i": i} for i, c in enumerate(cases)]
    labels = [np.array([1.0 if cand.name == gold_speaker else 0.0 for cand in c.candidates]) for c in cases]
    return ev.ArticleCases(split, split, gold, predicted, cases, labels)


def test_cross_validation_scores_only_the_policies_asked_for():
    text = "وقال المتحدث باسم الشركة إن المصنع سيغلق. وكان سامي العبد قد زار المصنع أمس."
    arts = [_scored_article(text, s, "سامي العبد") for s in ("a", "b", "c")]
    res = ev.cross_validate(arts, 1.0, policies=("correct",))
    assert set(res) == {"a", "b", "c", "all"}
    assert all(set(row) == {"rules", "correct"} for row in res.values())  # the rules always, no margin policies
    assert res["all"]["rules"].gold == 3
    full = ev.cross_validate(arts, 1.0)
    assert set(full["all"]) == set(ev.POLICIES)
    for p in ("rules", "correct"):  # the same figures whichever others are scored beside them
        assert res["all"][p].speaker_ok == full["all"][p].speaker_ok and res["all"][p].named == full["all"][p].named
    checked = ev.check(arts[:2], arts[2:], 1.0, policies=("ranker",))
    assert set(checked) == {"rules", "ranker"}


def test_a_model_can_leave_clause_subjects_out_and_says_so_in_its_file(tmp_path):
    text = ("ونظم اتحاد المزارعين الجنوبي وقفة أمام مبنى الوزارة صباح اليوم. "
            "وأكد أن الأسعار الحالية لا تغطي كلفة الري والأسمدة.")
    doc = Doc(RawArticle(text=text))
    reader = _Reader(doc, load_lexicon())
    quotes = reader.run()
    with_clauses = qs.build_cases(reader, quotes)
    without = qs.build_cases(reader, quotes, clause_subjects=False)
    assert any("clause" in c.sources for case in with_clauses for c in case.candidates)
    assert not any("clause" in c.sources for case in without for c in case.candidates)
    model = qs.RankerModel(np.zeros(len(qs.FEATURES)), 0.0, "ranker", clause_subjects=False)
    qs.save(model, tmp_path / "m.json")
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert data["clause_subjects"] is False and qs.RankerModel.from_json(data).clause_subjects is False
    del data["clause_subjects"]  # a model written before the option builds clause subjects
    assert qs.RankerModel.from_json(data).clause_subjects is True


def test_prodrop_only_clause_subjects_are_read_for_a_cue_without_a_subject_of_its_own(tmp_path):
    text = ("ونظم اتحاد المزارعين الجنوبي وقفة أمام مبنى الوزارة صباح اليوم. "
            "وأكد أن الأسعار الحالية لا تغطي كلفة الري والأسمدة. "
            "وطالبت النقابة الحكومة بدعم المزارعين، وقال رئيس النقابة حسن الفارس إن الموسم مهدد.")
    doc = Doc(RawArticle(text=text))
    reader = _Reader(doc, load_lexicon())
    quotes = reader.run()
    full = qs.build_cases(reader, quotes)
    prodrop = qs.build_cases(reader, quotes, clause_subjects="prodrop")
    by_cue = {case.quote.cue: case for case in prodrop}
    bare, named = by_cue["وأكد"], by_cue["وقال"]
    assert any("clause" in c.sources for c in bare.candidates)  # وأكد: no subject, the clause before it speaks
    assert not any("clause" in c.sources for c in named.candidates)  # وقال رئيس النقابة …: a subject of its own
    assert any("clause" in c.sources for case in full if case.quote.cue == "وقال" for c in case.candidates)
    model = qs.RankerModel(np.zeros(len(qs.FEATURES)), 0.0, "ranker", clause_subjects="prodrop", entity_window=True)
    qs.save(model, tmp_path / "m.json")
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    back = qs.RankerModel.from_json(data)
    assert back.clause_subjects == "prodrop" and back.entity_window is True
    del data["entity_window"]  # a model written before the option reads every entity
    assert qs.RankerModel.from_json(data).entity_window is False


def test_an_entity_window_leaves_out_names_seen_only_far_from_the_quote():
    far = "زار الوزير خالد المنصور المعرض في افتتاحه. "
    filler = "".join(f"وتضمن اليوم {w} عروضا متنوعة للجمهور. " for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس"))
    near = "وقال مدير المعرض سليم الحداد إن الإقبال فاق التوقعات."
    text = far + "\n\n" + filler + "\n\n" + near
    doc = Doc(RawArticle(text=text))
    doc.entities.extend([_ent(text, "خالد المنصور"), _ent(text, "سليم الحداد")])
    reader = _Reader(doc, load_lexicon())
    quotes = reader.run()
    assert quotes
    every = [c.name for c in qs.build_cases(reader, quotes)[0].candidates]
    near_only = [c.name for c in qs.build_cases(reader, quotes, entity_window=True)[0].candidates]
    assert "خالد المنصور" in every and "خالد المنصور" not in near_only
    assert any(n and "سليم الحداد" in n for n in near_only)


def test_the_unparsed_words_after_a_cue_are_a_candidate_only_for_a_model_that_asks_for_them(tmp_path):
    # round 7: where the rules read no subject after a verb cue, the words up to the first mark are a
    # candidate of their own ("phrase"): a description the rules did not parse, or (here) an adjunct to learn against
    text = "وكتب على صفحته الرسمية أن الاجتماع تأجل إلى الأسبوع المقبل."
    doc = Doc(RawArticle(text=text))
    reader = _Reader(doc, load_lexicon())
    quotes = reader.run()
    [plain] = qs.build_cases(reader, quotes)
    [with_phrase] = qs.build_cases(reader, quotes, phrase=True)
    assert not any("phrase" in c.sources for c in plain.candidates)
    [cand] = [c for c in with_phrase.candidates if "phrase" in c.sources]
    assert cand.name == "على صفحته الرسمية" and cand.kind == "DESC"
    row = with_phrase.x[with_phrase.candidates.index(cand)]
    assert row[qs._INDEX["src_phrase"]] == 1 and row[qs._INDEX["phrase_definite"]] == 0
    model = qs.RankerModel(np.zeros(len(qs.FEATURES)), 0.0, "ranker", False, True, phrase=True)
    qs.save(model, tmp_path / "m.json")
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert data["phrase"] is True and qs.RankerModel.from_json(data).phrase is True
    del data["phrase"]  # a model written before the option builds no phrase candidate
    assert qs.RankerModel.from_json(data).phrase is False


def test_a_named_subject_after_the_cue_leaves_no_phrase_candidate():
    text = "وقال رئيس البلدية سامر العلي إن الطريق سيفتح غدا."
    ents = [_ent(text, "سامر العلي")]
    doc = Doc(RawArticle(text=text))
    doc.entities.extend(ents)
    reader = _Reader(doc, load_lexicon())
    [case] = qs.build_cases(reader, reader.run(), phrase=True)
    assert not any("phrase" in c.sources for c in case.candidates)


def test_a_relay_marks_its_carrier_and_its_source():
    # نقلت X عن Y: X carries the words, Y said them
    text = "ونقلت صحيفة المساء عن مصدر أمني قوله إن التحقيق ما زال جاريا."
    [case] = _cases(text)
    assert _row(case, "مصدر أمني")[qs._INDEX["relay_source"]] == 1
    assert _row(case, "صحيفة المساء")[qs._INDEX["relay_carrier"]] == 1
    assert _row(case, "مصدر أمني")[qs._INDEX["relay_carrier"]] == 0


def test_a_name_after_wa_an_or_hawla_is_a_topic_not_a_speaker():
    # وعن X قال …: X is what the statement is about
    text = ("وقال وزير الطاقة ماهر السعدي إن الإنتاج سيرتفع. "
            "وعن شركة النفط الوطنية قال السعدي إنها ستطرح أسهمها العام المقبل.")
    ents = [_ent(text, "ماهر السعدي"), _ent(text, "شركة النفط الوطنية", "ORG")]
    cases = _cases(text, ents)
    second = cases[-1]
    assert _row(second, "شركة النفط الوطنية")[qs._INDEX["topic_mention"]] == 1
    assert _row(second, "ماهر السعدي")[qs._INDEX["topic_mention"]] == 0
