"""``marsad train ...``: train the statistical models shipped in the package."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import train_app


@train_app.command("ner")
def train_ner_command(
    data: Annotated[Path, typer.Option(help="Directory holding the NER corpora (anercorp/, aqmar/, wojood_sample/ ...)")] = Path("../shared/data/ner"),
    out: Annotated[Path, typer.Option(help="Output model directory (crf.model, clusters.tsv.gz, meta.json)")] = Path("ner-model"),
    news: Annotated[list[Path] | None, typer.Option(help="Unlabelled news JSONL(.gz) for the word clusters, repeatable [default: <data>/../news/ant_unlabeled]")] = None,
    clusters: Annotated[Path | None, typer.Option(help="Reuse an existing clusters.tsv.gz instead of learning one")] = None,
    train_sets: Annotated[str, typer.Option(help="Comma-separated corpora whose train split is used")] = "anercorp,wojood_sample,aqmar",
    aqmar_misc: Annotated[bool, typer.Option(help="Keep AQMAR's MISC spans (else they become O)")] = True,
    c1: Annotated[float, typer.Option(help="L1 regularisation")] = 0.1,
    c2: Annotated[float, typer.Option(help="L2 regularisation")] = 0.05,
    iterations: Annotated[int, typer.Option(help="L-BFGS iterations")] = 150,
    two_stage: Annotated[bool, typer.Option(help="Also train the document-context second stage on jackknifed first-stage tags")] = True,
    folds: Annotated[int, typer.Option(help="Jackknife folds for the second stage's training tags")] = 4,
    context_window: Annotated[int, typer.Option(help="Sentences on each side the second stage looks at")] = 20,
    conjunctions: Annotated[bool, typer.Option(help="Cluster-bigram features (measured: +1.2 AQMAR, +2.1 Wojood, -0.7 ANERcorp dev)")] = False,
    vocab_size: Annotated[int, typer.Option(help="Words in the cluster table (most frequent first)")] = 60_000,
    include_dev: Annotated[bool, typer.Option(help="Also fit on the dev splits (for the shipped model, after tuning on dev)")] = False,
    self_train_articles: Annotated[int, typer.Option(help="Unlabelled articles tagged by a first model to learn a name list (0: one stage only)")] = 0,
) -> None:
    """Train the CRF entity tagger on the train splits and report F1 on every dev split."""
    from ..extract.ner_train import train_ner

    if not data.is_dir():
        raise typer.BadParameter(f"{data} is not a directory (set --data to the NER corpora)", param_hint="--data")
    if not news:
        news = [data.parent / "news" / "ant_unlabeled" / "articles.jsonl.gz"]
    for path in news or []:
        if (clusters is None or self_train_articles) and not path.is_file():
            raise typer.BadParameter(f"unlabelled news not found at {path}", param_hint="--news")
    meta = train_ner(
        data, out, news_paths=news or [], clusters_from=clusters, train_sets=[s.strip() for s in train_sets.split(",") if s.strip()],
        aqmar_misc=aqmar_misc, self_train_articles=self_train_articles, conjunctions=conjunctions, vocab_size=vocab_size, include_dev=include_dev, two_stage=two_stage, folds=folds, context_window=context_window, c1=c1, c2=c2, iterations=iterations, log=lambda m: typer.echo(m, err=True),
    )
    if include_dev:
        typer.echo("note: the dev splits were part of training; the dev scores below are not held-out figures")
    for name, d in meta["dev"].items():
        row = d["scores"]["micro"]
        typer.echo(f"{name:<14} dev  P {row['precision']*100:5.1f}  R {row['recall']*100:5.1f}  F1 {row['f1']*100:5.1f}  ({d['tokens_per_s']:,} tokens/s)")
    typer.echo(f"model written to {out}")


@train_app.command("ner-neural")
def train_ner_neural_command(
    data: Annotated[Path, typer.Option(help="Directory holding the NER corpora")] = Path("../shared/data/ner"),
    out: Annotated[Path, typer.Option(help="Output model directory (encoder.onnx, vectors.npz, meta.json)")] = Path("ner-neural-model"),
    news: Annotated[list[Path] | None, typer.Option(help="Unlabelled news JSONL(.gz) for the word vectors, repeatable [default: ant_unlabeled + ant_multisource]")] = None,
    clusters: Annotated[Path | None, typer.Option(help="Word-cluster table (clusters.tsv.gz) [default: the shipped CRF's]")] = None,
    crf: Annotated[Path | None, typer.Option(help="CRF model directory trained on train splits only: the ensemble weight is tuned with it on dev")] = None,
    work: Annotated[Path | None, typer.Option(help="Directory for the news token file and word2vec model (reused when present)")] = None,
    include_dev: Annotated[bool, typer.Option(help="Also fit on the dev splits, for exactly --epochs epochs (use the best epoch of a train-only run)")] = False,
    ensemble_weight: Annotated[float | None, typer.Option(help="Neural weight in the ensemble, recorded as is (e.g. the one a train-only run chose)")] = None,
    epochs: Annotated[int, typer.Option(help="Maximum epochs (exact number with --include-dev)")] = 20,
    hidden: Annotated[int, typer.Option(help="LSTM units per direction")] = 128,
    char_filters: Annotated[int, typer.Option(help="Character-CNN filters (0: no character input)")] = 48,
    pretrain_tokens: Annotated[int, typer.Option(help="Unlabelled news tokens for the encoder's language-model pre-training (0: none, the shipped recipe; 2,000,000 was variant C in docs/entities_neural.md)")] = 0,
    seed: Annotated[int, typer.Option(help="Random seed")] = 1,
    silver: Annotated[Path | None, typer.Option(help="Teacher-tagged news (`marsad train ner-silver`) to train on beside the gold")] = None,
    silver_tokens: Annotated[int | None, typer.Option(help="Read at most this many silver tokens (whole articles)")] = None,
    silver_per_epoch: Annotated[int, typer.Option(help="Silver tokens mixed into each epoch, cycling through the file (0: all of it)")] = 0,
    silver_weight: Annotated[float, typer.Option(help="Loss weight of a silver sentence (gold: 1)")] = 1.0,
    pretrained_encoder: Annotated[Path | None, typer.Option(help="Start the encoder from this `marsad train ner-lm` file (same --work, --hidden, --char-filters); replaces --pretrain-tokens")] = None,
    threads: Annotated[int, typer.Option(help="torch threads (the run is repeatable for a given count)")] = 1,
    patience: Annotated[int, typer.Option(help="Stop after this many epochs without a better dev mean (train-only runs)")] = 4,
    pretrained_lr_scale: Annotated[float, typer.Option(help="With --pretrained-encoder: learning-rate factor of the pre-trained weights (the tag layer and CRF keep the full rate)")] = 1.0,
) -> None:
    """Train the BiLSTM-CRF entity tagger (torch; exported to ONNX) and tune its ensemble with the CRF."""
    from ..extract.ner_model import default_model_dir
    from ..extract.ner_neural_train import train_ner_neural

    if not data.is_dir():
        raise typer.BadParameter(f"{data} is not a directory (set --data to the NER corpora)", param_hint="--data")
    if not news:
        news = [data.parent / "news" / "ant_unlabeled" / "articles.jsonl.gz", data.parent / "news" / "ant_multisource" / "articles.jsonl"]
    for path in news:
        if not path.is_file():
            raise typer.BadParameter(f"unlabelled news not found at {path}", param_hint="--news")
    if pretrained_encoder is not None and not pretrained_encoder.is_file():
        raise typer.BadParameter(f"no pre-trained encoder at {pretrained_encoder} (write one with `marsad train ner-lm`)", param_hint="--pretrained-encoder")
    try:
        meta = train_ner_neural(
            data, out, news_paths=news, cluster_table=clusters or default_model_dir() / "clusters.tsv.gz", crf_dir=crf, work_dir=work,
            include_dev=include_dev, ensemble_weight=ensemble_weight, epochs=epochs, hidden=hidden, char_filters=char_filters,
            pretrain_tokens=0 if pretrained_encoder else pretrain_tokens, pretrained_encoder=pretrained_encoder, seed=seed, threads=threads,
            patience=patience, **({"init_lr_scale": pretrained_lr_scale} if pretrained_encoder else {}),
            log=lambda m: typer.echo(m, err=True),
            **({"silver_path": silver, "silver_tokens": silver_tokens, "silver_per_epoch": silver_per_epoch, "silver_weight": silver_weight}
               if silver is not None else {}),
        )
    except ValueError as exc:  # a pre-trained encoder of another shape or word table
        raise typer.BadParameter(str(exc), param_hint="--pretrained-encoder") from exc
    for name, table in (meta.get("dev") or {}).items():
        row = table["micro"]
        typer.echo(f"{name:<14} dev (ensemble w={meta['ensemble_weight']:g})  P {row['precision']*100:5.1f}  R {row['recall']*100:5.1f}  F1 {row['f1']*100:5.1f}")
    typer.echo(f"model written to {out}")


@train_app.command("ner-lm")
def train_ner_lm_command(
    out: Annotated[Path, typer.Option(help="Pre-trained encoder file to write (torch; rewritten after each chunk, so a stopped run leaves a usable file)")],
    data: Annotated[Path, typer.Option(help="NER corpora: news articles sharing an 8-word sequence with any of their files are left out")] = Path("../shared/data/ner"),
    news: Annotated[Path | None, typer.Option(help="Unlabelled news JSONL(.gz) to learn from [default: <data>/../news/ant_unlabeled]")] = None,
    vector_news: Annotated[list[Path] | None, typer.Option(help="News the word vectors come from, when --work has none yet [default: ant_unlabeled + ant_multisource, as ner-neural]")] = None,
    clusters: Annotated[Path | None, typer.Option(help="Word-cluster table [default: the shipped CRF's]")] = None,
    work: Annotated[Path, typer.Option(help="The --work directory `marsad train ner-neural` will use (its word2vec model fixes the word table)")] = Path("ner-neural-work"),
    tokens: Annotated[int, typer.Option(help="Stop after this many news tokens (one pass)")] = 8_000_000,
    max_cpu_minutes: Annotated[float, typer.Option(help="Stop after this much CPU time of the process")] = 35.0,
    lm_words: Annotated[int, typer.Option(help="Most frequent words predicted as themselves (rarer ones by their 2048-cluster)")] = 20_000,
    hidden: Annotated[int, typer.Option(help="LSTM units per direction (as the tagger)")] = 128,
    char_filters: Annotated[int, typer.Option(help="Character-CNN filters (as the tagger)")] = 48,
    skip_articles: Annotated[int, typer.Option(help="Leave out the first N articles (the speed benchmarks tag them)")] = 300,
    seed: Annotated[int, typer.Option(help="Random seed")] = 1,
    threads: Annotated[int, typer.Option(help="torch threads")] = 1,
) -> None:
    """Pre-train the neural tagger's encoder as a bidirectional language model on unlabelled news.

    The forward LSTM predicts the next word, the backward one the previous word (adaptive softmax over
    the frequent words, 2048 word clusters for the rarer ones). `marsad train ner-neural
    --pretrained-encoder OUT` then starts from it; the tagger's shape, and so its speed, is unchanged."""
    import json

    from ..extract.ner_model import default_model_dir
    from ..extract.ner_neural_train import clean_news_sentences, lm_sentences, prepare_vocab, pretrain_lm

    news = news or data.parent / "news" / "ant_unlabeled" / "articles.jsonl.gz"
    if not news.is_file():
        raise typer.BadParameter(f"unlabelled news not found at {news}", param_hint="--news")
    if not data.is_dir():
        raise typer.BadParameter(f"{data} is not a directory (set --data to the NER corpora)", param_hint="--data")
    vector_news = vector_news or [data.parent / "news" / "ant_unlabeled" / "articles.jsonl.gz", data.parent / "news" / "ant_multisource" / "articles.jsonl"]
    log = lambda m: typer.echo(m, err=True)  # noqa: E731
    vocab = prepare_vocab(work, vector_news, clusters or default_model_dir() / "clusters.tsv.gz", log=log)
    stats: dict = {}
    sents = lm_sentences(clean_news_sentences(news, data, skip_articles, stats))
    _, info = pretrain_lm(vocab, sents, hidden=hidden, char_filters=char_filters, lm_words=lm_words, seed=seed, threads=threads,
                          max_tokens=tokens, max_cpu_seconds=max_cpu_minutes * 60, checkpoint=out, log=log)
    summary = {**{k: v for k, v in info.items() if k != "chunks"}, "news": f"{news.parent.name}/{news.name}", **stats}
    Path(str(out) + ".json").write_text(json.dumps({**summary, "chunks": info["chunks"]}, ensure_ascii=False, indent=1), encoding="utf-8")
    typer.echo(f"encoder pre-trained on {info['tokens']:,} news tokens in {info['cpu_seconds']:,.0f} CPU s "
               f"(last loss {info['loss_last_chunk']}); written to {out}")


@train_app.command("ner-silver")
def train_ner_silver_command(
    out: Annotated[Path, typer.Option(help="Silver file to write (gzip JSONL, one article per line; a .json summary beside it)")],
    model: Annotated[Path | None, typer.Option(help="Teacher's neural model directory [default: the shipped one]")] = None,
    crf: Annotated[Path | None, typer.Option(help="Teacher's (two-stage) CRF model directory [default: the shipped one]")] = None,
    weight: Annotated[float, typer.Option(help="Neural weight of the teacher ensemble")] = 0.6,
    news: Annotated[Path, typer.Option(help="Unlabelled news JSONL(.gz) to tag")] = Path("../shared/data/news/ant_unlabeled/articles.jsonl.gz"),
    data: Annotated[Path, typer.Option(help="NER corpora: articles sharing an 8-word sequence with any of their files are left out")] = Path("../shared/data/ner"),
    tokens: Annotated[int, typer.Option(help="Stop after this many tokens")] = 1_500_000,
    skip_articles: Annotated[int, typer.Option(help="Leave out the first N articles (the speed benchmarks tag them)")] = 300,
) -> None:
    """Tag unlabelled news with the ensemble (neural + two-stage CRF) as silver training data for the neural tagger."""
    import json

    from ..extract.ner_neural import load_ensemble
    from ..extract.ner_neural_train import write_silver

    if not news.is_file():
        raise typer.BadParameter(f"unlabelled news not found at {news}", param_hint="--news")
    if not data.is_dir():
        raise typer.BadParameter(f"{data} is not a directory (set --data to the NER corpora)", param_hint="--data")
    teacher = load_ensemble(model, crf, weight)
    info = write_silver(teacher, news, out, max_tokens=tokens, skip_articles=skip_articles, data_dir=data,
                        log=lambda m: typer.echo(m, err=True))
    info["teacher"] = {"neural": str(model or "shipped"), "crf": str(crf or "shipped"), "weight": weight,
                       "neural_dev_in_training": bool(teacher.neural.meta.get("dev_in_training")),
                       "crf_dev_in_training": bool(teacher.meta.get("crf", {}).get("dev_in_training"))}
    Path(str(out) + ".json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    typer.echo(f"silver: {info['tokens']:,} tokens from {info['articles']:,} articles written to {out}")


@train_app.command("quote-speakers")
def train_quote_speakers_command(
    gold: Annotated[list[Path] | None, typer.Option(help="Quotes gold JSONL (repeat for several files; default: every STUDY file)")] = None,
    out: Annotated[Path, typer.Option(help="Model JSON to write")] = Path("src/marsad/models/quotes/speaker_ranker.json"),
    l2: Annotated[float, typer.Option(help="L2 penalty of the conditional-logit ranker")] = 1.0,
    mode: Annotated[str, typer.Option(help="Policy shipped: correct (only where the rules name a speaker: another or none), fill (only where they name none), switch, override, ranker (shipped since session 6), or off")] = "ranker",
    cv: Annotated[bool, typer.Option(help="First print leave-one-split-out figures for every policy")] = True,
    abstain: Annotated[bool, typer.Option(help="A quote no candidate names right teaches 'no speaker' (else it is left out)")] = True,
    check: Annotated[list[Path] | None, typer.Option(help="CHECK gold file(s): every policy trained on all of --gold and scored there, totals only (no quote is printed)")] = None,
    policy: Annotated[list[str] | None, typer.Option(help="Policies to compare (repeat; default all; rules always): leaving out override, fill and switch skips their inner margin search")] = None,
    clause_subjects: Annotated[bool, typer.Option(help="The subjects of the clauses before a cue are candidates (parsing them is most of the ranker's cost; the shipped model leaves them out)")] = False,
    clause_prodrop_only: Annotated[bool, typer.Option(help="Clause subjects are candidates only where the cue has no explicit subject (cheaper)")] = False,
    entity_window: Annotated[bool, typer.Option(help="Only the entities named near the quote are candidates (cheaper; the shipped model's set)")] = True,
    phrase: Annotated[bool, typer.Option(help="The unparsed words after a verb cue with no subject the rules read are a candidate (the shipped model's set since round 7)")] = True,
    units: Annotated[int, typer.Option(help="Hidden tanh units added to the linear score (0: the conditional-logit model of rounds 1-7)")] = 0,
    hidden_l2: Annotated[float, typer.Option(help="With --units: L2 penalty of the hidden layer's weights")] = 10.0,
    iterations: Annotated[int, typer.Option(help="Optimiser steps (full-batch Adam; with --units the early stop, chosen by cross-validation)")] = 400,
    seed: Annotated[int, typer.Option(help="With --units: seed of the hidden layer's starting weights")] = 1,
    ensemble: Annotated[int, typer.Option(help="With --units: the mean of this many fits from seeds --seed, --seed + 1, … (stored as one hidden layer)")] = 1,
    zero: Annotated[list[str] | None, typer.Option(help="Features the model does without (repeat; ROUND8: every round-8 feature): they read 0 in training, weigh 0 in the file")] = None,
) -> None:
    """Train the quote-speaker ranker on every gold split and write its weights (a small JSON).

    Each split is a cross-validation fold (train4 to train7 in their annotators' parts)."""
    from ..evaluation.quote_speakers import DEFAULT_GOLD, POLICIES, candidate_recall, collect, cross_validate, read_folds, write_model
    from ..evaluation.quote_speakers import check as check_policies
    from ..extract.quote_speakers import FitSpec

    spec = FitSpec(l2=l2, units=units, hidden_l2=hidden_l2, iterations=iterations, seed=seed, ensemble=ensemble,
                   drop=tuple(zero or ()))
    try:
        spec.dropped()
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--zero") from exc

    if mode not in ("correct", "fill", "override", "ranker", "switch", "off"):
        raise typer.BadParameter("mode must be correct, fill, override, ranker, switch or off", param_hint="--mode")
    policies = tuple(p for p in POLICIES if p == "rules" or not policy or p in policy)
    if policy and set(policy) - set(POLICIES):
        raise typer.BadParameter(f"unknown policy: {', '.join(sorted(set(policy) - set(POLICIES)))}", param_hint="--policy")
    if clause_prodrop_only and clause_subjects:
        clause_subjects = "prodrop"  # type: ignore[assignment]
    rows = read_folds(gold or [Path(g) for g in DEFAULT_GOLD])
    arts = collect(rows, log=lambda m: typer.echo(m, err=True), clause_subjects=clause_subjects, entity_window=entity_window, phrase=phrase)
    rec = candidate_recall(arts)
    typer.echo(f"matched quotes {rec['matched']} (unmatched {rec['unmatched']}): rules right {rec['rule_right']}, "
               f"wrong with the gold speaker among the candidates {rec['rule_wrong_cand']}, wrong with it missing "
               f"{rec['rule_wrong_no_cand']}; {rec['candidates'] / max(1, rec['matched']):.1f} candidates a quote")
    summary: dict = {"candidate_recall": rec}
    cache: dict = {}

    def table(title: str, res: dict) -> None:
        typer.echo(f"{title}: quote+speaker P / R / F1 (the metric of `marsad eval quotes`)")
        typer.echo(f"{'split':<8}" + "".join(f" | {p:^20}" for p in policies))
        for split in sorted(res, key=lambda s: (s == "all", s)):
            cells = [res[split][p].with_speaker for p in policies]
            typer.echo(f"{split:<8}" + "".join(f" | {c[0]:.3f} {c[1]:.3f} {c[2]:.3f}" for c in cells))
        # Named-speaker precision beside it: a policy that names more people must also name them right.
        typer.echo(f"{title}: named-speaker precision (named quotes, share right)")
        for split in sorted(res, key=lambda s: (s == "all", s)):
            typer.echo(f"{split:<8}" + "".join(f" | {res[split][p].named:>5} {res[split][p].named_precision:.3f}      " for p in policies))
        # Quotes right with a speaker, against the rules: differences of one or two quotes are noise.
        for split in ("all", "check"):
            if split in res:
                base = res[split]["rules"].speaker_ok
                typer.echo(f"{split}: right quote+speaker (tp) and net against the rules: "
                           + ", ".join(f"{p} {res[split][p].speaker_ok} ({res[split][p].speaker_ok - base:+d})" for p in policies))

    def figures(res: dict) -> dict:
        return {"quote_speaker_prf": {s: {p: [round(v, 4) for v in res[s][p].with_speaker] for p in policies} for s in res},
                "named_speaker_precision": {s: {p: [res[s][p].named, round(res[s][p].named_precision, 4)] for p in policies} for s in res}}

    if cv:
        res = cross_validate(arts, spec, log=lambda m: typer.echo(m, err=True), abstain=abstain, policies=policies)
        table("held out (leave one split out)", res)
        summary["cv"] = figures(res)
    if check:
        held_rows = read_folds(check)
        if {r["id"] for r in held_rows} & {r["id"] for r in rows}:
            raise typer.BadParameter("an article of --check is also in --gold", param_hint="--check")
        held = collect(held_rows, log=lambda m: typer.echo(m, err=True), clause_subjects=clause_subjects, entity_window=entity_window, phrase=phrase)
        res = {"check": check_policies(arts, held, spec, cache, abstain, policies)}
        table("CHECK (trained on all of --gold; totals only)", res)
        summary["check"] = {"files": [str(c) for c in check], **figures(res)}
    splits = sorted({a.split for a in arts})
    model = write_model(arts, out, spec, mode, {"splits": splits, **summary}, abstain=abstain, cache=cache,
                        clause_subjects=clause_subjects, entity_window=entity_window, phrase=phrase)
    typer.echo(f"model ({model.mode}, margin {model.override_margin}) written to {out}")
