"""Article text as safe HTML with its annotations marked, and search snippets with their hits marked.

Every piece of article text goes through :func:`markupsafe.escape`; the only markup in the output is
what this module writes itself. Annotation spans may overlap (a place inside a quote, an entity that
is also a place), so the text is cut at every span boundary and each piece is wrapped in the marks
that cover it: quotes form the outer layer, inline marks (place, entity, quantity, date) the inner one.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..record import Article
from ..store.base import speaker_id

#: Labels for the legend and tooltips, in the order the legend shows them.
KIND_LABELS: dict[str, str] = {
    "quote": "اقتباس",
    "PER": "شخص",
    "ORG": "منظمة",
    "LOC": "مكان",
    "MISC": "أخرى",
    "place": "موقع جغرافي",
    "quantity": "عدد أو مبلغ",
    "date": "تاريخ",
    "source": "المصدر",
}

QUANTITY_KINDS = {"count": "عدد", "money": "مبلغ", "percent": "نسبة"}
APPROX_LABELS = {"exact": "", "more_than": "أكثر من", "less_than": "أقل من", "about": "نحو"}


def format_number(value: float | int) -> str:
    """``5000000000.0`` → ``5,000,000,000``; fractions keep up to two decimals."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(slots=True)
class _Mark:
    start: int
    end: int
    layer: int  # 0 = outer (quote), 1 = inner (inline)
    open_html: str
    close_html: str
    prefix_html: str = ""  # written once, before the first piece (e.g. the speaker badge)


def _attr(value: object) -> str:
    return str(escape(str(value)))


def _inline_marks(article: Article) -> list[_Mark]:
    """Places, entities, quantities and dates as non-overlapping inline marks.

    A place and an entity with the same span become one mark (the place, linked to the entity page);
    where spans overlap otherwise, the longer one wins, so every character gets at most one inline mark.
    """
    entity_by_span = {(e.start, e.end): e for e in article.entities}
    candidates: list[tuple[int, int, int, str, str]] = []  # (start, end, priority, open, close)
    used_entity_spans: set[tuple[int, int]] = set()
    for p in article.places:
        ent = entity_by_span.get((p.start, p.end))
        title = f"{KIND_LABELS['place']}: {p.name}" + (f" ({p.country_code})" if p.country_code else "") + f" — {p.lat:.3f}, {p.lon:.3f}"
        attrs = f'class="ann place" data-kind="place" title="{_attr(title)}" data-lat="{p.lat}" data-lon="{p.lon}"'
        if ent is not None:
            used_entity_spans.add((p.start, p.end))
            candidates.append((p.start, p.end, 3, f'<a {attrs} href="/entities/{_attr(ent.entity_id)}">', "</a>"))
        else:
            candidates.append((p.start, p.end, 3, f"<mark {attrs}>", "</mark>"))
    for e in article.entities:
        if (e.start, e.end) in used_entity_spans:
            continue
        title = f"{KIND_LABELS.get(e.type, e.type)}: {e.canonical}"
        candidates.append((e.start, e.end, 2, f'<a class="ann ent ent-{_attr(e.type)}" data-kind="entity" data-type="{_attr(e.type)}" '
                                              f'title="{_attr(title)}" href="/entities/{_attr(e.entity_id)}">', "</a>"))
    for q in article.quantities:
        label = " ".join(x for x in (APPROX_LABELS.get(q.approx, ""), format_number(q.value), q.unit or "") if x)
        title = f"{QUANTITY_KINDS.get(q.kind, q.kind)}: {label}" + (f" — {q.category}" if q.category else "")
        candidates.append((q.start, q.end, 1, f'<mark class="ann qty qty-{_attr(q.kind)}" data-kind="quantity" title="{_attr(title)}">', "</mark>"))
    for d in article.dates:
        title = f"{KIND_LABELS['date']}: {d.value or '؟'}" + (" (نسبي)" if d.relative else "")
        candidates.append((d.start, d.end, 1, f'<mark class="ann date" data-kind="date" title="{_attr(title)}">', "</mark>"))
    # Longest first, then by priority: a kept span blocks everything it overlaps.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    marks: list[_Mark] = []
    for start, end, _prio, open_html, close_html in candidates:
        if end <= start or any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        marks.append(_Mark(start, end, 1, open_html, close_html))
    return marks


def _quote_marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    last_end = -1
    for i, q in sorted(enumerate(article.quotes), key=lambda iq: (iq[1].start, -iq[1].end)):
        if q.end <= q.start or q.start < last_end:  # overlapping quotes: keep the first
            continue
        last_end = q.end
        sid = speaker_id(q.speaker, q.speaker_entity_id)
        speaker = q.speaker or "متحدث غير معروف"
        if sid:
            badge = f'<a class="speaker-tag" href="/speakers/{_attr(sid)}" title="{_attr("المتحدث: " + speaker)}">{escape(speaker)}</a>'
        else:
            badge = f'<span class="speaker-tag unknown" title="المتحدث غير معروف">{escape(speaker)}</span>'
        kind = "direct" if q.direct else "indirect"
        marks.append(_Mark(q.start, q.end, 0,
                           f'<span class="ann quote quote-{kind}" id="quote-{i}" data-kind="quote" data-quote="{i}" data-speaker="{_attr(q.speaker or "")}">',
                           "</span>", prefix_html=badge))
    return marks


def render_article(article: Article) -> Markup:
    """The article body as HTML: escaped text with every annotation marked (for a ``white-space: pre-wrap`` block)."""
    text = article.text
    n = len(text)
    marks = [m for m in _quote_marks(article) + _inline_marks(article) if 0 <= m.start < m.end <= n]
    if article.source and 0 <= article.source.start < article.source.end <= n:
        s = article.source
        if not any(m.start < s.end and s.start < m.end for m in marks if m.layer == 1):
            marks.append(_Mark(s.start, s.end, 1, f'<mark class="ann source" data-kind="source" title="{_attr(KIND_LABELS["source"] + ": " + s.name)}">', "</mark>"))
    quotes = [m for m in marks if m.layer == 0]
    inline = [m for m in marks if m.layer == 1]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    open_quote: _Mark | None = None
    open_inline: _Mark | None = None
    for a, b in zip(cuts, cuts[1:]):
        quote = next((m for m in quotes if m.start <= a and b <= m.end), None)
        mark = next((m for m in inline if m.start <= a and b <= m.end), None)
        if quote is not open_quote or mark is not open_inline:
            if open_inline is not None:  # an inline mark never straddles a quote edge: close, reopen inside
                out.append(open_inline.close_html)
                open_inline = None
        if quote is not open_quote:
            if open_quote is not None:
                out.append(open_quote.close_html)
            if quote is not None:
                if quote.start == a:
                    out.append(quote.prefix_html)
                out.append(quote.open_html)
            open_quote = quote
        if mark is not open_inline:
            if mark is not None:
                out.append(mark.open_html)
            open_inline = mark
        out.append(str(escape(text[a:b])))
    if open_inline is not None:
        out.append(open_inline.close_html)
    if open_quote is not None:
        out.append(open_quote.close_html)
    return Markup("".join(out))


#: How each legend kind shows in the rendered body.
_KIND_MARKERS = {
    "quote": 'data-kind="quote"', "PER": "ent ent-PER", "ORG": "ent ent-ORG", "LOC": "ent ent-LOC",
    "MISC": "ent ent-MISC", "place": 'data-kind="place"', "quantity": 'data-kind="quantity"',
    "date": 'data-kind="date"', "source": 'data-kind="source"',
}


def kinds_present(body: str) -> list[tuple[str, str]]:
    """Legend entries ``(css kind, Arabic label)`` for the kinds of mark the rendered ``body`` contains."""
    return [(k, KIND_LABELS[k]) for k, marker in _KIND_MARKERS.items() if marker in body]
