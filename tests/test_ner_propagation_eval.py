"""`marsad eval ner` / `ner-conll`: the entities component's propagation step on CoNLL tokens as given
(by default once per document: -DOCSTART- documents, else blocks of sentences; or a window per sentence)."""

from __future__ import annotations

from types import SimpleNamespace

import json

from marsad.evaluation.ner import (
    DEFAULT_BLOCK,
    read_conll,
    sentence_blocks,
    tag_conll,
    tag_in_documents,
    tag_with_propagation,
)
from marsad.extract.ner_model import split_given_tokens, tags_for_given_tokens
from marsad.text import clitic_key


class FixedTagger:
    """Tags every piece O except the words listed (a stand-in for a trained tagger)."""

    def __init__(self, tagged: dict[str, str]) -> None:
        self.tagged = tagged
        # Word frequencies in the news, by clitic key (as the entities component reads them).
        self.featurizer = SimpleNamespace(freq={})
        self.seen: list[list[str]] = []

    def tag_given_tokens_document(self, sentences):
        split = [split_given_tokens(s) for s in sentences]
        tagged = self.tag_document([p for p, _ in split])
        return [tags_for_given_tokens(t, owner, len(s)) for t, (_, owner), s in zip(tagged, split, sentences)]

    def tag_document(self, sentences):
        self.seen = [list(s) for s in sentences]
        self.calls = getattr(self, "calls", 0) + 1
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


class FullNameOnly(FixedTagger):
    """Tags only a sentence that holds the full name."""

    def tag_document(self, sentences):
        out = super().tag_document(sentences)
        return [t if "محمد" in s else ["O"] * len(s) for s, t in zip(sentences, out)]


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
    assert tags[0][3:6] == ["B-PER", "I-PER", "I-PER"]  # the known first names before it join it (complete_person_names)
    assert all(t == "O" for s in tags[1:] for t in s)
    rare = tag_with_propagation(FirstOnly({"ظريف": "PER"}), DOC, window=4)
    assert rare[1] == ["O", "B-PER", "O"] and rare[2] == ["O", "O", "B-PER"]


def test_blocks_and_documents():
    assert sentence_blocks(5, 2) == [(0, 2), (2, 4), (4, 5)]
    assert sentence_blocks(3, 20) == [(0, 3)]
    assert sentence_blocks(0, 20) == []
    assert sentence_blocks(5, 2, [1, 1, 1, 2, 3]) == [(0, 3), (3, 4), (4, 5)]


def test_one_propagation_pass_per_block():
    # Blocks of two, each tagged as an article of its own: sentence 1 shares the full name's
    # block, sentences 2-4 do not.
    tagger = FullNameOnly(NAME)
    tags = tag_in_documents(tagger, DOC, sentence_blocks(len(DOC), 2))
    assert tagger.calls == 3 and tagger.seen == [split_given_tokens(DOC[4])[0]]
    assert tags[1] == ["O", "B-PER", "O"]
    assert tags[2] == ["O", "O", "O"] and tags[4] == ["O", "O", "O"]
    running = FullNameOnly(NAME)
    assert tag_in_documents(running, DOC, sentence_blocks(len(DOC), 2), tag_per_block=False) == tags
    assert running.calls == 1
    whole = tag_in_documents(FullNameOnly(NAME), DOC, sentence_blocks(len(DOC), 5))
    assert whole[2] == ["O", "O", "B-PER"] and whole[4] == ["O", "O", "B-PER"]
    assert [len(t) for t in whole] == [len(s) for s in DOC]


def _conll(path, sentences, gold_name_everywhere=True, docstarts=()):
    lines = []
    for i, sent in enumerate(sentences):
        if i in docstarts:
            lines += ["-DOCSTART- -X- O O", ""]
        gold = ["B-PER" if gold_name_everywhere and "ظريف" in w else "O" for w in sent]
        if i == 0:
            gold[3:6] = ["B-PER", "I-PER", "I-PER"]
        lines += [f"{w}\t{t}" for w, t in zip(sent, gold)] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_docstart_lines_make_documents_tagged_one_by_one(tmp_path):
    # The name is tagged in the first document only; the second document (sentences 2-4) is
    # tagged on its own and gets nothing from the first.
    sents = read_conll(_conll(tmp_path / "d.txt", DOC, docstarts=(0, 2)))
    assert [s.doc for s in sents] == [1, 1, 2, 2, 2] and all("-DOCSTART-" not in s.tokens for s in sents)
    tagger = FullNameOnly(NAME)
    tags, how = tag_conll(tagger, sents, block=1)
    assert how.mode == "documents" and tagger.calls == 2
    assert tags[0][3:6] == ["B-PER", "I-PER", "I-PER"] and tags[1] == ["O", "B-PER", "O"]
    assert all(t == "O" for s in tags[2:] for t in s)
    plain = read_conll(_conll(tmp_path / "p.txt", DOC))
    tags, how = tag_conll(FirstOnly(NAME), plain)
    assert (how.mode, how.sentences) == ("blocks", DEFAULT_BLOCK) and tags[4] == ["O", "O", "B-PER"]
    assert tag_conll(FirstOnly(NAME), plain, propagate=False)[1].mode == "off"
    assert tag_conll(FirstOnly(NAME), plain, window=1)[1].mode == "window"


def test_the_cli_default_is_the_component_and_says_so(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import marsad.cli.ner as cli_ner
    from marsad.cli import _register, app

    _register()
    assert cli_ner.DEFAULT_BLOCK == DEFAULT_BLOCK
    monkeypatch.setattr(cli_ner, "_load", lambda model: FirstOnly(NAME))
    conll = _conll(tmp_path / "tiny.txt", DOC)
    runner = CliRunner()
    on = json.loads(runner.invoke(app, ["eval", "ner", str(conll), "--json"]).stdout)
    assert on["propagation"]["mode"] == "blocks" and on["propagation"]["sentences"] == DEFAULT_BLOCK
    assert on["scores"]["micro"]["f1"] == 1.0
    off = json.loads(runner.invoke(app, ["eval", "ner", str(conll), "--json", "--no-propagate"]).stdout)
    assert off["propagation"]["mode"] == "off" and off["scores"]["micro"]["recall"] == 0.25
    text = runner.invoke(app, ["eval", "ner", str(conll), "--block", "2"]).stdout
    assert "each block of 2 sentences" in text
    # ner-conll keeps the file's document markers; its output scores as the file was tagged.
    out = tmp_path / "pred.txt"
    res = runner.invoke(app, ["ner-conll", str(_conll(tmp_path / "d.txt", DOC, docstarts=(0, 2))), "-o", str(out)])
    assert res.exit_code == 0 and "documents" in res.output
    assert out.read_text(encoding="utf-8").count("-DOCSTART-") == 2
    assert [s.doc for s in read_conll(out, min_columns=3)] == [1, 1, 2, 2, 2]


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
    bad = runner.invoke(app, ["eval", "ner", str(conll), "--window=-1"])
    assert bad.exit_code == 2 and "--window" in bad.output
    bad = runner.invoke(app, ["eval", "ner", str(conll), "--block", "0"])
    assert bad.exit_code == 2 and "--block" in bad.output
    out = tmp_path / "pred.txt"
    res = runner.invoke(app, ["ner-conll", str(conll), "--window", "2", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) == sum(map(len, DOC)) and all(len(r) == 3 for r in rows)
