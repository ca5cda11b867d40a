"""`marsad eval ner --propagate`: the entities component's propagation step on CoNLL tokens as given."""

from __future__ import annotations

from types import SimpleNamespace

from marsad.evaluation.ner import tag_with_propagation
from marsad.extract.ner_model import split_given_tokens
from marsad.text import clitic_key


class FixedTagger:
    """Tags every piece O except the words listed (a stand-in for a trained tagger)."""

    def __init__(self, tagged: dict[str, str]) -> None:
        self.tagged = tagged
        # Word frequencies in the news, by clitic key (as the entities component reads them).
        self.featurizer = SimpleNamespace(freq={})
        self.seen: list[list[str]] = []

    def tag_document(self, sentences):
        self.seen = [list(s) for s in sentences]
        out = []
        for s in sentences:
            tags, prev = [], "O"
            for w in s:
                t = self.tagged.get(w, "O")
                if t != "O":
                    t = ("I-" if prev[2:] == t else "B-") + t
                tags.append(t)
                prev = t
            out.append(tags)
        return out


DOC = [
    "قال وزير الخارجية محمد جواد ظريف إن".split(),
    "وأضاف (ظريف) أن".split(),  # the surname alone, glued to a bracket: one given token, three pieces
    "ورد عليه ظريف".split(),
    "ومن جهة أخرى قال شخص".split(),
    "ثم جاء ظريف".split(),  # four sentences after the full name
]


class FirstOnly(FixedTagger):
    """Tags only the first sentence: every later mention is left to propagation."""

    def tag_document(self, sentences):
        out = super().tag_document(sentences)
        return [out[0]] + [["O"] * len(s) for s in sentences[1:]]


NAME = {"محمد": "PER", "جواد": "PER", "ظريف": "PER"}


def test_untagged_repeats_near_a_tagged_name_take_its_tag():
    near = tag_with_propagation(FirstOnly(NAME), DOC, window=1)
    assert near[0][3:6] == ["B-PER", "I-PER", "I-PER"]
    assert near[1] == ["O", "B-PER", "O"]  # "(ظريف)" as given gets its name piece's tag
    assert near[2] == ["O", "O", "O"]  # two sentences away: outside a window of 1
    wide = tag_with_propagation(FirstOnly(NAME), DOC, window=3)
    assert wide[2] == ["O", "O", "B-PER"]
    assert wide[4] == ["O", "O", "O"]  # four sentences away
    assert [len(t) for t in wide] == [len(s) for s in DOC]


def test_the_tagger_sees_the_pipeline_pieces():
    tagger = FixedTagger(NAME)
    tag_with_propagation(tagger, DOC, window=2)
    assert tagger.seen == [split_given_tokens(s)[0] for s in DOC]
    assert "(" in tagger.seen[1]


def test_common_words_are_not_propagated():
    # A one-word name that is also a common word in the news (over the component's frequency
    # limit) stays where the tagger put it; the same word when rare is propagated.
    common = FirstOnly({"ظريف": "PER"})
    common.featurizer.freq = {clitic_key("ظريف"): 50_000}
    tags = tag_with_propagation(common, DOC, window=4)
    assert tags[0][5] == "B-PER"
    assert all(t == "O" for s in tags[1:] for t in s)
    rare = tag_with_propagation(FirstOnly({"ظريف": "PER"}), DOC, window=4)
    assert rare[1] == ["O", "B-PER", "O"] and rare[2] == ["O", "O", "B-PER"]


def test_eval_ner_cli_takes_the_option(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import _register, app

    _register()
    conll = tmp_path / "tiny.txt"
    lines = []
    for i, sent in enumerate(DOC):
        gold = ["O"] * len(sent)
        if i == 0:
            gold[3:6] = ["B-PER", "I-PER", "I-PER"]
        lines += [f"{w}\t{t}" for w, t in zip(sent, gold)] + [""]
    conll.write_text("\n".join(lines), encoding="utf-8")
    runner = CliRunner()
    bad = runner.invoke(app, ["eval", "ner", str(conll), "--propagate=-1"])
    assert bad.exit_code == 2 and "--propagate" in bad.output
    out = tmp_path / "pred.txt"
    res = runner.invoke(app, ["ner-conll", str(conll), "--propagate", "2", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) == sum(map(len, DOC)) and all(len(r) == 3 for r in rows)
