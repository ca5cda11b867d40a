"""The speaker ranker's per-document tables (session 5): candidates and features built from tables computed
once per document must equal what the pairwise scans gave — sentences written for these tests."""

from __future__ import annotations

from marsad.doc import Doc, RawArticle
from marsad.extract import quote_speakers as qs
from marsad.extract.quote_lexicon import load_lexicon
from marsad.extract.quotes import _Reader

from .quote_helpers import ent, per

TEXT = ("وقال المتحدث باسم الجيش العقيد مايلز ككينز إن القوات تقدمت نحو الموصل. "
        "وأضاف أن المعارك في الموصل مستمرة، مشيرا إلى أن بالموصل أحياء محاصرة. "
        "وقالت وزارة الداخلية في بيان إن الطرق إلى الموصلي ستفتح قريبا. "
        "ولفت ككينز إلى أن رئيس الوزراء حيدر العبادي زار الجبهة، وأكد العبادي أن النصر قريب.")


def _reader(text: str = TEXT, entities=()) -> tuple[_Reader, list]:
    doc = Doc(RawArticle(text=text))
    doc.entities.extend(entities)
    r = _Reader(doc, load_lexicon())
    return r, r.run()


def _entities(text: str = TEXT):
    return [per(text, "مايلز ككينز"), per(text, "حيدر العبادي"), ent(text, "وزارة الداخلية", "ORG"),
            ent(text, "الموصل", "GPE")]


class _PairwisePool:
    """The pool as it was before the tables: every new name compared with every candidate in turn."""

    def __init__(self) -> None:
        self.items: list[qs.Candidate] = []

    def add(self, name, kind, keys, source):
        for c in self.items:
            if (name is None and c.name is None) or (name is not None and c.name is not None and qs._same(c, keys, kind)):
                c.sources.add(source)
                if name is not None and len(keys) > len(c.keys) and kind == "PER":
                    c.name, c.keys = name, keys
                return c
        c = qs.Candidate(name, "NONE" if name is None else kind, keys, sources={source})
        self.items.append(c)
        return c


def test_the_pool_merges_names_as_the_pairwise_comparison_did():
    r, quotes = _reader()
    # a description that a person's fuller name takes over keeps its own kind (DESC), so a body's name sharing
    # two words with it afterwards is no match; a surname joins the full name; a body joins only its own name
    names = [("رئيس الوزراء", "DESC"), ("رئيس الوزراء حيدر العبادي", "PER"), ("الوزراء حيدر", "ORG"),
             ("ككينز", "PER"), ("مايلز ككينز", "PER"), ("ككينز", "PER"), ("وزارة الداخلية", "ORG"),
             ("الداخلية", "ORG"), ("العبادي", "PER"), (None, "NONE"), ("حيدر العبادي", "PER"), (None, "NONE")]
    fast, slow = qs._Pool(qs._DocTables(r, quotes)), _PairwisePool()
    for i, (name, kind) in enumerate(names):
        keys = tuple(r.key_of(name).split()) if name else ()
        a = fast.add(name, kind, keys, f"s{i}")
        b = slow.add(name, kind, keys, f"s{i}")
        assert fast.items.index(a) == slow.items.index(b)
    assert [(c.name, c.kind, c.keys, c.sources) for c in fast.items] == [(c.name, c.kind, c.keys, c.sources) for c in slow.items]
    assert [c.kind for c in fast.items][:3] == ["DESC", "ORG", "PER"]  # the ORG name did not join the upgraded DESC
    assert fast.items[0].name == "رئيس الوزراء حيدر العبادي"


def test_mentions_found_through_the_joined_text_are_the_scan_over_tokens():
    r, quotes = _reader()
    t = qs._DocTables(r, quotes)
    for part in ("الموصل", "موصل", "ككينز", "ال", "و"):
        assert t.containing(part) == [k for k in range(r.n) if part in r.norm[k]]
    for keys, kind in ((("موصل",), "ORG"), (("مايلز", "ككينز"), "PER"), (("عبادي",), "PER"), (("حيدر", "عبادي"), "PER")):
        key = keys[-1] if kind == "PER" else keys[0]
        slow = [k for k in range(r.n) if key in r.norm[k] and r.tok_key(k) == key]
        if kind == "PER" and len(keys) > 1:
            slow = [k - len(keys) + 1 if k - len(keys) + 1 >= 0 and r.tok_key(k - len(keys) + 1) == keys[0] else k for k in slow]
        assert list(t.scan(keys, kind)) == slow
    assert len(t.scan(("موصل",), "ORG")) == 3  # الموصل twice and بالموصل; not الموصلي


def test_a_head_word_before_a_mention_is_found_as_the_window_scan_found_it():
    r, quotes = _reader()
    t = qs._DocTables(r, quotes)
    ments = tuple(k for k in range(r.n) if r.norm[k] in ("ككينز", "العبادي"))
    for head in ("متحدث", "وزراء", "عقيد", "داخلية", "جيش"):
        slow = any(qs._bare_head(r.norm[j]) == head for m in ments for j in range(max(0, m - 6), m))
        assert t.head_before(head, ments) == slow
    assert t.head_before("عقيد", ments) and not t.head_before("داخلية", ments)


def _signature(cases):
    return [[(c.name, c.kind, c.keys, c.role, c.entity_id, c.gender, sorted(c.sources), c.hist_rank, c.clause_rank)
             for c in case.candidates] for case in cases], [case.x.tolist() for case in cases]


def test_cases_for_some_quotes_equal_the_same_quotes_built_with_all():
    r, quotes = _reader(entities=_entities())
    assert len(quotes) >= 4
    full = qs.build_cases(r, quotes)
    only = {1, 3}
    part = qs.build_cases(r, quotes, only)
    assert _signature(part) == _signature([full[i] for i in sorted(only)])  # the pro-drop chain grows the same way


def test_a_word_keyed_without_re_tokenising_is_the_readers_key():
    text = ("وقال الـمـتـحـدث بِاسْم وزارة الداخلية للموصل والله ولله بالمملكة في 2015 عبر www.example.com "
            "و«سانا»: إن CNN-ABC وOPEC+ و١٢٠٠ جندي وصلوا. Rock'n'roll وكالنرويج، لاري")
    r, quotes = _reader(text)
    t = qs._DocTables(r, quotes)
    assert [t.tok_key(k) for k in range(r.n)] == [r.tok_key(k) for k in range(r.n)]
    for key in ("موصل", "الله", "مملكة", "داخلية", "نرويج", "سانا"):
        assert [k for k in range(r.n) if t.keyed(k, key)] == [k for k in range(r.n) if r.tok_key(k) == key]
    keys = frozenset({"موصل", "الله", "نرويج"})
    assert [k for k in range(r.n) if t.keyed_in(k, keys)] == [k for k in range(r.n) if r.tok_key(k) in keys]


def test_an_empty_part_is_in_every_word():
    r, quotes = _reader()
    t = qs._DocTables(r, quotes)
    assert t.containing("") == list(range(r.n))
    assert not t.head_before("", (5, 9)) or any(qs._bare_head(r.norm[j]) == "" for j in range(0, 9))
