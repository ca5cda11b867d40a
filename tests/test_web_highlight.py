"""The annotated article body: escaped text, well-nested marks, every character kept once."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.record import Article, DateMention, Entity, Place, Quantity, Quote
from marsad.store import speaker_id
from marsad.web.highlight import kinds_present, render_article
from tests.web_support import FIXTURE_SPEAKER, fixture_article


class _Nesting(HTMLParser):
    """Collects text and checks that every tag closes in order (no crossed marks)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.badges: list[str] = []
        self._in_badge = 0

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if ("class", "speaker-tag") in attrs or any(k == "class" and "speaker-tag" in (v or "") for k, v in attrs):
            self._in_badge = len(self.stack)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        if self._in_badge == len(self.stack):
            self._in_badge = 0
        self.stack.pop()

    def handle_data(self, data):
        (self.badges if self._in_badge else self.text).append(data)


def _parse(markup: str) -> _Nesting:
    p = _Nesting()
    p.feed(markup)
    p.close()
    assert p.stack == []
    return p


def test_fixture_body_keeps_text_and_escapes_markup():
    article = fixture_article()
    out = str(render_article(article))
    parsed = _parse(out)
    assert "".join(parsed.text) == article.text  # nothing lost, nothing added outside the badges
    assert parsed.badges == [FIXTURE_SPEAKER]
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<img" not in out
    assert f'href="/speakers/{speaker_id(FIXTURE_SPEAKER, article.quotes[0].speaker_entity_id)}"' in out
    # the place inside the quote is nested in it, not cut out of it
    assert re.search(r'<span class="ann quote[^>]*>[^<]*(<(a|mark)[^>]*>[^<]*</(a|mark)>[^<]*)*<a class="ann place"', out)


def test_unlinked_speaker_gets_the_store_speaker_id():
    t = 'قال مسؤول إن "الوضع مستقر".'
    s = t.index("الوضع")
    a = Article(id="x", text=t, quotes=[Quote("الوضع مستقر", s, s + 11, True, "قال", 0, speaker="مسؤول")])
    assert f'href="/speakers/{speaker_id("مسؤول")}"' in str(render_article(a))


def test_unknown_speaker_is_not_a_link():
    t = 'وأضاف أن "الوضع مستقر".'
    s = t.index("الوضع")
    out = str(render_article(Article(id="x", text=t, quotes=[Quote("الوضع مستقر", s, s + 11, True, "وأضاف", 0)])))
    assert "speaker-tag unknown" in out and "/speakers/" not in out


def test_overlaps_keep_the_longer_inline_span():
    t = "زار وفد من الأمم المتحدة بغداد أمس"
    un_s = t.index("الأمم")
    a = Article(id="x", text=t,
                entities=[Entity("الأمم المتحدة", un_s, un_s + 13, "ORG", "الأمم المتحدة", "org-1"),
                          Entity("المتحدة", un_s + 6, un_s + 13, "LOC", "المتحدة", "loc-9")],
                dates=[DateMention("أمس", t.index("أمس"), t.index("أمس") + 3, "2025-01-01", "day", True)])
    out = str(render_article(a))
    assert 'href="/entities/org-1"' in out and "loc-9" not in out
    assert "".join(_parse(out).text) == t
    assert kinds_present(out) == [("ORG", "منظمة"), ("date", "تاريخ")]  # the legend lists only what is shown


def test_spans_outside_the_text_are_ignored():
    a = Article(id="x", text="نص قصير", quantities=[Quantity("5", 40, 41, 5)], places=[
        Place("x", 2, 99, "x", None, None, 0.0, 0.0, None, "city")])
    assert str(render_article(a)) == html.escape("نص قصير", quote=True).replace("&#x27;", "&#39;")


_words = st.text(alphabet="ابتثجحخ <>&\"' \n", min_size=1, max_size=60)


@st.composite
def _annotated(draw):
    text = draw(_words)
    n = len(text)
    spans = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).filter(lambda se: se[0] < se[1])
    ents = [Entity(text[s:e], s, e, "PER", "x", f"per-{i}") for i, (s, e) in enumerate(draw(st.lists(spans, max_size=4)))]
    quotes = [Quote(text[s:e], s, e, True, "قال", 0, speaker=draw(st.sampled_from([None, "أ<b>"])))
              for s, e in draw(st.lists(spans, max_size=3))]
    qty = [Quantity(text[s:e], s, e, 3) for s, e in draw(st.lists(spans, max_size=3))]
    return Article(id="x", text=text, entities=ents, quotes=quotes, quantities=qty)


@settings(max_examples=200, deadline=None)
@given(_annotated())
def test_any_annotations_give_well_nested_html_with_all_the_text(article):
    parsed = _parse(str(render_article(article)))
    assert "".join(parsed.text) == article.text
