"""Entities: the shipped tagger on real-shaped news sentences, span cleaning, coreference, metrics, CLI."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from marsad.doc import Doc, RawArticle
from marsad.evaluation.ner import bio_spans, read_conll, score, write_conll
from marsad.extract.entities import EntityRecognizer, Mention, document_words, name_like_words, resolve, strip_proclitic
from marsad.extract.ner_model import default_model_dir, load_model, repair_bio
from marsad.extract.ner_train import retokenize
from marsad.record import Entity
from marsad.text import clitic_key, entity_id, name_key, normalize, tokenize


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def run(recognizer: EntityRecognizer, text: str) -> list[Entity]:
    doc = Doc(RawArticle(text=text))
    recognizer(doc)
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
        assert e.entity_id == entity_id(e.type, e.canonical)
    return doc.entities


# --- the model in the package ---

def test_model_ships_in_package_and_loads_once() -> None:
    d = default_model_dir()
    assert (d / "crf.model").is_file() and (d / "clusters.tsv.gz").is_file()
    size = sum(p.stat().st_size for p in d.iterdir())
    assert size < 50 * 1024 * 1024
    m = load_model()
    assert m is load_model()
    assert m.meta.get("train_sets"), "meta.json records how the model was trained"
    assert "test" not in " ".join(m.meta["train_sets"])


# --- the component on news-like text ---

def test_person_with_title_and_surname_coreference(recognizer: EntityRecognizer) -> None:
    text = ("قال رئيس الوزراء العراقي مصطفى الكاظمي في بيان يوم الخميس إن الحكومة ماضية في الإصلاحات. "
            "وأضاف الكاظمي أن العراق لن يكون ساحة لتصفية الحسابات.")
    ents = run(recognizer, text)
    per = [e for e in ents if e.type == "PER"]
    full = [e for e in per if e.text == "مصطفى الكاظمي"]
    assert full, f"full name not found in {ents}"
    short = [e for e in per if e.text == "الكاظمي"]
    assert short, f"surname mention not found in {ents}"
    assert short[0].entity_id == full[0].entity_id
    assert short[0].canonical == "مصطفى الكاظمي"
    assert not any("رئيس" in e.text or "الوزراء" in e.text for e in per), "titles are not part of a name"


def test_clitics_are_cut_off_names(recognizer: EntityRecognizer) -> None:
    text = "التقى وزير الخارجية الإيراني محمد جواد ظريف في طهران بالمبعوث الأممي، وبحث معه الأوضاع في سوريا والعراق ولبنان."
    ents = run(recognizer, text)
    texts = {e.text for e in ents}
    assert "طهران" in texts
    assert "العراق" in texts and "والعراق" not in texts
    assert "لبنان" in texts and "ولبنان" not in texts


def test_canonical_ids_stable_across_documents(recognizer: EntityRecognizer) -> None:
    a = run(recognizer, "أعلن الرئيس الأمريكي دونالد ترامب أمس فرض عقوبات جديدة على إيران.")
    b = run(recognizer, "وقال ترامب إن العقوبات ستستمر. وكان الرئيس الأمريكي دونالد ترامب قد هدد إيران مرارا.")
    id_a = {e.canonical: e.entity_id for e in a if e.type == "PER"}
    id_b = {e.canonical: e.entity_id for e in b if e.type == "PER"}
    assert "دونالد ترامب" in id_a and "دونالد ترامب" in id_b
    assert id_a["دونالد ترامب"] == id_b["دونالد ترامب"]
    assert all(e.canonical == "دونالد ترامب" for e in b if e.type == "PER" and "ترامب" in e.text)


def test_untagged_repeats_of_a_name_are_propagated(recognizer: EntityRecognizer) -> None:
    text = ("التقى وزير الخارجية الإيراني محمد جواد ظريف نظيره الروسي سيرغي لافروف في موسكو. "
            "وقال ظريف إن المحادثات كانت بناءة، فيما أكد لافروف وظريف على أهمية الاتفاق النووي.")
    ents = run(recognizer, text)
    zarif = [e for e in ents if e.canonical == "محمد جواد ظريف"]
    assert [e.text for e in zarif] == ["محمد جواد ظريف", "ظريف", "ظريف"]  # the last one was وظريف
    assert len({e.entity_id for e in zarif}) == 1
    assert len([e for e in ents if e.canonical == "سيرغي لافروف"]) == 2


def test_empty_and_punctuation_only_docs(recognizer: EntityRecognizer) -> None:
    doc = Doc(RawArticle(text="... !!! ؟؟"))
    recognizer(doc)
    assert doc.entities == []


# --- span cleaning and coreference, without the model ---

def test_strip_proclitic_uses_corpus_frequency() -> None:
    freq = {"سليماني": 500, "وسليماني": 20, "وليد": 300, "ليد": 2, "الموصل": 900, "موصل": 30}
    assert strip_proclitic("وسليماني", freq) == (1, False)
    assert strip_proclitic("وليد", freq) == (0, False)
    assert strip_proclitic("والموصل", freq) == (1, False)  # the article stays with the name
    assert strip_proclitic("كالنرويج", {"النرويج": 100}) == (1, False)
    assert strip_proclitic("للحكومة", {"الحكومه": 1000}) == (2, True)  # لل took the article: restore it in the canonical
    assert strip_proclitic("للبنان", {"لبنان": 1000, "البنان": 3}) == (1, False)  # ل + لبنان


def _words(text: str) -> frozenset[str]:
    return document_words(tokenize(text))


def test_strip_proclitic_keeps_an_unseen_name_starting_with_fa_whole() -> None:
    # ف before a word unseen both ways: a foreign name (فيكتوريو), unless the rest stands alone too
    assert strip_proclitic("فيكتوريو", {}, frozenset({"فيكتوريو"})) == (0, False)
    assert strip_proclitic("فيكتوريو", {}, frozenset({"فيكتوريو", "يكتوريو"})) == (1, False)
    assert strip_proclitic("وبيكتوريو", {}, frozenset({"وبيكتوريو"})) == (1, False)  # و keeps its old reading


def test_strip_proclitic_keeps_a_known_first_name_whole() -> None:
    # The news uses the verb يصل more than the name فيصل: frequency alone would cut the ف.
    freq = {"يصل": 999, "فيصل": 139, "ترامب": 11133, "وترامب": 131, "سام": 124, "وسام": 54}
    names = frozenset(normalize(w) for w in ("فيصل", "وسام", "سام"))
    doc = _words("وقال فيصل العراسي إن الموسم بدأ مبكرا.")
    assert strip_proclitic("فيصل", freq) == (1, False)  # no context: the old decision
    assert strip_proclitic("فيصل", freq, doc, names) == (0, False)
    # A first name whose rest is a first name too is cut only when the document has the rest alone.
    assert strip_proclitic("وسام", freq, _words("وقال وسام الأحمد إن الفريق جاهز."), names) == (0, False)
    assert strip_proclitic("وسام", freq, _words("وصل سام إلى المطار، ثم غادر وسام."), names) == (1, False)
    # Genuine clitics: the frequencies decide, the rest standing alone in the text confirms.
    trump = _words("وقال ترامب إن الاتفاق قريب، ورد عليه الديمقراطيون وترامب في المؤتمر.")
    assert strip_proclitic("وترامب", freq, trump, names) == (1, False)
    assert strip_proclitic("وترامب", freq, _words("ورد الديمقراطيون على بايدن وترامب."), names) == (1, False)


def test_name_clusters_extend_the_first_name_list() -> None:
    # Toy clusters: a cluster holding many known first names lends name status to its other words.
    names = [f"اسم{i}" for i in range(25)]
    clusters = {w: ("1", "7", "x") for w in names} | {"كيلي": ("1", "7", "y"), "ومحمد": ("2", "7", "z")}
    like = name_like_words(frozenset(names), clusters)
    assert "كيلي" in like and "ومحمد" not in like
    assert strip_proclitic("كيلي", {"يلي": 231, "كيلي": 100}, _words("وقالت المذيعة كيلي إن البرنامج انتهى."), like) == (0, False)
    assert strip_proclitic("ومحمد", {"محمد": 5209, "ومحمد": 227}, _words("التقى الوزير ومحمد العلي."), like) == (1, False)


def test_first_name_and_place_spans_in_context(recognizer: EntityRecognizer) -> None:
    ents = run(recognizer, "وقال فيصل العراسي، مدير الجمعية، إن الموسم بدأ مبكرا هذا العام.")
    assert [(e.text, e.canonical) for e in ents if e.type == "PER"] == [("فيصل العراسي", "فيصل العراسي")]
    ents = run(recognizer, "التقى وزير الخارجية نظيره في باريس، وزار لاحقا ألمانيا وفرنسا وإيطاليا.")
    assert "فرنسا" in {e.text for e in ents if e.type == "LOC"}


def _m(start: int, text: str, typ: str = "PER") -> Mention:
    return Mention(start, start + len(text), typ, text, tuple(name_key(text).split()), text)


def test_resolve_links_surname_to_nearest_full_name() -> None:
    ms = [_m(0, "أحمد الصدر"), _m(20, "مقتدى الصدر"), _m(40, "الصدر"), _m(60, "بغداد", "LOC"), _m(70, "بغداد", "LOC")]
    ents = resolve(ms)
    by_start = {e.start: e for e in ents}
    assert by_start[40].canonical == "مقتدى الصدر"  # the nearest earlier full name
    assert by_start[40].entity_id == by_start[20].entity_id != by_start[0].entity_id
    assert by_start[60].entity_id == by_start[70].entity_id


def test_resolve_votes_one_type_per_name() -> None:
    ents = resolve([_m(0, "حزب الله", "ORG"), _m(20, "حزب الله", "ORG"), _m(40, "حزب الله", "LOC")])
    assert {e.type for e in ents} == {"ORG"}


def test_resolve_joins_short_org_to_longer_name_ending_in_it() -> None:
    ents = resolve([_m(0, "منظمة الأمم المتحدة", "ORG"), _m(30, "الأمم المتحدة", "ORG"), _m(50, "المتحدة", "ORG")])
    by_start = {e.start: e for e in ents}
    assert by_start[30].canonical == "منظمة الأمم المتحدة" and by_start[30].entity_id == by_start[0].entity_id
    assert by_start[50].canonical == "المتحدة"  # one word is too little to join an organisation


def test_tags_for_tokens_as_given_keep_one_tag_per_token() -> None:
    model = load_model()
    tokens = ["وقال", "(د", "ب", "أ)", "إن", "الرئيس", "\"فلاديمير", "بوتين\"", "في", "القاهرة."]
    tags = model.tag_given_tokens(tokens)
    assert len(tags) == len(tokens)
    assert tags == repair_bio(tags)
    assert tags[-1] == "B-LOC"  # القاهرة. takes the tag of القاهرة


def test_retokenize_moves_tags_off_punctuation() -> None:
    words, tags = retokenize(["فرانكفورت", "(د", "ب", "أ)", "وقال", "\"بوش\""], ["B-LOC", "B-ORG", "I-ORG", "I-ORG", "O", "B-PER"])
    assert words == ["فرانكفورت", "(", "د", "ب", "أ", ")", "وقال", '"', "بوش", '"']
    assert tags == ["B-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-PER", "O"]


# --- metrics and CoNLL ---

def test_bio_spans_and_exact_span_scores() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "B-MISC"]]
    t = score(gold, pred).table()
    assert t["LOC"]["f1"] == 1.0
    assert t["PER"]["precision"] == 0.0 and t["PER"]["recall"] == 0.0  # a partial span is wrong twice
    assert t["MISC"]["predicted"] == 1 and t["MISC"]["precision"] == 0.0
    assert t["micro"]["precision"] == pytest.approx(2 / 4)
    assert t["micro"]["recall"] == pytest.approx(2 / 3)
    assert t["micro"]["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_repair_bio() -> None:
    assert repair_bio(["I-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]) == ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "B-LOC"]


def test_conll_round_trip_through_cli(tmp_path) -> None:
    from marsad.cli import _register
    from marsad.cli.app import app

    _register()
    src = tmp_path / "in.conll"
    src.write_text(write_conll([
        [("وقال", "O"), ("الرئيس", "O"), ("الفرنسي", "O"), ("إيمانويل", "B-PER"), ("ماكرون", "I-PER"), ("في", "O"), ("باريس", "B-LOC"), (".", "O")],
        [("وصل", "O"), ("الوفد", "O"), ("إلى", "O"), ("بغداد", "B-LOC")],
    ]), encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out.conll"
    res = runner.invoke(app, ["ner-conll", str(src), "--out", str(out)])
    assert res.exit_code == 0, res.output
    got = read_conll(out, min_columns=3)
    want = read_conll(src)
    assert [s.tokens for s in got] == [s.tokens for s in want]
    assert [s.tags for s in got] == [s.tags for s in want]
    preds = [e[0] for s in got for e in s.extra]
    assert all(p == "O" or p[:2] in ("B-", "I-") for p in preds)
    res = runner.invoke(app, ["eval", "ner", str(out), "--json"])
    assert res.exit_code == 0, res.output
    assert '"micro"' in res.output


def test_cli_reports_malformed_conll(tmp_path) -> None:
    from marsad.cli import _register
    from marsad.cli.app import app

    _register()
    bad = tmp_path / "bad.conll"
    bad.write_text("كلمة\tX-PER\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["ner-conll", str(bad)])
    assert res.exit_code == 2
    assert "bad.conll:1" in res.output


def test_word_clusters_are_learnt_deterministically() -> None:
    pytest.importorskip("scipy")
    from marsad.extract.ner_clusters import build_clusters

    names = ["محمد", "أحمد", "علي", "سارة", "ليلى", "خالد"]
    places = ["بغداد", "دمشق", "القاهرة", "الرياض", "عمان", "بيروت"]
    texts = []
    for i in range(60):
        n, p = names[i % 6], places[(i * 5) % 6]
        texts.append(f"قال {n} إن الوفد وصل إلى {p} أمس. وأضاف {n} أن {p} مدينة كبيرة.")
    args = dict(vocab_size=200, context_size=50, dims=4, granularities=(2, 4), log=lambda m: None)
    words, counts, table = build_clusters(texts, **args)
    words2, _, table2 = build_clusters(texts, **args)
    assert words == words2 and (table == table2).all()
    assert table.shape == (len(words), 2)
    cluster = {w: row[0] for w, row in zip(words, table)}
    # Names share contexts with names, cities with cities: the coarse clustering separates them.
    assert len({cluster["محمد"], cluster["احمد"], cluster["علي"]}) == 1
    assert cluster["محمد"] != cluster["بغداد"]


def test_resolve_surname_does_not_join_a_later_relative() -> None:
    # «نشرت المهندسة سلمى الدباغ … وهي ابنة منير الدباغ»: only the surname of the first was tagged.
    ms = [Mention(14, 20, "PER", "الدباغ", ("دباغ",), "الدباغ", before="سلمي"),
          Mention(40, 50, "PER", "منير الدباغ", ("منير", "دباغ"), "منير الدباغ", after_kin=True)]
    by_start = {e.start: e for e in resolve(ms)}
    assert by_start[14].canonical == "الدباغ" and by_start[14].entity_id != by_start[40].entity_id
    # An untagged word before the surname that differs from the later full name's first name.
    ms[1].after_kin = False
    assert {e.start: e for e in resolve(ms)}[14].canonical == "الدباغ"
    # Nothing suggesting another holder: the surname still joins the first later full name.
    ms[0].before = ""
    assert {e.start: e for e in resolve(ms)}[14].canonical == "منير الدباغ"


def test_resolve_one_word_name_needs_the_same_article() -> None:
    # «استقبل الملك خالد … وقال عمر الخالد»: خالد (first name) is not الخالد (surname).
    ents = resolve([_m(0, "عمر الخالد"), _m(30, "خالد"), _m(50, "الخالد")])
    by_start = {e.start: e for e in ents}
    assert by_start[30].canonical == "خالد" and by_start[50].canonical == "عمر الخالد"


def test_clean_records_the_untagged_word_before_a_surname(recognizer: EntityRecognizer) -> None:
    text = "وقالت الطبيبة سلمى الدباغ إن العيادة تفتح غدا، وأضافت ابنة منير الدباغ أن"
    tokens = tokenize(text)
    idx = [k for k, t in enumerate(tokens) if t.text == "الدباغ"]
    m = recognizer.clean(text, tokens, idx[0], idx[0] + 1, "PER")
    assert m is not None and m.before == clitic_key(normalize("سلمى")) and not m.after_kin
    m2 = recognizer.clean(text, tokens, idx[1] - 1, idx[1] + 1, "PER")
    assert m2 is not None and m2.after_kin and m2.before == ""


# --- hashtag names: tagged and canonical as the words they write ---

def test_hashtag_names_are_tagged_whole_and_canonical_without_marks(recognizer: EntityRecognizer) -> None:
    text = ("وصل رئيس الوزراء الماليزي #أنور_إبراهيم إلى #جاكرتا في زيارة رسمية. "
            "وقال أنور إبراهيم إن البلدين سيوقعان اتفاقية للتجارة.")
    ents = run(recognizer, text)
    for e in ents:
        assert "#" not in e.canonical and "_" not in e.canonical
        assert not e.text.startswith("#")  # the span starts at the name, after the sign
    people = {e.canonical for e in ents if e.type == "PER"}
    assert people == {"أنور إبراهيم"}
    first = next(e for e in ents if e.type == "PER")
    assert first.text == "أنور_إبراهيم"  # offsets still point into the original text
    assert first.entity_id == entity_id("PER", "أنور إبراهيم")


def test_hashtag_sign_and_joiners_are_not_tokens() -> None:
    text = "قال المدير #سامي_العتيبي إن #كأس_العالم_2030 مهمة و#1"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["قال", "المدير", "سامي", "العتيبي", "إن", "كأس", "العالم", "_", "2030",
                                      "مهمة", "و", "#", "1"]
    assert all(text[t.start:t.end] == t.text for t in toks)
