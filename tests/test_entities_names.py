"""Which person a name means: in-document coreference between people who share a name part, and
person spans the tagger cut or merged, mended with the other names of the same document.

The coreference tests build mentions by hand (:func:`marsad.extract.entities.resolve`); the span tests
give tags by hand as a tagger might leave them (:func:`marsad.extract.entities.mend_person_spans`,
:func:`marsad.extract.entities.complete_person_names`), with word frequencies standing in for the news.
"""

from __future__ import annotations

import pytest

from marsad.extract.entities import (EntityRecognizer, Mention, _person_cues, complete_person_names,
                                     mend_person_spans, resolve)
from marsad.text import name_key, tokenize

#: Frequencies as the unlabelled news gives them, for the words these tests look up.
FREQ = {"مراسل": 900, "مراسلا": 0, "قال": 8830, "التقى": 392, "يعرب": 22, "وفد": 5000, "الوفد": 3000, "رافق": 400}


def _m(start: int, text: str, typ: str = "PER", title: str = "") -> Mention:
    return Mention(start, start + len(text), typ, text, tuple(name_key(text).split()), text, title=title)


def names(text: str, tags: list[str]) -> list[str]:
    """The person spans of ``tags`` over ``text``'s tokens, as text."""
    tokens = tokenize(text)
    out, cur = [], []
    for t, tag in zip(tokens, tags):
        if tag == "B-PER" or (tag == "I-PER" and not cur):
            if cur:
                out.append(" ".join(cur))
            cur = [t.text]
        elif tag == "I-PER":
            cur.append(t.text)
        else:
            if cur:
                out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def mend(text: str, tagged: list[tuple[str, str]], freq: dict[str, int] | None = None) -> list[str]:
    """Person names after :func:`mend_person_spans`; ``tagged`` gives (word, tag) in order for the tagged words
    (a word may occur several times with different tags)."""
    tokens = tokenize(text)
    queue = list(tagged)
    tags = []
    for t in tokens:
        if queue and queue[0][0] == t.text:
            tags.append(queue.pop(0)[1])
        else:
            tags.append("O")
    assert not queue, f"words not found in order: {queue}"
    out = mend_person_spans(tokens, tags, FREQ if freq is None else freq, _person_cues().first_names)
    return names(text, out)


# --- coreference ------------------------------------------------------------------------------------

def test_two_people_sharing_a_first_word_keep_apart() -> None:
    # «… الزعيم كيم سونغ-مين … ثم قال كيم …، والتقى الجنرال كيم تاي-هو … وقال الجنرال كيم»: identical bare
    # mentions must not pull the two people together; the title says which كيم the last one is.
    ms = [_m(0, "كيم سونغ-مين", title="زعيم"), _m(30, "كيم"), _m(60, "كيم تاي-هو", title="جنرال"),
          _m(90, "كيم", title="جنرال")]
    by_start = {e.start: e for e in resolve(ms)}
    assert by_start[30].canonical == "كيم سونغ-مين"
    assert by_start[90].canonical == "كيم تاي-هو"
    assert by_start[30].entity_id != by_start[90].entity_id
    assert by_start[0].entity_id != by_start[60].entity_id


def test_a_bare_surname_goes_to_the_person_mentioned_most() -> None:
    # «فاز رامي خان … وأكد خان … وتزوج من ليلى خان … وقال خان»: the relative named once does not take
    # the article subject's later quotes; with no other evidence the nearest earlier name wins.
    ms = [_m(0, "رامي خان"), _m(30, "خان"), _m(60, "ليلى خان"), _m(90, "خان")]
    by_start = {e.start: e for e in resolve(ms)}
    assert by_start[90].canonical == "رامي خان" and by_start[60].canonical == "ليلى خان"
    ms = [_m(0, "رامي خان"), _m(60, "ليلى خان"), _m(90, "خان")]
    assert {e.start: e for e in resolve(ms)}[90].canonical == "ليلى خان"


def test_identical_bare_mentions_without_a_full_name_are_still_one() -> None:
    ents = resolve([_m(0, "فاليري"), _m(40, "فاليري")])
    assert len({e.entity_id for e in ents}) == 1


def test_a_bare_name_after_its_own_untagged_first_name_is_no_first_name_of_another(recognizer: EntityRecognizer) -> None:
    # «وقال الكاتب سامر عادل … وكتب الشاعر رضوان [سامر] أن …»: the tagger left رضوان (rare) untagged; the bare
    # سامر after it is his surname, not the first name of سامر عادل
    text = "وقال الكاتب سامر عادل إن الرواية جديدة. وكتب الشاعر زريفان سامر أن القصيدة قديمة."
    tokens = tokenize(text)
    k = next(i for i, t in enumerate(tokens) if t.text == "سامر" and i > 5)
    bare = recognizer.clean(text, tokens, k, k + 1, "PER")
    assert bare is not None and bare.first_before
    k0 = next(i for i, t in enumerate(tokens) if t.text == "سامر")
    full = recognizer.clean(text, tokens, k0, k0 + 2, "PER")
    by_start = {e.start: e for e in resolve([full, bare])}
    assert by_start[bare.start].canonical == "سامر"
    # after a reporting verb (a cue, not a first name) the bare first name still joins the full name
    text = "وقال الكاتب سامر عادل إن الرواية جديدة. وأضاف سامر أن القصيدة قديمة."
    tokens = tokenize(text)
    k = next(i for i, t in enumerate(tokens) if t.text == "سامر" and i > 5)
    bare = recognizer.clean(text, tokens, k, k + 1, "PER")
    full = recognizer.clean(text, tokens, k0, k0 + 2, "PER")
    assert not bare.first_before
    assert {e.start: e for e in resolve([full, bare])}[bare.start].canonical == "سامر عادل"


def test_the_father_in_a_nasab_chain_is_another_person() -> None:
    # «الأمير خالد بن فهد بن سلمان … كما قال والده الأمير فهد بن سلمان»
    ms = [_m(0, "خالد بن فهد بن سلمان"), _m(60, "فهد بن سلمان"), _m(90, "سلمان")]
    by_start = {e.start: e for e in resolve(ms)}
    # the repeated بن is a name, not a tagging slip: the full chain is the canonical form
    assert by_start[0].canonical == "خالد بن فهد بن سلمان"
    assert by_start[60].canonical == "فهد بن سلمان" and by_start[60].entity_id != by_start[0].entity_id
    # a bare سلمان after بن is the grandfather, not خالد
    assert by_start[90].entity_id != by_start[0].entity_id


def test_a_word_repeated_outside_the_links_is_still_no_canonical() -> None:
    ents = resolve([_m(0, "جاسم الفارس"), _m(20, "جاسم بأن جاسم الفارس")])
    assert {e.canonical for e in ents} == {"جاسم الفارس"}


def test_a_name_cut_short_joins_the_name_it_starts() -> None:
    # «الأمير خالد بن فهد بن سلمان آل سعود … وأكد الأمير خالد بن فهد بن سلمان»
    ms = [_m(0, "خالد بن فهد بن سلمان آل سعود"), _m(60, "خالد بن فهد بن سلمان")]
    by_start = {e.start: e for e in resolve(ms)}
    assert by_start[60].canonical == "خالد بن فهد بن سلمان آل سعود"


# --- spans the tagger cut or merged -----------------------------------------------------------------

def test_a_hyphenated_given_name_cut_at_the_hyphen_joins_again() -> None:
    text = "وقال الوزير لي جون-هو إن المحادثات مستمرة."
    assert mend(text, [("لي", "B-PER"), ("جون", "I-PER"), ("هو", "B-PER")]) == ["لي جون - هو"]
    # a summit of two leaders with long names stays two names
    text = "قبيل قمة ماكرون-ميركل في باريس."
    assert mend(text, [("ماكرون", "B-PER"), ("ميركل", "B-PER")]) == ["ماكرون", "ميركل"]


def test_adjacent_spans_written_together_elsewhere_are_one_name() -> None:
    text = "وقال أحمد رضا طالبي إن الحكم جائر، وقرأ حسين رضا طالبي بيانا."
    tagged = [("أحمد", "B-PER"), ("رضا", "I-PER"), ("طالبي", "I-PER"), ("حسين", "B-PER"), ("رضا", "I-PER"), ("طالبي", "B-PER")]
    assert mend(text, tagged) == ["أحمد رضا طالبي", "حسين رضا طالبي"]


def test_a_subject_and_an_object_merged_into_one_span_are_split() -> None:
    text = "وصل الوزير جيمس كولينز، واستقبله الرئيس بيتر هاوارد. وانتقد كولينز هاوارد في بيان."
    tagged = [("جيمس", "B-PER"), ("كولينز", "I-PER"), ("بيتر", "B-PER"), ("هاوارد", "I-PER"), ("كولينز", "B-PER"), ("هاوارد", "I-PER")]
    assert mend(text, tagged) == ["جيمس كولينز", "بيتر هاوارد", "كولينز", "هاوارد"]
    # a two-word name nobody else in the article holds stays whole
    text = "وصل الوزير جيمس كولينز، وقال كولينز هاوارد إن الاتفاق قريب."
    tagged = [("جيمس", "B-PER"), ("كولينز", "I-PER"), ("كولينز", "B-PER"), ("هاوارد", "I-PER")]
    assert mend(text, tagged) == ["جيمس كولينز", "كولينز هاوارد"]


def test_a_word_glued_after_a_name_written_otherwise_elsewhere_leaves_it() -> None:
    text = "زار الأمير خالد بن فهد بن سلمان آل سعود المدينة، وصلى الأمير خالد بن فهد بن سلمان ركعتين فيها."
    tagged = [("خالد", "B-PER"), ("بن", "I-PER"), ("فهد", "I-PER"), ("بن", "I-PER"), ("سلمان", "I-PER"), ("آل", "I-PER"), ("سعود", "I-PER"),
              ("خالد", "B-PER"), ("بن", "I-PER"), ("فهد", "I-PER"), ("بن", "I-PER"), ("سلمان", "I-PER"), ("ركعتين", "I-PER")]
    assert mend(text, tagged) == ["خالد بن فهد بن سلمان آل سعود", "خالد بن فهد بن سلمان"]
    # after a first name alone, only a known word with a suffix (مراسلا: مراسل + the accusative alif)
    text = "وقال سامي الدوري إن الخبر صحيح. وعمل سامي مراسلا في بغداد، وعمل سامي الحلبي معه."
    tagged = [("سامي", "B-PER"), ("الدوري", "I-PER"), ("سامي", "B-PER"), ("مراسلا", "I-PER"), ("سامي", "B-PER"), ("الحلبي", "I-PER")]
    assert mend(text, tagged) == ["سامي الدوري", "سامي", "سامي الحلبي"]


def test_an_adjective_before_a_name_written_alone_elsewhere_leaves_it() -> None:
    text = "قال إن المهاجم نادر كريموف فر، وتبين أن المهاجم الطاجيكي نادر كريموف كان وحده."
    tagged = [("نادر", "B-PER"), ("كريموف", "I-PER"), ("الطاجيكي", "B-PER"), ("نادر", "I-PER"), ("كريموف", "I-PER")]
    assert mend(text, tagged) == ["نادر كريموف", "نادر كريموف"]
    # a bare first word may be a foreign first name: it stays
    text = "سجل مارتن فان ديك هدفا، ومرر فان ديك الكرة."
    tagged = [("مارتن", "B-PER"), ("فان", "I-PER"), ("ديك", "I-PER"), ("فان", "B-PER"), ("ديك", "I-PER")]
    assert mend(text, tagged) == ["مارتن فان ديك", "فان ديك"]


def test_a_first_name_the_list_lacks_before_bin() -> None:
    def complete(text: str, tagged: dict[str, str]) -> list[str]:
        tokens = tokenize(text)
        tags = [tagged.get(t.text, "O") for t in tokens]
        return names(text, complete_person_names(tokens, tags, FREQ, _person_cues()))

    # يعرب is also a reporting verb ("expresses"); before بن it is a first name
    assert complete("وأوضح مدير الإعلام يعرب بن سالم الحربي أن المؤتمر يبدأ غدا.",
                    {"بن": "B-PER", "سالم": "I-PER", "الحربي": "I-PER"}) == ["يعرب بن سالم الحربي"]
    # a common verb before بن is no name
    assert complete("التقى بن سالم الوفد.", {"بن": "B-PER", "سالم": "I-PER"}) == ["بن سالم"]
    # nor a verb with its conjunction (ورافق بن لادن: "and accompanied")
    assert complete("ورافق بن سالم الوفد.", {"بن": "B-PER", "سالم": "I-PER"}, ) == ["بن سالم"]


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def test_no_conjunction_cut_between_a_verb_and_its_subject(recognizer: EntityRecognizer) -> None:
    # an unknown foreign name starting with ف right after قال: no "and" can stand there
    text = "وقال فيرنالدو كاستيو إن الشركات ستغادر."
    tokens = tokenize(text)
    k = next(i for i, t in enumerate(tokens) if t.text == "فيرنالدو")
    m = recognizer.clean(text, tokens, k, k + 2, "PER")
    assert m is not None and m.text == "فيرنالدو كاستيو"
    # after a noun the conjunction may still come off (… وفيرنالدو كاستيو)
    text = "حضر الوزير وفيرنالدو كاستيو."
    tokens = tokenize(text)
    k = next(i for i, t in enumerate(tokens) if t.text == "وفيرنالدو")
    m = recognizer.clean(text, tokens, k, k + 2, "PER")
    assert m is not None and m.text == "فيرنالدو كاستيو"


def test_two_full_names_side_by_side_are_split_but_a_first_name_and_surname_are_not() -> None:
    text = "التقى نبيل حداد الوزير فارس العلي، وعقد لقاء نبيل حداد فارس العلي في المساء."
    tagged = [("نبيل", "B-PER"), ("حداد", "I-PER"), ("فارس", "B-PER"), ("العلي", "I-PER"),
              ("نبيل", "B-PER"), ("حداد", "I-PER"), ("فارس", "I-PER"), ("العلي", "I-PER")]
    assert mend(text, tagged) == ["نبيل حداد", "فارس العلي", "نبيل حداد", "فارس العلي"]
    # the other عبدالله is a father's name after بن, not a surname: one person
    text = "وكرم خالد بن عبدالله المنتخب، وقال عادل المطيري ورئيس الوفد عبدالله المطيري إن الفوز مستحق."
    tagged = [("خالد", "B-PER"), ("بن", "I-PER"), ("عبدالله", "I-PER"), ("عادل", "B-PER"), ("المطيري", "I-PER"),
              ("عبدالله", "B-PER"), ("المطيري", "I-PER")]
    assert mend(text, tagged) == ["خالد بن عبدالله", "عادل المطيري", "عبدالله المطيري"]
    # a عبد compound ending another name is the father's name there (سالم عبدالله), no surname
    text = "وشارك سالم عبدالله في البطولة، وقال رئيس الوفد عبدالله المطيري والمدرب عادل المطيري إن الفوز مستحق."
    tagged = [("سالم", "B-PER"), ("عبدالله", "I-PER"), ("عبدالله", "B-PER"), ("المطيري", "I-PER"),
              ("عادل", "B-PER"), ("المطيري", "I-PER")]
    assert mend(text, tagged) == ["سالم عبدالله", "عبدالله المطيري", "عادل المطيري"]


def test_the_definite_first_name_alone_is_the_person_it_is_the_first_name_of() -> None:
    # «الملك فيصل بن عبدالعزيز … الأمير خالد الفيصل … وقال الفيصل»: the press calls King فيصل الفيصل
    ms = [_m(0, "فيصل بن عبدالعزيز"), _m(40, "خالد الفيصل"), _m(80, "الفيصل")]
    assert {e.start: e for e in resolve(ms)}[80].canonical == "فيصل بن عبدالعزيز"
    # with no فيصل … in the article it is خالد الفيصل's family name
    ms = [_m(40, "خالد الفيصل"), _m(80, "الفيصل")]
    assert {e.start: e for e in resolve(ms)}[80].canonical == "خالد الفيصل"



def test_a_bare_name_without_its_own_host_joins_where_its_twins_went() -> None:
    # the first العبادي has an untagged word before it that is no first name of the full name, so it
    # gets no host of its own; its identical mentions all went to حيدر العبادي
    first = Mention(0, 7, "PER", "العبادي", ("عبادي",), "العبادي", before="حكومه")
    ms = [first, _m(30, "حيدر العبادي"), _m(60, "العبادي")]
    assert {e.canonical for e in resolve(ms)} == {"حيدر العبادي"}


def test_a_name_continues_into_a_longer_one_only_with_a_link() -> None:
    ms = [_m(0, "سامي الحربي"), _m(30, "سامي الحربي وسعد")]
    by_start = {e.start: e for e in resolve(ms)}
    assert by_start[0].canonical == "سامي الحربي"  # a span glued to the next name is no fuller form
    # a family name after آل is the person's own: آل الشيخ alone is تركي آل الشيخ
    ms = [_m(0, "تركي آل الشيخ"), _m(30, "الشيخ")]
    assert {e.start: e for e in resolve(ms)}[30].canonical == "تركي آل الشيخ"
    # a name cut inside a compound (… بن عبد) joins the name it starts; عبد twice is no tagging slip
    ms = [_m(0, "عبد اللطيف بن عبد الملك آل الشيخ"), _m(40, "عبد اللطيف بن عبد"), _m(70, "الشيخ")]
    assert {e.canonical for e in resolve(ms)} == {"عبد اللطيف بن عبد الملك آل الشيخ"}


def test_mending_keeps_family_names_and_names_after_a_title() -> None:
    # an ال family name is no glued word, even when another name goes on otherwise
    text = "حضر عبدالله بن محمد الزامل وعبدالله بن محمد الرميح."
    tagged = [("عبدالله", "B-PER"), ("بن", "I-PER"), ("محمد", "I-PER"), ("الزامل", "I-PER"),
              ("وعبدالله", "B-PER"), ("بن", "I-PER"), ("محمد", "I-PER"), ("الرميح", "I-PER")]
    assert mend(text, tagged)[0] == "عبدالله بن محمد الزامل"
    # after a title the two words are one person's name, not a subject and an object
    text = "وصل الوزير جيمس كولينز، واستقبله الرئيس بيتر هاوارد. وقال الزعيم كولينز هاوارد إن الاتفاق قريب."
    tagged = [("جيمس", "B-PER"), ("كولينز", "I-PER"), ("بيتر", "B-PER"), ("هاوارد", "I-PER"), ("كولينز", "B-PER"), ("هاوارد", "I-PER")]
    assert mend(text, tagged)[-1] == "كولينز هاوارد"


def test_a_long_name_does_not_end_in_a_title_opening_a_phrase_or_a_glued_common_word() -> None:
    freq = {**FREQ, "بعنوان": 250, "عنوان": 300, "شيخ": 90}
    # شيخ opens "sheikh of the tribes": the name ends before it
    text = "قال الشيخ سالم بن مرزوق شيخ مشايخ القبيلة إن الوضع هادئ."
    tagged = [("سالم", "B-PER"), ("بن", "I-PER"), ("مرزوق", "I-PER"), ("شيخ", "I-PER")]
    assert mend(text, tagged, freq) == ["سالم بن مرزوق"]
    # a preposition glued to a common word after the name ("titled")
    text = "ألقى المدرب ناصر آل حمد بعنوان الإدارة محاضرة."
    tagged = [("ناصر", "B-PER"), ("آل", "I-PER"), ("حمد", "I-PER"), ("بعنوان", "I-PER")]
    assert mend(text, tagged, freq) == ["ناصر آل حمد"]
    # a title word ending the clause is a family name (… بابا،), and two-word names are left alone
    text = "أوقف الطالب سامر يوسف بابا، ثم أفرج عنه. وحضر فهد شيخ."
    tagged = [("سامر", "B-PER"), ("يوسف", "I-PER"), ("بابا", "I-PER"), ("فهد", "B-PER"), ("شيخ", "I-PER")]
    assert mend(text, tagged, freq) == ["سامر يوسف بابا", "فهد شيخ"]
