"""``marsad clusters`` (story clusters in the store or of a JSONL file), ``marsad eval clusters``, ``marsad train cluster-idf``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .app import app, eval_app, train_app

DB_HELP = "Database URL: sqlite:///path.db (default ./marsad.db) or postgresql://…"


@app.command("clusters")
def clusters_cmd(
    date_from: Optional[str] = typer.Option(None, "--from", help="Only clusters with articles on/after this date (YYYY-MM-DD)."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Only clusters with articles on/before this date."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    input_path: Optional[Path] = typer.Option(None, "--input", help="Cluster the records of a JSONL(.gz) file instead of the database."),
    min_size: int = typer.Option(2, "--min-size", help="Smallest cluster to list."),
    limit: int = typer.Option(30, "--limit"),
    rebuild: bool = typer.Option(False, "--rebuild", help="Re-cluster the stored articles (in the date range) from scratch first."),
    members: bool = typer.Option(False, "--members", help="Show each member with its relation (first / verbatim / near-copy / excerpt / rewrite)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per cluster."),
) -> None:
    """List same-story clusters: size, outlets, first publisher, credited source."""
    if input_path is not None:
        _clusters_of_file(input_path, date_from, date_to, min_size, limit, members, as_json)
        return
    from ..store import StoreError, open_store

    try:
        store = open_store(db)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        if rebuild:
            from ..cluster import rebuild_store

            n = rebuild_store(store, date_from=date_from, date_to=date_to)
            typer.echo(f"re-clustered: {n} cluster(s) written", err=True)
        try:
            found = store.clusters(date_from=date_from, date_to=date_to, min_size=min_size, limit=limit)
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        for s in found:
            full = store.cluster(s.cluster_id) if (members or as_json) else None
            if as_json:
                d = {"cluster_id": s.cluster_id, "size": s.size, "outlets": s.outlets, "first_article_id": s.first_article_id,
                     "first_outlet": s.first_outlet, "first_published_at": s.first_published_at,
                     "credited_source": s.credited_source, "copies": s.copies}
                if full:
                    d["members"] = [{"id": m.article_id, "outlet": m.outlet, "published_at": m.published_at, "title": m.title,
                                     "relation": m.relation, "duplicate_of": m.duplicate_of, "near_dup_group": m.near_dup_group,
                                     "similarity": m.similarity} for m in full.members]
                typer.echo(json.dumps(d, ensure_ascii=False))
                continue
            typer.echo(f"{s.cluster_id}  {s.size} articles, {s.copies} copies  first: {s.first_outlet or '?'} "
                       f"{(s.first_published_at or '')[:16]}  outlets: {', '.join(s.outlets)}"
                       + (f"  credited: {s.credited_source}" if s.credited_source else ""))
            if full:
                for m in full.members:
                    rel = m.relation + (f" of {m.duplicate_of}" if m.duplicate_of else "")
                    typer.echo(f"    {(m.published_at or '')[:16]}  {m.outlet or '?'}  [{rel}]  {m.title or m.article_id}")
        if not found and not as_json:
            typer.echo("no clusters (ingest articles first, or lower --min-size)", err=True)
    finally:
        store.close()


def _clusters_of_file(path: Path, date_from, date_to, min_size: int, limit: int, members: bool, as_json: bool) -> None:
    import gzip

    from ..cluster import ClusterDoc, Clusterer
    from ..cluster.engine import parse_time

    if not path.exists():
        typer.echo(f"error: {path} not found", err=True)
        raise typer.Exit(2)
    # Records are fed in publication order (undated first) so the clusterer can drop finished
    # stories as it goes: the pruned stream gives the same clusters as holding every article.
    c = Clusterer(prune=True, lateness_hours=1.0)
    bad = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        lines = [(i, line) for i, line in enumerate(fh, 1) if line.strip()]
    records = []
    for i, line in lines:
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str) or not isinstance(rec.get("text"), str):
                raise ValueError("not an article object with string id and text")
            published = rec.get("published_at") or rec.get("date")
            published = published if isinstance(published, str) else None
            ts = parse_time(published)
        except ValueError as exc:
            bad += 1
            typer.echo(f"{path}:{i}: skipped ({exc})", err=True)
            continue
        day = (published or "")[:10]
        if (date_from and day and day < date_from) or (date_to and day and day > date_to):
            continue
        records.append((ts is not None, ts or 0.0, i, rec))
    del lines
    records.sort(key=lambda r: r[:3])
    titles: dict[str, str | None] = {}
    for _, _, i, rec in records:
        try:
            c.add(ClusterDoc.from_record(rec))
            titles[rec["id"]] = rec.get("title")
        except (KeyError, TypeError, AttributeError) as exc:
            bad += 1
            typer.echo(f"{path}:{i}: skipped ({type(exc).__name__}: {exc})", err=True)
    del records
    for sc in c.clusters(min_size=min_size)[:limit]:
        if as_json:
            typer.echo(json.dumps(sc.to_dict(), ensure_ascii=False))
            continue
        copies = sum(1 for m in sc.members if m.copy_of)
        typer.echo(f"{sc.id}  {sc.size} articles, {copies} copies  first: {sc.first_outlet or '?'} "
                   f"{(sc.first_published_at or '')[:16]}  outlets: {', '.join(sc.outlets)}"
                   + (f"  credited: {sc.credited_source}" if sc.credited_source else ""))
        if members:
            for m in sc.members:
                rel = m.relation + (f" of {m.copy_of}" if m.copy_of else "")
                typer.echo(f"    {(m.published_at or '')[:16]}  {m.outlet or '?'}  [{rel}]  {titles.get(m.id) or m.id}")
    if bad:
        typer.echo(f"{bad} record(s) skipped", err=True)


@eval_app.command("clusters")
def eval_clusters(
    part: str = typer.Option("all", "--part", help="syndication | stories | headlines | all"),
    gold: Path = typer.Option(Path("eval/gold/story_pairs.jsonl"), "--gold", help="Labelled story pairs (JSONL)."),
    news: Optional[Path] = typer.Option(None, "--news", help="Articles for the story pairs [default: <data>/news/ant_multisource/articles.jsonl]."),
    syndication: Optional[Path] = typer.Option(None, "--syndication", help="Corpus for the syndication silver pairs [default: <data>/news/saudinewsnet/articles.jsonl]."),
    headlines: Optional[Path] = typer.Option(None, "--headlines", help="ANS headline pairs CSV [default: <data>/pairs/ans_headline_stance/dev.csv]."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Near-duplicate and story clustering: pair P/R/F1, B-cubed, headline-pair separation."""
    from ..config import require_shared_data
    from ..evaluation import cluster as ev

    if part not in ("syndication", "stories", "headlines", "all"):
        typer.echo("error: --part must be syndication, stories, headlines or all", err=True)
        raise typer.Exit(2)
    try:
        out = {}
        if part in ("syndication", "all"):
            out["syndication"] = ev.evaluate_syndication(syndication or require_shared_data("news", "saudinewsnet", "articles.jsonl"))
        if part in ("stories", "all"):
            out["stories"] = ev.evaluate_stories(news or require_shared_data("news", "ant_multisource", "articles.jsonl"), gold)
        if part in ("headlines", "all"):
            out["headlines"] = ev.evaluate_headlines(headlines or require_shared_data("pairs", "ans_headline_stance", "dev.csv"))
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    if "syndication" in out:
        s = out["syndication"]
        typer.echo(f"syndication ({s['articles']} articles, {s['silver_pairs']} silver pairs, {s['silver_wire_paper_pairs']} SPA–paper):")
        for name in [k for k in s if isinstance(s[k], dict)]:
            for kind in ("wire_paper_pairs", "all_pairs"):
                m = s[name][kind]
                typer.echo(f"  {name:<11} {kind:<17} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  (gold {m['gold']}, predicted {m['predicted']})")
    if "stories" in out:
        s = out["stories"]
        typer.echo(f"stories ({s['articles']} articles → {s['clusters']} clusters, {s['multi_article_clusters']} with 2+, largest {s['largest_cluster']}):")
        for split in ("dev", "test", "all"):
            m, b = s[split]["pair"], s[split]["bcubed"]
            typer.echo(f"  {split:<5} {s[split]['pairs']:>4} pairs  pair P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}   "
                       f"B-cubed P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}")
    if "headlines" in out:
        h = out["headlines"]
        typer.echo(f"headline pairs (score ≥ {h['threshold']}):")
        for stance in ("agree", "disagree", "other"):
            if stance in h:
                typer.echo(f"  {stance:<9} {h[stance]['pairs']:>4} pairs  mean score {h[stance]['mean_score']:.3f}  "
                           f"above threshold {h[stance]['share_above_threshold']:.1%}")


@train_app.command("cluster-idf")
def train_cluster_idf(
    news: Optional[Path] = typer.Option(None, "--news", help="Unlabelled news JSONL(.gz) [default: <data>/news/ant_unlabeled/articles.jsonl.gz]."),
    out: Path = typer.Option(Path("src/marsad/cluster/data/idf.tsv.gz"), "--out"),
    min_df: int = typer.Option(3, "--min-df"),
) -> None:
    """Learn the fixed IDF table of the story similarity from unlabelled news."""
    from ..cluster.idf import document_frequencies, read_jsonl_texts, write_idf
    from ..config import require_shared_data

    try:
        src = news or require_shared_data("news", "ant_unlabeled", "articles.jsonl.gz")
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    n, df = document_frequencies(read_jsonl_texts(src))
    kept = write_idf(out, n, df, min_df)
    typer.echo(f"{n} articles, {len(df)} keys, {kept} kept (df ≥ {min_df}) → {out}")
