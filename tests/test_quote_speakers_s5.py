"""Explicit speakers of a cue (issue 3, session 5): the clause's own subject, found through role chains,
appositions and datelines — sentences written for these tests (none copied from an article)."""

from __future__ import annotations

from marsad.doc import Doc, RawArticle
from marsad.extract.quotes import QuoteExtractor

from .quote_helpers import ent, per, run


def test_a_role_whose_genitive_opens_with_an_object_noun_still_reaches_the_apposed_name():
    # "دعم" is usually an object (أكد الوزير دعم …); inside the role's genitive (تحالف دعم …) it is no name,
    # and the rank and name after the comma are the speaker.
    text = ("أعلن المتحدث الرسمي باسم تحالف دعم الاستقرار في المنطقة، العميد الركن سامي الحربي، "
            "أن الدفاعات الجوية اعترضت طائرة مسيرة.")
    [q] = run(text, [per(text, "سامي الحربي")])
    assert q.speaker == "سامي الحربي"
    assert q.speaker_role.startswith("المتحدث الرسمي باسم تحالف")
    assert q.speaker_role.endswith("العميد الركن")


def test_a_tagged_name_then_its_role_keeps_the_name_in_the_role_genitive_out():
    # The chancellor named inside the role's genitive is its complement, not the one who speaks.
    text = "وقال يوهان كرامر المتحدث باسم الرئيس الفرنسي إيمانويل ماكرون إن الزيارة ستتم الشهر المقبل."
    [q] = run(text, [per(text, "يوهان كرامر"), per(text, "إيمانويل ماكرون")])
    assert q.speaker == "يوهان كرامر"
    assert q.speaker_role.startswith("المتحدث باسم الرئيس الفرنسي")


def test_a_tagged_name_then_a_role_without_a_second_name_reads_as_before():
    text = "وقال يوهان كرامر المتحدث باسم الحكومة إن الزيارة ستتم الشهر المقبل."
    [q] = run(text, [per(text, "يوهان كرامر")])
    assert q.speaker == "يوهان كرامر"


def test_a_dateline_glued_to_the_sentence_is_not_its_first_word():
    # The participle's subject is the main verb's subject; the dateline before the verb is no part of the clause.
    text = ("الرياض، السعودية (CNN)— حذرت كوريا الشمالية الولايات المتحدة من مغبة المناورات المشتركة، "
            "مؤكدة أن ذلك قد يهدد المفاوضات.")
    doc = Doc(RawArticle(text=text))
    doc.entities.extend([ent(text, "كوريا الشمالية", "LOC"), ent(text, "الولايات المتحدة", "LOC"),
                         ent(text, "الرياض", "LOC")])
    doc.boilerplate.append((0, text.index("حذرت") - 1, "dateline"))
    QuoteExtractor(ranker=False)(doc)
    [q] = doc.quotes
    assert q.speaker == "كوريا الشمالية"


def test_without_the_dateline_the_clause_reads_the_same():
    text = ("حذرت كوريا الشمالية الولايات المتحدة من مغبة المناورات المشتركة، "
            "مؤكدة أن ذلك قد يهدد المفاوضات.")
    [q] = run(text, [ent(text, "كوريا الشمالية", "LOC"), ent(text, "الولايات المتحدة", "LOC")])
    assert q.speaker == "كوريا الشمالية"
