"""Drawing gold batches: reproducible, and free of earlier gold's near-duplicate texts."""

from __future__ import annotations

import json

from marsad.evaluation.metrics import NEWS_CORPORA, draw_articles, shingle_overlap, word_shingles


def test_shingle_overlap_counts_shared_six_word_runs() -> None:
    story = "قال وزير الخارجية إن المحادثات مع الجانب الآخر كانت صريحة ومثمرة"
    same_wire = "وقال وزير الخارجية إن المحادثات مع الجانب الآخر كانت صريحة جدا"
    other = "أعلنت وزارة الصحة تسجيل إصابات جديدة في ثلاث محافظات اليوم الاثنين"
    seen = word_shingles(story)
    assert shingle_overlap(story, seen) == 1.0
    assert 0.5 <= shingle_overlap(same_wire, seen) < 1.0
    assert shingle_overlap(other, seen) == 0.0
    assert shingle_overlap("نص قصير", seen) == 0.0


def test_draw_leaves_out_near_duplicates_of_earlier_gold(shared_data) -> None:
    plain = draw_articles(7, 3)
    assert plain == draw_articles(7, 3)  # a fixed seed gives the same batch
    texts: dict[str, str] = {}
    for corpus in NEWS_CORPORA:
        with (shared_data / "news" / corpus / "articles.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                texts[row["id"]] = row["text"]
    earlier = [texts[plain[0]]]
    unlike = draw_articles(7, 3, unlike=earlier)
    assert plain[0] not in unlike
    seen = word_shingles(earlier[0])
    assert all(shingle_overlap(texts[i], seen) < 0.5 for i in unlike)
