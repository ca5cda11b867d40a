"""Theme classification (component ``themes``) and its evaluation over section labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.doc import Doc, RawArticle
from marsad.extract.source import SourceDetector
from marsad.extract.themes import MAX_THEMES, THEMES, ThemeClassifier, choose_themes, theme_scores
from marsad.readers import sample_articles


def themes_of(text: str, title: str | None = None) -> list[str]:
    doc = Doc(RawArticle(text=text, title=title))
    SourceDetector()(doc)
    ThemeClassifier()(doc)
    assert set(doc.themes) <= set(THEMES) and len(doc.themes) <= MAX_THEMES
    assert set(doc.user_data["theme_scores"]) == set(THEMES)
    return doc.themes


EXPECTED_FIRST = {
    "sample-01-iraq-cabinet": {"economy", "politics"},
    "sample-02-mosul-attack": {"security"},
    "sample-03-saudi-budget": {"economy"},
    "sample-04-basra-derby": {"sport"},
    "sample-05-cairo-inflation": {"economy"},
    "sample-07-ain-alasad": {"security"},
    "sample-08-kuwait-flu": {"health"},
    "sample-09-iraq-oil": {"economy"},
    "sample-10-manama-athletics": {"sport"},
    "sample-12-abudhabi-trade": {"economy"},
    "sample-14-diyala-ops": {"security"},
    "sample-15-jeddah-tech": {"technology", "economy"},
    "sample-17-riyadh-football": {"sport"},
    "sample-18-basra-water": {"environment"},
}


@pytest.mark.parametrize("raw", sample_articles(), ids=lambda r: r.id)
def test_sample_articles(raw: RawArticle) -> None:
    themes = themes_of(raw.text, raw.title)
    assert themes, raw.id
    if raw.id in EXPECTED_FIRST:
        assert themes[0] in EXPECTED_FIRST[raw.id], themes


def test_clitics_and_spelling_variants_reach_the_cues() -> None:
    plain = theme_scores([("word", w) for w in "المباراة اللاعب المدرب الدوري".split()])
    glued = theme_scores([("word", w) for w in "وللمباراة واللاعب بالمدرب للدوري".split()])
    assert plain["sport"] > 0 and glued["sport"] == plain["sport"]
    assert theme_scores([("word", "الإقتصاد")])["economy"] == theme_scores([("word", "الاقتصاد")])["economy"] > 0


def test_phrases_and_capped_repetition() -> None:
    once = theme_scores([("word", w) for w in "قال رئيس الوزراء".split()])
    assert once["politics"] > theme_scores([("word", w) for w in "قال رئيس".split()])["politics"]
    many = theme_scores([("word", "مباراة")] * 50)
    few = theme_scores([("word", "مباراة")] * 3)
    assert many["sport"] < few["sport"]  # the cue stops counting; more words only dilute


def test_no_cues_no_themes() -> None:
    assert themes_of("هذا نص قصير لا يتحدث عن شيء بعينه ولا يحمل أي كلمة دالة.") == []
    assert choose_themes({t: 0.0 for t in THEMES}) == []


def test_relative_threshold_and_order() -> None:
    scores = {t: 0.0 for t in THEMES} | {"economy": 10.0, "politics": 8.0, "sport": 2.5}
    assert choose_themes(scores) == ["economy", "politics"]


def test_boilerplate_is_ignored() -> None:
    body = "أعلنت وزارة الصحة إطلاق حملة تطعيم ضد الإنفلونزا في المستشفيات والمراكز الصحية لعلاج المرضى."
    tagged = body + " سمات مباراة الدوري كرة القدم لاعب مدرب"
    assert "sport" not in themes_of(tagged)


@pytest.mark.shared_data
def test_agreement_with_sections(shared_data: Path) -> None:
    """Sport, a closed vocabulary, must agree with the outlets' sport section nearly always."""
    from marsad.evaluation.themes import evaluate_themes

    result = evaluate_themes("ant_multisource", limit=600)
    sport = result.labels["sport"]
    assert sport.tp > 50
    assert sport.f1 > 0.9
    assert result.micro.f1 > 0.7
