"""Builds eval/gold/source.jsonl from manual annotations of 100 randomly drawn articles (offsets computed, text stays in ../shared).

The 70 saudinewsnet + ant_multisource ids are 4 per outlet (random.Random(20251130)); the 30 ant_unlabeled ids a
random.Random(77) draw. Each was annotated by reading its opening and closing lines: the dateline as written
(with its closing separator), the publisher it names, and the credited source. Usage:
    python eval/build_source_gold.py eval/gold/source.jsonl
"""
import gzip, json, sys
ANN = {
 # id: (dateline text or None, outlet from dateline or None, (source name, source text as written) or None)
 "snn-2015-08-10-00042": ("عمر إبراهيم – عين اليوم", "عين اليوم", None),
 "snn-2015-08-10-00053": ("عين اليوم – الرياض", "عين اليوم", None),
 "snn-2015-08-11-00060": ("عين اليوم – الرياض", "عين اليوم", None),
 "snn-2015-08-10-00040": ("رغد عشميل – متابعات", None, None),
 "ant-AL-internationalNews-1060-20180508": None, "ant-AL-technology-242-20180513": None,
 "ant-AL-internationalNews-986-20180501": None, "ant-AL-sport-1375-20180503": None,
 "snn-2015-08-11-00283": None, "snn-2015-08-10-00341": None, "snn-2015-08-11-00318": None, "snn-2015-08-10-00226": None,
 "snn-2015-08-11-00418": None, "snn-2015-08-11-00395": None, "snn-2015-08-10-00493": None, "snn-2015-08-11-00522": None,
 "snn-2015-08-11-00619": None, "snn-2015-08-11-00675": None, "snn-2015-08-10-00669": None, "snn-2015-08-10-00654": None,
 "snn-2015-08-11-00879": None, "snn-2015-08-11-00893": None, "snn-2015-08-11-00861": None, "snn-2015-08-11-00795": None,
 "snn-2015-08-11-00964": None, "snn-2015-08-10-01017": None, "snn-2015-08-11-00946": None, "snn-2015-08-10-01013": None,
 "snn-2015-08-11-01082": None, "snn-2015-08-11-01076": None, "snn-2015-08-11-01103": None, "snn-2015-08-10-01169": None,
 "snn-2015-08-10-01274": None, "snn-2015-08-10-01294": None, "snn-2015-08-11-01175": None, "snn-2015-08-10-01287": None,
 "snn-2015-08-11-01333": None, "snn-2015-08-11-01329": ("جدة ـ عبدالغني الشريف", None, None),
 "snn-2015-08-11-01337": None, "snn-2015-08-11-01345": None,
 "snn-2015-08-11-00117": None, "snn-2015-08-10-00195": None, "snn-2015-08-11-00106": None, "snn-2015-08-10-00188": None,
 "ant-BB-technology-206-20180510": None, "ant-BB-internationalNews-520-20180517": None,
 "ant-BB-middleEast-493-20180512": None, "ant-BB-internationalNews-501-20180513": None,
 "ant-CN-middleEast-830-20180507": ("دبي، الإمارات العربية المتحدة (CNN) –", "CNN", None),
 "ant-CN-middleEast-947-20180516": ("نيويورك، الولايات المتحدة الأمريكية (CNN)—", "CNN", None),
 "ant-CN-middleEast-917-20180514": ("دبي، الإمارات العربية المتحدة (CNN) --", "CNN", None),
 "ant-CN-middleEast-785-20180502": ("دبي، الإمارات العربية المتحدة (CNN)—", "CNN", None),
 "ant-FR-internationalNews-1306-20180518": None, "ant-FR-internationalNews-1208-20180512": None,
 "ant-FR-internationalNews-1188-20180511": None, "ant-FR-culture-62-20180511": None,
 "snn-2015-08-11-01394": None, "snn-2015-08-10-01377": None, "snn-2015-08-11-01481": None, "snn-2015-08-11-01490": None,
 "snn-2015-08-11-01517": ("خالد خليل- سبق- متابعة:", "سبق", None),
 "snn-2015-08-10-01498": ("عبدالله الراجحي- سبق- جدة:", "سبق", None),
 "snn-2015-08-10-01676": ("نجران 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", None, ("واس", "واس")),
 "snn-2015-08-11-01626": ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", None, ("واس", "واس")),
 "snn-2015-08-10-01535": ("إسلام آباد 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", None, ("واس", "واس")),
 "snn-2015-08-11-01522": ("الكويت 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", None, ("واس", "واس")),
 "ant-SK-technology-609-20180509": None, "ant-SK-middleEast-1711-20180515": None,
 "ant-SK-middleEast-1405-20180504": None, "ant-SK-technology-584-20180504": None,
 # ant_unlabeled, a second random draw
 "ant-SK-technology-250-20180325": None, "ant-BB-middleEast-95-20180226": None,
 "ant-CN-middleEast-1572-20181016": ("دبي، الإمارات العربية المتحدة (CNN) –", "CNN", None),
 "ant-BB-internationalNews-15-20180215": None, "ant-BB-middleEast-588-20180606": None,
 "ant-BB-internationalNews-1124-20180926": None, "ant-AL-sport-1816-20180604": None,
 "ant-CN-internationalNews-179-20180324": ("(CNN)--", "CNN", None),
 "ant-SK-economy-626-20180523": None, "ant-SK-internationalNews-3435-20181012": None,
 "ant-SK-middleEast-2221-20180607": None, "ant-BB-middleEast-422-20180429": None,
 "ant-AL-sport-515-20180309": (None, None, ("اليوم السابع المصرية", "اليوم السابع المصرية")),
 "ant-SK-internationalNews-3375-20181009": None, "ant-SK-middleEast-2798-20180708": None,
 "ant-SK-middleEast-37-20180223": None, "ant-SK-internationalNews-1685-20180521": None,
 "ant-AL-culture-170-20180315": None,
 "ant-CN-economy-185-20180814": ("دبي، الإمارات العربية المتحدة (CNN) --", "CNN", None),
 "ant-AL-economy-413-20180410": None, "ant-SK-internationalNews-1267-20180430": None,
 "ant-BB-culture-134-20180429": None, "ant-SK-technology-1597-20181010": None, "ant-SK-technology-818-20180602": None,
 "ant-BB-internationalNews-1069-20180909": None, "ant-SK-internationalNews-1925-20180602": None,
 "ant-FR-internationalNews-1899-20180619": None, "ant-BB-economy-174-20180626": None,
 "ant-CN-middleEast-263-20180314": ("دبي، الإمارات العربية المتحدة (CNN) --", "CNN", None),
 "ant-CN-middleEast-1439-20181008": None,
}
texts = {}
for f in ["../shared/data/news/saudinewsnet/articles.jsonl", "../shared/data/news/ant_multisource/articles.jsonl"]:
    for l in open(f):
        r = json.loads(l)
        if r["id"] in ANN: texts[r["id"]] = (r["text"], "ant_multisource" if r["id"].startswith("ant") else "saudinewsnet")
for l in gzip.open("../shared/data/news/ant_unlabeled/articles.jsonl.gz", "rt"):
    r = json.loads(l)
    if r["id"] in ANN and r["id"] not in texts: texts[r["id"]] = (r["text"], "ant_unlabeled")
assert set(texts) == set(ANN), set(ANN) - set(texts)
out = open(sys.argv[1], "w", encoding="utf-8")
for aid, ann in ANN.items():
    text, corpus = texts[aid]
    rec = {"id": aid, "corpus": corpus, "dateline": None, "outlet": None, "source": None}
    if ann:
        dl, outlet, src = ann
        if dl:
            s = text.index(dl); assert text[:s].strip("\u200b \n") == "", (aid, text[:s])
            rec["dateline"] = {"text": dl, "start": s, "end": s + len(dl)}
        rec["outlet"] = outlet
        if src:
            name, written = src
            s = text.rindex(written) if aid.startswith("ant-AL") else text.index(written)
            rec["source"] = {"name": name, "text": written, "start": s, "end": s + len(written)}
    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(len(ANN))
