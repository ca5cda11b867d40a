"""The learned detector for quoted fragments (marsad.extract.quote_fragments): what it scores, what it adds, and
that it never touches a quote of the rules. Sentences written for these tests (none copied from an article)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from marsad.doc import Doc, RawArticle
from marsad.extract import quote_fragments as qf
from marsad.extract.quote_lexicon import load_lexicon
from marsad.extract.quotes import QuoteExtractor, _Reader

from .quote_helpers import ent, per


def reader(text: str, entities=()) -> _Reader:
    doc = Doc(RawArticle(text=text))
    doc.entities.extend(entities)
    r = _Reader(doc, load_lexicon())
    r.run()
    return r


def run(text: str, entities=()) -> list:
    doc = Doc(RawArticle(text=text))
    doc.entities.extend(entities)
    QuoteExtractor(ranker=False)(doc)
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
    return doc.quotes


def toy_model(**weights: float) -> qf.Model:
    """A model that calls a pair of marks a quotation when one of the named features fires."""
    names = {n: i for i, n in enumerate(weights)}
    return qf.Model(names, np.array(list(weights.values()), dtype=float), -5.0, 0.5)


def test_model_file_says_how_it_was_trained():
    data = json.loads(qf.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data["trained"]) >= {"command", "date", "data", "cv"}
    assert "check6" in data["trained"]["data"]  # says what it left out
    assert len(data["features"]) == len(data["weights"]) > 10
    assert 0.0 < data["threshold"] < 1.0
    model = qf.load_model()
    assert model is not None and model.threshold == data["threshold"]


@pytest.mark.parametrize("text", [
    'وعرضت القناة مسلسل "الجسر القديم" في شهر رمضان.',
    'وانضم اللاعب إلى نادي "الشروق" الموسم الماضي.',
    'ونقلت صحيفة "المساء" الخبر عن مصادرها.',
    'وقرأ الطلاب قصيدة "على قدر أهل العزم" في الحفل.',
])
def test_names_and_titles_in_marks_are_no_quotations(text):
    r = reader(text)
    cands = qf.candidates(r)
    assert cands, "the marks are a candidate"
    model = qf.load_model()
    assert all(qf.score(model, c.features) < model.threshold for c in cands)
    assert run(text) == []


def test_fragment_after_a_non_speech_verb_is_added_with_its_subject():
    text = 'وتسعى الحكومة إلى "تحقيق نمو مستدام يشمل جميع المناطق دون استثناء".'
    quotes = run(text, [ent(text, "الحكومة", "ORG")])
    assert [(q.text, q.direct, q.speaker, q.cue) for q in quotes] == [
        ("تحقيق نمو مستدام يشمل جميع المناطق دون استثناء", True, "الحكومة", "وتسعى")]


def test_switched_off(monkeypatch):
    text = 'وتسعى الحكومة إلى "تحقيق نمو مستدام يشمل جميع المناطق دون استثناء".'
    monkeypatch.setenv("MARSAD_QUOTE_FRAGMENTS", "off")
    assert run(text, [ent(text, "الحكومة", "ORG")]) == []


def test_rules_quotes_are_never_changed(monkeypatch):
    text = ('وقال الوزير سامر الخطيب إن "الوضع الأمني مستقر في كل المحافظات". وتسعى الوزارة إلى "تحقيق الاستقرار '
            'الكامل في المنطقة الحدودية". وعرضت القناة مسلسل "الجسر القديم".')
    ents = [per(text, "سامر الخطيب")]
    on = [(q.start, q.end, q.speaker, q.cue, q.direct) for q in run(text, ents)]
    monkeypatch.setenv("MARSAD_QUOTE_FRAGMENTS", "off")
    off = [(q.start, q.end, q.speaker, q.cue, q.direct) for q in run(text, ents)]
    assert off and set(off) <= set(on)
    r = reader(text, ents)
    spans = [(q.start, q.end) for q in r.quotes]
    for c in qf.candidates(r):  # a candidate never overlaps a quote of the rules
        a, b = r.toks[c.s].start, r.toks[c.e - 1].end
        assert all(b <= s or a >= e for s, e in spans)


def test_added_quote_takes_the_subject_after_the_verb():
    text = 'وتعهدت الحكومة بتحسين الخدمات. وتسعى وزارة الصحة إلى "خفض قوائم الانتظار في المستشفيات العامة".'
    r = reader(text, [ent(text, "الحكومة", "ORG"), ent(text, "وزارة الصحة", "ORG")])
    n = qf.apply(r, r.quotes, toy_model(**{"prev_prep=ila": 10.0}))
    assert n == 1
    q = r.quotes[-1]
    assert (q.text, q.speaker, q.cue, q.direct) == ("خفض قوائم الانتظار في المستشفيات العامة", "وزارة الصحة", "وتسعى", True)


def test_pro_drop_speaker_is_the_one_current_at_the_marks():
    # The verb has no subject of its own: the speaker is the one the text had named by then, not a later one.
    text = ('وقال الوزير سامر الخطيب إن الوضع مستقر. ويسعى إلى "تحقيق الاستقرار الكامل في المنطقة". '
            'وقالت الوزيرة هالة يوسف إن المفاوضات مستمرة.')
    r = reader(text, [per(text, "سامر الخطيب"), per(text, "هالة يوسف")])
    assert [q.speaker for q in r.quotes] == ["سامر الخطيب", "هالة يوسف"]
    assert qf.apply(r, r.quotes, toy_model(**{"prev_prep=ila": 10.0})) == 1
    assert (r.quotes[-1].text, r.quotes[-1].speaker) == ("تحقيق الاستقرار الكامل في المنطقة", "سامر الخطيب")


def test_features_describe_the_marks_and_their_context():
    text = 'ووصف المعارض حسام العلي القرار بـ"الخطأ التاريخي". وعرضت القناة مسلسل "الجسر القديم".'
    r = reader(text, [per(text, "حسام العلي")])
    feats = {r.doc.text[r.toks[c.s].start:r.toks[c.e - 1].end]: c.features for c in qf.candidates(r)}
    title = feats["الجسر القديم"]
    assert title["prev_naming_noun"] == 1.0 and title["nw=2"] == 1.0 and title["mark=straight"] == 1.0
    assert "الخطأ التاريخي" not in feats  # the rules took it (a characterising verb): not a candidate


def test_marks_right_after_a_quotation_of_the_sentence_keep_its_voice():
    # No verb governs the second pair of marks: the voice of the quotation just before in the sentence goes on,
    # whatever its gender (not the last masculine speaker).
    text = ('وقال الوزير سامر الخطيب إن المحادثات مستمرة. وقالت الوزيرة هالة يوسف إن "الاتفاق ليس مثاليا"، لكن '
            '"فيه مزايا كثيرة للطرفين".')
    r = reader(text, [per(text, "سامر الخطيب"), per(text, "هالة يوسف")])
    assert qf.apply(r, r.quotes, toy_model(**{"gov=none": 10.0})) == 1
    assert (r.quotes[-1].text, r.quotes[-1].speaker) == ("فيه مزايا كثيرة للطرفين", "هالة يوسف")


def test_a_preposition_on_a_definite_noun_is_no_governing_verb():
    text = 'وكتب الرئيس في تغريدة باللغة الإنجليزية "شكرا لكل من وقف معنا في هذه الأيام الصعبة".'
    r = reader(text)
    j = next(k for k, t in enumerate(r.toks) if t.text == '"')
    m = next(k for k, t in enumerate(r.toks) if t.text == "باللغة")
    assert r.verb_like(m)  # the reader's shape test alone would take it for a verb
    gov, _, kind = qf._governing(r, j)
    assert gov != m
