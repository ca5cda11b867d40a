"""Textbook number notation for :func:`marsad.extract.numbers.find_numbers` with ``math=True``.

Signs (-٥، سالب خمسة، ناقص), fractions (٣/٤، واحد على ثلاثة، جزء من مئة، ١ جزء من ثلاثة), mixed
fractions (١/٤ ٢), powers (١,١^٢٣، ١e١٠) and space-grouped digits (١ ٢٣٤ ٥٦٧). News prose almost
never writes these and would misfire on them (a dash before a list item is not a minus), so they
are opt-in.
"""

from __future__ import annotations

from marsad.text import Token

from .numbers import NumberMatch, _tidy

_NEG_WORDS = frozenset({"سالب", "ناقص"})
_OVER_WORDS = (("علي",), ("جزء", "من"), ("اجزاء", "من"), ("من",), ("في",))


def _merge(a: NumberMatch, b: NumberMatch, value: float, end_tok: int | None = None) -> NumberMatch:
    return NumberMatch(a.start, b.end, a.value_start, _tidy(value), a.tok_start, end_tok or b.tok_end, "words" if "words" in (a.form, b.form) else a.form)


def combine(tokens: list[Token], matches: list[NumberMatch]) -> list[NumberMatch]:
    ms = list(matches)
    # Space-grouped thousands: ١ ٢٣٤ ٥٦٧
    out: list[NumberMatch] = []
    for m in ms:
        p = out[-1] if out else None
        if (p and p.form == "digits" and m.form == "digits" and m.tok_start == p.tok_end and isinstance(p.value, int)
                and len(tokens[m.tok_start].norm) == 3 and tokens[m.tok_start].norm.isdigit()
                and m.start - p.end == 1 and (p.tok_end - p.tok_start == 1 and len(tokens[p.tok_start].norm) <= 3 or p.end - p.start > 3)):
            out[-1] = _merge(p, m, p.value * 1000 + m.value)
            continue
        out.append(m)
    ms = out
    # Powers and exponents: a ^ [+-] b, a e [+-] b
    out = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if i + 1 < len(ms):
            nxt = ms[i + 1]
            between = tokens[m.tok_end:nxt.tok_start]
            txt = "".join(t.text for t in between)
            if txt in ("^", "^+", "^-", "e", "e+", "e-", "-^", "--^") and (nxt.start - m.end) == len(txt):
                exp = -nxt.value if txt.endswith("-") or txt.startswith("-") else nxt.value
                if txt.startswith("-"):
                    exp = -nxt.value
                if txt.startswith("e"):
                    val = m.value * (10 ** exp)
                else:
                    val = m.value ** exp
                out.append(_merge(m, nxt, val))
                i += 2
                continue
        out.append(m)
        i += 1
    ms = out
    # Fractions: a / b, a على b, a جزء من b
    out = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if i + 1 < len(ms):
            nxt = ms[i + 1]
            between = [t.norm for t in tokens[m.tok_end:nxt.tok_start]]
            after = tokens[nxt.tok_end] if nxt.tok_end < len(tokens) else None
            before = tokens[m.tok_start - 1] if m.tok_start else None
            date_like = between == ["/"] and ((after is not None and after.text == "/") or (before is not None and before.text == "/"))
            if (between == ["/"] or tuple(between) in _OVER_WORDS) and nxt.value and not date_like:
                out.append(_merge(m, nxt, m.value / nxt.value))
                i += 2
                continue
        out.append(m)
        i += 1
    ms = out
    # "جزء من مئة" with no numerator; mixed fraction "١/٤ ٢" = 2 + 1/4 and "١ ٤/٥" = 1 + 4/5
    out = []
    for m in ms:
        k = m.tok_start
        if k >= 2 and [t.norm for t in tokens[k - 2:k]] == ["جزء", "من"]:
            m = NumberMatch(tokens[k - 2].start, m.end, tokens[k - 2].start, _tidy(1 / m.value) if m.value else 0, k - 2, m.tok_end, "words")
        p = out[-1] if out else None
        if p and m.tok_start == p.tok_end and m.start - p.end == 1:
            p_frac = "/" in "".join(t.text for t in tokens[p.tok_start:p.tok_end])
            m_frac = "/" in "".join(t.text for t in tokens[m.tok_start:m.tok_end])
            if p_frac != m_frac:
                sign = -1 if p.value < 0 else 1
                out[-1] = _merge(p, m, sign * (abs(p.value) + abs(m.value)))
                continue
        out.append(m)
    ms = out
    # Signs
    out = []
    for m in ms:
        k = m.tok_start
        prev = tokens[k - 1] if k >= 1 else None
        if prev is not None and prev.norm in _NEG_WORDS:
            m = NumberMatch(prev.start, m.end, prev.start, _tidy(-m.value), k - 1, m.tok_end, m.form)
        elif prev is not None and prev.text == "-" and prev.end == m.start and (k < 2 or tokens[k - 2].kind != "num"):
            m = NumberMatch(prev.start, m.end, prev.start, _tidy(-m.value), k - 1, m.tok_end, m.form)
        out.append(m)
    return _lone_eighths(tokens, out)


def _lone_eighths(tokens: list[Token], matches: list[NumberMatch]) -> list[NumberMatch]:
    """ثمن + definite noun is "an eighth of" in arithmetic prose (in news it is "the price of")."""
    taken = {k for m in matches for k in range(m.tok_start, m.tok_end)}
    extra = [NumberMatch(t.start, t.end, t.start, 0.125, k, k + 1, "words")
             for k, t in enumerate(tokens[:-1]) if t.norm == "ثمن" and k not in taken and tokens[k + 1].norm.startswith("ال")]
    return sorted(matches + extra, key=lambda m: m.start)
